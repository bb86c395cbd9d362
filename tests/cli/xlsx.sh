#!/bin/sh
# xlsx.sh - the workbook of --format xlsx, read back with Python's standard
# library: every formula cell's stored result is what the formula gives
# and what `compare --format json` / `budget --format json` say for that
# cell; the sheets, the 千円 totals, the chart, the sheet each command opens
# on; and the output rules (a file is needed, written whole or not at all,
# exit 3 on failure, exit 1 with --strict and warnings).  With LibreOffice,
# the workbook is also converted to PDF and its first page must show the
# figures (LibreOffice does not recalculate on load: it shows what is
# stored).
. "$TESTS_DIR/cli/setup.sh"

python=/usr/bin/python3
if ! [ -x "$python" ]; then
	echo "SKIP: /usr/bin/python3 is not installed"
	exit 77
fi

# The checker: python3 check.py WORKBOOK COMPARE.json BUDGET.json prints
# "ok NAME" or "bad NAME: WHY" a line.
cat >"$tmp/check.py" <<'EOF'
import json, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
RID = "{%s}id" % NS["r"]


def say(good, name, why=""):
    print(("ok %s" % name) if good else ("bad %s: %s" % (name, why)))


def same(name, got, want):
    say(got == want, name, "got %r, expected %r" % (got, want))


