#!/usr/bin/python3
"""calc_check.py - the twcost workbook in a real LibreOffice Calc.

Builds the workbook with scripts/spreadsheet/twcost_workbook.py, opens it
headless on a fresh profile, recalculates it, reads every figure back and
compares it with `twcost compare --format json` run for the same inputs
(read back from the same cells) - exact yen.  Then changes the inputs
through UNO, recalculates, and compares again.  Run by calc.sh.
"""
import argparse
import json
import os
import subprocess
import sys
import time

FLAGS = {"staff": "--staff", "home": "--home", "satellite": "--satellite",
         "mobile": "--mobile", "start": "--start",
         "fiscal_index": "--fiscal-index"}
INPUT_KEYS = ["staff", "home", "satellite", "mobile", "start",
              "fiscal_index"]

passed = 0
failed = 0


def ok():
    global passed
    passed += 1


def bad(msg):
    global failed
    failed += 1
    print("FAIL: " + msg, file=sys.stderr)


def expect(name, got, want):
    if got == want and type(got) is type(want):
        ok()
    else:
        bad("%s: got %r, expected %r" % (name, got, want))


def cell_value(cell):
    """What a cell shows: a float, a str, or ("error", code)."""
    from com.sun.star.table.CellContentType import FORMULA, TEXT, EMPTY
    kind = cell.getType()
    if kind == EMPTY:
        return None
    if kind == TEXT:
        return cell.getString()
    if kind == FORMULA:
        if cell.getError() != 0:
            return ("error", cell.getError())
        # com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2
        if cell.FormulaResultType2 == 2:
            return cell.getString()
    return cell.getValue()


def arg_text(v):
    """A cell input as the CLI flag's argument."""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return v


class Cli:
    def __init__(self, twcost):
        self.twcost = twcost
        self.cache = {}

    def compare(self, profile, inputs):
        """(exit status, parsed JSON or None, stderr) for these inputs;
        inputs maps a key to a cell value, None keeping the profile's."""
        argv = [self.twcost, "compare", "--format", "json"]
        if profile:
            argv += ["--profile", profile]
        for key in INPUT_KEYS:
            v = inputs.get(key)
            if v is not None and v != "":
                argv += [FLAGS[key], arg_text(v)]
        key = tuple(argv)
        if key not in self.cache:
            p = subprocess.run(argv, capture_output=True)
            out = json.loads(p.stdout) if p.returncode == 0 else None
            self.cache[key] = (p.returncode, out,
                               p.stderr.decode("utf-8", "replace"))
        return self.cache[key]


def plan_of(doc, plan_id):
    for p in doc["plans"]:
        if p["id"] == plan_id:
            return p
    raise KeyError(plan_id)


def expected(doc, plan_id, field):
    """The JSON value that a workbook field names."""
    parts = field.split(":")
    if plan_id == "":
        if parts[0] == "year":
            return doc["plans"][0]["years"][int(parts[1])][parts[2]]
        return doc["scenario"][field]
    p = plan_of(doc, plan_id)
    if parts[0] == "year":
        return p["years"][int(parts[1])][parts[2]]
    return p[field]


def compare_cell(name, got, want):
    """A workbook figure against the CLI's: money exact, rates exact,
    texts equal."""
    if isinstance(want, str):
        expect(name, got, want)
    elif isinstance(want, bool) or not isinstance(want, (int, float)):
        bad("%s: unexpected JSON value %r" % (name, want))
    elif not isinstance(got, float):
        bad("%s: cell shows %r, expected the number %r" % (name, got, want))
    else:
        expect(name, got, float(want))
        if isinstance(want, int) and not got.is_integer():
            bad("%s: %r is not whole yen" % (name, got))


def check_compare_sheet(wb, sheet, cli, label):
    """Sheet 比較: every plan row and fiscal-year row against the CLI for
    the inputs the sheet holds."""
    cell = sheet.getCellByPosition
    inputs = {k: cell_value(cell(1, wb.INPUT_ROW + i))
              for i, k in enumerate(INPUT_KEYS)}
    rc, doc, err = cli.compare("", inputs)
    if rc != 0:
        bad("%s: twcost compare failed (%d): %s" % (label, rc, err))
        return
    n_plans = 0
    for r in range(len(wb.PLANS)):
        row = wb.TABLE_ROW + 1 + r
        plan = cell_value(cell(0, row))
        for c, (_, field) in enumerate(wb.COLUMNS[1:], start=1):
            compare_cell("%s %s %s" % (label, plan, field),
                         cell_value(cell(c, row)),
                         expected(doc, plan, field))
        n_plans += 1
    expect(label + " every plan of the CLI is in the sheet",
           sorted(cell_value(cell(0, wb.TABLE_ROW + 1 + r))
                  for r in range(len(wb.PLANS))),
           sorted(p["id"] for p in doc["plans"]))
    compare_cell(label + " start label",
                 cell_value(cell(2, wb.INPUT_ROW + 4)),
                 doc["scenario"]["start_label"])
    for k in range(wb.YEARS):
        compare_cell("%s year %d label" % (label, k),
                     cell_value(cell(1 + k, wb.YEARS_ROW)),
                     expected(doc, "", "year:%d:label" % k))
        for r in range(len(wb.PLANS)):
            row = wb.YEARS_ROW + 1 + r
            plan = cell_value(cell(0, row))
            compare_cell("%s %s year %d net" % (label, plan, k),
                         cell_value(cell(1 + k, row)),
                         expected(doc, plan, "year:%d:net_yen" % k))
    return doc


