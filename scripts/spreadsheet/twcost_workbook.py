#!/usr/bin/python3
"""twcost_workbook.py - build the twcost LibreOffice Calc workbook.

Usage: /usr/bin/python3 scripts/spreadsheet/twcost_workbook.py
           [-o twcost.ods] [--pdf twcost.pdf] [--lib /path/libtwcost.so.0]

Starts LibreOffice headless (a fresh, private profile), writes a workbook
whose cells call libtwcost - sheet 比較 (compare: inputs at the top, every
plan below), sheet ケース (cases: one scenario per row) - embeds the Python
macro twcost_calc.py and the Basic module TWC that forwards to it,
recalculates it so the stored figures are right, and saves it.  --pdf also
renders the first sheet to PDF (for docs/workbook.png).  --lib sets
TWCOST_LIB for the macro (default: the installed library).

Nothing binary is kept in the source tree: the tests build the workbook
with this script and read it back (tests/spreadsheet/calc.sh).  Use
/usr/bin/python3 (Debian's, with the uno module from python3-uno).

The module also serves the test driver: Office (a headless soffice on a
throw-away profile) and open_workbook().
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))
MACRO = "twcost_calc.py"

# ---- the Basic module: cell functions forwarding to the Python macro ------
BASIC = r"""REM TWC - twcost cell functions.  Each forwards to the Python macro
REM twcost_calc.py embedded in this document, which calls libtwcost through
REM ctypes (LibreOffice Basic cannot Declare a .so on Linux).
REM Inputs left out or empty keep the bundled default scenario's value.
REM A failure shows as a text "#TWC! reason".
Option Explicit

Private Function twcCall(fn As String, args As Variant) As Variant
	Dim url As String
	url = "vnd.sun.star.script:twcost_calc.py$" & fn & _
	      "?language=Python&location=document"
	twcCall = ThisComponent.getScriptProvider().getScript(url) _
	          .invoke(args, Array(), Array())
End Function

Private Function twcArg(v As Variant) As Variant
	Dim nothing As Variant
	If IsMissing(v) Then
		twcArg = nothing
	Else
		twcArg = v
	End If
End Function

REM =TWC_NET("jlis-lgwan"; 80; 0.2; 0; 0; "R7"; 0.4): net cost in yen.
Function TWC_NET(plan, Optional staff, Optional home, Optional satellite, _
                 Optional mobile, Optional start, Optional fiscal)
	TWC_NET = twcCall("quick", Array(plan, "net_yen", twcArg(staff), _
	    twcArg(home), twcArg(satellite), twcArg(mobile), twcArg(start), _
	    twcArg(fiscal)))
End Function

REM =TWC_RESULT("vdi-own"; "grant_yen"; 80; 0.2; 0; 0; "R7"; 0.4)
Function TWC_RESULT(plan, field, Optional staff, Optional home, _
                    Optional satellite, Optional mobile, Optional start, _
                    Optional fiscal)
	TWC_RESULT = twcCall("quick", Array(plan, field, twcArg(staff), _
	    twcArg(home), twcArg(satellite), twcArg(mobile), twcArg(start), _
	    twcArg(fiscal)))
End Function

REM =TWC_TEXT("jlis-lgwan"; "label") or =TWC_TEXT(""; "year:0:label"; ...)
Function TWC_TEXT(plan, field, Optional staff, Optional home, _
                  Optional satellite, Optional mobile, Optional start, _
                  Optional fiscal)
	TWC_TEXT = twcCall("value", Array("", plan, field, twcArg(staff), _
	    twcArg(home), twcArg(satellite), twcArg(mobile), twcArg(start), _
	    twcArg(fiscal)))
End Function

