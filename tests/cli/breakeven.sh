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
twcost breakeven --profile "$be" --staff 10 --plan R --vs B --over years --range 1:6 >"$tmp/twice.txt"
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
twcost breakeven --profile "$be" --plan A --vs B --over staff --range 1:40 >"$tmp/never.txt"
expect "never: said plainly" \
	"$(sed -n 2p "$tmp/never.txt")" \
	"  the net costs never cross: B is cheaper at every one of the 40 values scanned; at each end:"

# ---- where nobody is enrolled ---------------------------------------------------
# A fifth of the staff at home: round(0.2 x 2) = 0 people, round(0.2 x 3)
# = 1: the search starts at 3 staff, and says so.
twcost breakeven --profile "$be" --home 0.2 --plan A --vs B --over staff --range 1:40 >"$tmp/from.txt"
expect "starts where someone is enrolled" "$(head -1 "$tmp/from.txt")" \
	"Break-even of A against B over staff, 3 to 40 (neither plan enrols anyone below 3):"
twcost breakeven --profile "$be" --home 0 --plan A --vs B --over staff --range 1:40 >"$tmp/none.txt"
expect "nobody at all" "$(sed -n 2p "$tmp/none.txt")" \
	"  neither plan enrols anyone in the range: both cost nothing; at each end:"

finish
