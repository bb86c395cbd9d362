#!/bin/sh
# breakeven.sh - `twcost breakeven` finds every crossing in the range,
# starts where someone is enrolled, and says which plan is cheaper when the
# two never cross (issue 10).  Figures worked out by hand in the comments.
. "$TESTS_DIR/cli/setup.sh"

be=$TESTDATA/breakeven.cfg

# ---- a pair that crosses twice ----------------------------------------------
# tests/data/breakeven.cfg, ten staff at home, over years: B = 30,000 x 10
# = 300,000 a year; R = 1,000,000 in its first year, bought again in the
# sixth: 1,000,000 for 1 to 5 years, 2,000,000 from 6.
#   3 years: R 1,000,000, B   900,000 (R dearer)
#   4 years: R 1,000,000, B 1,200,000 (B dearer)   -> crossing at 4
#   5 years: R 1,000,000, B 1,500,000 (B dearer)
#   6 years: R 2,000,000, B 1,800,000 (R dearer)   -> crossing at 6
j=$tmp/twice.json
json "$j" breakeven --profile "$be" --staff 10 --plan R --vs B --over years --range 1:6
expect "two crossings" "$(q "$j" '.crossings | length')" 2
expect "crossings at" "$(q "$j" '[.crossings[].value] | join(",")')" "4,6"
expect "first crossing's sides" \
	"$(q "$j" '.crossings[0] | [.below.value, .below.net_a_yen, .below.net_b_yen, .above.value, .above.net_a_yen, .above.net_b_yen] | join(",")')" \
	"3,1000000,900000,4,1000000,1200000"
expect "second crossing's sides" \
	"$(q "$j" '.crossings[1] | [.below.value, .below.net_a_yen, .below.net_b_yen, .above.value, .above.net_a_yen, .above.net_b_yen] | join(",")')" \
	"5,1000000,1500000,6,2000000,1800000"
expect "value stays the first crossing" "$(q "$j" .value)" 4
expect "no cheaper-throughout when they cross" "$(q "$j" .cheaper)" null
twcost breakeven --profile "$be" --staff 10 --plan R --vs B --over years --range 1:6 --wide >"$tmp/twice.txt"
expect "table says twice" "$(grep -c 'the net costs cross 2 times in the range' "$tmp/twice.txt")" 1
expect "table lists both" "$(grep -cE '^  at years = (4|6)$' "$tmp/twice.txt")" 2

# ---- a pair that never crosses --------------------------------------------------
# 1 to 40 staff, all at home, one year: A - B = 1,010,000 - 20,000 x staff
# > 0 throughout (at 40: 1,410,000 against 1,200,000): B is cheaper at
# each of the 40 staff counts.
j=$tmp/never.json
json "$j" breakeven --profile "$be" --plan A --vs B --over staff --range 1:40
expect "never: found" "$(q "$j" .found)" false
expect "never: no crossings" "$(q "$j" '.crossings | length')" 0
expect "never: cheaper" "$(q "$j" .cheaper)" B
twcost breakeven --profile "$be" --plan A --vs B --over staff --range 1:40 --wide >"$tmp/never.txt"
expect "never: said plainly" \
	"$(sed -n 2p "$tmp/never.txt")" \
	"  the net costs never cross: B is cheaper at every one of the 40 values scanned; at each end:"

# ---- where nobody is enrolled ---------------------------------------------------
# A fifth of the staff at home: round(0.2 x 2) = 0 people, round(0.2 x 3)
# = 1: the search starts at 3 staff, and says so.
twcost breakeven --profile "$be" --home 0.2 --plan A --vs B --over staff --range 1:40 --wide >"$tmp/from.txt"
expect "starts where someone is enrolled" "$(head -1 "$tmp/from.txt")" \
	"Break-even of A against B over staff, 3 to 40 (neither plan enrols anyone below 3):"
twcost breakeven --profile "$be" --home 0 --plan A --vs B --over staff --range 1:40 --wide >"$tmp/none.txt"
expect "nobody at all" "$(sed -n 2p "$tmp/none.txt")" \
	"  neither plan enrols anyone in the range: both cost nothing; at each end:"

