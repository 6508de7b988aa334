// The whole step: rules wired together, the safe states of lost sensors (a stale air
// temperature, a lost CO2 sensor, a stuck vent) with their alarms within the configured delay,
// manual modes under the interlocks, overrides, derived sums, the time step's edge cases, and
// the explanation. Settings from test_support.cpp; measurements are set by hand.
#include "egin/control/climate_controller.hpp"

#include <gtest/gtest.h>

#include "egin/control/explain.hpp"
#include "egin/control/proportional.hpp"
#include "test_support.hpp"

namespace egin::control {
namespace {

using test::all_good;
using test::at;
using test::full_settings;
using test::turkistan;

StepResult run(const ControllerSettings& s, ControllerState& st, TimeMs now, Measurements m) {
  return step(s, {now, turkistan(), m}, st);
}

bool alarm_active(const ControllerState& st, AlarmId id) {
  return st.alarms[alarm_index(id)].active;
}

TEST(ClimateController, SummerNoonVentsCoolsAndShades) {
  ControllerSettings s = full_settings();
  s.cooling.pad.close_vents = false;  // here the pads run with open vents (see below)
  ControllerState st;
  const TimeMs noon = at("2025-07-14T07:30:00Z");  // 12:30 local
  // 27 °C inside, vent temperature 20 + 4 = 24: excess 3 → lee full, windward (3 − 1)/3.
  const StepResult r = run(s, st, noon, all_good(noon, 27.0, 50.0, 600.0, 33.0, 850.0));
  const Commands& c = r.commands;
  EXPECT_EQ(r.explanation.band_index, 0u);
  EXPECT_TRUE(r.explanation.sun_up);
  EXPECT_DOUBLE_EQ(r.explanation.t_vent_c, 24.0);
  EXPECT_EQ(c.vent_lee_open_frac, 1.0);
  EXPECT_NEAR(c.vent_wind_open_frac, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(c.heating_frac, 0.0);
  EXPECT_EQ(c.screen_shade_closed_frac, 1.0);  // 850 W/m² ≥ 800
  EXPECT_EQ(c.screen_energy_closed_frac, 0.0);
  // CO2: vents wide open → set-point at the reduced 450 ppm, CO2 600: no dosing.
  EXPECT_EQ(r.explanation.co2.setpoint_eff_ppm, 450.0);
  EXPECT_EQ(c.co2_dosing_frac, 0.0);
  EXPECT_FALSE(c.lamps_on);  // bright
  // Fogging: VPD at 27 °C, 50 % = 1.78 kPa; default start 1.5, band 0.5 → 0.57; temperature
  // part (27 − 24 − 1)/2 = 1 → full.
  EXPECT_EQ(c.fogging_frac, 1.0);
  EXPECT_EQ(c.pad_fan_stage, 1);          // excess 3 ≥ 2
  EXPECT_DOUBLE_EQ(c.pad_fan_frac, 0.5);  // one of two stages
  EXPECT_EQ(r.explanation.safe_states, 0u);
  // With pads that need a closed house the vents shut, and CO2 (800 ppm, vents shut) doses.
  s.cooling.pad.close_vents = true;
  ControllerState st2;
  const StepResult closed = run(s, st2, noon, all_good(noon, 27.0, 50.0, 600.0, 33.0, 850.0));
  EXPECT_EQ(closed.commands.vent_lee_open_frac, 0.0);
  EXPECT_NE(closed.explanation.ventilation.limits & kVentPadFan, 0u);
  EXPECT_EQ(closed.commands.co2_dosing_frac, 1.0);
}

TEST(ClimateController, WinterNightHeatsBehindTheScreen) {
  const ControllerSettings s = full_settings();
  ControllerState st;
  const TimeMs night = at("2025-01-10T20:00:00Z");  // 01:00 local
  const StepResult r = run(s, st, night, all_good(night, 15.0, 80.0, 500.0, -10.0, 0.0));
  EXPECT_EQ(r.explanation.band_index, 1u);
  EXPECT_EQ(r.explanation.setpoints[SetpointId::kTHeatC], 16.0);
  // Error 1 °C over the default 2 °C band (integral 0 at a cold start) → demand 0.5,
  // pipe 15 + 0.5 (80 − 15) = 47.5 °C.
  EXPECT_DOUBLE_EQ(r.explanation.heating.demand_frac, 0.5);
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 47.5);
  EXPECT_EQ(r.commands.screen_energy_closed_frac, 1.0);
  EXPECT_EQ(r.commands.vent_lee_open_frac, 0.0);
  EXPECT_TRUE(r.commands.lamps_on);  // 01:00 is inside 00:00–18:00
  EXPECT_EQ(r.commands.screen_blackout_closed_frac, 1.0);
  EXPECT_EQ(r.commands.co2_dosing_frac, 0.0);  // night band: 0 ppm
}

TEST(ClimateController, LampOffPreheatBeforeAndAfterTheScheduledSwitchOff) {
  // Lamps 00:00–18:00 local (UTC+5); preheat 30 min lead, the air + 30 °C, 20 min hold. Air
  // 17 °C above the night band's 16 °C: no demand, the pipe set-point is the floor alone.
  ControllerSettings s = full_settings();
  s.heating.lamp_off = {30.0, 30.0, 20.0};
  ControllerState st;
  const auto pipe_at = [&](const std::string& iso) {
    const TimeMs t = at(iso);
    return run(s, st, t, all_good(t, 17.0, 80.0, 500.0, -10.0, 0.0));
  };
  EXPECT_TRUE(pipe_at("2025-01-10T12:00:00Z").commands.lamps_on);  // 17:00, lamps on
  StepResult r = pipe_at("2025-01-10T12:20:00Z");                  // 17:20: 40 min to go
  EXPECT_EQ(r.explanation.heating.demand_frac, 0.0);
  EXPECT_EQ(r.explanation.heating.t_pipe_min_preheat_c, 0.0);
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 17.0);
  r = pipe_at("2025-01-10T12:45:00Z");  // 17:45: 15 of 30 min to go → 17 + 0.5 · 30
  EXPECT_DOUBLE_EQ(r.explanation.heating.t_pipe_min_preheat_c, 32.0);
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 32.0);
  r = pipe_at("2025-01-10T12:55:00Z");  // 17:55 → 17 + (1 − 5/30) · 30
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 42.0);
  r = pipe_at("2025-01-10T13:00:00Z");  // 18:00: the window ends, the lamps go off
  EXPECT_FALSE(r.commands.lamps_on);
  r = pipe_at("2025-01-10T13:05:00Z");  // 5 of 20 min after, sun down → 17 + 0.75 · 30
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 39.5);
  r = pipe_at("2025-01-10T13:20:00Z");  // 20 min after: the hold is over
  EXPECT_EQ(r.explanation.heating.t_pipe_min_preheat_c, 0.0);
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 17.0);
  // The day's lamp hours are a scheduled switch-off too: at most 1 h, lamps on since 00:00.
  s.lamps.max_on_h = 1.0;
  ControllerState st2;
  for (const char* iso : {"2025-01-09T19:00:00Z", "2025-01-09T19:15:00Z", "2025-01-09T19:30:00Z",
                          "2025-01-09T19:45:00Z"}) {  // 00:00 to 00:45 local, every 15 min
    const TimeMs t = at(iso);
    r = run(s, st2, t, all_good(t, 17.0, 80.0, 500.0, -10.0, 0.0));
  }
  // At 00:45: 45 min burnt, 15 of the 30 min lead to go → 17 + 0.5 · 30.
  EXPECT_TRUE(r.commands.lamps_on);
  EXPECT_DOUBLE_EQ(r.commands.t_pipe_setpoint_c, 32.0);
}

