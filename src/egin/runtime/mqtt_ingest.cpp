#include "egin/runtime/mqtt_ingest.hpp"

#include <mosquitto.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/core/senml.hpp"

namespace egin::runtime {

namespace {

// Joins text pieces (strings, string_views, literals) with one allocation; also keeps GCC 12's
// -Wrestrict false positive on chains of operator+ away.
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  out.reserve((std::string_view(parts).size() + ...));
  (out.append(std::string_view(parts)), ...);
  return out;
}

constexpr std::string_view kUrlExpected = "mqtt://[user[:password]@]host[:port], port 1 to 65535";

[[noreturn]] void bad_url(std::string_view url, const std::string& problem) {
  throw InputError({.file = "", .line = 0, .field = "--mqtt"}, cat("'", url, "': ", problem),
                   std::string(kUrlExpected));
}

// RFC 3986 §2.1 percent-decoding of the user and password parts.
std::string percent_decode(std::string_view url, std::string_view part) {
  std::string out;
  out.reserve(part.size());
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part[i] != '%') {
      out.push_back(part[i]);
      continue;
    }
    int byte = 0;
    if (i + 2 >= part.size() ||
        std::from_chars(part.data() + i + 1, part.data() + i + 3, byte, 16).ptr !=
            part.data() + i + 3) {
      bad_url(url, "'%' not followed by two hex digits");
    }
    out.push_back(static_cast<char>(byte));
    i += 2;
  }
  return out;
}

// Prints at most a few lines per kind of problem per window, then how many were left out, so a
// misbehaving publisher cannot flood the log.
class RateLimitedLog {
 public:
  void write(const std::string& kind, const std::string& line) {
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(mutex_);
    Window& window = windows_[kind];
    if (now - window.start >= kWindow) {
      if (window.suppressed > 0) {
        std::fprintf(stderr, "egin: mqtt: %zu more '%s' messages not logged\n", window.suppressed,
                     kind.c_str());
      }
      window = Window{now, 0, 0};
    }
    if (window.printed < kLinesPerWindow) {
      ++window.printed;
      std::fprintf(stderr, "egin: mqtt: %s\n", line.c_str());
    } else {
      ++window.suppressed;
    }
  }

 private:
  static constexpr auto kWindow = std::chrono::seconds(10);
  static constexpr std::size_t kLinesPerWindow = 5;
  struct Window {
    std::chrono::steady_clock::time_point start{};
    std::size_t printed = 0;
    std::size_t suppressed = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

// "egin/{site}/{zone}/{device}/obs" → zone and device; nullopt for any other shape.
struct TopicParts {
  std::string_view zone;
  std::string_view device;
};

bool is_id(std::string_view text) {
  if (text.empty() || std::islower(static_cast<unsigned char>(text.front())) == 0) return false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::islower(u) == 0 && std::isdigit(u) == 0 && c != '_' && c != '-') return false;
  }
  return true;
}

