// Human-readable text of one step: the band and set-points, derived values, each rule's
// decision with its reason, the safe states and interlocks in force, and the active alarms with
// their messages. Built from a StepResult on demand (the step itself formats no text), for
// `egin` command output, logs and the dashboard.
#pragma once

#include <string>
#include <vector>

#include "egin/control/climate_controller.hpp"

namespace egin::control {

/// Names of the SafeState bits set in `bits` ("heating frost-safe", …).
std::vector<std::string> safe_state_names(std::uint32_t bits);
/// Names of the Interlock bits set in `bits`.
std::vector<std::string> interlock_names(std::uint32_t bits);
/// Names of the VentLimit bits set in `bits`.
std::vector<std::string> vent_limit_names(std::uint32_t bits);

/// Several lines, one per rule; `state` supplies the alarm records for the messages.
std::string explain(const ControllerSettings& settings, const StepResult& result,
                    const ControllerState& state, int utc_offset_min);

}  // namespace egin::control
