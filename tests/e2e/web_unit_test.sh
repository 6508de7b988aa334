#!/usr/bin/env bash
# The dashboard's own unit tests (web/test/*.test.ts, vitest): number and date formats per
# language, the four dictionaries, the event-stream parser, the settings form's checks. Needs
# web/node_modules from `make web` (npm ci); fails, with that hint, without it.
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
: "$egin"

if [ ! -x "$src/web/node_modules/.bin/vitest" ]; then
  echo "FAIL: web/node_modules is missing: run 'make web' (npm ci in web/) first" >&2
  exit 1
fi
# No colours: vitest colours its summary when CI is set, which would hide the counts from grep.
check "vitest passes" bash -c "cd '$src/web' && NO_COLOR=1 FORCE_COLOR=0 node_modules/.bin/vitest run --reporter=dot >'$e2e_tmp/vitest.log' 2>&1 || { cat '$e2e_tmp/vitest.log' >&2; false; }"
check "vitest ran the four files" bash -c "sed 's/\x1b\[[0-9;]*m//g' '$e2e_tmp/vitest.log' | grep -q 'Test Files  4 passed'"
check "typescript compiles" bash -c "cd '$src/web' && node_modules/.bin/tsc --noEmit >&2"
e2e_finish
