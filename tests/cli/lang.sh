#!/bin/sh
# lang.sh - issue 11: the output is in one language, and fits.
#
# Under LANG=ja_JP.UTF-8 every report, help and error is Japanese: no
# English word outside ids, names, keys and flags (tests/cli/lang_scan.py
# lists the acronyms it allows).  Under the C locale no Japanese outside
# names, labels from profiles and era years.  With COLUMNS=80 (and piped)
# no line of compare, estimate, budget, simulate or sensitivity is wider
# than 80 columns, in either language, for every bundled scenario.
. "$TESTS_DIR/cli/setup.sh"
scan="$TESTS_DIR/cli/lang_scan.py"

# What a profile's outputs may hold in either language: its ids and names
# (from the JSON), its 節 and 細節 names; labels by language.
allowed() { # PROFILE -> $tmp/ids, $tmp/labels_en, $tmp/labels_ja
	json "$tmp/c.json" compare --profile "$1"
	json "$tmp/b.json" budget --profile "$1"
	jq -r '.scenario | .name, .profile, .catalog, .grant, .setsu,
		.later_initial_spending, .lease_payments, .funding,
		.home.rollout, .satellite.rollout, .mobile.rollout, .go_live,
		.reference_plan, .kind' "$tmp/c.json" >"$tmp/ids"
	jq -r '.plans[] | .id, (.items[] | .id, .option, .category, .phase)' \
		"$tmp/c.json" >>"$tmp/ids"
	jq -r '.plans[].request.years[].setsu[] | .name, .lines[].saisetsu' \
		"$tmp/b.json" >>"$tmp/ids"
	jq -r '.plans[] | .label_en, .items[].label_en' "$tmp/c.json" >"$tmp/labels_en"
	jq -r '.plans[] | .label, .items[].label' "$tmp/c.json" >"$tmp/labels_ja"
}

in_ja() { LANG=ja_JP.UTF-8 twcost "$@"; }

# The number of lines of FILE that hold kana or kanji.
japanese_lines() {
	python3 -c 'import re, sys
print(sum(1 for l in open(sys.argv[1], encoding="utf-8")
          if re.search("[\u3040-\u30ff\u4e00-\u9fff]", l)))' "$1"
}

check_lang() { # LANG FILE WHAT
	if python3 "$scan" "$1" "$2" "@$tmp/ids" "@$tmp/labels_$1" >"$tmp/scan"; then
		ok
	else
		bad "$3 is not all $1:"
		head -5 "$tmp/scan" >&2
	fi
}

check_width() { # FILE WHAT
	if python3 "$scan" width "$1" >"$tmp/scan"; then ok; else
		bad "$2 is wider than 80 columns:"
		head -3 "$tmp/scan" >&2
	fi
}

export COLUMNS=80
for p in default village-45 city-220 city-1200 prefecture-2400 \
	town-expanding city-starting town-leasing; do
	allowed "$p"
	for cmd in compare estimate budget "simulate --draws 400" \
		"sensitivity --draws 400"; do
		# shellcheck disable=SC2086
		twcost $cmd --profile "$p" >"$tmp/en.txt"
		# shellcheck disable=SC2086
		in_ja $cmd --profile "$p" >"$tmp/ja.txt"
		check_lang en "$tmp/en.txt" "$p: $cmd (C locale)"
		check_lang ja "$tmp/ja.txt" "$p: $cmd (ja_JP.UTF-8)"
		check_width "$tmp/en.txt" "$p: $cmd (C locale)"
		check_width "$tmp/ja.txt" "$p: $cmd (ja_JP.UTF-8)"
	done
done

# --lang overrides the locale both ways.
allowed default
LANG=ja_JP.UTF-8 twcost compare --lang en >"$tmp/en.txt"
check_lang en "$tmp/en.txt" "compare --lang en under ja_JP.UTF-8"
twcost compare --lang ja >"$tmp/ja.txt"
check_lang ja "$tmp/ja.txt" "compare --lang ja under the C locale"
expect "--lang ja: 方式 header" "$(grep -c '^方式  ' "$tmp/ja.txt")" 3
# Japanese works where ja_JP.UTF-8 is not installed: LANG names it, the
# C.UTF-8 messages category carries it.
(
	export LANG=ja_JP.UTF-8 LC_ALL=ja_JP.nonexistent
	twcost compare >"$tmp/ja2.txt"
) 2>/dev/null
expect "Japanese without the locale" "$(grep -c '^方式  ' "$tmp/ja2.txt")" 3

