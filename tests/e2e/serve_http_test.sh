#!/usr/bin/env bash
# `egin serve` over HTTP, whole program: health, auth, SenML ingest with good and bad records,
# latest, series, CSV and XLSX export equal to what was posted, site edits, metrics, limits, and a
# graceful SIGTERM after which a restart keeps the data, the channel ids and the token.
egin=$1
src=$2
# shellcheck source=lib.sh
source "$src/tests/e2e/lib.sh"
# shellcheck source=serve_lib.sh
source "$src/tests/e2e/serve_lib.sh"
# Debian's python3 (python3-openpyxl) even when another python3 comes first on PATH.
export PATH=/usr/bin:$PATH

serve_data=$e2e_tmp/data
mkdir -p "$serve_data"
cp "$src/tests/e2e/data/serve/site.toml" "$e2e_tmp/site.toml"
trap 'kill -KILL $serve_pid 2>/dev/null; rm -rf "$e2e_tmp"' EXIT

check "serve starts" serve_start run1 --data-dir "$serve_data" --config "$e2e_tmp/site.toml"
check "ready line names the store" grep -q "store sqlite:$serve_data/egin.db" "$e2e_tmp/run1.out"
check "token file created" test -s "$serve_data/api-token"
check "token file mode 0600" test "$(stat -c %a "$serve_data/api-token")" = 600
check "token is 64 hex digits" grep -qxE '[0-9a-f]{64}' "$serve_data/api-token"
check "stderr says where the token is" grep -q "api-token" "$e2e_tmp/run1.err"
check "stderr does not print the token" bash -c "! grep -qF '$(cat "$serve_data/api-token")' '$e2e_tmp/run1.err'"
token1=$(cat "$serve_data/api-token")

# --- health and auth -----------------------------------------------------------------------------
check "healthz 200 ok" test "$(curl -s "$serve_url/healthz")" = ok
check "no token: 401" test "$(curl -s -o /dev/null -w '%{http_code}' "$serve_url/api/v1/channels")" = 401
check "wrong token: 401" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer 0123456789abcdef0123456789abcdef' "$serve_url/api/v1/channels")" = 401
check "token prefix: 401" test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token1:0:63}" "$serve_url/api/v1/channels")" = 401
check "ingest without token: 401" test "$(curl -s -o /dev/null -w '%{http_code}' -d '[]' "$serve_url/api/v1/ingest")" = 401
check "good token: 200" test "$(api GET /api/v1/channels)" = 200

# --- ingest --------------------------------------------------------------------------------------
# 60 one-minute readings of three channels ending two minutes ago (whole minutes, so the 1-h
# buckets are predictable); values exact in binary and in text.
now_s=$(date +%s)
t0=$(( (now_s / 60) * 60 - 62 * 60 ))
python3 - "$t0" >"$e2e_tmp/pack1.json" <<'PY'
import json, sys
t0 = int(sys.argv[1])
recs = [{"bn": "gh1/node1/", "bt": t0, "n": "t_air", "u": "Cel", "v": 20.0}]
for i in range(60):
    if i > 0:
        recs.append({"n": "t_air", "t": i * 60, "v": 20.0 + i * 0.25})
    recs.append({"n": "rh", "t": i * 60, "v": 50.0 + i * 0.5})
    recs.append({"n": "co2", "t": i * 60, "v": 400.0 + i})
print(json.dumps(recs))
PY
check "pack accepted: 200" test "$(api POST /api/v1/ingest --data-binary @"$e2e_tmp/pack1.json")" = 200
check "pack counts" python3 -c '
import json,sys; b=json.load(open(sys.argv[1]))
assert (b["accepted"],b["rejected"],b["duplicates"],b["flagged"])==(180,0,0,0), b' "$e2e_tmp/body"

check "same pack again: 200" test "$(api POST /api/v1/ingest --data-binary @"$e2e_tmp/pack1.json")" = 200
check "same pack again: all duplicates" python3 -c '
import json,sys; b=json.load(open(sys.argv[1]))
assert (b["accepted"],b["duplicates"],b["rejected"])==(0,180,0), b' "$e2e_tmp/body"

