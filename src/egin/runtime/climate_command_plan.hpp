// The commands a live climate computer (zone_climate_loop.hpp) sends at one step: its outputs
// (control::Commands) mapped onto the wired device actuators (climate_wiring.hpp), and only those
// that change something.
//
// | output          | actuators        | wanted                                                 |
// |-----------------|------------------|--------------------------------------------------------|
// | vent_lee/_wind  | opener           | position = the opening fraction (opener_estimate.hpp)  |
// | screen_*        | opener           | position = the closure fraction (an opener "opens" the |
// |                 |                  | screen motor towards closed)                           |
// | heating         | n stage switches | stage i on while heating_frac > (i − 1)/n + 0.01       |
// | pad_fan         | n stage switches | stage i on while pad_fan_stage >= i                    |
// | co2, fogging    | switch           | on while the dosing / duty fraction > 0.01             |
// | lamps           | switch           | lamps_on                                               |
// The 0.01 keeps a demand that rounds to nothing from switching a stage. A switch is sent on/off
// when it is wanted otherwise than last confirmed (or never was); an opener when its planned
// move says so. Actuators in manual (an operator command within the hold time) are left alone,
// and a command the service refused is not sent again until something else is wanted. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "egin/control/commands.hpp"
#include "egin/core/clock.hpp"
#include "egin/runtime/climate_wiring.hpp"
#include "egin/runtime/opener_estimate.hpp"

namespace egin::runtime {

/// What the loop remembers of one wired actuator.
struct ActuatorDrive {
  OpenerEstimate estimate;        // openers
  std::optional<bool> commanded;  // switches: the last state the node confirmed
  TimeMs manual_until_ms = 0;     // held by an operator command until then
  std::string refused;            // the last command the service refused
};

struct PlannedCommand {
  std::size_t actuator = 0;  // index into the wiring's actuators
  std::string command;       // KS X 3267 name
  std::optional<double> duration_s;
};

/// Whether `a` (a switch) is wanted on for these commands.
bool switch_wanted(const control::Commands& commands, const ClimateActuatorWiring& a);
/// The position (0–1) an opener of `output` is wanted at.
double opener_target(const control::Commands& commands, control::ActuatorId output);

/// The commands that change something; `drives[i]` belongs to `actuators[i]`.
std::vector<PlannedCommand> plan_climate_commands(
    const std::vector<ClimateActuatorWiring>& actuators, const std::vector<ActuatorDrive>& drives,
    const control::Commands& commands, TimeMs now_ms, double deadband_frac);

}  // namespace egin::runtime
