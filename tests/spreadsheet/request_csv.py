#!/usr/bin/python3
"""request_csv.py - the 予算見積書 sheets of `twcost budget --format xlsx` in
a real LibreOffice Calc: open the workbook headless, recalculate it (so
that every SUM and difference is LibreOffice's own), convert each budget
sheet to CSV there, and compare every figure of the CSV with `twcost budget
--format json` for the same arguments: the 千円 of each line, 節, 事業費計,
財源内訳, 一般財源, 特交見込額, 実質負担額, and the 債務負担行為.

Usage: request_csv.py --twcost TWCOST --workbook-module twcost_workbook.py
       --dir DIR -- BUDGET-ARGS...   (run by tests/spreadsheet/request.sh)
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys

passed = 0
failed = 0


def expect(name, got, want):
    global passed, failed
    if got == want:
        passed += 1
    else:
        failed += 1
        print("FAIL: %s: got %r, expected %r" % (name, got, want),
              file=sys.stderr)


def number(text):
    """A figure as a CSV cell shows it (#,##0): an int, or None."""
    t = text.replace(",", "").strip()
    try:
        return int(float(t))
    except ValueError:
        return None


def to_csv(office, wb, xlsx, outdir):
    """Every sheet of xlsx, recalculated, as CSV files in outdir."""
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    doc = wb.open_workbook(office.desktop, xlsx)
    try:
        doc.calculateAll()
        names = list(doc.Sheets.ElementNames)
        for i, name in enumerate(names):
            # field separator ',', text delimiter '"', UTF-8 (76), first
            # line 1, ..., formatted as shown (true), sheet i + 1.
            opts = "44,34,76,1,,0,false,true,true,false,false,%d" % (i + 1)
            url = uno.systemPathToFileUrl(
                os.path.join(outdir, "sheet%02d.csv" % i))
            doc.storeToURL(url, (prop("FilterName",
                                      "Text - txt - csv (StarCalc)"),
                                 prop("FilterOptions", opts)))
        return names
    finally:
        doc.close(True)


def rows_of(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.reader(f))


def check_year(rows, at, plan, y):
    """The block of fiscal year y starting at row index at."""
    name = "%s FY%d" % (plan, y["fy"])
    r = at + 2
    setsu_sum = 0
    for s in y["setsu"]:
        expect(name + " 節", rows[r][0], "%d %s" % (s["code"], s["name"]))
        expect(name + " 節 %d (SUM)" % s["code"], number(rows[r][1]),
               s["thousand_yen"])
        setsu_sum += number(rows[r][1]) or 0
        r += 1
        for line in s["lines"]:
            if line["saisetsu"] and rows[r][0].strip() == line["saisetsu"]:
                r += 1
            expect(name + " " + line["item"], number(rows[r][1]),
                   line["thousand_yen"])
            expect(name + " " + line["item"] + " 積算基礎", rows[r][2],
                   line["basis"])
            r += 1
    expect(name + " 事業費計", number(rows[r][1]), y["cost_thousand_yen"])
    expect(name + " 事業費計 = Σ節", setsu_sum, y["cost_thousand_yen"])
    th = y["funding"]["thousand"]
    for k, key in enumerate(("national_yen", "prefectural_yen", "bond_yen",
                             "other_yen")):
        expect(name + " " + key, number(rows[r + 1 + k][1]), th[key])
    expect(name + " 一般財源", number(rows[r + 5][1]), th["general_yen"])
    expect(name + " 財源内訳 = 事業費計",
           sum(number(rows[r + 1 + k][1]) for k in range(5)),
           y["cost_thousand_yen"])
    grant = number(rows[r + 6][1])
    expect(name + " 特交見込額", grant * 1000, y["grant_memo_yen"])
    expect(name + " 実質負担額", number(rows[r + 7][1]),
           th["general_yen"] - grant)


def check_plan(rows, plan):
    req = plan["request"]
    index = {row[0]: i for i, row in enumerate(rows) if row}
    for y in req["years"]:
        at = index.get(y["label"])  # the era year: 令和7年度
        expect("%s FY%d block" % (plan["id"], y["fy"]), at is not None, True)
        if at is not None:
            check_year(rows, at, plan["id"], y)
    for d in req["debt_burden"]:
        at = index.get(d["label"])
        expect(plan["id"] + " 債務負担行為 " + d["item"], at is not None, True)
        if at is not None:
            expect(plan["id"] + " 期間", rows[at][1], d["period"])
            expect(plan["id"] + " 限度額", number(rows[at][2]),
                   (d["limit_yen"] + 500) // 1000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--twcost", required=True)
    ap.add_argument("--workbook-module", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(a.workbook_module)))
    import twcost_workbook as wb

    xlsx = os.path.join(a.dir, "request.xlsx")
    subprocess.run([a.twcost, "budget", "--format", "xlsx", "--output", xlsx]
                   + a.args, check=True)
    doc = json.loads(subprocess.run(
        [a.twcost, "budget", "--format", "json"] + a.args,
        check=True, capture_output=True).stdout)
    with wb.Office() as office:
        names = to_csv(office, wb, xlsx, a.dir)
    files = sorted(glob.glob(os.path.join(a.dir, "sheet*.csv")))
    expect("a CSV a sheet", len(files), len(names))
    for plan in doc["plans"]:
        sheet = "予算 " + plan["id"]
        expect(sheet + " exists", sheet in names, True)
        if sheet in names:
            check_plan(rows_of(files[names.index(sheet)]), plan)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
