// The actuators of a simulated greenhouse between the climate computer and the twin: where each
// one stands (ActuatorPositions, in the climate computer's terms), how it travels towards its
// command within a control step, and how the positions become the twin's held Controls
// (greenhouse/controls.hpp). Pure functions; the loop (twin_climate_loop.hpp) owns the state.
//
// Travel: a vent or screen moves towards its command at a constant rate (frac per minute, a
// motor's full stroke in 1/rate minutes); the others (boiler valve, CO2 valve, lamps, fog
// pump, pad-and-fan) switch at once. The twin holds a step's controls constant, so it is given
// each position's mean over the step — exact for an effect linear in the position — and the
// position at the end of the step is what the feedback sensors read next.
//
// Commands → Controls (climate computer name → GreenLight/Vanthoor symbol):
// | climate computer             | twin                 | mapping                                   |
// |------------------------------|----------------------|-------------------------------------------|
// | heating_frac                 | boiler_frac (u_Boil) | the same share of the pipe boiler         |
// | heating demand (PI, 0–1)     | air_heater_frac      | second stage: p_band(demand − start,       |
// |                              | (u_Blow)             | 1 − start) while the rules run (not in the|
// |                              |                      | frost safe state nor manual), when present|
// | vent_lee, vent_wind          | roof/side_vent_frac  | side vents present: lee = roof, windward = |
// |                              | (u_Roof, u_Side)     | side; none: roof = (lee + windward) / 2    |
// | screen_energy / _shade /     | thermal / shade /    | one to one                                |
// | _blackout                    | blackout_screen_frac |                                           |
// | co2_dosing_kg_ha_h           | co2_dosing_frac      | rate / the design's φ_ExtCO2 (1 kg ha⁻¹ h⁻¹|
// |                              | (u_ExtCO2)           | = 1/36 mg m⁻² s⁻¹), at most 1             |
// | lamps_on                     | lamp_frac (u_Lamp)   | 0 or 1                                    |
// | fogging_frac, pad_fan_frac   | fog_frac, pad_fan_frac| one to one                               |
// Whitewash, grow pipes, interlights and forced fans are not driven (held at 0).
#pragma once

#include <cstdint>

#include "egin/control/commands.hpp"
#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/design.hpp"

namespace egin::runtime {

/// Where every actuator stands, in the climate computer's terms (commands.hpp). Fractions 0–1.
struct ActuatorPositions {
  double heating_frac = 0.0;     // boiler share
  double air_heater_frac = 0.0;  // second-stage air heater share
  double vent_lee_open_frac = 0.0;
  double vent_wind_open_frac = 0.0;
  double screen_energy_closed_frac = 0.0;
  double screen_shade_closed_frac = 0.0;
  double screen_blackout_closed_frac = 0.0;
  double co2_dosing_kg_ha_h = 0.0;
  bool lamps_on = false;
  double fogging_frac = 0.0;
  double pad_fan_frac = 0.0;
};

/// Motor speeds of the travelling actuators, frac per minute (full stroke in 1/rate min).
/// Defaults ASSUMED: a rack-and-pinion vent or roll-up motor opens fully in about 2 min, a screen
/// in about 3 min (the climate computer's own travel limits, safety.hpp, are slower).
struct ActuatorTravel {
  double vent_frac_per_min = 0.5;
  double screen_frac_per_min = 1.0 / 3.0;
};

/// How commands become the twin's controls.
struct ControlsMapping {
  /// Windward vent = the design's side vents (true when it has any), else the second roof half.
  bool windward_is_side_vent = false;
  /// The heating demand at which the air heater starts; 1 = never.
  double air_heater_start_frac = 0.8;
  double co2_capacity_mg_m2_s = 0.0;  // the design's φ_ExtCO2 / A_Flr
  bool has_air_heater = false;
};

/// The mapping for `design`: side vents present → windward = side; its CO2 capacity and air
/// heater.
ControlsMapping controls_mapping_for(const greenhouse::GreenhouseDesign& design);

/// Bit per control::ActuatorId: set for an actuator that is stuck (does not move).
using StuckMask = std::uint32_t;

/// The targets the actuators head for at this step: the commands, and the air heater's stage from
/// the heating demand (`air_heater_allowed` false in the frost safe state or manual heating).
ActuatorPositions targets_from_commands(const control::Commands& commands,
                                        double heating_demand_frac, bool air_heater_allowed,
                                        const ControlsMapping& mapping);

/// Moves `positions` towards `targets` over dt_s at the travel rates; stuck actuators keep their
/// position. Returns the mean positions over the step; `positions` ends at the step's end.
ActuatorPositions travel(ActuatorPositions& positions, const ActuatorPositions& targets,
                         const ActuatorTravel& rates, StuckMask stuck, double dt_s);

/// The twin's controls for the (mean) positions.
greenhouse::Controls to_controls(const ActuatorPositions& positions,
                                 const ControlsMapping& mapping);

/// The position of a travelling actuator after dt_s moving at `rate_frac_per_min` towards
/// `target`, and (through `mean`) its mean over the interval.
double travel_position(double from, double target, double rate_frac_per_min, double dt_s,
                       double& mean);

}  // namespace egin::runtime
