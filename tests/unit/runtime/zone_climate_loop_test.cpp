// ZoneClimateLoop against a REAL simulated KS X 3267 bus (SimServer on Modbus TCP over loopback),
// the real device drivers, SQLite store and ingest pipeline, with a ManualClock shared by the
// nodes and the loop so that an opener's travel in the node and the loop's estimate of it run on
// one time base.
#include "egin/runtime/zone_climate_loop.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <fmt/format.h>

#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/sim_server.hpp"
#include "egin/runtime/device_driver.hpp"
#include "egin/store/time_series_store.hpp"
#include "twin_loop_support.hpp"

namespace egin::runtime {
namespace {

namespace d = egin::devices;

constexpr TimeMs kNoon = 1'781'506'800'000;  // 2026-06-15T07:00:00Z, 12:00 at UTC+5
constexpr double kTravelS = 100.0;           // the node's opener travel and the wiring's
constexpr int kOpener1Slot = 17;             // actuator node: 16 switches, then 8 openers

std::string devices_toml(int port) {
  return fmt::format(R"(
[commands]
confirm_timeout_ms = 500
[[buses]]
id = "bus1"
tcp = "127.0.0.1:{}"
response_timeout_ms = 200
[[buses.nodes]]
slave = 1
zone = "gh1"
device = "climate"
period_s = 60
[[buses.nodes]]
slave = 2
zone = "gh1"
device = "act"
period_s = 60
[[climate]]
zone = "gh1"
settings = "unused.toml"
manual_hold_s = 1800
[climate.sensors]
t_air_c = "gh1/climate/temperature_1"
t_out_c = "gh1/climate/temperature_2"
t_pipe_c = "gh1/climate/temperature_3"
rh_air_pct = "gh1/climate/humidity_1"
rh_out_pct = "gh1/climate/humidity_2"
co2_air_ppm = "gh1/climate/co2_1"
iglob_w_m2 = "gh1/climate/radiation_1"
wind_m_s = "gh1/climate/wind_speed_1"
rain_mm_h = "gh1/climate/rain_1"
[[climate.openers]]
output = "vent_lee"
actuator = "gh1/act/opener_1"
travel_s = {}
[[climate.openers]]
output = "vent_wind"
actuator = "gh1/act/opener_2"
travel_s = {}
[[climate.openers]]
output = "screen_energy"
actuator = "gh1/act/opener_3"
travel_s = {}
[[climate.openers]]
output = "screen_shade"
actuator = "gh1/act/opener_4"
travel_s = {}
[[climate.switches]]
output = "heating"
actuators = ["gh1/act/switch_1", "gh1/act/switch_2"]
)",
                     port, kTravelS, kTravelS, kTravelS, kTravelS);
}

class ZoneClimateLoopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = std::filesystem::temp_directory_path() /
           ("egin-climate-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    d::SyntheticSettings hot;
    // Air 32 °C at noon, outdoor 30 °C at 80 %RH (too humid for the pads, which would close the
    // vents), pipe 40 °C.
    hot.slot_value = {{1, 32.0}, {2, 30.0}, {3, 40.0}, {27, 80.0}};
    environment_ = std::make_unique<d::SyntheticEnvironment>(hot);
    server_ = std::make_unique<d::SimServer>(*environment_, clock_);
    d::SimNodeConfig sensor;
    sensor.slave = 1;
    server_->add_node(sensor);
    d::SimNodeConfig actuator;
    actuator.slave = 2;
    actuator.product_type = ksx3267::kProductActuatorNode;
    actuator.travel_s = kTravelS;
    server_->add_node(actuator);
    const int port = server_->start_tcp(d::TcpEndpoint{"127.0.0.1", 0});
    store_ = store::open_store("sqlite:" + (dir_ / "egin.db").string() + "?synchronous=normal");
    Site site;
    site.id = "farm";
    site.latitude_deg = 43.3;
    site.longitude_deg = 68.25;
    site.utc_offset_min = 300;
    site.zones.push_back(ZoneSpec{"gh1", "greenhouse 1", ZoneKind::greenhouse, {}});
    site.max_age_days = 30.0;
    site_ = std::make_unique<LiveSite>(site, *store_);
    pipeline_ = std::make_unique<IngestPipeline>(*site_, *store_, clock_, metrics_);
    DevicesConfig config = parse_devices_toml(devices_toml(port), "devices.toml");
    wiring_ = config.climate.at(0);
    drivers_ = std::make_unique<DeviceDrivers>(std::move(config), *site_, *pipeline_, metrics_,
                                               clock_, dir_);
    loop_ = std::make_unique<ZoneClimateLoop>(wiring_,
                                              test::controller_settings("turkistan-korean-tomato"),
                                              *site_, *pipeline_, *drivers_, metrics_, clock_);
  }
  void TearDown() override {
    loop_.reset();
    drivers_.reset();
    pipeline_.reset();
    site_.reset();
    store_.reset();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  /// Advances the clock `s` seconds polling every 10 s, then runs one loop step.
  void run(double s) {
    for (double t = 0.0; t < s; t += 10.0) {
      clock_.advance(static_cast<TimeMs>(10'000));
      drivers_->run_once();
    }
    loop_->step(clock_.now_ms());
  }
  /// The climate computer's commands, oldest first, as "actuator:command".
  std::vector<std::string> climate_commands() {
    std::vector<std::string> out;
    const auto records = drivers_->recent(1000);
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
      if (it->requested_by == "climate:gh1") {
        out.push_back(it->actuator + ":" + it->command);
      }
    }
    return out;
  }

  ManualClock clock_{kNoon};
  Metrics metrics_;
  std::filesystem::path dir_;
  std::unique_ptr<d::SyntheticEnvironment> environment_;
  std::unique_ptr<d::SimServer> server_;
  std::unique_ptr<store::TimeSeriesStore> store_;
  std::unique_ptr<LiveSite> site_;
  std::unique_ptr<IngestPipeline> pipeline_;
  ClimateWiring wiring_;
  std::unique_ptr<DeviceDrivers> drivers_;
  std::unique_ptr<ZoneClimateLoop> loop_;
};

TEST_F(ZoneClimateLoopTest, HotNoonOpensTheVentsAndTheEstimateFollowsTheNode) {
  drivers_->run_once();  // discovery and the first poll
  run(0.0);
  const auto m = loop_->measurements();
  EXPECT_DOUBLE_EQ(m.t_air_c.value, 32.0);
  EXPECT_EQ(m.t_air_c.quality, control::Quality::kGood);
  EXPECT_EQ(m.vent_lee_open_frac.quality, control::Quality::kMissing);  // not homed yet
  // First step: every actuator gets one command (openers home, switches are set).
  const std::vector<std::string> first = climate_commands();
  ASSERT_EQ(first.size(), 6U);
  EXPECT_EQ(first[4], "switch_1:off");
  EXPECT_EQ(first[5], "switch_2:off");
  // Steps of 300 s: the vents head open (the controller's travel limit ramps them).
  for (int k = 0; k < 6; ++k) {
    run(300.0);
  }
  const auto result = loop_->last_step();
  ASSERT_TRUE(result);
  EXPECT_GT(result->commands.vent_lee_open_frac, 0.5);
  const std::vector<ActuatorDrive> drives = loop_->drives();
  EXPECT_TRUE(drives[0].estimate.known);
  EXPECT_EQ(drives[4].commanded, false);  // heating off
  bool opened = false;
  for (const std::string& c : climate_commands()) {
    opened = opened || c == "opener_1:timed_open" || c == "opener_1:open";
  }
  EXPECT_TRUE(opened);
  // After the runs have ended, the estimate and the node's travel model agree.
  clock_.advance(static_cast<TimeMs>(kTravelS * 1000.0));
  drivers_->run_once();
  const auto output = environment_->output(2, kOpener1Slot);
  ASSERT_TRUE(output);
  EXPECT_NEAR(opener_position(loop_->drives()[0].estimate, clock_.now_ms()),
              output->position_pct / 100.0, 0.02);
  EXPECT_GT(output->position_pct, 50.0);
  // Nothing changes when nothing changes: the same decision again (no time passed) sends
  // nothing new.
  loop_->step(clock_.now_ms());
  const std::size_t before = climate_commands().size();
  loop_->step(clock_.now_ms());
  EXPECT_EQ(climate_commands().size(), before);
}

TEST_F(ZoneClimateLoopTest, OperatorCommandHoldsTheActuatorInManual) {
  drivers_->run_once();
  run(0.0);
  ActuatorCommandRequest request;
  request.channel_key = "gh1/act/opener_1";
  request.command = "timed_open";
  request.duration_s = 20.0;
  request.requested_by = "operator:aigerim";
  request.origin = "api";
  const d::CommandRecord record = drivers_->submit(request);
  ASSERT_EQ(record.result, d::CommandResult::kConfirmed) << record.detail;
  const std::size_t before = climate_commands().size();
  for (int k = 0; k < 5; ++k) {  // 1500 s < the 1800 s hold
    run(300.0);
  }
  const auto drives = loop_->drives();
  EXPECT_EQ(drives[0].manual_until_ms, record.confirmed_ms + 1'800'000);
  // The operator's run is in the estimate: 20 s of a 100 s stroke from closed (homed at the
  // first step), as the node's own travel model has it.
  EXPECT_NEAR(opener_end_position(drives[0].estimate), 0.2, 1e-9);
  EXPECT_NEAR(environment_->output(2, kOpener1Slot)->position_pct, 20.0, 1.0);
  std::size_t opener_1 = 0;
  const auto commands = climate_commands();
  for (std::size_t i = before; i < commands.size(); ++i) {
    opener_1 += commands[i].starts_with("opener_1:") ? 1 : 0;
  }
  EXPECT_EQ(opener_1, 0U);
  // The hold over, the loop drives it again (the air is still hot: open).
  run(600.0);
  const auto after = climate_commands();
  ASSERT_GT(after.size(), commands.size());
  bool driven = false;
  for (std::size_t i = commands.size(); i < after.size(); ++i) {
    driven = driven || after[i].starts_with("opener_1:");
  }
  EXPECT_TRUE(driven);
}

TEST_F(ZoneClimateLoopTest, ReadingsNotPolledGoStale) {
  drivers_->run_once();
  run(0.0);
  // 700 s without a poll: older than the settings' stale_after_s = 600 for the air sensor.
  clock_.advance(static_cast<TimeMs>(700'000));
  loop_->step(clock_.now_ms());
  const auto result = loop_->last_step();
  ASSERT_TRUE(result);
  EXPECT_EQ(result->explanation.sensors.status[control::index_of(control::SensorId::kTAir)],
            control::SensorStatus::kStale);
  EXPECT_EQ(loop_->steps(), 2U);
}

}  // namespace
}  // namespace egin::runtime
