#!/bin/sh
# page.sh - twcost.html opened from file:// in headless Chromium, its
# documents held against the CLI: the twcost-compare JSON of every bundled
# scenario and of the flags the README shows equals `twcost compare
# --format json` for the same inputs (jq -S: every field, every yen), the
# twcost-budget document equals `twcost budget --format json --plan ID`,
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
