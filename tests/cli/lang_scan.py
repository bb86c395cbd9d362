#!/usr/bin/env python3
"""lang_scan.py - what tests/cli/lang.sh asks of an output: its language
and its width.

    lang_scan.py en|ja|width FILE [ALLOWED...]

en:    no Japanese (kana, kanji, full-width forms) outside the allowed
       texts (names and labels from profiles) and era years (令和7年度).
ja:    no English word outside the allowed texts (ids, names, keys, flags),
       which the caller lists, and the words every output may hold
       (acronyms, units).
width: no line wider than 80 display columns (East Asian wide characters
       count two).
Prints each offending line (with the word) and exits 1; exits 0 when
clean.  ALLOWED may also be @FILE: one allowed text a line."""
import re
import sys
import unicodedata

# Words a Japanese output may hold: acronyms, product and unit names, and
# the few ASCII forms Japanese documents use as they are.
ACRONYMS = {"J-LIS", "LGWAN", "VDI", "DaaS", "MDM", "PC", "PCs", "OTP",
            "Wi-Fi", "SaaS", "CSV", "JSON", "xlsx", "PNG", "SVG", "PDF",
            "UTF-8", "CP932", "BOM", "ID", "IDs", "P10", "P50", "P90",
            "P0", "P100", "NaN", "twcost", "libtwcost", "FY", "m", "x",
            "cfg", "bundled", "MB", "KB", "OS", "CPU", "SIM", "SSL",
            "VPN", "RDP", "Windows", "Excel", "LibreOffice", "Calc",
            # the subcommands, as typed
            "compare", "estimate", "budget", "simulate", "sensitivity",
            "breakeven", "batch", "check", "profiles", "help", "version",
            # values the user types for an option
            "table", "csv", "json", "ja", "en", "auto", "staff", "home",
            "satellite", "mobile", "years", "category", "setsu",
            "ordinary", "continuity", "lgwan", "internet", "prefecture",
            "municipality", "association", "yes", "no", "covered",
            "eligible", "rule", "national", "prefectural", "bond",
            "other", "triangular", "pert", "uniform", "lognormal"}

JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
ERA = re.compile("(令和|平成|昭和)[0-9元]+年度?")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'\-]*[A-Za-z0-9]|[A-Za-z]")


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def allowed_list(args):
    out = []
    for a in args:
        if a.startswith("@"):
            with open(a[1:], encoding="utf-8") as f:
                out += [l.rstrip("\n") for l in f if l.strip()]
        else:
            out.append(a)
    # longest first, so that a name is removed before a part of it
    return sorted(set(out), key=len, reverse=True)


def strip_allowed(line, allowed):
    for a in allowed:
        line = line.replace(a, " ")
    return line


def main():
    mode, path = sys.argv[1], sys.argv[2]
    allowed = allowed_list(sys.argv[3:])
    bad = 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if mode == "width":
            if width(line) > 80:
                print("%s:%d: %d columns: %s" % (path, n, width(line), line))
                bad += 1
            continue
        rest = line
        if mode == "ja":
            # what the user wrote, quoted back
            rest = re.sub("「[^」]*」", " ", rest)
            # flags with their values, keys (key = value) and file names
            # stay as the user types them
            rest = re.sub(r"--[a-z][a-z0-9-]*(?:[ =](?![-─])[^\s、。，（）「」]+)?",
                          " ", rest)
            rest = re.sub(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", " ", rest)
            rest = re.sub(r"\b[a-z]+ = |= [a-z]+;", " ", rest)
            rest = re.sub(r"[\w./-]+\.(?:cfg|csv|png|svg|pdf|xlsx|json)\b",
                          " ", rest)
        rest = strip_allowed(rest, allowed)
        if mode == "en":
            rest = ERA.sub(" ", rest)
            m = JAPANESE.search(rest)
            if m:
                print("%s:%d: Japanese %r in: %s" % (path, n, m.group(0), line))
                bad += 1
        else:
            for w in WORD.findall(rest):
                # FY2027, R9 and era dates as typed (R9.4.1)
                if w not in ACRONYMS and not re.fullmatch(
                        r"(FY|R|H)\d+(\.\d+){0,2}", w):
                    print("%s:%d: English %r in: %s" % (path, n, w, line))
                    bad += 1
                    break
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
