// MqttIngest against a real Mosquitto broker, a real SQLite store and the real pipeline.
#include "egin/runtime/mqtt_ingest.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "egin/core/input_error.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/store/time_series_store.hpp"
#include "mosquitto_broker.hpp"

namespace egin::runtime {
namespace {

using egin::testing::MosquittoBroker;
using egin::testing::MqttTestClient;
using namespace std::chrono_literals;

ChannelSpec channel(std::string id, std::string quantity, std::string unit, double min,
                    double max) {
  ChannelSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.quantity = std::move(quantity);
  spec.unit = std::move(unit);
  spec.min = min;
  spec.max = max;
  return spec;
}

Site test_site() {
  Site site;
  site.id = "farm";
  DeviceSpec node;
  node.id = "node1";
  node.channels = {channel("t_air", "air_temperature", "Cel", -40.0, 60.0),
                   channel("rh", "relative_humidity", "%RH", 0.0, 100.0)};
  ZoneSpec zone;
  zone.id = "gh1";
  zone.kind = ZoneKind::greenhouse;
  zone.devices = {node};
  site.zones.push_back(zone);
  return site;
}

// A whole second an hour ago: inside the validation window, on the millisecond grid.
TimeMs base_time_ms() {
  return (SystemClock().now_ms() / kMsPerSecond) * kMsPerSecond - kMsPerHour;
}

std::string pack_json(const std::vector<std::pair<std::string, double>>& values, TimeMs t_ms,
                      const std::string& unit = {}) {
  std::vector<SenmlRecord> records;
  for (const auto& [name, value] : values) {
    SenmlRecord r;
    r.name = name;
    r.value = value;
    r.unit = unit;
    r.time_s = static_cast<double>(t_ms) / 1000.0;
    records.push_back(r);
  }
  return write_senml_json(records);
}

std::vector<store::Reading> stored(store::TimeSeriesStore& store, store::ChannelId id) {
  std::vector<store::Reading> out;
  store.query_raw(id, 0, SystemClock().now_ms() + kMsPerDay,
                  [&](const store::Reading& r) { out.push_back(r); });
  return out;
}

double counter_value(Metrics& metrics, std::string_view name, const MetricLabels& labels) {
  return metrics.counter(name, "", labels).value();
}

// Counters move just after the store commit a test sees, so wait for them to settle.
double counter_reaching(Metrics& metrics, std::string_view name, const MetricLabels& labels,
                        double expected) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (counter_value(metrics, name, labels) < expected &&
         std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return counter_value(metrics, name, labels);
}

// Forwards everything to a real store; write() can be made to fail (the database "gone").
class FlakyStore final : public store::TimeSeriesStore {
 public:
  explicit FlakyStore(store::TimeSeriesStore& inner) : inner_(inner) {}
  std::atomic<bool> fail{false};
  std::atomic<int> write_calls{0};

  [[nodiscard]] std::string_view backend() const override { return inner_.backend(); }
  store::ChannelId ensure_channel(std::string_view key, std::string_view cls) override {
    return inner_.ensure_channel(key, cls);
  }
  std::vector<store::ChannelEntry> channels() override { return inner_.channels(); }
  store::WriteResult write(std::span<const store::Reading> readings) override {
    ++write_calls;
    if (fail) throw std::runtime_error("disk I/O error (test)");
    return inner_.write(readings);
  }
  void query_raw(store::ChannelId c, TimeMs from, TimeMs to,
                 const std::function<void(const store::Reading&)>& visit) override {
    inner_.query_raw(c, from, to, visit);
  }
  void query_rollup(store::ChannelId c, store::Resolution level, TimeMs from, TimeMs to,
                    const std::function<void(const store::RollupRow&)>& visit) override {
    inner_.query_rollup(c, level, from, to, visit);
  }
  std::optional<store::Reading> latest(store::ChannelId c) override { return inner_.latest(c); }
  store::RetentionResult apply_retention(std::span<const store::RetentionRule> rules,
                                         TimeMs now) override {
    return inner_.apply_retention(rules, now);
  }
  store::StorageUsage usage() override { return inner_.usage(); }

