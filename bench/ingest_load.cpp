// ingest_load: the load generator of bench/ingest_side_by_side.sh. It drives a running server
// with pre-built batches from several client threads for a fixed time and reports the sustained
// rate of ACCEPTED readings (what the server acknowledged as stored, not what was sent):
//
//   http    egin POST /api/v1/ingest, SenML packs (all channels x a few minutes each); the
//           accepted count is read from each answer.
//   influx  InfluxDB 1.x POST /write?precision=ms, the same readings as line protocol, one point
//           per reading ("readings,ch=<key> v=<value> <t_ms>"); 204 accepts the whole batch.
//   mqtt    egin through an MQTT broker: each thread is one publisher (libmosquitto, QoS 1)
//           sending one device's channels x many minutes per message on
//           egin/{site}/{zone}/{device}/obs; the rate is what egin stored, read from its
//           /metrics (egin_ingest_records_total{source="mqtt"}) until every message is in.
//   query-http   times GET /api/v1/series (one channel, a range, a step) N times.
//   query-store  times store::query_series in process on a database file (server stopped).
//
// Readings are distinct (channel, minute) pairs: batch k covers minutes [k*M, (k+1)*M) of every
// channel from --start-ms, so nothing is a duplicate. Channel keys are
// "{zone}/d01/c01" … ({devices} devices x {channels} channels).
// It must not be linked into egin or run by tests: it is a measuring tool.
#include <httplib.h>
#include <mosquitto.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/store/series_query.hpp"
#include "egin/store/time_series_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kMinuteMs = 60000;

struct LoadOptions {
  std::string url = "http://127.0.0.1:8080";
  std::string token;
  std::string db = "bench";  // influx database
  std::string zone = "gh1";
  std::string site = "bench";
  std::string mqtt_host = "127.0.0.1";
  int mqtt_port = 1883;
  std::string metrics_url;  // mqtt mode: egin's base URL for /metrics
  int devices = 10;
  int channels = 10;           // per device
  int minutes_per_batch = 10;  // http/influx: all channels x this; mqtt: one device x this
  int threads = 4;
  double seconds = 20.0;
  double warmup_s = 2.0;
  std::int64_t start_ms = 0;
  // query modes
  std::string channel;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::string step = "1h";
  int repeat = 50;
};

std::string device_id(int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "d%02d", d + 1);
  return buf;
}
std::string channel_id(int c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "c%02d", c + 1);
  return buf;
}

