"""Running `egin serve` from a test: start it on loopback with a free port, wait until /healthz
answers, read its API token, send authorised requests, kill it like a power cut (SIGKILL) or stop
it (SIGTERM). Used by the KOAT acceptance tests (tests/e2e/koat_test.sh, koat_export_test.sh)."""

import calendar
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def iso_utc(t_s):
    """'2026-06-01T00:00:00Z', or with milliseconds when t_s has a fraction."""
    whole = int(t_s // 1)
    ms = int(round((t_s - whole) * 1000))
    if ms == 1000:
        whole, ms = whole + 1, 0
    text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole))
    return text + (f".{ms:03d}Z" if ms else "Z")


def parse_iso_utc(text):
    """'2026-06-01T00:00:00Z' -> seconds since the epoch."""
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


class EginServer:
    """One `egin serve` process at a time, restartable on the same data directory."""

    def __init__(self, binary, site_file, data_dir, db_url, mqtt_url=None, clock_factor=None,
                 log_path=None):
        self.binary = binary
        self.site_file = site_file
        self.data_dir = data_dir
        self.db_url = db_url
        self.mqtt_url = mqtt_url
        self.clock_factor = clock_factor
        self.port = free_port()
        self.log_path = log_path or os.path.join(data_dir, "serve.log")
        self.proc = None
        self.token = None
        self.starts = 0

    def start(self, clock_start_s=None, timeout_s=30.0):
        os.makedirs(self.data_dir, exist_ok=True)
        cmd = [self.binary, "serve", "--config", self.site_file, "--db", self.db_url,
               "--http", f"127.0.0.1:{self.port}", "--data-dir", self.data_dir]
        if self.mqtt_url:
            cmd += ["--mqtt", self.mqtt_url]
        if self.clock_factor is not None:
            cmd += ["--clock-factor", str(self.clock_factor)]
        if clock_start_s is not None:
            cmd += ["--clock-start", iso_utc(clock_start_s)]
        log = open(self.log_path, "ab")
        log.write(f"\n==== start {self.starts + 1}: {' '.join(cmd)}\n".encode())
        log.flush()
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        log.close()
        self.starts += 1
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"egin serve exited with {self.proc.returncode}; log:\n"
                                   + self.log_tail())
            try:
                status, _ = self.request("GET", "/healthz", auth=False, timeout=2)
                if status == 200:
                    self.token = self.read_token()
                    return
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError("egin serve did not answer /healthz; log:\n" + self.log_tail())

    def read_token(self):
        with open(os.path.join(self.data_dir, "api-token")) as f:
            return f.read().strip()

    def kill(self):
        """A power cut: SIGKILL, nothing flushed by the program itself."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self, timeout_s=30.0):
        """Graceful shutdown (SIGTERM); SIGKILL when it does not end in time. Returns the code."""
        if not self.proc or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, n_bytes=3000):
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                f.seek(max(0, size - n_bytes))
                return f.read().decode(errors="replace")
        except OSError:
            return "(no log)"

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def headers(self, auth=True):
        return {"Authorization": f"Bearer {self.token}"} if auth and self.token else {}

    def request(self, method, path, body=None, auth=True, timeout=60, content_type=None):
        conn = self.connection(timeout)
        try:
            headers = self.headers(auth)
            if content_type:
                headers["Content-Type"] = content_type
            conn.request(method, path, body=body, headers=headers)
            res = conn.getresponse()
            return res.status, res.read()
        finally:
            conn.close()

    def get_json(self, path, params=None):
        if params:
            path += "?" + urllib.parse.urlencode(params)
        status, body = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}: {body[:400]!r}")
        return json.loads(body)

    def metrics(self):
        """Prometheus text as {(name, labels-text): value}."""
        status, body = self.request("GET", "/metrics", auth=False)
        if status != 200:
            raise RuntimeError(f"GET /metrics: HTTP {status}")
        out = {}
        for line in body.decode().splitlines():
            if not line or line.startswith("#"):
                continue
            name_labels, _, value = line.rpartition(" ")
            name, _, labels = name_labels.partition("{")
            try:
                out[(name, labels.rstrip("}"))] = float(value)
            except ValueError:
                pass
        return out


def metric_sum(metrics, name, *label_filters):
    """Sum of every series of `name` whose label text contains every one of label_filters
    (e.g. 'source="mqtt"', 'result="duplicate"')."""
    return sum(v for (n, labels), v in metrics.items()
               if n == name and all(f in labels for f in label_filters))


def log(*args):
    print(*args, flush=True)
    sys.stdout.flush()
