#!/usr/bin/env bash
# egin simulate greenhouse: a two-day GreenLight run (series columns, summary rows and values in
# range, csv and json summaries), a replay of GreenLight's controls, the Turkistan design on
# computed sky temperatures, and bad inputs exiting 2 with the file, line and field named.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
gl="$src/tests/reference/data/greenlight"
designs="$src/data"

expect_exit 0 "two days, greenlight" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --days 2 --step 600 --out "$e2e_tmp/series.csv" \
  --format csv --data "$designs"
cp "$e2e_tmp/stdout" "$e2e_tmp/summary.csv"
header=$(head -1 "$e2e_tmp/series.csv")
for col in time t_air_c rh_air_pct vp_air_kpa co2_air_ppm t_can_c heating_w_m2 lamp_w_m2 \
  roof_vent_frac side_vent_frac thermal_screen_frac shade_screen_frac blackout_screen_frac \
  fruit_dm_g_m2 fog_frac pad_fan_frac; do
  check "series column $col" grep -q "\(^\|,\)$col\(,\|$\)" <<<"$header"
done
check "2 days of 10-minute rows + the start" test "$(($(wc -l <"$e2e_tmp/series.csv") - 1))" -eq 289
check "first row at the weather's start" grep -q '^2001-01-01T00:00+01:00,16.500,' "$e2e_tmp/series.csv"
check "last row two days on" grep -q '^2001-01-03T00:00+01:00,' "$e2e_tmp/series.csv"
# The air stays near GreenLight's set points (18.5 night / 19.5 day) in the whole run.
check "t_air_c within 16..26" awk -F, 'NR > 1 { if ($2 < 16 || $2 > 26) bad = 1 } END { exit bad }' \
  "$e2e_tmp/series.csv"
check "no NaN in the series" bash -c "! grep -qi nan '$e2e_tmp/series.csv'"
value() { awk -F, -v q="$1" '$1 == q { print $2 }' "$e2e_tmp/summary.csv"; }
for q in heating lamp_electricity co2_dosed transpiration fresh_fruit_yield hours_t_air_below_15c \
  hours_t_air_above_30c hours_rh_above_90pct mean_t_air; do
  check "summary has $q" test -n "$(value "$q")"
done
# Two winter days: LEDs 18 h/day at 66.7 W/m² = 8.64 MJ/m²; heating a few MJ/m² a day.
check "lamp energy 8.64 MJ/m2" awk -v v="$(value lamp_electricity)" 'BEGIN { exit !(v > 8.5 && v < 8.7) }'
check "heating 4..9 MJ/m2" awk -v v="$(value heating)" 'BEGIN { exit !(v > 4 && v < 9) }'
check "summary names the design" test "$(value design)" = greenlight-venlo

# The same two days sampled every 10 minutes (held controls: ESDIRK by default) and forced to BDF.
# Sampled, GreenLight's 1-K heating P-band oscillates, and the loop amplifies the integrators'
# small differences into its phase: over two days heating differs by 2.5 % (6.07 against 6.22
# MJ/m²), over the 350-day season by 0.1 % (docs/benchmarks.md).
for integrator in auto bdf; do
  expect_exit 0 "two days sampled, --integrator $integrator" "$egin" simulate greenhouse \
    --design greenlight-venlo --weather "$gl/weather_jan01_11d.csv" --days 2 --step 600 --sampled \
    --integrator "$integrator" --format csv --data "$designs"
  cp "$e2e_tmp/stdout" "$e2e_tmp/sampled_$integrator.csv"
done
sampled() { awk -F, -v q="$2" '$1 == q { print $2 }' "$e2e_tmp/sampled_$1.csv"; }
check "ESDIRK takes fewer steps than BDF" \
  test "$(sampled auto solver_steps | cut -d. -f1)" -lt "$(sampled bdf solver_steps | cut -d. -f1)"
check "sampled heating agrees within 5 %" awk -v a="$(sampled auto heating)" \
  -v b="$(sampled bdf heating)" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.05 * b) }'
check "sampled mean air temperature within 0.15 K" awk -v a="$(sampled auto mean_t_air)" \
  -v b="$(sampled bdf mean_t_air)" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.15) }'
