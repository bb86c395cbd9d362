#!/bin/sh
# continuity.sh - sizing for business continuity (issue 10, item 6): with
# --sizing continuity (profile sizing = "continuity") every enrolled user
# works at once, for servers, seats and licences that count concurrent
# users, and the output says which sizing it used.  Figures by hand.
. "$TESTS_DIR/cli/setup.sh"

# city-220: home 55 (2 days, peak 1.2), satellite 11 (2 days, 2 sites),
# mobile 22 (1 day).
#   ordinary: home ceil(55 x 2/5 x 1.2 = 26.4) = 27, mobile ceil(22 x
#   1/5 x 1.2 = 5.28) = 6; own VDI serves both: ceil((27 + 6) / 32) = 2
#   servers; satellite seats ceil(11 x 2/5 x 1.2 = 5.28) = 6
#   continuity: 55 + 22 = 77 at once: ceil(77 / 32) = 3 servers; 11 seats
o=$tmp/ordinary.json
c=$tmp/continuity.json
json "$o" compare --profile city-220
json "$c" compare --profile city-220 --sizing continuity
item() { q "$1" ".plans[] | select(.id == \"$2\") | .items[] | select(.id == \"$3\") | .quantity"; }
expect "ordinary servers" "$(item "$o" vdi-own vdi_server)" 2
expect "continuity servers" "$(item "$c" vdi-own vdi_server)" 3
expect "ordinary seats" "$(item "$o" vdi-own sat_thin_client)" 6
expect "continuity seats" "$(item "$c" vdi-own sat_thin_client)" 11
expect "continuity concurrent = enrolled" \
	"$(q "$c" '[.scenario.home.concurrent, .scenario.satellite.concurrent, .scenario.mobile.concurrent] | join(",")')" \
	"55,11,22"
expect "json names the sizing" "$(q "$o" .scenario.sizing),$(q "$c" .scenario.sizing)" "ordinary,continuity"
twcost compare --profile city-220 --sizing continuity >"$tmp/c.txt"
expect "header says continuity" \
	"$(grep -c '^  sizing: continuity - every enrolled user at once' "$tmp/c.txt")" 1
twcost compare --profile city-220 >"$tmp/o.txt"
expect "header says ordinary" \
	"$(grep -c '^  sizing: an ordinary day (days a week x peak 1.2' "$tmp/o.txt")" 1

# A licence that counts concurrent users (tests/data/model.cfg, a_conc at
# 2,000 each, over home 25 + mobile 5): ordinary 12 + 5 = 17, continuity
# 30 = 60,000 yen.
json "$tmp/m.json" compare --profile "$TESTDATA/model.cfg" --sizing continuity
expect "concurrent licences to the enrolled count" "$(item "$tmp/m.json" full a_conc)" 30
expect "their cost" \
	"$(q "$tmp/m.json" '.plans[] | select(.id == "full") | .items[] | select(.id == "a_conc") | .total_yen')" 60000

# The profile key, and refusals naming the key and the values allowed.
sed 's/^  peak = 1.2;/  peak = 1.2;\n  sizing = "continuity";/' "$TESTDATA/model.cfg" >"$tmp/cont.cfg"
cp "$PROFILES/grant-telework.cfg" "$tmp/"
json "$tmp/p.json" compare --profile "$tmp/cont.cfg"
expect "profile sizing" "$(q "$tmp/p.json" .scenario.sizing)" continuity
refuse "--sizing: 'disaster' is not one of ordinary, continuity" compare --sizing disaster
sed 's/^  sizing = "continuity";/  sizing = "always";/' "$tmp/cont.cfg" >"$tmp/bad.cfg"
refuse "bad.cfg:" compare --profile "$tmp/bad.cfg"
refuse "sizing" compare --profile "$tmp/bad.cfg"

finish