# Good and bad records in one pack: the good ones land, each bad one is named with its reason.
t_mixed=$(( t0 + 60 * 60 ))
cat >"$e2e_tmp/pack2.json" <<EOF2
[{"bn":"gh1/node1/","bt":$t_mixed,"n":"t_air","u":"Cel","v":25.5},
 {"n":"t_air","t":30,"v":130},
 {"n":"rh","v":61.5},
 {"n":"nope","v":1},
 {"n":"co2","u":"%RH","v":410},
 {"n":"co2","vs":"high"},
 {"n":"co2","t":100000,"v":420},
 {"n":"co2","t":30,"v":415}]
EOF2
check "mixed pack: 200" test "$(api POST /api/v1/ingest --data-binary @"$e2e_tmp/pack2.json")" = 200
check "mixed pack: 3 accepted, 5 rejected with reasons" python3 -c '
import json,sys; b=json.load(open(sys.argv[1]))
assert (b["accepted"], b["rejected"]) == (3, 5), b
codes = {r["index"]: r["reason_code"] for r in b["rejects"]}
assert codes[1] == "out_of_range" and codes[3] == "unknown_channel", codes
assert codes[4] == "unit_mismatch" and codes[5] == "no_value" and codes[6] == "future_time", codes
assert "130" in b["rejects"][0]["reason"], b["rejects"][0]' "$e2e_tmp/body"

check "malformed pack: 400" test "$(api POST /api/v1/ingest --data-binary '[{"n":"x","v":1}')" = 400
check "malformed pack: error and reason" python3 -c '
import json,sys; b=json.load(open(sys.argv[1]))
assert b["error"] == "malformed_pack" and len(b["reason"]) > 10, b' "$e2e_tmp/body"
check "not an array: 400" test "$(api POST /api/v1/ingest --data-binary '{"n":"x","v":1}')" = 400
check "empty pack: 200, nothing" test "$(api POST /api/v1/ingest --data-binary '[]')" = 200

# Body above the 32 MiB limit.
python3 -c 'import sys; sys.stdout.write("[" + " " * (33 * 1024 * 1024) + "]")' >"$e2e_tmp/big.json"
check "body over 32 MiB: 413" test "$(api POST /api/v1/ingest --data-binary @"$e2e_tmp/big.json")" = 413
rm -f "$e2e_tmp/big.json"

# --- latest, series ------------------------------------------------------------------------------
check "latest: 200" test "$(api GET '/api/v1/latest?channels=gh1/node1/t_air,gh1/node1/rh')" = 200
check "latest values are the newest posted" python3 -c '
import json,sys; b=json.load(open(sys.argv[1])); r={x["channel"]:x for x in b["readings"]}
assert r["gh1/node1/t_air"]["value"] == 25.5 and r["gh1/node1/t_air"]["t_ms"] == int(sys.argv[2]) * 1000, r
assert r["gh1/node1/rh"]["value"] == 61.5, r' "$e2e_tmp/body" "$t_mixed"
check "latest unknown channel: 404" test "$(api GET '/api/v1/latest?channels=gh1/node1/zzz')" = 404

from=$(date -u -d "@$t0" +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d "@$(( t0 + 3600 ))" +%Y-%m-%dT%H:%M:%SZ)
check "raw series: 200" test "$(api GET "/api/v1/series?channel=gh1/node1/t_air&from=$from&to=$to&step=raw")" = 200
check "raw series equals the posted values" python3 -c '
import json,sys; b=json.load(open(sys.argv[1])); t0=int(sys.argv[2])
got=[(p["t_ms"], p["value"]) for p in b["points"]]
want=[((t0+i*60)*1000, 20.0+i*0.25) for i in range(60)]
assert got == want, (got[:3], want[:3], len(got))' "$e2e_tmp/body" "$t0"
check "1m series: 200" test "$(api GET "/api/v1/series?channel=gh1/node1/rh&from=$from&to=$to&step=1m")" = 200
check "1m buckets: one reading each, mean = value" python3 -c '
import json,sys; b=json.load(open(sys.argv[1])); t0=int(sys.argv[2])
pts=b["points"]; assert len(pts)==60, len(pts)
for i,p in enumerate(pts):
    assert p["count"]==1 and p["mean"]==50.0+i*0.5 and p["t_ms"]==(t0+i*60)*1000, p' "$e2e_tmp/body" "$t0"