REM =TWC_PROFILE("prefecture-2400"; "jlis-lgwan"; "grant_yen"; ...): any
REM field of a scenario profile (a bundled name or a file path).
Function TWC_PROFILE(profile, plan, field, Optional staff, Optional home, _
                     Optional satellite, Optional mobile, Optional start, _
                     Optional fiscal)
	TWC_PROFILE = twcCall("value", Array(profile, plan, field, _
	    twcArg(staff), twcArg(home), twcArg(satellite), twcArg(mobile), _
	    twcArg(start), twcArg(fiscal)))
End Function

Function TWC_VERSION()
	TWC_VERSION = twcCall("version", Array())
End Function
"""

# ---- what the sheets hold ---------------------------------------------------
PLANS = ["jlis-lgwan", "vdi-own", "secure-browser", "rdp-office",
         "lgwan-remote", "daas"]

# Sheet 比較: the inputs (label, value) in A4:B9.
INPUTS = [("職員数 staff", 80), ("在宅勤務 home", 0.2),
          ("サテライト satellite", 0.05), ("モバイル mobile", 0.05),
          ("導入着手 start", "R7"), ("財政力指数 fiscal index", 0.4)]
INPUT_ROW = 3  # 0-based row of the first input
TABLE_ROW = 11  # 0-based row of the table header
YEARS_ROW = TABLE_ROW + len(PLANS) + 3
YEARS = 5
NOTE_ROW = YEARS_ROW + len(PLANS) + 2  # shows one cell's formula
# A cell with its arguments written out, as a user would type it; its
# value sits in the net column of the row below NOTE_ROW.
EXAMPLE = ("jlis-lgwan", 80, 0.2, 0, 0, "R7", 0.4)
EXAMPLE_ROW = NOTE_ROW + 1
LAST_ROW = EXAMPLE_ROW

# (header, field) of the plan table; a field None is the plan's label.
COLUMNS = [("プラン plan", None), ("名称 name", "label"),
           ("初期 initial", "initial_yen"), ("総額 total", "total_yen"),
           ("対象経費 eligible", "eligible_yen"),
           ("特別交付税 grant", "grant_yen"), ("実質負担 net", "net_yen"),
           ("措置率 rate", "effective_rate"),
           ("J-LIS比 vs J-LIS", "vs_jlis_yen")]

# Sheet ケース: one scenario a row.  Empty inputs keep the default's.
CASE_HEADERS = ["ケース case", "profile", "plan", "staff", "home",
                "satellite", "mobile", "start", "fiscal index",
                "総額 total", "対象経費 eligible", "交付税 grant",
                "実質負担 net", "措置率 rate", "初年度 net FY1"]
CASE_FIELDS = ["total_yen", "eligible_yen", "grant_yen", "net_yen",
               "effective_rate", "year:0:net_yen"]
CASES = [
    # case, profile, plan, staff, home, satellite, mobile, start, index
    ("default", "", "jlis-lgwan", None, None, None, None, None, None),
    ("default", "", "vdi-own", None, None, None, None, None, None),
    ("250 staff", "", "jlis-lgwan", 250, 0.3, 0.1, 0, "R7", 0.8),
    ("250 staff", "", "secure-browser", 250, 0.3, 0.1, 0, "R7", 0.8),
    ("late start", "", "jlis-lgwan", 80, 0.2, 0.05, 0.05, "R8", 0.4),
    ("late start", "", "rdp-office", 120, 0.25, 0, 0.1, "2026-04-01",
     0.4),
    ("令和 start", "", "lgwan-remote", 45, 0.15, 0, 0, "令和6年度", 0.55),
    ("rich town", "", "jlis-lgwan", 300, 0.2, 0.05, 0.05, "FY2024",
     1.05),
    ("prefecture", "prefecture-2400", "jlis-lgwan", None, None, None,
     None, None, None),
    ("prefecture", "prefecture-2400", "vdi-own", 1000, 0.3, 0.05, 0.05,
     "FY2024", 0.45),
    ("bad input", "", "jlis-lgwan", -5, None, None, None, None, None),
]
CASE_ROW = 2  # 0-based row of the first case


def _props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name = k
        p.Value = v
        out.append(p)
    return tuple(out)


def _url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _q(v):
    """A formula argument: a string literal, or a number."""
    if isinstance(v, str):
        return '"' + v.replace('"', '""') + '"'
    return repr(v)


class Office:
    """A headless soffice on a fresh profile of its own, and a UNO
    connection to it.  One per run: a second soffice on a profile in use
    would silently do nothing."""

    def __init__(self, env=None, timeout=120):
        self.dir = tempfile.mkdtemp(prefix="twcost-lo-")
        self.pipe = "twcost_%d_%d" % (os.getpid(), int(time.time() * 1000))
        self.env = dict(os.environ if env is None else env)
        self.timeout = timeout
        self.proc = None
        self.desktop = None

    def __enter__(self):
        profile = os.path.join(self.dir, "profile")
        self.proc = subprocess.Popen(
            ["soffice", "-env:UserInstallation=" + _url(profile),
             "--headless", "--invisible", "--nologo", "--norestore",
             "--nodefault", "--nolockcheck",
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext"
             % self.pipe],
            env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext"
                    % self.pipe)
                break
            except Exception:
                if self.proc.poll() is not None:
                    self._cleanup()
                    raise RuntimeError("soffice exited with status %d "
                                       "before accepting a connection"
                                       % self.proc.returncode)
                if time.monotonic() > deadline:
                    self.__exit__(None, None, None)
                    raise RuntimeError("soffice did not accept a "
                                       "connection in %d s" % self.timeout)
                time.sleep(0.1)
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        return self

    def __exit__(self, *exc):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes away while terminate returns
        if self.proc is not None:
            try:
                self.proc.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._cleanup()
        return False

    def _cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def remove_stale_lock(path):
    """A crashed run leaves .~lock.NAME# beside the document."""
    d, name = os.path.split(os.path.abspath(path))
    for lock in glob.glob(os.path.join(d, ".~lock." + glob.escape(name) +
                                       "#")):
        os.remove(lock)