def col_row(ref):
    m = re.fullmatch(r"\$?([A-Z]+)\$?([0-9]+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(m.group(2)) - 1


def read_book(path):
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheets = []
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        xml = z.read("xl/" + target[s.get(RID)])
        sheets.append((s.get("name"), read_sheet(ET.fromstring(xml), strings), xml))
    view = wb.find("m:bookViews/m:workbookView", NS)
    active = int(view.get("activeTab", "0"))
    return z, sheets, active


def read_sheet(root, strings):
    """{(col, row): (value, formula)}; value a str or an int/float."""
    cells = {}
    for c in root.iter("{%s}c" % NS["m"]):
        v, f, t = c.find("m:v", NS), c.find("m:f", NS), c.get("t")
        if v is None:
            value = None
        elif t == "s":
            value = strings[int(v.text)]
        elif t == "str":
            value = v.text
        else:
            x = float(v.text)
            value = int(x) if x == int(x) else x
        cells[col_row(c.get("r"))] = (value, f.text if f is not None else None)
    return cells


def evaluate(formula, cells):
    """The value of a formula of cell sums and differences or SUM(A1:B2)."""
    m = re.fullmatch(r"SUM\((\$?[A-Z]+\$?[0-9]+):(\$?[A-Z]+\$?[0-9]+)\)", formula)
    if m:
        (c1, r1), (c2, r2) = col_row(m.group(1)), col_row(m.group(2))
        return sum(cells.get((c, r), (0, None))[0] or 0
                   for c in range(c1, c2 + 1) for r in range(r1, r2 + 1))
    total, sign = 0, 1
    for tok in re.findall(r"[+-]|\$?[A-Z]+\$?[0-9]+", formula):
        if tok in "+-":
            sign = 1 if tok == "+" else -1
        else:
            total += sign * cells[col_row(tok)][0]
    return total


class Sheet:
    def __init__(self, name, cells):
        self.name, self.cells, self.seen = name, cells, set()

    def value(self, col, row):
        return self.cells.get((col, row), (None, None))[0]

    def row_of(self, col, text, start=0):
        rows = sorted(r for (c, r), (v, f) in self.cells.items()
                      if c == col and v == text and r >= start)
        return rows[0] if rows else None

    def check(self, name, col, row, want, formula=False):
        """The cell holds want (and a formula giving it, if formula)."""
        v, f = self.cells.get((col, row), (None, None))
        self.seen.add((col, row))
        same("%s %s" % (self.name, name), v, want)
        if formula:
            say(f is not None, "%s %s is a formula" % (self.name, name),
                "a plain value")
            if f is not None:
                same("%s %s: formula %s" % (self.name, name, f),
                     evaluate(f, self.cells), v)

    def unchecked_formulas(self):
        return sorted((c, r) for (c, r), (v, f) in self.cells.items()
                      if f is not None and (c, r) not in self.seen)


def header_cols(sh, row):
    """The columns of a header row by the last word of each label."""
    return {str(v).split()[-1]: c for (c, r), (v, f) in sh.cells.items() if r == row}


def check_scenario(sh, sc):
    """The scenario block of 比較: label in column A, value in B."""
    def at(label):
        r = sh.row_of(0, label)
        return sh.value(1, r) if r is not None else None
    same("比較 staff", at("general staff"), sc["staff"])
    same("比較 years", at("fiscal years"), sc["years"])
    for label, key in (("fiscal index", "fiscal_index_rounded"),
                       ("fiscal capacity correction m", "m"),
                       ("effective rate", "effective_rate")):
        v = at(label)
        say(isinstance(v, (int, float)) and abs(v - sc[key]) < 1e-9,
            "比較 " + key, "got %r, expected %r" % (v, sc[key]))
    start = str(at("start"))
    say(sc["start_label_en"] in start and sc["start"] in start, "比較 start",
        "%r lacks %s or %s" % (start, sc["start"], sc["start_label_en"]))
    say(sc["name"] in str(at("entity")), "比較 entity", repr(at("entity")))


def check_compare(sh, est):
    check_scenario(sh, est["scenario"])
    head = sh.row_of(0, "plan")
    say(head is not None, "比較 has its header row", "no 'plan' header (the tests run in English)")
    if head is None:
        return
    cols = header_cols(sh, head)
    plans = est["plans"]
    same("比較 plan rows", [sh.value(0, head + 1 + i) for i in range(len(plans))],
         [p["id"] for p in plans])
    ref = est["scenario"]["reference_plan"]
    for i, p in enumerate(plans):
        r, pid = head + 1 + i, p["id"]
        for key, field in (("initial", "initial_yen"), ("running", "running_yen"),
                           ("replacement", "replacement_yen"),
                           ("eligible", "eligible_yen"), ("grant", "grant_yen"),
                           ("user-year", "per_user_year_yen")):
            sh.check("%s %s" % (pid, field), cols[key], r, p[field])
        sh.check(pid + " total_yen", cols["total"], r, p["total_yen"], True)
        sh.check(pid + " net_yen", cols["net"], r, p["net_yen"], True)
        sh.check(pid + " vs_jlis_yen", cols["J-LIS"], r, p["vs_jlis_yen"], True)
        same("比較 %s security" % pid, sh.value(cols["security"], r), p["security_fit"])
        ids = [q["id"] for q in plans]
        if ref in ids:  # else its net stands on a row below the table
            f = sh.cells[(cols["J-LIS"], r)][1] or ""
            refs = [col_row(x) for x in re.findall(r"\$?[A-Z]+\$?[0-9]+", f)]
            same("比較 %s vs J-LIS refers to %s's net" % (pid, ref),
                 refs[-1:], [(cols["net"], head + 1 + ids.index(ref))])


def check_request_year(sh, plan, y, r):
    """One fiscal year's block of the 予算見積書 from row r; the next row."""
    name = "%s %s" % (plan, y["fy"])
    same(sh.name + " " + name + " header", sh.value(0, r + 1), "section, subsection, item")
    r += 2
    setsu_rows = []
    for s in y["setsu"]:
        same(name + " setsu", sh.value(0, r), "%d %s" % (s["code"], s["name"]))
        sh.check("%s setsu %d" % (name, s["code"]), 1, r, s["thousand_yen"], True)
        sh.check("%s setsu %d yen" % (name, s["code"]), 3, r, s["yen"])
        setsu_rows.append(r)
        r += 1
        for line in s["lines"]:
            if str(sh.value(0, r)).strip() == line["saisetsu"] and line["saisetsu"]:
                r += 1
            same(name + " line label", str(sh.value(0, r)).strip(), line["label_en"])
            sh.check(name + " " + line["item"], 1, r, line["thousand_yen"])
            same(name + " " + line["item"] + " basis", sh.value(2, r), line["basis_en"])
            sh.check(name + " " + line["item"] + " yen", 3, r, line["yen"])
            r += 1
    same(name + " 事業費計 row", sh.value(0, r), "total cost")
    sh.check(name + " 事業費計", 1, r, y["cost_thousand_yen"], True)
    sh.check(name + " 事業費計 yen", 3, r, y["cost_yen"])
    same(name + " 事業費計 = the 節 shown",
         sum(sh.value(1, q) for q in setsu_rows), sh.value(1, r))
    th, f = y["funding"]["thousand"], y["funding"]
    for k, key in enumerate(("national_yen", "prefectural_yen", "bond_yen", "other_yen")):
        sh.check(name + " " + key, 1, r + 1 + k, th[key])
        sh.check(name + " " + key + " yen", 3, r + 1 + k, f[key])
    sh.check(name + " 一般財源", 1, r + 5, th["general_yen"], True)
    sh.check(name + " 一般財源 yen", 3, r + 5, f["general_yen"])
    sh.check(name + " 特交見込額", 1, r + 6, (y["grant_memo_yen"] + 500) // 1000)
    sh.check(name + " 特交見込額 yen", 3, r + 6, y["grant_memo_yen"])
    sh.check(name + " 実質負担額", 1, r + 7,
             th["general_yen"] - (y["grant_memo_yen"] + 500) // 1000, True)
    sh.check(name + " 実質負担額 yen", 3, r + 7, y["real_burden_yen"])
    sh.check(name + " staff time yen", 3, r + 8, y["reference"]["staff_time_yen"])
    return r + 10


def check_budget(sh, plan):
    req = plan["request"]
    r = 3
    for y in req["years"]:
        same(sh.name + " year", sh.value(0, r), y["label_en"])
        r = check_request_year(sh, plan["id"], y, r)
    say(req["reading"]["later_initial_spending"] in str(sh.value(0, 1)),
        sh.name + " names the reading", repr(sh.value(0, 1)))
    for d in req["debt_burden"]:
        row = sh.row_of(0, d["label_en"], r)
        say(row is not None, sh.name + " debt " + d["item"], "none")
        if row is not None:
            same(sh.name + " debt period", sh.value(1, row), d["period_en"])
            sh.check(sh.name + " debt limit", 3, row, d["limit_yen"])


def check_items(sh, est):
    head = sh.row_of(0, "plan")
    years = [y["fy"] for y in est["plans"][0]["years"]] if est["plans"] else []
    r = head + 1
    for p in est["plans"]:
        for it in p["items"]:
            name = "%s %s" % (p["id"], it["id"])
            same("明細 " + name + " id", (sh.value(0, r), sh.value(1, r)), (p["id"], it["id"]))
            same("明細 " + name + " category", sh.value(4, r), it["category"])
            same("明細 " + name + " eligible", sh.value(6, r),
                 "eligible" if it["eligible"] else "not eligible")
            for k, f in enumerate(("quantity", "unit_yen", "total_yen", "eligible_yen")):
                sh.check(name + " " + f, 7 + k, r, it[f])
            for k, fy in enumerate(years):
                sh.check("%s FY%d" % (name, fy), 11 + k, r, it["years_yen"][k])
            r += 1
    same("明細 rows", sh.value(0, r), None)


def check_notes(sh, est):
    want = list(est["warnings"])
    want += [w for p in est["plans"] for w in p["warnings"]]
    want += list(est["notes"]) + [n for p in est["plans"] for n in p["notes"]]
    same("注記 messages", [sh.value(2, 1 + i) for i in range(len(want))], want)
    texts = [str(v) for (c, r), (v, f) in sh.cells.items()]
    say(any("twcost " in t and "libtwcost %s" % est["version"] in t for t in texts),
        "注記 has the version", "no 'libtwcost %s'" % est["version"])
    say(any("Prices are catalogue defaults" in t for t in texts),
        "注記 says prices are defaults", "missing")


def check_chart(z, est, compare):
    names = z.namelist()
    say("xl/charts/chart1.xml" in names, "the chart exists", "no xl/charts/chart1.xml")
    if "xl/charts/chart1.xml" not in names:
        return
    chart = ET.fromstring(z.read("xl/charts/chart1.xml"))
    bar = chart.find(".//c:barChart", NS)
    say(bar is not None and bar.find("c:barDir", NS).get("val") == "col",
        "the chart is a column chart", "not a barChart with barDir col")
    refs = [f.text for f in chart.iter("{%s}f" % NS["c"])]
    head = compare.row_of(0, "plan")
    cols = header_cols(compare, head)
    first, last = head + 2, head + 1 + len(est["plans"])
    for key in ("total", "grant", "net"):
        letter = chr(65 + cols[key])
        want = "'比較'!$%s$%d" % (letter, first)
        if last > first:
            want += ":$%s$%d" % (letter, last)
        say(want in refs, "the chart plots " + key, "no series %s in %s" % (want, refs))
    say(chart.find(".//c:title", NS) is not None, "the chart has a title", "none")
    say(chart.find(".//c:valAx/c:title", NS) is not None, "the y axis has a name", "none")


def main():
    z, sheets, active = read_book(sys.argv[1])
    est, bud = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
    names = [n for n, c, x in sheets]
    n_plans = len(est["plans"])
    same("sheet count", len(names), n_plans + 3)
    same("fixed sheet names", [names[0]] + names[-2:], ["比較", "明細", "注記"])
    for p, name in zip(est["plans"], names[1:1 + n_plans]):
        if len(p["id"]) <= 28 and not set(p["id"]) & set("[]:*?/\\'"):
            same("budget sheet of " + p["id"], name, "予算 " + p["id"])
        else:  # cut short or with characters a sheet name cannot have
            say(name.startswith("予算 "), "budget sheet of " + p["id"], name)
    say(all(len(x) <= 31 and not set(x) & set("[]:*?/\\") and
            not x.endswith("'") for x in names), "sheet names are valid", repr(names))
    same("sheet names are distinct", len({x.lower() for x in names}), len(names))
    for name, c, xml in sheets:
        say(b'state="frozen"' in xml, name + " freezes its header", "no frozen pane")
        say(b"<cols>" in xml, name + " sets column widths", "no <cols>")
    by = {n: Sheet(n, c) for n, c, x in sheets}
    check_compare(by["比較"], est)
    for p, name in zip(bud["plans"], names[1:1 + n_plans]):
        check_budget(by[name], p)
    check_items(by["明細"], est)
    check_notes(by["注記"], est)
    check_chart(z, est, by["比較"])
    for sh in by.values():
        left = sh.unchecked_formulas()
        same(sh.name + ": every formula checked against the JSON", left, [])
    print("active %d" % active)


main()
EOF

# check_book NAME WORKBOOK COMPARE.json BUDGET.json: every verdict of the
# checker counts; the index of the sheet the workbook opens on is left in
# $tmp/NAME.active.
check_book() {
	if ! "$python" "$tmp/check.py" "$2" "$3" "$4" >"$tmp/$1.out" 2>"$tmp/$1.err"; then
		bad "$1: the checker failed: $(tail -3 "$tmp/$1.err")"
		echo none >"$tmp/$1.active"
		return
	fi
	while IFS= read -r line; do
		case $line in
		ok\ *) ok ;;
		bad\ *) bad "$1: ${line#bad }" ;;
		active\ *) echo "${line#active }" >"$tmp/$1.active" ;;
		esac
	done <"$tmp/$1.out"
}