/// A smooth value per (channel index, minute), two decimals, inside -50 … 100.
double reading_value(int ch, std::int64_t minute) {
  const double v = 20.0 +
                   10.0 * std::sin(static_cast<double>(minute % 1440) * 0.00436332 + 0.1 * ch) +
                   0.01 * static_cast<double>(minute % 13);
  return std::round(v * 100.0) / 100.0;
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}
void append_double(std::string& out, double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

/// The rate of accepted readings over time: threads add, a sampler reads once per second.
struct Progress {
  std::atomic<std::int64_t> accepted{0};
  std::atomic<std::int64_t> batches{0};
  std::atomic<std::int64_t> errors{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<std::int64_t> latencies_us;
  std::string first_error;

  void error(const std::string& what) {
    if (errors.fetch_add(1) == 0) {
      const std::lock_guard lock(mutex);
      first_error = what;
    }
  }
};

/// Runs `work(thread index)` on N threads for warmup + seconds; prints the per-second rate and
/// the sustained rate after the warm-up. Returns the sustained rate.
template <typename Work>
double run_timed(const LoadOptions& o, Progress& p, const char* label, Work work) {
  std::vector<std::thread> pool;
  const auto t0 = Clock::now();
  for (int i = 0; i < o.threads; ++i) pool.emplace_back([&, i] { work(i); });
  std::int64_t at_warmup = 0;
  double warm_t = 0.0;
  std::int64_t last = 0;
  const double total_s = o.warmup_s + o.seconds;
  std::printf("%s per second:", label);
  for (int s = 1;; ++s) {
    std::this_thread::sleep_until(t0 + std::chrono::milliseconds(static_cast<int>(s * 1000)));
    const std::int64_t now = p.accepted.load();
    std::printf(" %lld", static_cast<long long>(now - last));
    std::fflush(stdout);
    last = now;
    if (at_warmup == 0 && s >= o.warmup_s) {
      at_warmup = now;
      warm_t = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    if (s >= total_s) break;
  }
  const std::int64_t at_end = p.accepted.load();
  const double end_t = std::chrono::duration<double>(Clock::now() - t0).count();
  p.stop = true;
  for (auto& t : pool) t.join();
  std::printf("\n");
  const double rate = static_cast<double>(at_end - at_warmup) / (end_t - warm_t);
  std::vector<std::int64_t> lat;
  {
    const std::lock_guard lock(p.mutex);
    lat = p.latencies_us;
  }
  std::sort(lat.begin(), lat.end());
  auto pct = [&](double q) {
    return lat.empty()
               ? 0.0
               : static_cast<double>(
                     lat[static_cast<std::size_t>(q * static_cast<double>(lat.size() - 1))]) /
                     1000.0;
  };
  std::printf(
      "RESULT mode=%s threads=%d batch_readings=%d seconds=%.1f accepted_total=%lld "
      "batches=%lld errors=%lld rate=%.0f latency_ms_p50=%.2f p99=%.2f\n",
      label, o.threads, o.devices * o.channels * o.minutes_per_batch, end_t - warm_t,
      static_cast<long long>(p.accepted.load()), static_cast<long long>(p.batches.load()),
      static_cast<long long>(p.errors.load()), rate, pct(0.5), pct(0.99));
  if (p.errors.load() > 0) std::printf("first error: %s\n", p.first_error.c_str());
  return rate;
}

/// Parses "http://host:port" into a cpp-httplib client.
httplib::Client make_client(const std::string& url) {
  httplib::Client client(url);
  client.set_keep_alive(true);
  client.set_read_timeout(120, 0);
  client.set_write_timeout(120, 0);
  client.set_connection_timeout(10, 0);
  return client;
}

// ---- egin over HTTP -------------------------------------------------------------------------

/// A SenML pack of every channel x M minutes whose only varying part is the base time: the
/// records carry times relative to bt, so a batch is head + bt + tail.
struct SenmlTemplate {
  std::string head = "[{\"bt\":";
  std::string tail;
};

SenmlTemplate senml_template(const LoadOptions& o) {
  SenmlTemplate t;
  bool first = true;
  for (int d = 0; d < o.devices; ++d) {
    for (int c = 0; c < o.channels; ++c) {
      const int ch = d * o.channels + c;
      for (int m = 0; m < o.minutes_per_batch; ++m) {
        if (!first) t.tail += ",{";
        first = false;
        t.tail += "\"n\":\"" + o.zone + "/" + device_id(d) + "/" + channel_id(c) + "\",\"t\":";
        append_int(t.tail, 60 * m);
        t.tail += ",\"v\":";
        append_double(t.tail, reading_value(ch, m));
        t.tail += "}";
      }
    }
  }
  t.tail += "]";
  return t;
}

int run_http(const LoadOptions& o) {
  const SenmlTemplate tpl = senml_template(o);
  Progress p;
  std::atomic<std::int64_t> next{0};
  const std::int64_t batch_ms = o.minutes_per_batch * kMinuteMs;
  std::printf("egin HTTP: %s, %d channels x %d minutes = %d readings per pack, %zu bytes\n",
              o.url.c_str(), o.devices * o.channels, o.minutes_per_batch,
              o.devices * o.channels * o.minutes_per_batch, tpl.head.size() + tpl.tail.size() + 16);
  run_timed(o, p, "http", [&](int) {
    auto client = make_client(o.url);
    const httplib::Headers headers{{"Authorization", "Bearer " + o.token}};
    std::string body;
    while (!p.stop.load()) {
      const std::int64_t k = next.fetch_add(1);
      const std::int64_t bt_ms = o.start_ms + k * batch_ms;
      body.clear();
      body += tpl.head;
      append_int(body, bt_ms / 1000);
      body += ",";
      body += tpl.tail;
      const auto t0 = Clock::now();
      auto res = client.Post("/api/v1/ingest", headers, body, "application/senml+json");
      const auto us =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
      if (!res || res->status != 200) {
        p.error(res ? "HTTP " + std::to_string(res->status) + ": " + res->body.substr(0, 300)
                    : "connection: " + httplib::to_string(res.error()));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      // {"accepted":N,…}
      const auto pos = res->body.find("\"accepted\":");
      std::int64_t accepted = 0;
      if (pos != std::string::npos) {
        const char* b = res->body.data() + pos + 11;
        std::from_chars(b, res->body.data() + res->body.size(), accepted);
      }
      p.accepted += accepted;
      ++p.batches;
      const std::lock_guard lock(p.mutex);
      p.latencies_us.push_back(us);
    }
  });
  return p.errors.load() > 0 ? 1 : 0;
}

// ---- InfluxDB 1.x over HTTP ------------------------------------------------------------------

int run_influx(const LoadOptions& o) {
  Progress p;
  std::atomic<std::int64_t> next{0};
  std::vector<std::string> prefixes;  // "readings,ch=gh1/d01/c01 v="
  for (int d = 0; d < o.devices; ++d) {
    for (int c = 0; c < o.channels; ++c) {
      prefixes.push_back("readings,ch=" + o.zone + "/" + device_id(d) + "/" + channel_id(c) +
                         " v=");
    }
  }
  const int per_batch = o.devices * o.channels * o.minutes_per_batch;
  std::printf("InfluxDB line protocol: %s db=%s precision=ms, %d points per batch\n", o.url.c_str(),
              o.db.c_str(), per_batch);
  const std::string path = "/write?db=" + o.db + "&precision=ms";
  run_timed(o, p, "influx", [&](int) {
    auto client = make_client(o.url);
    std::string body;
    while (!p.stop.load()) {
      const std::int64_t k = next.fetch_add(1);
      body.clear();
      for (std::size_t ch = 0; ch < prefixes.size(); ++ch) {
        for (int m = 0; m < o.minutes_per_batch; ++m) {
          body += prefixes[ch];
          append_double(body, reading_value(static_cast<int>(ch), m));
          body += ' ';
          append_int(body, o.start_ms + (k * o.minutes_per_batch + m) * kMinuteMs);
          body += '\n';
        }
      }
      const auto t0 = Clock::now();
      auto res = client.Post(path, body, "text/plain");
      const auto us =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
      if (!res || res->status != 204) {
        p.error(res ? "HTTP " + std::to_string(res->status) + ": " + res->body.substr(0, 300)
                    : "connection: " + httplib::to_string(res.error()));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      p.accepted += per_batch;
      ++p.batches;
      const std::lock_guard lock(p.mutex);
      p.latencies_us.push_back(us);
    }
  });
  return p.errors.load() > 0 ? 1 : 0;
}

// ---- egin through MQTT -------------------------------------------------------------------------

/// egin's count of readings stored from MQTT (accepted + flagged), from its /metrics.
std::int64_t egin_mqtt_stored(httplib::Client& client) {
  auto res = client.Get("/metrics");
  if (!res || res->status != 200) return -1;
  std::int64_t total = 0;
  std::size_t pos = 0;
  const std::string& text = res->body;
  while ((pos = text.find("egin_ingest_records_total{", pos)) != std::string::npos) {
    const std::size_t eol = text.find('\n', pos);
    const std::string line = text.substr(pos, eol - pos);
    pos = eol;
    if (line.find("source=\"mqtt\"") == std::string::npos) continue;
    if (line.find("result=\"accepted\"") == std::string::npos &&
        line.find("result=\"flagged\"") == std::string::npos) {
      continue;
    }
    total += static_cast<std::int64_t>(std::stod(line.substr(line.rfind(' ') + 1)));
  }
  return total;
}

struct Publisher {
  std::mutex mutex;
  std::condition_variable cv;
  std::int64_t in_flight = 0;
  bool connected = false;
};

int run_mqtt(const LoadOptions& o) {
  mosquitto_lib_init();
  const int per_message = o.channels * o.minutes_per_batch;
  // Per device: the tail of its pack (records with times relative to bt).
  std::vector<std::string> tails;
  for (int d = 0; d < o.devices; ++d) {
    std::string tail;
    bool first = true;
    for (int c = 0; c < o.channels; ++c) {
      for (int m = 0; m < o.minutes_per_batch; ++m) {
        if (!first) tail += ",{";
        first = false;
        tail += "\"n\":\"" + channel_id(c) + "\",\"t\":";
        append_int(tail, 60 * m);
        tail += ",\"v\":";
        append_double(tail, reading_value(d * o.channels + c, m));
        tail += "}";
      }
    }
    tails.push_back(tail + "]");
  }
  std::printf("egin MQTT: broker %s:%d, QoS 1, %d readings per message (%d channels x %d min)\n",
              o.mqtt_host.c_str(), o.mqtt_port, per_message, o.channels, o.minutes_per_batch);
  auto metrics = make_client(o.metrics_url);
  const std::int64_t base = egin_mqtt_stored(metrics);
  if (base < 0) {
    std::fprintf(stderr, "ingest_load: cannot read %s/metrics\n", o.metrics_url.c_str());
    return 1;
  }
  std::atomic<std::int64_t> next{0};
  std::atomic<std::int64_t> published{0};
  std::atomic<std::int64_t> stored_now{0};
  std::atomic<bool> stop{false};
  // Publishers wait while more than this many published readings are not yet stored by egin:
  // the broker would otherwise queue minutes of work and the run would measure the drain.
  const std::int64_t backlog_cap = std::max<std::int64_t>(20 * per_message * o.threads, 100000);
  std::atomic<int> failures{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int i = 0; i < o.threads; ++i) {
    pool.emplace_back([&, i] {
      Publisher pub;
      const std::string id = "ingest-load-" + std::to_string(i);
      mosquitto* m = mosquitto_new(id.c_str(), true, &pub);
      mosquitto_max_inflight_messages_set(m, 200);
      mosquitto_connect_callback_set(m, [](mosquitto*, void* obj, int rc) {
        auto* p = static_cast<Publisher*>(obj);
        const std::lock_guard lock(p->mutex);
        p->connected = rc == 0;
        p->cv.notify_all();
      });
      mosquitto_publish_callback_set(m, [](mosquitto*, void* obj, int) {
        auto* p = static_cast<Publisher*>(obj);
        const std::lock_guard lock(p->mutex);
        --p->in_flight;
        p->cv.notify_all();
      });
      if (mosquitto_connect(m, o.mqtt_host.c_str(), o.mqtt_port, 30) != MOSQ_ERR_SUCCESS ||
          mosquitto_loop_start(m) != MOSQ_ERR_SUCCESS) {
        ++failures;
        mosquitto_destroy(m);
        return;
      }
      {
        std::unique_lock lock(pub.mutex);
        pub.cv.wait_for(lock, std::chrono::seconds(10), [&] { return pub.connected; });
      }
      std::string payload;
      while (!stop.load()) {
        const std::int64_t k = next.fetch_add(1);
        const int d = static_cast<int>(k % o.devices);
        const std::int64_t block = k / o.devices;
        const std::int64_t bt_ms = o.start_ms + block * o.minutes_per_batch * kMinuteMs;
        payload = "[{\"bt\":";
        append_int(payload, bt_ms / 1000);
        payload += ",";
        payload += tails[static_cast<std::size_t>(d)];
        const std::string topic = "egin/" + o.site + "/" + o.zone + "/" + device_id(d) + "/obs";
        while (!stop.load() && published.load() * per_message - stored_now.load() > backlog_cap) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        {
          // At most 1000 messages not yet acknowledged by the broker per publisher.
          std::unique_lock lock(pub.mutex);
          pub.cv.wait(lock, [&] { return pub.in_flight < 1000 || stop.load(); });
          ++pub.in_flight;
        }
        if (mosquitto_publish(m, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                              payload.data(), 1, false) != MOSQ_ERR_SUCCESS) {
          ++failures;
          break;
        }
        ++published;
      }
      {
        std::unique_lock lock(pub.mutex);
        pub.cv.wait_for(lock, std::chrono::seconds(30), [&] { return pub.in_flight <= 0; });
      }
      mosquitto_disconnect(m);
      mosquitto_loop_stop(m, false);
      mosquitto_destroy(m);
    });
  }
  // Sample what egin stored every 100 ms (it gates the publishers), print it every second,
  // and go on after the publishers stopped until everything published is stored.
  std::int64_t last = 0;
  std::int64_t at_warmup = -1;
  double warm_t = 0.0;
  double end_t = 0.0;
  std::int64_t stored = 0;
  double changed_t = 0.0;
  std::printf("mqtt stored per second:");
  for (int tick = 1;; ++tick) {
    std::this_thread::sleep_until(t0 + std::chrono::milliseconds(100 * tick));
    const std::int64_t now_stored = egin_mqtt_stored(metrics) - base;
    const double now_t = std::chrono::duration<double>(Clock::now() - t0).count();
    if (now_stored != stored) {
      changed_t = now_t;
      end_t = now_t;
    }
    stored = now_stored;
    stored_now = stored;
    if (tick % 10 != 0) continue;
    const int s = tick / 10;
    std::printf(" %lld", static_cast<long long>(stored - last));
    std::fflush(stdout);
    last = stored;
    if (at_warmup < 0 && s >= o.warmup_s) {
      at_warmup = stored;
      warm_t = now_t;
    }
    if (s >= o.warmup_s + o.seconds && !stop.load()) {
      stop = true;
      for (auto& t : pool) t.join();
    }
    if (stop.load()) {
      const std::int64_t sent = published.load() * per_message;
      if (stored >= sent || now_t - changed_t >= 5.0) break;
    }
  }
  std::printf("\n");
  const std::int64_t sent = published.load() * per_message;
  const double rate = static_cast<double>(stored - at_warmup) / (end_t - warm_t);
  std::printf(
      "RESULT mode=mqtt threads=%d batch_readings=%d published_readings=%lld stored=%lld "
      "seconds_to_last_store=%.1f rate=%.0f failures=%d\n",
      o.threads, per_message, static_cast<long long>(sent), static_cast<long long>(stored), end_t,
      rate, failures.load());
  mosquitto_lib_cleanup();
  return failures.load() > 0 || stored < sent ? 1 : 0;
}

// ---- series queries ------------------------------------------------------------------------

void print_times(const char* label, std::vector<double> ms, std::size_t points) {
  std::sort(ms.begin(), ms.end());
  std::printf("RESULT mode=%s repeat=%zu points=%zu ms_min=%.3f ms_median=%.3f ms_p95=%.3f\n",
              label, ms.size(), points, ms.front(), ms[ms.size() / 2],
              ms[static_cast<std::size_t>(0.95 * static_cast<double>(ms.size() - 1))]);
}

int run_query_http(const LoadOptions& o) {
  auto client = make_client(o.url);
  const httplib::Headers headers{{"Authorization", "Bearer " + o.token}};
  const std::string path = "/api/v1/series?channel=" + o.channel +
                           "&from=" + egin::format_iso_utc(o.from_ms) +
                           "&to=" + egin::format_iso_utc(o.to_ms) + "&step=" + o.step;
  std::vector<double> ms;
  std::size_t points = 0;
  for (int i = 0; i < o.repeat + 1; ++i) {
    const auto t0 = Clock::now();
    auto res = client.Get(path, headers);
    const double dt = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!res || res->status != 200) {
      std::fprintf(stderr, "ingest_load: GET %s: %s\n", path.c_str(),
                   res ? (std::to_string(res->status) + " " + res->body.substr(0, 300)).c_str()
                       : httplib::to_string(res.error()).c_str());
      return 1;
    }
    std::size_t n = 0;
    for (std::size_t pos = 0; (pos = res->body.find("\"count\":", pos)) != std::string::npos;
         ++pos) {
      ++n;
    }
    points = n;
    if (i > 0) ms.push_back(dt);  // the first call warms the connection and caches
  }
  print_times("query-http", ms, points);
  return 0;
}

int run_query_store(const LoadOptions& o) {
  auto store = egin::store::open_store("sqlite:" + o.db);
  egin::store::ChannelId id = -1;
  for (const auto& entry : store->channels()) {
    if (entry.key == o.channel) id = entry.id;
  }
  if (id < 0) {
    std::fprintf(stderr, "ingest_load: no channel %s in %s\n", o.channel.c_str(), o.db.c_str());
    return 1;
  }
  const egin::TimeMs step_ms = egin::store::parse_step_ms(o.step);
  std::vector<double> ms;
  std::size_t points = 0;
  std::int64_t count = 0;
  for (int i = 0; i < o.repeat + 1; ++i) {
    const auto t0 = Clock::now();
    const auto series = egin::store::query_series(*store, id, o.from_ms, o.to_ms, step_ms);
    const double dt = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    points = series.size();
    count = 0;
    for (const auto& p : series) count += p.count;
    if (i > 0) ms.push_back(dt);
  }
  std::printf("query-store: %zu buckets holding %lld readings\n", points,
              static_cast<long long>(count));
  print_times("query-store", ms, points);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ingest_load: load generator and query timer for bench/ingest_side_by_side.sh"};
  app.require_subcommand(1);
  LoadOptions o;
  auto common_load = [&o](CLI::App* cmd) {
    cmd->add_option("--threads", o.threads, "client threads")->check(CLI::Range(1, 256));
    cmd->add_option("--seconds", o.seconds, "measured seconds after the warm-up");
    cmd->add_option("--warmup", o.warmup_s, "seconds before measuring");
    cmd->add_option("--devices", o.devices, "devices (channels keyed zone/dNN/cNN)");
    cmd->add_option("--channels", o.channels, "channels per device");
    cmd->add_option("--minutes", o.minutes_per_batch, "minutes per batch");
    cmd->add_option("--start-ms", o.start_ms, "time of the first reading (ms since epoch)")
        ->required();
    cmd->add_option("--zone", o.zone, "zone id");
  };
  auto* http = app.add_subcommand("http", "egin POST /api/v1/ingest");
  http->add_option("--url", o.url, "egin base URL");
  http->add_option("--token", o.token, "API token")->required();
  common_load(http);
  auto* influx = app.add_subcommand("influx", "InfluxDB 1.x /write, line protocol");
  influx->add_option("--url", o.url, "InfluxDB base URL");
  influx->add_option("--db", o.db, "database");
  common_load(influx);
  auto* mqtt = app.add_subcommand("mqtt", "egin through an MQTT broker (QoS 1)");
  mqtt->add_option("--host", o.mqtt_host, "broker host");
  mqtt->add_option("--port", o.mqtt_port, "broker port");
  mqtt->add_option("--site", o.site, "site id in the topic");
  mqtt->add_option("--metrics-url", o.metrics_url, "egin base URL (for /metrics)")->required();
  common_load(mqtt);
  auto* qhttp = app.add_subcommand("query-http", "time GET /api/v1/series");
  qhttp->add_option("--url", o.url, "egin base URL");
  qhttp->add_option("--token", o.token, "API token")->required();
  auto* qstore = app.add_subcommand("query-store", "time store::query_series in process");
  qstore->add_option("--db", o.db, "SQLite database file")->required();
  for (auto* cmd : {qhttp, qstore}) {
    cmd->add_option("--channel", o.channel, "channel key")->required();
    cmd->add_option("--from-ms", o.from_ms, "range start")->required();
    cmd->add_option("--to-ms", o.to_ms, "range end")->required();
    cmd->add_option("--step", o.step, "step, e.g. 1h");
    cmd->add_option("--repeat", o.repeat, "timed calls");
  }
  CLI11_PARSE(app, argc, argv);
  try {
    if (*http) return run_http(o);
    if (*influx) return run_influx(o);
    if (*mqtt) return run_mqtt(o);
    if (*qhttp) return run_query_http(o);
    if (*qstore) return run_query_store(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ingest_load: %s\n", e.what());
    return 1;
  }
  return 2;
}
