#!/bin/sh
# abi.sh - the library as it is installed: `make install` into a scratch
# DESTDIR, then
#  (a) nm -D lists only twc_ symbols, exactly the functions twcost.h
#      declares;
#  (b) the soname is versioned by the libtool rules: libtwcost.so.C-A, the
#      file libtwcost.so.C-A.A.R, and the development link libtwcost.so;
#  (c) pkg-config --cflags --libs twcost (PKG_CONFIG_PATH and
#      PKG_CONFIG_SYSROOT_DIR pointing at the scratch install) builds the
#      example of docs/api.md, and it runs against the installed library
#      with the same output as in the build tree;
#  (d) the static library, where one is built, defines no global symbol
#      but the twc_ functions (its internals are made local), and the
#      example links against it alone (pkg-config --static) and runs the
#      same;
#  (e) the installed twcost finds libtwcost without ldconfig: its run path
#      is the libdir, unless that is a directory the dynamic loader
#      searches by itself (as its --help lists them), and it runs and
#      prints what the build-tree twcost prints.  It runs with
#      LD_LIBRARY_PATH only because this install is in a DESTDIR, not at
#      the libdir its run path names.
# Skips (77) when the build has no shared library.
. "$TESTS_DIR/cli/setup.sh"
: "${TWC_BUILDDIR:?run through make check}"
: "${TWC_MAKE:=make}"
: "${TWC_CC:=cc}"

dest=$tmp/dest
# A make of our own, not a sub-make of the one running the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
if ! (cd "$TWC_BUILDDIR" && $TWC_MAKE install DESTDIR="$dest") \
	>"$tmp/install.log" 2>&1; then
	tail -20 "$tmp/install.log" >&2
	bad "make install DESTDIR=$dest failed"
	finish
	exit 1
fi
ok

so=$(find "$dest" -name 'libtwcost.so.*' -type f | head -1)
if [ -z "$so" ]; then
	echo "SKIP: no shared library installed (--disable-shared?)"
	exit 77
fi
libdir=$(dirname "$so")

# ---- (a) exported symbols -------------------------------------------------
nm -D --defined-only "$so" | awk '{ print $NF }' | sort -u >"$tmp/exported"
grep -v '^twc_' "$tmp/exported" >"$tmp/foreign" || true
expect "symbols other than twc_ exported" "$(tr '\n' ' ' <"$tmp/foreign")" ""
grep -o 'TWC_CALL[[:space:]]*twc_[a-z0-9_]*' "$TESTS_DIR/../include/twcost.h" |
	sed 's/TWC_CALL[[:space:]]*//' | sort -u >"$tmp/declared"
expect "every declared function exported, nothing more" \
	"$(grep '^twc_' "$tmp/exported" | tr '\n' ' ')" \
	"$(tr '\n' ' ' <"$tmp/declared")"
[ "$(wc -l <"$tmp/declared")" -ge 26 ] && ok ||
	bad "only $(wc -l <"$tmp/declared") functions found in twcost.h"

# ---- (b) the soname --------------------------------------------------------
: "${TWC_LT_VERSION:?run through make check}"
IFS=: read -r cur rev age <<EOF
$TWC_LT_VERSION
EOF
major=$((cur - age))
soname=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
expect "soname" "$soname" "libtwcost.so.$major"
expect "library file" "$(basename "$so")" "libtwcost.so.$major.$age.$rev"
expect "soname link" "$(readlink "$libdir/libtwcost.so.$major")" \
	"libtwcost.so.$major.$age.$rev"
[ -L "$libdir/libtwcost.so" ] && ok || bad "no development link libtwcost.so"
cmp -s "$(find "$dest" -name twcost.h)" "$TESTS_DIR/../include/twcost.h" &&
	ok || bad "installed twcost.h differs from include/twcost.h"

# ---- (c) pkg-config, and a program built with it ---------------------------
pc=$(find "$dest" -name twcost.pc)
[ -n "$pc" ] && ok || bad "twcost.pc not installed"
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
flags=$(pkg-config --cflags --libs twcost) || bad "pkg-config --cflags --libs twcost failed"
case " $flags " in
*" -I$dest/"*" -L$libdir "*"-ltwcost "*) ok ;;
*) bad "pkg-config flags '$flags' do not point into $dest" ;;
esac
expect "pkg-config version" "$(pkg-config --modversion twcost)" \
	"$("$TWCOST" --version 2>/dev/null | sed -n 's/^twcost \([^ ]*\).*/\1/p')"

