#!/usr/bin/env bash
# egin schedule on the examples of data/examples: exit 0 and a recommendation for each; the cotton
# example's recommendation for 2025-07-15 checked by hand from the CSV outputs (Dr at the end of
# 2025-07-14 from `egin water-balance --field`, ETa and rain of 2025-07-15 from the projection):
# net = Dr + ETa − rain, gross = net / 0.60 (furrow), volume = gross · 10 m³/(mm·ha) · 12 ha;
# a forecast with rain holding the irrigation back; and exit 2 with file, line and field for an
# unknown crop, an out-of-range key, an unknown key and dates outside the weather or the season.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
ex="$src/data/examples"
cotton="$ex/cotton_furrow.toml"

# column FILE NAME ROW: the value of column NAME in data row ROW (1 = first after the header).
column() {
  awk -F, -v name="$2" -v row="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
    NR - 1 == row { print $c }' "$1"
}
# near A B TOL: |A − B| ≤ TOL.
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

# --- the cotton recommendation, by hand -----------------------------------------------------------
expect_exit 0 "cotton schedule csv" "$egin" schedule --field "$cotton" --date 2025-07-14 --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/schedule.csv"
check "7 projected days" test "$(wc -l <"$e2e_tmp/schedule.csv")" -eq 8
check "first row is 2025-07-15" test "$(column "$e2e_tmp/schedule.csv" date 1)" = 2025-07-15
check "it irrigates" test "$(column "$e2e_tmp/schedule.csv" decision 1)" = irrigate

expect_exit 0 "cotton water balance to 2025-07-14" "$egin" water-balance --field "$cotton" \
  --to 2025-07-14 --format csv
dr=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "Dr") c = i } END { print $c }' \
  "$e2e_tmp/stdout")
eta=$(column "$e2e_tmp/schedule.csv" eta_mm 1)
rain=$(column "$e2e_tmp/schedule.csv" rain_mm 1)
net=$(column "$e2e_tmp/schedule.csv" net_mm 1)
gross=$(column "$e2e_tmp/schedule.csv" gross_mm 1)
volume=$(column "$e2e_tmp/schedule.csv" volume_m3 1)
net_hand=$(awk -v d="$dr" -v e="$eta" -v r="$rain" 'BEGIN { print d + e - r }')
gross_hand=$(awk -v n="$net_hand" 'BEGIN { print n / 0.60 }')
volume_hand=$(awk -v g="$gross_hand" 'BEGIN { print g * 10 * 12 }')
check "Dr 2025-07-14 sane ($dr mm)" near "$dr" 76.7 5
check "net $net = Dr $dr + ETa $eta - rain $rain" near "$net" "$net_hand" 0.06
check "gross $gross = net / 0.60" near "$gross" "$gross_hand" 0.1
check "volume $volume = gross x 10 x 12 ha" near "$volume" "$volume_hand" 12
check "refilled: Dr 0 at the end of the day" near "$(column "$e2e_tmp/schedule.csv" dr_mm 1)" 0 0.05
# The day after the irrigation the depletion (about 8 mm) is far below the trigger (0.75 RAW,
# about 75 mm): the label names the trigger, not the 7-day minimum interval that also applies.
check "day after: below-trigger" test "$(column "$e2e_tmp/schedule.csv" decision 2)" = below-trigger
check "no min-days-between below the trigger" \
  test "$(grep -c min-days-between "$e2e_tmp/schedule.csv")" -eq 0

expect_exit 0 "cotton schedule table" "$egin" schedule --field "$cotton" --date 2025-07-14
check "recommendation line" stdout_has "Recommendation for 2025-07-15: IRRIGATE net"
check "reason in words" stdout_has "refill to field capacity: net"
check "trigger named" stdout_has "readily available water RAW"
check "hindcast said" stdout_has "a hindcast"

expect_exit 0 "cotton schedule json" "$egin" schedule --field "$cotton" --date 2025-07-14 \
  --format json
for key in '"recommendation"' '"trace"' '"dr_projected_mm"' '"threshold_mm"' '"raw_next_mm"' \
  '"state_as_of"' '"observed_summary"' '"parameters"' '"theta_fc_m3_m3": 0.29' \
  '"yield_reduction"' '"season_reduction_pct"' '"stages_combined_reduction_pct"' \
  '"ky_from": "flowering (> yield formation)"'; do
  check "json has $key" stdout_has "$key"
