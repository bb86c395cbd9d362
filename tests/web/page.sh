#!/bin/sh
# page.sh - twcost.html opened from file:// in headless Chromium, its
# documents held against the CLI: the twcost-compare JSON of every bundled
# scenario and of the flags the README shows equals `twcost compare
# --format json` for the same inputs (jq -S: every field, every yen), the
# twcost-budget document equals `twcost budget --format json --plan ID`
# and the 予算見積書 shown (URL key fy) holds its 千円 figures line by line,
# and a fixed-seed simulation equals `twcost simulate --format json
# --threads 1`.  Bad queries get the library's message and no document.
. "${TESTS_DIR:?}/web/setup.sh"

# dom QUERY: the page's DOM after its scripts ran.
dom() {
	chrome --dump-dom "file://$page${1:+?$1}" >"$tmp/dom.html" || true
}

# doc ID: the JSON document the page wrote into <script id=ID>, or nothing.
doc() {
	python3 - "$tmp/dom.html" "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    grab = False
    text = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("id") == sys.argv[2]:
            self.grab = True
            self.text = ""
    def handle_endtag(self, tag):
        self.grab = False
    def handle_data(self, data):
        if self.grab:
            self.text += data
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
if p.text is not None:
    sys.stdout.write(p.text)
PY
}

# state: the page's data-twcost (ready or error).
state() {
	sed -n 's/.*<html[^>]* data-twcost="\([a-z]*\)".*/\1/p' "$tmp/dom.html" | head -1
}

# same NAME ID QUERY -- CLI ARGS...: the page's document ID for QUERY
# equals the CLI's JSON for ARGS.
same() {
	name=$1 id=$2 query=$3
	shift 4
	dom "$query"
	doc "$id" >"$tmp/page.json"
	if ! "$TWCOST" "$@" >"$tmp/cli.json" 2>"$tmp/cli.err"; then
		bad "$name: twcost $* failed: $(cat "$tmp/cli.err")"
		return
	fi
	if [ "$(state)" != ready ]; then
		bad "$name: the page is '$(state)', not ready, for ?$query"
	elif ! jq -S . "$tmp/page.json" >"$tmp/page.sorted" 2>/dev/null; then
		bad "$name: no JSON in #$id for ?$query"
	elif ! jq -S . "$tmp/cli.json" | diff "$tmp/page.sorted" - >"$tmp/diff"; then
		bad "$name: #$id differs from twcost $*: $(head -20 "$tmp/diff")"
	elif [ "$(jq '[.. | numbers] | length' "$tmp/page.json")" -lt 20 ]; then
		bad "$name: #$id holds too few figures to mean anything"
	else
		ok
	fi
}

# ---- compare: the bundled scenarios and the README's flags ----------------
same default twcost-compare "" -- compare --format json
for p in village-45 city-220 city-1200 prefecture-2400; do
	same "$p" twcost-compare "profile=$p" -- compare --format json --profile "$p"
done
for p in town-expanding city-starting town-leasing; do
	same "$p" twcost-compare "profile=$p" -- compare --format json --profile "$p"
done
same "rollout and go-live keys" twcost-compare "rollout=R7%3D0.3%2CR9%3D1&go_live=2025-12-01" \
	-- compare --format json --rollout R7=0.3,R9=1 --go-live 2025-12-01
same "issue's example" twcost-compare "staff=220&home=0.25&start=R7&fiscal_index=0.62" \
	-- compare --format json --staff 220 --home 0.25 --start R7 --fiscal-index 0.62
# 令和7年度, percent-encoded as a browser sends it.
same "README flags" twcost-compare \
	"staff=220&home=0.25&satellite=0.05&mobile=0.1&start=%E4%BB%A4%E5%92%8C7%E5%B9%B4%E5%BA%A6&fiscal_index=0.62&kind=municipality&years=5&jlis_free_until=R9&jlis_fee_yen=12000" \
	-- compare --format json --staff 220 --home 0.25 --satellite 0.05 \
	--mobile 0.1 --start 令和7年度 --fiscal-index 0.62 --kind municipality \
	--years 5 --jlis-free-until R9 --jlis-fee 12000
same "README break-even flags" twcost-compare "jlis_free_until=R8&jlis_fee_yen=100000" \
	-- compare --format json --jlis-free-until R8 --jlis-fee 100000
same "after the deadline, a prefecture" twcost-compare \
	"profile=prefecture-2400&start=2026-04-01&fiscal_index=0.3" \
	-- compare --format json --profile prefecture-2400 --start 2026-04-01 --fiscal-index 0.3
same "keys without a field" twcost-compare \
	"start=FY2024&recipient=0&grant_override=1&sensitive_data=1&work_segment=lgwan&peak=1.5&lent_share=0.8" \
	-- compare --format json --start FY2024 --non-recipient --grant-override \
	--sensitive --work-segment lgwan --peak 1.5 --lent-share 0.8

