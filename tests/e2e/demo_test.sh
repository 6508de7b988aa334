#!/usr/bin/env bash
# The demo farm as a newcomer meets it: `egin serve --demo` at 20× on a free port. Live values of
# the greenhouse (the twin under the climate computer, read through the simulated KS X 3267 sensor
# node and the device driver) and of the weather station change as site time passes; a timed vent
# command through the API is executed by the simulated actuator node (opening, the remaining time
# counting down, ready again, the audit record done) and the twin's roof vent follows it (manual
# override); the three fields have recommendations and their soil probes the root-zone water
# content of the advice's water balance; a CSV export holds the greenhouse's and the
# station's readings; then the same in Chromium (web/e2e/demo.mjs: login, live values, a timed
# vent command from the greenhouse page, the field's advice, CSV export, Kazakh and Korean, a
# 390-px phone); a restart carries on at the site time reached and prints a new login.
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
# shellcheck source=serve_lib.sh
source "$src/tests/e2e/serve_lib.sh"
export PATH=/usr/bin:$PATH
trap 'kill -KILL $serve_pid 2>/dev/null; rm -rf "$e2e_tmp"' EXIT

serve_data=$e2e_tmp/demo
check "demo starts" serve_start run --demo --speed 20 --data "$serve_data"
for i in $(seq 1 100); do grep -q "password" "$e2e_tmp/run.out" && break; sleep 0.1; done
check "prints the URL" grep -q "open   $serve_url/" "$e2e_tmp/run.out"
check "prints the login" grep -q "login  admin" "$e2e_tmp/run.out"
password=$(sed -n 's/^  password \(.*\)$/\1/p' "$e2e_tmp/run.out")
check "password is a generated one" test "${#password}" = 20
check "the password logs in" test "$(curl -s -o "$e2e_tmp/login" -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' -d "{\"user\":\"admin\",\"password\":\"$password\"}" \
  "$serve_url/api/v1/sessions")" = 201

latest() {  # channel → "t_ms value" of its latest reading
  api GET "/api/v1/latest?channels=$1" >/dev/null
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["readings"][0]; print(r.get("t_ms") or 0, r.get("value"))' "$e2e_tmp/body"
}
sleep 4
first_gh=$(latest gh1/climate/t_air)
first_ws=$(latest ws1/mast/t_air)
sleep 7
later_gh=$(latest gh1/climate/t_air)
later_ws=$(latest ws1/mast/t_air)
check "greenhouse air temperature read through the node" test "${first_gh#* }" != None
check "greenhouse readings arrive as site time passes" test "${later_gh% *}" -gt "${first_gh% *}"
check "station readings arrive as site time passes" test "${later_ws% *}" -gt "${first_ws% *}"
check "the greenhouse climate changes" python3 - "$serve_data" "$serve_url" <<'PY'
import json, sys, urllib.request
token = open(sys.argv[1] + "/api-token").read().strip()
req = urllib.request.Request(sys.argv[2] + "/api/v1/series?channel=gh1/climate/t_air&from=2025-07-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=raw",
                             headers={"Authorization": "Bearer " + token})
points = json.load(urllib.request.urlopen(req))["points"]
values = {round(p.get("value", p.get("mean", 0)), 3) for p in points}
print(len(points), "readings,", len(values), "distinct", file=sys.stderr)
sys.exit(0 if len(points) >= 3 and len(values) >= 2 else 1)
PY

# A timed vent command: 90 s of site time at 20× is 4.5 s.
check "timed_open accepted: 202" test "$(api POST /api/v1/commands -H 'Content-Type: application/json' \
  -d '{"channel":"gh1/actuators/vent_roof","action":"timed_open","duration_s":90,"reason":"e2e"}')" = 202
command_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$e2e_tmp/body")
check "executing when confirmed" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["state"] == "executing"' "$e2e_tmp/body"
: >"$e2e_tmp/states"
for i in $(seq 1 80); do
  api GET /api/v1/actuators >/dev/null
  python3 -c 'import json,sys
for a in json.load(open(sys.argv[1]))["actuators"]:
    if a["channel"] == "gh1/actuators/vent_roof": print(a["state"], a["remaining_s"] or 0)' "$e2e_tmp/body" >>"$e2e_tmp/states"
  sleep 0.1
done
check "the node shows the vent opening" grep -q '^opening ' "$e2e_tmp/states"
check "the remaining time counts down, then ready" python3 - "$e2e_tmp/states" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
opening = [float(r[1]) for r in rows if r[0] == "opening"]
print("remaining seen:", sorted(set(opening), reverse=True), file=sys.stderr)
assert len(set(opening)) >= 3, opening          # at least three different times left
assert opening == sorted(opening, reverse=True)  # never going up
assert max(opening) <= 90 and min(opening) < 60
last_open = max(i for i, r in enumerate(rows) if r[0] == "opening")
assert rows[-1][0] == "ready" and last_open < len(rows) - 1
PY
check "the command record is done" test "$(api GET "/api/v1/commands/$command_id")" = 200
check "  … state done" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["state"] == "done"' "$e2e_tmp/body"
sleep 1
vent=$(latest gh1/positions/vent_lee)
check "the twin's roof vent followed the node (manual, 75 % after 90 s at 100 %/120 s)" \
  python3 -c 'import sys; v=float(sys.argv[1]); assert 60 <= v <= 90, v' "${vent#* }"

