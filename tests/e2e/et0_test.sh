#!/usr/bin/env bash
# `egin et0` on small weather files (tests/e2e/data/et0/): FAO-56 Examples 18 and 20 (daily,
# missing data flagged), REF-ET's Fallon hours (sub-daily), csv and json output, and exit 2 with
# file, line and field on bad input.
egin=$1
src=$2
data=$src/tests/e2e/data/et0
. "$(dirname "$0")/lib.sh"

# near CSV_FILE ROW COLUMN VALUE TOLERANCE: the CSV's data row ROW (1 = first), column named
# COLUMN, is within TOLERANCE of VALUE.
near() {
  awk -F, -v row="$2" -v col="$3" -v want="$4" -v tol="$5" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    NR == row + 1 { got = $c; found = 1 }
    END {
      if (!c || !found || got == "") { print "no value for " col " in row " row > "/dev/stderr"; exit 1 }
      d = got - want; if (d < 0) d = -d
      if (d > tol) { print col " row " row ": " got " not within " tol " of " want > "/dev/stderr"; exit 1 }
    }' "$1"
}
# cell CSV_FILE ROW COLUMN TEXT: the cell is exactly TEXT.
cell() {
  awk -F, -v row="$2" -v col="$3" -v want="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    NR == row + 1 { if ($c != want) { print col " row " row ": \"" $c "\" not \"" want "\"" > "/dev/stderr"; exit 1 } found = 1 }
    END { exit found ? 0 : 1 }' "$1"
}

# FAO-56 Example 18 (Uccle, 6 July): ETo 3.9 mm/d (3.88 unrounded), Ra 41.09, Rso 30.90, Rn 13.28.
expect_exit 0 "daily csv" "$egin" et0 --weather "$data/daily.csv" --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/daily.csv"
check "csv header" stdout_has "date,et0_mm,ra_mj_m2,rso_mj_m2,rs_mj_m2,rn_mj_m2,g_mj_m2,es_kpa,ea_kpa,delta_kpa_c,gamma_kpa_c,u2_m_s,flags"
check "Ex. 18 ETo" near "$e2e_tmp/daily.csv" 1 et0_mm 3.88 0.01
check "Ex. 18 Ra" near "$e2e_tmp/daily.csv" 1 ra_mj_m2 41.09 0.01
check "Ex. 18 Rso" near "$e2e_tmp/daily.csv" 1 rso_mj_m2 30.90 0.01
check "Ex. 18 Rn" near "$e2e_tmp/daily.csv" 1 rn_mj_m2 13.28 0.01
check "Ex. 18 u2 from 10 m" near "$e2e_tmp/daily.csv" 1 u2_m_s 2.078 0.001
check "Ex. 18 flags" cell "$e2e_tmp/daily.csv" 1 flags "rs_from_sunshine;ea_from_rh_max_min"

# The same day as JSON.
expect_exit 0 "daily json" "$egin" et0 --weather "$data/daily.csv" --format json
check "json ETo" stdout_has '"et0_mm": 3.88,'
check "json date" stdout_has '"date": "2023-07-06"'
check "json flags" stdout_has '"flags": "rs_from_sunshine;ea_from_rh_max_min"'
expect_exit 0 "daily table" "$egin" et0 --weather "$data/daily.csv"
check "table has the value" stdout_has "3.880"

# FAO-56 Example 20 (Lyon, temperatures only): ETo 4.56 with every fallback named; a day without
# temperature is not computable: empty et0_mm and a flag, exit 0.
expect_exit 0 "missing data" "$egin" et0 --weather "$data/missing.csv" --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/missing.csv"
check "Ex. 20 ETo" near "$e2e_tmp/missing.csv" 1 et0_mm 4.56 0.01
check "Ex. 20 Rs from T" near "$e2e_tmp/missing.csv" 1 rs_mj_m2 22.29 0.01
check "Ex. 20 ea from Tmin" near "$e2e_tmp/missing.csv" 1 ea_kpa 1.684 0.001
check "Ex. 20 flags" cell "$e2e_tmp/missing.csv" 1 flags "rs_from_temperature;ea_from_tmin;wind_default"
check "no temperature: empty ET0" cell "$e2e_tmp/missing.csv" 2 et0_mm ""
check "no temperature: flagged" cell "$e2e_tmp/missing.csv" 2 flags "wind_default;no_temperature;no_humidity"
check "summary on stderr" stderr_has "2 daily rows, 2 with fallbacks, 1 not computable"
expect_exit 0 "hargreaves" "$egin" et0 --weather "$data/missing.csv" --method hargreaves --format json
check "Ex. 20 Hargreaves 5.03" stdout_has '"et0_mm": 5.033'
expect_exit 0 "coastal krs" "$egin" et0 --weather "$data/missing.csv" --krs 0.19 --format csv
check "kRs 0.19: Rs = 22.29 x 0.19/0.16" near "$e2e_tmp/stdout" 1 rs_mj_m2 26.47 0.01

