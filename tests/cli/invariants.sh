#!/bin/sh
# invariants.sh - what must hold for every plan of every bundled scenario
# and of a few perturbed ones:
#   net = total - grant; eligible <= total; per-year sums equal the
#   totals; item totals add up to the total; no item of a category the
#   rule does not name is counted as eligible; total = initial + running
#   + replacement; every grant is a whole number of thousands.
. "$TESTS_DIR/cli/setup.sh"

check_file() {
	name=$1
	file=$2
	# Each check prints the ids of the plans that break it.
	broken=$(jq -r '
	  .plans[] | select(
	    .net_yen != .total_yen - .grant_yen
	    or .eligible_yen > .total_yen
	    or ([.years[].cost_yen] | add) != .total_yen
	    or ([.years[].grant_yen] | add) != .grant_yen
	    or ([.years[].eligible_yen] | add) != .eligible_yen
	    or ([.years[].net_yen] | add) != .net_yen
	    or ([.items[].total_yen] | add) != .total_yen
	    or ([.items[].eligible_yen] | add) != .eligible_yen
	    or .initial_yen + .running_yen + .replacement_yen != .total_yen
	    or (.grant_yen % 1000) != 0
	    or .grant_yen > .eligible_yen
	    or ([.items[] | .years_yen | add] | add) != .total_yen
	  ) | .id' "$file")
	expect "$name: plan invariants" "$broken" ""
	noncat=$(jq -r '.plans[].items[]
	  | select((.category == "communication" or .category == "facility"
	            or .category == "staff_time") and (.eligible or .eligible_yen > 0))
	  | .id' "$file")
	expect "$name: non-eligible categories" "$noncat" ""
	annual=$(jq -r '.plans[].items[]
	  | select(.phase == "annual" and .eligible_yen > 0) | .id' "$file")
	expect "$name: annual items never eligible" "$annual" ""
}

for f in "$PROFILES/default.cfg" "$PROFILES"/entities/*.cfg; do
	out=$tmp/$(basename "$f").json
	json "$out" compare --profile "$f"
	check_file "$(basename "$f")" "$out"
done

# Perturbed scenarios: odd shares, long horizons, late starts, wards.
i=0
for args in "--staff 1" "--staff 7 --home 0.33 --mobile 0.33 --satellite 0.33" \
	"--years 30 --start FY2020" "--years 1" "--kind special_ward" \
	"--kind prefecture --fiscal-index 0.79" "--start 2026-04-01" \
	"--staff 500000 --home 1 --satellite 0 --mobile 0" \
	"--jlis-free-until R8 --jlis-fee 50000" "--peak 3 --home-days 5"; do
	i=$((i + 1))
	out=$tmp/p$i.json
	# shellcheck disable=SC2086
	json "$out" compare $args
	check_file "compare $args" "$out"
done

finish
