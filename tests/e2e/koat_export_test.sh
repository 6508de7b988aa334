#!/usr/bin/env bash
# KOAT 116/117 export: 30 days x 100 channels at 1 minute (4.32 million values, posted over HTTP
# into `egin serve` on SQLite) exported to CSV and XLSX through GET /api/v1/exports; both exports
# are timed (KOAT asks for at most 3 minutes each; printed, not asserted), opened with Python's
# csv module and openpyxl (read-only), and checked against the stored values: row and column
# counts, each row's local time, no empty cell, and 1000 random (time, channel) cells
# (tests/e2e/koat/koat_export.py). KOAT_EXPORT_DAYS shortens the range for a quick try.
egin=$1
src=$2
. "$(dirname "$0")/lib.sh"

python=${PYTHON:-}
for candidate in /usr/bin/python3 python3; do
  [ -n "$python" ] && break
  if "$candidate" -c 'import openpyxl' 2>/dev/null; then python=$candidate; fi
done
if [ -z "$python" ]; then
  echo "koat_export_test: needs python3 with openpyxl (Debian: python3-openpyxl)" >&2
  exit 1
fi

check "30 days x 100 channels export to CSV and XLSX match the store" \
  "$python" "$src/tests/e2e/koat/koat_export.py" --egin "$egin" --work "$e2e_tmp/run" \
  --days "${KOAT_EXPORT_DAYS:-30}"

e2e_finish
