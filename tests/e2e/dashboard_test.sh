#!/usr/bin/env bash
# The web dashboard in Debian's Chromium (headless, Playwright) against a real `egin serve` on
# loopback with the demo site, its clock at 2025-07-15 10:00 (UTC+5), in the cotton season:
# web/e2e/dashboard.mjs signs in, watches live values change as readings are posted, opens the
# greenhouse, checks a field's recommendation, exports a CSV, switches to Kazakh and Korean and
# checks every page at 360 px. Screenshots and the exported file are kept in
# <build>/test-artifacts/dashboard/. Needs `make web` (the built dashboard and web/node_modules)
# and chromium (scripts/install-deps).
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
# shellcheck source=serve_lib.sh
source "$src/tests/e2e/serve_lib.sh"
export PATH=/usr/bin:$PATH

build=$(cd "$(dirname "$egin")/../.." && pwd)
web=$build/web
artifacts=$build/test-artifacts/dashboard
for need in "$web/index.html:the built dashboard (make web)" \
  "$src/web/node_modules/playwright-core/package.json:web/node_modules (make web)" \
  "/usr/bin/chromium:Debian's chromium (scripts/install-deps)"; do
  if [ ! -e "${need%%:*}" ]; then
    echo "FAIL: missing ${need#*:}: ${need%%:*}" >&2
    exit 1
  fi
done
rm -rf "$artifacts"
mkdir -p "$artifacts"

serve_data=$e2e_tmp/data
mkdir -p "$serve_data"
# The demo site, with its field files next to it as in data/ (field_file paths are relative).
src_abs=$(cd "$src" && pwd)
mkdir -p "$e2e_tmp/data-copy/sites"
cp "$src/data/sites/turkistan-demo.toml" "$e2e_tmp/data-copy/sites/site.toml"
ln -s "$src_abs/data/examples" "$e2e_tmp/data-copy/examples"
ln -s "$src_abs/data/weather" "$e2e_tmp/data-copy/weather"
ln -s "$src_abs/data/crops" "$e2e_tmp/data-copy/crops"
ln -s "$src_abs/data/soils" "$e2e_tmp/data-copy/soils"
trap 'kill -KILL $serve_pid 2>/dev/null; rm -rf "$e2e_tmp"' EXIT

check "serve starts" serve_start run --data-dir "$serve_data" --config "$e2e_tmp/data-copy/sites/site.toml" \
  --web "$web" --clock-factor 1 --clock-start 2025-07-15T10:00:00+05:00
check "ready line names the dashboard" grep -q "dashboard at $serve_url/" "$e2e_tmp/run.out"
password=$(sed -n "s/.*created user 'admin' (role admin) with password \([^ ]*\)$/\1/p" "$e2e_tmp/run.err")
check "admin password printed" test "${#password}" = 20

check "the browser test passes" env EGIN_URL="$serve_url" EGIN_ADMIN_PASSWORD="$password" \
  EGIN_MACHINE_TOKEN="$(cat "$serve_data/api-token")" EGIN_ARTIFACTS="$artifacts" \
  EGIN_PROFILE="$e2e_tmp/chromium-profile" \
  node "$src/web/e2e/dashboard.mjs"
check "screenshots saved" test "$(find "$artifacts" -name '*.png' | wc -l)" -ge 14
serve_stop
check "serve stops cleanly" test "$serve_rc" = 0
e2e_finish