# ---- budget and simulation ------------------------------------------------
same "budget of city-220" twcost-budget "profile=city-220&view=budget&plan=jlis-lgwan" \
	-- budget --format json --profile city-220 --plan jlis-lgwan
same "budget of vdi-own, 30 years" twcost-budget "view=budget&plan=vdi-own&years=30" \
	-- budget --format json --plan vdi-own --years 30
same "simulate, seed 7" twcost-simulate "view=simulate&draws=10000&seed=7" \
	-- simulate --format json --threads 1 --draws 10000 --seed 7
same "simulate village-45" twcost-simulate "profile=village-45&view=simulate&draws=2000&seed=3&home=0.3" \
	-- simulate --format json --threads 1 --draws 2000 --seed 3 --profile village-45 --home 0.3

# ---- the 予算見積書 on the page against the CLI's JSON ------------------------
# request NAME QUERY -- CLI ARGS...: the budget view for QUERY shows, in its
# tables, the request the CLI's JSON gives for ARGS (budget --format json
# --plan ID --fy FY): the title's year, every 節 and line (千円, 積算基礎),
# 細節 subtotals, 事業費計 = Σ節, the 財源内訳 adding up to it, the grant,
# 実質負担額 = 一般財源 − 特交見込額, staff time, and each 債務負担行為.
# Each check is one "ok" or "FAIL: ..." line from the script.
request() {
	name=$1 query=$2
	shift 3
	dom "$query"
	if ! "$TWCOST" "$@" >"$tmp/cli.json" 2>"$tmp/cli.err"; then
		bad "$name: twcost $* failed: $(cat "$tmp/cli.err")"
		return
	fi
	python3 - "$tmp/dom.html" "$tmp/cli.json" "$name" >"$tmp/request.out" <<'PY'
import html.parser, json, sys

class T(html.parser.HTMLParser):
    """Rows (class, [cell text]) of every table by id, and texts by id."""
    def __init__(self):
        super().__init__()
        self.tables, self.texts = {}, {}
        self.table = self.row = self.cell = self.text = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = self.tables.setdefault(a.get("id"), [])
        elif tag == "tr" and self.table is not None:
            self.row = (a.get("class") or "", [])
            self.table.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "h3" and a.get("id"):
            self.text = a["id"]
            self.texts[self.text] = ""
        elif tag == "div" and a.get("id") == "budget-debts":
            self.texts["debts-hidden"] = "hidden" in a
    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None
        elif tag == "tr":
            self.row = None
        elif tag in ("td", "th") and self.cell is not None:
            self.row[1].append(self.cell.strip())
            self.cell = None
        elif tag == "h3":
            self.text = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.text is not None:
            self.texts[self.text] += data

t = T()
t.feed(open(sys.argv[1], encoding="utf-8").read())
cli = json.load(open(sys.argv[2], encoding="utf-8"))
name = sys.argv[3]
plan = cli["plans"][0]
rq = plan["request"]
en = "--lang" in sys.argv  # not used: the page's language is the query's

def check(cond, what):
    print("ok" if cond else "FAIL: %s: %s" % (name, what))

def k(text):
    """A 千円 figure as the page shows it: 1,234 or −1,234."""
    text = text.replace(",", "").replace("−", "-").replace("-", "-")
    return int(text) if text.lstrip("-").isdigit() else None

rows = t.tables.get("budget-table", [])
check(len(rq["years"]) == 1, "the CLI gives one year (%d)" % len(rq["years"]))
y = rq["years"][0]
lang_en = t.texts.get("budget-title", "").startswith("Budget request")
check((y["label_en"] if lang_en else y["label"]) in t.texts.get("budget-title", ""),
      "the title names %s: %r" % (y["label"], t.texts.get("budget-title")))

def row_of(cls):
    return [r for c, r in rows if cls in c.split()]

setsu, lines, subs = row_of("setsu"), row_of("line"), row_of("saisetsu")
check(len(setsu) == len(y["setsu"]), "%d 節 shown, %d in the JSON" % (len(setsu), len(y["setsu"])))
jlines = [l for s in y["setsu"] for l in s["lines"]]
check(len(lines) == len(jlines), "%d lines shown, %d in the JSON" % (len(lines), len(jlines)))
for r, s in zip(setsu, y["setsu"]):
    check(r[0] == "%d %s" % (s["code"], s["name"]) and k(r[3]) == s["thousand_yen"],
          "節 %r, JSON %d %s %d" % (r, s["code"], s["name"], s["thousand_yen"]))
for r, l in zip(lines, jlines):
    label = l["label_en"] if lang_en else l["label"]
    basis = l["basis_en"] if lang_en else l["basis"]
    check(r[2] == label and k(r[3]) == l["thousand_yen"] and r[4] and basis.endswith(r[4]),
          "line %r, JSON %s %d %s" % (r, label, l["thousand_yen"], basis))
# 細節: each subtotal is its lines' 千円 added.
want = {}
for s in y["setsu"]:
    for l in s["lines"]:
        if l["saisetsu"]:
            want[(s["code"], l["saisetsu"])] = want.get((s["code"], l["saisetsu"]), 0) + l["thousand_yen"]
check(sorted(k(r[3]) for r in subs) == sorted(want.values()),
      "細節 %r, JSON %r" % ([(r[1], r[3]) for r in subs], want))

def foot(n):
    """The n-th footer row (事業費計 first) as (label, 千円, basis)."""
    f = [r for c, r in rows if c.split() and c.split()[0] in ("total", "funding", "memo")]
    return f[n] if n < len(f) else ["", "", "", "", ""]

cost = k(foot(0)[3])
check(cost == y["cost_thousand_yen"], "事業費計 %r, JSON %d" % (foot(0), y["cost_thousand_yen"]))
check(cost == sum(k(r[3]) for r in setsu), "事業費計 %s ≠ Σ節 %s" % (cost, sum(k(r[3]) for r in setsu)))
check(cost == sum(k(r[3]) for r in lines), "事業費計 %s ≠ Σ lines" % cost)
fund = [k(foot(i)[3]) for i in range(1, 6)]
f = y["funding"]["thousand"]
check(fund == [f["national_yen"], f["prefectural_yen"], f["bond_yen"], f["other_yen"], f["general_yen"]],
      "財源内訳 %r, JSON %r" % (fund, f))
check(sum(fund) == cost, "財源内訳 %r adds to %d, not 事業費計 %d" % (fund, sum(fund), cost))
grant, real = k(foot(6)[3]), k(foot(7)[3])
check(grant == y["grant_memo_thousand_yen"], "特別交付税措置見込額 %r, JSON %d" % (foot(6), y["grant_memo_thousand_yen"]))
check(real == y["real_burden_thousand_yen"], "実質負担額 %r, JSON %d" % (foot(7), y["real_burden_thousand_yen"]))
check(real == fund[4] - grant, "実質負担額 %s ≠ 一般財源 %s − 特交 %s" % (real, fund[4], grant))
staff = y["reference"]["staff_time_thousand_yen"]
if staff:
    check(k(foot(8)[3]) == staff, "staff time %r, JSON %d" % (foot(8), staff))
debts = [r for c, r in t.tables.get("budget-debt", [])][1:]
check(len(debts) == len(rq["debt_burden"]),
      "%d 債務負担行為 shown, %d in the JSON" % (len(debts), len(rq["debt_burden"])))
check(t.texts.get("debts-hidden") == (not rq["debt_burden"]), "the 債務負担行為 table is hidden when there is none, shown when there is")
years = {x["fy"]: x for x in plan["years"]}
for r, d in zip(debts, rq["debt_burden"]):
    voted = "FY%d" % d["contract_fy"] if lang_en else years[d["contract_fy"]]["label"]
    period = d["period_en"] if lang_en else d["period"]
    label = d["label_en"] if lang_en else d["label"]
    check(r == [label, voted, period, "{:,}".format(d["limit_thousand_yen"])],
          "債務負担行為 %r, JSON %s %s %s %d" % (r, label, voted, period, d["limit_thousand_yen"]))
PY
	while read -r line; do
		case $line in
		ok) ok ;;
		*) bad "$line" ;;
		esac
	done <"$tmp/request.out"
	[ -s "$tmp/request.out" ] || bad "$name: no checks ran"
}
request "town-expanding, 令和9年度" "profile=town-expanding&view=budget&plan=jlis-lgwan&fy=R9" \
	-- budget --format json --profile town-expanding --plan jlis-lgwan --fy R9
