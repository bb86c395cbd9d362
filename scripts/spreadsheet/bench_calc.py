#!/usr/bin/python3
"""bench_calc.py - the default scenario's Monte Carlo built the way a
finance office would build it in LibreOffice Calc, recalculated headless,
for `scripts/bench --spreadsheet`.

The sheet: one row per draw; per uncertain input a RAND() cell and the
triangular inverse CDF of it (=IF(u<F; low+SQRT(u*(high-low)*(mode-low));
high-SQRT((1-u)*(high-low)*(high-mode)))); per plan its total cost and
its eligible cost in each fiscal year as a SUMPRODUCT of that row's draws
with the plan's coefficients (units bought over the horizon, from
`bench_sim --model`), the grant per year =IF(e>=0.5; ROUND(ROUND(e;0)*
factor; 0)*unit; 0) and the net cost; below the rows, each plan's mean,
P10, P50 and P90 and how often it is cheapest, as `twcost simulate`
reports them.  The rounding is the rule's half-up in ROUND, which agrees
with the library's except within 1e-9 of a half unit.

Prints NAME VALUE UNIT lines: the seconds of a full recalculation of
ROWS rows (the best of REPS) and the nanoseconds per draw, in CPU time of
the soffice processes (which a busy machine does not inflate) and in wall
time; with --expect
PLAN=MEAN/SD,... (the simulation's figures), checks that the sheet's
mean net cost of each plan lies within five standard errors of the
simulation's, so that the sheet is seen to model the same thing.
"""
import argparse
import json
import math
import os
import sys
import time