# Sub-daily: REF-ET's Fallon hours 08–12 PST on 2015-07-01 (REF-ET: ETo .38 .52 .61 .71, ETr .47
# .65 .72 .88 mm/h), ASCE with the full Rso (the asce default) and REF-ET's constants.
expect_exit 0 "hourly eto" "$egin" et0 --weather "$data/fallon_hourly.csv" --method asce-eto --constants refet --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/eto.csv"
check "hourly time column" stdout_has "time,et0_mm,"
check "hourly stamp keeps its offset" stdout_has "2015-07-01T10:00-08:00,"
check "ETo 08-09" near "$e2e_tmp/eto.csv" 1 et0_mm 0.38 0.01
check "ETo 09-10" near "$e2e_tmp/eto.csv" 2 et0_mm 0.52 0.01
check "ETo 10-11" near "$e2e_tmp/eto.csv" 3 et0_mm 0.61 0.01
check "ETo 11-12" near "$e2e_tmp/eto.csv" 4 et0_mm 0.71 0.01
check "Ra 10-11 (RefET 4.308241)" near "$e2e_tmp/eto.csv" 3 ra_mj_m2 4.308 0.001
check "night: no Ra" near "$e2e_tmp/eto.csv" 5 ra_mj_m2 0 0
check "night: G = 0.5 Rn (ASCE ETos)" awk -F, 'NR == 6 { d = $7 - 0.5 * $6; exit (d < -0.0015 || d > 0.0015) }' "$e2e_tmp/eto.csv"
expect_exit 0 "hourly etr" "$egin" et0 --weather "$data/fallon_hourly.csv" --method asce-etr --constants refet --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/etr.csv"
check "ETr 08-09" near "$e2e_tmp/etr.csv" 1 et0_mm 0.47 0.01
check "ETr 09-10" near "$e2e_tmp/etr.csv" 2 et0_mm 0.65 0.01
check "ETr 10-11" near "$e2e_tmp/etr.csv" 3 et0_mm 0.72 0.01
check "ETr 11-12" near "$e2e_tmp/etr.csv" 4 et0_mm 0.88 0.01
expect_exit 0 "hourly json" "$egin" et0 --weather "$data/fallon_hourly.csv" --method fao56 --format json
check "hourly json time" stdout_has '"time": "2015-07-01T08:00-08:00"'
expect_exit 2 "hargreaves is daily only" "$egin" et0 --weather "$data/fallon_hourly.csv" --method hargreaves
check "says daily" stderr_has "daily method"

# Bad input: exit 2 with file, line and field.
expect_exit 2 "bad value" "$egin" et0 --weather "$data/bad_value.csv"
check "bad value: file and line" stderr_has "bad_value.csv:5:"
check "bad value: field and range" stderr_has "field 'rh_max_pct': value 130 is out of range (expected 0 to 100 %)"
expect_exit 2 "no latitude" "$egin" et0 --weather "$data/no_latitude.csv"
check "no latitude: field" stderr_has "field 'latitude_deg'"
expect_exit 0 "latitude from the flag" "$egin" et0 --weather "$data/no_latitude.csv" --lat 42.3 --format csv
expect_exit 2 "no such file" "$egin" et0 --weather "$data/nope.csv"
check "no such file: named" stderr_has "nope.csv"
expect_exit 2 "unknown method" "$egin" et0 --weather "$data/daily.csv" --method penman
expect_exit 2 "sunshine longer than the day" "$egin" et0 --weather "$data/long_sunshine.csv"
check "sunshine: line and field" stderr_has "long_sunshine.csv:4: field 'sunshine_h'"
e2e_finish
