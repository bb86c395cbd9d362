#!/bin/sh
# input.sh - input as people write it, files as offices save them (issue
# 11, items 4 and 5): each "tried as a new user" case of those items, and
# the forms around it.
. "$TESTS_DIR/cli/setup.sh"

# ---- dates ----------------------------------------------------------------
# 1 October 2025 in each form a finance office writes it.  令和 year N is
# 2018 + N, so R7 is 2025; October is after 1 April: FY2025 (令和7年度).
# 令和7年10月 names no day: its 1st.
for start in R7.10.1 R7/10/1 令和7年10月 2025/10/1 2025年10月1日 令和7年10月1日 \
	R7-10-1 ２０２５／１０／１ Ｒ７．１０．１ 20251001; do
	json "$tmp/s.json" compare --start "$start"
	expect "--start $start: the day" "$(q "$tmp/s.json" .scenario.start)" 2025-10-01
	expect "--start $start: the fiscal year" "$(q "$tmp/s.json" .scenario.start_fy)" 2025
done
# 1 April turns the fiscal year: 31 March 2026 (R8 = 2026) is the last
# day of FY2025, 1 April 2026 the first of FY2026 (令和8年度).
for start in R8.3.31 2026/3/31 令和8年3月31日; do
	json "$tmp/s.json" compare --start "$start"
	expect "--start $start" "$(q "$tmp/s.json" '[.scenario.start, .scenario.start_fy] | join(",")')" \
		2026-03-31,2025
done
for start in R8.4.1 2026/4/1 令和8年4月1日 令和8年4月; do
	json "$tmp/s.json" compare --start "$start"
	expect "--start $start" "$(q "$tmp/s.json" '[.scenario.start, .scenario.start_fy] | join(",")')" \
		2026-04-01,2026
done
# Fiscal years: FY2025 = R7 = 令和7年度 = 2025年度; 平成 for past years
# (H30 = 1988 + 30 = FY2018).
for start in FY2025 R7 令和7年度 2025年度 ２０２５; do
	json "$tmp/s.json" compare --start "$start"
	expect "--start $start" "$(q "$tmp/s.json" .scenario.start_fy)" 2025
done
json "$tmp/s.json" compare --start 平成30年度 --years 8
expect "--start 平成30年度" "$(q "$tmp/s.json" .scenario.start_fy)" 2018

# A year alone is read as the fiscal year, and the scenario line says so.
twcost compare --start 2025 >"$tmp/bare.txt"
expect "2025 alone is said to be the fiscal year" \
	"$(grep -c '^  start FY2025 ("2025" read as the fiscal year)' "$tmp/bare.txt")" 1
twcost compare --start FY2025 >"$tmp/fy.txt"
expect "FY2025 needs no such note" "$(grep -c 'read as the fiscal year' "$tmp/fy.txt")" 0

# A refusal lists the forms that work.
forms="write a date as 2025-10-01, 2025/10/1, 2025年10月1日, R7.10.1 or 令和7年10月1日"
refuse "--start: '10/1/2025' is not a date or fiscal year; $forms" compare --start 10/1/2025
refuse "--start: 'R7.13.1' is not a calendar date; $forms" compare --start R7.13.1
refuse "or a fiscal year as FY2025, R7 or 令和7年度" compare --start soon
refuse "--go-live: 'R7.2.30' is not a calendar date; $forms" compare --go-live R7.2.30
# budget --fy takes the same forms: R9.4.1 is in FY2027 (2018 + 9), whose
# request alone is shown (FY2027, not FY2026).
twcost budget --fy R9.4.1 --plan jlis-lgwan >"$tmp/b.txt"
expect "budget --fy R9.4.1 shows FY2027" \
	"$(grep -c '^Budget request for FY2027' "$tmp/b.txt")" 1
expect "budget --fy R9.4.1 alone" "$(grep -c '^Budget request for' "$tmp/b.txt")" 1
refuse "--fy: 'soon' is not a fiscal year: write FY2027, R9, 令和9年度 or 2027" budget --fy soon

# ---- numbers ----------------------------------------------------------------
# --staff 0x50 read as 80; 010 is 10 to some, 8 to others: both refused.
refuse "--staff: '0x50' is hexadecimal, not decimal; write a whole number such as 80 or 1,200" \
	compare --staff 0x50
refuse "--staff: '010' starts with 0, which some programs read as octal: write it without the leading zero (10)" \
	compare --staff 010
refuse "--staff: '12,00' is not a number: a comma goes between groups of three digits (1,200)" \
	compare --staff 12,00
# 1,200 staff (and １，２００): home 0.2 of them is 240.
for staff in 1,200 １，２００; do
	json "$tmp/n.json" compare --staff "$staff"
	expect "--staff $staff" "$(q "$tmp/n.json" '[.scenario.staff, .scenario.home.users] | join(",")')" 1200,240
done
# A share as 0.3 or 30% (３０％): 80 x 0.3 = 24 at home; --home 30 says
# how to write it.
for home in 0.3 30% ３０％; do
	json "$tmp/n.json" compare --home "$home"
	expect "--home $home" "$(q "$tmp/n.json" .scenario.home.users)" 24
