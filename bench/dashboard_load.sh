#!/usr/bin/env bash
# Dashboard speed (issue 7): a site of 100 greenhouse zones (4 sensors and a vent each) with one
# current reading per sensor, and one channel holding 30 days of 1-minute readings (43,200); then
# web/e2e/perf.mjs times the overview page until its 100 cards are drawn, a 30-day chart at a
# 1-hour step from click to drawn, and the API calls behind them. Prints JSON; the figures go to
# docs/benchmarks.md by hand with the machine and its load. Loopback only; stops by itself.
#   bench/dashboard_load.sh [build-dir]      (needs `make web` and chromium)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
egin=$build/apps/egin/egin
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

python3 - "$tmp/site.toml" <<'PY'
import sys
out = ['[site]\nid = "bench"\nname = "100-zone farm"\nlatitude_deg = 43.3\nlongitude_deg = 68.25\n'
       'elevation_m = 210\nutc_offset_min = 300\n\n[validation]\nmax_age_days = 40\n\n'
       '[[retention]]\nclass = "default"\nraw_days = 400\nminute_days = 800\nhour_days = 3650\nday_days = 0\n']
for z in range(1, 101):
    out.append(f'\n[[zones]]\nid = "z{z:03d}"\nname = "Greenhouse {z}"\nkind = "greenhouse"\n\n'
               '[[zones.devices]]\nid = "climate"\n')
    for cid, q, u, lo, hi in [("t_air", "air_temperature", "Cel", -20, 60),
                              ("rh", "relative_humidity", "%RH", 0, 100),
                              ("co2", "co2_concentration", "ppm", 0, 5000),
                              ("rs", "global_radiation", "W/m2", 0, 1400)]:
        out.append(f'\n[[zones.devices.channels]]\nid = "{cid}"\nquantity = "{q}"\nunit = "{u}"\n'
                   f'min = {lo}\nmax = {hi}\n')
    out.append('\n[[zones.devices]]\nid = "vents"\n\n[[zones.devices.channels]]\nid = "roof"\n'
               'quantity = "vent_position"\nunit = "%"\nkind = "actuator"\nmin = 0\nmax = 100\n')
open(sys.argv[1], "w").write("".join(out))
PY

"$egin" serve --data-dir "$tmp/data" --config "$tmp/site.toml" --web "$build/web" \
  --http 127.0.0.1:0 --log-level warn >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 200); do grep -q 'listening on' "$tmp/out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\),.*|\1|p' "$tmp/out")
url=http://127.0.0.1:$port
password=$(sed -n "s/.*with password \([^ ]*\)$/\1/p" "$tmp/err")
token=$(cat "$tmp/data/api-token")

python3 - "$url" "$token" <<'PY'
import json, sys, time, urllib.request
url, token = sys.argv[1], sys.argv[2]
def post(pack):
    req = urllib.request.Request(url + "/api/v1/ingest", data=json.dumps(pack).encode(),
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    body = json.load(urllib.request.urlopen(req))
    assert body["rejected"] == 0, body["rejects"][:3]
now = int(time.time()) // 60 * 60
post([{"bn": f"z{z:03d}/climate/", "bt": now - 30, "n": c, "v": v}
      for z in range(1, 101) for c, v in [("t_air", 22.5), ("rh", 65), ("co2", 450), ("rs", 300)]])
start = now - 43200 * 60
for b in range(0, 43200, 10800):
    post([{"n": "z001/climate/t_air", "t": start + (b + i) * 60, "v": 20 + 5 * ((b + i) % 1440) / 1440}
          for i in range(10800)])
PY

cd "$here/web"
EGIN_URL=$url EGIN_ADMIN_PASSWORD=$password EGIN_PROFILE=$tmp/profile EGIN_CHANNEL=z001/climate/t_air \
  node e2e/perf.mjs
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
