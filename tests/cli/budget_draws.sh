#!/bin/sh
# budget_draws.sh - budget --draws (issue 9, item 7): each fiscal year's
# 事業費計 and 実質負担額 at the estimate (every input at its mode), P50
# and P--percentile over the draws, and with --basis mean or pNN the
# contingency (予備) that takes the estimate to the figure to request.
. "$TESTS_DIR/cli/setup.sh"
P=$TESTDATA/request.cfg

# year FY's uncertainty figure of plan 0
uy() { q "$1" ".plans[0].request.uncertainty.years[] | select(.fy == $2) | $3"; }
# every year's figure, comma-joined
ua() { q "$1" "[.plans[0].request.uncertainty.years[] | $2] | join(\",\")"; }

# ---- nothing uncertain: every price of request-catalog.cfg is one number,
# the shares and days are fixed, so every draw is the estimate and P50 =
# P80 = the mean = the estimate, to the yen and in 千円. ----
f=$tmp/fixed.json
json "$f" budget --profile "$P" --draws 500 --seed 3
for fy in 2025 2026 2027 2028 2029; do
	for w in cost real_burden; do
		est=$(uy "$f" $fy ".${w}_estimate_yen")
		expect "fixed $fy $w P50 = estimate" "$(uy "$f" $fy ".${w}_p50_yen")" "$est"
		expect "fixed $fy $w P80 = estimate" "$(uy "$f" $fy ".${w}_p_yen")" "$est"
		expect "fixed $fy $w mean = estimate" "$(uy "$f" $fy ".${w}_mean_yen")" "$est"
		expect "fixed $fy $w P80 in 千円" "$(uy "$f" $fy ".${w}_p_thousand_yen")" \
			"$(uy "$f" $fy ".${w}_estimate_thousand_yen")"
	done
	# the estimate is the request's own figure
	expect "fixed $fy estimate is 事業費計" "$(uy "$f" $fy .cost_estimate_yen)" \
		"$(q "$f" ".plans[0].request.years[] | select(.fy == $fy) | .cost_yen")"
	expect "fixed $fy estimate is 実質負担額" "$(uy "$f" $fy .real_burden_estimate_yen)" \
		"$(q "$f" ".plans[0].request.years[] | select(.fy == $fy) | .real_burden_yen")"
done
expect "run: draws" "$(q "$f" .plans[0].request.uncertainty.draws)" 500
expect "run: seed" "$(q "$f" .plans[0].request.uncertainty.seed)" 3
expect "run: percentile" "$(q "$f" .plans[0].request.uncertainty.percentile)" 80
expect "run: basis" "$(q "$f" .plans[0].request.uncertainty.basis)" mode
expect "run: the estimate's basis" "$(q "$f" .plans[0].request.uncertainty.estimate_basis)" mode
# every existing field stays: the request without --draws is the same
json "$tmp/plain.json" budget --profile "$P"
expect "fields without --draws unchanged" \
	"$(jq -S 'del(.plans[].request.uncertainty)' "$f")" "$(jq -S . "$tmp/plain.json")"
expect "no uncertainty without --draws" \
	"$(q "$tmp/plain.json" '.plans[0].request | has("uncertainty")')" false

# ---- the default scenario: prices are ranges (low, mode, high) ----
d=$tmp/default.json
json "$d" budget --draws 4000 --seed 7 --threads 1
n=$(q "$d" '[.plans[].request.uncertainty.years[]] | length')
expect "every plan's every year" "$n" "$(q "$d" '[.plans[].request.years[]] | length')"
for w in cost real_burden; do
	expect "$w: P50 <= P80 every year" \
		"$(q "$d" "[.plans[].request.uncertainty.years[] | .${w}_p50_yen <= .${w}_p_yen] | all")" true
	expect "$w: 千円 P50 <= P80 every year" \
		"$(q "$d" "[.plans[].request.uncertainty.years[] | .${w}_p50_thousand_yen <= .${w}_p_thousand_yen] | all")" true
done
# the estimate within the draws: P0 <= estimate <= P100 (the library's
# sim:year:N:cost:0 and :100, here through --percentile 1 and 99 bounds:
# the mode of a right-skewed range lies below its median, so the estimate
# is at most P99 and at least P1 for a range of positive width)
json "$tmp/p99.json" budget --draws 4000 --seed 7 --percentile 99
json "$tmp/p1.json" budget --draws 4000 --seed 7 --percentile 1
for w in cost real_burden; do
	expect "$w: estimate <= P99" \
		"$(q "$tmp/p99.json" "[.plans[].request.uncertainty.years[] | .${w}_estimate_yen <= .${w}_p_yen] | all")" true
	expect "$w: P1 <= estimate" \
		"$(q "$tmp/p1.json" "[.plans[].request.uncertainty.years[] | .${w}_p_yen <= .${w}_estimate_yen] | all")" true
done
expect "percentile named" "$(q "$tmp/p99.json" .plans[0].request.uncertainty.percentile)" 99
# the same seed, the same figures; other threads, the same figures
json "$tmp/again.json" budget --draws 4000 --seed 7 --threads 1
json "$tmp/threads.json" budget --draws 4000 --seed 7 --threads 2
expect "same seed, same figures" \
	"$(jq -c '[.plans[].request.uncertainty]' "$tmp/again.json")" \
	"$(jq -c '[.plans[].request.uncertainty]' "$d")"
