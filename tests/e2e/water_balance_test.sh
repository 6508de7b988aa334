#!/usr/bin/env bash
# egin water-balance: the pyfao56 cotton 2013 dry case through the binary, a few days' values
# compared with pyfao56's .out, the seasonal totals with its .sum, and exit 2 with a clear
# message for a missing file, a bad or out-of-range date and a malformed .par line.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
case_dir="$src/tests/reference/data/pyfao56/test01_cotton2013"
par="$case_dir/cotton2013.par"
wth="$case_dir/cotton2013.wth"
irr="$case_dir/cottondry2013.irr"
out="$case_dir/cottondry2013.out"

expect_exit 0 "dry case csv" "$egin" water-balance --pyfao56-par "$par" --weather "$wth" \
  --irrigation "$irr" --from 2013-113 --to 2013-312 --format csv --summary "$e2e_tmp/sum.csv"
cp "$e2e_tmp/stdout" "$e2e_tmp/dry.csv"
check "200 days and a header" test "$(wc -l <"$e2e_tmp/dry.csv")" -eq 201
check "pyfao56 column names" stdout_has "Year-DOY,Date,ETref,Kcm,ETcm,tKcb,Kcb,ETcb,h,Kcmax"

# compare DAY COLUMN...: the CSV value of each column on DAY equals the .out value (3 decimals,
# within 0.005).
compare() {
  local day=$1
  shift
  awk -v day="$day" -v cols="$*" '
    FNR == 1 { file++ }
    file == 1 && FNR == 1 { n = split($0, h, ","); for (i = 1; i <= n; i++) csv_col[h[i]] = i; FS = "," }
    file == 1 && FNR > 1 { split($0, f, ","); if (f[1] == day) for (c in csv_col) csv[c] = f[csv_col[c]] }
    file == 2 && $1 == "Year-DOY" { for (i = 1; i <= NF; i++) if (!($i in out_col)) out_col[$i] = i }
    file == 2 && $1 == day { for (c in out_col) ref[c] = $(out_col[c]) }
    END {
      k = split(cols, want, " "); bad = 0
      for (i = 1; i <= k; i++) {
        c = want[i]; d = csv[c] - ref[c]; if (d < 0) d = -d
        if (!(c in csv) || !(c in ref) || d > 0.005) { print "mismatch " day " " c ": egin " csv[c] " pyfao56 " ref[c] > "/dev/stderr"; bad = 1 }
      }
      exit bad
    }' FS=',' "$e2e_tmp/dry.csv" FS=' ' "$out"
}
cols="ETref Kcb h Kcmax fc fw few De Kr Ke E DPe Kc ETc TAW Zr p RAW Ks Ka ETa T DP Dr fDr Ksend Irrig Rain"
check "2013-116 matches pyfao56" compare 2013-116 $cols
check "2013-200 matches pyfao56" compare 2013-200 $cols
check "2013-250 matches pyfao56" compare 2013-250 $cols
check "2013-312 matches pyfao56" compare 2013-312 $cols
check "summary ETa" grep -q "^ETa,887.088" "$e2e_tmp/sum.csv"
check "summary Dr_end" grep -q "^Dr_end,208.208" "$e2e_tmp/sum.csv"

# Table format: totals on stderr, stdout the daily table.
expect_exit 0 "table format" "$egin" water-balance --pyfao56-par "$par" --weather "$wth" \
  --irrigation "$irr" --from 2013-04-23 --to 2013-05-02
check "totals on stderr" stderr_has "Seasonal water balance (mm)"
check "ten days" test "$(wc -l <"$e2e_tmp/stdout")" -ge 11

# JSON: one object per day.
expect_exit 0 "json format" "$egin" water-balance --pyfao56-par "$par" --weather "$wth" \
  --from 2013-113 --to 2013-114 --format json
check "json keys" stdout_has '"Ksend"'

# A .wth day without ETref: computed (ASCE ETos, simple Rso), with a note.
sed 's/^\(2013-150 .*\)  [0-9.]*      M$/\1    NaN      M/' "$wth" >"$e2e_tmp/noet.wth"
expect_exit 0 "missing ETref computed" "$egin" water-balance --pyfao56-par "$par" \
  --weather "$e2e_tmp/noet.wth" --from 2013-149 --to 2013-151 --format csv
check "ETref note" stderr_has "ETref computed for 1 days"
check "computed ETref printed" grep -q "^2013-150,2013-05-30,8.5" "$e2e_tmp/stdout"

