// Lamp switch-off preheat: a feed-forward that warms the heating pipe before the lamps' scheduled
// switch-off, so that the pipe already gives off the heat the lamps stop giving when they go off,
// instead of the air temperature falling first and the heating answering through its sensor a
// step later with a cool pipe — the anticipation of a known heat-load change that commercial
// climate computers offer as a minimum-pipe raise ahead of a lighting switch-off (the rule here is
// that idea with a linear ramp, not any vendor's curve).
//
// The scheduled switch-off is the one the lamp rules will make whatever the weather: the end of
// the lamp window, or the moment the day's lamp hours reach max_on_h (the radiation and light-
// sum rules depend on the weather and are not anticipated). While the lamps burn and that
// moment is at most lead_min away, and for hold_min after a switch-off with the sun down (no sun
// replaces the lamp heat), the minimum pipe temperature is raised above the air:
//
// | setting                  | meaning                                                 | unit   |
// |--------------------------|---------------------------------------------------------|--------|
// | lamp_off_preheat_min     | lead: the raise ramps 0 → 1 over this before switch-off | min    |
// | lamp_off_preheat_pipe_c  | pipe excess over the air at full raise (0 = no rule)    | °C     |
// | lamp_off_hold_min        | after the switch-off the raise ramps 1 → 0 over this    | min    |
//
// | output                 | equation                                                          |
// |------------------------|-------------------------------------------------------------------|
// | frac (before off)      | 1 − t_to_off / lead   for 0 ≤ t_to_off ≤ lead (lamps on), else 0   |
// | frac (after off)       | 1 − t_since_off / hold for 0 ≤ t_since_off < hold (sun down)       |
// | t_pipe_min_preheat_c   | T_air + frac · lamp_off_preheat_pipe_c (heating.hpp floor)         |
//
// Choosing lamp_off_preheat_pipe_c "in proportion to the lamp heat that will be lost": the pipe
// excess ΔT whose heat output matches the lamps' heat to the air, from the pipe–air exchange
// Q = 1.99 π d l |ΔT|^0.32 ΔT (free convection of a horizontal pipe, Vanthoor 2011 PhD thesis,
// Wageningen, Ch. 8 appendix, as GreenLight's HEC_PipeAir; d the pipe diameter, l its length per
// m² of floor) plus its radiation; docs/user-guide/climate-computer.md gives a worked figure.
#pragma once

#include <optional>

namespace egin::control {

struct LampOffPreheatSettings {
  double lead_min = 0.0;
  double pipe_excess_c = 0.0;  // 0 = no rule
  double hold_min = 0.0;
};

struct LampOffPreheatInputs {
  bool lamps_on = false;              // as last commanded
  std::optional<double> to_off_s;     // lamps on: seconds to the scheduled switch-off
  std::optional<double> since_off_s;  // lamps off: seconds since they went off
  bool sun_up = false;
};

/// The share 0–1 of the raise (table above).
double lamp_off_preheat_frac(const LampOffPreheatSettings& settings,
                             const LampOffPreheatInputs& in);

}  // namespace egin::control
