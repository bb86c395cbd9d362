#!/bin/sh
# reuse.sh - a satellite site can be an existing office reused (issue 10,
# item 5; 掛川市 and 松本市 reused branch offices, seed 001): no fit-out
# and no entry works there, only the line and the terminals.  Figures by
# hand from the catalogue's satellite-seats items:
#   sat_thin_client 100,000 a seat; sat_line_setup 500,000 a site;
#   sat_entry 800,000 a new site (security, eligible); sat_fitout
#   2,000,000 a new site (facility, not eligible); sat_line 600,000 a site
#   a year.
. "$TESTS_DIR/cli/setup.sh"

plan() { q "$1" ".plans[] | select(.id == \"$2\") | .$3"; }
item() { q "$1" ".plans[] | select(.id == \"$2\") | .items[] | select(.id == \"$3\") | [.quantity, .total_yen] | join(\",\")"; }

# The default town's one site reused: every plan saves entry works and
# fit-out, 800,000 + 2,000,000 = 2,800,000, of which 800,000 eligible; at
# m = 1.00 the grant falls by 800,000 x 0.5 = 400,000 and the net cost by
# 2,800,000 - 400,000 = 2,400,000.
n=$tmp/new.json
r=$tmp/reused.json
json "$n" compare
json "$r" compare --satellite-reuse 1
expect "no fit-out" "$(item "$r" jlis-lgwan sat_fitout)" "0,0"
expect "no entry works" "$(item "$r" jlis-lgwan sat_entry)" "0,0"
expect "the terminal still" "$(item "$r" jlis-lgwan sat_thin_client)" "1,100000"
expect "the line set-up still" "$(item "$r" jlis-lgwan sat_line_setup)" "1,500000"
expect "the line still (5 years)" "$(item "$r" jlis-lgwan sat_line)" "1,3000000"
for p in vdi-own jlis-lgwan; do
	expect "$p total falls by 2,800,000" \
		"$(($(plan "$n" $p total_yen) - $(plan "$r" $p total_yen)))" 2800000
	expect "$p eligible falls by 800,000" \
		"$(($(plan "$n" $p eligible_yen) - $(plan "$r" $p eligible_yen)))" 800000
	expect "$p net falls by 2,400,000" \
		"$(($(plan "$n" $p net_yen) - $(plan "$r" $p net_yen)))" 2400000
done
expect "json says so" "$(q "$r" '[.scenario.satellite_reuse, .scenario.satellite.reuse] | join(",")')" "1,1"
expect "the header says so" \
	"$(twcost compare --satellite-reuse 1 --wide | grep -c 'satellite 4 (1 site, 1 of them an existing office reused)')" 1

# city-220: two sites, one reused: entry works and fit-out for one, the
# line set-up for both.
json "$tmp/c.json" compare --profile city-220 --satellite-reuse 1
expect "one new site's fit-out" "$(item "$tmp/c.json" vdi-own sat_fitout)" "1,2000000"
expect "one new site's entry works" "$(item "$tmp/c.json" vdi-own sat_entry)" "1,800000"
expect "both sites' line set-up" "$(item "$tmp/c.json" vdi-own sat_line_setup)" "2,1000000"

# In a profile: satellite = { ...; reuse = N; }.  More reused than there
# are sites is refused, naming the key and the range.
sed 's/sites = 1; reuse = 0;/sites = 1; reuse = 1;/' "$PROFILES/default.cfg" >"$tmp/reuse.cfg"
cp "$PROFILES/catalog.cfg" "$PROFILES/grant-telework.cfg" "$tmp/"
json "$tmp/p.json" compare --profile "$tmp/reuse.cfg"
expect "profile reuse" "$(q "$tmp/p.json" .scenario.satellite_reuse)" 1
refuse "satellite_reuse: 2 is more than satellite_sites (1): allowed 0 to 1" compare --satellite-reuse 2
sed 's/sites = 1; reuse = 0;/sites = 1; reuse = 3;/' "$PROFILES/default.cfg" >"$tmp/bad.cfg"
refuse "bad.cfg:" compare --profile "$tmp/bad.cfg"
refuse "--satellite-reuse: -1 is out of range (0 to 1000)" compare --satellite-reuse -1

finish