# run_check NAME ARGS...: the workbook of compare ARGS, checked against the
# JSON of the same arguments; it opens on 比較.
run_check() {
	name=$1
	shift
	set +e
	twcost compare "$@" --format xlsx --output "$tmp/$name.xlsx"
	rc=$?
	set -e
	expect "$name: compare --format xlsx exits 0" "$rc" 0
	json "$tmp/$name.c.json" compare "$@"
	json "$tmp/$name.b.json" budget "$@"
	check_book "$name" "$tmp/$name.xlsx" "$tmp/$name.c.json" "$tmp/$name.b.json"
	expect "$name: compare opens on 比較" "$(cat "$tmp/$name.active")" 0
}

run_check default
run_check city220 --profile "$PROFILES/entities/city-220.cfg"
# The 予算見積書 with a rollout, go-live, other funding and a 債務負担行為.
run_check expanding --profile "$PROFILES/entities/town-expanding.cfg"
run_check starting --profile "$PROFILES/entities/city-starting.cfg"
run_check leasing --profile "$PROFILES/entities/town-leasing.cfg"
# One plan without the reference plan: J-LIS's net stands on its own row.
run_check one --plan vdi-own
run_check start-late --start 2026-04-01
# Plan ids a sheet name cannot hold: too long (and equal in their first 28
# characters), with []:*?/ in them, or ending in an apostrophe.
sed -e 's|id = "vdi-own";|id = "vdi-own/with:odd*chars?and[a]long-name-one";|' \
	-e 's|id = "secure-browser"; label_ja|id = "vdi-own/with:odd*chars?and[a]long-name-two"; label_ja|' \
	-e "s|id = \"rdp-office\"; label_ja|id = \"rdp'\"; label_ja|" \
	"$PROFILES/catalog.cfg" >"$tmp/odd-catalog.cfg"