# The document stays the command's for every year whatever year is shown.
same "budget document with fy" twcost-budget "profile=town-expanding&view=budget&plan=jlis-lgwan&fy=R9" \
	-- budget --format json --profile town-expanding --plan jlis-lgwan
# Without fy: 令和9年度, in the horizon 令和6〜10年度.
request "town-expanding, the default year" "profile=town-expanding&view=budget&plan=jlis-lgwan" \
	-- budget --format json --profile town-expanding --plan jlis-lgwan --fy 2027
request "town-expanding in English" "profile=town-expanding&view=budget&plan=jlis-lgwan&fy=%E4%BB%A4%E5%92%8C9%E5%B9%B4%E5%BA%A6&lang=en" \
	-- budget --format json --profile town-expanding --plan jlis-lgwan --fy R9
# town-leasing: the lent laptops' lease voted in 令和7年度 for 令和8〜11年度.
request "town-leasing, 令和7年度" "profile=town-leasing&view=budget&plan=jlis-lgwan&fy=R7" \
	-- budget --format json --profile town-leasing --plan jlis-lgwan --fy R7
request "town-leasing, 令和9年度" "profile=town-leasing&view=budget&plan=jlis-lgwan&fy=FY2027" \
	-- budget --format json --profile town-leasing --plan jlis-lgwan --fy R9
