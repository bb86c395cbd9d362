#!/bin/sh
# args.sh - arguments mean what they say (issue 11): a file after the
# command is the profile; a flag the command does not use is refused,
# naming the commands that take it, and each command's --help lists
# exactly the flags it takes; "did you mean" for commands, flags, bundled
# names, keys, plans and values; a key written in the wrong group of a
# profile says which group takes it.
. "$TESTS_DIR/cli/setup.sh"

town=$TESTDATA/mytown.cfg

# ---- a file after the command is the profile ---------------------------------
# mytown.cfg's figures, worked out in the file: 50 staff x 0.2 at home =
# 10 users x 100,000 yen of eligible software = 1,000,000; the grant half
# of it (m = 1.00 at an index of 0.40), 500,000; net 500,000.
json "$tmp/compare.json" compare "$town"
expect "compare FILE: the file's staff" "$(q "$tmp/compare.json" .scenario.staff)" 50
expect "compare FILE: the file's one plan" "$(q "$tmp/compare.json" '[.plans[].id] | join(",")')" jlis-lgwan
expect "compare FILE: total" "$(q "$tmp/compare.json" '.plans[0].total_yen')" 1000000
expect "compare FILE: grant" "$(q "$tmp/compare.json" '.plans[0].grant_yen')" 500000
expect "compare FILE: net" "$(q "$tmp/compare.json" '.plans[0].net_yen')" 500000

json "$tmp/budget.json" budget "$town" --plan jlis-lgwan
expect "budget FILE --plan: 事業費計" "$(q "$tmp/budget.json" '.plans[0].request_cost_yen')" 1000000
expect "budget FILE --plan: 実質負担額" "$(q "$tmp/budget.json" '.plans[0].real_burden_yen')" 500000
expect "budget FILE --plan: FY2025 in 千円" \
	"$(q "$tmp/budget.json" '.plans[0].request.years[0].cost_thousand_yen')" 1000

# The same report as --profile FILE, before or after the flags.
json "$tmp/flag.json" compare --profile "$town"
json "$tmp/after.json" compare --staff 50 "$town"
expect "compare FILE = compare --profile FILE" \
	"$(cmp -s "$tmp/compare.json" "$tmp/flag.json" && echo same)" same
expect "compare --staff 50 FILE = compare FILE" \
	"$(cmp -s "$tmp/compare.json" "$tmp/after.json" && echo same)" same

# A bundled name, as --profile takes it.
json "$tmp/village.json" compare village-45
expect "compare village-45: the bundled village" "$(q "$tmp/village.json" .scenario.staff)" 45

refuse "two profiles: '$town' and --profile default; give one" compare "$town" --profile default
refuse "unexpected argument 'x.cfg': one profile is enough ('$town')" compare "$town" x.cfg
refuse "'village45' is not a file (did you mean the bundled profile 'village-45.cfg'?)" \
	compare village45
refuse "'mytwon.cfg' is not a file, nor a bundled profile; name a profile with --profile FILE (see twcost profiles)" \
	compare mytwon.cfg
refuse "'estimate' is a command, not a profile: one command at a time" compare estimate
refuse "'simulat' is not a file, nor a bundled profile (did you mean the command 'simulate'?" \
	compare simulat
refuse "'$town' is a file, not a command: put the command first (twcost compare $town)" \
	"$town" compare
refuse "unexpected argument 'b.csv': batch reads one CSV file" batch a.csv b.csv
refuse "unexpected argument 'city-220': name one profile" profiles default city-220

# check and profiles keep their operands.
expect "check FILE FILE" "$(twcost check "$town" "$PROFILES/default.cfg" | wc -l | tr -d ' ')" 2
expect "profiles NAME" "$(twcost profiles village-45 | grep -c 'staff = 45;')" 1

# ---- flags a command does not use -------------------------------------------
refuse "--plot is not used by compare; it is for simulate, sensitivity" \
	compare --plot "$tmp/x.png"
expect "compare --plot wrote nothing" "$(ls "$tmp" | grep -c '^x\.png')" 0
refuse "--over is not used by budget; it is for breakeven" budget --over staff
refuse "--vs is not used by compare; it is for breakeven" compare --vs jlis-lgwan
refuse "--draws is not used by compare; it is for budget, simulate, sensitivity, batch" \
	compare --draws 100