sed -e 's|^catalog = .*|catalog = "odd-catalog.cfg";|' "$PROFILES/default.cfg" >"$tmp/odd.cfg"
expect "the odd catalogue has its odd ids" \
	"$(twcost compare --profile "$tmp/odd.cfg" --format csv | grep -c -e 'long-name-' -e "^rdp'")" 3
run_check odd --profile "$tmp/odd.cfg"

# The same workbook from budget and estimate, opening on the first 予算
# sheet (index 1) and on 明細 (after 比較 and one 予算 sheet a plan).
plans=$(q "$tmp/default.c.json" '.plans | length')
for cmd in budget estimate; do
	set +e
	twcost $cmd --format xlsx --output "$tmp/$cmd.xlsx"
	rc=$?
	set -e
	expect "$cmd --format xlsx exits 0" "$rc" 0
	check_book "$cmd" "$tmp/$cmd.xlsx" "$tmp/default.c.json" "$tmp/default.b.json"
done
expect "budget opens on its first 予算 sheet" "$(cat "$tmp/budget.active")" 1
expect "estimate opens on 明細" "$(cat "$tmp/estimate.active")" $((plans + 1))
expect "no temporary file left" "$(ls "$tmp" | grep -c 'twcost-tmp' || true)" 0

# --strict: exit 1 when there are warnings, and the workbook is written.
warnings=$(q "$tmp/default.c.json" '[.warnings[], .plans[].warnings[]] | length')
set +e
twcost compare --strict --format xlsx --output "$tmp/strict.xlsx"
rc=$?
set -e
expect "--strict with $warnings warnings" "$rc" "$([ "$warnings" -gt 0 ] && echo 1 || echo 0)"
expect "--strict still writes the workbook" "$(test -s "$tmp/strict.xlsx" && echo yes)" yes

