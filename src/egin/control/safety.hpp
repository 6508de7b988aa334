// The safety layer between the rules and the actuators: the documented safe states that replace
// a rule when a sensor it needs is lost (stale, missing or implausible), the interlocks that no
// rule and no manual command may break, and the actuators' travel-rate limits.
//
// Safe states (SafeState bits in the step's explanation):
// | lost sensor        | safe state                                                            |
// |--------------------|-----------------------------------------------------------------------|
// | t_air_c            | heating to the frost-safe pipe temperature frost_t_pipe_c (boiler at   |
// |                    | frost_heating_frac plus a P correction on the pipe, or that fraction   |
// |                    | alone without a pipe sensor); vents by outdoor temperature only:        |
// |                    | 0 at T_out ≤ safe_vent_closed_below_t_out_c rising linearly to          |
// |                    | safe_vent_max_frac at T_out ≥ safe_vent_full_above_t_out_c (both sides,|
// |                    | then the wind, rain and storm limits); fogging off; pad-and-fan at     |
// |                    | safe_pad_fan_stage while T_out ≥ safe_pad_fan_above_t_out_c, else off  |
// | t_air_c and t_out_c| vents at safe_vent_without_t_out_frac                                  |
// | t_out_c            | vents capped at vent_max_without_t_out_frac (the cold limit is unknown)|
// | rh_air_pct         | humidity venting, screen gap for humidity, humidity raise and fogging off|
// | co2_air_ppm        | CO2 dosing off                                                          |
// | wind_m_s           | vents capped at vent_max_without_wind_frac                              |
// | rain_mm_h          | treated as raining (windward closed)                                    |
// | iglob_w_m2         | radiation influences off, shade levels off, lamps may burn, irrigation |
// |                    | by the maximum interval                                                 |
// | t_pipe_c           | boiler demand by the feed-forward alone                                 |
// | vent feedback, or  | the other side takes over the failed side's demand; the CO2 interlock |
// | "not following"    | counts the measured position                                           |
// Interlocks (Interlock bits): no CO2 dosing while a vent (command or feedback) is open more than
// co2_max_vent_open_frac; no fogging below fog_min_t_air_c or above fog_max_rh_pct air humidity
// (nor without an air temperature or humidity reading). Travel rates: a vent command moves at most
// vent_travel_frac_per_min, a screen command screen_travel_frac_per_min, the pipe set-point
// pipe_setpoint_c_per_min (0 = no limit) from the previous step's command.
#pragma once

#include <cstdint>
#include <optional>

#include "egin/control/commands.hpp"
#include "egin/control/heating.hpp"
#include "egin/control/sensor_check.hpp"

namespace egin::control {

struct SafetySettings {
  double frost_t_pipe_c = 45.0;
  double frost_heating_frac = 0.3;
  double safe_vent_closed_below_t_out_c = 15.0;
  double safe_vent_full_above_t_out_c = 30.0;
  double safe_vent_max_frac = 0.5;
  double safe_vent_without_t_out_frac = 0.05;
  double vent_max_without_t_out_frac = 0.3;
  double vent_max_without_wind_frac = 0.3;
  int safe_pad_fan_stage = 0;
  double safe_pad_fan_above_t_out_c = 30.0;
  double co2_max_vent_open_frac = 0.5;
  double fog_min_t_air_c = 15.0;
  double fog_max_rh_pct = 90.0;
  double vent_travel_frac_per_min = 0.5;
  double screen_travel_frac_per_min = 0.5;
  double pipe_setpoint_c_per_min = 0.0;
};

enum SafeState : std::uint32_t {
  kSafeHeatingFrost = 1u << 0,
  kSafeVentsByOutdoor = 1u << 1,
  kSafeVentsFixed = 1u << 2,
  kSafeCo2Off = 1u << 3,
  kSafeFogOff = 1u << 4,
  kSafePadFanByOutdoor = 1u << 5,
  kSafeHumidityRulesOff = 1u << 6,
  kSafeWindUnknown = 1u << 7,
  kSafeRainAssumed = 1u << 8,
  kSafeColdUnknown = 1u << 9,
  kSafeVentTakeover = 1u << 10,
  kSafeRadiationUnknown = 1u << 11,
};

enum Interlock : std::uint32_t {
  kInterlockCo2VentsOpen = 1u << 0,
  kInterlockFogCold = 1u << 1,
  kInterlockFogHumid = 1u << 2,
  kInterlockFogNoSensor = 1u << 3,
  kRateLimitedVent = 1u << 4,
  kRateLimitedScreen = 1u << 5,
  kRateLimitedPipe = 1u << 6,
};

/// The vent opening of the "by outdoor temperature only" safe state; `fixed` is set when the
/// outdoor temperature is lost too and the fixed opening holds.
double safe_vent_demand(const SafetySettings& settings, std::optional<double> t_out_c, bool& fixed);

struct FrostHeating {
  double t_pipe_setpoint_c = 0.0;
  double heating_frac = 0.0;
};
FrostHeating frost_heating(const SafetySettings& settings, const HeatingSettings& heating,
                           std::optional<double> t_pipe_c);

/// The pad-and-fan stage without an air temperature.
int safe_pad_fan_stage(const SafetySettings& settings, std::optional<double> t_out_c,
                       int installed_stages);

struct InterlockInputs {
  std::optional<double> t_air_c;
  std::optional<double> rh_air_pct;
  std::optional<double> vent_lee_feedback_frac;
  std::optional<double> vent_wind_feedback_frac;
  const Commands* previous = nullptr;  // nullptr: no travel limit (first step)
  double dt_s = 0.0;
};

/// Applies the interlocks and travel-rate limits to `commands`; returns the Interlock bits.
std::uint32_t apply_interlocks(const SafetySettings& settings, const InterlockInputs& in,
                               Commands& commands);

}  // namespace egin::control