# Terms of a Japanese budget document, and △ for a negative amount.
in_ja compare >"$tmp/ja.txt"
for term in 方式 初期費用 運用費 更新費 事業費計 特別交付税措置見込額 実質負担額; do
	expect "compare says $term" "$(grep -c "$term" "$tmp/ja.txt" | sed 's/^[1-9][0-9]*$/yes/')" yes
done
# secure-browser is 2,404,000 cheaper than J-LIS (README): △2,404,000.
expect "△ for a negative" "$(grep -c '^secure-browser .*△2,404,000$' "$tmp/ja.txt")" 1
in_ja budget --profile town-expanding --plan jlis-lgwan --fy R9 >"$tmp/ja.txt"
for term in 令和9年度 千円 事業費計 特別交付税措置見込額 実質負担額 一般財源; do
	expect "budget says $term" "$(grep -c "$term" "$tmp/ja.txt" | sed 's/^[1-9][0-9]*$/yes/')" yes
done

# JSON is the same whatever the language, and carries both.
twcost compare --format json >"$tmp/en.json"
in_ja compare --format json >"$tmp/ja.json"
expect "JSON the same in both languages" "$(cksum <"$tmp/en.json")" "$(cksum <"$tmp/ja.json")"
expect "JSON: warnings in English" \
	"$(q "$tmp/en.json" '.plans[1].warnings[0] | test("^home work needs")')" true
expect "JSON: warnings_ja in Japanese" \
	"$(q "$tmp/en.json" '.plans[1].warnings_ja[0] | test("^在宅勤務の業務")')" true
expect "JSON: both labels of a year" \
	"$(q "$tmp/en.json" '.plans[0].years[0] | .label + " " + .label_en')" "令和7年度 FY2025"

# Every --help in Japanese.  What stays ASCII is what the user types: the
# flags with their values and keys (lang_scan.py strips those), the
# metavariables (FILE, SHARE: upper case), short flags (-o), and the few
# values and names listed here.
printf '%s\n' default docs/api.md mode mean pNN p80 name kind start recipient \
	ok J-LIS Shift_JIS utf-8 cp932 ASCII .png .svg .pdf FY2022-2024 -o -h -V \
	>"$tmp/help_ok"
for c in "" compare estimate budget simulate sensitivity breakeven batch \
	check profiles; do
	# shellcheck disable=SC2086
	in_ja $c --help >"$tmp/help.txt"
	grep -oP '(?<![\w-])[A-Z][A-Z_]*(?![\w-])' "$tmp/help.txt" |
		sort -u >"$tmp/help_caps"
	if python3 "$scan" ja "$tmp/help.txt" "@$tmp/help_ok" "@$tmp/help_caps" >"$tmp/scan"; then
		ok
	else
		bad "twcost $c --help is not all ja:"
		head -5 "$tmp/scan" >&2
	fi
	expect "twcost $c --help is Japanese" \
		"$(japanese_lines "$tmp/help.txt" | sed 's/^[1-9][0-9]*$/yes/')" yes
done

# An uninstalled build finds its own translations: src/twcost after the
# quick start speaks Japanese without TWCOST_LOCALEDIR (main.c).
out=$(env -u TWCOST_LOCALEDIR LANG=ja_JP.UTF-8 "$TWCOST" check --help | head -1)
expect "src/twcost without TWCOST_LOCALEDIR" "${out%%:*}" "使用法"

# Errors: one line, in the language spoken.
for args in "compare --staff 0" "compare --home 2" "compare --plan nope" \
	"compare --format nope" "compare --lang fr" "budget --fy nope"; do
	set +e
	# shellcheck disable=SC2086
	in_ja $args >/dev/null 2>"$tmp/err.txt"
	set -e
	check_lang ja "$tmp/err.txt" "error of twcost $args"
	expect "error of twcost $args is Japanese" "$(japanese_lines "$tmp/err.txt")" 1
done
finish
