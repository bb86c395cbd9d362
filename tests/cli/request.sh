#!/bin/sh
# request.sh - the budget request (issue 9): a phased introduction, go-live
# pro-rating, other funding, leases and their 債務負担行為, the 節 lines and
# 財源内訳, with every figure worked out by hand on tests/data/request.cfg:
#   100 staff x 0.20 at home = 20 users, each with a lent laptop; index 0.40
#   (m 1.00, rate 0.5); start 2025-04-01 (FY2025); 5 years.
#   laptop ¥100,000 (17), setup ¥500,000 once (12), licence ¥12,000 a user
#   a year (13), line ¥6,000 a user a year = ¥500 a month (11), own staff
#   time ¥100,000 once (no 節).
. "$TESTS_DIR/cli/setup.sh"
P=$TESTDATA/request.cfg
L=$TESTDATA/request-lease.cfg

# plan p's figure EXPR from a budget JSON
pj() { q "$1" ".plans[0] | $2"; }
# year FY of the request
ry() { q "$1" ".plans[0].request.years[] | select(.fy == $2) | $3"; }

# ---- a rollout: 30% by FY2025 (令和7年度), everyone by FY2027 (令和9年度) ----
# users: FY2025-26 round(20 x 0.3) = 6; FY2027-29 20.
# laptops: 6 bought in FY2025 (600,000), 14 more in FY2027 (1,400,000).
# FY2025 cost: 600,000 + 500,000 + 6 x 12,000 + 6 x 6,000 + 100,000
#   = 1,308,000; eligible 600,000 + 500,000 = 1,100,000 -> grant 550,000.
# FY2026: 72,000 + 36,000 = 108,000.
# FY2027: 1,400,000 + 20 x 12,000 + 20 x 6,000 = 1,760,000; eligible
#   1,400,000 (initial spending after FY2025 of an introduction started by
#   it): covered -> grant 700,000; not covered (the strict reading) -> 0.
# FY2028, FY2029: 240,000 + 120,000 = 360,000.
# total 1,308,000 + 108,000 + 1,760,000 + 720,000 = 3,896,000.
r=$tmp/rollout.json
json "$r" budget --profile "$P" --rollout R7=0.3,R9=1
expect "rollout total" "$(pj "$r" .total_yen)" 3896000
expect "rollout costs by year" "$(pj "$r" '[.years[].cost_yen] | join(",")')" \
	"1308000,108000,1760000,360000,360000"
expect "rollout FY2027 laptops" "$(pj "$r" '.items[] | select(.id == "laptop") | .years_yen[2]')" 1400000
expect "rollout grant, reading used (covered)" "$(pj "$r" .grant_yen)" 1250000
expect "rollout FY2027 grant covered" "$(ry "$r" 2027 .grant_memo_yen)" 700000
expect "rollout FY2027 grant strict" "$(ry "$r" 2027 .grant_strict_yen)" 0
expect "rollout FY2027 grant generous" "$(ry "$r" 2027 .grant_generous_yen)" 700000
expect "rollout grant strict total" "$(pj "$r" .grant_strict_yen)" 550000
expect "rollout reading named" "$(pj "$r" .request.reading.later_initial_spending)" covered
json "$tmp/strict.json" budget --profile "$P" --rollout R7=0.3,R9=1 \
	--reading later_initial_spending=not_covered
expect "not_covered: FY2027 grant" "$(ry "$tmp/strict.json" 2027 .grant_memo_yen)" 0
expect "not_covered: total grant" "$(pj "$tmp/strict.json" .grant_yen)" 550000
expect "not_covered: reading named" \
	"$(pj "$tmp/strict.json" .request.reading.later_initial_spending)" not_covered
# The 令和9年度 request: 11 回線 500円×20回線×12月 = 120千円; 13 ライセンス
# 12,000円×20人 = 240千円; 17 ノートPC 100,000円×14台 = 1,400千円;
# 事業費計 1,760; 一般財源 1,760; 特交見込額 700; 実質負担額 1,060.
expect "R9 setsu codes" "$(ry "$r" 2027 '[.setsu[].code] | join(",")')" "11,13,17"
expect "R9 laptop basis" "$(ry "$r" 2027 '.setsu[] | select(.code == 17) | .lines[0].basis')" \
	"ノートPC 100,000円×14台"
