#!/bin/sh
# golden.sh - figures of the bundled scenarios, each worked out by hand in
# the comment beside it, against `twcost compare --format json`.
. "$TESTS_DIR/cli/setup.sh"

plan() { q "$1" ".plans[] | select(.id == \"$2\") | .$3"; }

# ---- default.cfg: 80 staff, index 0.40 (m 1.00), start 2025-10-01 ------
# home round(80 x 0.20) = 16, concurrent ceil(16 x 1.5/5 x 1.2 = 5.76) = 6
# satellite 4, concurrent ceil(4 x 1/5 x 1.2 = 0.96) = 1, 1 site
# mobile 4; lent devices ceil(16 x 0.5) = 8
d=$tmp/default.json
json "$d" compare
expect "default start_fy" "$(q "$d" .scenario.start_fy)" 2025
expect "default home users" "$(q "$d" .scenario.home.users)" 16
expect "default home concurrent" "$(q "$d" .scenario.home.concurrent)" 6
expect "default effective rate" "$(q "$d" .scenario.effective_rate)" 0.5

# jlis-lgwan: J-LIS at home, seats at the satellite, secure browser +
# tablets for mobile, and (issue 10) what the entity still pays around the
# free system: the office PC left on and licensed for remote use, the
# one-time password, lent routers.  FY2025 initial spending:
#   laptops 8 x 180,000 = 1,440,000 (ict, eligible)
#   privacy filters 8 x 5,000 = 40,000 (security, eligible)
#   one-time passwords 16 x 3,000 = 48,000 (security, eligible)
#   routers ceil(16 x 0.25) = 4 x 20,000 = 80,000 (ict, eligible)
#   application work 320,000 (staff_time, not eligible)
#   thin client 1 x 100,000; line set-up 500,000; entry control 800,000
#     (eligible); fit-out 2,000,000 (facility, not eligible)
#   secure browser set-up 1,000,000; MFA 4 x 5,000 = 20,000 (eligible)
#   tablets 4 x 80,000 = 320,000 (eligible)
#   office PCs for staff without one: ceil(16 x (1 - 1)) = 0
#   initial = 6,668,000; eligible = 4,348,000
# running a year: support 16 x 24,000 = 384,000; line 600,000; licences
#   4 x 18,000 = 72,000; MDM 4 x 4,800 = 19,200; data 4 x 60,000 =
#   240,000; office PC electricity 16 x 8,000 = 128,000 and licences 16 x
#   12,000 = 192,000; router data 4 x 60,000 = 240,000: 1,875,200 x 5
#   years = 9,376,000
# replacement in FY2029 (every 4 years): tablets 320,000 + routers
#   80,000 = 400,000
# total 6,668,000 + 9,376,000 + 400,000 = 16,444,000
# grant 1000 x round(4,348,000 x 0.5 x 1.00 / 1000) = 2,174,000
# net 16,444,000 - 2,174,000 = 14,270,000
expect "default jlis initial" "$(plan "$d" jlis-lgwan initial_yen)" 6668000
expect "default jlis running" "$(plan "$d" jlis-lgwan running_yen)" 9376000
expect "default jlis annual" "$(plan "$d" jlis-lgwan annual_yen)" 1875200
expect "default jlis replacement" "$(plan "$d" jlis-lgwan replacement_yen)" 400000
expect "default jlis total" "$(plan "$d" jlis-lgwan total_yen)" 16444000
expect "default jlis eligible" "$(plan "$d" jlis-lgwan eligible_yen)" 4348000
expect "default jlis grant" "$(plan "$d" jlis-lgwan grant_yen)" 2174000
expect "default jlis net" "$(plan "$d" jlis-lgwan net_yen)" 14270000
expect "default jlis FY2025 grant" "$(plan "$d" jlis-lgwan 'years[0].grant_yen')" 2174000
# FY2029: 1,875,200 running + 320,000 tablets + 80,000 routers
expect "default jlis FY2029 cost" "$(plan "$d" jlis-lgwan 'years[4].cost_yen')" 2275200
expect "default jlis system is free" \
	"$(plan "$d" jlis-lgwan 'items[] | select(.id == "jlis_system") | .total_yen')" 0