std::optional<TopicParts> parse_obs_topic(std::string_view topic, std::string_view site_id) {
  std::vector<std::string_view> levels;
  std::size_t start = 0;
  for (;;) {
    const std::size_t slash = topic.find('/', start);
    levels.push_back(
        topic.substr(start, slash == std::string_view::npos ? topic.npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (levels.size() != 5 || levels[0] != "egin" || levels[1] != site_id || levels[4] != "obs" ||
      !is_id(levels[2]) || !is_id(levels[3])) {
    return std::nullopt;
  }
  return TopicParts{levels[2], levels[3]};
}

std::string mosquitto_problem(int rc) {
  if (rc == MOSQ_ERR_ERRNO) return std::string(mosquitto_strerror(rc)) + " (system error)";
  return mosquitto_strerror(rc);
}

}  // namespace

MqttOptions parse_mqtt_url(std::string_view url) {
  constexpr std::string_view kScheme = "mqtt://";
  if (!url.starts_with(kScheme)) bad_url(url, "not an mqtt:// URL");
  std::string_view rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);  // "mqtt://host/" is common
  if (rest.find_first_of("/?#") != std::string_view::npos) {
    bad_url(url, "a path, query or fragment is not allowed");
  }

  MqttOptions options;
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const std::size_t colon = userinfo.find(':');
    options.username = percent_decode(url, userinfo.substr(0, colon));
    if (colon != std::string_view::npos) {
      options.password = percent_decode(url, userinfo.substr(colon + 1));
    }
    if (options.username.empty()) bad_url(url, "empty user name before '@'");
  }

  std::string_view port_text;
  if (rest.starts_with('[')) {  // IPv6 literal, RFC 3986 §3.2.2
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) bad_url(url, "'[' of an IPv6 address is not closed");
    options.host = std::string(rest.substr(1, close - 1));
    const std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') bad_url(url, "unexpected text after the IPv6 address");
      port_text = after.substr(1);
      if (port_text.empty()) bad_url(url, "empty port after ':'");
    }
  } else {
    const std::size_t colon = rest.rfind(':');
    options.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = rest.substr(colon + 1);
      if (port_text.empty()) bad_url(url, "empty port after ':'");
    }
    if (options.host.find(':') != std::string::npos) {
      bad_url(url, "an IPv6 address must be written in brackets");
    }
  }
  if (options.host.empty()) bad_url(url, "no host");
  for (const char c : options.host) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) bad_url(url, "space in the host name");
  }
  if (!port_text.empty()) {
    int port = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 1 ||
        port > 65535) {
      bad_url(url, cat("port '", port_text, "' is not a number from 1 to 65535"));
    }
    options.port = port;
  }
  return options;
}

struct MqttIngest::Impl {
  Impl(MqttOptions options_in, std::string site_id_in, IngestPipeline& pipeline_in,
       Metrics& metrics_in)
      : options(std::move(options_in)),
        site_id(std::move(site_id_in)),
        pipeline(pipeline_in),
        metrics(metrics_in),
        state_topic("egin/" + site_id + "/$state"),
        obs_pattern("egin/" + site_id + "/+/+/obs"),
        connected_gauge(
            metrics.gauge("egin_mqtt_connected", "1 while connected to the MQTT broker")),
        connects(metrics.counter("egin_mqtt_connects_total",
                                 "Successful connections to the MQTT broker")),
        disconnects(metrics.counter("egin_mqtt_disconnects_total",
                                    "Connections to the MQTT broker lost unexpectedly")),
        bursts(metrics.counter("egin_mqtt_bursts_total",
                               "Groups of MQTT messages made durable by one ingest call")),
        burst_size(metrics.counter("egin_mqtt_burst_messages_total",
                                   "Messages in those groups (divide by bursts for the mean)")) {
    if (options.client_id.empty()) options.client_id = "egin-" + site_id;
  }

  MqttOptions options;
  std::string site_id;
  IngestPipeline& pipeline;
  Metrics& metrics;
  std::string state_topic;
  std::string obs_pattern;
  Gauge& connected_gauge;
  Counter& connects;
  Counter& disconnects;
  Counter& bursts;
  Counter& burst_size;
  RateLimitedLog log;

  mosquitto* mosq = nullptr;
  bool started = false;  // guarded by lifecycle_mutex
  std::mutex lifecycle_mutex;
  std::atomic<bool> stopping{false};
  std::atomic<bool> is_connected{false};
  std::thread network;
  std::mutex wake_mutex;
  std::condition_variable wake_cv;  // wakes the back-off wait at stop()
  static constexpr int kMaxDelayS = 30;
  int delay_s = 1;  // network thread only