expect "R9 line basis" "$(ry "$r" 2027 '.setsu[] | select(.code == 11) | .lines[0].basis')" \
	"回線 500円×20回線×12月"
expect "R9 事業費計 (千円)" "$(ry "$r" 2027 .cost_thousand_yen)" 1760
expect "R9 一般財源 (千円)" "$(ry "$r" 2027 .funding.thousand.general_yen)" 1760
expect "R9 実質負担額" "$(ry "$r" 2027 .real_burden_yen)" 1060000
# The table as a Japanese office files it (--lang ja), and in English.
twcost budget --profile "$P" --rollout R7=0.3,R9=1 --fy R9 --lang ja --wide >"$tmp/r9.txt"
expect "R9 table: one year" "$(grep -c '予算見積書' "$tmp/r9.txt")" 1
expect "R9 table: 17 line" "$(grep -c '17 備品購入費  *1,400' "$tmp/r9.txt")" 1
expect "R9 table: grant range" "$(grep -c '解釈により 0〜700' "$tmp/r9.txt")" 1
expect "R9 table: real burden" "$(grep -c '実質負担額（参考）  *1,060' "$tmp/r9.txt")" 1
twcost budget --profile "$P" --rollout R7=0.3,R9=1 --fy R9 --wide >"$tmp/r9-en.txt"
expect "R9 English table: one year" "$(grep -c '^Budget request for FY2027, plan' "$tmp/r9-en.txt")" 1
expect "R9 English table: grant range" "$(grep -c '0 to 700 by the reading' "$tmp/r9-en.txt")" 1
expect "R9 English table: real burden" "$(grep -c 'real burden (reference)  *1,060' "$tmp/r9-en.txt")" 1

# ---- go-live 2025-10-01: running costs from October, 6 months of FY2025 --
# licence 20 x 12,000 x 6/12 = 120,000; line 500 x 20 x 6 = 60,000; FY2026
# whole years again: 240,000 and 120,000.
g=$tmp/golive.json
json "$g" budget --profile "$P" --go-live 2025-10-01
expect "go-live months" "$(pj "$g" '[.years[].months] | join(",")')" "6,12,12,12,12"
expect "go-live licence" "$(pj "$g" '.items[] | select(.id == "licence") | .years_yen[0:2] | join(",")')" \
	"120000,240000"
expect "go-live line" "$(pj "$g" '.items[] | select(.id == "line") | .years_yen[0:2] | join(",")')" \
	"60000,120000"
expect "go-live line basis" "$(ry "$g" 2025 '.setsu[] | select(.code == 11) | .lines[0].basis')" \
	"回線 500円×20回線×6月"
expect "go-live licence basis" "$(ry "$g" 2025 '.setsu[] | select(.code == 13) | .lines[0].basis')" \
	"ライセンス 12,000円×20人×6/12"
# a year's running line pro-rated: 6/12 of the full one, line by line
expect "go-live 6/12 of every running line" \
	"$(pj "$g" '[.items[] | select(.phase == "annual") | (.years_yen[0] * 2 == .years_yen[1])] | all')" true

