#!/bin/sh
# errors.sh - every bad input exits 2 with a one-line message on stderr
# (naming the flag or file and what is allowed), nothing on stdout, and
# no crash.
. "$TESTS_DIR/cli/setup.sh"


refuse "together they must be at most 1" compare --home 0.6 --satellite 0.3 --mobile 0.2
refuse "--home: 1.5 is out of range (0 to 1)" compare --home 1.5
refuse "--staff: -5 is out of range (1 to 500000)" compare --staff -5
refuse "--staff: 0 is out of range" compare --staff 0
refuse "--staff: 'eighty' is not a number" compare --staff eighty
refuse "--staff: 1e12 is out of range (1 to 500000)" compare --staff 1e12
refuse "--staff: 12.5 must be a whole number" compare --staff 12.5
refuse "--fiscal-index: NaN is not a number" compare --fiscal-index nan
refuse "--fiscal-index: -0.2 is out of range (0 to 5)" compare --fiscal-index -0.2
refuse "--fiscal-index: inf is out of range" compare --fiscal-index inf
refuse "--start: '2025-02-30' is not a calendar date" compare --start 2025-02-30
refuse "--start: '2025-13-01' is not a calendar date" compare --start 2025-13-01
refuse "--start: 'soon' is not a date or fiscal year" compare --start soon
refuse "--years: 0 is out of range (1 to 30)" compare --years 0
refuse "--kind: 'city' is not one of" compare --kind city
refuse "--recipient: 'maybe' is not yes or no" compare --recipient maybe
refuse "unknown command 'comapre'" comapre
refuse "unknown option '--stafff'" compare --stafff 3
refuse "unknown option '--bogus'" compare --bogus
refuse "option '--staff' needs a value" compare --staff
refuse "--format: 'pdf' is not one of table, csv, json, xlsx" compare --format pdf
refuse "--plan: unknown plan 'vdi' (did you mean 'vdi-own'?)" compare --plan vdi
refuse "--plan: unknown plan 'vdi-new' (plans: vdi-own, secure-browser" compare --plan vdi-new
refuse "--plan: unknown plan 'vdi-onw' (did you mean 'vdi-own'?)" compare --plan vdi-onw
refuse "--set: 'staff' is not KEY=VALUE" compare --set staff
refuse "--set: unknown key 'colour'" compare --set colour=red
refuse "no command given" --staff 3
refuse "/nonexistent.cfg: cannot open profile" compare --profile /nonexistent.cfg

# A broken profile: the message names the file and the line.
printf 'scenario = {\n  staff 80;\n};\n' >"$tmp/broken.cfg"
refuse "broken.cfg:2: syntax error" compare --profile "$tmp/broken.cfg"
refuse "broken.cfg:2: syntax error" check --profile "$tmp/broken.cfg"
printf 'scenario = { kind = "municipality"; staff = 80; fiscal_index = 0.4;\n  start = "R7"; yeers = 5; };\ncatalog = "catalog.cfg";\ngrant = "grant-telework.cfg";\n' >"$tmp/typo.cfg"
refuse "typo.cfg:2: scenario: unknown key 'yeers' (did you mean 'years'?)" check --profile "$tmp/typo.cfg"

# Valid profiles pass check with exit 0.
set +e
twcost check --profile "$PROFILES/default.cfg" "$PROFILES/catalog.cfg" \
	"$PROFILES/grant-telework.cfg" >"$tmp/out" 2>&1
rc=$?
set -e
expect "check valid profiles" "$rc" 0
expect "check prints ok for each" "$(grep -c ': ok$' "$tmp/out")" 3

# --strict: exit 1 when there are warnings (the default has three).
set +e
twcost compare --strict >/dev/null 2>&1
rc=$?
twcost compare --strict --plan jlis-lgwan --plan vdi-own >/dev/null 2>&1
rc2=$?
set -e
expect "strict with warnings" "$rc" 1
expect "strict without warnings" "$rc2" 0

finish