# vdi-own: VDI for home (16) and mobile (4): 20 users, the small size band
# (1 to 30 users; issue 10), concurrent 6 + 1 = 7, servers ceil(7 / 32) =
# 1.  FY2025 initial:
#   server 6,000,000 + storage/network (small) 7,500,000 + build (small)
#   15,000,000 + tokens 20 x 20,000 = 400,000 + laptops 8 x 180,000 =
#   1,440,000 = 30,340,000, all eligible
#   + satellite 3,400,000 (1,400,000 eligible) + tablets 320,000 + routers
#   80,000
#   initial 34,140,000; eligible 32,140,000
# grant 32,140,000 x 0.5 = 16,070,000
# running: licences 20 x 40,000 = 800,000 + maintenance (small) 2,500,000
#   + helpdesk 20 x 24,000 = 480,000 + line 600,000 + MDM 19,200 + data
#   240,000 + router data 240,000 = 4,879,200 a year, x 5 = 24,396,000
# replacement FY2029: tablets 320,000 + routers 80,000 = 400,000
# total 34,140,000 + 24,396,000 + 400,000 = 58,936,000
# net 58,936,000 - 16,070,000 = 42,866,000; vs jlis 42,866,000 -
#   14,270,000 = 28,596,000
expect "default vdi eligible" "$(plan "$d" vdi-own eligible_yen)" 32140000
expect "default vdi grant" "$(plan "$d" vdi-own grant_yen)" 16070000
expect "default vdi total" "$(plan "$d" vdi-own total_yen)" 58936000
expect "default vdi vs jlis" "$(plan "$d" vdi-own vs_jlis_yen)" 28596000
expect "default vdi servers" \
	"$(plan "$d" vdi-own 'items[] | select(.id == "vdi_server") | .quantity')" 1

# Budget in 千円, jlis-lgwan, each line rounded half-up:
#   ict FY2025 1,440,000 + 100,000 + 320,000 + 80,000 = 1,940,000 ->
#   1,940; FY2029 tablets and routers 400,000 -> 400; line total 2,340
#   security FY2025 40,000 + 800,000 + 20,000 + 48,000 + 19,200 = 927,200
#   -> 927, then 19,200 -> 19 a year: 927 + 4 x 19 = 1,003
#   licences 72,000 + 192,000 = 264,000 -> 264 a year; communication
#   600,000 + 240,000 + 240,000 = 1,080,000 -> 1,080; electricity
#   (utilities) 128,000 -> 128
#   total cost FY2025 = sum of the lines 1,940 + 500 + 264 + 927 + 1,000
#   + 1,080 + 2,000 + 704 + 128 = 8,543; FY2026-2028 264 + 19 + 1,080 +
#   384 + 128 = 1,875; FY2029 1,875 + 400 = 2,275
#   all years: 8,543 + 3 x 1,875 + 2,275 = 16,443 (the yen total
#   16,444,000 rounds to 16,444: the lines are what is shown)
#   net = 16,443 - 2,174 = 14,269
b=$tmp/budget.json
json "$b" budget --plan jlis-lgwan
line() { q "$b" ".budget[0].lines[] | select(.category == \"$1\") | $2"; }
expect "budget ict FY2025" "$(line ict_equipment '.thousand_yen[0]')" 1940
expect "budget ict total" "$(line ict_equipment .total)" 2340
expect "budget security total" "$(line security .total)" 1003
expect "budget utilities" "$(line utilities '.thousand_yen | join(",")')" "128,128,128,128,128"
expect "budget FY2025 cost" "$(q "$b" '.budget[0].total_cost[0]')" 8543
expect "budget cost sum" "$(q "$b" '.budget[0].total_cost_sum')" 16443
expect "budget grant sum" "$(q "$b" '.budget[0].grant_sum')" 2174
expect "budget net sum" "$(q "$b" '.budget[0].net_sum')" 14269
expect "budget lines add up" \
	"$(q "$b" '[.budget[0].lines[].total] | add')" 16443