def open_workbook(desktop, path):
    """Load a workbook hidden, with its macros allowed to run."""
    remove_stale_lock(path)
    doc = desktop.loadComponentFromURL(
        _url(path), "_blank", 0,
        _props(Hidden=True, MacroExecutionMode=4))  # ALWAYS_EXECUTE_NO_WARN
    if doc is None:
        raise RuntimeError("LibreOffice could not open " + path)
    return doc


def _number_format(doc, code):
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def _style_range(rng, bold=False, back=None, height=None, wrap=False):
    rng.CharFontNameAsian = "Noto Sans CJK JP"
    if bold:
        rng.CharWeight = 150.0  # com.sun.star.awt.FontWeight.BOLD
        rng.CharWeightAsian = 150.0
    if back is not None:
        rng.CellBackColor = back
    if height is not None:
        rng.CharHeight = height
        rng.CharHeightAsian = height
    if wrap:
        rng.IsTextWrapped = True
        rng.VertJustify = uno.Enum("com.sun.star.table.CellVertJustify",
                                   "CENTER")


def _inputs_args():
    """The shared input arguments of sheet 比較: $B$4;...;$B$9."""
    return "; ".join("$B$%d" % (INPUT_ROW + 1 + i)
                     for i in range(len(INPUTS)))


def _fill_compare(doc, sheet):
    yen = _number_format(doc, "#,##0")
    pct = _number_format(doc, "0%")
    rate = _number_format(doc, "0.000")
    cell = sheet.getCellByPosition

    cell(0, 0).setString("twcost — テレワーク経費と特別交付税措置 "
                         "(telework cost and special allocation tax)")
    _style_range(cell(0, 0), bold=True, height=14.0)
    cell(0, 1).setFormula('="libtwcost " & TWC_VERSION() & '
                          '" · 入力を変えると再計算されます (change an input)"')
    # The prices behind every figure are the catalogue's defaults.
    cell(0, 2).setString("価格はカタログの既定値で、見積りではありません。"
                         "自団体の見積りに置き換えてください "
                         "(prices are catalogue defaults, not quotes: "
                         "replace them with your own)")
    cell(0, 2).CharColor = 0xC00000
    for i, (label, v) in enumerate(INPUTS):
        cell(0, INPUT_ROW + i).setString(label)
        if isinstance(v, str):
            cell(1, INPUT_ROW + i).setString(v)
        else:
            cell(1, INPUT_ROW + i).setValue(v)
            if isinstance(v, float) and i in (1, 2, 3):
                cell(1, INPUT_ROW + i).NumberFormat = pct
    block = sheet.getCellRangeByPosition(1, INPUT_ROW, 1,
                                         INPUT_ROW + len(INPUTS) - 1)
    _style_range(block, back=0xFFF2CC)
    block.HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify",
                                 "RIGHT")
    cell(2, INPUT_ROW + 4).setFormula(
        '=TWC_TEXT(""; "start_label"; %s)' % _inputs_args())
    cell(0, TABLE_ROW - 1).setString("5年間の経費 (cost over the "
                                     "horizon, yen)")
    _style_range(cell(0, TABLE_ROW - 1), bold=True)

    args = _inputs_args()
    for c, (head, field) in enumerate(COLUMNS):
        cell(c, TABLE_ROW).setString(head)
    header = sheet.getCellRangeByPosition(0, TABLE_ROW, len(COLUMNS) - 1,
                                          TABLE_ROW)
    _style_range(header, bold=True, back=0xDDEBF7, wrap=True)
    for r, plan in enumerate(PLANS):
        row = TABLE_ROW + 1 + r
        cell(0, row).setString(plan)
        for c, (_, field) in enumerate(COLUMNS[1:], start=1):
            fn = "TWC_TEXT" if field == "label" else "TWC_RESULT"
            cell(c, row).setFormula('=%s($A%d; "%s"; %s)' %
                                    (fn, row + 1, field, args))
            if field == "effective_rate":
                cell(c, row).NumberFormat = rate
            elif field != "label":
                cell(c, row).NumberFormat = yen

    # Net cost by fiscal year, labelled 令和N年度 by the library.
    cell(0, YEARS_ROW - 1).setString("年度別 実質負担 (net cost by "
                                     "fiscal year, yen)")
    _style_range(cell(0, YEARS_ROW - 1), bold=True)
    cell(0, YEARS_ROW).setString("プラン plan")
    for k in range(YEARS):
        cell(1 + k, YEARS_ROW).setFormula(
            '=TWC_TEXT(""; "year:%d:label"; %s)' % (k, args))
    header = sheet.getCellRangeByPosition(0, YEARS_ROW, YEARS, YEARS_ROW)
    _style_range(header, bold=True, back=0xDDEBF7)
    sheet.getCellRangeByPosition(1, YEARS_ROW, YEARS, YEARS_ROW) \
        .HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify", "RIGHT")
    for r, plan in enumerate(PLANS):
        row = YEARS_ROW + 1 + r
        cell(0, row).setString(plan)
        for k in range(YEARS):
            cell(1 + k, row).setFormula(
                '=TWC_RESULT($A%d; "year:%d:net_yen"; %s)' %
                (row + 1, k, args))
            cell(1 + k, row).NumberFormat = yen

    # What the cells hold: the formula of the J-LIS net cost, as typed.
    net_col = [f for _, f in COLUMNS].index("net_yen")
    cell(0, NOTE_ROW).setString(
        "%s%d: %s" % (chr(ord("A") + net_col), TABLE_ROW + 2,
                      cell(net_col, TABLE_ROW + 1).getFormula()))
    _style_range(cell(0, NOTE_ROW))
    cell(0, NOTE_ROW).CharColor = 0x555555
    example = "=TWC_NET(%s)" % "; ".join(_q(v) for v in EXAMPLE)
    cell(0, EXAMPLE_ROW).setString("%s%d: %s" % (
        chr(ord("A") + net_col), EXAMPLE_ROW + 1, example))
    cell(0, EXAMPLE_ROW).CharColor = 0x555555
    cell(net_col, EXAMPLE_ROW).setFormula(example)
    cell(net_col, EXAMPLE_ROW).NumberFormat = yen

    widths = [5200, 6200, 2900, 2900, 2900, 2900, 2900, 2300, 2900]
    for c, w in enumerate(widths):
        sheet.Columns.getByIndex(c).Width = w
    used = sheet.getCellRangeByPosition(0, 0, len(COLUMNS) - 1, LAST_ROW)
    _style_range(used)


