#!/bin/sh
# request.sh - the 予算見積書 of `twcost budget --format xlsx`, opened in a
# real headless LibreOffice Calc, recalculated and converted to CSV there:
# every figure and every SUM equals `twcost budget --format json`; the
# workbook in Japanese (--lang ja), as an office files it
# (tests/spreadsheet/request_csv.py does the work), for the bundled example
# with a rollout and go-live, one with other funding, and one with leases.
# Skips (exit 77) when LibreOffice or python3-uno is missing.
set -eu
: "${TWCOST:?run through make check}"
: "${TESTS_DIR:?run through make check}"
: "${PROFILES:?run through make check}"

skip() {
	echo "SKIP: $*"
	exit 77
}
command -v soffice >/dev/null 2>&1 ||
	skip "LibreOffice is not installed (scripts/install-deps test)"
python=/usr/bin/python3
[ -x "$python" ] && "$python" -c 'import uno' 2>/dev/null ||
	skip "python3-uno is not installed"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
for entity in town-expanding city-starting town-leasing; do
	mkdir -p "$tmp/$entity"
	"$python" "$TESTS_DIR/spreadsheet/request_csv.py" --twcost "$TWCOST" \
		--workbook-module "$TESTS_DIR/../scripts/spreadsheet/twcost_workbook.py" \
		--dir "$tmp/$entity" -- --lang ja \
		--profile "$PROFILES/entities/$entity.cfg" ||
		status=1
done
exit $status