# ---- village-45: 45 staff, index 0.25 (m 1.00), start R6 (FY2024) ------
# home round(45 x 0.2) = 9, all lent (lent_share 1): 9 laptops
# mobile 45 x 0.1 = 4.5 -> 5 (half-up); no satellite
# jlis-lgwan initial: laptops 9 x 180,000 = 1,620,000; filters 45,000;
#   one-time passwords 9 x 3,000 = 27,000; routers ceil(9 x 0.25 = 2.25) =
#   3 x 20,000 = 60,000; application 320,000; browser set-up 1,000,000;
#   MFA 5 x 5,000 = 25,000; tablets 5 x 80,000 = 400,000 = 3,497,000
# eligible 1,620,000 + 45,000 + 27,000 + 60,000 + 1,000,000 + 25,000 +
#   400,000 = 3,177,000
# running a year: support 9 x 24,000 = 216,000 + licences 5 x 18,000 =
#   90,000 + MDM 24,000 + data 300,000 + office PC electricity 9 x 8,000
#   = 72,000 and licences 9 x 12,000 = 108,000 + router data 3 x 60,000 =
#   180,000 = 990,000; x 5 = 4,950,000
# replacement in FY2028: tablets 400,000 + routers 60,000 = 460,000
# total 3,497,000 + 4,950,000 + 460,000 = 8,907,000
# grant 3,177,000 x 0.5 = 1,588,500 -> 1,589 thousand (half-up) =
#   1,589,000; net 8,907,000 - 1,589,000 = 7,318,000
v=$tmp/village.json
json "$v" compare --profile "$PROFILES/entities/village-45.cfg"
expect "village mobile users" "$(q "$v" .scenario.mobile.users)" 5
expect "village start_fy" "$(q "$v" .scenario.start_fy)" 2024
expect "village jlis initial" "$(plan "$v" jlis-lgwan initial_yen)" 3497000
expect "village jlis eligible" "$(plan "$v" jlis-lgwan eligible_yen)" 3177000
expect "village jlis total" "$(plan "$v" jlis-lgwan total_yen)" 8907000
expect "village jlis grant" "$(plan "$v" jlis-lgwan grant_yen)" 1589000
expect "village jlis net" "$(plan "$v" jlis-lgwan net_yen)" 7318000

# ---- city-220: 220 staff, index 0.62, start 2025-04-01 --------------------
# m = 11/6 - 5/3 x 0.62 = (550 - 310) / 300 = 0.80; effective 0.40
# home 55 (lent ceil(55 x 0.6) = 33), satellite 11 at 2 sites, concurrent
#   ceil(11 x 2/5 x 1.2 = 5.28) = 6 seats; mobile 22
# jlis-lgwan eligible: laptops 33 x 180,000 = 5,940,000; filters 165,000;
#   one-time passwords 55 x 3,000 = 165,000; routers ceil(55 x 0.25 =
#   13.75) = 14 x 20,000 = 280,000; thin clients 6 x 100,000 = 600,000;
#   line set-up 2 x 500,000 = 1,000,000; entry 2 x 800,000 = 1,600,000;
#   browser set-up 1,000,000; MFA 22 x 5,000 = 110,000; tablets 22 x
#   80,000 = 1,760,000 = 12,620,000
# grant 12,620,000 x 0.5 x 0.80 = 5,048,000
# initial = 12,620,000 + application 320,000 + fit-out 4,000,000
#   = 16,940,000
# running a year: support 55 x 24,000 = 1,320,000 + lines 1,200,000 +
#   licences 22 x 18,000 = 396,000 + MDM 105,600 + data 1,320,000 +
#   office PC electricity 55 x 8,000 = 440,000 and licences 55 x 12,000
#   = 660,000 + router data 14 x 60,000 = 840,000 = 6,281,600; x 5 =
#   31,408,000
# replacement FY2029: tablets 1,760,000 + routers 280,000 = 2,040,000
# total 16,940,000 + 31,408,000 + 2,040,000 = 50,388,000; net 45,340,000
c=$tmp/city.json
json "$c" compare --profile "$PROFILES/entities/city-220.cfg"
expect "city m" "$(q "$c" .scenario.m)" 0.8
expect "city effective rate" "$(plan "$c" jlis-lgwan effective_rate)" 0.4
expect "city jlis eligible" "$(plan "$c" jlis-lgwan eligible_yen)" 12620000
expect "city jlis grant" "$(plan "$c" jlis-lgwan grant_yen)" 5048000
expect "city jlis initial" "$(plan "$c" jlis-lgwan initial_yen)" 16940000
expect "city jlis total" "$(plan "$c" jlis-lgwan total_yen)" 50388000
expect "city jlis net" "$(plan "$c" jlis-lgwan net_yen)" 45340000

