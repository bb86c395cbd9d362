# setup.sh - sourced by the tests of twcost.html: where the page, the
# browser and the CLI are, and the closing line "N passed, N failed".
#
# The page is built by scripts/web (scripts/check does it); without it, or
# without a Chromium, these tests skip (exit 77) unless TWC_WEB_REQUIRED=1,
# which scripts/check sets, so that CI cannot pass without running them.
set -eu
: "${TWCOST:?run through make check}"
: "${PROFILES:?run through make check}"

page=${TWC_WEB_PAGE:-$TWC_BUILDDIR/twcost.html}
chrome=${TWC_CHROME:-}
if [ -z "$chrome" ]; then
	for c in chromium-headless-shell chromium; do
		if command -v "$c" >/dev/null 2>&1; then
			chrome=$(command -v "$c")
			break
		fi
	done
fi

skip() {
	if [ "${TWC_WEB_REQUIRED:-0}" = 1 ]; then
		echo "FAIL: $* (TWC_WEB_REQUIRED=1)" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}
[ -f "$page" ] || skip "no $page: build it with scripts/web"
[ -n "$chrome" ] || skip "no chromium-headless-shell or chromium (scripts/install-deps web)"
page=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
	failed=$((failed + 1))
	echo "FAIL: $*" >&2
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# The browser as the tests run it: headless, no network of its own, a
# fresh profile each time.
runs=0
chrome() {
	runs=$((runs + 1))
	"$chrome" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --disable-default-apps \
		--user-data-dir="$tmp/profile-$runs" "$@" \
		2>>"$tmp/chrome.log"
}
