#!/usr/bin/env bash
# `egin weather generate` and `egin weather disaggregate` end to end: the committed sample year
# is reproduced byte for byte from its seed; generate → disaggregate (1 h and 5 min) → `egin et0`
# reads the result; daily sums survive the trip; bad normals, flags and files exit 2 naming the
# file, line and field.
egin=$1
src=$2
data=$src/data/weather
. "$(dirname "$0")/lib.sh"
t=$e2e_tmp

# The shipped year is what the generator makes from its seed, on this machine too.
expect_exit 0 "generate the sample year" "$egin" weather generate --normals shardara --years 1 \
  --seed 20250101 --start-year 2025 --data "$src/data" --out "$t/shardara_wgen_2025_daily.csv"
check "sample year reproduced byte for byte" cmp -s "$t/shardara_wgen_2025_daily.csv" "$data/shardara_wgen_2025_daily.csv"
check "summary names the normals" stderr_has "365 days (1 years from 2025)"
check "summary says rs was not generated" stderr_has "rs: not generated"
expect_exit 0 "disaggregate the sample year" "$egin" weather disaggregate --weather "$t/shardara_wgen_2025_daily.csv" \
  --step 1h --tdew-below-tmin 2 --out "$t/hourly.csv"
check "hourly sample reproduced byte for byte" cmp -s "$t/hourly.csv" "$data/shardara_wgen_2025_hourly.csv"
cp "$t/shardara_wgen_2025_daily.csv" "$t/daily.csv"
check "fallbacks reported" stderr_has "rs_from_temperature (365 days); ea_from_tmin (365 days); wind_default (365 days)"

# Same seed, same output; another seed, another.
expect_exit 0 "seed 7" "$egin" weather generate --normals "$data/shardara_normals.toml" --years 2 --seed 7
cp "$t/stdout" "$t/seed7a.csv"
expect_exit 0 "seed 7 again" "$egin" weather generate --normals "$data/shardara_normals.toml" --years 2 --seed 7
check "deterministic for a seed" cmp -s "$t/stdout" "$t/seed7a.csv"
expect_exit 0 "seed 8" "$egin" weather generate --normals "$data/shardara_normals.toml" --years 2 --seed 8
check "another seed differs" bash -c "! cmp -s '$t/stdout' '$t/seed7a.csv'"
check "two years of days" test "$(grep -c '^20' "$t/seed7a.csv")" -eq 730

# Sub-daily straight from the generator (5 minutes), read back by egin et0.
expect_exit 0 "generate 5m" "$egin" weather generate --normals shardara --data "$src/data" --years 1 \
  --seed 3 --step 5m --utc-offset +05:00 --out "$t/five.csv"
check "5m rows" test "$(grep -c '^20' "$t/five.csv")" -eq 105120
check "5m header" grep -q '^time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,precip_mm$' "$t/five.csv"
check "5m period metadata" grep -q '^# period_s: 300$' "$t/five.csv"
check "first stamp at local midnight" grep -q '^2025-01-01T00:00+05:00,' "$t/five.csv"
expect_exit 0 "et0 reads the 5-minute file" "$egin" et0 --weather "$t/five.csv" --format csv
check "et0: every 5-minute row computed" stderr_has "105120 sub-daily rows"
check "et0: none not computable" stderr_has "0 not computable"
expect_exit 0 "et0 reads the hourly file" "$egin" et0 --weather "$t/hourly.csv" --format csv
check "et0: 8760 hourly rows" stderr_has "8760 sub-daily rows"

# Daily sums survive: precipitation and radiation of the hourly file per local day equal the
# daily file's (precipitation exactly; Rs against FAO-56 Eq. 50, which the daily ET0 also uses).
awk -F, '!/^#/ && NR > 1 && $1 != "date" { p[$1] = $4 } END { for (d in p) print d, p[d] }' \
  "$t/daily.csv" | sort >"$t/daily_p.txt"
awk -F, '!/^#/ && $1 != "time" { d = substr($1, 1, 10); p[d] += $6 } END { for (d in p) printf "%s %.1f\n", d, p[d] }' \
  "$t/hourly.csv" | sort >"$t/hourly_p.txt"
