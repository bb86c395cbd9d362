#!/bin/sh
# calc.sh - the twcost workbook in a real LibreOffice Calc, headless: build
# it, recalculate it, and compare every figure with `twcost compare
# --format json` (tests/spreadsheet/calc_check.py does the work).
# Skips (exit 77) when LibreOffice, python3-uno, the Python script
# provider or the shared library is missing, or when the library is built
# with a sanitizer (its runtime cannot be loaded into soffice).
set -eu
: "${TWCOST:?run through make check}"
: "${TESTS_DIR:?run through make check}"

skip() {
	echo "SKIP: $*"
	exit 77
}

soffice=$(command -v soffice 2>/dev/null) ||
	skip "LibreOffice is not installed (scripts/install-deps test)"
python=/usr/bin/python3 # Debian's: the one python3-uno serves
[ -x "$python" ] && "$python" -c 'import uno' 2>/dev/null ||
	skip "python3-uno is not installed"
program=$(dirname "$(readlink -f "$soffice")")
[ -f "$program/pythonscript.py" ] ||
	skip "libreoffice-script-provider-python is not installed"

lib=$(dirname "$TWCOST")/.libs/libtwcost.so.0
[ -f "$lib" ] || skip "no shared library $lib (--disable-shared?)"
if nm -D "$lib" 2>/dev/null | grep -qE ' U __(asan|tsan|ubsan)_'; then
	skip "the library is built with a sanitizer"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
TWCOST_LIB=$lib
export TWCOST_LIB
"$python" "$TESTS_DIR/spreadsheet/calc_check.py" \
	--twcost "$TWCOST" \
	--workbook-module "$TESTS_DIR/../scripts/spreadsheet/twcost_workbook.py" \
	--dir "$tmp"