# ---- a prefectural subsidy of ¥1,000,000 in FY2025, deducted first ------
# FY2025: eligible 20 x 100,000 + 500,000 = 2,500,000; less 1,000,000 ->
# 1,500,000 x 0.5 = 750,000 (1,250,000 without the subsidy).
# 事業費 2,000,000 + 500,000 + 240,000 + 120,000 = 2,860,000 (staff time
# 100,000 apart); 都道府県支出金 1,000; 一般財源 1,860; 特交見込額 750;
# 実質負担額 1,110 (千円).
f=$tmp/fund.json
json "$f" budget --profile "$P" --funding prefectural:R7:1000000
expect "subsidy deducted" "$(ry "$f" 2025 .deducted_yen)" 1000000
expect "subsidy grant" "$(ry "$f" 2025 .grant_memo_yen)" 750000
expect "no subsidy grant" "$(ry "$r" 2025 .grant_memo_yen)" 550000
json "$tmp/nofund.json" budget --profile "$P"
expect "without it" "$(ry "$tmp/nofund.json" 2025 .grant_memo_yen)" 1250000
expect "subsidy 事業費" "$(ry "$f" 2025 .cost_yen)" 2860000
expect "subsidy 都道府県支出金" "$(ry "$f" 2025 .funding.thousand.prefectural_yen)" 1000
expect "subsidy 一般財源" "$(ry "$f" 2025 .funding.thousand.general_yen)" 1860
expect "subsidy real burden" "$(ry "$f" 2025 .real_burden_yen)" 1110000
expect "staff time apart" "$(ry "$f" 2025 .reference.staff_time_yen)" 100000
expect "subsidy said" "$(q "$f" '.scenario.funding')" "prefectural:FY2025:1000000"
# a share of the eligible cost: 50% of 2,500,000 = 1,250,000 deducted ->
# 1,250,000 x 0.5 = 625,000
json "$tmp/share.json" budget --profile "$P" --funding bond:R7:50%
expect "bond share" "$(ry "$tmp/share.json" 2025 .funding.bond_yen)" 1250000
expect "bond share grant" "$(ry "$tmp/share.json" 2025 .grant_memo_yen)" 625000

# ---- a lease: laptops for 60 months at ¥2,000 a month each ---------------
# 20 x 2,000 x 12 = 480,000 a year (13 使用料及び賃借料, 賃借料); bought
# nothing.  The contract from April 2025: 12 months in FY2025, 48 after:
# 債務負担行為 令和8年度から令和11年度まで, 2,000 x 20 x 48 = 1,920,000.
# Grant: lease payments not eligible by default: setup 500,000 -> 250,000;
# eligible (the generous reading): + 480,000 a year: FY2025 (500,000 +
# 480,000) x 0.5 = 490,000, FY2026-29 240,000 each: 1,450,000.
l=$tmp/lease.json
json "$l" budget --profile "$L"
expect "lease a year" "$(pj "$l" '.items[] | select(.id == "laptop") | .years_yen | join(",")')" \
	"480000,480000,480000,480000,480000"
expect "lease basis" "$(ry "$l" 2025 '.setsu[] | select(.code == 13) | .lines[] | select(.item == "laptop") | .basis')" \
	"ノートPC 2,000円×20台×12月"
expect "lease saisetsu" "$(ry "$l" 2025 '.setsu[] | select(.code == 13) | .lines[] | select(.item == "laptop") | .saisetsu')" 賃借料
expect "no 備品購入費" "$(ry "$l" 2025 '[.setsu[] | select(.code == 17)] | length')" 0
expect "debt burden item" "$(pj "$l" '.request.debt_burden[0] | [.item, .from_fy, .to_fy, .limit_yen] | join(",")')" \
	"laptop,2026,2029,1920000"
expect "debt burden period" "$(pj "$l" '.request.debt_burden[0].period')" "令和8年度から令和11年度まで"
expect "lease grant" "$(pj "$l" .grant_yen)" 250000
expect "lease grant generous" "$(pj "$l" .grant_generous_yen)" 1450000
twcost budget --profile "$L" --fy R7 --lang ja --wide >"$tmp/lease.txt"
expect "debt table shown" "$(grep -c 'ノートPC.*令和8年度から令和11年度まで *1,920' "$tmp/lease.txt")" 1
twcost budget --profile "$L" --fy R7 --wide >"$tmp/lease-en.txt"
expect "debt table in English" "$(grep -c 'laptop  *FY2025  *FY2026 to FY2029  *1,920' "$tmp/lease-en.txt")" 1