# ---- the bundled default, with the default range (the issue's case) ---------
# breakeven --plan lgwan-remote --vs jlis-lgwan --over staff with J-LIS
# free until R8 (FY2026), then 100,000 a user a year for FY2027-2029.
# Staff 1 and 2 enrol nobody (round(0.2 x 2) = 0, round(0.05 x 2) = 0):
# the search starts at 3 (round(0.6) = 1 at home); it used to start at 1,
# where both cost 0, and found nothing.
# At s staff: home h = round(0.2 s), satellite and mobile round(0.05 s).
#   s = 62: h = 12, satellite 3 (1 seat, 1 site), mobile 3
#   s = 63: h = 13, satellite 3, mobile 3
# Common to both plans over 5 years (m = 1.00, grant 0.5 of eligible):
#   satellite: thin client 100,000 + line set-up 500,000 + entry 800,000
#     + fit-out 2,000,000 + line 5 x 600,000 = 6,400,000 (1,400,000
#     eligible)
#   mobile: browser set-up 1,000,000 + MFA 3 x 5,000 + licences 3 x 18,000
#     x 5 = 270,000 + tablets 3 x 80,000 x 2 + MDM 3 x 4,800 x 5 = 72,000
#     + data 3 x 60,000 x 5 = 900,000 = 2,737,000 (1,255,000 eligible)
#   office PC: h x (8,000 + 12,000) x 5; routers ceil(h / 4) x 20,000 x 2
#     (the first eligible) and their data ceil(h / 4) x 60,000 x 5
#   s = 62: 6,400,000 + 2,737,000 + 1,200,000 + 120,000 + 900,000 =
#     11,357,000, eligible 2,715,000
#   s = 63: 6,400,000 + 2,737,000 + 1,300,000 + 160,000 + 1,200,000 =
#     11,797,000, eligible 2,735,000
# lgwan-remote (every home worker lent a laptop): set-up 2,500,000 +
#   h x 60,800 x 5 + h x 180,000
#   s = 62: 2,500,000 + 3,648,000 + 2,160,000 = 8,308,000; total
#     19,665,000, eligible 2,715,000 + 4,660,000 = 7,375,000, grant
#     3,687,500 -> 3,688,000, net 15,977,000
#   s = 63: 2,500,000 + 3,952,000 + 2,340,000 = 8,792,000; total
#     20,589,000, eligible 7,575,000, grant 3,788,000, net 16,801,000
# jlis-lgwan (ceil(h / 2) lent): laptops x 180,000, filters x 5,000,
#   application 320,000, support h x 24,000 x 5, one-time passwords h x
#   3,000, the fee h x 100,000 x 3
#   s = 62 (6 lent): 1,080,000 + 30,000 + 320,000 + 1,440,000 + 36,000 +
#     3,600,000 = 6,506,000; total 17,863,000, eligible 2,715,000 +
#     1,146,000 = 3,861,000, grant 1,930,500 -> 1,931,000, net 15,932,000
#   s = 63 (7 lent): 1,260,000 + 35,000 + 320,000 + 1,560,000 + 39,000 +
#     3,900,000 = 7,114,000; total 18,911,000, eligible 4,069,000, grant
#     2,034,500 -> 2,035,000, net 16,876,000
# lgwan-remote dearer at 62 (by 45,000), J-LIS at 63 (by 75,000): the
# crossing is at 63.  Above it J-LIS adds more per home worker (support,
# password and fee 423,000 and half a laptop, less its grant) than the
# commercial service (484,000 less 90,000 grant): they do not cross back.
j=$tmp/default.json
json "$j" breakeven --plan lgwan-remote --vs jlis-lgwan --over staff --jlis-free-until R8 --jlis-fee 100000
expect "default: found with the default range" "$(q "$j" .found)" true
expect "default: searched from 3" "$(q "$j" '[.from, .to] | join(",")')" "3,10000"
expect "default: crossing at 63" "$(q "$j" .value)" 63
expect "default: one crossing" "$(q "$j" '.crossings | length')" 1
expect "default: 62 staff" "$(q "$j" '[.below.value, .below.net_a_yen, .below.net_b_yen] | join(",")')" \
	"62,15977000,15932000"
expect "default: 63 staff" "$(q "$j" '[.above.value, .above.net_a_yen, .above.net_b_yen] | join(",")')" \
	"63,16801000,16876000"
# both sides as compare gives them
for s in 62 63; do
	json "$tmp/c$s.json" compare --staff $s --jlis-free-until R8 --jlis-fee 100000
done
expect "compare at 62" \
	"$(q "$tmp/c62.json" '[.plans[] | select(.id == "lgwan-remote" or .id == "jlis-lgwan") | .net_yen] | join(",")')" \
	"15977000,15932000"
expect "compare at 63" \
	"$(q "$tmp/c63.json" '[.plans[] | select(.id == "lgwan-remote" or .id == "jlis-lgwan") | .net_yen] | join(",")')" \
	"16801000,16876000"
twcost breakeven --plan lgwan-remote --vs jlis-lgwan --over staff --jlis-free-until R8 --jlis-fee 100000 --wide >"$tmp/d.txt"
expect "default: the table" "$(sed -n 2p "$tmp/d.txt")" "  the net costs cross at staff = 63"

finish
