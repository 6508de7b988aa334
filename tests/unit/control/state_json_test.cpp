// Controller state as JSON: a restart from the saved state continues exactly as if nothing had
// happened (a day of 5-min steps, saved and reloaded every step, against an uninterrupted run);
// NaN, overrides, manual modes and alarms survive; bad documents are InputErrors.
#include "egin/control/state_json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "egin/control/climate_controller.hpp"
#include "egin/core/input_error.hpp"
#include "test_support.hpp"

namespace egin::control {
namespace {

/// A synthetic July day at Turkistan: a hot afternoon, a cool night, a wind gust, a CO2 dip,
/// and the air sensor going silent for an hour in the afternoon.
Measurements weather(TimeMs now, TimeMs t0) {
  const double h = static_cast<double>(now - t0) / static_cast<double>(kMsPerHour);
  const double day = std::sin(std::numbers::pi * (h - 6.0) / 14.0);
  const double iglob = std::max(0.0, 900.0 * day);
  const double t_out = 28.0 + 10.0 * std::sin(std::numbers::pi * (h - 9.0) / 12.0);
  Measurements m =
      test::all_good(now, t_out + 2.0 + iglob / 150.0, 55.0 - 15.0 * std::max(0.0, day),
                     h > 10 && h < 12 ? 350.0 : 600.0, t_out, iglob);
  m.wind_m_s = good_reading(h > 15 && h < 16 ? 18.0 : 3.0, now);
  if (h > 14 && h < 15) {
    m.t_air_c.t_ms = t0 + 14 * kMsPerHour;
  }
  return m;
}

bool same(const Commands& a, const Commands& b) {
  return a.t_pipe_setpoint_c == b.t_pipe_setpoint_c && a.heating_frac == b.heating_frac &&
         a.vent_lee_open_frac == b.vent_lee_open_frac &&
         a.vent_wind_open_frac == b.vent_wind_open_frac &&
         a.screen_energy_closed_frac == b.screen_energy_closed_frac &&
         a.screen_shade_closed_frac == b.screen_shade_closed_frac &&
         a.screen_blackout_closed_frac == b.screen_blackout_closed_frac &&
         a.co2_dosing_kg_ha_h == b.co2_dosing_kg_ha_h && a.co2_dosing_frac == b.co2_dosing_frac &&
         a.lamps_on == b.lamps_on && a.fogging_frac == b.fogging_frac &&
         a.pad_fan_stage == b.pad_fan_stage && a.pad_fan_frac == b.pad_fan_frac &&
         a.irrigation_start == b.irrigation_start &&
         a.irrigation_dose_l_m2 == b.irrigation_dose_l_m2;
}

TEST(StateJson, RestartContinuesExactly) {
  ControllerSettings s = test::full_settings();
  s.heating.integral_time_s = 1200.0;
  const TimeMs t0 = test::at("2025-07-13T19:00:00Z");  // local midnight
  ControllerState straight;
  std::string saved = state_to_json(ControllerState{});
  int differences = 0;
  int alarms_seen = 0;
  for (int k = 0; k < 288; ++k) {
    const TimeMs now = t0 + static_cast<TimeMs>(k) * 5 * kMsPerMinute;
    const StepInput in{now, test::turkistan(), weather(now, t0)};
    const StepResult a = step(s, in, straight);
    ControllerState restored = state_from_json(saved, "state.json");
    const StepResult b = step(s, in, restored);
    saved = state_to_json(restored);
    differences += same(a.commands, b.commands) ? 0 : 1;
    EXPECT_EQ(state_to_json(straight), saved) << k;
    alarms_seen += static_cast<int>(a.active_alarms.count());
  }
  EXPECT_EQ(differences, 0);
  EXPECT_GT(alarms_seen, 0);  // the silent sensor was noticed, and survived the reloads
}

TEST(StateJson, KeepsOperatorModesAlarmsAndNan) {
  ControllerState st;
  set_override(st.operator_modes, SetpointId::kCo2Ppm, 1000.0, 0, 5 * kMsPerHour);
  set_manual(st.operator_modes, ActuatorId::kScreenShade, 0.4);
  AlarmRecord& r = st.alarms[alarm_index(sensor_alarm(AlarmKind::kSensorMissing, SensorId::kTAir))];
  r.active = true;
  r.raised_ms = 123;
  st.alarms[alarm_index({AlarmKind::kTAirHigh, 0})].pending = true;
  st.alarms[alarm_index({AlarmKind::kTAirHigh, 0})].value = 36.5;
  const ControllerState back = state_from_json(state_to_json(st), "s");
  EXPECT_TRUE(back.operator_modes.overrides[index_of(SetpointId::kCo2Ppm)].active);
  EXPECT_EQ(back.operator_modes.overrides[index_of(SetpointId::kCo2Ppm)].until_ms, 5 * kMsPerHour);
  EXPECT_EQ(back.operator_modes.manual[index_of(ActuatorId::kScreenShade)].value, 0.4);
  EXPECT_EQ(back.operator_modes.manual[index_of(ActuatorId::kScreenShade)].until_ms, kNoExpiry);
  const AlarmRecord& b =
      back.alarms[alarm_index(sensor_alarm(AlarmKind::kSensorMissing, SensorId::kTAir))];
  EXPECT_TRUE(b.active);
  EXPECT_EQ(b.raised_ms, 123);
  EXPECT_TRUE(std::isnan(b.value));
  EXPECT_EQ(back.alarms[alarm_index({AlarmKind::kTAirHigh, 0})].value, 36.5);
  EXPECT_EQ(state_to_json(back), state_to_json(st));
}

TEST(StateJson, BadDocuments) {
  EXPECT_THROW(state_from_json("{", "s.json"), InputError);
  EXPECT_THROW(state_from_json("[1]", "s.json"), InputError);
  EXPECT_THROW(state_from_json(R"({"version": 1e999})", "s.json"), InputError);  // beyond double
  EXPECT_THROW(state_from_json(R"({"version": 7})", "s.json"), InputError);
  try {
    state_from_json(R"({"version": 1, "lamps": {"on_s": "long"}})", "s.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "lamps");
    EXPECT_EQ(e.where().file, "s.json");
  }
  EXPECT_THROW(state_from_json(R"({"version": 1, "alarms": 3})", "s.json"), InputError);
  // Unknown keys are ignored, missing ones default.
  const ControllerState st = state_from_json(R"({"version": 1, "future_field": 1})", "s.json");
  EXPECT_FALSE(st.started);
}

}  // namespace
}  // namespace egin::control
