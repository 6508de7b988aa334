// The MQTT bridge of the device drivers through a REAL Mosquitto broker: commands on
// egin/{site}/{zone}/{device}/cmd, authorised by the devices file, answered on …/ack (confirmed,
// then finished when the timed command ran down); status retained on …/status; observations
// on …/obs when asked for.
#include <gtest/gtest.h>
#include <mosquitto.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "egin/devices/mqtt_bridge.hpp"
#include "egin/devices/sim_server.hpp"
#include "egin/runtime/device_driver.hpp"
#include "egin/store/time_series_store.hpp"
#include "mosquitto_broker.hpp"

namespace egin::runtime {
namespace {

namespace d = egin::devices;
constexpr TimeMs kT0 = 1'789'999'980'000;

/// Collects every message of the topics it subscribed to.
class Collector {
 public:
  explicit Collector(int port) {
    mosquitto_lib_init();
    mosq_ = mosquitto_new("egin-test-collector", true, this);
    mosquitto_message_callback_set(mosq_, [](mosquitto*, void* self, const mosquitto_message* m) {
      auto& c = *static_cast<Collector*>(self);
      const std::lock_guard lock(c.mutex_);
      c.messages_.emplace_back(m->topic, std::string(static_cast<const char*>(m->payload),
                                                     static_cast<std::size_t>(m->payloadlen)));
      c.cv_.notify_all();
    });
    mosquitto_connect(mosq_, "127.0.0.1", port, 30);
    mosquitto_subscribe(mosq_, nullptr, "egin/farm/#", 1);
    mosquitto_loop_start(mosq_);
  }
  ~Collector() {
    mosquitto_disconnect(mosq_);
    mosquitto_loop_stop(mosq_, false);
    mosquitto_destroy(mosq_);
  }
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;
  /// The first message on `topic` whose payload contains `text` (waits up to 10 s).
  std::optional<std::string> wait(const std::string& topic, const std::string& text) {
    std::unique_lock lock(mutex_);
    std::optional<std::string> found;
    cv_.wait_for(lock, std::chrono::seconds(10), [&] {
      for (const auto& [t, payload] : messages_) {
        if (t == topic && payload.find(text) != std::string::npos) {
          found = payload;
          return true;
        }
      }
      return false;
    });
    return found;
  }
  void publish(const std::string& topic, const std::string& payload) {
    mosquitto_publish(mosq_, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                      payload.data(), 1, false);
  }

 private:
  mosquitto* mosq_ = nullptr;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::pair<std::string, std::string>> messages_;
};

TEST(DeviceBridge, CommandsStatusAndObservationsOverMqtt) {
  testing::MosquittoBroker broker;
  ManualClock clock(kT0);
  d::SyntheticEnvironment environment({});
  d::SimServer sim(environment, clock);
  d::SimNodeConfig sensor;
  sensor.slave = 1;
  sim.add_node(sensor);
  d::SimNodeConfig actuator;
  actuator.slave = 2;
  actuator.product_type = ksx3267::kProductActuatorNode;
  sim.add_node(actuator);
  const int port = sim.start_tcp(d::TcpEndpoint{"127.0.0.1", 0});

  const auto dir =
      std::filesystem::temp_directory_path() / ("egin-bridge-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = store::open_store("sqlite:" + (dir / "egin.db").string() + "?synchronous=normal");
  Site site;
  site.id = "farm";
  site.zones.push_back(ZoneSpec{"gh1", "gh1", ZoneKind::greenhouse, {}});
  LiveSite live(site, *store);
  Metrics metrics;
  IngestPipeline pipeline(live, *store, clock, metrics);
  const std::string config = fmt::format(R"(
[mqtt_bridge]
publish_obs = true
allow = ["gh1/vents/switch_*"]
requesters = ["panel-*"]
[[buses]]
id = "bus1"
tcp = "127.0.0.1:{}"
[[buses.nodes]]
slave = 1
zone = "gh1"
device = "climate"
[[buses.nodes]]
slave = 2
zone = "gh1"
device = "vents"
period_s = 1
)",
                                         port);
  DeviceDrivers drivers(parse_devices_toml(config, "devices.toml"), live, pipeline, metrics, clock,
                        dir);
  Collector collector(broker.port());
  d::MqttBridgeOptions options;
  options.host = "127.0.0.1";
  options.port = broker.port();
  options.site_id = "farm";
  d::MqttBridge bridge(options,
                       [&](const d::MqttCommand& c) { return drivers.handle_mqtt_command(c); });
  drivers.attach_bridge(&bridge);
  bridge.start();
  for (int i = 0; i < 100 && !bridge.connected(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(bridge.connected());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the bridge's SUBSCRIBE lands
  drivers.run_once();

  EXPECT_TRUE(collector.wait("egin/farm/gh1/climate/obs", "\"n\":\"temperature_1\""));
  EXPECT_TRUE(collector.wait("egin/farm/gh1/climate/status", "temperature_1_status"));

  collector.publish("egin/farm/gh1/vents/cmd",
                    R"([{"n":"switch_2","vs":"timed_on"},{"n":"switch_2/duration","u":"s","v":2},)"
                    R"({"n":"requested_by","vs":"panel-1"},{"n":"request_id","vs":"r-42"}])");
  const auto confirmed = collector.wait("egin/farm/gh1/vents/ack", "\"vs\":\"confirmed\"");
  ASSERT_TRUE(confirmed);
  EXPECT_NE(confirmed->find("r-42"), std::string::npos);
  for (int s = 0; s < 3; ++s) {
    clock.advance(kMsPerSecond);
    drivers.run_once();
  }
  EXPECT_TRUE(collector.wait("egin/farm/gh1/vents/ack", "\"vs\":\"finished\""));

  // Not allowed: an opener (only switches are), and a requester outside the list.
  collector.publish("egin/farm/gh1/vents/cmd",
                    R"([{"n":"opener_1","vs":"open"},{"n":"requested_by","vs":"panel-1"}])");
  EXPECT_TRUE(collector.wait("egin/farm/gh1/vents/ack", "may not be commanded"));
  collector.publish("egin/farm/gh1/vents/cmd",
                    R"([{"n":"switch_1","vs":"on"},{"n":"requested_by","vs":"intruder"}])");
  EXPECT_TRUE(collector.wait("egin/farm/gh1/vents/ack", "requester 'intruder'"));
  collector.publish("egin/farm/gh1/vents/cmd", "[garbage");
  EXPECT_TRUE(collector.wait("egin/farm/gh1/vents/ack", "not a SenML pack"));
  // The refused ones never reached the bus: switch_1 is still off.
  const auto recent = drivers.recent(10);
  ASSERT_GE(recent.size(), 4U);
  EXPECT_EQ(recent[0].result, d::CommandResult::kRefused);
  drivers.attach_bridge(nullptr);
  bridge.stop();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace egin::runtime
