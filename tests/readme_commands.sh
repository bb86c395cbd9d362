#!/bin/sh
# readme_commands.sh - every command README.md shows runs, in the order it
# shows them, as a new user runs them in a tree they have just unpacked; a
# README command that stops working fails this test.
#
# What is a command (every code block of README.md is fenced, so that this
# test sees it):
#  - each line of a ```sh block ("  # ..." at its end is a comment);
#  - a "$ " line of any other block; the lines after it, up to the next
#    "$ " line, are what it prints, and each must be a line of its output
#    ("..." stands for lines left out; scripts/bench measures, so of its
#    lines only the names and units are compared);
#  - a ```c block whose first line is "/* NAME.c ..." is the file NAME.c,
#    written where the commands run.
# Refused: an indented code block; a line that looks like a command
# anywhere else in a code block; sudo in any command (the README says in
# words where root is needed); a quick start other than exactly
# scripts/quickstart and scripts/check.
#
# Where they run: a copy of the distributed tree (`make distdir`), with
# HOME a scratch folder and LD_LIBRARY_PATH unset.  Beyond that:
#  - `twcost` is the build under test, as in every other test;
#  - `make install` into the default prefix (root's) installs into a
#    scratch DESTDIR; `ldconfig` then builds a scratch cache (-C) of that
#    DESTDIR's libdir (-f), never the system's, which must find
#    libtwcost.so.0;
#  - with --prefix=$HOME/.local, `make install` is real; the twcost it
#    installs runs with no LD_LIBRARY_PATH, and man finds both pages from
#    the PATH;
#  - the C example builds with pkg-config against the DESTDIR install and
#    runs with LD_LIBRARY_PATH pointing into it (its one use: on a real
#    install ldconfig does that), and the workbook's macro loads the
#    DESTDIR's library through TWCOST_LIB;
#  - `libreoffice --calc FILE` would open a window: it runs headless,
#    converting FILE to CSV, which shows that the command is there and
#    reads the workbook;
#  - man pages go to cat (MANPAGER), 80 columns wide; make runs with -jN.
# Skipped on purpose, with the reason in the log:
#  - scripts/check runs `make check`, of which this test is a part; CI
#    (.ci/run) runs it.
. "$TESTS_DIR/cli/setup.sh"
: "${TWC_BUILDDIR:?run through make check}"
: "${TWC_MAKE:=make}"
readme=$TESTS_DIR/../README.md
unset LD_LIBRARY_PATH MANPATH
# A make of our own, not a sub-make of the one running the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

