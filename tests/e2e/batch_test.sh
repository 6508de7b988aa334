#!/usr/bin/env bash
# egin batch on data/examples: one ok row per field, the same rows on 1 and 2 threads, the
# cotton row equal to `egin schedule`'s recommendation, a bad field recorded as an error row
# with exit 2 (the other rows still printed), and --out DIR with per-field schedules.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"
ex=$(cd "$src/data/examples" && pwd)

expect_exit 0 "batch of the examples" "$egin" batch --fields "$ex" --date 2025-07-14 --days 3 \
  --jobs 1
cp "$e2e_tmp/stdout" "$e2e_tmp/one.csv"
check "header + 3 rows" test "$(wc -l <"$e2e_tmp/one.csv")" -eq 4
check "all ok" test "$(grep -c ',ok,' "$e2e_tmp/one.csv")" -eq 3
expect_exit 0 "two threads" "$egin" batch --fields "$ex" --date 2025-07-14 --days 3 --jobs 2
check "same rows on 2 threads" cmp -s "$e2e_tmp/one.csv" "$e2e_tmp/stdout"

gross_batch=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "gross_mm") c = i }
  /maktaaral-cotton-07/ { print $c }' "$e2e_tmp/one.csv")
expect_exit 0 "cotton schedule" "$egin" schedule --field "$ex/cotton_furrow.toml" \
  --date 2025-07-14 --days 3 --format csv
gross_schedule=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "gross_mm") c = i }
  NR == 2 { print $c }' "$e2e_tmp/stdout")
check "cotton gross $gross_batch = schedule $gross_schedule" test "$gross_batch" = "$gross_schedule"

# The expected yield reduction per field: cotton with FAO-33 Ky (0.85; no ripening Ky, so the
# late season says so), the apple orchard with none (FAO-33 gives no Ky for apple).
# cell FIELD COLUMN: the value in the row of FIELD.
cell() {
  awk -F, -v field="$1" -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i }
    $2 == field { print $c }' "$e2e_tmp/one.csv"
}
check "cotton ky_season 0.85" test "$(cell maktaaral-cotton-07 ky_season)" = 0.85
check "cotton seasonal reduction is a number 0..100" awk -v v="$(cell maktaaral-cotton-07 \
  yield_reduction_pct)" 'BEGIN { exit !(v ~ /^[0-9.]+$/ && v >= 0 && v <= 100) }'
check "cotton late season has no Ky" test "$(cell maktaaral-cotton-07 yield_reduction_late_pct)" = "no Ky"
check "apple: no Ky in FAO-33" test "$(cell turkestan-apple-12 yield_reduction_pct)" = "no Ky in FAO-33"
check "apple: no stage numbers" test -z "$(cell turkestan-apple-12 yield_reduction_mid_pct)"

# A list with a bad field: an error row, the others kept, exit 2.
printf 'area_ha = 1\nplanting_date = 2025-04-25\n[crop]\nname = "banana"\n' >"$e2e_tmp/bad.toml"
{
  echo "# the examples and one bad field"
  echo "$ex/cotton_furrow.toml"
  echo "$ex/tomato_drip.toml"
  echo "bad.toml"
} >"$e2e_tmp/fields.txt"
expect_exit 2 "batch with a bad field" "$egin" batch --fields "$e2e_tmp/fields.txt" \
  --date 2025-07-14 --days 3 --data "$src/data"
check "two ok rows" test "$(grep -c ',ok,' "$e2e_tmp/stdout")" -eq 2
check "error row" stdout_has ",error,"
check "error message in the row" stdout_has "unknown crop 'banana'"
check "failure counted" stderr_has "1 of 3 fields failed"

# --out DIR: the summary and one schedule per field.
expect_exit 0 "batch --out" "$egin" batch --fields "$ex" --date 2025-07-14 --days 3 \
  --out "$e2e_tmp/out" --format json
check "summary.json" test -s "$e2e_tmp/out/summary.json"
check "cotton schedule json" grep -q '"recommendation"' "$e2e_tmp/out/fields/cotton_furrow.json"
check "summary names the file" grep -q 'summary.json' "$e2e_tmp/stderr"

expect_exit 2 "missing directory" "$egin" batch --fields "$e2e_tmp/nothing"
check "names --fields" stderr_has "field '--fields'"

e2e_finish