  // Messages read from the socket whose PUBACKs wait until their readings are durable.
  struct BurstMessage {
    std::string topic;
    std::size_t first = 0;  // first record in burst_records
    std::size_t count = 0;
    bool had_errors = false;  // SenML records that could not be resolved
  };
  static constexpr std::size_t kMaxBurstMessages = 2000;
  static constexpr std::size_t kMaxBurstRecords = 20000;
  std::vector<BurstMessage> burst_messages;  // network thread only
  std::vector<SenmlRecord> burst_records;

  // The "offline" publish at stop() waits for the broker's PUBACK.
  std::mutex publish_mutex;
  std::condition_variable publish_cv;
  int offline_mid = -1;
  bool offline_acked = false;

  Counter& messages(std::string_view result) {
    return metrics.counter("egin_mqtt_messages_total",
                           "MQTT messages received on the obs topics, by outcome",
                           {{"result", std::string(result)}});
  }

  // Makes sure the burst is NOT acknowledged: its PUBACKs are still queued inside libmosquitto;
  // with the socket shut down the next write fails, and reconnecting discards queued packets
  // (mosquitto__reconnect → packet__cleanup_all). The broker keeps the messages in the session
  // and sends them again after the reconnect.
  void drop_connection() {
    const int fd = mosquitto_socket(mosq);
    if (fd >= 0) ::shutdown(fd, SHUT_RDWR);
  }

  void on_connect(int rc) {
    if (rc != 0) {
      log.write("connect", cat("broker ", options.host, ":", std::to_string(options.port),
                               " refused the connection: ", mosquitto_connack_string(rc)));
      return;
    }
    is_connected = true;
    delay_s = 1;
    connected_gauge.set(1.0);
    connects.add();
    // The session keeps the subscription, but a broker that lost its state needs it again.
    const int sub_rc = mosquitto_subscribe(mosq, nullptr, obs_pattern.c_str(), 1);
    if (sub_rc != MOSQ_ERR_SUCCESS) {
      log.write("subscribe",
                cat("cannot subscribe to ", obs_pattern, ": ", mosquitto_problem(sub_rc)));
    }
    constexpr std::string_view kOnline = "online";
    mosquitto_publish(mosq, nullptr, state_topic.c_str(), static_cast<int>(kOnline.size()),
                      kOnline.data(), 1, true);
  }

  void on_disconnect(int rc) {
    is_connected = false;
    connected_gauge.set(0.0);
    if (rc != 0 && !stopping) {
      disconnects.add();
      log.write("disconnect", cat("connection to ", options.host, ":", std::to_string(options.port),
                                  " lost or refused (", mosquitto_problem(rc), "); reconnecting"));
    }
  }

  void on_publish(int mid) {
    const std::lock_guard lock(publish_mutex);
    if (mid == offline_mid) {
      offline_acked = true;
      publish_cv.notify_all();
    }
  }

