#!/usr/bin/env bash
# The demo `make demo` runs: egin's field-water engine on the Turkistan-region examples.
#   1. reference ET (FAO-56 Penman-Monteith with the missing-data fallbacks) for the sample weather;
#   2. today's irrigation recommendation, with its maths, for a furrow cotton field, a drip tomato
#      field and a drip apple orchard;
#   3. all three at once in batch mode (one row per field), as a district office would run it.
# Usage: scripts/demo.sh [path/to/egin]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
egin=${1:-$here/build/apps/egin/egin}
cd "$here"

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

section "egin $("$egin" --version)"
echo "Sample weather: data/weather/shardara_2025_daily.csv (synthetic year from 1991-2020 normals;"
echo "see data/weather/README.md). Examples: data/examples/ (see its README)."

section "Reference ET0, FAO-56 Penman-Monteith, first week of July (mm/d with intermediates)"
"$egin" et0 --weather data/weather/shardara_2025_daily.csv --format table |
  awk 'NR == 1 || ($1 >= "2025-07-01" && $1 <= "2025-07-07")'

section "Cotton, furrow, Maktaaral: recommendation for 15 July"
"$egin" schedule --field data/examples/cotton_furrow.toml --date 2025-07-14 --days 5

section "Tomato, drip, Sairam: recommendation for 2 July"
"$egin" schedule --field data/examples/tomato_drip.toml --date 2025-07-01 --days 5

section "Apple orchard, drip, Turkestan: recommendation for 2 August"
"$egin" schedule --field data/examples/apple_orchard.toml --date 2025-08-01 --days 5

section "All fields at once (batch mode, all cores), 14 July"
# The key columns of the batch CSV (it has every number; --format json adds the reasons' maths).
"$egin" batch --fields data/examples --date 2025-07-14 --format csv |
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    { printf "%-22s %-8s %-8s %-10s %-16s %8s %9s %10s\n", $col["field"], $col["crop"],
        $col["method"], $col["date"], $col["decision"], $col["net_mm"], $col["gross_mm"],
        $col["volume_m3"] }'

section "Next"
echo "  egin --help, egin <command> --help; README.md; docs/"
echo "  the demo farm: egin serve --demo (make demo starts it now; DEMO_SERVE=0 skips it)"