# ---- the commands, one record a line: KIND:TEXT ---------------------------
# CMD a command, OUT a line it prints, FILE NAME a file begins, SRC a line
# of it, BAD a README line this test refuses.
awk '
function bad(why) { print "BAD:README.md:" FNR ": " why ": " $0 }
/^```/ {
	if (!fence) { fence = 1; info = substr($0, 4); first = 1; file = ""; cmd = 0 }
	else fence = 0
	next
}
!fence {
	if (blank && /^(    |\t)/) bad("an indented code block (fence it)")
	blank = /^$/
	next
}
/^(\$ )?sudo / { bad("sudo in a command"); next }
info == "sh" {
	line = $0
	sub(/[ \t]+#.*$/, "", line)
	if (line !~ /^[ \t]*(#.*)?$/) print "CMD:" line
	next
}
info == "c" {
	if (first && $0 ~ /^\/\* [A-Za-z0-9_-]+\.c /) { file = $2; print "FILE:" file }
	first = 0
	if (file != "") print "SRC:" $0
	next
}
/^\$ / { print "CMD:" substr($0, 3); cmd = 1; next }
/^((src\/)?twcost [a-z-]+( |$)|(make|cc|gcc|man|ldconfig|libreoffice|localc|soffice|apt-get)( |$)|scripts\/|\.\/|~\/|\/usr\/bin\/|[A-Z_]+=)/ {
	bad("a command outside a sh block, or without \"$ \""); next
}
cmd { print "OUT:" $0 }
END { if (fence) print "BAD:README.md: a code block is not closed" }
' "$readme" >"$tmp/records"

grep '^BAD:' "$tmp/records" | while IFS= read -r r; do echo "FAIL: ${r#BAD:}" >&2; done
expect "README lines this test refuses" "$(grep -c '^BAD:' "$tmp/records")" 0
# The quick start: the first sh block, exactly these two commands.
quick=$(awk '/^```sh$/ { n++; next } /^```/ { if (n == 1) exit } n == 1' "$readme" |
	tr '\n' ' ')
expect "the quick start" "$quick" "scripts/quickstart scripts/check "
expect "commands found" "$(grep -c '^CMD:' "$tmp/records" | awk '$1 >= 20 { print "yes" }')" yes

# ---- where they run ----------------------------------------------------------
# The distributed tree, as `make distdir` copies it (given relative to the
# build folder, as automake needs it for po/), writable.
top=$tmp/twcost
builddir=$(cd "$TWC_BUILDDIR" && pwd -P)
up=$(echo "$builddir" | sed 's|[^/][^/]*|..|g; s|^/||')
if ! (cd "$builddir" && $TWC_MAKE distdir distdir="$up$(cd "$tmp" && pwd -P)/twcost") \
	>"$tmp/distdir.log" 2>&1; then
	tail -20 "$tmp/distdir.log" >&2
	bad "make distdir failed"
	finish
	exit 1
fi
chmod -R u+w "$top"
home=$tmp/home
dest=$tmp/dest
mkdir -p "$home" "$dest" "$tmp/bin" "$tmp/lo"
# twcost: the build under test (under TWCOST_WRAP when set).
cat >"$tmp/bin/twcost" <<EOF
#!/bin/sh
exec ${TWCOST_WRAP:+$LIBTOOL --mode=execute $TWCOST_WRAP} "$TWCOST" "\$@"
EOF
chmod +x "$tmp/bin/twcost"
jobs=$(nproc 2>/dev/null || echo 2)

# shell COMMAND [NAME=VALUE...]: run COMMAND with sh in the tree, as the
# user, stdout in $tmp/out, stderr in $tmp/err; its exit status.
shell() {
	c=$1
	shift
	set +e
	(cd "$top" && env HOME="$home" PATH="$tmp/bin:$PATH" MANPAGER=cat \
		MANWIDTH=80 MAKEFLAGS="-j$jobs" \
		TWCOST_LIB="$(find "$dest" -name libtwcost.so.0 2>/dev/null | head -1)" \
		"$@" sh -c "$c") </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	return $rc
}
# run LABEL COMMAND [NAME=VALUE...]: shell, and the test fails unless it
# exits 0.
run() {
	label=$1
	shift
	if shell "$@"; then ok; else
		bad "README command '$label' exited $rc: $(tail -5 "$tmp/err")"
	fi
}
# The prefix the tree is configured for.
prefix() { sed -n 's/^prefix = //p' "$top/Makefile"; }
destlib() { dirname "$(find "$dest" -name libtwcost.so.0 | head -1)"; }

# ---- run them ------------------------------------------------------------------
skipped=""
cfile=""
last=""
while IFS= read -r r; do
	kind=${r%%:*}
	text=${r#*:}
	case $kind in
	FILE)
		cfile=$text
		: >"$top/$cfile"
		continue
		;;
	SRC)
		printf '%s\n' "$text" >>"$top/$cfile"
		continue
		;;
	OUT)
		# A line the last command printed.
		case $last in
		scripts/bench)
			# NAME VALUE UNIT: the names and units, not the figures.
			want=$(echo "$text" | awk '{ print $1, $NF }')
			awk '{ print $1, $NF }' "$tmp/shown-out" | grep -qxF -- "$want" && ok ||
				bad "'$last' prints no line '$want'"
			;;
		*)
			[ "$text" = "..." ] && continue
			grep -qxF -- "$text" "$tmp/shown-out" && ok ||
				bad "'$last' does not print the line README shows: '$text'"
			;;
		esac
		continue
		;;
	BAD) continue ;;
	esac
	last=$text
	case $text in
	scripts/check)
		skipped="$skipped
  $text: it runs make check, of which this test is a part (CI runs it)"
		;;
	"make install")
		if [ "$(prefix)" = "$home/.local" ]; then
			run "$text" "$text"
			for f in bin/twcost share/man/man1/twcost.1 share/man/ja/man1/twcost.1 \
				lib/libtwcost.so.0; do
				[ -f "$home/.local/$f" ] && ok || bad "make install left no ~/.local/$f"
			done
		else
			run "$text (DESTDIR=$dest)" "make install DESTDIR='$dest'"
			for f in bin/twcost share/man/man1/twcost.1 share/man/ja/man1/twcost.1 \
				lib/libtwcost.so.0; do
				[ -f "$dest$(prefix)/$f" ] && ok || bad "make install left no $(prefix)/$f"
			done
		fi
		;;
	ldconfig)
		destlib >"$tmp/ld.so.conf"
		run "$text (a scratch cache of $(destlib))" \
			"ldconfig -C '$tmp/ld.so.cache' -f '$tmp/ld.so.conf'"
		ldconfig -C "$tmp/ld.so.cache" -p | grep -q "libtwcost.so.0 .*=> $(destlib)/libtwcost.so.0" &&
			ok || bad "ldconfig's cache does not find libtwcost.so.0 in $(destlib)"
		;;
	"libreoffice --calc "*)
		file=${text#libreoffice --calc }
		run "$text (headless)" "libreoffice -env:UserInstallation=file://$tmp/lo-profile --calc --headless --convert-to csv --outdir '$tmp/lo' $file"
		[ -s "$tmp/lo/${file%.*}.csv" ] && ok || bad "'$text' did not read $file"
		;;
	"cc "*)
		pc=$(dirname "$(find "$dest" -name twcost.pc | head -1)")
		run "$text (against $dest)" "$text" PKG_CONFIG_PATH="$pc" \
			PKG_CONFIG_SYSROOT_DIR="$dest"
		;;
	"./${cfile%.c}" | "./${cfile%.c} "*)
		run "$text (LD_LIBRARY_PATH=$(destlib))" "$text" LD_LIBRARY_PATH="$(destlib)"
		;;
	*)
		run "$text" "$text"
		;;
	esac
	cp "$tmp/out" "$tmp/shown-out"
done <"$tmp/records"

# What README says besides: the installed pages are found from the PATH,
# English and, under a Japanese locale, Japanese.
if [ -x "$home/.local/bin/twcost" ]; then
	shell "man -w twcost" LANG=C.UTF-8 PATH="$home/.local/bin:/usr/bin:/bin" &&
		expect "man finds the page of ~/.local" "$(cat "$tmp/out")" \
			"$home/.local/share/man/man1/twcost.1" ||
		bad "man -w twcost: $(cat "$tmp/err")"
	shell "man -w twcost" LANG=ja_JP.UTF-8 PATH="$home/.local/bin:/usr/bin:/bin" &&
		expect "man finds the Japanese page of ~/.local" "$(cat "$tmp/out")" \
			"$home/.local/share/man/ja/man1/twcost.1" ||
		bad "LANG=ja_JP.UTF-8 man -w twcost: $(cat "$tmp/err")"
else
	bad "README installs no ~/.local/bin/twcost"
fi
[ -n "$skipped" ] && echo "README commands not run:$skipped"
finish