TEST(ClimateController, StaleAirTemperatureDrivesTheSafeStateAndItsAlarm) {
  ControllerSettings s = full_settings();
  s.alarms.sensor_delay_s = 300.0;
  ControllerState st;
  const TimeMs t0 = at("2025-07-14T08:00:00Z");  // 13:00 local
  Measurements m = all_good(t0, 28.0, 45.0, 450.0, 35.0, 700.0);
  TimeMs now = t0;
  // The air-temperature reading stops at 13:00; everything else keeps reporting.
  for (int k = 0; k <= 6; ++k, now += 5 * kMsPerMinute) {
    const TimeMs t_air_ms = m.t_air_c.t_ms;
    m = all_good(now, 28.0, 45.0, 450.0, 35.0, 700.0);
    m.t_air_c.t_ms = t_air_ms;
    const StepResult r = run(s, st, now, m);
    const double age_s = static_cast<double>(now - t0) / 1000.0;
    const bool stale = age_s > 600.0;
    EXPECT_EQ((r.explanation.safe_states & kSafeHeatingFrost) != 0, stale) << k;
    if (stale) {
      EXPECT_EQ(r.explanation.sensors.status[index_of(SensorId::kTAir)], SensorStatus::kStale);
      EXPECT_EQ(r.commands.t_pipe_setpoint_c, s.safety.frost_t_pipe_c);
      EXPECT_NE(r.explanation.safe_states & kSafeVentsByOutdoor, 0u);
      // Vents by outdoor temperature: 35 °C ≥ 30 → the safe maximum 0.5, on both sides.
      EXPECT_DOUBLE_EQ(r.commands.vent_lee_open_frac, 0.5);
      EXPECT_DOUBLE_EQ(r.commands.vent_wind_open_frac, 0.5);
      EXPECT_EQ(r.commands.fogging_frac, 0.0);
      EXPECT_EQ(r.commands.pad_fan_stage, 0);  // default safe stage 0
    }
    // The alarm: stale from 13:10+ (first seen 13:15), raised 300 s later (13:20).
    const AlarmId id = sensor_alarm(AlarmKind::kSensorStale, SensorId::kTAir);
    EXPECT_EQ(alarm_active(st, id), now >= t0 + 20 * kMsPerMinute) << k;
  }
}