 private:
  store::TimeSeriesStore& inner_;
};

class MqttIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("egin-mqtt-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The egin side: store, site, pipeline (created on demand so a test can fork first).
  struct Server {
    Server(const std::string& db_url, int port, const std::string& client_id = {})
        : store(store::open_store(db_url)),
          flaky(*store),
          site(test_site(), flaky),
          pipeline(site, flaky, clock, metrics) {
      options.host = "127.0.0.1";
      options.port = port;
      options.client_id = client_id;
      mqtt = std::make_unique<MqttIngest>(options, "farm", pipeline, metrics);
    }
    ~Server() { mqtt.reset(); }
    store::ChannelId id(std::string_view key) const { return site.find(key)->id; }
    bool wait_count(std::string_view key, std::size_t n, std::chrono::milliseconds timeout = 20s) {
      const auto until = std::chrono::steady_clock::now() + timeout;
      while (std::chrono::steady_clock::now() < until) {
        if (stored(*store, id(key)).size() >= n) return true;
        std::this_thread::sleep_for(20ms);
      }
      return false;
    }
    bool wait_connected(std::chrono::milliseconds timeout = 20s) const {
      const auto until = std::chrono::steady_clock::now() + timeout;
      while (std::chrono::steady_clock::now() < until) {
        if (mqtt->connected()) return true;
        std::this_thread::sleep_for(10ms);
      }
      return false;
    }

    SystemClock clock;
    Metrics metrics;
    std::unique_ptr<store::TimeSeriesStore> store;
    FlakyStore flaky;
    LiveSite site;
    IngestPipeline pipeline;
    MqttOptions options;
    std::unique_ptr<MqttIngest> mqtt;
  };

  std::string db_url() const { return "sqlite:" + (dir_ / "egin.db").string(); }

  std::filesystem::path dir_;
};

TEST_F(MqttIngestTest, PublishedReadingsLandWithChannelTimeAndValue) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.mqtt->start();
  ASSERT_TRUE(server.wait_connected());

  MqttTestClient device(broker.port(), "node1");
  const TimeMs t0 = base_time_ms();
  device.publish("egin/farm/gh1/node1/obs", pack_json({{"t_air", 21.5}, {"rh", 64.0}}, t0));
  device.publish("egin/farm/gh1/node1/obs",
                 pack_json({{"t_air", 22.25}}, t0 + kMsPerMinute, "Cel"));
  ASSERT_TRUE(device.wait_acked());

  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", 2));
  ASSERT_TRUE(server.wait_count("gh1/node1/rh", 1));
  const auto t_air = stored(*server.store, server.id("gh1/node1/t_air"));
  ASSERT_EQ(t_air.size(), 2U);
  EXPECT_EQ(t_air[0].t_ms, t0);
  EXPECT_DOUBLE_EQ(t_air[0].value, 21.5);
  EXPECT_EQ(t_air[1].t_ms, t0 + kMsPerMinute);
  EXPECT_DOUBLE_EQ(t_air[1].value, 22.25);
  const auto rh = stored(*server.store, server.id("gh1/node1/rh"));
  ASSERT_EQ(rh.size(), 1U);
  EXPECT_EQ(rh[0].t_ms, t0);
  EXPECT_DOUBLE_EQ(rh[0].value, 64.0);
  EXPECT_EQ(counter_reaching(server.metrics, "egin_mqtt_messages_total", {{"result", "ok"}}, 2.0),
            2.0);
  EXPECT_EQ(counter_reaching(server.metrics, "egin_ingest_records_total",
                             {{"source", "mqtt"}, {"result", "accepted"}}, 3.0),
            3.0);
}

TEST_F(MqttIngestTest, BadTopicsPayloadsAndRecordsAreCountedAndLaterGoodOnesLand) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.mqtt->start();
  ASSERT_TRUE(server.wait_connected());

  MqttTestClient device(broker.port(), "node1");
  const TimeMs t0 = base_time_ms();
  // Matches egin/farm/+/+/obs but names no zone / an id egin cannot have.
  device.publish("egin/farm//node1/obs", pack_json({{"t_air", 20.0}}, t0));
  device.publish("egin/farm/GH1/node1/obs", pack_json({{"t_air", 20.0}}, t0));
  // Not SenML at all, then a JSON object instead of an array.
  device.publish("egin/farm/gh1/node1/obs", "t_air=20.0");
  device.publish("egin/farm/gh1/node1/obs", R"({"n":"t_air","v":20})");
  device.publish("egin/farm/gh1/node1/obs", "");
  // One record out of range, one good: the good one lands.
  device.publish("egin/farm/gh1/node1/obs", pack_json({{"t_air", 130.0}, {"rh", 50.0}}, t0));
  // A device egin does not know: every record rejected.
  device.publish("egin/farm/gh1/node9/obs", pack_json({{"t_air", 20.0}}, t0));
  // Then good ones.
  for (int i = 0; i < 5; ++i) {
    device.publish("egin/farm/gh1/node1/obs",
                   pack_json({{"t_air", 20.0 + i}}, t0 + (i + 1) * kMsPerMinute));
  }
  ASSERT_TRUE(device.wait_acked());
  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", 5));
  ASSERT_TRUE(server.wait_count("gh1/node1/rh", 1));

