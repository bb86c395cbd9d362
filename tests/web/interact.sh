#!/bin/sh
# interact.sh - runs tests/web/interact.mjs (puppeteer-core driving
# Debian's Chromium) with the Node packages of tests/web/package-lock.json,
# which scripts/check installs with `npm ci`.
. "${TESTS_DIR:?}/web/setup.sh"
command -v node >/dev/null 2>&1 || skip "no node (scripts/install-deps web)"
modules=${TWC_WEB_NODE_MODULES:-$TESTS_DIR/web/node_modules}
[ -d "$modules/puppeteer-core" ] ||
	skip "no puppeteer-core in $modules: run npm ci in tests/web (scripts/check does)"
# The test imports puppeteer-core from beside itself; a build tree apart
# from the sources gets a copy of the script there.
script=$TESTS_DIR/web/interact.mjs
TWC_WEB_PAGE=$page TWC_CHROME=$chrome TWCOST=$TWCOST \
	NODE_PATH=$modules node "$script"