TEST(ClimateController, LostCo2SensorStopsDosing) {
  ControllerSettings s = full_settings();
  s.alarms.sensor_delay_s = 120.0;
  ControllerState st;
  TimeMs now = at("2025-03-10T06:00:00Z");  // 11:00 local, spring
  Measurements m = all_good(now, 21.0, 70.0, 500.0, 10.0, 300.0);
  StepResult r = run(s, st, now, m);
  EXPECT_GT(r.commands.co2_dosing_frac, 0.0);  // 800 set-point, 500 measured: full
  m.co2_air_ppm = Reading{};                   // the sensor disappears
  for (int k = 0; k < 3; ++k) {
    now += kMsPerMinute;
    m = all_good(now, 21.0, 70.0, 0.0, 10.0, 300.0);
    m.co2_air_ppm = Reading{};
    r = run(s, st, now, m);
    EXPECT_EQ(r.commands.co2_dosing_frac, 0.0);
    EXPECT_EQ(r.commands.co2_dosing_kg_ha_h, 0.0);
    EXPECT_NE(r.explanation.safe_states & kSafeCo2Off, 0u);
  }
  // Missing since the first of those steps (1 min in); raised 120 s later.
  EXPECT_TRUE(alarm_active(st, sensor_alarm(AlarmKind::kSensorMissing, SensorId::kCo2Air)));
}