# fails CODE NAME ARGS...: exit CODE, one line on stderr, nothing on stdout.
fails() {
	code=$1
	name=$2
	shift 2
	set +e
	twcost "$@" >"$tmp/f.out" 2>"$tmp/f.err"
	rc=$?
	set -e
	expect "$name: exit" "$rc" "$code"
	expect "$name: nothing on stdout" "$(wc -c <"$tmp/f.out" | tr -d ' ')" 0
	expect "$name: one line on stderr" "$(wc -l <"$tmp/f.err" | tr -d ' ')" 1
}
fails 2 "xlsx without --output" compare --format xlsx
expect "the message names --output" "$(grep -c -- '--output' "$tmp/f.err")" 1
fails 2 "xlsx to standard output" budget --format xlsx --output -
fails 3 "xlsx into a missing directory" compare --format xlsx --output "$tmp/no/such/dir/w.xlsx"
expect "the message names the file" "$(grep -c 'no/such/dir/w.xlsx' "$tmp/f.err")" 1
expect "nothing written" "$(ls "$tmp/no" 2>/dev/null | wc -l | tr -d ' ')" 0
: >"$tmp/plain"
fails 3 "xlsx under a file" compare --format xlsx --output "$tmp/plain/w.xlsx"
# The target is a directory: the workbook is built, the rename fails, and
# the temporary file beside it is removed.
mkdir "$tmp/taken.xlsx"
fails 3 "xlsx over a directory" estimate --format xlsx --output "$tmp/taken.xlsx"
expect "the directory is untouched" "$(ls -A "$tmp/taken.xlsx" | wc -l | tr -d ' ')" 0
expect "no temporary file left after a failure" "$(ls "$tmp" | grep -c 'twcost-tmp' || true)" 0
if [ "$(id -u)" != 0 ]; then # root writes anywhere
	mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
	fails 3 "xlsx into a read-only directory" compare --format xlsx --output "$tmp/ro/w.xlsx"
	expect "nothing in the read-only directory" "$(ls -A "$tmp/ro" | wc -l | tr -d ' ')" 0
fi

# LibreOffice (when installed) shows the stored figures: convert to PDF
# with a fresh profile and find each plan's net cost on the first page.
soffice=$(command -v soffice 2>/dev/null || true)
if [ -n "$soffice" ]; then
	"$soffice" -env:UserInstallation="file://$tmp/lo-profile" --headless \
		--convert-to pdf --outdir "$tmp/pdf" "$tmp/default.xlsx" \
		>"$tmp/lo.out" 2>&1 || true
	expect "LibreOffice converts the workbook" "$(test -s "$tmp/pdf/default.pdf" && echo yes)" yes
	if command -v pdftotext >/dev/null 2>&1 && [ -s "$tmp/pdf/default.pdf" ]; then
		pdftotext -f 1 -l 1 -layout "$tmp/pdf/default.pdf" "$tmp/page1.txt"
		for net in $(q "$tmp/default.c.json" '.plans[].net_yen'); do
			shown=$("$python" -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$net")
			if grep -qF -- "$shown" "$tmp/page1.txt"; then ok; else
				bad "page 1 of the PDF lacks the net $shown"
			fi
		done
		pdftoppm -png -r 60 -f 1 -l 1 "$tmp/pdf/default.pdf" "$tmp/page" &&
			expect "page 1 renders" "$(ls "$tmp"/page*.png | wc -l | tr -d ' ')" 1
	fi
fi

finish
