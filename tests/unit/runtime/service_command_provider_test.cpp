// ServiceCommandProvider over the REAL DeviceDrivers polling a REAL simulated KS X 3267 actuator
// node (SimServer on Modbus TCP over loopback), a real SQLite store and ingest pipeline, with a
// ManualClock: the API's view of commands (state, ends, history filters, events) and of the
// actuators (state and remaining time from the node's status block) follows what the node does.
#include "egin/runtime/service_command_provider.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <mutex>

#include <fmt/format.h>

#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/sim_server.hpp"
#include "egin/runtime/device_driver.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {
namespace {

namespace d = egin::devices;

constexpr TimeMs kT0 = 1'789'999'980'000;  // 2026-09-21T14:13:00Z

class ServiceCommandProviderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("egin-service-provider-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    sim_ = std::make_unique<d::SimServer>(environment_, clock_);
    d::SimNodeConfig actuator;
    actuator.slave = 2;
    actuator.product_type = ksx3267::kProductActuatorNode;
    actuator.travel_s = 60.0;
    sim_->add_node(actuator);
    const int port = sim_->start_tcp(d::TcpEndpoint{"127.0.0.1", 0});
    Site site;
    site.id = "farm";
    site.zones.push_back(ZoneSpec{"gh1", "greenhouse 1", ZoneKind::greenhouse, {}});
    site.zones.push_back(ZoneSpec{"gh2", "greenhouse 2", ZoneKind::greenhouse, {}});
    store_ = store::open_store("sqlite:" + (dir_ / "egin.db").string() + "?synchronous=normal");
    site_ = std::make_unique<LiveSite>(std::move(site), *store_);
    pipeline_ = std::make_unique<IngestPipeline>(*site_, *store_, clock_, metrics_);
    drivers_ = std::make_unique<DeviceDrivers>(parse_devices_toml(fmt::format(R"(
[commands]
confirm_timeout_ms = 500
[[buses]]
id = "bus1"
tcp = "127.0.0.1:{}"
response_timeout_ms = 200
[[buses.nodes]]
slave = 2
zone = "gh1"
device = "vents"
period_s = 1
)",
                                                                              port),
                                                                  "devices.toml"),
                                               *site_, *pipeline_, metrics_, clock_, dir_);
    drivers_->run_once();
    provider_ = std::make_unique<ServiceCommandProvider>(*drivers_);
    provider_->subscribe([this](const CommandRecord& r) {
      const std::lock_guard lock(events_mutex_);
      events_.push_back(r);
    });
  }
  void TearDown() override {
    provider_.reset();
    drivers_.reset();
    pipeline_.reset();
    site_.reset();
    store_.reset();
    sim_.reset();
    std::filesystem::remove_all(dir_);
  }
  void advance_s(int seconds) {
    for (int s = 0; s < seconds; ++s) {
      clock_.advance(kMsPerSecond);
      drivers_->run_once();
    }
  }
  std::optional<ActuatorStatus> status(const std::string& key) {
    for (const ActuatorStatus& s : provider_->actuators()) {
      if (s.channel == key) {
        return s;
      }
    }
    return std::nullopt;
  }
  static CommandRequest timed(const std::string& channel, CommandAction action, double s) {
    CommandRequest r;
    r.channel = channel;
    r.action = action;
    r.duration_s = s;
    r.user = "aigerim";
    r.origin = "api 127.0.0.1";
    r.reason = "clear the condensation";
    r.requested_ms = kT0;
    return r;
  }

  ManualClock clock_{kT0};
  Metrics metrics_;
  std::filesystem::path dir_;
  d::SyntheticEnvironment environment_{d::SyntheticSettings{}};
  std::unique_ptr<d::SimServer> sim_;
  std::unique_ptr<store::TimeSeriesStore> store_;
  std::unique_ptr<LiveSite> site_;
  std::unique_ptr<IngestPipeline> pipeline_;
  std::unique_ptr<DeviceDrivers> drivers_;
  std::unique_ptr<ServiceCommandProvider> provider_;
  std::mutex events_mutex_;
  std::vector<CommandRecord> events_;
};

