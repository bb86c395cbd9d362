#!/bin/sh
# meaning.sh - what each figure means (issue 10, item 7): the effective
# rate as exactly as it is, eligible_yen always the eligible spending, the
# defaults note naming the items still at catalogue prices, and the help
# of --fiscal-index naming the index to enter.  Figures by hand.
. "$TESTS_DIR/cli/setup.sh"

# ---- the effective rate, exactly ---------------------------------------------
# prefecture-2400: index 0.60, prefectural table: m = 7/3 - 8/3 x 0.60 =
# 2.3333 - 1.6 = 0.7333 -> 0.73; rate 0.5 x 0.73 = 0.365 (not 0.36, not
# 0.37).
twcost compare --profile prefecture-2400 --wide >"$tmp/pref.txt"
expect "header shows 0.365" \
	"$(grep -c 'rate 0.50 x m 0.73 (fiscal index 0.60) = 0.365 of eligible initial cost' "$tmp/pref.txt")" 1
twcost estimate --profile prefecture-2400 --plan jlis-lgwan --wide >"$tmp/pref-est.txt"
expect "estimate shows 0.365" "$(grep -c 'effective grant rate 0.365$' "$tmp/pref-est.txt")" 1
twcost compare --profile prefecture-2400 --format csv >"$tmp/pref.csv"
expect "csv shows 0.365" "$(grep '^jlis-lgwan,' "$tmp/pref.csv" | cut -d, -f12)" 0.365
# 0.5 x 1.00 stays "0.50" in the default town's header
expect "0.50 stays 0.50" "$(twcost compare --wide | grep -c '= 0.50 of eligible initial cost')" 1

# The workbook's cell holds 0.365 and its number format shows it whole
# (at least three decimals), where "0.00" showed 0.37.
if [ -x /usr/bin/python3 ]; then
	twcost compare --profile prefecture-2400 --format xlsx -o "$tmp/pref.xlsx"
	/usr/bin/python3 - "$tmp/pref.xlsx" >"$tmp/fmt" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
strings = ["".join(t.text or "" for t in si.iter(M + "t"))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si")]
styles = ET.fromstring(z.read("xl/styles.xml"))
fmts = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter(M + "numFmt")}
xfs = list(styles.find(M + "cellXfs"))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
for row in sheet.iter(M + "row"):
    cells = list(row.iter(M + "c"))
    if cells and cells[0].get("t") == "s" and \
            strings[int(cells[0].find(M + "v").text)] == "effective rate":
        c = cells[1]
        print(c.find(M + "v").text, fmts.get(xfs[int(c.get("s"))].get("numFmtId")))
PY
	expect "xlsx rate and format" "$(cat "$tmp/fmt")" "0.365 0.00####"
fi

# ---- eligible_yen is the eligible spending -------------------------------------
# tests/data/model.cfg started in FY2019, before the measure's first year
# (FY2020): plan full's eligible initial spending is 34,000 + 130,000 +
# 500,000 + 1,000,000 + 1,101 + 150,000 = 1,815,101 (tests/unit/test_model.c
# works each item out); the grant is 0, and a warning says why - as when
# the deadline removes the grant (city-1200 keeps its eligible_yen).
j=$tmp/fy2019.json
json "$j" compare --profile "$TESTDATA/model.cfg" --start FY2019
expect "FY2019 eligible kept" "$(q "$j" '.plans[] | select(.id == "full") | .eligible_yen')" 1815101
expect "FY2019 year eligible kept" "$(q "$j" '.plans[] | select(.id == "full") | .years[0].eligible_yen')" 1815101
expect "FY2019 grant 0" "$(q "$j" '.plans[] | select(.id == "full") | .grant_yen')" 0
expect "FY2019 reason" "$(q "$j" '[.warnings[] | select(contains("before the measure began in FY2020"))] | length')" 1

