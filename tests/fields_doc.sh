#!/bin/sh
# fields_doc.sh - the result fields docs/api.md lists and the lists in
# include/twcost.h's comments are the ones the library's tables answer,
# both ways: the docs' block is exactly what tests/fields_doc writes from
# the tables (`make update-docs` rewrites it), and every count and text
# field of the header's summaries is a table entry and the other way.
. "$TESTS_DIR/cli/setup.sh"
: "${TWC_BUILDDIR:?run through make check}"
top=$(dirname "$TESTS_DIR")
gen=$TWC_BUILDDIR/tests/fields_doc

"$gen" markdown >"$tmp/want.md"
sed -n '/^<!-- fields: begin/,/^<!-- fields: end/p' "$top/docs/api.md" |
	sed '1d;$d' >"$tmp/have.md"
if diff -u "$tmp/have.md" "$tmp/want.md" >"$tmp/diff"; then
	ok
else
	bad "docs/api.md's field list differs from the tables (make update-docs):"
	cat "$tmp/diff" >&2
fi
expect "docs block is not empty" "$(grep -c '^| `' "$tmp/have.md")" \
	"$(grep -c '^| `' "$tmp/want.md")"

# The header's lists: "[counts, scenario: a b c]" and so on, in comments.
# Comments are joined into one line first, so lists may wrap.
"$gen" header >"$tmp/lists"
sed 's/^ *\*\{0,1\}//' "$top/include/twcost.h" | tr '\n' ' ' >"$tmp/header"
while IFS=: read -r what names; do
	have=$(grep -o "\[$what:[^]]*\]" "$tmp/header" | sed 's/^[^:]*://;s/\]$//' |
		tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')
	want=$(echo "$names" | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' ')
	expect "twcost.h [$what]" "$have" "$want"
done <"$tmp/lists"

# Paths the library answers are listed, with their keys written as in the
# docs (N, YYYY, K): one of each level.
for f in net_yen fy:YYYY:net_yen item:N:year:K:yen warning:N sim:net_yen:p50; do
	if grep -q "^| \`$f\` |" "$tmp/want.md"; then ok; else bad "$f not listed"; fi
done
finish