# ---- city-1200: starts in FY2026 (令和8年度): after the deadline ------------
# every grant 0, effective rate 0, and a warning naming 2026-03-31.
# J-LIS free until FY2027, then 12,000 a user: home 1,200 x 0.3 = 360
#   users x 12,000 = 4,320,000 in each of FY2028, FY2029, FY2030 =
#   12,960,000
l=$tmp/large.json
json "$l" compare --profile "$PROFILES/entities/city-1200.cfg"
expect "large grants all zero" "$(q "$l" '[.plans[].grant_yen] | add')" 0
expect "large effective rate" "$(plan "$l" vdi-own effective_rate)" 0
expect "large warning names the deadline" \
	"$(q "$l" '.warnings[0] | test("started by 2026-03-31")')" true
expect "large trial fee" \
	"$(plan "$l" jlis-lgwan 'items[] | select(.id == "trial_fee") | .total_yen')" 12960000
expect "large fee starts FY2028" "$(plan "$l" jlis-lgwan 'items[] | select(.id == "trial_fee") | .years_yen | join(",")')" "0,0,4320000,4320000,4320000"

# ---- prefecture-2400: index 0.60, prefectural table, start FY2022 ---------
# m = 7/3 - 8/3 x 0.60 = (700 - 480) / 300 = 0.7333 -> 0.73
# home 600 (lent 300), satellite 120 (concurrent ceil(120 x 1/5 x 1.2 =
#   28.8) = 29 seats, 4 sites), mobile 240
# jlis-lgwan eligible: laptops 300 x 180,000 = 54,000,000; filters
#   1,500,000; one-time passwords 600 x 3,000 = 1,800,000; routers 600 x
#   0.25 = 150 x 20,000 = 3,000,000; thin clients 29 x 100,000 =
#   2,900,000; line set-up 2,000,000; entry 3,200,000; browser set-up
#   1,000,000; MFA 240 x 5,000 = 1,200,000; tablets 240 x 80,000 =
#   19,200,000 = 89,800,000
# grant 89,800,000 x 0.5 x 0.73 = 32,777,000
# initial 89,800,000 + 320,000 + fit-out 8,000,000 = 98,120,000
# running a year 14,400,000 + 2,400,000 + 4,320,000 + 1,152,000 +
#   14,400,000 + office PC electricity 600 x 8,000 = 4,800,000 and
#   licences 600 x 12,000 = 7,200,000 + router data 150 x 60,000 =
#   9,000,000 = 57,672,000; x 5 = 288,360,000
# replacement FY2026: tablets 19,200,000 + routers 3,000,000 = 22,200,000
# total 98,120,000 + 288,360,000 + 22,200,000 = 408,680,000; net
#   375,903,000
p=$tmp/pref.json
json "$p" compare --profile "$PROFILES/entities/prefecture-2400.cfg"
expect "pref m" "$(q "$p" .scenario.m)" 0.73
expect "pref jlis eligible" "$(plan "$p" jlis-lgwan eligible_yen)" 89800000
expect "pref jlis grant" "$(plan "$p" jlis-lgwan grant_yen)" 32777000
expect "pref jlis total" "$(plan "$p" jlis-lgwan total_yen)" 408680000
expect "pref jlis net" "$(plan "$p" jlis-lgwan net_yen)" 375903000

# ---- flags override the profile -------------------------------------------
# default with --staff 160: home 32, lent 16 -> laptops 16 x 180,000 =
# 2,880,000 in the jlis-lgwan plan
f=$tmp/flags.json
json "$f" compare --staff 160 --plan jlis-lgwan
expect "flag staff" "$(q "$f" .scenario.staff)" 160
expect "flag laptops" \
	"$(plan "$f" jlis-lgwan 'items[] | select(.id == "jlis_laptop") | .total_yen')" 2880000
expect "flag one plan shown" "$(q "$f" '.plans | length')" 1
# --start 2026-04-01: after the deadline, no grant
json "$f" compare --start 2026-04-01
expect "flag late start" "$(q "$f" '[.plans[].grant_yen] | add')" 0
# --fiscal-index 0.70: m = 11/6 - 5/3 x 0.70 = 0.6667 -> 0.67
json "$f" compare --fiscal-index 0.70 --start 令和7年度
expect "flag m" "$(q "$f" .scenario.m)" 0.67
expect "flag era start" "$(q "$f" .scenario.start_fy)" 2025

finish
