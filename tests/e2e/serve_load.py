#!/usr/bin/env python3
"""Load and proof for the `egin serve` durability test (serve_crash_test.sh).

  serve_load.py http URL_FILE TOKEN_FILE OUT BASE_S CHANNEL...   one poster thread per channel;
      posts SenML packs of 250 one-second readings until the server stops answering (or 60 s),
      and writes every reading whose pack got a 2xx to OUT as "key t_ms value" lines.
  serve_load.py mqtt HOST PORT TOPIC KEY OUT BASE_S STOP_FILE   publishes packs of 50 readings
      with QoS 1 until STOP_FILE exists, and writes the readings of every message the broker
      acknowledged (PUBACK) to OUT.
  serve_load.py verify URL TOKEN_FILE ACKED_FILE...             proves every acknowledged reading
      is stored exactly once with its value (GET /api/v1/series, raw); prints the counts.
  serve_load.py wait URL TOKEN_FILE TIMEOUT_S ACKED_FILE...     like verify, retried until it
      passes or the time is up (MQTT messages queued in the broker arrive after a restart).
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import urllib.request

PACK = 250


def post_loop(url_file, token, key, base_s, index, out_lines, lock):
    zone_device, name = key.rsplit("/", 1)
    i = 0
    deadline = time.time() + 60
    conn = None
    while time.time() < deadline:
        try:
            url = urllib.parse.urlparse(open(url_file).read().strip())
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            recs = [{"bn": zone_device + "/", "bt": base_s + i, "n": name, "v": (i % 5000) * 0.01}]
            for j in range(1, PACK):
                recs.append({"n": name, "t": j, "v": ((i + j) % 5000) * 0.01})
            body = json.dumps(recs)
            conn.request("POST", "/api/v1/ingest", body,
                         {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
            resp = conn.getresponse()
            body_text = resp.read()
        except (OSError, http.client.HTTPException):
            return  # the server is gone: stop, as a device would until it is back
        if 200 <= resp.status < 300:
            # Acknowledged means accepted (or already stored): a record the answer lists as
            # rejected (e.g. future_time once the readings outrun the clock) was not acknowledged.
            answer = json.loads(body_text) if body_text else {}
            rejected = {r.get("index") for r in answer.get("rejects", [])}
            with lock:
                for j in range(PACK):
                    if j in rejected:
                        continue
                    t_ms = (base_s + i + j) * 1000
                    out_lines.append(f"{key} {t_ms} {((i + j) % 5000) * 0.01!r}")
            if len(rejected) == PACK:
                return  # nothing lands any more: the readings have reached the server's now
        i += PACK


def cmd_http(args):
    url_file, token_file, out, base_s = args[0], args[1], args[2], int(args[3])
    keys = args[4:]
    token = open(token_file).read().strip()
    lines, lock = [], threading.Lock()
    threads = [threading.Thread(target=post_loop, args=(url_file, token, k, base_s, n, lines, lock))
               for n, k in enumerate(keys)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(out, "w") as f:
        f.write("\n".join(lines) + ("\n" if lines else ""))
    print(f"http: {len(lines)} readings acknowledged", file=sys.stderr)


def cmd_mqtt(args):
    import os
    import paho.mqtt.client as mqtt
    host, port, topic, key, out, base_s, stop_file = args[0], int(args[1]), args[2], args[3], args[4], int(args[5]), args[6]
    name = key.rsplit("/", 1)[1]
    pending, acked, lock = {}, [], threading.Lock()

    def on_publish(client, userdata, mid):
        with lock:
            acked.extend(pending.pop(mid, []))

    client = mqtt.Client(client_id="e2e-publisher", clean_session=True)
    client.max_inflight_messages_set(100)
    client.on_publish = on_publish
    client.connect(host, port)
    client.loop_start()
    i = 0
    n = 50
    while not os.path.exists(stop_file):
        recs = [{"bn": "", "bt": base_s + i, "n": name, "v": (i % 5000) * 0.01}]
        for j in range(1, n):
            recs.append({"n": name, "t": j, "v": ((i + j) % 5000) * 0.01})
        lines = [f"{key} {(base_s + i + j) * 1000} {((i + j) % 5000) * 0.01!r}" for j in range(n)]
        with lock:
            info = client.publish(topic, json.dumps(recs), qos=1)
            pending[info.mid] = lines
        i += n
        time.sleep(0.01)
    deadline = time.time() + 10
    while time.time() < deadline:
        with lock:
            if not pending:
                break
        time.sleep(0.05)
    client.loop_stop()
    client.disconnect()
    with open(out, "w") as f:
        f.write("\n".join(acked) + ("\n" if acked else ""))
    print(f"mqtt: {len(acked)} readings acknowledged by the broker", file=sys.stderr)


def fetch_raw(url, token, key, from_ms, to_ms):
    q = urllib.parse.urlencode({"channel": key, "step": "raw",
                                "from": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(from_ms // 1000)),
                                "to": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(to_ms // 1000 + 1))})
    req = urllib.request.Request(f"{url}/api/v1/series?{q}", headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)["points"]


def verify(url, token, files):
    acked = {}
    for path in files:
        for line in open(path):
            if not line.strip():
                continue
            key, t_ms, value = line.split()
            acked.setdefault(key, {})[int(t_ms)] = float(value)
    problems, total, stored_total = [], 0, 0
    for key, want in acked.items():
        points = fetch_raw(url, token, key, min(want), max(want))
        stored_total += len(points)
        times = [p["t_ms"] for p in points]
        if len(times) != len(set(times)):
            problems.append(f"{key}: a time stamp is stored twice")
        got = {p["t_ms"]: p["value"] for p in points}
        for t_ms, value in want.items():
            total += 1
            if t_ms not in got:
                problems.append(f"{key} t_ms={t_ms}: acknowledged but missing")
            elif got[t_ms] != value:
                problems.append(f"{key} t_ms={t_ms}: stored {got[t_ms]}, acknowledged {value}")
    return total, stored_total, problems


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "http":
        cmd_http(args)
    elif cmd == "mqtt":
        cmd_mqtt(args)
    elif cmd in ("verify", "wait"):
        url, token = args[0], open(args[1]).read().strip()
        timeout = float(args[2]) if cmd == "wait" else 0.0
        files = args[3:] if cmd == "wait" else args[2:]
        deadline = time.time() + timeout
        while True:
            total, stored, problems = verify(url, token, files)
            if not problems or time.time() >= deadline:
                break
            time.sleep(0.5)
        print(f"verify: {total} acknowledged readings, {stored} stored in their range, "
              f"{len(problems)} problems", file=sys.stderr)
        for p in problems[:10]:
            print("  " + p, file=sys.stderr)
        sys.exit(1 if problems or total == 0 else 0)


if __name__ == "__main__":
    main()
