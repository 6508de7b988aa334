// The inputs a climate computer sets: every actuator of the twin, as in Vanthoor 2011 and Katzin
// 2021 (u_Boil, u_Roof, u_ThScr, …) plus the hot-climate actuators this twin adds. Each `_frac`
// is a position or power share in [0, 1] (0 closed / off, 1 fully open / closed screen / full
// power). Templated on the scalar so that a controller evaluated inside the model's rates (the
// GreenLight rules) gives the Jacobian its feedback.
//
// | field                 | symbol      | what (1 means)                                      |
// |-----------------------|-------------|-----------------------------------------------------|
// | boiler_frac           | u_Boil      | boiler heat into the pipe rail (full capacity)      |
// | grow_pipe_frac        | u_BoilGro   | boiler heat into the grow pipes                     |
// | roof_vent_frac        | u_Roof      | roof vents fully open                               |
// | side_vent_frac        | u_Side      | side vents fully open                               |
// | thermal_screen_frac   | u_ThScr     | thermal (energy) screen closed                      |
// | blackout_screen_frac  | u_BlScr     | blackout screen closed                              |
// | shade_screen_frac     | u_ShScr     | (outdoor) shade screen closed                       |
// | whitewash_frac        | u_ShScrPer  | whitewash applied                                   |
// | co2_dosing_frac       | u_ExtCO2    | CO2 supply at capacity                              |
// | lamp_frac             | u_Lamp      | top lights on                                       |
// | interlight_frac       | u_IntLamp   | interlights on                                      |
// | air_heater_frac       | u_Blow      | direct air heater at capacity                       |
// | fog_frac              | u_Fog       | fogging at capacity                                 |
// | pad_fan_frac          | u_Pad       | pad-and-fan at capacity                             |
// | forced_vent_frac      | u_VentForced| fans at capacity                                    |
//
// Pipe temperatures may be imposed instead of boiler valves (measured pipe temperatures, as in
// the validation of Katzin 2020): t_pipe_set_c / t_grow_pipe_set_c, NaN when not used. The boiler
// then delivers what holds the pipe at that temperature (never negative heat).
#pragma once

#include <limits>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

template <typename T>
struct ControlsT {
  T boiler_frac{0.0};
  T grow_pipe_frac{0.0};
  T roof_vent_frac{0.0};
  T side_vent_frac{0.0};
  T thermal_screen_frac{0.0};
  T blackout_screen_frac{0.0};
  T shade_screen_frac{0.0};
  T whitewash_frac{0.0};
  T co2_dosing_frac{0.0};
  T lamp_frac{0.0};
  T interlight_frac{0.0};
  T air_heater_frac{0.0};
  T fog_frac{0.0};
  T pad_fan_frac{0.0};
  T forced_vent_frac{0.0};
  double t_pipe_set_c = std::numeric_limits<double>::quiet_NaN();
  double t_grow_pipe_set_c = std::numeric_limits<double>::quiet_NaN();
};

using Controls = ControlsT<double>;

/// The controls of `u` as another scalar type (values only; derivatives zero).
template <typename To, typename From>
ControlsT<To> cast_controls(const ControlsT<From>& u) {
  ControlsT<To> v;
  v.boiler_frac = To(value_of(u.boiler_frac));
  v.grow_pipe_frac = To(value_of(u.grow_pipe_frac));
  v.roof_vent_frac = To(value_of(u.roof_vent_frac));
  v.side_vent_frac = To(value_of(u.side_vent_frac));
  v.thermal_screen_frac = To(value_of(u.thermal_screen_frac));
  v.blackout_screen_frac = To(value_of(u.blackout_screen_frac));
  v.shade_screen_frac = To(value_of(u.shade_screen_frac));
  v.whitewash_frac = To(value_of(u.whitewash_frac));
  v.co2_dosing_frac = To(value_of(u.co2_dosing_frac));
  v.lamp_frac = To(value_of(u.lamp_frac));
  v.interlight_frac = To(value_of(u.interlight_frac));
  v.air_heater_frac = To(value_of(u.air_heater_frac));
  v.fog_frac = To(value_of(u.fog_frac));
  v.pad_fan_frac = To(value_of(u.pad_fan_frac));
  v.forced_vent_frac = To(value_of(u.forced_vent_frac));
  v.t_pipe_set_c = u.t_pipe_set_c;
  v.t_grow_pipe_set_c = u.t_grow_pipe_set_c;
  return v;
}

}  // namespace egin::greenhouse