refuse "--percentile is not used by simulate; it is for budget" \
	simulate --percentile 90
refuse "--staff is not used by profiles; it is for compare, estimate, budget, simulate, sensitivity, breakeven, batch" \
	profiles --staff 80
refuse "--strict is not used by breakeven" \
	breakeven --plan vdi-own --vs jlis-lgwan --over staff --strict
refuse "--format csv: simulate writes table, json" simulate --format csv --draws 10
refuse "--format xlsx: breakeven writes table, json" \
	breakeven --plan vdi-own --vs jlis-lgwan --over staff --format xlsx
# ... and help for it still works.
expect "compare --plot x --help is help" \
	"$(twcost compare --plot "$tmp/x.png" --help | head -1)" \
	"Usage: twcost compare [PROFILE] [OPTIONS]"

# Each command's --help lists exactly the flags it takes: every flag in
# its help gets past the check, every other flag is refused by it.
# "FLAG" or "FLAG ARG" for each flag of a command's help.
help_flags() {
	twcost "$1" --help | sed -n 's/^  \(-., \)\{0,1\}--\([a-z-]*\)\( [^ ]*\)\{0,1\}.*/\2\3/p' |
		sed 's/ \([^ ]\)[^ ]*$/ \1/'
}
for cmd in compare estimate budget simulate sensitivity breakeven batch check profiles; do
	help_flags "$cmd" >"$tmp/flags-$cmd"
done
sort -u "$tmp"/flags-* >"$tmp/all-flags"
# A value each flag takes (1 where any number is read later).
value_of() {
	case $1 in
	format) echo json ;;
	lang) echo en ;;
	set) echo staff=80 ;;
	reading) echo lease_payments=eligible ;;
	*) echo 1 ;;
	esac
}
for cmd in compare budget simulate breakeven batch check profiles; do
	cut -d' ' -f1 "$tmp/flags-$cmd" | sort -u >"$tmp/listed"
	while read -r name value; do
		case $name in help | version) continue ;; esac
		extra=
		[ "$cmd" != check ] && [ "$cmd" != profiles ] &&
			extra="--profile /nonexistent/x.cfg"
		set +e
		# shellcheck disable=SC2086
		twcost "$cmd" "--$name" ${value:+$(value_of "$name")} $extra \
			>/dev/null 2>"$tmp/err"
		set -e
		if grep -q "is not used by" "$tmp/err"; then
			bad "$cmd --help lists --$name, but $cmd refuses it"
		else ok; fi
	done <"$tmp/flags-$cmd"
	sort -u "$tmp/flags-$cmd" | comm -23 "$tmp/all-flags" - |
		while read -r name value; do
		grep -qx "$name" "$tmp/listed" && continue
		set +e
		# shellcheck disable=SC2086
		twcost "$cmd" "--$name" ${value:+$(value_of "$name")} \
			>/dev/null 2>"$tmp/err"
		set -e
		grep -q "^twcost: --$name is not used by $cmd; it is for " "$tmp/err" ||
			echo "$cmd takes --$name, unlisted: $(cat "$tmp/err")"
	done >"$tmp/unlisted"
	expect "$cmd refuses every flag its help does not list" "$(cat "$tmp/unlisted")" ""
done
expect "simulate --help lists --plot" "$(grep -c '^plot ' "$tmp/flags-simulate")" 1
expect "compare --help does not" "$(grep -c '^plot ' "$tmp/flags-compare")" 0

# ---- did you mean ------------------------------------------------------------
refuse "unknown command 'senario'; the commands are compare, estimate, budget, simulate, sensitivity, breakeven, batch, check, profiles, help, version" \
	senario
refuse "unknown command 'compar' (did you mean 'compare'?)" compar
refuse "unknown command 'simualte' (did you mean 'simulate'?)" help simualte
refuse "unknown option '--stafff' (did you mean '--staff'?)" compare --stafff 80
refuse "unknown option '--fiscal_index=0.5' (did you mean '--fiscal-index'?)" \
	compare --fiscal_index=0.5
refuse "option '--sat' is ambiguous: --satellite, --satellite-days, --satellite-reuse" \
	compare --sat 0.1