check "recommendations: 200" test "$(api GET /api/v1/recommendations)" = 200
check "three fields with a recommendation" python3 - "$e2e_tmp/body" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1]))["recommendations"]
ok = {r["field"] for r in recs if r.get("recommendation") and r["recommendation"].get("decision")}
print(sorted(ok), file=sys.stderr)
assert ok >= {"cotton-07", "tomato-03", "apple-02"}, ok
PY

# Soil water from the field's water balance (runtime/field_soil_water.hpp): the cotton field's
# probe has hourly root-zone water content within its soil's wilting point .. field capacity
# (the field file's texture in data/soils/, FAO-56 Table 19); its neighbours' flow stays empty.
check "cotton theta_20cm: hourly readings within [θWP, θFC] of its soil" python3 - "$serve_data" "$serve_url" "$src" <<'PY'
import json, sys, tomllib, urllib.request
data, url, src = sys.argv[1:4]
token = open(data + "/api-token").read().strip()
def series(channel):
    req = urllib.request.Request(url + "/api/v1/series?channel=" + channel + "&from=2025-07-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=raw",
                                 headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))["points"]
texture = tomllib.load(open(src + "/data/examples/cotton_furrow.toml", "rb"))["soil"]["texture"]
water = tomllib.load(open(src + "/data/soils/" + texture + ".toml", "rb"))["water"]
wp, fc = 100 * water["theta_wp_m3_m3"], 100 * water["theta_fc_m3_m3"]
values = [p["value"] for p in series("cotton-07/soil/theta_20cm")]
print(len(values), "readings in", min(values, default=None), max(values, default=None), "θWP..θFC", wp, fc, file=sys.stderr)
assert len(values) >= 24, values  # the station's 24 history hours at the first start
assert all(wp - 1e-9 <= v <= fc + 1e-9 for v in values), values
assert len(set(round(v, 6) for v in values)) >= 2, values  # the root zone dries or fills
assert series("cotton-07/inlet/flow") == []
PY

# Alarms of the greenhouse's climate computer (runtime/twin_alarm_provider.hpp): answered, not 503.
check "alarms: 200" test "$(api GET '/api/v1/alarms?state=all')" = 200
check "  … a list" python3 -c 'import json,sys; assert isinstance(json.load(open(sys.argv[1]))["alarms"], list)' "$e2e_tmp/body"

# Controller settings (runtime/twin_settings_provider.hpp): a bad value is refused naming the
# field and its range; a good update is in force at the controller's next step — an air
# temperature alarm limit far below the greenhouse's air raises t_air_high (acknowledged here),
# and the original settings clear it again; the data directory keeps them for a restart.
check "settings: 200" test "$(api GET /api/v1/settings/gh1)" = 200
cp "$e2e_tmp/body" "$e2e_tmp/settings0"
check "  … values, schema and TOML" python3 - "$e2e_tmp/settings0" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["schema"]["properties"]["heating"]["properties"]["p_band_c"]["maximum"] == 20, s["schema"]["properties"]["heating"]
assert s["values"]["bands"][0]["t_heat_c"] > 0 and "[[bands]]" in s["toml"]
PY
settings_put() {  # python expression on s (the settings) → the PUT body file
  python3 - "$e2e_tmp/settings0" "$e2e_tmp/put" "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
v = s["values"]
exec(sys.argv[3])
json.dump({"values": v, "revision": s["revision"]}, open(sys.argv[2], "w"))
PY
}
settings_put 'v["heating"]["p_band_c"] = 99'
check "a bad value: 422" test "$(api PUT /api/v1/settings/gh1 -H 'Content-Type: application/json' -d @"$e2e_tmp/put")" = 422
check "  … naming the field and its range" python3 - "$e2e_tmp/body" <<'PY'
import json, sys
i = json.load(open(sys.argv[1]))["issues"]
print(i, file=sys.stderr)
assert i[0]["path"] == "/heating/p_band_c" and "heating.p_band_c" in i[0]["problem"] and i[0]["expected"] == "0.1 to 20 °C", i
PY
settings_put 'v["alarms"]["t_air_high"].update(limit_c=-20.0, delay_s=0)'
check "a good update: 200" test "$(api PUT /api/v1/settings/gh1 -H 'Content-Type: application/json' -d @"$e2e_tmp/put")" = 200
python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); s=json.load(open(sys.argv[2])); s["revision"]=b["settings"]["revision"]; json.dump(s, open(sys.argv[2],"w"))' "$e2e_tmp/body" "$e2e_tmp/settings0"
check "  … kept in the data directory" grep -q 'limit_c = -20' "$serve_data/controller-gh1.toml"
alarm_id=
for i in $(seq 1 50); do
  api GET /api/v1/alarms >/dev/null
  alarm_id=$(python3 -c 'import json,sys; print(next((a["id"] for a in json.load(open(sys.argv[1]))["alarms"] if a["code"] == "t_air_high" and a["active"]), ""))' "$e2e_tmp/body")
  test -n "$alarm_id" && break
  sleep 0.2
