#!/bin/sh
# readme.sh - the output README.md shows is what the program prints today:
# its `twcost compare` block in full, and the lines of its budget block.
. "$TESTS_DIR/cli/setup.sh"

readme="$TESTS_DIR/../README.md"
# The fenced block that starts with "twcost compare:".
awk '/^```$/ { if (inside) exit; next } /^twcost compare:/ { inside = 1 } inside' \
	"$readme" >"$tmp/shown"
twcost compare >"$tmp/actual"
expect "README shows twcost compare as it prints" \
	"$(cksum <"$tmp/shown")" "$(cksum <"$tmp/actual")"

# Every line of the budget block appears in the command's output.
cmd='budget --profile town-expanding --plan jlis-lgwan --fy R9 --lang ja'
awk -v c="\$ twcost $cmd" '$0 == c { inside = 1; next }
     inside && /^```$/ { exit } inside' "$readme" >"$tmp/budget-shown"
# shellcheck disable=SC2086
twcost $cmd >"$tmp/budget"
missing=0
while IFS= read -r line; do
	grep -qxF -- "$line" "$tmp/budget" || missing=$((missing + 1))
done <"$tmp/budget-shown"
expect "README budget lines all printed" "$missing" 0
expect "README budget block is there" "$(test -s "$tmp/budget-shown" && echo yes)" yes

# The break-even block in full (issue 10: every crossing).
cmd='breakeven --plan lgwan-remote --vs jlis-lgwan --over years --jlis-free-until R8 --jlis-fee 100000'
awk -v c="\$ twcost $cmd" '$0 == c { inside = 1; next }
     inside && /^```$/ { exit } inside' "$readme" >"$tmp/be-shown"
# shellcheck disable=SC2086
twcost $cmd >"$tmp/be"
expect "README break-even block as it prints" "$(cksum <"$tmp/be-shown")" "$(cksum <"$tmp/be")"

finish