"$TWCOST" budget --format json --profile town-leasing --plan jlis-lgwan >"$tmp/lease.json"
if [ "$(jq -r '.plans[0].request.debt_burden[0] | [.label, .period, .limit_thousand_yen] | @tsv' "$tmp/lease.json")" = \
	"$(printf '貸与用ノートPC\t令和8年度から令和11年度まで\t6261')" ]; then ok; else
	bad "town-leasing's 債務負担行為 is not the lent laptops, 令和8年度から令和11年度まで, 6,261 千円"
fi
# All years stacked: one titled part for each year of the horizon.
dom "profile=town-leasing&view=budget&plan=jlis-lgwan&fy=all"
n=$(grep -o '<tr class="year">' "$tmp/dom.html" | wc -l)
if [ "$n" -eq "$(jq '.plans[0].request.years | length' "$tmp/lease.json")" ] &&
	grep -q '令和8年度から令和11年度まで' "$tmp/dom.html"; then ok; else
	bad "fy=all: $n years shown, or no 債務負担行為"
fi
# A year outside the horizon: said, and the default year shown.
dom "profile=town-expanding&view=budget&plan=jlis-lgwan&fy=R20"
if [ "$(state)" = ready ] && grep -q 'R20 は試算期間にありません' "$tmp/dom.html" &&
	grep -q '令和9年度 予算見積書' "$tmp/dom.html"; then ok; else
	bad "fy=R20: not said, or not 令和9年度 shown"
fi

# ---- bad queries: the library's message, and no document --------------------
# refused NAME QUERY MESSAGE [ID]: the page is in error, writes no
# document ID (default twcost-compare) and shows MESSAGE (what the library
# says, as the CLI shows it).
refused() {
	dom "$2"
	if [ "$(state)" != error ]; then
		bad "$1: the page is '$(state)', not error, for ?$2"
	elif [ -n "$(doc "${4:-twcost-compare}")" ]; then
		bad "$1: a document ${4:-twcost-compare} was written for ?$2"
	elif ! grep -qF -- "$3" "$tmp/dom.html"; then
		bad "$1: the page does not show '$3' for ?$2"
	else
		ok
	fi
}
# cli_msg ARGS...: the CLI's one-line refusal without "twcost: FLAG: ", in
# Japanese as the page speaks by default.
cli_msg() {
	"$TWCOST" compare --lang ja "$@" 2>&1 >/dev/null |
		sed 's/^twcost: //; s/^--[a-z-]*: //'
}
refused "impossible shares" "home=0.8&satellite=0.5" "$(cli_msg --home 0.8 --satellite 0.5)"
refused "staff not a number" "staff=abc" "$(cli_msg --staff abc)"
refused "staff out of range" "staff=-5" "$(cli_msg --staff -5)"
refused "start" "start=R99x" "$(cli_msg --start R99x)"
refused "unknown key" "yeers=5" "$(cli_msg --set yeers=5)"
refused "markup in a value" "name=%3C%2Fscript%3E%3Cb%3Ex&kind=%3Cscript%3E" \
	"$(cli_msg --kind '<script>' | sed 's/</\&lt;/g; s/>/\&gt;/g')"
# cli_err ARGS...: the CLI's refusal without "twcost: ", as the page shows
# a refusal that comes from the command rather than from one input.
cli_err() { "$TWCOST" "$@" --lang ja 2>&1 >/dev/null | sed 's/^twcost: //'; }
refused "no such profile" "profile=nowhere" "$(cli_err compare --profile nowhere)"
# The compare document stands (compare takes these inputs); the other is
# not written.
refused "no such plan" "view=budget&plan=nowhere" "$(cli_err budget --plan nowhere)" \
	twcost-budget
refused "draws out of range" "view=simulate&draws=0" "$(cli_err simulate --draws 0)" \
	twcost-simulate

# Malformed percent-encoding and unknown page parameters are not fatal.
dom "staff=%E0%A4%A&view=nowhere&lang=xx"
if [ "$(state)" = error ]; then ok; else bad "malformed encoding: state '$(state)'"; fi
dom "view=nowhere&lang=xx&draws=abc"
if [ "$(state)" = ready ] && [ -n "$(doc twcost-compare)" ]; then ok; else
	bad "unknown view and language: state '$(state)'"
fi

finish