TEST(ClimateController, StuckVentRaisesItsAlarmAndTheOtherSideTakesOver) {
  ControllerSettings s = full_settings();
  s.alarms.feedback_delay_s = 600.0;
  ControllerState st;
  TimeMs now = at("2025-06-01T07:00:00Z");
  // 25.5 °C: lee 0.75, windward (1.5 − 1)/3 = 0.167; the lee vent is stuck shut.
  StepResult r;
  for (int k = 0; k <= 4; ++k, now += 5 * kMsPerMinute) {
    Measurements m = all_good(now, 25.5, 60.0, 400.0, 20.0, 400.0);
    m.vent_wind_open_frac = good_reading(st.last_commands.vent_wind_open_frac, now);
    r = run(s, st, now, m);
  }
  const AlarmId stuck = feedback_alarm(FeedbackId::kVentLee);
  // Commanded since the first step; compared from the second (5 min) on; raised at 15 min.
  EXPECT_TRUE(alarm_active(st, stuck));
  // The alarm was active when this step began? It rose in the last step, so one more step:
  Measurements m = all_good(now, 25.5, 60.0, 400.0, 20.0, 400.0);
  r = run(s, st, now, m);
  EXPECT_NE(r.explanation.safe_states & kSafeVentTakeover, 0u);
  EXPECT_NEAR(r.commands.vent_wind_open_frac, 0.75, 1e-12);
  EXPECT_NEAR(r.commands.vent_lee_open_frac, 0.75, 1e-12);
  EXPECT_NE(explain(s, r, st, 300).find("not following: commanded 0.75, at 0.00"),
            std::string::npos);
  // Stuck open instead: the CO2 interlock counts the measured position.
  ControllerState st2;
  now = at("2025-03-10T06:00:00Z");
  m = all_good(now, 20.0, 70.0, 400.0, 10.0, 300.0);
  m.vent_lee_open_frac = good_reading(0.9, now);  // 450 ppm at 0.9 open: the rule doses 0.5
  r = run(s, st2, now, m);
  EXPECT_EQ(r.commands.vent_lee_open_frac, 0.0);
  EXPECT_EQ(r.commands.co2_dosing_frac, 0.0);
  EXPECT_NE(r.explanation.interlocks & kInterlockCo2VentsOpen, 0u);
}

TEST(ClimateController, ManualModesStillMeetTheInterlocks) {
  const ControllerSettings s = full_settings();
  ControllerState st;
  const TimeMs now = at("2025-03-10T06:00:00Z");
  set_manual(st.operator_modes, ActuatorId::kVentLee, 0.9);
  set_manual(st.operator_modes, ActuatorId::kCo2, 1.0);
  set_manual(st.operator_modes, ActuatorId::kFogging, 1.0);
  set_manual(st.operator_modes, ActuatorId::kIrrigation, 0.4);
  StepResult r = run(s, st, now, all_good(now, 12.0, 70.0, 500.0, 10.0, 300.0));
  EXPECT_EQ(r.commands.vent_lee_open_frac, 0.9);
  EXPECT_EQ(r.commands.co2_dosing_frac, 0.0);  // vents 0.9 > 0.5
  EXPECT_EQ(r.commands.fogging_frac, 0.0);     // 12 °C < 15 °C
  EXPECT_TRUE(r.commands.irrigation_start);
  EXPECT_EQ(r.commands.irrigation_dose_l_m2, 0.4);
  EXPECT_NE(r.explanation.manual_active & (1u << index_of(ActuatorId::kIrrigation)), 0u);
  // The manual start was one start: the mode has ended, and the next step starts nothing.
  EXPECT_FALSE(st.operator_modes.manual[index_of(ActuatorId::kIrrigation)].active);
  r = run(s, st, now + kMsPerMinute, all_good(now + kMsPerMinute, 12.0, 70.0, 500.0, 10.0, 300.0));
  EXPECT_FALSE(r.commands.irrigation_start);
  // Manual heating: the pipe set-point as given, the boiler by the feed-forward.
  set_manual(st.operator_modes, ActuatorId::kHeating, 60.0);
  r = run(s, st, now + 2 * kMsPerMinute,
          all_good(now + 2 * kMsPerMinute, 20.0, 70.0, 500.0, 10.0, 300.0));
  EXPECT_EQ(r.commands.t_pipe_setpoint_c, 60.0);
  EXPECT_DOUBLE_EQ(r.commands.heating_frac, std::clamp(40.0 / 60.0 + 40.0 / 10.0, 0.0, 1.0));
}

