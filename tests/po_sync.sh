#!/bin/sh
# po_sync.sh - the translations are whole and the library's copy is current:
# src/po_ja.c is what tests/po2c makes of po/ja.po (`make update-po-c`),
# every translation takes the arguments of its English format (po2c and
# msgfmt -c check), po2c refuses one that does not, and po/POTFILES.in
# lists every source file.
. "$TESTS_DIR/cli/setup.sh"
: "${TWC_BUILDDIR:?run through make check}"
top=$(dirname "$TESTS_DIR")
po2c=$TWC_BUILDDIR/tests/po2c

if "$po2c" "$top/po/ja.po" ja >"$tmp/po_ja.c" &&
	diff -u "$top/src/po_ja.c" "$tmp/po_ja.c" >"$tmp/diff"; then
	ok
else
	bad "src/po_ja.c is not po/ja.po's (make update-po-c):"
	head -40 "$tmp/diff" >&2
fi

if command -v msgfmt >/dev/null 2>&1; then
	if msgfmt -c -o /dev/null "$top/po/ja.po" 2>"$tmp/msgfmt"; then
		ok
	else
		bad "msgfmt -c po/ja.po:"
		cat "$tmp/msgfmt" >&2
	fi
fi

# A translation whose arguments differ is refused, naming its line.
cat >"$tmp/bad.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

#: src/scenario.c:1
#, c-format
msgid "%s is out of range (%d to %d)"
msgstr "%d は範囲外です（%s〜%d）"
PO
"$po2c" "$tmp/bad.po" ja >/dev/null 2>"$tmp/err" && bad "po2c took a bad format"
expect "po2c names the entry" "$(cat "$tmp/err")" \
	"$tmp/bad.po:6: the msgstr takes an argument of another type"
# Positional arguments in another order are fine when the types agree.
sed 's/^msgstr .*/msgstr "%1$s は範囲外です（%2$d〜%3$d）"/' "$tmp/bad.po" >"$tmp/pos.po"
"$po2c" "$tmp/pos.po" ja >"$tmp/pos.c" || bad "po2c refused positional arguments"
expect "positional kept" "$(grep -c '%1\$s' "$tmp/pos.c")" 1
# Only the library's messages go in (not src/cli/'s).
sed 's|src/scenario.c|src/cli/options.c|; s/^msgstr .*/msgstr "x"/' "$tmp/bad.po" >"$tmp/cli.po"
"$po2c" "$tmp/cli.po" ja >"$tmp/cli.c"
expect "a CLI message stays out" "$(grep -c 'po_ja_count = 0;' "$tmp/cli.c")" 1

# Every source file is in POTFILES.in (a new one would go untranslated).
(cd "$top" && ls src/*.c src/*.h src/cli/*.c src/cli/*.h | grep -v '^src/po_ja\.c$' |
	grep -v '^src/bundled\.c$') >"$tmp/sources"
grep -v '^#' "$top/po/POTFILES.in" | sort >"$tmp/listed"
sort "$tmp/sources" >"$tmp/want"
if diff -u "$tmp/listed" "$tmp/want" >"$tmp/diff"; then
	ok
else
	bad "po/POTFILES.in differs from the sources:"
	cat "$tmp/diff" >&2
fi
finish