done

# --- the expected yield reduction -----------------------------------------------------------------
# Rain-fed cotton (no irrigation at all) to 2025-08-20: real stress, so a real loss. The JSON's
# numbers checked by hand: season = 100 · 0.85 (1 − ETa/ETc) on its own sums (FAO-56 Eq. 90,
# FAO-33 Ky 0.85 for cotton), each stage = 100 · Ky (1 − ETa/ETc) on the stage's sums, the stage
# sums adding up to the season's, and the season's ETc and ETa equal to the observed summary's.
cat >"$e2e_tmp/rainfed.toml" <<TOML
area_ha = 5.0
planting_date = 2025-04-25
weather = "$src/data/weather/shardara_2025_daily.csv"
[crop]
name = "cotton"
stages = "egypt-pakistan-california"
[soil]
texture = "silt_loam"
[irrigation]
method = "furrow"
[strategy]
kind = "rain-fed"
TOML
expect_exit 0 "rain-fed cotton json" "$egin" schedule --field "$e2e_tmp/rainfed.toml" \
  --date 2025-08-20 --data "$src/data" --format json
cp "$e2e_tmp/stdout" "$e2e_tmp/rainfed.json"
# yield_check: reads the pretty-printed JSON (2-space indent); exit 0 when every figure holds.
yield_check() {
  awk '
    function num(line) { sub(/^[^:]*: */, "", line); sub(/,$/, "", line); return line + 0 }
    function off(a, b, tol) { d = a - b; if (d < 0) d = -d; return d > tol }
    /"observed_summary": \{/ { in_sum = 1 }
    in_sum && !in_y && /^    "etc_mm":/ { sum_etc = num($0) }
    in_sum && !in_y && /^    "eta_mm":/ { sum_eta = num($0) }
    /"yield_reduction": \{/ { in_y = 1 }
    in_y && /^      "etc_mm":/ { etc = num($0) }
    in_y && /^      "eta_mm":/ { eta = num($0) }
    in_y && /^      "ky_season":/ { ky = num($0) }
    in_y && /^      "season_reduction_pct":/ { season = num($0) }
    in_y && /"stage": / { n++ }
    in_y && n && /^          "etc_mm":/ { s_etc[n] = num($0); t_etc += s_etc[n] }
    in_y && n && /^          "eta_mm":/ { s_eta[n] = num($0); t_eta += s_eta[n] }
    in_y && n && /^          "ky":/ { s_ky[n] = ($0 ~ /null/) ? -1 : num($0) }
    in_y && n && /^          "reduction_pct":/ { s_red[n] = ($0 ~ /null/) ? -1 : num($0) }
    END {
      bad = 0
      if (ky != 0.85) { print "ky_season " ky > "/dev/stderr"; bad = 1 }
      if (!(season > 5)) { print "season reduction " season " is not a loss" > "/dev/stderr"; bad = 1 }
      if (off(season, 100 * ky * (1 - eta / etc), 1e-6)) { print "season " season > "/dev/stderr"; bad = 1 }
      if (off(etc, sum_etc, 1e-6) || off(eta, sum_eta, 1e-6)) { print "not the summary sums" > "/dev/stderr"; bad = 1 }
      if (off(t_etc, etc, 1e-6) || off(t_eta, eta, 1e-6)) { print "stage sums differ" > "/dev/stderr"; bad = 1 }
      if (n != 4) { print n " stages" > "/dev/stderr"; bad = 1 }
      for (i = 1; i <= n; i++) {
        if (s_ky[i] < 0) { if (s_red[i] != -1) bad = 1; continue }
        want = s_etc[i] > 0 ? 100 * s_ky[i] * (1 - s_eta[i] / s_etc[i]) : 0
        if (off(s_red[i], want, 1e-6)) { print "stage " i ": " s_red[i] " vs " want > "/dev/stderr"; bad = 1 }
      }
      if (s_ky[4] != -1) { print "cotton late season has a Ky" > "/dev/stderr"; bad = 1 }
      if (!(s_red[3] > 10)) { print "no mid-season loss" > "/dev/stderr"; bad = 1 }
      exit bad
    }' "$e2e_tmp/rainfed.json"
}
check "yield reduction by hand" yield_check
expect_exit 0 "rain-fed cotton table" "$egin" schedule --field "$e2e_tmp/rainfed.toml" \
  --date 2025-08-20 --data "$src/data"
check "yield line in words" stdout_has "expected yield reduction from water stress so far"
check "late season without Ky said" stdout_has "late-season no FAO-33 Ky"
expect_exit 0 "apple schedule" "$egin" schedule --field "$ex/apple_orchard.toml" --date 2025-08-01
check "apple: no Ky in FAO-33" stdout_has "no Ky in FAO-33 for apple"
expect_exit 0 "apple json" "$egin" schedule --field "$ex/apple_orchard.toml" --date 2025-08-01 \
  --format json
check "apple json status" stdout_has '"status": "no Ky in FAO-33"'
check "apple json gives no number" stdout_has '"season_reduction_pct": null'

# Without a forecast beyond the weather: the recent mean, and it says so.
expect_exit 0 "schedule at the weather's end" "$egin" schedule --field "$cotton" --days 3
check "last day default" stdout_has "observed through 2025-12-31"
check "recent mean said" stdout_has "mean ETo of the 7 days up to 2025-12-31"
check "season over" stdout_has "the crop calendar ended on 2025-11-06"

# A forecast of 30 mm of rain the day after the recommendation day holds the irrigation back
# (the strategy skips when 15 mm or more fall within 3 days).
cat >"$e2e_tmp/forecast.csv" <<'EOF'
date,et0_mm,precip_mm,tmax_c,tmin_c
2025-07-15,6.5,0.0,35.0,20.0
2025-07-16,5.0,30.0,30.0,19.0
2025-07-17,6.5,0.0,35.0,20.0
EOF
expect_exit 0 "forecast rain" "$egin" schedule --field "$cotton" --date 2025-07-14 \
  --forecast "$e2e_tmp/forecast.csv" --days 3
check "rain forecast skips" stdout_has "30.0 mm of rain expected over 3 days"
check "no irrigation" stdout_has "Recommendation for 2025-07-15: no irrigation"

for f in tomato_drip:2025-07-01 apple_orchard:2025-08-01; do
  expect_exit 0 "${f%%:*}" "$egin" schedule --field "$ex/${f%%:*}.toml" --date "${f##*:}"
  check "${f%%:*} recommends" stdout_has "Recommendation for "
done

# --- bad input ---------------------------------------------------------------------------------
expect_exit 2 "date outside the weather" "$egin" schedule --field "$cotton" --date 2026-01-10
check "names the range" stderr_has "within the weather's range 2025-01-01 to 2025-12-31"
check "names --date" stderr_has "field '--date'"
expect_exit 2 "date before planting" "$egin" schedule --field "$cotton" --date 2025-03-01
check "before planting" stderr_has "before planting (2025-04-25)"
expect_exit 2 "too many days" "$egin" schedule --field "$cotton" --days 30

sed 's/^name = "cotton"/name = "banana"/' "$cotton" >"$e2e_tmp/banana.toml"
expect_exit 2 "unknown crop" "$egin" schedule --field "$e2e_tmp/banana.toml" \
  --weather "$src/data/weather/shardara_2025_daily.csv" --data "$src/data"
check "file and line" stderr_has "banana.toml:16: field 'crop.name'"
check "lists the crops" stderr_has "one of: alfalfa, apple, apricot"
sed 's/^area_ha = 12.0/area_ha = -4/' "$cotton" >"$e2e_tmp/area.toml"
expect_exit 2 "area out of range" "$egin" schedule --field "$e2e_tmp/area.toml" \
  --weather "$src/data/weather/shardara_2025_daily.csv" --data "$src/data"
check "area line and range" stderr_has "area.toml:11: field 'area_ha': value -4 is out of range (expected 0.001 to 100000 ha)"
sed 's/^min_days_between = 7 /min_days_betwen = 7 /' "$cotton" >"$e2e_tmp/key.toml"
expect_exit 2 "unknown key" "$egin" schedule --field "$e2e_tmp/key.toml" \
  --weather "$src/data/weather/shardara_2025_daily.csv" --data "$src/data"
check "unknown key named" stderr_has "min_days_betwen"
expect_exit 2 "missing field file" "$egin" schedule --field "$e2e_tmp/none.toml" --data "$src/data"
check "cannot read" stderr_has "cannot read the field file"

e2e_finish
