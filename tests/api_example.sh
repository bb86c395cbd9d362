#!/bin/sh
# api_example.sh - the complete example of docs/api.md (extracted from the
# page at build time into tests/api_example.c) runs, and every figure it
# prints equals `twcost compare --format json` for the same inputs.
. "$TESTS_DIR/cli/setup.sh"
: "${TWC_BUILDDIR:?run through make check}"

ex_out=$tmp/example.out
if ! "$TWC_BUILDDIR/tests/api_example" >"$ex_out" 2>"$tmp/example.err"; then
	bad "api_example failed: $(cat "$tmp/example.err")"
	finish
	exit 1
fi
j=$tmp/compare.json
json "$j" compare --staff 120 --home 0.25 --start 令和7年度

# The refused input: status, description and a message naming key and range.
expect "refused line" "$(sed -n 1p "$ex_out")" \
	"refused -3 a number outside its allowed range: home: 1.5 is out of range (0 to 1)"

# One line a plan, in the library's order, which is the CLI's.
expect "plan order" "$(awk '$1 == "plan" { print $2 }' "$ex_out" | tr '\n' ' ')" \
	"$(q "$j" '.plans[].id' | tr '\n' ' ')"
nplans=0
for id in $(q "$j" '.plans[].id'); do
	nplans=$((nplans + 1))
	line=$(awk -v id="$id" '$1 == "plan" && $2 == id' "$ex_out")
	for f in total_yen grant_yen net_yen; do
		got=$(echo "$line" | awk -v f="$f" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }')
		expect "$id $f" "$got" "$(q "$j" ".plans[] | select(.id == \"$id\") | .$f")"
	done
	expect "$id rate" "$(echo "$line" | awk '{ for (i = 1; i < NF; i++) if ($i == "rate") print $(i + 1) }')" \
		"$(q "$j" ".plans[] | select(.id == \"$id\") | .effective_rate" |
			awk '{ printf "%.3f", $1 }')"
	expect "$id label" "$(echo "$line" | sed 's/.* label //')" \
		"$(q "$j" ".plans[] | select(.id == \"$id\") | .label")"
done
[ "$nplans" -ge 5 ] && ok || bad "only $nplans plans"

# The J-LIS plan year by year: labels 令和7年度... and net cost.
n=$(q "$j" '.plans[] | select(.id == "jlis-lgwan") | .years | length')
expect "year lines" "$(grep -c '^year ' "$ex_out")" "$n"
i=0
while [ "$i" -lt "$n" ]; do
	expect "year $i" "$(grep "^year $i " "$ex_out")" \
		"year $i $(q "$j" ".plans[] | select(.id == \"jlis-lgwan\") | .years[$i] | \"\\(.label) net_yen \\(.net_yen)\"")"
	i=$((i + 1))
done
finish
