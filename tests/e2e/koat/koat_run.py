"""KOAT 116/117-style 24-hour acceptance run at accelerated time (driven by tests/e2e/koat_test.sh).

A greenhouse with 4 sensor nodes x 6 channels sampled every minute (tests/e2e/data/koat/
koat-site.toml). Every node is its own MQTT client (paho, QoS 1) and publishes one SenML pack per
simulated minute on egin/koat/gh1/nodeN/obs through a real Mosquitto, in simulated time: 24
simulated hours take 24 * 60 / factor real minutes (factor 480: 3 minutes).

Faults, while the publishers never stop:
  - network cut: node 3 loses its connection for 2 simulated hours (06:00-08:00). Its gateway
    keeps sampling, buffers the samples and resends them, oldest first, when the link is back
    (simulated by a clean MQTT disconnect and a reconnect of that node's client).
  - power cut: the server is killed with SIGKILL at 14:00 and started again 30 simulated minutes
    later on the same data directory, its clock continuing simulated time. Meanwhile Mosquitto
    keeps what is published for egin's persistent session (QoS 1), delivered after the restart.

At the end every channel's stored 1-minute samples are counted and compared, value by value,
with what the nodes sent: loss must be at most 0.1 % of 1440 x 24, with no duplicate and no
flagged or altered value. The figures are printed; exit status 0 when every check passed.
"""

import argparse
import json
import math
import os
import shutil
import sqlite3
import sys
import threading
import time

import paho.mqtt.client as mqtt

from eginproc import EginServer, iso_utc, log, metric_sum, parse_iso_utc

MINUTES = 1440
CHANNELS = [("t_air", "Cel"), ("rh", "%RH"), ("co2", "ppm"), ("rad", "W/m2"), ("t_root", "Cel"),
            ("theta", "%")]
NODES = [1, 2, 3, 4]
ZONE = "gh1"


def sample_value(node, channel, m):
    """The value node `node` measures on `channel` at minute m of the day: a diurnal course plus
    a small fast wiggle (never flat, well inside the site file's ranges and rate limits)."""
    day = 2.0 * math.pi * (m / MINUTES - 0.35)
    wiggle = math.sin(0.37 * m + node)
    if channel == "t_air":
        v = 22.0 + 7.0 * math.sin(day) + 0.4 * wiggle
    elif channel == "rh":
        v = 70.0 - 20.0 * math.sin(day) + 2.0 * wiggle
    elif channel == "co2":
        v = 600.0 + 250.0 * math.cos(day) + 15.0 * wiggle
    elif channel == "rad":
        v = max(0.0, 800.0 * math.sin(math.pi * (m - 360) / 720.0)) + 5.0 + 3.0 * wiggle
    elif channel == "t_root":
        v = 20.0 + 2.0 * math.sin(day) + 0.1 * wiggle
    else:
        v = 45.0 + 5.0 * math.sin(day) + 0.5 * wiggle
    return round(v, 2)


class SimClock:
    """Simulated time: sim_s = start_s + (monotonic - r0) * factor."""

    def __init__(self, start_s, r0, factor):
        self.start_s = start_s
        self.r0 = r0
        self.factor = factor

    def now_s(self):
        return self.start_s + (time.monotonic() - self.r0) * self.factor

    def sleep_until(self, sim_s):
        wait = (sim_s - self.now_s()) / self.factor
        if wait > 0:
            time.sleep(wait)