  // Called by libmosquitto inside mosquitto_loop_read for each PUBLISH; its PUBACK is queued
  // and leaves only with mosquitto_loop_write, which run_network calls after flush_burst().
  // Here the message is only checked and parsed; its records join the burst.
  void on_message(const mosquitto_message& message) {
    const std::string_view topic = message.topic != nullptr ? message.topic : "";
    const auto parts = parse_obs_topic(topic, site_id);
    if (!parts) {
      messages("bad_topic").add();
      log.write("bad_topic", cat("ignored a message on '", topic, "' (expected egin/", site_id,
                                 "/{zone}/{device}/obs)"));
      return;
    }
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   static_cast<std::size_t>(std::max(message.payloadlen, 0)));
    SenmlPack pack;
    try {
      const double now_s =
          std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
              .count();
      pack = parse_senml_json(payload, now_s);
    } catch (const SenmlError& error) {
      messages("bad_payload").add();
      log.write("bad_payload",
                cat("ignored a message on '", topic, "': not a SenML pack: ", error.what()));
      return;
    }
    if (!pack.errors.empty()) {
      metrics
          .counter("egin_mqtt_records_unresolved_total",
                   "SenML records in MQTT packs that could not be resolved (no name, bad value)")
          .add(static_cast<double>(pack.errors.size()));
      // The same label the HTTP route counts its parser rejects under.
      metrics
          .counter("egin_ingest_rejected_total", "Rejected records by reason",
                   {{"reason", "malformed_record"}})
          .add(static_cast<double>(pack.errors.size()));
      const std::string more = pack.errors.size() > 1
                                   ? cat(" (and ", std::to_string(pack.errors.size() - 1), " more)")
                                   : std::string();
      log.write("malformed_record",
                cat("'", topic, "': record ", std::to_string(pack.errors.front().index), ": ",
                    pack.errors.front().reason, more));
    }
    // Records are named with their full key here, so that one ingest() call takes the whole
    // burst, in arrival order (a device's readings stay in order for the validator).
    const std::string prefix = cat(parts->zone, "/", parts->device, "/");
    BurstMessage entry{std::string(topic), burst_records.size(), pack.records.size(),
                       !pack.errors.empty()};
    for (auto& record : pack.records) {
      record.name.insert(0, prefix);
      burst_records.push_back(std::move(record));
    }
    burst_messages.push_back(std::move(entry));
  }

  [[nodiscard]] bool burst_full() const {
    return burst_messages.size() >= kMaxBurstMessages || burst_records.size() >= kMaxBurstRecords;
  }

  // Makes every record of the burst durable with one ingest() (one group commit). On failure
  // the connection is dropped so that none of the burst's PUBACKs is written.
  void flush_burst() {
    if (burst_messages.empty()) return;
    std::vector<std::size_t> owner(burst_records.size());
    for (std::size_t m = 0; m < burst_messages.size(); ++m) {
      const auto& entry = burst_messages[m];
      for (std::size_t i = 0; i < entry.count; ++i) owner[entry.first + i] = m;
    }
    for (std::size_t i = 0; i < burst_records.size(); ++i) burst_records[i].index = i;
    burst_size.add(static_cast<double>(burst_messages.size()));
    bursts.add();

    IngestResult result;
    bool acknowledge = true;
    try {
      if (!burst_records.empty()) result = pipeline.ingest(burst_records, "", IngestSource::mqtt);
    } catch (const std::exception& error) {
      messages("store_unavailable").add(static_cast<double>(burst_messages.size()));
      log.write("store", cat("could not store ", std::to_string(burst_messages.size()),
                             " messages (", error.what(), "); they stay with the broker"));
      acknowledge = false;
    }
    for (const auto& reject : result.rejects) {
      if (reject.reason_code == "shutting_down") acknowledge = false;
    }
    if (!acknowledge) {
      if (result.rejects.size() > 0) {
        messages("not_acknowledged").add(static_cast<double>(burst_messages.size()));
      }
      drop_connection();
      burst_messages.clear();
      burst_records.clear();
      return;
    }

    std::vector<std::size_t> rejected(burst_messages.size(), 0);
    std::vector<const IngestReject*> first_reject(burst_messages.size(), nullptr);
    for (const auto& reject : result.rejects) {
      const std::size_t m = reject.index < owner.size() ? owner[reject.index] : 0;
      ++rejected[m];
      if (first_reject[m] == nullptr) first_reject[m] = &reject;
    }
    for (std::size_t m = 0; m < burst_messages.size(); ++m) {
      const auto& entry = burst_messages[m];
      if (rejected[m] == 0 && !entry.had_errors) {
        messages("ok").add();
        continue;
      }
      messages(rejected[m] < entry.count ? "partial" : "rejected").add();
      if (first_reject[m] != nullptr) {
        log.write("rejected", cat("'", entry.topic, "': ", std::to_string(rejected[m]), " of ",
                                  std::to_string(entry.count), " records rejected, first: ",
                                  first_reject[m]->name, ": ", first_reject[m]->reason));
      }
    }
    burst_messages.clear();
    burst_records.clear();
  }

  // The network thread: connects; reads every PUBLISH the socket holds (a burst), makes the
  // burst durable, and only then lets libmosquitto write the queued PUBACKs; after any failure
  // waits 1, 2, 4 … 30 s (reset by a successful CONNACK) before connecting again, until stop().
  void run_network() {
    bool have_socket = false;
    bool first = true;
    std::optional<std::chrono::steady_clock::time_point> stop_seen;
    auto lost = [&] {
      have_socket = false;
      burst_messages.clear();  // never acknowledged; the broker sends them again
      burst_records.clear();
    };
    for (;;) {
      if (!have_socket) {
        if (stopping) break;
        const int rc = first ? mosquitto_connect_async(mosq, options.host.c_str(), options.port,
                                                       options.keepalive_s)
                             : mosquitto_reconnect_async(mosq);
        if (rc == MOSQ_ERR_SUCCESS) {
          first = false;
          have_socket = true;
        } else {
          if (rc != MOSQ_ERR_ERRNO && rc != MOSQ_ERR_EAI && rc != MOSQ_ERR_NO_CONN) first = false;
          log.write("connect", cat("cannot reach the broker at ", options.host, ":",
                                   std::to_string(options.port), " (", mosquitto_problem(rc),
                                   "); retrying in ", std::to_string(delay_s), " s"));
          back_off();
          continue;
        }
      }
      const int fd = mosquitto_socket(mosq);
      if (fd < 0) {
        lost();
        if (stopping) break;
        back_off();
        continue;
      }
      pollfd watch{fd, static_cast<short>(POLLIN | (mosquitto_want_write(mosq) ? POLLOUT : 0)), 0};
      // Short timeout: packets queued by other threads (stop()) are written within it.
      const int ready = ::poll(&watch, 1, 50);
      int rc = MOSQ_ERR_SUCCESS;
      if (ready > 0 && (watch.revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
        for (;;) {
          rc = mosquitto_loop_read(mosq, 1);
          if (rc != MOSQ_ERR_SUCCESS || burst_full()) break;
          const int more_fd = mosquitto_socket(mosq);
          if (more_fd < 0) break;
          pollfd more{more_fd, POLLIN, 0};
          if (::poll(&more, 1, 0) <= 0) break;
        }
        if (rc == MOSQ_ERR_SUCCESS) {
          flush_burst();
        } else {
          lost();
        }
      }
      if (rc == MOSQ_ERR_SUCCESS && mosquitto_want_write(mosq)) {
        rc = mosquitto_loop_write(mosq, 1);
      }
      if (rc == MOSQ_ERR_SUCCESS) rc = mosquitto_loop_misc(mosq);
      if (rc != MOSQ_ERR_SUCCESS) {
        lost();
        if (stopping) break;
        back_off();
        continue;
      }
      // A DISCONNECT that cannot be written (dead peer) must not keep stop() waiting.
      if (stopping) {
        const auto now = std::chrono::steady_clock::now();
        if (!stop_seen) stop_seen = now;
        if (now - *stop_seen > std::chrono::seconds(3)) break;
      }
    }
  }

  void back_off() {
    std::unique_lock lock(wake_mutex);
    wake_cv.wait_for(lock, std::chrono::seconds(delay_s), [&] { return stopping.load(); });
    delay_s = std::min(delay_s * 2, kMaxDelayS);
  }

  static Impl& self(void* obj) { return *static_cast<Impl*>(obj); }
};