check "daily precipitation kept" diff -q "$t/daily_p.txt" "$t/hourly_p.txt"
expect_exit 0 "daily et0 of the daily file" "$egin" et0 --weather "$t/daily.csv" --format csv
awk -F, 'NR > 1 { print $1, $5 }' "$t/stdout" | sort >"$t/daily_rs.txt"
awk -F, '!/^#/ && $1 != "time" { d = substr($1, 1, 10); s[d] += $4 * 3600 / 1e6 } END { for (d in s) printf "%s %.3f\n", d, s[d] }' \
  "$t/hourly.csv" | sort >"$t/hourly_rs.txt"
check "daily Rs kept (within 0.01 MJ/m2)" awk 'NR == FNR { a[$1] = $2; next } { d = $2 - a[$1]; if (d < 0) d = -d; if (d > 0.01) { print $1, $2, a[$1] > "/dev/stderr"; bad = 1 } } END { exit bad }' \
  "$t/daily_rs.txt" "$t/hourly_rs.txt"
check "no radiation at local 00:00-04:00" awk -F, '!/^#/ && $1 ~ /T0[0-3]:/ && $4 != "0.00" { bad = 1 } END { exit bad }' "$t/hourly.csv"

# Bad input: exit 2 with file, line and field.
cat >"$t/bad.toml" <<'TOML'
[site]
name = "Bad"
latitude_deg = 41
[monthly]
tmax_c = [3, 6, 14, 22, 29, 34, 37, 35, 29, 21, 12, 5]
tmin_c = [-3, -2, 4, 10, 16, 21, 22, 20, 15, 8, 2, -2]
precip_mm = [28, 36, 36, 29, 21, 5, 2, 1, 2, 9, 28, 31]
wet_days_ge_1mm = [6, 6, 6, 5, 35, 1.4, 0.5, 0.4, 0.5, 2, 5, 5.4]
TOML
expect_exit 2 "wet days out of range" "$egin" weather generate --normals "$t/bad.toml" --years 1 --seed 1
check "names file and line" stderr_has "bad.toml:8: field 'monthly.wet_days_ge_1mm'"
check "names the month and range" stderr_has "value 35 for May is out of range (expected 0 to 31 days)"
expect_exit 2 "incomplete normals" "$egin" weather generate --normals "$data/turkistan_normals.toml" --years 1 --seed 1
check "names the missing field" stderr_has "field 'monthly.tmax_c': is missing"
expect_exit 2 "unknown normals name" "$egin" weather generate --normals atlantis --years 1 --seed 1 --data "$src/data"
check "lists the known names" stderr_has "shardara"
expect_exit 2 "bad step" "$egin" weather generate --normals shardara --data "$src/data" --years 1 --seed 1 --step 7m
check "names --step" stderr_has "field '--step'"
expect_exit 2 "bad offset" "$egin" weather generate --normals shardara --data "$src/data" --years 1 --seed 1 --step 1h --utc-offset 5:99
check "names --utc-offset" stderr_has "field '--utc-offset'"
expect_exit 2 "too many sub-daily years" "$egin" weather generate --normals shardara --data "$src/data" --years 31 --seed 1 --step 5m
check "names --years" stderr_has "field '--years'"
expect_exit 2 "missing seed" "$egin" weather generate --normals shardara --years 1
printf '# latitude_deg: 41\n# longitude_deg: 68\ndate,tmax_c,tmin_c\n2025-07-01,35,20\n2025-07-02,,21\n' >"$t/gap.csv"
expect_exit 2 "day without tmax" "$egin" weather disaggregate --weather "$t/gap.csv" --step 1h
check "names line and field" stderr_has "gap.csv:5: field 'tmax_c': is missing on 2025-07-02"
printf 'date,tmax_c,tmin_c\n2025-07-01,35,20\n' >"$t/nolat.csv"
expect_exit 2 "no latitude" "$egin" weather disaggregate --weather "$t/nolat.csv" --step 5m
check "names latitude" stderr_has "field 'latitude_deg'"
expect_exit 0 "latitude from flags" "$egin" weather disaggregate --weather "$t/nolat.csv" --step 5m --lat 41 --lon 68
expect_exit 2 "daily is not a sub-daily step" "$egin" weather disaggregate --weather "$t/nolat.csv" --step daily --lat 41 --lon 68

e2e_finish