class Node(threading.Thread):
    """One sensor node: its own MQTT client, one pack per simulated minute, QoS 1."""

    def __init__(self, node, port, site_id, clock, day_start_s, cut=None):
        super().__init__(name=f"node{node}", daemon=True)
        self.node = node
        self.clock = clock
        self.day_start_s = day_start_s
        self.cut = cut  # (from_minute, to_minute): link down, samples buffered
        self.topic = f"egin/{site_id}/{ZONE}/node{node}/obs"
        self.port = port
        self.client = mqtt.Client(client_id=f"koat-node{node}", clean_session=True,
                                  protocol=mqtt.MQTTv311)
        self.client.max_inflight_messages_set(100)
        self.connected = threading.Event()
        self.client.on_connect = lambda c, u, f, rc: self.connected.set() if rc == 0 else None
        self.client.on_disconnect = lambda c, u, rc: self.connected.clear()
        self.infos = []
        self.buffered_max = 0
        self.published = 0
        self.error = None

    def pack(self, m):
        t_s = self.day_start_s + 60 * m
        records = []
        for i, (cid, unit) in enumerate(CHANNELS):
            rec = {"n": cid, "u": unit, "v": sample_value(self.node, cid, m)}
            if i == 0:
                rec["bt"] = t_s
            records.append(rec)
        return json.dumps(records, separators=(",", ":"))

    def connect(self):
        self.client.connect("127.0.0.1", self.port, keepalive=30)
        self.client.loop_start()
        if not self.connected.wait(10):
            raise RuntimeError(f"node{self.node}: no CONNACK from the broker")

    def publish(self, payload):
        info = self.client.publish(self.topic, payload, qos=1)
        self.infos.append(info)
        self.published += 1

    def run(self):
        try:
            buffer = []
            link_down = False
            for m in range(MINUTES):
                # Sampled at the minute, sent a few simulated seconds later (nodes spread out).
                self.clock.sleep_until(self.day_start_s + 60 * m + 2 + 3 * self.node)
                payload = self.pack(m)
                in_cut = self.cut is not None and self.cut[0] <= m < self.cut[1]
                if in_cut:
                    if not link_down:
                        log(f"node{self.node}: network cut at {iso_utc(self.clock.now_s())} "
                            f"(simulated); buffering samples")
                        self.client.disconnect()
                        self.client.loop_stop()
                        link_down = True
                    buffer.append(payload)
                    self.buffered_max = max(self.buffered_max, len(buffer))
                    continue
                if link_down:
                    self.connected.clear()
                    self.client.reconnect()
                    self.client.loop_start()
                    if not self.connected.wait(10):
                        raise RuntimeError(f"node{self.node}: no CONNACK after the network cut")
                    log(f"node{self.node}: link back at {iso_utc(self.clock.now_s())} "
                        f"(simulated); resending {len(buffer)} buffered samples")
                    for old in buffer:
                        self.publish(old)
                    buffer.clear()
                    link_down = False
                self.publish(payload)
        except Exception as e:  # reported by the main thread
            self.error = f"{type(e).__name__}: {e}"

    def wait_acked(self, timeout_s):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if all(info.is_published() for info in self.infos):
                return True
            time.sleep(0.05)
        return False