expect_exit 2 "unknown integrator" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --integrator rk4 --data "$designs"
check "names the accepted integrators" stderr_has "esdirk"

expect_exit 0 "json summary" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --days 0.5 --format json --data "$designs"
check "json has heating" stdout_has '"quantity": "heating"'

expect_exit 0 "replay of GreenLight's controls" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jun01_11d.csv" --days 1 --controller replay \
  --controls "$gl/led_jun01_young_controls.csv" --out - --data "$designs"
check "replay series on stdout" test "$(wc -l <"$e2e_tmp/stdout")" -eq 290
check "replay summary on stderr" stderr_has "controller"

# The Turkistan house with the weather file's sky temperature removed: estimated and reported.
cut -d, -f1-5,7- "$gl/weather_jun01_11d.csv" >"$e2e_tmp/no_sky.csv"
expect_exit 0 "Turkistan design, sky estimated" "$egin" simulate greenhouse \
  --design turkistan-korean-multispan --weather "$e2e_tmp/no_sky.csv" --days 1 --data "$designs"
check "sky temperatures reported as estimated" stderr_has "sky temperatures estimated"

# Bad inputs: exit 2, naming the file, line and field.
printf 'name = "x"\nsource = "s"\nbase = "greenlight-venlo"\n[cover]\ntau_par = 1.4\n' >"$e2e_tmp/bad.toml"
expect_exit 2 "design value out of range" "$egin" simulate greenhouse --design "$e2e_tmp/bad.toml" \
  --weather "$gl/weather_jan01_11d.csv" --days 1 --data "$designs"
check "names cover.tau_par at line 5" stderr_has "bad.toml:5: field 'cover.tau_par': value 1.4 is out of range"
printf 'name = "x"\nsource = "s"\nbase = "greenlight-venlo"\n[ventilation]\nroof_area = 100\n' >"$e2e_tmp/bad2.toml"
expect_exit 2 "unknown design key" "$egin" simulate greenhouse --design "$e2e_tmp/bad2.toml" \
  --weather "$gl/weather_jan01_11d.csv" --days 1 --data "$designs"
check "names ventilation.roof_area" stderr_has "field 'ventilation.roof_area': unknown key"
expect_exit 2 "unknown design name" "$egin" simulate greenhouse --design no-such-house \
  --weather "$gl/weather_jan01_11d.csv" --data "$designs"
check "lists the designs" stderr_has "turkistan-korean-multispan"
sed '8s/,-7.5,/,-99,/' "$gl/weather_jan01_11d.csv" >"$e2e_tmp/bad_weather.csv"
expect_exit 2 "weather out of range" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$e2e_tmp/bad_weather.csv" --days 1 --data "$designs"
check "names t_out_c at line 8" stderr_has "bad_weather.csv:8: field 't_out_c'"
cut -d, -f1,2,4- "$gl/weather_jan01_11d.csv" >"$e2e_tmp/no_t.csv"
expect_exit 2 "weather without air temperature" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$e2e_tmp/no_t.csv" --days 1 --data "$designs"
check "names t_out_c" stderr_has "field 't_out_c'"
printf 'time,boiler_frac\n2001-01-01T00:00+01:00,2\n' >"$e2e_tmp/bad_controls.csv"
expect_exit 2 "controls out of range" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --days 1 --controller replay --controls "$e2e_tmp/bad_controls.csv" \
  --data "$designs"
check "names boiler_frac at line 2" stderr_has "bad_controls.csv:2: field 'boiler_frac'"
expect_exit 2 "replay without controls" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --days 1 --controller replay --data "$designs"
check "asks for --controls" stderr_has "--controls"
expect_exit 2 "more days than weather" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --days 30 --data "$designs"
check "names --days" stderr_has "field '--days'"
expect_exit 2 "unknown controller" "$egin" simulate greenhouse --design greenlight-venlo \
  --weather "$gl/weather_jan01_11d.csv" --controller pid --data "$designs"
check "lists greenlight and replay" stderr_has "greenlight, replay"

e2e_finish
