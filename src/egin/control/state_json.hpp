// The controller state as JSON text, so that `egin serve` can persist it between steps and a
// restart continues where it stopped. The document carries "version" (kStateJsonVersion); keys a
// reader does not know are ignored and missing ones take the cold-start default, so a state
// written before a field existed still loads. Overrides, manual modes and alarms are keyed by
// their names (set-point, actuator and alarm keys), not by position. Text that is not JSON, or a
// field of the wrong type, is an egin::InputError naming the source and the JSON path.
#pragma once

#include <string>
#include <string_view>

#include "egin/control/controller_state.hpp"

namespace egin::control {

inline constexpr int kStateJsonVersion = 1;

std::string state_to_json(const ControllerState& state);

ControllerState state_from_json(std::string_view text, const std::string& source_name);

}  // namespace egin::control