done
check "  … in force: t_air_high raised at the next step" test -n "$alarm_id"
check "acknowledge: 200" test "$(api POST "/api/v1/alarms/$alarm_id/acknowledge" -H 'Content-Type: application/json' -d '{"note":"e2e"}')" = 200
check "  … acknowledged, by whom, still active" python3 - "$e2e_tmp/body" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
print(a, file=sys.stderr)
assert a["acknowledged"] and a["acknowledged_by"] and a["note"] == "e2e" and a["active"] and a["severity"] == "critical"
assert a["raised"].startswith("2025-07-1"), a["raised"]   # site time
PY
settings_put 'pass'
check "the original settings again: 200" test "$(api PUT /api/v1/settings/gh1 -H 'Content-Type: application/json' -d @"$e2e_tmp/put")" = 200
cleared=
for i in $(seq 1 50); do
  test "$(api GET "/api/v1/alarms/$alarm_id")" = 200 &&
    cleared=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cleared"] or "")' "$e2e_tmp/body")
  test -n "$cleared" && break
  sleep 0.2
done
check "  … t_air_high cleared" test -n "$cleared"
api GET /api/v1/settings/gh1 >/dev/null
settings_revision=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["revision"])' "$e2e_tmp/body")

check "CSV export: 200" test "$(api GET "/api/v1/exports?channels=gh1/climate/t_air,ws1/mast/t_air&from=2025-07-09T00:00:00Z&to=2025-07-12T00:00:00Z&step=1h&format=csv")" = 200
check "CSV export holds both" python3 - "$e2e_tmp/body" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head = rows[0]
assert head[0] == "time" and "gh1/climate/t_air (Cel)" in head and "ws1/mast/t_air (Cel)" in head, head
gh = [r[head.index("gh1/climate/t_air (Cel)")] for r in rows[1:]]
ws = [r[head.index("ws1/mast/t_air (Cel)")] for r in rows[1:]]
assert sum(1 for v in ws if v) >= 24   # the station's day of history and the demo's hours
assert any(v for v in gh)
PY

# The browser test (web/e2e/demo.mjs) against the same farm; its screenshots are kept in
# <build>/test-artifacts/demo/, the overview also as <build>/test-artifacts/demo/dashboard.png
# (docs/img/dashboard.png is that picture).
build=$(cd "$(dirname "$egin")/../.." && pwd)
artifacts=$build/test-artifacts/demo
for need in "$build/web/index.html:the built dashboard (make web)" \
  "$src/web/node_modules/playwright-core/package.json:web/node_modules (make web)" \
  "/usr/bin/chromium:Debian's chromium (scripts/install-deps)"; do
  check "needs ${need#*:}" test -e "${need%%:*}"
done
rm -rf "$artifacts"
mkdir -p "$artifacts"
check "the browser test passes" env EGIN_URL="$serve_url" EGIN_ADMIN_PASSWORD="$password" \
  EGIN_MACHINE_TOKEN="$(cat "$serve_data/api-token")" EGIN_ARTIFACTS="$artifacts" \
  EGIN_PROFILE="$e2e_tmp/chromium-profile" EGIN_README_SHOT="$artifacts/dashboard.png" \
  node "$src/web/e2e/demo.mjs"
check "screenshots saved" test "$(find "$artifacts" -name '*.png' | wc -l)" -ge 12

reached=$(latest gh1/climate/t_air)
serve_stop
check "demo stops cleanly" test "$serve_rc" = 0
check "demo-clock kept" test -s "$serve_data/demo-clock"
check "restart" serve_start again --demo --speed 20 --data "$serve_data"
for i in $(seq 1 100); do grep -q "password" "$e2e_tmp/again.out" && break; sleep 0.1; done
password2=$(sed -n 's/^  password \(.*\)$/\1/p' "$e2e_tmp/again.out")
check "settings kept at the restart" test "$(api GET /api/v1/settings/gh1)" = 200
check "  … the same revision" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["revision"] == sys.argv[2]' "$e2e_tmp/body" "$settings_revision"
check "a new login at the restart" test "${#password2}" = 20 -a "$password2" != "$password"
check "carries on near the site time reached" python3 - "$e2e_tmp/again.out" "${reached% *}" <<'PY'
import re, sys, datetime
m = re.search(r"site time (\S+)", open(sys.argv[1]).read())
t = datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp() * 1000
reached = int(sys.argv[2])
assert reached - 11 * 60000 <= t <= reached + 5 * 60000, (t, reached)
PY
serve_stop
check "restart stops cleanly" test "$serve_rc" = 0
e2e_finish
