// The climate computer's one entry point: step(settings, input, state) → commands, alarm events
// and an explanation. Pure: no I/O, no clock (the time comes in `input.now_ms`), no hidden
// state (everything it remembers is in `state`, which it updates). Call it at a steady pace
// (settings.step_s, typically 60–300 s); a gap longer than kMaxStepDtS is counted as that long
// for integrals and sums, and a time that goes backwards as no time at all.
//
// Order inside a step (each rule in its own header):
//   sensor checks (sensor_check.hpp) → operator modes expire (operator_modes.hpp) → set-points:
//   bands (time_bands.hpp) + calendar (calendar_curve.hpp), clamped to their ranges, then
//   overrides → derived variables (derived.hpp) → heating (heating.hpp; the ventilation
//   temperature is its base temperature + the band's dead zone) → lamps (lamps.hpp) → cooling
//   (cooling.hpp) → ventilation (ventilation.hpp) → screens (screens.hpp) → CO2 (co2.hpp) →
//   irrigation (irrigation.hpp) → safe states for lost sensors, manual modes, interlocks and
//   travel limits (safety.hpp) → alarms (alarms.hpp).
//
// | input                | meaning                                                        |
// |----------------------|----------------------------------------------------------------|
// | now_ms               | the time of this step, UTC ms                                  |
// | site                 | latitude, longitude, UTC offset (sun times, local days)        |
// | measurements         | every reading with its time stamp and quality                  |
// | forecast_rad_sum_mj_m2 | the local day's expected outdoor global radiation sum from a  |
// |                      | weather forecast, MJ m⁻² d⁻¹ (nullopt: none; lamps.hpp)         |
#pragma once

#include <cstdint>
#include <optional>

#include "egin/control/commands.hpp"
#include "egin/control/controller_state.hpp"
#include "egin/control/measurements.hpp"
#include "egin/control/settings.hpp"
#include "egin/control/site_sun.hpp"

namespace egin::control {

/// Longest interval one step integrates, s.
inline constexpr double kMaxStepDtS = 900.0;

struct StepInput {
  TimeMs now_ms = 0;
  SiteInfo site;
  Measurements measurements;
  std::optional<double> forecast_rad_sum_mj_m2 = std::nullopt;
};

/// Why the commands are what they are: every intermediate value of every rule.
struct Explanation {
  TimeMs now_ms = 0;
  double dt_s = 0.0;
  SunTimes sun;
  bool sun_up = false;
  std::size_t band_index = 0;
  double band_ramp_frac = 1.0;
  Setpoints band_setpoints;            // from the bands (ramped)
  Setpoints setpoints;                 // after calendar curves, range limits and overrides
  std::uint32_t overrides_active = 0;  // bit per SetpointId
  std::uint32_t manual_active = 0;     // bit per ActuatorId
  Expired expired;
  SensorView sensors;
  DerivedValues derived;
  double t_vent_c = 0.0;
  HeatingOutput heating;
  LampOutput lamps;
  CoolingOutput cooling;
  VentilationOutput ventilation;
  ScreenOutput screens;
  Co2Output co2;
  IrrigationOutput irrigation;
  std::uint32_t safe_states = 0;  // SafeState bits
  std::uint32_t interlocks = 0;   // Interlock bits
};

struct StepResult {
  Commands commands;
  AlarmEvents alarm_events;  // raised and cleared at this step
  AlarmBits active_alarms;
  Explanation explanation;
};

StepResult step(const ControllerSettings& settings, const StepInput& input, ControllerState& state);

}  // namespace egin::control