# ---- what always holds, on every example and these ----------------------
# 節 totals of a year = 事業費計; 財源内訳 sums to 事業費計; 実質負担額 =
# 一般財源 - 特交見込額; in yen and in the 千円 shown.
for j in "$r" "$g" "$f" "$l" "$tmp/share.json"; do
	expect "節 sum = 事業費計 ($j)" \
		"$(q "$j" '[.plans[].request.years[] | ([.setsu[].yen] | add) == .cost_yen] | all')" true
	expect "節 千円 sum = 事業費計 ($j)" \
		"$(q "$j" '[.plans[].request.years[] | ([.setsu[].thousand_yen] | add) == .cost_thousand_yen] | all')" true
	expect "lines = 節 ($j)" \
		"$(q "$j" '[.plans[].request.years[].setsu[] | ([.lines[].thousand_yen] | add) == .thousand_yen] | all')" true
	expect "財源内訳 = 事業費計 ($j)" \
		"$(q "$j" '[.plans[].request.years[] | (.funding | .national_yen + .prefectural_yen + .bond_yen + .other_yen + .general_yen) == .cost_yen] | all')" true
	expect "財源内訳 千円 = 事業費計 ($j)" \
		"$(q "$j" '[.plans[].request.years[] | (.funding.thousand | .national_yen + .prefectural_yen + .bond_yen + .other_yen + .general_yen) == .cost_thousand_yen] | all')" true
	expect "実質負担額 ($j)" \
		"$(q "$j" '[.plans[].request.years[] | .real_burden_yen == .funding.general_yen - .grant_memo_yen] | all')" true
done

# ---- with no rollout, funding, lease or go-live: the figures of before ---
# (tests/cli/golden.sh holds them for every bundled example)
expect "plain: grant" "$(pj "$tmp/nofund.json" .grant_yen)" 1250000
expect "plain: strict = generous" \
	"$(pj "$tmp/nofund.json" '.grant_strict_yen == .grant_generous_yen')" true

# ---- bad input: exit 2 naming the key and the allowed values ------------
refuse() {
	name=$1
	want=$2
	shift 2
	if twcost "$@" >/dev/null 2>"$tmp/err"; then
		bad "$name: accepted"
	else
		rc=$?
		expect "$name: exit 2" "$rc" 2
		grep -qF -- "$want" "$tmp/err" && ok || bad "$name: '$(cat "$tmp/err")' lacks '$want'"
	fi
}
refuse "rollout falls" "rollout: the share falls from 0.5 to 0.3" \
	budget --profile "$P" --rollout R7=0.5,R8=0.3,R9=1
refuse "rollout not ending at 1" "the last share is 0.8, not 1" \
	budget --profile "$P" --rollout R7=0.3,R9=0.8
refuse "rollout outside the horizon" "FY2038 is outside the horizon (FY2025 to FY2029)" \
	budget --profile "$P" --rollout R7=0.3,R20=1
refuse "rollout share" "'1.5' is not a share from 0 to 1" \
	budget --profile "$P" --rollout R7=1.5
refuse "go-live before the start" "go_live: 2025-03-01 is before the start" \
	budget --profile "$P" --go-live 2025-03-01
refuse "go-live a fiscal year" "--go-live: 'R7' is a fiscal year, not a date" \
	budget --profile "$P" --go-live R7
refuse "funding over the cost" "--funding: more than a year's cost of plan p" \
	budget --profile "$P" --funding prefectural:R8:9000000
refuse "funding source" "'city' is not national, prefectural, bond or other" \
	budget --profile "$P" --funding city:R7:100
refuse "reading value" "'maybe' is not covered, not_covered or rule" \
	budget --profile "$P" --reading later_initial_spending=maybe
refuse "reading key" "--reading: 'lease' is not" \
	budget --profile "$P" --reading lease=eligible
# An unknown 節 and a lease of 0 months in a profile: the file and line.
sed 's/saisetsu = "使用料";/setsu = 99; saisetsu = "使用料";/' \
	"$TESTDATA/request-catalog.cfg" >"$tmp/request-catalog.cfg"
sed 's/"request-catalog.cfg"/"request-catalog.cfg"/' "$P" >"$tmp/bad-setsu.cfg"
line=$(grep -n 'setsu = 99' "$tmp/request-catalog.cfg" | cut -d: -f1)
refuse "unknown 節" "request-catalog.cfg:$line: catalog.options[0].items[2].setsu: 節 99 is not in the table" \
	check "$tmp/bad-setsu.cfg"
sed 's/months = 60;/months = 0;/' "$L" >"$tmp/bad-lease.cfg"
cp "$TESTDATA/request-catalog.cfg" "$tmp/request-catalog.cfg"
line=$(grep -n 'months = 0' "$tmp/bad-lease.cfg" | cut -d: -f1)
refuse "lease of 0 months" "bad-lease.cfg:$line: leases.laptop.months: 0 is out of range (1 to 120)" \
	check "$tmp/bad-lease.cfg"
finish