def _fill_cases(doc, sheet):
    yen = _number_format(doc, "#,##0")
    rate = _number_format(doc, "0.000")
    cell = sheet.getCellByPosition

    cell(0, 0).setString("ケース別 (one scenario a row; empty inputs keep "
                         "the default scenario's)")
    _style_range(cell(0, 0), bold=True)
    for c, head in enumerate(CASE_HEADERS):
        cell(c, CASE_ROW - 1).setString(head)
    header = sheet.getCellRangeByPosition(0, CASE_ROW - 1,
                                          len(CASE_HEADERS) - 1,
                                          CASE_ROW - 1)
    _style_range(header, bold=True, back=0xDDEBF7, wrap=True)
    for r, case in enumerate(CASES):
        row = CASE_ROW + r
        for c, v in enumerate(case):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                cell(c, row).setString(v)
            else:
                cell(c, row).setValue(v)
        ins = "; ".join("$%s%d" % (col, row + 1) for col in "DEFGHI")
        for k, field in enumerate(CASE_FIELDS):
            if case[1]:
                f = '=TWC_PROFILE($B%d; $C%d; "%s"; %s)' % (
                    row + 1, row + 1, field, ins)
            elif field == "net_yen":
                f = '=TWC_NET($C%d; %s)' % (row + 1, ins)
            else:
                f = '=TWC_RESULT($C%d; "%s"; %s)' % (row + 1, field, ins)
            c = 9 + k
            cell(c, row).setFormula(f)
            cell(c, row).NumberFormat = rate if field == \
                "effective_rate" else yen
    for c in range(len(CASE_HEADERS)):
        sheet.Columns.getByIndex(c).Width = 2600 if c < 9 else 3000
    sheet.Columns.getByIndex(0).Width = 3000
    sheet.Columns.getByIndex(1).Width = 3600
    sheet.Columns.getByIndex(2).Width = 3200
    _style_range(sheet.getCellRangeByPosition(0, 0, len(CASE_HEADERS) - 1,
                                              CASE_ROW + len(CASES)))