  EXPECT_EQ(stored(*server.store, server.id("gh1/node1/t_air")).size(), 5U);
  const auto rh = stored(*server.store, server.id("gh1/node1/rh"));
  ASSERT_EQ(rh.size(), 1U);
  EXPECT_DOUBLE_EQ(rh[0].value, 50.0);
  auto& m = server.metrics;
  EXPECT_EQ(counter_value(m, "egin_mqtt_messages_total", {{"result", "bad_topic"}}), 2.0);
  EXPECT_EQ(counter_value(m, "egin_mqtt_messages_total", {{"result", "bad_payload"}}), 3.0);
  EXPECT_EQ(counter_value(m, "egin_mqtt_messages_total", {{"result", "partial"}}), 1.0);
  EXPECT_EQ(counter_value(m, "egin_mqtt_messages_total", {{"result", "rejected"}}), 1.0);
  EXPECT_EQ(counter_reaching(m, "egin_mqtt_messages_total", {{"result", "ok"}}, 5.0), 5.0);
  EXPECT_EQ(counter_value(m, "egin_ingest_rejected_total", {{"reason", "out_of_range"}}), 1.0);
  EXPECT_EQ(counter_value(m, "egin_ingest_rejected_total", {{"reason", "unknown_channel"}}), 1.0);
  EXPECT_TRUE(server.mqtt->connected());
}

TEST_F(MqttIngestTest, PersistentSessionDeliversWhatWasPublishedWhileStoppedExactlyOnce) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.mqtt->start();  // creates the session and its subscription
  ASSERT_TRUE(server.wait_connected());
  server.mqtt->stop();
  EXPECT_FALSE(server.mqtt->connected());

  constexpr int kReadings = 1000;
  const TimeMs t0 = base_time_ms() - kMsPerHour;
  {
    MqttTestClient device(broker.port(), "node1");
    for (int i = 0; i < kReadings; ++i) {
      device.publish("egin/farm/gh1/node1/obs",
                     pack_json({{"t_air", 0.01 * i}}, t0 + i * kMsPerSecond));
    }
    ASSERT_TRUE(device.wait_acked());
  }
  std::this_thread::sleep_for(200ms);
  EXPECT_TRUE(stored(*server.store, server.id("gh1/node1/t_air")).empty());

  server.mqtt->start();
  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", kReadings));
  std::this_thread::sleep_for(300ms);  // nothing more may come
  const auto readings = stored(*server.store, server.id("gh1/node1/t_air"));
  ASSERT_EQ(readings.size(), static_cast<std::size_t>(kReadings));
  for (int i = 0; i < kReadings; ++i) {
    EXPECT_EQ(readings[static_cast<std::size_t>(i)].t_ms, t0 + i * kMsPerSecond);
    EXPECT_DOUBLE_EQ(readings[static_cast<std::size_t>(i)].value, 0.01 * i);
  }
  EXPECT_EQ(counter_reaching(server.metrics, "egin_ingest_records_total",
                             {{"source", "mqtt"}, {"result", "accepted"}}, kReadings),
            kReadings);
}

TEST_F(MqttIngestTest, StatePublishedRetainedOnlineThenOfflineAtStop) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.mqtt->start();
  ASSERT_TRUE(server.wait_connected());
  {
    MqttTestClient watcher(broker.port(), "watcher1");
    watcher.subscribe("egin/farm/$state");
    EXPECT_EQ(watcher.wait_for("egin/farm/$state", "online"), "online");
  }
  const auto stop_started = std::chrono::steady_clock::now();
  server.mqtt->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 1s);  // "offline" acked at once
  MqttTestClient watcher(broker.port(), "watcher2");  // a newcomer sees the retained value
  watcher.subscribe("egin/farm/$state");
  EXPECT_EQ(watcher.wait_for("egin/farm/$state", "offline"), "offline");
}

