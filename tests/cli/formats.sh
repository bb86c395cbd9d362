#!/bin/sh
# formats.sh - table, CSV and JSON output, help and version, and output
# files written whole or not at all.
. "$TESTS_DIR/cli/setup.sh"

# Table: yen with separators, every plan, the J-LIS column (--wide: a
# row a plan, as wide as it is).
twcost compare --wide >"$tmp/table"
expect "table has the jlis net with separators" \
	"$(grep -c '^jlis-lgwan .*14,270,000' "$tmp/table")" 1
expect "table lists six plans" \
	"$(grep -cE '^(vdi-own|secure-browser|rdp-office|lgwan-remote|jlis-lgwan|daas) ' "$tmp/table")" 6
expect "table says prices are defaults" \
	"$(grep -c 'prices are defaults' "$tmp/table")" 1

# CSV: UTF-8 BOM first, one header and one row per plan, CRLF lines.
twcost compare --format csv >"$tmp/c.csv"
expect "csv starts with a BOM" "$(head -c 3 "$tmp/c.csv" | od -An -tx1 | tr -d ' ')" efbbbf
# a header and six plans (daas: issue 10)
expect "csv rows" "$(wc -l <"$tmp/c.csv" | tr -d ' ')" 7
expect "csv jlis row" "$(grep -c '^jlis-lgwan,.*,14270000,' "$tmp/c.csv")" 1
expect "csv CRLF" "$(grep -c "$(printf '\r')$" "$tmp/c.csv")" 7
# The grant's categories (the request view is tests/cli/request.sh's).
twcost budget --format csv --by category --plan jlis-lgwan >"$tmp/b.csv"
expect "budget csv net line" "$(grep -c '^jlis-lgwan,net,' "$tmp/b.csv")" 1
twcost estimate --format csv --plan vdi-own >"$tmp/e.csv"
# 19 items + header: vdi 8 (of its 14, those of the 20 users' size band:
# issue 10), satellite-seats 5, mobile-devices 3, the home-work allowance
# (issue 9) 1, the lent routers and their data (issue 10) 2
expect "estimate csv rows" "$(wc -l <"$tmp/e.csv" | tr -d ' ')" 20

# JSON: the contract's fields are there, money as integers.
twcost compare --format json >"$tmp/c.json"
expect "json money is integer" "$(q "$tmp/c.json" '[.plans[].net_yen | type] | unique | join(",")')" number
expect "json contract fields" "$(q "$tmp/c.json" '.plans[0] | [has("id","initial_yen","annual_yen","total_yen","eligible_yen","grant_yen","net_yen","effective_rate","years","items","warnings")] | all')" true
expect "json year fields" "$(q "$tmp/c.json" '.plans[0].years[0] | [has("fy","label","cost_yen","eligible_yen","grant_yen","net_yen")] | all')" true
expect "json item fields" "$(q "$tmp/c.json" '.plans[0].items[0] | [has("id","category","phase","eligible","total_yen")] | all')" true
expect "json start_fy" "$(q "$tmp/c.json" .scenario.start_fy)" 2025
expect "json label" "$(q "$tmp/c.json" '.plans[0].years[0].label')" 令和7年度
expect "json integers exact" "$(q "$tmp/c.json" '[.plans[].total_yen | . == floor] | all')" true

# --output: the file appears whole; a failed write leaves nothing.
twcost compare --format json --output "$tmp/out.json"
expect "output file is the same JSON" "$(q "$tmp/out.json" '.plans | length')" 6
expect "no temporary file left" "$(ls "$tmp" | grep -c tmp || true)" 0
set +e
twcost compare --output "$tmp/no/such/dir/x.txt" 2>"$tmp/err"
rc=$?
set -e
expect "unwritable output exits 3" "$rc" 3
expect "unwritable output names the file" "$(grep -c 'no/such/dir/x.txt' "$tmp/err")" 1
expect "nothing written" "$(ls "$tmp/no" 2>/dev/null | wc -l | tr -d ' ')" 0

# Help and version go to stdout with exit 0.
expect "help" "$(twcost --help | head -1)" "Usage: twcost COMMAND [PROFILE] [OPTIONS]"
expect "command help" "$(twcost compare --help | head -1)" "Usage: twcost compare [PROFILE] [OPTIONS]"
expect "version" "$(twcost --version | cut -d' ' -f1)" twcost
expect "profiles lists the default" "$(twcost profiles | grep -c '^default.cfg ')" 1
expect "profiles shows a profile" "$(twcost profiles default.cfg | grep -c '^scenario = {')" 1

finish