check "1h series: 200" test "$(api GET "/api/v1/series?channel=gh1/node1/co2&from=$from&to=$to&step=1h")" = 200
check "1h buckets hold every reading with the right min, max and mean" python3 -c '
import json,sys; b=json.load(open(sys.argv[1])); t0=int(sys.argv[2]); tm=int(sys.argv[3])
posted=[(t0+i*60, 400.0+i) for i in range(60)] + [(tm+30, 415.0)]  # the mixed pack adds one
vals={}
for t,v in posted: vals.setdefault(t//3600,[]).append(v)
pts=b["points"]; assert sum(p["count"] for p in pts)==61, pts
for p in pts:
    v=vals[p["t_ms"]//3600000]
    assert (p["min"],p["max"],p["count"])==(min(v),max(v),len(v)) and abs(p["mean"]-sum(v)/len(v))<1e-9, p' "$e2e_tmp/body" "$t0" "$t_mixed"
check "bad from: 400" test "$(api GET '/api/v1/series?channel=gh1/node1/co2&from=yesterday')" = 400
check "bad from: names the parameter and the form" python3 -c '
import json,sys; b=json.load(open(sys.argv[1])); assert "from" in b["reason"] and "ISO 8601" in b["reason"], b' "$e2e_tmp/body"
check "bad step: 400" test "$(api GET '/api/v1/series?channel=gh1/node1/co2&step=7x')" = 400
check "bad step: reason names step" grep -q "step" "$e2e_tmp/body"
check "from after to: 400" test "$(api GET "/api/v1/series?channel=gh1/node1/co2&from=$to&to=$from")" = 400
check "missing channel: 400" test "$(api GET '/api/v1/series')" = 400
check "unknown channel: 404" test "$(api GET '/api/v1/series?channel=gh1/zz/zz')" = 404

# --- export --------------------------------------------------------------------------------------
to_all=$(date -u -d "@$(( t_mixed + 60 ))" +%Y-%m-%dT%H:%M:%SZ)
check "CSV export: 200" test "$(api GET "/api/v1/exports?channels=gh1/node1/t_air,gh1/node1/rh,gh1/node1/co2&from=$from&to=$to_all&step=raw&format=csv" -D "$e2e_tmp/headers")" = 200
check "CSV export: attachment header" grep -qi 'content-disposition: attachment; filename="egin-.*\.csv"' "$e2e_tmp/headers"
check "CSV export: chunked" grep -qi 'transfer-encoding: chunked' "$e2e_tmp/headers"
cp "$e2e_tmp/body" "$e2e_tmp/export.csv"
check "CSV export equals what was posted" python3 - "$e2e_tmp/export.csv" "$t0" "$t_mixed" <<'PY'
import csv, sys, datetime
rows = list(csv.reader(open(sys.argv[1], newline="")))
t0, tm = int(sys.argv[2]), int(sys.argv[3])
assert rows[0][1:] == ["gh1/node1/t_air (Cel)", "gh1/node1/rh (%RH)", "gh1/node1/co2 (ppm)"], rows[0]
want = {}
for i in range(60):
    want[t0 + i * 60] = [20.0 + i * 0.25, 50.0 + i * 0.5, 400.0 + i]
want[tm] = [25.5, 61.5, None]
want[tm + 30] = [None, None, 415.0]
got = {}
for r in rows[1:]:
    t = int(datetime.datetime.fromisoformat(r[0]).timestamp())
    got[t] = [float(c) if c != "" else None for c in r[1:]]
assert got == want, sorted(set(got.items()) ^ set((k, tuple(v)) for k, v in want.items()))[:3] if False else (len(got), len(want), [k for k in want if got.get(k) != want[k]][:3])
PY
check "XLSX export: 200" test "$(api GET "/api/v1/exports?channels=gh1/node1/t_air,gh1/node1/co2&from=$from&to=$to_all&step=raw&format=xlsx")" = 200
cp "$e2e_tmp/body" "$e2e_tmp/export.xlsx"
check "XLSX opens with openpyxl and holds the posted values" python3 - "$e2e_tmp/export.xlsx" "$t0" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb.worksheets[0]
rows = list(ws.iter_rows(values_only=True))
t0 = int(sys.argv[2])
assert rows[0][1:] == ("gh1/node1/t_air (Cel)", "gh1/node1/co2 (ppm)"), rows[0]
body = rows[1:]
assert len(body) == 62, len(body)  # 60 minutes, the mixed pack's minute and its +30 s co2
for i in range(60):
    assert body[i][1] == 20.0 + i * 0.25 and body[i][2] == 400.0 + i, (i, body[i])
assert body[60][1] == 25.5 and body[60][2] is None, body[60]
assert body[61][1] is None and body[61][2] == 415.0, body[61]
PY
check "1h CSV export: 200" test "$(api GET "/api/v1/exports?channels=gh1/node1/co2&from=$from&to=$to&step=1h&format=csv")" = 200
check "1h CSV: bucket means weight every reading" python3 - "$e2e_tmp/body" "$t0" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))[1:]
assert 1 <= len(rows) <= 2, rows
PY
check "export bad format: 400" test "$(api GET "/api/v1/exports?channels=gh1/node1/co2&from=$from&to=$to&format=xls")" = 400
check "export bad step: 400" test "$(api GET "/api/v1/exports?channels=gh1/node1/co2&from=$from&to=$to&step=15m")" = 400
check "export missing to: 400" test "$(api GET "/api/v1/exports?channels=gh1/node1/co2&from=$from")" = 400

