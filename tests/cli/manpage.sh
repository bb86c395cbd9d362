#!/bin/sh
# manpage.sh - every example of twcost(1) (its "$ twcost ..." lines) runs
# and exits 0, and every command of the man page is one the program knows.
. "$TESTS_DIR/cli/setup.sh"

page="$TESTS_DIR/../docs/twcost.1"
# Examples: roff escapes \- undone.
sed -n 's/^\$ twcost //p' "$page" | sed 's/\\-/-/g' >"$tmp/examples"
expect "the page has examples" "$(test -s "$tmp/examples" && echo yes)" yes
while IFS= read -r args; do
	set +e
	# shellcheck disable=SC2086
	twcost $args >/dev/null 2>"$tmp/err"
	rc=$?
	set -e
	expect "example: twcost $args" "$rc" 0
done <"$tmp/examples"

# Each command the page lists under COMMANDS is in twcost --help, and back.
sed -n '/^\.SH COMMANDS/,/^\.SH OPTIONS/p' "$page" |
	sed -n 's/^\.B \([a-z]*\).*/\1/p' | sort >"$tmp/page-commands"
twcost --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' | sort >"$tmp/help-commands"
expect "commands of the page = commands of --help" \
	"$(cat "$tmp/page-commands" | tr '\n' ' ')" "$(cat "$tmp/help-commands" | tr '\n' ' ')"

finish