def stored_rows(db_path, keys, from_ms, to_ms):
    """{key: [(t_ms, value, flags), ...]} read straight from the SQLite file (read-only)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        ids = dict(con.execute("SELECT key, id FROM channels").fetchall())
        out = {}
        for key in keys:
            if key not in ids:
                out[key] = []
                continue
            out[key] = con.execute(
                "SELECT t_ms, value, flags FROM readings WHERE channel = ? AND t_ms >= ? AND "
                "t_ms < ? ORDER BY t_ms", (ids[key], from_ms, to_ms)).fetchall()
        return out
    finally:
        con.close()


def stored_total(db_path, from_ms, to_ms):
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        ids = [i for (i, k) in con.execute("SELECT id, key FROM channels") if
               k.startswith(ZONE + "/node")]
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        return con.execute(
            f"SELECT count(*) FROM readings WHERE channel IN ({marks}) AND t_ms >= ? AND t_ms < ?",
            (*ids, from_ms, to_ms)).fetchone()[0]
    finally:
        con.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--egin", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--mqtt-port", type=int, required=True)
    ap.add_argument("--site-id", default="koat")
    ap.add_argument("--factor", type=float, default=480.0)
    ap.add_argument("--day-start", default="2026-05-31T19:00:00Z", help="00:00 local (UTC+5)")
    ap.add_argument("--cut-node", type=int, default=3)
    ap.add_argument("--cut-from-h", type=float, default=6.0)
    ap.add_argument("--cut-hours", type=float, default=2.0)
    ap.add_argument("--power-cut-at-h", type=float, default=14.0)
    ap.add_argument("--power-cut-min", type=float, default=30.0)
    ap.add_argument("--max-loss-pct", type=float, default=0.1)
    args = ap.parse_args()

    day_start_s = parse_iso_utc(args.day_start)
    day_end_s = day_start_s + 86400
    keys = [f"{ZONE}/node{n}/{c}" for n in NODES for c, _ in CHANNELS]
    expected_total = MINUTES * len(keys)
    db_path = os.path.join(args.work, "egin.sqlite")
    data_dir = os.path.join(args.work, "data")
    # The server saves API edits (and derived channels) back to its site file: give it a copy.
    os.makedirs(args.work, exist_ok=True)
    site_copy = os.path.join(args.work, "site.toml")
    shutil.copyfile(args.site, site_copy)
    server = EginServer(args.egin, site_copy, data_dir, f"sqlite:{db_path}",
                        mqtt_url=f"mqtt://127.0.0.1:{args.mqtt_port}", clock_factor=args.factor,
                        log_path=os.path.join(args.work, "serve.log"))

    # Simulated midnight comes 1.5 real seconds from now; the server starts before it.
    clock = SimClock(day_start_s, time.monotonic() + 1.5, args.factor)
    failures = []
    t_real0 = time.monotonic()
    try:
        server.start(clock_start_s=clock.now_s())
        log(f"egin serve up at simulated {iso_utc(clock.now_s())} (factor {args.factor:g}: "
            f"24 simulated hours in {86400 / args.factor / 60:.1f} real minutes)")

        cut_from = int(args.cut_from_h * 60)
        cut = (cut_from, cut_from + int(args.cut_hours * 60))
        nodes = [Node(n, args.mqtt_port, args.site_id, clock, day_start_s,
                      cut if n == args.cut_node else None) for n in NODES]
        for node in nodes:
            node.connect()
        for node in nodes:
            node.start()

        # The power cut: SIGKILL, 30 simulated minutes without a server, restart on the same data.
        kill_at_s = day_start_s + args.power_cut_at_h * 3600
        clock.sleep_until(kill_at_s)
        server.kill()
        killed_real = time.monotonic()
        log(f"power cut: egin serve killed (SIGKILL) at simulated {iso_utc(clock.now_s())}")
        clock.sleep_until(kill_at_s + args.power_cut_min * 60)
        restart_real = time.monotonic()
        server.start(clock_start_s=clock.now_s())
        up_real = time.monotonic()
        log(f"power back: egin serve restarted at simulated {iso_utc(clock.now_s())}, "
            f"answering after {up_real - restart_real:.2f} s real "
            f"(down {(up_real - killed_real) * args.factor / 60:.1f} simulated minutes)")

        for node in nodes:
            node.join()
            if node.error:
                failures.append(f"node{node.node}: {node.error}")
        publish_end_real = time.monotonic()
        for node in nodes:
            if not node.wait_acked(30):
                failures.append(f"node{node.node}: not every QoS 1 publish was acknowledged")

        # Drain: wait until the store holds everything or stops growing.
        from_ms, to_ms = day_start_s * 1000, day_end_s * 1000
        last, stable_since = -1, time.monotonic()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            n = stored_total(db_path, from_ms, to_ms)
            if n >= expected_total:
                break
            if n != last:
                last, stable_since = n, time.monotonic()
            elif time.monotonic() - stable_since > 5:
                break
            time.sleep(0.2)
        drain_s = time.monotonic() - publish_end_real
        if not server.alive():
            failures.append("egin serve died during the run; log:\n" + server.log_tail())

        # The series API: 1-minute buckets hold exactly one reading each; 1-hour buckets 60.
        api_buckets = api_multi = api_hour_bad = 0
        for key in keys:
            body = server.get_json("/api/v1/series", {"channel": key, "from": iso_utc(day_start_s),
                                                      "to": iso_utc(day_end_s), "step": "1m"})
            api_buckets += len(body["points"])
            api_multi += sum(1 for p in body["points"] if p["count"] != 1)
            hours = server.get_json("/api/v1/series", {"channel": key,
                                                       "from": iso_utc(day_start_s),
                                                       "to": iso_utc(day_end_s), "step": "1h"})
            api_hour_bad += sum(1 for p in hours["points"] if p["count"] != 60)
        metrics = server.metrics()
        stop_code = server.stop()
        if stop_code != 0:
            failures.append(f"graceful stop (SIGTERM) exited with {stop_code}")

        # Every stored sample against what the nodes sent.
        rows = stored_rows(db_path, keys, from_ms, to_ms)
        matched = wrong_value = flagged = off_grid = dupes = 0
        per_channel_min = MINUTES
        for key in keys:
            node = int(key.split("/")[1][4:])
            cid = key.split("/")[2]
            seen = set()
            good = 0
            for t_ms, value, flags in rows[key]:
                m, rem = divmod(t_ms - from_ms, 60000)
                if rem != 0:
                    off_grid += 1
                    continue
                if m in seen:
                    dupes += 1
                    continue
                seen.add(m)
                if flags:
                    flagged += 1
                if value is None or abs(value - sample_value(node, cid, m)) > 1e-9:
                    wrong_value += 1
                    continue
                good += 1
            matched += good
            per_channel_min = min(per_channel_min, good)
        missing = expected_total - matched
        loss_pct = 100.0 * missing / expected_total
        cut_node = nodes[NODES.index(args.cut_node)]

        log("")
        log("KOAT 116/117-style 24-hour run (simulated), SQLite, MQTT QoS 1 through Mosquitto")
        log(f"  channels                      {len(keys)} (4 nodes x 6), 1-minute sampling")
        log(f"  packs published (QoS 1)       {sum(n.published for n in nodes)}")
        log(f"  node{args.cut_node} network cut              {args.cut_hours:g} h simulated, "
            f"{cut_node.buffered_max} samples buffered and resent")
        log(f"  power cut                     SIGKILL, {args.power_cut_min:g} simulated minutes; "
            f"restart answered in {up_real - restart_real:.2f} s real")
        log(f"  expected samples              {expected_total} (1440 x {len(keys)})")
        log(f"  stored and matching           {matched} (fewest in one channel: "
            f"{per_channel_min}/1440)")
        log(f"  missing                       {missing} ({loss_pct:.4f} %; limit "
            f"{args.max_loss_pct} %, KOAT 3 %)")
        log(f"  duplicates                    {dupes} stored; API 1-minute buckets with count != 1:"
            f" {api_multi} of {api_buckets}; 1-hour buckets without 60: {api_hour_bad}")
        log(f"  wrong values / off grid       {wrong_value} / {off_grid}; flagged {flagged}")
        outcome = {(src, r): metric_sum(metrics, "egin_ingest_records_total",
                                        f'source="{src}"', f'result="{r}"')
                   for src in ("mqtt", "derived") for r in ("accepted", "duplicate", "rejected")}
        log("  after restart (second process's metrics): MQTT accepted "
            f"{outcome[('mqtt', 'accepted')]:g}, duplicates ignored "
            f"{outcome[('mqtt', 'duplicate')]:g} (QoS 1 redeliveries), rejected "
            f"{outcome[('mqtt', 'rejected')]:g}; derived series accepted "
            f"{outcome[('derived', 'accepted')]:g}, duplicates "
            f"{outcome[('derived', 'duplicate')]:g}")
        log(f"  drain after the last publish  {drain_s:.2f} s real; whole run "
            f"{time.monotonic() - t_real0:.0f} s real")

        if loss_pct > args.max_loss_pct:
            failures.append(f"loss {loss_pct:.4f} % above {args.max_loss_pct} %")
        if dupes or api_multi:
            failures.append(f"duplicates: {dupes} stored, {api_multi} API buckets")
        if api_buckets != matched:
            failures.append(f"the series API shows {api_buckets} 1-minute buckets, the store "
                            f"{matched} samples")
        if api_hour_bad and missing == 0:
            failures.append(f"{api_hour_bad} 1-hour buckets do not hold 60 readings")
        if wrong_value or off_grid:
            failures.append(f"{wrong_value} values differ from what was sent, {off_grid} off grid")
        if flagged:
            failures.append(f"{flagged} smooth samples were flagged")
        if cut_node.buffered_max != int(args.cut_hours * 60):
            failures.append(f"node{args.cut_node} buffered {cut_node.buffered_max} samples")
    except Exception as e:
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        server.kill()

    for f in failures:
        log("FAIL:", f)
    if failures:
        log("egin serve log (tail):\n" + server.log_tail())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