def _embed_macro(src, dst, macro_path):
    """Copy the .ods src to dst with the Python macro added as
    Scripts/python/twcost_calc.py, listed in META-INF/manifest.xml; the
    mimetype member stays first and stored."""
    entries = (
        ' <manifest:file-entry manifest:full-path="Scripts/python/%s" '
        'manifest:media-type=""/>\n'
        ' <manifest:file-entry manifest:full-path="Scripts/python/" '
        'manifest:media-type="application/binary"/>\n'
        ' <manifest:file-entry manifest:full-path="Scripts/" '
        'manifest:media-type="application/binary"/>\n' % MACRO)
    with zipfile.ZipFile(src) as zin, \
            zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        if names[0] != "mimetype":
            raise RuntimeError("%s: mimetype is not the first member" % src)
        for name in names:
            data = zin.read(name)
            if name.startswith("Scripts/python/"):
                continue
            if name == "META-INF/manifest.xml":
                text = data.decode("utf-8")
                text = text.replace("</manifest:manifest>",
                                    entries + "</manifest:manifest>")
                data = text.encode("utf-8")
            kind = zipfile.ZIP_STORED if name == "mimetype" \
                else zipfile.ZIP_DEFLATED
            zout.writestr(zipfile.ZipInfo(name, (2025, 10, 1, 0, 0, 0)),
                          data, compress_type=kind)
        with open(macro_path, "rb") as f:
            zout.writestr(zipfile.ZipInfo("Scripts/python/" + MACRO,
                                          (2025, 10, 1, 0, 0, 0)),
                          f.read(), compress_type=zipfile.ZIP_DEFLATED)