refuse "(did you mean the bundled 'village-45.cfg'?)" compare --profile village45
refuse "profiles: no bundled profile 'defualt.cfg' (did you mean 'default.cfg'?)" \
	profiles defualt.cfg
refuse "(did you mean the bundled 'default.cfg'?)" check defualt.cfg
refuse "--set: unknown key 'staf' (did you mean 'staff'?)" compare --set staf=80
refuse "--set: unknown key 'home-days' (did you mean 'home_days'?)" compare --set home-days=2
refuse "--plan: unknown plan 'jlis' (did you mean 'jlis-lgwan'?)" compare --plan jlis
refuse "--vs: unknown plan 'jlis' (did you mean 'jlis-lgwan'?)" \
	breakeven --plan vdi-own --vs jlis --over staff
refuse "--format: 'jsn' is not one of table, csv, json, xlsx (did you mean 'json'?)" \
	compare --format jsn
refuse "--over: 'stafff' is not one of staff, home, years (did you mean 'staff'?)" \
	breakeven --plan vdi-own --vs jlis-lgwan --over stafff
refuse "--by: 'categry' is not one of setsu, category (did you mean 'category'?)" \
	budget --by categry
refuse "--kind: 'municipalty' is not one of prefecture, designated_city, municipality, special_ward, association (did you mean 'municipality'?)" \
	compare --kind municipalty
refuse "--lang: 'jp' is not one of ja, en, auto (did you mean 'ja'?)" compare --lang jp
refuse "--reading: 'lease_payment' is not later_initial_spending=... or lease_payments=... (did you mean 'lease_payments'?)" \
	compare --reading lease_payment=eligible
refuse "--reading: 'covred' is not covered, not_covered or rule (did you mean 'covered'?)" \
	compare --reading later_initial_spending=covred

# ---- a key in the wrong group of a profile -----------------------------------
sed 's/^  years = 1;/  years = 1;\n  quotes = { client = 90000; };/' "$town" >"$tmp/quotes.cfg"
refuse "quotes.cfg:17: scenario: unknown key 'quotes': it belongs at the top level of the profile (quotes = { item_id = yen; }), not in scenario" \
	check "$tmp/quotes.cfg"
refuse "unknown key 'quotes': it belongs at the top level" compare "$tmp/quotes.cfg"
# Where it belongs, it is a quote: 10 x 90,000.
sed 's/^grant = /quotes = { client = 90000; };\ngrant = /' "$town" >"$tmp/quoted.cfg"
json "$tmp/quoted.json" compare "$tmp/quoted.cfg"
expect "quotes at the top level" "$(q "$tmp/quoted.json" '.plans[0].total_yen')" 900000
sed 's/^grant = /staff = 60;\ngrant = /' "$town" >"$tmp/staff.cfg"
refuse "unknown key 'staff': it belongs in scenario, not at the top level" check "$tmp/staff.cfg"
sed 's/home = { share = 0.2; days = 1.0; }/home = { share = 0.2; days = 1.0; sites = 1; }/' \
	"$town" >"$tmp/sites.cfg"
refuse "scenario.home: unknown key 'sites': it belongs in scenario.satellite, not in scenario.home" \
	check "$tmp/sites.cfg"
sed 's/home = \[ "jlis" \]; }/home = [ "jlis" ]; byod = true; }/' "$town" >"$tmp/byod.cfg"
refuse "unknown key 'byod': it belongs in catalog.options, not in catalog.plans[0]" \
	check "$tmp/byod.cfg"

# ---- batch takes the scenario flags: a row's cell wins ------------------------
# Row A keeps --staff 30 (6 users x 100,000), row B its own 60 (12 users).
printf 'name,staff\nA,\nB,60\n' >"$tmp/rows.csv"
twcost batch "$tmp/rows.csv" --profile "$town" --staff 30 >"$tmp/rows.out"
expect "batch: the flag where the cell is empty" \
	"$(grep '^A,' "$tmp/rows.out" | cut -d, -f3)" 600000
expect "batch: the cell over the flag" \
	"$(grep '^B,' "$tmp/rows.out" | cut -d, -f3)" 1200000
refuse "--home: 2 is out of range (0 to 1)" batch "$tmp/rows.csv" --home 2

finish