# The example of docs/api.md: tests/api_example.c, made by make check.
# TWC_CFLAGS carries the build's warnings (and -Werror when configured so)
# and any sanitizer flags the installed library needs.
src=$TWC_BUILDDIR/tests/api_example.c
# shellcheck disable=SC2086
if $TWC_CC ${TWC_CFLAGS:-} -o "$tmp/example" "$src" $flags ${TWC_LDFLAGS:-} \
	2>"$tmp/cc.err"; then
	ok
else
	bad "the docs/api.md example does not build with pkg-config: $(cat "$tmp/cc.err")"
fi
if LD_LIBRARY_PATH=$libdir "$tmp/example" >"$tmp/installed.out" 2>"$tmp/run.err"; then
	ok
else
	bad "the example failed against the installed library: $(cat "$tmp/run.err")"
fi
resolved=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/example" | awk '$1 ~ /^libtwcost/ { print $3 }')
expect "the example uses the installed library" "$resolved" "$libdir/libtwcost.so.$major"
"$TWC_BUILDDIR/tests/api_example" >"$tmp/built.out" 2>/dev/null ||
	bad "the build-tree example failed"
if [ -s "$tmp/installed.out" ] && cmp -s "$tmp/installed.out" "$tmp/built.out"; then
	ok
else
	bad "installed and build-tree examples print differently"
fi
# ---- (d) the static library -------------------------------------------------
a=$(find "$dest" -name 'libtwcost.a' | head -1)
if [ -n "$a" ]; then
	nm -g --defined-only "$a" | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/static"
	expect "libtwcost.a: globals other than twc_" \
		"$(grep -v '^twc_' "$tmp/static" | tr '\n' ' ')" ""
	expect "libtwcost.a: the same functions as the shared library" \
		"$(tr '\n' ' ' <"$tmp/static")" "$(tr '\n' ' ' <"$tmp/declared")"
	static_flags=$(pkg-config --cflags twcost)
	# shellcheck disable=SC2086
	if $TWC_CC ${TWC_CFLAGS:-} $static_flags -o "$tmp/example-static" "$src" \
		"$a" $(pkg-config --static --libs-only-l twcost | sed 's/-ltwcost//') \
		${TWC_LDFLAGS:-} 2>"$tmp/cc-static.err"; then
		ok
	else
		bad "the example does not link against libtwcost.a: $(cat "$tmp/cc-static.err")"
	fi
	"$tmp/example-static" >"$tmp/static.out" 2>/dev/null ||
		bad "the statically linked example failed"
	cmp -s "$tmp/static.out" "$tmp/built.out" && ok ||
		bad "the statically linked example prints differently"
	ldd "$tmp/example-static" | grep -q libtwcost &&
		bad "the static example still loads libtwcost.so" || ok
else
	echo "no libtwcost.a installed: static checks skipped"
fi

# ---- (e) the installed twcost -----------------------------------------------
bin=$(find "$dest" -path '*/bin/twcost' -type f | head -1)
if [ -n "$bin" ]; then
	real_libdir=${libdir#"$dest"}
	runpath=$(objdump -p "$bin" | awk '$1 == "RUNPATH" || $1 == "RPATH" { print $2 }')
	interp=$(readelf -l "$bin" | sed -n 's/.*program interpreter: \(.*\)]$/\1/p')
	"$interp" --help 2>/dev/null |
		sed -n 's/^ *\(\/[^ ]*\) (system search path)$/\1/p' >"$tmp/system-dirs"
	if [ ! -s "$tmp/system-dirs" ]; then
		echo "the loader lists no system directories: twcost's run path not checked"
	elif grep -qxF "$real_libdir" "$tmp/system-dirs"; then
		expect "twcost's run path (libdir $real_libdir is a system directory)" "$runpath" ""
	elif [ -z "${TWC_CLI_RPATH:-}" ]; then
		echo "configured with --disable-rpath: twcost's run path not checked"
	else
		expect "twcost's run path" "$runpath" "$real_libdir"
	fi
	if LD_LIBRARY_PATH=$libdir "$bin" compare --format json >"$tmp/installed.json" \
		2>"$tmp/installed.err"; then ok; else
		bad "the installed twcost failed: $(cat "$tmp/installed.err")"
	fi
	"$TWCOST" compare --format json >"$tmp/built.json" 2>/dev/null
	cmp -s "$tmp/installed.json" "$tmp/built.json" && ok ||
		bad "installed and build-tree twcost print differently"
	resolved=$(LD_LIBRARY_PATH=$libdir ldd "$bin" | awk '$1 ~ /^libtwcost/ { print $3 }')
	expect "the installed twcost uses the installed library" "$resolved" \
		"$libdir/libtwcost.so.$major"
else
	echo "no twcost installed (--disable-cli): its checks skipped"
fi
finish