expect "threads do not change the figures" \
	"$(jq -c '[.plans[].request.uncertainty]' "$tmp/threads.json")" \
	"$(jq -c '[.plans[].request.uncertainty]' "$d")"
json "$tmp/seed8.json" budget --draws 4000 --seed 8 --threads 1
if [ "$(jq -c '[.plans[].request.uncertainty.years]' "$tmp/seed8.json")" != \
	"$(jq -c '[.plans[].request.uncertainty.years]' "$d")" ]; then ok; else
	bad "another seed gave the same figures"
fi

# ---- --basis: estimate + contingency = the figure to request, in 千円 as
# shown; the contingency is the basis figure less the estimate, in yen ----
for basis in mean p80 p95; do
	b=$tmp/basis-$basis.json
	json "$b" budget --draws 4000 --seed 7 --basis "$basis"
	expect "basis $basis named" "$(q "$b" .plans[0].request.uncertainty.basis)" "$basis"
	for w in cost real_burden; do
		expect "$basis $w: estimate + contingency = request (千円)" \
			"$(q "$b" "[.plans[].request.uncertainty.years[] | .${w}_estimate_thousand_yen + .${w}_contingency_thousand_yen == .${w}_request_thousand_yen] | all")" true
		expect "$basis $w: contingency = basis - estimate (yen)" \
			"$(q "$b" "[.plans[].request.uncertainty.years[] | .${w}_basis_yen - .${w}_estimate_yen == .${w}_contingency_yen] | all")" true
	done
done
expect "p80 basis is P80" \
	"$(q "$tmp/basis-p80.json" '[.plans[].request.uncertainty.years[] | .cost_basis_yen == .cost_p_yen] | all')" true
expect "mean basis is the mean" \
	"$(q "$tmp/basis-mean.json" '[.plans[].request.uncertainty.years[] | .cost_basis_yen == .cost_mean_yen] | all')" true

# The table: the jlis-lgwan plan's FY2027 rows agree with the JSON, and
# estimate + contingency = the figure to request as displayed.
j=$tmp/jlis.json
json "$j" budget --draws 4000 --seed 7 --basis mean --plan jlis-lgwan --fy FY2027
twcost budget --draws 4000 --seed 7 --basis mean --plan jlis-lgwan --fy FY2027 \
	--lang en --wide >"$tmp/jlis.txt"
num() { tr -d ','; }
row=$(grep -A2 '^  FY2027 *$' "$tmp/jlis.txt" | grep 'total cost' | sed 's/  */ /g')
set -- $row
# "total cost" EST P50 P80 CONTINGENCY REQUEST
expect "table estimate" "$(echo "$3" | num)" "$(uy "$j" 2027 .cost_estimate_thousand_yen)"
expect "table P50" "$(echo "$4" | num)" "$(uy "$j" 2027 .cost_p50_thousand_yen)"
expect "table P80" "$(echo "$5" | num)" "$(uy "$j" 2027 .cost_p_thousand_yen)"
expect "table contingency" "$(echo "$6" | num)" "$(uy "$j" 2027 .cost_contingency_thousand_yen)"
expect "table request = estimate + contingency" "$(echo "$7" | num)" \
	"$(($(echo "$3" | num) + $(echo "$6" | num)))"
if grep -q 'mode of each price range' "$tmp/jlis.txt"; then ok; else
	bad "the table does not say the estimate's basis"
fi
twcost budget --draws 1000 --plan jlis-lgwan --fy R9 --lang ja >"$tmp/ja.txt"
if grep -q '最頻値' "$tmp/ja.txt"; then ok; else bad "no 最頻値 in Japanese"; fi
# CSV rows
twcost budget --draws 4000 --seed 7 --basis mean --plan jlis-lgwan --fy FY2027 \
	--format csv >"$tmp/jlis.csv"
expect "CSV cost_p80" "$(grep ',2027,cost_p80,' "$tmp/jlis.csv" | cut -d, -f8 | tr -d '\r')" \
	"$(uy "$j" 2027 .cost_p_thousand_yen)"
expect "CSV cost_request" "$(grep ',2027,cost_request,' "$tmp/jlis.csv" | cut -d, -f8 | tr -d '\r')" \
	"$(uy "$j" 2027 .cost_request_thousand_yen)"

# ---- refusals ----
refuse "--percentile: 0 is out of range (1 to 99)" budget --draws 10 --percentile 0
refuse "--percentile: 100 is out of range (1 to 99)" budget --draws 10 --percentile 100
refuse "--percentile: 'abc' is not a number" budget --draws 10 --percentile abc
refuse "--basis p80 needs --draws N" budget --basis p80
refuse "--basis mean needs --draws N" budget --basis mean
refuse "--basis: 'p100' is not mode, mean or pNN" budget --draws 10 --basis p100
refuse "--basis: 'median' is not mode, mean or pNN" budget --draws 10 --basis median
refuse "--percentile needs --draws N" budget --percentile 90
refuse "--draws: 0 is out of range (1 to 1000000)" budget --draws 0
twcost budget --basis mode >/dev/null && ok || bad "--basis mode without --draws refused"

finish