// A crash while a message is being stored: the broker must still hold it (no PUBACK went out),
// deliver it again to the next egin with the same client id, and publish the last will.
TEST_F(MqttIngestTest, CrashBeforeDurableLeavesMessageWithBrokerAndPublishesLastWill) {
  MosquittoBroker broker;
  int entered[2];
  ASSERT_EQ(::pipe(entered), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The crashing egin: its store blocks forever inside write(), i.e. before durable.
    ::close(entered[0]);
    class BlockingStore final : public store::TimeSeriesStore {
     public:
      BlockingStore(store::TimeSeriesStore& inner, int fd) : flaky_(inner), fd_(fd) {}
      [[nodiscard]] std::string_view backend() const override { return "sqlite"; }
      store::ChannelId ensure_channel(std::string_view key, std::string_view cls) override {
        return flaky_.ensure_channel(key, cls);
      }
      std::vector<store::ChannelEntry> channels() override { return flaky_.channels(); }
      store::WriteResult write(std::span<const store::Reading>) override {
        const char byte = 'w';
        if (::write(fd_, &byte, 1) != 1) ::_exit(3);
        for (;;) ::pause();
      }
      void query_raw(store::ChannelId, TimeMs, TimeMs,
                     const std::function<void(const store::Reading&)>&) override {}
      void query_rollup(store::ChannelId, store::Resolution, TimeMs, TimeMs,
                        const std::function<void(const store::RollupRow&)>&) override {}
      std::optional<store::Reading> latest(store::ChannelId) override { return std::nullopt; }
      store::RetentionResult apply_retention(std::span<const store::RetentionRule>,
                                             TimeMs) override {
        return {};
      }
      store::StorageUsage usage() override { return {}; }

     private:
      FlakyStore flaky_;
      int fd_;
    };
    try {
      auto inner = store::open_store("sqlite::memory:");
      BlockingStore blocking(*inner, entered[1]);
      SystemClock clock;
      Metrics metrics;
      LiveSite site(test_site(), blocking);
      IngestPipeline pipeline(site, blocking, clock, metrics);
      MqttOptions options;
      options.host = "127.0.0.1";
      options.port = broker.port();
      MqttIngest mqtt(options, "farm", pipeline, metrics);
      mqtt.start();
      for (;;) ::pause();
    } catch (...) {
      ::_exit(2);  // never back into the test framework
    }
  }
  ::close(entered[1]);

  {
    MqttTestClient watcher(broker.port(), "watcher1");
    watcher.subscribe("egin/farm/$state");
    ASSERT_EQ(watcher.wait_for("egin/farm/$state", "online", 20s), "online");
  }
  // Several messages, so that the crash also catches a burst read together.
  constexpr int kMessages = 50;
  MqttTestClient device(broker.port(), "node1");
  const TimeMs t0 = base_time_ms();
  for (int i = 0; i < kMessages; ++i) {
    device.publish("egin/farm/gh1/node1/obs",
                   pack_json({{"t_air", 18.75 + 0.125 * i}}, t0 + i * kMsPerSecond));
  }
  ASSERT_TRUE(device.wait_acked());
  pollfd wait_write{entered[0], POLLIN, 0};
  ASSERT_EQ(::poll(&wait_write, 1, 20000), 1) << "the crashing egin never tried to store";
  std::this_thread::sleep_for(200ms);  // let it read what else the socket holds
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(entered[0]);
  {
    MqttTestClient watcher(broker.port(), "watcher2");
    watcher.subscribe("egin/farm/$state");
    EXPECT_EQ(watcher.wait_for("egin/farm/$state", "offline"), "offline") << broker.log();
  }

  Server server(db_url(), broker.port());  // same default client id "egin-farm"
  server.mqtt->start();
  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", kMessages)) << broker.log();
  const auto readings = stored(*server.store, server.id("gh1/node1/t_air"));
  ASSERT_EQ(readings.size(), static_cast<std::size_t>(kMessages));
  for (int i = 0; i < kMessages; ++i) {
    EXPECT_EQ(readings[static_cast<std::size_t>(i)].t_ms, t0 + i * kMsPerSecond);
    EXPECT_DOUBLE_EQ(readings[static_cast<std::size_t>(i)].value, 18.75 + 0.125 * i);
  }
}

TEST_F(MqttIngestTest, StoreFailureIsNotAcknowledgedAndTheMessageComesBack) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.flaky.fail = true;
  server.mqtt->start();
  ASSERT_TRUE(server.wait_connected());

  MqttTestClient device(broker.port(), "node1");
  const TimeMs t0 = base_time_ms();
  constexpr int kMessages = 30;
  for (int i = 0; i < kMessages; ++i) {
    device.publish("egin/farm/gh1/node1/obs",
                   pack_json({{"t_air", 12.5}, {"rh", 80.0}}, t0 + i * kMsPerSecond));
  }
  ASSERT_TRUE(device.wait_acked());
  const auto until = std::chrono::steady_clock::now() + 10s;
  while (server.flaky.write_calls == 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_GE(server.flaky.write_calls, 1);
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(stored(*server.store, server.id("gh1/node1/t_air")).empty());
  server.flaky.fail = false;  // the disk is back: the broker's redelivery lands

  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", kMessages));
  ASSERT_TRUE(server.wait_count("gh1/node1/rh", kMessages));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(stored(*server.store, server.id("gh1/node1/t_air")).size(),
            static_cast<std::size_t>(kMessages));
  EXPECT_GE(
      counter_value(server.metrics, "egin_mqtt_messages_total", {{"result", "store_unavailable"}}),
      1.0);
  EXPECT_EQ(
      counter_reaching(server.metrics, "egin_mqtt_messages_total", {{"result", "ok"}}, kMessages),
      kMessages);
}