def col(n):
    """Column letters of 0-based column n."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def cpu_seconds(root):
    """User + system seconds of process root and its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, cpu = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as fh:
                f = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(f[1])
        cpu[int(d)] = (int(f[11]) + int(f[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo += [c for c, pp in parent.items() if pp == pid]
    return total


def build(doc, model, rows):
    inputs = model["inputs"]
    plans = model["plans"]
    n = len(inputs)
    sheets = doc.Sheets
    sheets.insertNewByName("Inputs", 0)
    sheets.insertNewByName("Coef", 1)
    inp = sheets.getByName("Inputs")
    coef = sheets.getByName("Coef")
    mc = sheets.getByIndex(2)
    mc.Name = "MC"
    # Inputs: id, low, mode, high, F(mode) = (mode-low)/(high-low)
    data = [("id", "low", "mode", "high", "f")]
    for i in inputs:
        w = i["high"] - i["low"]
        data.append((i["id"], i["low"], i["mode"], i["high"],
                     (i["mode"] - i["low"]) / w))
    inp.getCellRangeByName("A1:E%d" % (n + 1)).setDataArray(
        tuple(tuple(r) for r in data))
    # Coef: per row a constant and n coefficients; rows: each plan's
    # total, then its eligible years; the grant's factor and unit.
    crow = []
    layout = []  # per plan: (total row, [eligible rows])
    for p in plans:
        t = len(crow) + 1
        crow.append([p["total"]["constant"]] + p["total"]["coef"])
        el = []
        for e in p["eligible"]:
            el.append(len(crow) + 1)
            crow.append([e["constant"]] + e["coef"])
        layout.append((t, el))
    coef.getCellRangeByName("A1:%s%d" % (col(n), len(crow))).setDataArray(
        tuple(tuple(float(v) for v in r) for r in crow))
    g = model["grant"]
    coef.getCellRangeByName("A%d:C%d" % (len(crow) + 1, len(crow) + 1)) \
        .setDataArray(((float(g["applies"]), g["factor"], g["unit"]),))
    grow = len(crow) + 1
    # MC: u in columns 0..n-1, x in n..2n-1, then per plan total,
    # eligible per year, grant, net.
    head = ["u_" + i["id"] for i in inputs] + ["x_" + i["id"] for i in inputs]
    f = []
    for k in range(n):
        f.append("=RAND()")
    for k in range(n):
        u = "%s2" % col(k)
        r = k + 2
        lo, mo, hi, ff = ("$Inputs.$%s$%d" % (c, r) for c in "BCDE")
        f.append("=IF(%s<%s;%s+SQRT(%s*(%s-%s)*(%s-%s));"
                 "%s-SQRT((1-%s)*(%s-%s)*(%s-%s)))"
                 % (u, ff, lo, u, hi, lo, mo, lo, hi, u, hi, lo, hi, mo))
    xs = "$%s2:$%s2" % (col(n), col(2 * n - 1))
    nets = []
    for p, (t, el) in zip(plans, layout):
        c0 = len(f)
        head.append("total_" + p["id"])
        f.append("=$Coef.$A$%d+SUMPRODUCT(%s;$Coef.$B$%d:$%s$%d)"
                 % (t, xs, t, col(n), t))
        grants = []
        for y, e in enumerate(el):
            head.append("eligible_%s_%d" % (p["id"], y))
            f.append("=$Coef.$A$%d+SUMPRODUCT(%s;$Coef.$B$%d:$%s$%d)"
                     % (e, xs, e, col(n), e))
            ec = "%s2" % col(len(f) - 1)
            grants.append("IF(AND($Coef.$A$%d=1;%s>=0.5);"
                          "ROUND(ROUND(%s;0)*$Coef.$B$%d;0)*$Coef.$C$%d;0)"
                          % (grow, ec, ec, grow, grow))
        nets.append("=%s2-(%s)" % (col(c0), "+".join(grants) or "0"))
    first_net = len(f)
    for p, formula in zip(plans, nets):
        head.append("net_" + p["id"])
        f.append(formula)
    net_cols = list(range(first_net, len(f)))
    span = "$%s2:$%s2" % (col(first_net), col(len(f) - 1))
    head.append("cheapest")
    f.append("=MATCH(MIN(%s);%s;0)" % (span, span))
    last = len(f) - 1
    mc.getCellRangeByName("A1:%s1" % col(last)).setDataArray((tuple(head),))
    mc.getCellRangeByName("A2:%s2" % col(last)).setFormulaArray((tuple(f),))
    from com.sun.star.sheet.FillDirection import TO_BOTTOM
    mc.getCellRangeByName("A2:%s%d" % (col(last), rows + 1)) \
        .fillAuto(TO_BOTTOM, 1)
    # Statistics below the draws, as the table reports them.
    srow = rows + 3
    for i, (p, c) in enumerate(zip(plans, net_cols)):
        r = "%s2:%s%d" % (col(c), col(c), rows + 1)
        mc.getCellRangeByName("A%d:F%d" % (srow + i, srow + i)) \
            .setFormulaArray(((p["id"], "=AVERAGE(%s)" % r,
                               "=PERCENTILE(%s;0.1)" % r,
                               "=PERCENTILE(%s;0.5)" % r,
                               "=PERCENTILE(%s;0.9)" % r,
                               "=COUNTIF(%s2:%s%d;%d)/%d"
                               % (col(last), col(last), rows + 1, i + 1,
                                  rows)),))
    return mc, srow


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="bench_sim --model FILE")
    ap.add_argument("--workbook-module", required=True,
                    help="scripts/spreadsheet/twcost_workbook.py (Office)")
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--expect", default="",
                    help="plan=mean,... the simulation's means")
    args = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(
        args.workbook_module)))
    import twcost_workbook as wb
    from com.sun.star.beans import PropertyValue

    with open(args.model) as fh:
        model = json.load(fh)
    hidden = PropertyValue()
    hidden.Name = "Hidden"
    hidden.Value = True
    with wb.Office() as office:
        doc = office.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, (hidden,))
        try:
            t0 = time.monotonic()
            doc.enableAutomaticCalculation(False)  # build, then time
            mc, srow = build(doc, model, args.rows)
            t_build = time.monotonic() - t0
            best = best_cpu = 1e9
            for _ in range(args.reps):
                c0 = cpu_seconds(office.proc.pid)
                t0 = time.monotonic()
                doc.calculateAll()
                best = min(best, time.monotonic() - t0)
                best_cpu = min(best_cpu, cpu_seconds(office.proc.pid) - c0)
            stats = [[mc.getCellByPosition(c, srow - 1 + i).getValue()
                      for c in range(1, 6)]
                     for i in range(len(model["plans"]))]
        finally:
            doc.close(True)
    print("calc_rows %d draws" % args.rows)
    print("calc_build_seconds %.1f s" % t_build)
    print("calc_recalc_seconds %.3f s" % best)
    print("calc_recalc_cpu_seconds %.3f s" % best_cpu)
    print("calc_ns_per_draw %.0f ns" % (best_cpu / args.rows * 1e9))
    print("calc_ns_per_draw_wall %.0f ns" % (best / args.rows * 1e9))
    for p, s in zip(model["plans"], stats):
        print("calc_plan %s mean %.0f p10 %.0f p50 %.0f p90 %.0f "
              "cheapest %.3f" % (p["id"], *s))
    failed = 0
    for item in filter(None, args.expect.split(",")):
        pid, figures = item.split("=")
        mean, sd = map(float, figures.split("/"))
        got = stats[[p["id"] for p in model["plans"]].index(pid)][0]
        tol = 5 * sd / math.sqrt(args.rows)
        if abs(got - mean) > tol:
            print("calc_check FAIL %s: sheet mean %.0f, simulation %.0f "
                  "(5 se = %.0f)" % (pid, got, mean, tol), file=sys.stderr)
            failed += 1
    if args.expect:
        print("calc_check %s the sheet's means agree with the simulation's"
              % ("FAIL" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