TEST(ClimateController, OverrideAndCalendar) {
  ControllerSettings s = full_settings();
  s.calendar = {{SetpointId::kTHeatC, {{10, 1.5}}}};  // +1.5 °C all year
  ControllerState st;
  const TimeMs now = at("2025-01-10T20:00:00Z");
  StepResult r = run(s, st, now, all_good(now, 15.0, 80.0, 500.0, -10.0, 0.0));
  EXPECT_EQ(r.explanation.band_setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_EQ(r.explanation.setpoints[SetpointId::kTHeatC], 17.5);
  set_override(st.operator_modes, SetpointId::kTHeatC, 19.0, now, now + kMsPerHour);
  r = run(s, st, now + kMsPerMinute, all_good(now + kMsPerMinute, 15.0, 80.0, 500.0, -10.0, 0.0));
  EXPECT_EQ(r.explanation.setpoints[SetpointId::kTHeatC], 19.0);
  EXPECT_NE(r.explanation.overrides_active, 0u);
  r = run(s, st, now + kMsPerHour, all_good(now + kMsPerHour, 15.0, 80.0, 500.0, -10.0, 0.0));
  EXPECT_EQ(r.explanation.setpoints[SetpointId::kTHeatC], 17.5);
  EXPECT_NE(r.explanation.expired.overrides, 0u);
}

TEST(ClimateController, RadiationSumAndDliFromSunrise) {
  const ControllerSettings s = full_settings();
  ControllerState st;
  const SunTimes sun = sun_times(turkistan(), Date(2025, 7, 14));
  // 500 W/m² for 2 h after sunrise, 5-min steps: 500 × 7200 × 1e-4 = 360 J/cm².
  TimeMs now = sun.sunrise_ms + kMsPerMinute;
  StepResult r;
  for (int k = 0; k <= 24; ++k, now += 5 * kMsPerMinute) {
    r = run(s, st, now, all_good(now, 24.0, 60.0, 400.0, 25.0, 500.0));
  }
  EXPECT_NEAR(r.explanation.derived.radiation_sum_j_cm2, 360.0, 1e-9);
  // DLI since midnight: 500 × 0.7 × 2.3 µmol/J × 7200 s = 5.796 mol/m² (lamps off: bright).
  EXPECT_NEAR(r.explanation.derived.dli_mol_m2, 5.796, 1e-9);
  EXPECT_NEAR(r.explanation.derived.vpd_kpa, 0.4 * 2.985, 0.002);  // e°(24) = 2.985 (FAO Table 2.3)
}

TEST(ClimateController, TimeStepEdges) {
  const ControllerSettings s = full_settings();
  ControllerState st;
  const TimeMs t0 = at("2025-07-14T06:00:00Z");
  EXPECT_EQ(run(s, st, t0, all_good(t0, 24.0, 60.0, 400.0, 25.0, 500.0)).explanation.dt_s, 0.0);
  const TimeMs t1 = t0 + 3 * kMsPerHour;
  EXPECT_EQ(run(s, st, t1, all_good(t1, 24.0, 60.0, 400.0, 25.0, 500.0)).explanation.dt_s,
            kMaxStepDtS);
  EXPECT_EQ(run(s, st, t0, all_good(t0, 24.0, 60.0, 400.0, 25.0, 500.0)).explanation.dt_s, 0.0);
}

TEST(ClimateController, AbsentEquipmentStaysAtRest) {
  ControllerSettings s = full_settings();
  s.lamps.installed = false;
  s.cooling.fog.installed = false;
  s.screens.shade.installed = false;
  ControllerState st;
  set_manual(st.operator_modes, ActuatorId::kLamps, 1.0);
  const TimeMs now = at("2025-07-14T07:30:00Z");
  const StepResult r = run(s, st, now, all_good(now, 30.0, 30.0, 400.0, 38.0, 900.0));
  EXPECT_FALSE(r.commands.lamps_on);
  EXPECT_EQ(r.commands.fogging_frac, 0.0);
  EXPECT_EQ(r.commands.screen_shade_closed_frac, 0.0);
}

TEST(ClimateController, ExplanationNamesTheBandsRulesAndSafeStates) {
  const ControllerSettings s = full_settings();
  ControllerState st;
  const TimeMs now = at("2025-01-10T20:00:00Z");
  Measurements m = all_good(now, 15.0, 80.0, 500.0, -10.0, 0.0);
  m.t_air_c = Reading{};
  const StepResult r = run(s, st, now, m);
  const std::string text = explain(s, r, st, 300);
  EXPECT_NE(text.find("band 1 'night'"), std::string::npos) << text;
  EXPECT_NE(text.find("sensors: t_air_c missing"), std::string::npos) << text;
  EXPECT_NE(text.find("safe states: heating frost-safe, vents by outdoor temperature"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("screens: energy 1.00 closed (night, cold outside)"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace egin::control