done
refuse "--home: 30 is out of range (0 to 1): write a share as 0.3 or 30%" compare --home 30
refuse "--lent-share: 50 is out of range (0 to 1): write a share as 0.5 or 50%" compare --lent-share 50
refuse "--fiscal-index: '40%' is not a number: only a share takes a percentage" compare --fiscal-index 40%
# Flags that are not inputs follow the same rules.
json "$tmp/n.json" simulate --draws 1,000 --seed 7 --threads 2
expect "--draws 1,000" "$(q "$tmp/n.json" .draws)" 1000
refuse "--draws: '0x50' is hexadecimal" simulate --draws 0x50
refuse "--seed: '010' starts with 0" simulate --seed 010
refuse "--threads: 65 is out of range (0 to 64)" simulate --threads 65
refuse "--range: '1,0000' is not a number: a comma goes between groups" \
	breakeven --plan vdi-own --vs jlis-lgwan --over staff --range 1:1,0000
refuse "--jlis-fee: '0x10' is hexadecimal" compare --jlis-fee 0x10

# ---- a profile saved by Notepad with a byte-order mark --------------------------
printf '\357\273\277' >"$tmp/bom.cfg"
cat "$PROFILES/default.cfg" >>"$tmp/bom.cfg"
json "$tmp/p.json" compare --profile "$tmp/bom.cfg"
json "$tmp/d.json" compare
expect "a BOM profile reads as the profile" \
	"$(q "$tmp/p.json" '[.plans[].net_yen] | join(",")')" \
	"$(q "$tmp/d.json" '[.plans[].net_yen] | join(",")')"
twcost check "$tmp/bom.cfg" >"$tmp/check.txt"
expect "check takes a BOM profile" "$(grep -c ': ok$' "$tmp/check.txt")" 1

# ---- batch CSV as Excel saves it ------------------------------------------------
# The default town written as people write it: staff ８０, home 20%,
# start 令和7年10月1日 (its profile's 80, 0.20 and 2025-10-01).  Its J-LIS
# net cost is golden.sh's hand-worked 14,270,000.  A city of 1,200 staff;
# a name with a comma and a line break inside quotes.
printf '%s\n' 'name,staff,home,start,fiscal_index' \
	'モデル町,８０,20%,令和7年10月1日,0.40' \
	'千代田区役所,"1,200",30%,R7.10.1,0.9' \
	'"北斗市, 総務課' '情報係",120,２５％,2025/10/1,0.5' \
	'ﾃｽﾄ村,45,0.1,令和8年4月,0.2' >"$tmp/utf8.csv"
iconv -f UTF-8 -t CP932 "$tmp/utf8.csv" >"$tmp/cp932.csv"
# Excel's own CSV (コンマ区切り): CP932 with CRLF line ends, a break inside
# a cell as LF.
awk 'BEGIN { ORS = "" } /^"北斗市/ { print $0 "\n"; next } { print $0 "\r\n" }' \
	"$tmp/utf8.csv" | iconv -f UTF-8 -t CP932 >"$tmp/excel.csv"
{ printf '\357\273\277'; cat "$tmp/utf8.csv"; } >"$tmp/bom.csv"
sed 's/$/\r/' "$tmp/utf8.csv" >"$tmp/crlf.csv"
for f in utf8 cp932 excel bom crlf; do
	twcost batch "$tmp/$f.csv" -o "$tmp/$f.out.csv"
done
for f in cp932 excel bom crlf; do
	expect "$f.csv gives the figures utf8.csv gives" \
		"$(cmp -s "$tmp/$f.out.csv" "$tmp/utf8.out.csv" && echo same)" same
done
row() { grep "^$1,$2," "$tmp/cp932.out.csv" | cut -d, -f"$3" | tr -d '\r'; }
expect "CP932 names come out as UTF-8" "$(grep -c '^千代田区役所,jlis-lgwan,' "$tmp/cp932.out.csv")" 1
expect "the default town, written as people write it" "$(row モデル町 jlis-lgwan 6)" 14270000
json "$tmp/c.json" compare --staff 1200 --home 0.3 --start 2025-10-01 --fiscal-index 0.9
expect "1,200 staff as compare gives it" "$(row 千代田区役所 vdi-own 6)" \
	"$(q "$tmp/c.json" '.plans[] | select(.id == "vdi-own") | .net_yen')"
# The name with a comma and a line break: one row for each plan.
expect "a quoted name with a comma and a line break" \
	"$(grep -c '^"北斗市, 総務課$' "$tmp/cp932.out.csv")" "$(q "$tmp/d.json" '.plans | length')"
# --encoding forces the reading; a file in neither says how to save it.
twcost batch "$tmp/cp932.csv" --encoding cp932 -o "$tmp/forced.out.csv"
expect "--encoding cp932" "$(cmp -s "$tmp/forced.out.csv" "$tmp/utf8.out.csv" && echo same)" same
refuse "cp932.csv:2: the text is not UTF-8 (--encoding utf-8" batch "$tmp/cp932.csv" --encoding utf-8
refuse "--encoding: 'latin1' is not utf-8, cp932 (Shift_JIS) or auto" batch "$tmp/utf8.csv" --encoding latin1
printf 'name,staff\nA,80\n\377\376\375,80\n' >"$tmp/neither.csv"
refuse "neither.csv:3: the text is neither UTF-8 nor Shift_JIS (CP932); save it again as UTF-8: in Excel, 名前を付けて保存 → CSV UTF-8 (コンマ区切り) (*.csv)" \
	batch "$tmp/neither.csv"
{ cat "$tmp/utf8.csv"; printf 'X\203\202,80,,,\n'; } >"$tmp/mixed.csv"
refuse "mixed.csv:7: the text is not UTF-8, though line 2 was: the file mixes encodings" batch "$tmp/mixed.csv"

finish