TEST_F(ServiceCommandProviderTest, TimedOpenRunsDownOnTheNode) {
  const CommandRecord record =
      provider_->submit(timed("gh1/vents/opener_1", CommandAction::kTimedOpen, 3.0));
  EXPECT_EQ(record.state, CommandState::kExecuting) << record.detail;
  EXPECT_EQ(record.request.action, CommandAction::kTimedOpen);
  EXPECT_EQ(record.request.duration_s, 3.0);
  EXPECT_EQ(record.request.user, "aigerim");
  EXPECT_EQ(record.request.reason, "clear the condensation");
  ASSERT_TRUE(record.ends_ms);
  EXPECT_EQ(*record.ends_ms, record.updated_ms + 3 * kMsPerSecond);

  // The node's status block: opening with the time left, counting down each second.
  advance_s(1);
  auto s = status("gh1/vents/opener_1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->state, "opening");
  EXPECT_EQ(s->remaining_s, 2.0);
  EXPECT_EQ(s->command_id, record.id);
  EXPECT_EQ(s->control, "remote");
  advance_s(2);
  s = status("gh1/vents/opener_1");
  EXPECT_EQ(s->state, "ready");
  EXPECT_FALSE(s->remaining_s);
  EXPECT_FALSE(s->command_id);

  const auto done = provider_->find(record.id);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, CommandState::kDone);
  EXPECT_EQ(done->updated_ms, kT0 + 3 * kMsPerSecond);
  // Events: executing at submit, done when the timed command ran down.
  const std::lock_guard lock(events_mutex_);
  ASSERT_EQ(events_.size(), 2U);
  EXPECT_EQ(events_[0].state, CommandState::kExecuting);
  EXPECT_EQ(events_[1].state, CommandState::kDone);
  EXPECT_EQ(events_[1].id, record.id);
}

TEST_F(ServiceCommandProviderTest, RefusalsAreThrownAndKeptInTheTrail) {
  CommandRequest open_switch = timed("gh1/vents/switch_1", CommandAction::kOpen, 0.0);
  open_switch.duration_s.reset();
  try {
    provider_->submit(open_switch);
    FAIL() << "open on a switch was accepted";
  } catch (const CommandRejected& e) {
    EXPECT_EQ(e.code(), "refused");
    EXPECT_NE(std::string(e.what()).find("not a switch command"), std::string::npos) << e.what();
    const auto kept = provider_->find(e.record_id());
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->state, CommandState::kRejected);
  }
  // The history filters by channel and zone, newest first.
  provider_->submit(timed("gh1/vents/switch_2", CommandAction::kTimedOn, 5.0));
  CommandQuery by_channel;
  by_channel.channel = "gh1/vents/switch_2";
  EXPECT_EQ(provider_->history(by_channel).size(), 1U);
  CommandQuery by_zone;
  by_zone.zone = "gh1";
  const auto all = provider_->history(by_zone);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].request.channel, "gh1/vents/switch_2");  // newest first
  by_zone.zone = "gh2";
  EXPECT_TRUE(provider_->history(by_zone).empty());
  CommandQuery limited;
  limited.limit = 1;
  EXPECT_EQ(provider_->history(limited).size(), 1U);
  // A second timed command on the same switch supersedes the first: cancelled.
  const CommandRecord first = provider_->history(by_channel).at(0);
  provider_->submit(timed("gh1/vents/switch_2", CommandAction::kTimedOn, 2.0));
  advance_s(1);
  EXPECT_EQ(provider_->find(first.id)->state, CommandState::kCancelled);
  EXPECT_EQ(status("gh1/vents/switch_2")->state, "on");
}

}  // namespace
}  // namespace egin::runtime
