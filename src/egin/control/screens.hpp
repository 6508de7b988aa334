// Screens: the energy (thermal) screen, the shade screen and the blackout screen. Positions are
// closures, 0 = open (stowed), 1 = fully drawn.
//
// Energy screen — closed by night when it is cold outside, and by day when it is cold and dark:
//   night (before sunrise, after sunset): closes once T_out ≤ night_close_below_t_out_c and
//     opens once T_out ≥ that + t_out_hysteresis_c;
//   day: closes when T_out < day_close_below_t_out_c and Iglob < day_close_below_iglob_w_m2,
//     opens once T_out ≥ that + t_out_hysteresis_c or Iglob ≥ that + iglob_hysteresis_w_m2.
//   When closed it is drawn to closed_frac less a gap: gap = gap_max_frac · max(p_band(RH −
//   rh_max, gap_rh_p_band_pct), p_band(T − T_vent − gap_heat_start_c, gap_heat_p_band_c)) — a
//   gap dumps humidity or heat without opening the screen. With gap_rh_cold_p_band_c > 0 the
//   humidity share is scaled by ramp(T; T_heat − stop − band, T_heat − stop), stop =
//   gap_rh_cold_stop_below_heat_c: a house colder than its heating temperature keeps the screen
//   shut against humidity (GreenLight's thScrRh = max(P(RH; rhMax + thScrMaxRh), 1 − ventCold),
//   Katzin 2021 PhD thesis ch. 4 p. 121, with ventCold's 1 °C below the set-point and 1 °C band).
//   Opening (any decrease of the closure, the morning opening above all) goes in steps of
//   open_step_frac every open_step_interval_min so that cold air above the screen does not fall
//   on the crop at once; closing is immediate (the travel-rate limit still applies).
//   Missing T_out is taken as cold (the screen closes at night; by day it follows radiation);
//   missing Iglob as bright (the screen opens by day).
// Shade screen — levels: at Iglob ≥ above_iglob_w_m2 of level k the closure is at least its
//   closed_frac; a level is left when Iglob falls below its threshold less hysteresis_w_m2. In
//   hot climates it also closes to temperature_closed_frac while the sun is up and T ≥ T_vent +
//   temperature_excess_c (until T falls 1 °C below that). Missing Iglob: levels off.
// Blackout screen — closed (closed_frac) while the lamps are on and the sun is down (or Iglob <
//   with_lamps_below_iglob_w_m2), when with_lamps is set; and during its own clock window, if
//   one is given (photoperiod control).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "egin/control/time_of_day.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct EnergyScreenSettings {
  bool installed = false;
  double closed_frac = 1.0;
  double night_close_below_t_out_c = 10.0;
  double day_close_below_t_out_c = 5.0;
  double day_close_below_iglob_w_m2 = 50.0;
  double t_out_hysteresis_c = 1.0;
  double iglob_hysteresis_w_m2 = 20.0;
  double gap_max_frac = 0.1;
  double gap_rh_p_band_pct = 5.0;
  double gap_heat_start_c = 0.0;
  double gap_heat_p_band_c = 2.0;
  double gap_rh_cold_stop_below_heat_c = 0.0;
  double gap_rh_cold_p_band_c = 0.0;  // 0 = no cold rule
  double open_step_frac = 0.1;
  double open_step_interval_min = 5.0;
};

struct ShadeLevel {
  double above_iglob_w_m2 = 500.0;
  double closed_frac = 1.0;
};

inline constexpr std::size_t kMaxShadeLevels = 4;

struct ShadeScreenSettings {
  bool installed = false;
  std::vector<ShadeLevel> levels;  // increasing thresholds, 0 … kMaxShadeLevels
  double hysteresis_w_m2 = 50.0;
  double temperature_excess_c = 0.0;  // 0 = no temperature rule
  double temperature_closed_frac = 0.0;
};

struct BlackoutScreenSettings {
  bool installed = false;
  double closed_frac = 1.0;
  bool with_lamps = true;
  double with_lamps_below_iglob_w_m2 = 10.0;
  bool has_window = false;
  TimeOfDay window_start;
  TimeOfDay window_end;
};

struct ScreenSettings {
  EnergyScreenSettings energy;
  ShadeScreenSettings shade;
  BlackoutScreenSettings blackout;
};

struct ScreenInputs {
  TimeMs now_ms = 0;
  bool sun_up = false;
  double t_vent_c = 22.0;
  double t_heat_c = 18.0;  // the heating base temperature (cold rule of the humidity gap)
  double rh_max_pct = 85.0;
  std::optional<double> t_air_c;
  std::optional<double> rh_air_pct;
  std::optional<double> t_out_c;
  std::optional<double> iglob_w_m2;
  bool lamps_on = false;
  bool in_blackout_window = false;  // the caller resolves the window (it knows the site)
};

struct ScreenState {
  bool energy_closed = false;  // the rule's decision (before gap and steps)
  double energy_position_frac = 0.0;
  TimeMs energy_last_step_ms = 0;
  std::size_t shade_level = 0;  // 0 = open, k = levels[k − 1]
  bool shade_hot = false;
};

/// Why the energy screen is where it is.
enum class EnergyScreenReason : std::uint8_t {
  kNotInstalled,
  kOpenDay,
  kOpenNight,
  kClosedNightCold,
  kClosedDayColdDark,
};

struct ScreenOutput {
  double screen_energy_closed_frac = 0.0;
  double screen_shade_closed_frac = 0.0;
  double screen_blackout_closed_frac = 0.0;
  EnergyScreenReason energy_reason = EnergyScreenReason::kNotInstalled;
  double energy_target_frac = 0.0;  // before the stepwise opening
  double energy_gap_frac = 0.0;
  bool energy_stepping = false;  // opening in steps
  std::size_t shade_level = 0;
  bool shade_hot = false;
};

ScreenOutput screens_step(const ScreenSettings& settings, const ScreenInputs& in,
                          ScreenState& state);

}  // namespace egin::control