# The same ten days from an egin daily weather CSV give the same rows as from the .wth.
{
  echo "# wind_height_m: 3"
  echo "# latitude_deg: 33.069"
  echo "# elevation_m: 361"
  echo "date,rs_mj_m2,tmax_c,tmin_c,tdew_c,rh_max_pct,rh_min_pct,wind_m_s,precip_mm,et0_mm"
  awk '$1 ~ /^2013-1(1[3-9]|2[0-2])$/ { print $1, $2, $3, $4, $6, $7, $8, $9, $10, $11 }' "$wth" |
    while read -r yd rest; do
      iso=$(date -u -d "2013-01-01 +$((10#${yd#2013-} - 1)) days" +%F)
      echo "$iso,${rest// /,}"
    done
} >"$e2e_tmp/w.csv"
expect_exit 0 "egin weather CSV" "$egin" water-balance --pyfao56-par "$par" --weather "$e2e_tmp/w.csv" \
  --irrigation "$irr" --from 2013-04-23 --to 2013-05-02 --format csv
cp "$e2e_tmp/stdout" "$e2e_tmp/from_csv.csv"
expect_exit 0 "same days from .wth" "$egin" water-balance --pyfao56-par "$par" --weather "$wth" \
  --irrigation "$irr" --from 2013-113 --to 2013-122 --format csv
check "CSV and .wth agree" cmp -s "$e2e_tmp/stdout" "$e2e_tmp/from_csv.csv"

# --field: the expected yield reduction from water stress follows the totals (stderr) or goes to
# --yield. Rain-fed cotton to 2025-08-20: season = 100 · 0.85 (1 − ETa/ETc) (FAO-56 Eq. 90) on
# the run's ETc and ETa, which are the seasonal totals' (--summary).
cat >"$e2e_tmp/rainfed.toml" <<TOML
area_ha = 5.0
planting_date = 2025-04-25
weather = "$src/data/weather/shardara_2025_daily.csv"
[crop]
name = "cotton"
[soil]
texture = "silt_loam"
[irrigation]
method = "furrow"
[strategy]
kind = "rain-fed"
TOML
expect_exit 0 "field: yield on stderr" "$egin" water-balance --field "$e2e_tmp/rainfed.toml" \
  --data "$src/data" --to 2025-08-20 --format csv
check "yield table on stderr" stderr_has "Expected yield reduction from water stress"
check "stage rows" stderr_has "mid-season"
expect_exit 0 "field: --yield file" "$egin" water-balance --field "$e2e_tmp/rainfed.toml" \
  --data "$src/data" --to 2025-08-20 --format csv --summary "$e2e_tmp/wb_sum.csv" \
  --yield "$e2e_tmp/wb_yield.csv"
check "yield header" grep -q "^period,days,ky,ky_from,etc_mm,eta_mm,eta_etc,reduction_pct$" \
  "$e2e_tmp/wb_yield.csv"
yield_by_hand() {
  awk -F, '
    FNR == 1 { file++ }
    file == 1 && $1 == "ETc" { etc = $2 }
    file == 1 && $1 == "ETa" { eta = $2 }
    file == 2 && $1 == "season" { ky = $3; y_etc = $5; y_eta = $6; red = $8 }
    END {
      want = 100 * 0.85 * (1 - eta / etc)
      d = red - want; if (d < 0) d = -d
      e = y_etc - etc; if (e < 0) e = -e
      ok = ky == 0.85 && d <= 0.05 && e <= 0.05 && want > 5
      if (!ok) print "season " red " want " want " etc " y_etc " vs " etc > "/dev/stderr"
      exit !ok
    }' "$e2e_tmp/wb_sum.csv" "$e2e_tmp/wb_yield.csv"
}
check "season reduction by hand from the totals" yield_by_hand
check "stages combined row" grep -q "^stages combined," "$e2e_tmp/wb_yield.csv"

# Bad input: exit 2 with the file, line, field or date named.
expect_exit 2 "missing file" "$egin" water-balance --pyfao56-par "$e2e_tmp/none.par" \
  --weather "$wth" --from 2013-113 --to 2013-120
check "missing file named" stderr_has "none.par"
check "missing file says why" stderr_has "cannot open the file"

expect_exit 2 "bad date" "$egin" water-balance --pyfao56-par "$par" --weather "$wth" \
  --from 2013-13-45 --to 2013-120
check "bad date named" stderr_has "'2013-13-45' is not a date"

expect_exit 2 "date outside the weather" "$egin" water-balance --pyfao56-par "$par" \
  --weather "$wth" --from 2013-300 --to 2014-010
check "date outside named" stderr_has "date 2014-01-10 (2014-010) is outside the weather"
check "weather range named" stderr_has "2013-01-01 (2013-001) to 2013-12-31 (2013-365)"

sed 's/^   0.2250 thetaFC/   0.2x50 thetaFC/' "$par" >"$e2e_tmp/bad.par"
expect_exit 2 "malformed .par line" "$egin" water-balance --pyfao56-par "$e2e_tmp/bad.par" \
  --weather "$wth" --from 2013-113 --to 2013-120
check "malformed line located" stderr_has "bad.par:20: field 'thetaFC': '0.2x50' is not a number"

expect_exit 2 "no parameters" "$egin" water-balance --weather "$wth" --from 2013-113 --to 2013-120
check "no parameters says what is needed" stderr_has "--pyfao56-par"
e2e_finish