MqttIngest::MqttIngest(MqttOptions options, std::string site_id, IngestPipeline& pipeline,
                       Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(site_id), pipeline, metrics)) {
  mosquitto_lib_init();  // idempotent; never cleaned up: other clients may live in the process
  Impl& p = *impl_;
  // clean_session = false: the broker keeps the subscription and queues QoS 1 messages while
  // egin is away (MQTT 3.1.1 §3.1.2.4).
  p.mosq = mosquitto_new(p.options.client_id.c_str(), false, &p);
  if (p.mosq == nullptr) throw std::runtime_error("mqtt: cannot create a client (out of memory)");
  mosquitto_int_option(p.mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  mosquitto_int_option(p.mosq, MOSQ_OPT_TCP_NODELAY, 1);
  // Messages we publish ourselves ($state) in flight at once.
  mosquitto_max_inflight_messages_set(p.mosq, 20);
  // Our own network thread (run_network) instead of mosquitto_loop_start: it holds PUBACKs
  // back until a whole burst of messages is durable (one group commit for many messages),
  // retries the first connection, and never gives up on an error libmosquitto's loop treats as
  // final. Threaded mode makes libmosquitto queue packets instead of writing them at once.
  mosquitto_threaded_set(p.mosq, true);
  if (!p.options.username.empty()) {
    mosquitto_username_pw_set(p.mosq, p.options.username.c_str(),
                              p.options.password.empty() ? nullptr : p.options.password.c_str());
  }
  constexpr std::string_view kOffline = "offline";
  mosquitto_will_set(p.mosq, p.state_topic.c_str(), static_cast<int>(kOffline.size()),
                     kOffline.data(), 1, true);
  mosquitto_connect_callback_set(
      p.mosq, [](mosquitto*, void* obj, int rc) { Impl::self(obj).on_connect(rc); });
  mosquitto_disconnect_callback_set(
      p.mosq, [](mosquitto*, void* obj, int rc) { Impl::self(obj).on_disconnect(rc); });
  mosquitto_publish_callback_set(
      p.mosq, [](mosquitto*, void* obj, int mid) { Impl::self(obj).on_publish(mid); });
  mosquitto_message_callback_set(p.mosq, [](mosquitto*, void* obj, const mosquitto_message* m) {
    // libmosquitto queues the PUBACK of a QoS 1 message around this call and, the client being
    // marked threaded, writes it only in mosquitto_loop_write, which run_network calls after
    // flush_burst() made the readings durable: acknowledged ⇒ stored. Nothing may escape into
    // C code.
    try {
      Impl::self(obj).on_message(*m);
    } catch (...) {
      Impl::self(obj).drop_connection();
    }
  });
}

MqttIngest::~MqttIngest() {
  stop();
  if (impl_->mosq != nullptr) mosquitto_destroy(impl_->mosq);
}

void MqttIngest::start() {
  Impl& p = *impl_;
  const std::lock_guard lock(p.lifecycle_mutex);
  if (p.started) return;
  p.stopping = false;
  p.delay_s = 1;
  p.network = std::thread([&p] { p.run_network(); });
  p.started = true;
}

void MqttIngest::stop() {
  Impl& p = *impl_;
  const std::lock_guard lock(p.lifecycle_mutex);
  if (!p.started) return;
  p.stopping = true;
  if (p.is_connected) {
    constexpr std::string_view kOffline = "offline";
    std::unique_lock publish_lock(p.publish_mutex);
    p.offline_acked = false;
    int mid = -1;
    // Publishing and recording the mid under the lock: the PUBACK cannot be handled before.
    if (mosquitto_publish(p.mosq, &mid, p.state_topic.c_str(), static_cast<int>(kOffline.size()),
                          kOffline.data(), 1, true) == MOSQ_ERR_SUCCESS) {
      p.offline_mid = mid;
      p.publish_cv.wait_for(publish_lock, std::chrono::seconds(2), [&] { return p.offline_acked; });
    }
    p.offline_mid = -1;
  }
  mosquitto_disconnect(p.mosq);
  p.wake_cv.notify_all();
  p.network.join();
  p.is_connected = false;
  p.connected_gauge.set(0.0);
  p.started = false;
}

bool MqttIngest::connected() const { return impl_->is_connected; }

}  // namespace egin::runtime