# --- site model and edits ------------------------------------------------------------------------
check "sites: 200" test "$(api GET /api/v1/sites)" = 200
check "sites: the site" grep -q '"id":"e2e-farm"' "$e2e_tmp/body"
check "zone detail: 200" test "$(api GET /api/v1/zones/gh1)" = 200
check "derived VPD from posted T and RH" python3 -c '
import json,sys,math; b=json.load(open(sys.argv[1]))
ch={c["key"]:c for d in b["devices"] for c in d["channels"]}
v=ch["gh1/derived/vpd_kpa"]["latest"]; assert v is not None, ch["gh1/derived/vpd_kpa"]
es=0.6108*math.exp(17.27*25.5/(25.5+237.3))  # FAO-56 Eq. 11 at the newest T with RH 61.5
assert abs(v["value"]-es*(1-0.615))<1e-6, (v, es*(1-0.615))' "$e2e_tmp/body"
check "unknown zone: 404" test "$(api GET /api/v1/zones/nope)" = 404
check "devices: 200" test "$(api GET /api/v1/devices)" = 200
check "channel by key: 200" test "$(api GET /api/v1/channels/gh1/node1/t_air)" = 200
t_air_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$e2e_tmp/body")
check "channel by id: 200" test "$(api GET "/api/v1/channels/$t_air_id")" = 200
check "channel by id is the same channel" grep -q '"key":"gh1/node1/t_air"' "$e2e_tmp/body"
check "new channel: 201" test "$(api PUT /api/v1/channels/gh1/node1/t_leaf -H 'Content-Type: application/json' -d '{"name":"Leaf temperature","quantity":"leaf_temperature","unit":"Cel","min":-20,"max":60}')" = 201
check "new channel: readings land" test "$(api POST /api/v1/ingest --data-binary "[{\"n\":\"gh1/node1/t_leaf\",\"u\":\"Cel\",\"v\":22.25,\"t\":$t_mixed}]")" = 200
check "new channel: counted" grep -q '"accepted":1' "$e2e_tmp/body"
check "invalid spec (min above max): 400" test "$(api PUT /api/v1/channels/gh1/node1/t_leaf -d '{"name":"Leaf temperature","quantity":"leaf_temperature","unit":"Cel","min":60,"max":-20}')" = 400
check "invalid spec: reason names the field" grep -q 'max\|min' "$e2e_tmp/body"
check "unknown field: 400" test "$(api PUT /api/v1/channels/gh1/node1/t_leaf -d '{"unit":"Cel","min":0,"max":1,"colour":"red"}')" = 400
check "not JSON: 400" test "$(api PUT /api/v1/channels/gh1/node1/t_leaf -d 'min=1')" = 400
check "new zone: 201" test "$(api PUT /api/v1/zones/field9 -d '{"name":"Field 9","kind":"field"}')" = 201
check "new device: 200" test "$(api PUT /api/v1/zones/field9/devices/probe -d '{"model":"soil probe","channels":[{"id":"theta","quantity":"soil_water_content","unit":"%","min":0,"max":60}]}')" = 200
check "device on a missing zone: 404" test "$(api PUT /api/v1/zones/nozone/devices/probe -d '{}')" = 404
check "site file saved with the edits" grep -q 'field9' "$e2e_tmp/site.toml"
check "delete channel: 200" test "$(api DELETE /api/v1/channels/gh1/node1/t_leaf)" = 200
check "deleted channel: 404" test "$(api GET /api/v1/channels/gh1/node1/t_leaf)" = 404
check "storage: 200" test "$(api GET /api/v1/storage)" = 200
check "storage: rows, retention and disk" python3 -c '
import json,sys; b=json.load(open(sys.argv[1]))
assert b["backend"]=="sqlite" and b["rows"]["raw"]>=184 and b["bytes"]>0, b
assert b["retention"][0]["raw_days"]==400 and b["disk"]["free_bytes"]>0, b
assert b["growth"]["days_until_full"] is None or b["growth"]["days_until_full"]>0, b' "$e2e_tmp/body"
check "unknown API route: 404" test "$(api GET /api/v1/nothing)" = 404

# --- metrics -------------------------------------------------------------------------------------
curl -s "$serve_url/metrics" >"$e2e_tmp/metrics"
check "metrics: accepted http records" grep -qE '^egin_ingest_records_total\{source="http",result="accepted"\} 184$' "$e2e_tmp/metrics"
check "metrics: rejects by reason" grep -qE '^egin_ingest_rejected_total\{reason="out_of_range"\} 1$' "$e2e_tmp/metrics"
check "metrics: duplicates" grep -qE '^egin_ingest_records_total\{source="http",result="duplicate"\} 180$' "$e2e_tmp/metrics"
check "metrics: store latency" grep -qE '^egin_store_commit_seconds_total [0-9.e-]+$' "$e2e_tmp/metrics"
check "metrics: queue depth" grep -qE '^egin_ingest_queue_readings [0-9]+$' "$e2e_tmp/metrics"
check "metrics: disk free" grep -qE '^egin_disk_free_bytes [0-9.e+]+$' "$e2e_tmp/metrics"
check "metrics: 401s counted" grep -qE '^egin_http_unauthorized_total [4-9]' "$e2e_tmp/metrics"

# --- graceful stop and restart -------------------------------------------------------------------
api GET /api/v1/channels >/dev/null
python3 -c 'import json,sys; print(json.dumps(sorted((c["key"],c["id"]) for c in json.load(open(sys.argv[1]))["channels"])))' "$e2e_tmp/body" >"$e2e_tmp/ids1"
serve_stop
check "SIGTERM: exit 0" test "$serve_rc" -eq 0
check "SIGTERM: logged the shutdown" grep -q 'event=stopped' "$e2e_tmp/run1.err"

check "restart" serve_start run2 --data-dir "$serve_data" --config "$e2e_tmp/site.toml"
check "restart: token kept" test "$(cat "$serve_data/api-token")" = "$token1"
check "restart: no new token" bash -c "! grep -q 'created the API token' '$e2e_tmp/run2.err'"
api GET /api/v1/channels >/dev/null
python3 -c 'import json,sys; print(json.dumps(sorted((c["key"],c["id"]) for c in json.load(open(sys.argv[1]))["channels"])))' "$e2e_tmp/body" >"$e2e_tmp/ids2"
check "restart: channel ids kept" cmp -s "$e2e_tmp/ids1" "$e2e_tmp/ids2"
check "restart: edits kept" grep -q 'field9/probe/theta' "$e2e_tmp/ids2"
check "restart: raw series kept" test "$(api GET "/api/v1/series?channel=gh1/node1/t_air&from=$from&to=$to&step=raw")" = 200
check "restart: 60 readings" python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["points"])==60' "$e2e_tmp/body"
check "restart: latest from the store" test "$(api GET '/api/v1/latest?channels=gh1/node1/co2')" = 200
check "restart: latest co2 is 415" grep -q '"value":415' "$e2e_tmp/body"
serve_stop
check "second SIGTERM: exit 0" test "$serve_rc" -eq 0

# --- bad options ---------------------------------------------------------------------------------
expect_exit 2 "bad --http" "$egin" serve --data-dir "$serve_data" --http 'nope:port'
check "bad --http names the flag" stderr_has "--http"
expect_exit 2 "bad --db scheme" "$egin" serve --data-dir "$serve_data" --db 'mysql://x' --http 127.0.0.1:0
expect_exit 2 "bad --clock-start" "$egin" serve --data-dir "$serve_data" --clock-factor 60 --clock-start 'soon' --http 127.0.0.1:0
expect_exit 2 "bad site file" "$egin" serve --data-dir "$serve_data" --config "$src/tests/e2e/data/serve/missing.toml" --http 127.0.0.1:0

e2e_finish
