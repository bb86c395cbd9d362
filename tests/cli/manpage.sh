#!/bin/sh
# manpage.sh - the English and the Japanese page of twcost(1),
# docs/twcost.1 and docs/twcost.ja.1:
#  - every example (a "$ twcost ..." line) runs and exits 0, and both
#    pages carry the same examples;
#  - the commands each page lists are those of twcost --help;
#  - both pages document the same options (every --flag they name, and the
#    tag of every .TP entry, which is the same roff line in both), and
#    every flag that twcost --help or a command's --help names;
#  - each renders with no warning from groff (-ww, every warning) and from
#    man under the page's own locale;
#  - the Japanese page is Japanese as a reader sees it: Japanese section
#    names, and no space between two Japanese characters (roff turns a line
#    break into a space: the source must not break a Japanese sentence).
. "$TESTS_DIR/cli/setup.sh"

en="$TESTS_DIR/../docs/twcost.1"
ja="$TESTS_DIR/../docs/twcost.ja.1"
for page in "$en" "$ja"; do
	[ -f "$page" ] || {
		bad "no $page"
		finish
		exit 1
	}
done

# ---- examples -----------------------------------------------------------------
# examples PAGE: its "$ twcost" lines without "$ twcost ", roff's \- undone.
examples() { sed -n 's/^\$ twcost //p' "$1" | sed 's/\\-/-/g'; }
for page in "$en" "$ja"; do
	name=$(basename "$page")
	examples "$page" >"$tmp/examples"
	expect "$name has examples" "$(test -s "$tmp/examples" && echo yes)" yes
	while IFS= read -r args; do
		set +e
		# shellcheck disable=SC2086
		twcost $args >/dev/null 2>"$tmp/err"
		rc=$?
		set -e
		expect "$name example: twcost $args" "$rc" 0
	done <"$tmp/examples"
done
expect "the same examples in both pages" "$(examples "$ja")" "$(examples "$en")"

# ---- commands ------------------------------------------------------------------
twcost --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' | sort >"$tmp/help-commands"
# commands PAGE FROM TO: the .B names between two section headings.
commands() {
	sed -n "/^\\.SH $2\$/,/^\\.SH $3\$/p" "$1" |
		sed -n 's/^\.B \([a-z]*\).*/\1/p' | sort | tr '\n' ' '
}
expect "commands of twcost.1 = commands of --help" \
	"$(commands "$en" COMMANDS OPTIONS)" "$(tr '\n' ' ' <"$tmp/help-commands")"
expect "commands of twcost.ja.1 = commands of --help" \
	"$(commands "$ja" コマンド オプション)" "$(tr '\n' ' ' <"$tmp/help-commands")"

# ---- options -------------------------------------------------------------------
# flags: every --flag in the text, one a line, sorted.
flags() { sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*[a-z]' | sort -u; }
flags <"$en" >"$tmp/en-flags"
flags <"$ja" >"$tmp/ja-flags"
expect "the same flags in both pages" "$(tr '\n' ' ' <"$tmp/ja-flags")" \
	"$(tr '\n' ' ' <"$tmp/en-flags")"
awk '/^\.TP/ { getline; print }' "$en" >"$tmp/en-tags"
awk '/^\.TP/ { getline; print }' "$ja" >"$tmp/ja-tags"
expect "the same entries (.TP tags) in both pages" \
	"$(diff "$tmp/en-tags" "$tmp/ja-tags" >/dev/null && echo same)" same
{
	twcost --help
	for c in $(cat "$tmp/help-commands"); do twcost "$c" --help; done
} | flags >"$tmp/help-flags"
expect "every flag of --help in the pages" \
	"$(comm -23 "$tmp/help-flags" "$tmp/en-flags" | tr '\n' ' ')" ""

# ---- rendering -----------------------------------------------------------------
if command -v groff >/dev/null 2>&1 && command -v preconv >/dev/null 2>&1; then
	for page in "$en" "$ja"; do
		name=$(basename "$page")
		preconv "$page" | groff -Tutf8 -mandoc -ww -z 2>"$tmp/groff.err" ||
			bad "$name: groff failed"
		expect "$name: groff -ww warnings" "$(cat "$tmp/groff.err")" ""
	done
	# As a reader sees it, bold and underline left out.
	preconv "$ja" | groff -Tutf8 -mandoc -P-cbou 2>/dev/null >"$tmp/ja.txt"
	expect "twcost.ja.1: section names" \
		"$(grep -E '^[^ ]' "$tmp/ja.txt" | sed 1d | sed '$d' | tr '\n' ' ')" \
		"名前 書式 説明 コマンド オプション 数値と日付 終了ステータス 上限 環境変数 ファイル 例 関連項目 "
	jchar='[\p{Han}\p{Hiragana}\p{Katakana}\x{3000}-\x{303F}\x{FF01}-\x{FF5E}]'
	grep -nP "$jchar $jchar" "$tmp/ja.txt" >"$tmp/spaced" || true
	expect "twcost.ja.1: spaces between Japanese characters" \
		"$(cat "$tmp/spaced")" ""
else
	echo "groff is not installed (scripts/install-deps test): rendering not checked"
fi
if command -v man >/dev/null 2>&1; then
	LANG=C.UTF-8 MANWIDTH=80 man -l "$en" >/dev/null 2>"$tmp/man.err" ||
		bad "man -l docs/twcost.1 failed"
	expect "man -l docs/twcost.1: warnings" "$(cat "$tmp/man.err")" ""
	if locale -a 2>/dev/null | grep -qix 'ja_JP\.utf-\{0,1\}8'; then
		LANG=ja_JP.UTF-8 MANWIDTH=80 man -l "$ja" >"$tmp/man-ja.txt" 2>"$tmp/man.err" ||
			bad "man -l docs/twcost.ja.1 failed"
		expect "man -l docs/twcost.ja.1: warnings" "$(cat "$tmp/man.err")" ""
		grep -q '^名前' "$tmp/man-ja.txt" && ok || bad "man -l docs/twcost.ja.1 shows no 名前"
	else
		echo "no ja_JP.UTF-8 locale (scripts/install-deps): man -l of twcost.ja.1 not run"
	fi
else
	echo "man is not installed (scripts/install-deps test): man -l not run"
fi

finish