# ---- the defaults note names what is still unquoted ----------------------------
# tests/data/breakeven.cfg's items are a_fixed, a_user, b_user and r_kit;
# with every one quoted there is no defaults note; with three quoted it
# names the fourth.
sed 's/^grant = "grant-telework.cfg";/grant = "grant-telework.cfg";\nquotes = { a_fixed = 1000000; a_user = 9000; b_user = 31000; r_kit = 900000; };/' \
	"$TESTDATA/breakeven.cfg" >"$tmp/quoted.cfg"
cp "$PROFILES/grant-telework.cfg" "$tmp/"
json "$tmp/q.json" compare --profile "$tmp/quoted.cfg"
expect "every item quoted: no defaults note" \
	"$(q "$tmp/q.json" '[.notes[] | select(contains("prices are defaults"))] | length')" 0
sed 's/ r_kit = 900000;//' "$tmp/quoted.cfg" >"$tmp/three.cfg"
json "$tmp/t.json" compare --profile "$tmp/three.cfg"
expect "the unquoted item is named" \
	"$(q "$tmp/t.json" '.notes[] | select(contains("prices are defaults"))')" \
	"prices are defaults from $tmp/three.cfg, not quotes, for these items (1): r_kit; replace them with your own (quotes = { item_id = yen; } in the scenario)"

# ---- batch: each row's warnings, and --strict ------------------------------------
# Three entities: the default town (J-LIS plan: no warning), a city that
# starts in FY2026 (after the deadline: no grant, and the warning says
# why), and a special ward (not covered: the rule's reason, whose own ";"
# becomes "," so that the column splits on ";" alone).
printf 'name,staff,kind,start\nA-town,80,,\nB-city,160,,R8\nC-ward,300,special_ward,\n' >"$tmp/in.csv"
twcost batch "$tmp/in.csv" --plan jlis-lgwan,rdp-office -o "$tmp/out.csv"
expect "batch: a warnings column" "$(head -1 "$tmp/out.csv" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//')" \
	"entity,plan,total_yen,eligible_yen,grant_yen,net_yen,warnings"
expect "batch: no warning, empty cell" "$(grep '^A-town,jlis-lgwan,' "$tmp/out.csv" | tr -d '\r' | sed 's/.*,//')" ""
expect "batch: the reason a grant is 0" \
	"$(grep '^B-city,jlis-lgwan,' "$tmp/out.csv" | grep -c ',0,[0-9]*,"no grant: introduction started in FY2026')" 1
expect "batch: the plan's own warning too" \
	"$(grep '^B-city,rdp-office,' "$tmp/out.csv" | grep -c '; home work needs the LGWAN-connected segment')" 1
expect "batch: one ';' between two warnings" \
	"$(grep '^C-ward,rdp-office,' "$tmp/out.csv" | awk -F'"' '{print $2}' | awk -F';' '{print NF}')" 2
set +e
twcost batch "$tmp/in.csv" --plan jlis-lgwan --strict -o "$tmp/strict.csv"
rc=$?
printf 'name,staff\nA-town,80\n' >"$tmp/clean.csv"
twcost batch "$tmp/clean.csv" --plan jlis-lgwan --strict -o "$tmp/clean-out.csv"
clean=$?
set -e
expect "batch --strict with a warning exits 1" "$rc" 1
expect "and still writes every row" "$(wc -l <"$tmp/strict.csv" | tr -d ' ')" 4
expect "batch --strict without one exits 0" "$clean" 0

# ---- which index to enter ----------------------------------------------------
twcost compare --help >"$tmp/help"
expect "fiscal-index help names the published index" \
	"$(grep -A3 -- '--fiscal-index' "$tmp/help" | tr -s ' \n' ' ')" \
	" --fiscal-index X 財政力指数 (0 to 5): the three-year average published for the fiscal year before the grant year (a grant in FY2025: the index of FY2024, averaging FY2022-2024) "

finish