def build(desktop, out, macro_path=None, pdf=None):
    """Write the workbook to out; return nothing.  The document is built
    through UNO, saved, given the Python macro, reopened with macros
    allowed, recalculated and saved again, so its stored figures are the
    library's."""
    macro_path = macro_path or os.path.join(HERE, MACRO)
    out = os.path.abspath(out)
    work = tempfile.mkdtemp(prefix="twcost-ods-")
    try:
        bare = os.path.join(work, "bare.ods")
        doc = desktop.loadComponentFromURL("private:factory/scalc",
                                           "_blank", 0, _props(Hidden=True))
        try:
            libs = doc.BasicLibraries
            if not libs.hasByName("Standard"):
                libs.createLibrary("Standard")
            libs.getByName("Standard").insertByName("TWC", BASIC)
            sheets = doc.Sheets
            sheets.getByIndex(0).Name = "比較"
            sheets.insertNewByName("ケース", 1)
            doc.addActionLock()  # no recalculation while filling
            try:
                _fill_compare(doc, sheets.getByName("比較"))
                _fill_cases(doc, sheets.getByName("ケース"))
            finally:
                doc.removeActionLock()
            doc.storeToURL(_url(bare), _props(FilterName="calc8"))
        finally:
            doc.close(True)
        remove_stale_lock(out)
        _embed_macro(bare, out, macro_path)
        doc = open_workbook(desktop, out)
        try:
            doc.calculateAll()
            doc.store()
            if pdf:
                export_pdf(doc, pdf)
        finally:
            doc.close(True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def export_pdf(doc, pdf):
    """The first sheet's used cells, with the column letters and row
    numbers, on one page the size of the cells, as PDF."""
    sheet = doc.Sheets.getByIndex(0)
    rng = sheet.getCellRangeByPosition(0, 0, len(COLUMNS) - 1, LAST_ROW)
    styles = doc.StyleFamilies.getByName("PageStyles")
    page = styles.getByName(sheet.PageStyle)
    margin = 400  # 1/100 mm
    page.HeaderIsOn = False
    page.FooterIsOn = False
    page.LeftMargin = page.RightMargin = margin
    page.TopMargin = page.BottomMargin = margin
    page.PrintGrid = True
    page.PrintHeaders = True  # column letters and row numbers
    page.CenterHorizontally = False
    # The cells, plus room for the row numbers and column letters.
    size = rng.Size
    page.IsLandscape = size.Width > size.Height
    page.Width = size.Width + 2 * margin + 1200
    page.Height = size.Height + 2 * margin + 800
    page.ScaleToPagesX = 1
    page.ScaleToPagesY = 1
    filt = uno.Any("[]com.sun.star.beans.PropertyValue",
                   _props(Selection=rng))
    doc.storeToURL(_url(pdf), _props(FilterName="calc_pdf_Export",
                                     FilterData=filt))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default="twcost.ods")
    ap.add_argument("--pdf", help="also render the first sheet to PDF")
    ap.add_argument("--lib", help="libtwcost to use (sets TWCOST_LIB)")
    args = ap.parse_args(argv)
    env = dict(os.environ)
    if args.lib:
        env["TWCOST_LIB"] = os.path.abspath(args.lib)
    with Office(env) as office:
        build(office.desktop, args.output,
              pdf=os.path.abspath(args.pdf) if args.pdf else None)
    print("twcost_workbook: wrote %s%s" %
          (args.output, " and " + args.pdf if args.pdf else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
