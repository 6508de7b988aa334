// TwinAlarmProvider over the Turkistan greenhouse twin under its climate computer: a CO2 sensor
// lost for 30 minutes raises sensor_missing.co2_air_ppm after the settings' sensor_delay_s and
// clears it at the first step with a reading again; the API alarm carries the board's times, the
// priority's severity and the controller's message, is acknowledged in the controller too, and
// the listeners hear raise, acknowledgement and clear in that order.
#include "egin/runtime/twin_alarm_provider.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "twin_loop_support.hpp"

namespace egin::runtime {
namespace {

constexpr TimeMs kMsPerS = 1000;

struct Fixture {
  TimeMs start_ms = 0;
  TimeMs fault_from_ms = 0;
  TimeMs fault_until_ms = 0;
  double sensor_delay_s = 0.0;
  std::unique_ptr<TwinGreenhouse> greenhouse;
};

Fixture lost_co2_sensor() {
  Fixture f;
  TwinClimateLoopConfig c = test::turkistan_config("2025-07-10T06:00+05:00");
  c.step_s = 60.0;
  f.start_ms = static_cast<TimeMs>(c.start_utc_s) * kMsPerS;
  f.fault_from_ms = f.start_ms + 10 * kMsPerMinute;
  f.fault_until_ms = f.start_ms + 40 * kMsPerMinute;
  c.driver.faults.sensor_faults.push_back(
      {control::SensorId::kCo2Air, SensorFaultKind::kLost, f.fault_from_ms, f.fault_until_ms});
  f.sensor_delay_s = c.settings.alarms.sensor_delay_s;
  f.greenhouse = std::make_unique<TwinGreenhouse>(std::move(c));
  return f;
}

TEST(TwinAlarmProvider, LostSensorRaisesAcknowledgesAndClears) {
  Fixture f = lost_co2_sensor();
  TwinAlarmProvider provider(*f.greenhouse, "gh1");
  std::vector<Alarm> heard;
  provider.subscribe([&heard](const Alarm& a) { heard.push_back(a); });

  f.greenhouse->advance_to(f.fault_from_ms);
  EXPECT_TRUE(provider.list({}).empty());

  // The alarm waits sensor_delay_s (300 s) after the first step without a reading.
  f.greenhouse->advance_to(f.fault_from_ms + 20 * kMsPerMinute);
  const std::vector<Alarm> open = provider.list({});
  ASSERT_EQ(open.size(), 1u);
  const Alarm& a = open.front();
  EXPECT_EQ(a.code, "sensor_missing.co2_air_ppm");
  EXPECT_EQ(a.zone, "gh1");
  EXPECT_EQ(a.source, "gh1/controller");
  EXPECT_EQ(a.severity, AlarmSeverity::kWarning);  // sensor_priority = 2
  EXPECT_NE(a.message.find("co2_air_ppm"), std::string::npos) << a.message;
  const double raised_after_s = static_cast<double>(a.raised_ms - f.fault_from_ms) / 1000.0;
  EXPECT_GE(raised_after_s, f.sensor_delay_s);
  EXPECT_LE(raised_after_s, f.sensor_delay_s + 60.0);  // within one step
  EXPECT_EQ(a.id, "gh1.sensor_missing.co2_air_ppm." + std::to_string(a.raised_ms / 1000));
  EXPECT_TRUE(a.active());
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].id, a.id);

  // The snapshot of the controller agrees, and acknowledging reaches it.
  const LoopSnapshot before = f.greenhouse->snapshot();
  const auto snap = std::find_if(before.alarms.begin(), before.alarms.end(),
                                 [&](const AlarmSnapshot& s) { return s.key == a.code; });
  ASSERT_NE(snap, before.alarms.end());
  EXPECT_EQ(snap->raised_ms, a.raised_ms);
  EXPECT_FALSE(snap->acknowledged);
  const TimeMs ack_ms = f.greenhouse->now_ms();
  const auto acked = provider.acknowledge(a.id, "operator1", "CO2 probe unplugged", ack_ms);
  ASSERT_TRUE(acked);
  EXPECT_EQ(acked->acknowledged_ms, ack_ms);
  EXPECT_EQ(acked->acknowledged_by, "operator1");
  EXPECT_EQ(acked->note, "CO2 probe unplugged");
  EXPECT_TRUE(acked->open());  // still active
  const LoopSnapshot after = f.greenhouse->snapshot();
  EXPECT_TRUE(std::any_of(after.alarms.begin(), after.alarms.end(), [&](const AlarmSnapshot& s) {
    return s.key == a.code && s.acknowledged;
  }));
  // A second acknowledgement keeps the first.
  EXPECT_EQ(provider.acknowledge(a.id, "admin", "", ack_ms + 1000)->acknowledged_by, "operator1");
  EXPECT_FALSE(provider.acknowledge("gh1.t_air_high.0", "admin", "", ack_ms));

  // Readings again from fault_until: the alarm clears at the first step that reads one.
  f.greenhouse->advance_to(f.fault_until_ms + 10 * kMsPerMinute);
  EXPECT_TRUE(provider.list({}).empty());  // acknowledged and cleared: closed
  AlarmQuery all;
  all.open_only = false;
  const std::vector<Alarm> history = provider.list(all);
  ASSERT_EQ(history.size(), 1u);
  ASSERT_TRUE(history[0].cleared_ms);
  EXPECT_GE(*history[0].cleared_ms, f.fault_until_ms);
  EXPECT_LE(*history[0].cleared_ms, f.fault_until_ms + 60 * kMsPerS);
  EXPECT_EQ(provider.find(a.id)->cleared_ms, history[0].cleared_ms);
  EXPECT_TRUE(f.greenhouse->snapshot().alarms.empty());
  ASSERT_EQ(heard.size(), 3u);  // raised, acknowledged, cleared
  EXPECT_TRUE(heard[1].acknowledged_ms && heard[1].active());
  EXPECT_TRUE(heard[2].cleared_ms);

  // Queries: by zone and raise time.
  all.zone = "gh2";
  EXPECT_TRUE(provider.list(all).empty());
  all.zone = "gh1";
  all.from_ms = a.raised_ms + 1;
  EXPECT_TRUE(provider.list(all).empty());
  all.from_ms = a.raised_ms;
  EXPECT_EQ(provider.list(all).size(), 1u);
}

TEST(TwinAlarmProvider, PrioritiesMapToSeverities) {
  EXPECT_EQ(severity_of_priority(1), AlarmSeverity::kCritical);
  EXPECT_EQ(severity_of_priority(2), AlarmSeverity::kWarning);
  EXPECT_EQ(severity_of_priority(3), AlarmSeverity::kInfo);
}

}  // namespace
}  // namespace egin::runtime