def check_cases_sheet(wb, sheet, cli):
    """Sheet ケース: each row a scenario, its inputs read from the row."""
    cell = sheet.getCellByPosition
    zero_grant_rows = 0
    for r in range(len(wb.CASES)):
        row = wb.CASE_ROW + r
        case = cell_value(cell(0, row))
        profile = cell_value(cell(1, row)) or ""
        plan = cell_value(cell(2, row))
        inputs = {k: cell_value(cell(3 + i, row))
                  for i, k in enumerate(INPUT_KEYS)}
        label = "case %d (%s, %s)" % (r + 1, case, plan)
        rc, doc, err = cli.compare(profile, inputs)
        figures = [cell_value(cell(9 + k, row))
                   for k in range(len(wb.CASE_FIELDS))]
        if rc != 0:
            # A refused input: the cell shows the library's reason, the
            # same one the CLI gives (which names the flag).
            reason = err.strip().split(": ", 2)[-1]
            for f, got in zip(wb.CASE_FIELDS, figures):
                if not (isinstance(got, str) and got.startswith("#TWC! ")
                        and reason in got):
                    bad("%s %s: cell shows %r, expected '#TWC! ...%s'" %
                        (label, f, got, reason))
                else:
                    ok()
            expect(label + " CLI exit status", rc, 2)
            continue
        for f, got in zip(wb.CASE_FIELDS, figures):
            compare_cell("%s %s" % (label, f), got, expected(doc, plan, f))
        if plan_of(doc, plan)["grant_yen"] == 0:
            zero_grant_rows += 1
            expect(label + " no grant, so net = total", figures[3],
                   figures[0])
    # The sheet must exercise the deadline: rows whose start is after it.
    if zero_grant_rows < 2:
        bad("cases: expected at least 2 rows without a grant, got %d" %
            zero_grant_rows)


def check_example_cell(wb, sheet, cli):
    """The cell with its arguments written out, =TWC_NET("jlis-lgwan";
    80; ...), equals the CLI's net cost for the same arguments."""
    plan = wb.EXAMPLE[0]
    inputs = dict(zip(INPUT_KEYS, [float(v) if not isinstance(v, str)
                                   else v for v in wb.EXAMPLE[1:]]))
    col = [f for _, f in wb.COLUMNS].index("net_yen")
    cell = sheet.getCellByPosition(col, wb.EXAMPLE_ROW)
    expect("example cell formula", cell.getFormula(),
           "=TWC_NET(%s)" % "; ".join(wb._q(v) for v in wb.EXAMPLE))
    rc, doc, err = cli.compare("", inputs)
    if rc != 0:
        bad("example: twcost compare failed: " + err)
        return
    compare_cell("example =TWC_NET", cell_value(cell),
                 plan_of(doc, plan)["net_yen"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--twcost", required=True)
    ap.add_argument("--workbook-module", required=True,
                    help="scripts/spreadsheet/twcost_workbook.py")
    ap.add_argument("--dir", required=True, help="a scratch directory")
    args = ap.parse_args()

    sys.path.insert(0, os.path.dirname(os.path.abspath(
        args.workbook_module)))
    import twcost_workbook as wb

    t0 = time.monotonic()
    cli = Cli(args.twcost)
    path = os.path.join(args.dir, "twcost.ods")
    with wb.Office() as office:
        wb.build(office.desktop, path)
        t_build = time.monotonic()
        # A crashed run leaves a lock file: it must not stop the next.
        lock = os.path.join(args.dir, ".~lock.twcost.ods#")
        with open(lock, "w") as f:
            f.write("crashed,run,host,01.01.2025 00:00,file:///x;\n")
        doc = wb.open_workbook(office.desktop, path)
        # (LibreOffice may hold a lock of its own now: not the stale one.)
        stale = False
        if os.path.exists(lock):
            with open(lock) as f:
                stale = f.read().startswith("crashed,")
        expect("stale lock removed", stale, False)
        try:
            doc.calculateAll()
            version = cell_value(doc.Sheets.getByIndex(0)
                                 .getCellByPosition(0, 1))
            expect("version line names the library",
                   isinstance(version, str) and
                   version.startswith("libtwcost ") and
                   "#TWC!" not in version, True)
            sheet = doc.Sheets.getByName("比較")
            check_compare_sheet(wb, sheet, cli, "as built")
            check_cases_sheet(wb, doc.Sheets.getByName("ケース"), cli)
            check_example_cell(wb, sheet, cli)

            # Change the inputs as a user would, recalculate, compare.
            cell = sheet.getCellByPosition
            for values, label in (
                    ((500, 0.35, 0.1, 0.05, "令和7年度", 0.3), "500 staff"),
                    ((80, 0.2, 0.05, 0.05, "R8", 0.4), "after deadline"),
                    ((1200, 0.1, 0.0, 0.2, "2025-04-01", 0.72),
                     "index 0.72")):
                for i, v in enumerate(values):
                    c = cell(1, wb.INPUT_ROW + i)
                    if isinstance(v, str):
                        c.setString(v)
                    else:
                        c.setValue(v)
                doc.calculateAll()
                out = check_compare_sheet(wb, sheet, cli, label)
                if label == "after deadline" and out is not None:
                    expect("after deadline: no plan gets a grant",
                           [p["grant_yen"] for p in out["plans"]],
                           [0] * len(out["plans"]))
        finally:
            doc.close(True)
    t_end = time.monotonic()
    print("workbook built in %.1f s; whole run %.1f s" %
          (t_build - t0, t_end - t0))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
