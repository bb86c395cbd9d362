#!/bin/sh
# jlis.sh - J-LIS as it really costs (issue 10, item 4): the items the
# entity still pays around the free system - licences the J-LIS terms ask
# for on the connected PCs, the office PC left on for each home worker (its
# electricity, and its purchase for staff without one), home Wi-Fi routers
# lent, the one-time-password set-up - each with its source.  Figures by
# hand from profiles/catalog.cfg.
. "$TESTS_DIR/cli/setup.sh"

item() { q "$1" ".plans[] | select(.id == \"$2\") | .items[] | select(.id == \"$3\") | $4"; }

# ---- the default town: 16 at home, 8 of them lent a laptop ------------------
d=$tmp/default.json
json "$d" compare
for id in opc_licence opc_power opc_pc net_router net_data jlis_otp; do
	expect "jlis-lgwan lists $id" "$(item "$d" jlis-lgwan $id .id)" $id
	expect "$id names its source" \
		"$(item "$d" jlis-lgwan $id '.source | length > 20')" true
done
expect "licences: the J-LIS terms" "$(item "$d" jlis-lgwan opc_licence '.source | startswith("[jlis] terms")')" true
expect "routers: the MIC guide" "$(item "$d" jlis-lgwan net_router '.source | startswith("[seed001]")')" true
# over 5 years:
#   licences for remote use 16 x 12,000 x 5 = 960,000
#   electricity of the office PC left on 16 x 8,000 x 5 = 640,000
#   office PCs bought: ceil(16 x (1 - 1)) = 0
#   routers ceil(16 x 0.25) = 4 x 20,000 in FY2025 and FY2029 = 160,000
#   their data 4 x 60,000 x 5 = 1,200,000
#   one-time passwords 16 x 3,000 = 48,000
expect "licence total" "$(item "$d" jlis-lgwan opc_licence .total_yen)" 960000
expect "electricity total" "$(item "$d" jlis-lgwan opc_power .total_yen)" 640000
expect "electricity is 光熱水費 (utilities, not eligible)" \
	"$(item "$d" jlis-lgwan opc_power '[.category, .eligible] | join(",")')" "utilities,false"
expect "no office PC to buy" "$(item "$d" jlis-lgwan opc_pc .quantity)" 0
expect "routers" "$(item "$d" jlis-lgwan net_router '[.quantity, .total_yen] | join(",")')" "4,160000"
expect "router data" "$(item "$d" jlis-lgwan net_data .total_yen)" 1200000
expect "one-time passwords" "$(item "$d" jlis-lgwan jlis_otp .total_yen)" 48000
# The other screen transfers keep the office PC on too: rdp-office for its
# home and mobile users, 16 + 4 = 20 x 8,000 x 5 = 800,000.
expect "rdp-office's office PCs stay on" "$(item "$d" rdp-office opc_power .total_yen)" 800000
expect "lgwan-remote's too" "$(item "$d" lgwan-remote opc_power .total_yen)" 640000
expect "own VDI needs none" "$(q "$d" '[.plans[] | select(.id == "vdi-own") | .items[] | select(.id == "opc_power")] | length')" 0

# ---- fewer office PCs than home workers -----------------------------------------
# --office-pc-share 0.5: half the home workers have an office PC of their
# own; ceil(16 x 0.5) = 8 are bought at 150,000 = 1,200,000 in FY2025
# (ICT equipment: eligible), so the J-LIS plan's grant rises by 600,000.
o=$tmp/half.json
json "$o" compare --office-pc-share 0.5
expect "office PCs bought" "$(item "$o" jlis-lgwan opc_pc '[.quantity, .total_yen, .eligible_yen] | join(",")')" "8,1200000,1200000"
expect "grant rises by 600,000" \
	"$(($(q "$o" '.plans[] | select(.id == "jlis-lgwan") | .grant_yen') - $(q "$d" '.plans[] | select(.id == "jlis-lgwan") | .grant_yen')))" 600000
expect "json names the share" "$(q "$o" .scenario.office_pc_share)" 0.5
refuse "--office-pc-share: 1.5 is out of range (0 to 1)" compare --office-pc-share 1.5
sed 's/^  office_pc_share = 1.0;/  office_pc_share = 0.75;/' "$PROFILES/default.cfg" >"$tmp/pc.cfg"
cp "$PROFILES/catalog.cfg" "$PROFILES/grant-telework.cfg" "$PROFILES/setsu.cfg" "$tmp/"
json "$tmp/p.json" compare --profile "$tmp/pc.cfg"
# ceil(16 x 0.25) = 4 office PCs
expect "profile office_pc_share" "$(item "$tmp/p.json" jlis-lgwan opc_pc .quantity)" 4

finish
