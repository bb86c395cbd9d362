# setup.sh - sourced by every CLI test.  Runs twcost (under TWCOST_WRAP,
# e.g. valgrind, when set), checks values, and prints the closing line
# "N passed, N failed".
set -eu
: "${TWCOST:?run through make check}"
: "${PROFILES:?run through make check}"

# make passes LIBTOOL as "SHELL ./libtool": made absolute, so that a test
# may run twcost from another folder.
LIBTOOL=$(echo "${LIBTOOL:-libtool}" | sed "s| \./| $(pwd)/|")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0

twcost() {
	if [ -n "${TWCOST_WRAP:-}" ]; then
		# shellcheck disable=SC2086
		${LIBTOOL:-libtool} --mode=execute $TWCOST_WRAP "$TWCOST" "$@"
	else
		"$TWCOST" "$@"
	fi
}

ok() { passed=$((passed + 1)); }
bad() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}

# expect NAME ACTUAL EXPECTED
expect() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

# q FILE JQ-EXPRESSION: one value from a JSON file.
q() { jq -r "$2" "$1"; }

# json FILE ARGS...: run twcost with --format json into FILE; fail loudly.
json() {
	out=$1
	shift
	if ! twcost "$@" --format json >"$out" 2>"$tmp/stderr"; then
		bad "twcost $* failed: $(cat "$tmp/stderr")"
		echo '{}' >"$out"
	fi
}

# refuse "PART OF MESSAGE" ARGS...: twcost ARGS exits 2 with one line on
# stderr holding the part, and nothing on stdout.
refuse() {
	want=$1
	shift
	set +e
	twcost "$@" >"$tmp/refused.out" 2>"$tmp/refused.err"
	rc=$?
	set -e
	expect "exit of: $*" "$rc" 2
	expect "stdout of: $*" "$(wc -c <"$tmp/refused.out" | tr -d ' ')" 0
	expect "one stderr line for: $*" "$(wc -l <"$tmp/refused.err" | tr -d ' ')" 1
	if grep -qF -- "$want" "$tmp/refused.err"; then ok; else
		bad "message of: $*: '$(cat "$tmp/refused.err")' lacks '$want'"
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
