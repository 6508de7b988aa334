#include "egin/runtime/twin_climate_loop.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "egin/control/safety.hpp"
#include "egin/core/input_error.hpp"
#include "twin_loop_support.hpp"

namespace egin::runtime {
namespace {

using control::ActuatorId;

const NamedValue& find(const std::vector<NamedValue>& values, const std::string& name) {
  const auto it = std::find_if(values.begin(), values.end(),
                               [&](const NamedValue& v) { return v.name == name; });
  EXPECT_NE(it, values.end()) << name;
  return *it;
}

TEST(TwinClimateLoop, AdvancesOnTheStepGridAndSensorsReadTheTwin) {
  TwinClimateLoop loop(test::turkistan_config("2025-01-14T00:00+05:00"));
  const double t0 = loop.time_utc_s();
  EXPECT_DOUBLE_EQ(loop.step_s(), 300.0);       // the settings' step_s
  EXPECT_EQ(loop.advance(3600.0 + 100.0), 12);  // whole steps only
  EXPECT_DOUBLE_EQ(loop.time_utc_s(), t0 + 3600.0);
  ASSERT_NE(loop.last_step(), nullptr);
  // The controller read the twin's air temperature at the last step's start (no noise).
  const LoopSnapshot s = loop.snapshot();
  EXPECT_EQ(find(s.sensors, "t_air_c").status, "ok");
  EXPECT_EQ(find(s.sensors, "par_air_umol_m2_s").status, "not_installed");
  EXPECT_DOUBLE_EQ(find(s.twin, "t_out_c").value, loop.outputs().outdoor.t_out_c);
  // A January night: heating runs, the energy screen closes, vents stay shut (−°C outside).
  EXPECT_GT(loop.totals().heat_pipe_j_m2, 0.0);
  EXPECT_LT(find(s.twin, "t_out_c").value, 5.0);
  EXPECT_DOUBLE_EQ(loop.positions().vent_lee_open_frac, 0.0);
  EXPECT_GT(loop.positions().screen_energy_closed_frac, 0.5);
}

TEST(TwinClimateLoop, ManualVentOpensAtTheTravelLimitAndEnds) {
  TwinClimateLoop loop(test::turkistan_config("2025-07-14T08:00+05:00"));
  loop.advance(1800.0);
  const TimeMs until = static_cast<TimeMs>((loop.time_utc_s() + 3600.0) * 1000.0);
  const double before = loop.positions().vent_wind_open_frac;
  loop.set_manual(ActuatorId::kVentWind, 0.0, until);
  loop.set_manual(ActuatorId::kVentLee, 1.0, until);
  loop.step();
  // The safety layer's travel limit: 0.25/min of the turkistan settings, 1.25 over 5 min → full.
  EXPECT_DOUBLE_EQ(loop.last_step()->commands.vent_lee_open_frac, 1.0);
  EXPECT_LE(loop.last_step()->commands.vent_wind_open_frac, before);
  EXPECT_DOUBLE_EQ(loop.positions().vent_lee_open_frac, 1.0);
  const LoopSnapshot s = loop.snapshot();
  EXPECT_TRUE(s.actuators[control::index_of(ActuatorId::kVentLee)].manual);
  EXPECT_EQ(s.actuators[control::index_of(ActuatorId::kVentLee)].manual_until_ms, until);
  loop.advance(3600.0);
  EXPECT_FALSE(loop.controller_state()
                   .operator_modes.manual[control::index_of(ActuatorId::kVentLee)]
                   .active);
  EXPECT_THROW(loop.set_manual(ActuatorId::kVentLee, 1.5, until), InputError);
}

TEST(TwinClimateLoop, StaleAirSensorRaisesItsAlarmAndDrivesTheSafeState) {
  TwinClimateLoopConfig c = test::turkistan_config("2025-01-14T00:00+05:00");
  const TimeMs fault_ms = static_cast<TimeMs>(c.start_utc_s * 1000.0) + 2 * 3600'000;
  c.driver.faults.sensor_faults.push_back(
      {control::SensorId::kTAir, SensorFaultKind::kStale, fault_ms, kNoFaultEnd});
  const control::AlarmId stale =
      control::sensor_alarm(control::AlarmKind::kSensorStale, control::SensorId::kTAir);
  // The configured delay: stale after 600 s, the alarm 300 s (sensor_delay_s) after that.
  const double delay_s =
      c.settings.sensors[control::index_of(control::SensorId::kTAir)].stale_after_s +
      c.settings.alarms.sensor_delay_s;
  TwinClimateLoop loop(std::move(c));
  loop.advance(4.0 * 3600.0);
  const control::AlarmRecord& r = loop.controller_state().alarms[control::alarm_index(stale)];
  ASSERT_TRUE(r.active);
  const double raised_after_s = static_cast<double>(r.raised_ms - fault_ms) / 1000.0;
  EXPECT_GE(raised_after_s, delay_s - 300.0);  // the reading before the fault is one step old
  EXPECT_LE(raised_after_s, delay_s + loop.step_s());
  EXPECT_NE(loop.last_step()->explanation.safe_states & control::kSafeHeatingFrost, 0u);
  EXPECT_NE(loop.last_step()->explanation.safe_states & control::kSafeVentsByOutdoor, 0u);
  const LoopSnapshot s = loop.snapshot();
  EXPECT_EQ(find(s.sensors, "t_air_c").status, "stale");
  EXPECT_TRUE(std::any_of(s.alarms.begin(), s.alarms.end(),
                          [](const AlarmSnapshot& a) { return a.key == "sensor_stale.t_air_c"; }));
  EXPECT_TRUE(loop.acknowledge("sensor_stale.t_air_c"));
}

}  // namespace
}  // namespace egin::runtime