TEST_F(MqttIngestTest, ReconnectsAfterTheBrokerWentAway) {
  MosquittoBroker broker;
  Server server(db_url(), broker.port());
  server.mqtt->start();
  ASSERT_TRUE(server.wait_connected());
  broker.kill();
  const auto until = std::chrono::steady_clock::now() + 10s;
  while (server.mqtt->connected() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_FALSE(server.mqtt->connected());
  broker.start();  // same port, sessions lost (no persistence): egin subscribes again
  ASSERT_TRUE(server.wait_connected(40s));

  MqttTestClient device(broker.port(), "node1");
  const TimeMs t0 = base_time_ms();
  device.publish("egin/farm/gh1/node1/obs", pack_json({{"t_air", 5.0}}, t0));
  ASSERT_TRUE(device.wait_acked());
  ASSERT_TRUE(server.wait_count("gh1/node1/t_air", 1));
  EXPECT_GE(counter_value(server.metrics, "egin_mqtt_disconnects_total", {}), 1.0);
}

TEST_F(MqttIngestTest, StartsBeforeTheBrokerAndConnectsWhenItComes) {
  MosquittoBroker broker;
  broker.stop();
  Server server(db_url(), broker.port());
  server.mqtt->start();
  std::this_thread::sleep_for(1500ms);  // now waiting between attempts
  EXPECT_FALSE(server.mqtt->connected());
  const auto stop_started = std::chrono::steady_clock::now();
  server.mqtt->stop();  // does not sit out the back-off
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 500ms);
  server.mqtt->start();
  broker.start();
  ASSERT_TRUE(server.wait_connected(40s));
}

TEST(ParseMqttUrl, AcceptsHostPortAndCredentials) {
  auto o = parse_mqtt_url("mqtt://localhost");
  EXPECT_EQ(o.host, "localhost");
  EXPECT_EQ(o.port, 1883);
  EXPECT_TRUE(o.username.empty());
  EXPECT_TRUE(o.password.empty());

  o = parse_mqtt_url("mqtt://127.0.0.1:18830");
  EXPECT_EQ(o.host, "127.0.0.1");
  EXPECT_EQ(o.port, 18830);

  o = parse_mqtt_url("mqtt://egin:s3cr%40t@broker.farm.kz:8883/");
  EXPECT_EQ(o.username, "egin");
  EXPECT_EQ(o.password, "s3cr@t");
  EXPECT_EQ(o.host, "broker.farm.kz");
  EXPECT_EQ(o.port, 8883);

  o = parse_mqtt_url("mqtt://user@[::1]:1884");
  EXPECT_EQ(o.username, "user");
  EXPECT_TRUE(o.password.empty());
  EXPECT_EQ(o.host, "::1");
  EXPECT_EQ(o.port, 1884);

  o = parse_mqtt_url("mqtt://a:b:c@h");  // the password may hold ':'
  EXPECT_EQ(o.password, "b:c");
}

TEST(ParseMqttUrl, RejectsAnythingElseNamingTheFlag) {
  for (const char* url :
       {"", "localhost:1883", "tcp://localhost", "mqtts://localhost", "http://x", "mqtt://",
        "mqtt://:1883", "mqtt://host:", "mqtt://host:0", "mqtt://host:65536", "mqtt://host:18x",
        "mqtt://host/topic", "mqtt://host?x=1", "mqtt://@host", "mqtt://:pw@host", "mqtt://[::1",
        "mqtt://::1", "mqtt://u:%zz@host", "mqtt://ho st"}) {
    try {
      (void)parse_mqtt_url(url);
      ADD_FAILURE() << "accepted '" << url << "'";
    } catch (const InputError& error) {
      EXPECT_EQ(error.where().field, "--mqtt") << url;
      EXPECT_NE(std::string(error.what()).find("mqtt://[user[:password]@]host[:port]"),
                std::string::npos)
          << error.what();
    }
  }
}

}  // namespace
}  // namespace egin::runtime
