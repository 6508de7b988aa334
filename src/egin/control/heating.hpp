// Heating: from the band's heating temperature to a pipe-water set-point and a boiler/valve
// demand. The heating temperature is raised with radiation (light-dependent) and with humidity;
// a PI controller on the air temperature error gives the heating demand 0–1, which sets the
// pipe temperature between its floor (the minimum pipe temperature, or the air temperature when
// no minimum holds) and its maximum. The demand on the boiler follows the pipe set-point.
//
// | setting                          | meaning                                        | unit    |
// |----------------------------------|------------------------------------------------|---------|
// | p_band_c                         | air temperature error for full demand          | °C      |
// | integral_time_s                  | PI integral time Ti (0 = P only)               | s       |
// | t_pipe_max_c                     | maximum pipe temperature                       | °C      |
// | pipe_p_band_c                    | pipe error for full boiler correction          | °C      |
// | radiation_raise_start_w_m2 / _end| radiation over which the raise grows 0 → max   | W m⁻²   |
// | radiation_raise_max_c            | largest light-dependent raise                  | °C      |
// | humidity_raise_p_band_pct        | RH above rh_max_pct for the full raise         | %       |
// | humidity_raise_max_c             | largest humidity raise                         | °C      |
// | pipe_min_reduction_start/_end_w_m2| radiation over which the minimum pipe drops   | W m⁻²   |
// | pipe_min_reduction_max_c         | largest drop of the minimum pipe temperature   | °C      |
// | unlit_dark_offset_c              | added to t_heat_c while the sun is down and the | °C (≤ 0)|
// |                                  | lamps are off (0 = none)                        |         |
// | lamp_off_preheat_min / _pipe_c / | the lamp switch-off preheat (lamp_off_preheat.hpp)| min, °C|
// | lamp_off_hold_min                |                                                 |         |
//
// | output             | equation                                                             |
// |--------------------|----------------------------------------------------------------------|
// | t_heat_base_c      | t_heat_c [+ unlit_dark_offset_c] + raise_max ramp(Iglob; start, end)  |
// | t_heat_target_c    | t_heat_base_c + raise_max p_band(RH − rh_max, band)                   |
// | t_pipe_min_eff_c   | t_pipe_min_c − reduction_max ramp(Iglob; start, end); 0 when none     |
// | demand_frac        | PI(t_heat_target_c − t_air), proportional.hpp                         |
// | t_pipe_min_preheat | t_air + lamp_off_preheat_frac · lamp_off_preheat_pipe_c (0 when none) |
// | t_pipe_setpoint_c  | floor + demand (t_pipe_max − floor),                                 |
// |                    | floor = max(t_pipe_min_eff, t_pipe_min_preheat, t_air), ≤ t_pipe_max  |
// | heating_frac       | (sp − t_air)/(t_pipe_max − t_air) + (sp − t_pipe)/pipe_p_band, 0–1    |
// The last line is a feed-forward on the pipe's excess over the air (the heat a pipe gives grows
// with it: pipe–air convection ∝ |ΔT|^0.32 ΔT in Vanthoor 2011, PhD thesis, Wageningen, Ch. 8
// appendix; taken as linear here) with a P correction on the measured pipe temperature. The
// ventilation temperature is built on t_heat_base_c, not on the humidity-raised target, so a
// humidity raise does not also close the vents.
//
// The unlit-dark offset is GreenLight's day/night heating rule (Katzin 2021 PhD thesis ch. 4
// p. 120; GreenLight 2.0 katzin_2021: heatSetPoint = tSpDay while isDayInside = max(lamps on,
// sun up), else tSpNight): one band at the day value with offset tSpNight − tSpDay gives the
// night value exactly when neither the sun nor the lamps light the house, whatever the clock.
#pragma once

#include <optional>

#include "egin/control/lamp_off_preheat.hpp"
#include "egin/control/proportional.hpp"

namespace egin::control {

struct HeatingSettings {
  bool installed = false;
  double p_band_c = 2.0;
  double integral_time_s = 1800.0;
  double t_pipe_max_c = 80.0;
  double pipe_p_band_c = 10.0;
  double radiation_raise_start_w_m2 = 100.0;
  double radiation_raise_end_w_m2 = 500.0;
  double radiation_raise_max_c = 0.0;
  double humidity_raise_p_band_pct = 5.0;
  double humidity_raise_max_c = 0.0;
  double pipe_min_reduction_start_w_m2 = 100.0;
  double pipe_min_reduction_end_w_m2 = 300.0;
  double pipe_min_reduction_max_c = 0.0;
  double unlit_dark_offset_c = 0.0;
  LampOffPreheatSettings lamp_off;
};

struct HeatingInputs {
  double t_heat_c = 18.0;     // band set-point
  double rh_max_pct = 85.0;   // band set-point
  double t_pipe_min_c = 0.0;  // band set-point, 0 = none
  std::optional<double> t_air_c;
  std::optional<double> rh_air_pct;
  std::optional<double> iglob_w_m2;
  std::optional<double> t_pipe_c;
  bool unlit_dark = false;             // sun down and lamps off (as last commanded)
  double lamp_off_preheat_frac = 0.0;  // 0–1, lamp_off_preheat.hpp
};

struct HeatingOutput {
  double unlit_dark_offset_c = 0.0;  // applied to the band's t_heat_c
  double t_heat_base_c = 0.0;
  double t_heat_target_c = 0.0;
  double radiation_raise_c = 0.0;
  double humidity_raise_c = 0.0;
  double t_pipe_min_eff_c = 0.0;
  double t_pipe_min_preheat_c = 0.0;  // the lamp switch-off preheat's floor, 0 = none
  double demand_frac = 0.0;
  double t_pipe_setpoint_c = 0.0;
  double heating_frac = 0.0;
  bool air_known = false;  // false: t_air missing, the outputs are not usable (safety decides)
};

/// The heating temperature with its radiation and humidity influences (no air sensor needed).
HeatingOutput heating_setpoints(const HeatingSettings& settings, const HeatingInputs& in);

/// One heating step: set-points, PI demand and pipe set-point. The PI state is left alone when
/// the air temperature is unknown.
HeatingOutput heating_step(const HeatingSettings& settings, const HeatingInputs& in, double dt_s,
                           PiState& pi);

/// The boiler demand that holds the pipe at `t_pipe_setpoint_c` (see the table above); without
/// an air temperature the feed-forward uses `t_air_fallback_c`.
double heating_frac_for_pipe(const HeatingSettings& settings, double t_pipe_setpoint_c,
                             std::optional<double> t_air_c, std::optional<double> t_pipe_c,
                             double t_air_fallback_c);

}  // namespace egin::control
