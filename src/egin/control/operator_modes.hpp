// What an operator sets by hand: temporary set-point overrides that expire, and manual mode per
// actuator (with an optional end). Both are part of the controller state (they survive a
// restart) and are changed only through these functions, which check the value's range and
// throw egin::InputError naming the set-point or actuator and the accepted range.
//
// An override replaces the set-point the bands and calendar give, until `until_ms`. A manual
// value replaces the rule's command for that actuator until cleared or until `until_ms`; it
// still passes the safety layer's interlocks and travel-rate limits (safety.hpp), and a manual
// irrigation is one start of the given dose, after which the mode ends by itself.
#pragma once

#include <array>
#include <cstdint>
#include <limits>

#include "egin/control/commands.hpp"
#include "egin/control/setpoints.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

inline constexpr TimeMs kNoExpiry = std::numeric_limits<TimeMs>::max();

struct SetpointOverride {
  bool active = false;
  double value = 0.0;
  TimeMs until_ms = 0;
};

struct ManualMode {
  bool active = false;
  double value = 0.0;
  TimeMs until_ms = kNoExpiry;
};

struct OperatorState {
  std::array<SetpointOverride, kSetpointCount> overrides{};
  std::array<ManualMode, kActuatorCount> manual{};
};

/// Largest manual pad-and-fan stage and irrigation dose accepted.
inline constexpr int kMaxPadFanStages = 6;
inline constexpr double kMaxIrrigationDoseLM2 = 5.0;

/// Overrides set-point `id` with `value` (its setpoint_info range) until `until_ms` (> now_ms).
void set_override(OperatorState& state, SetpointId id, double value, TimeMs now_ms,
                  TimeMs until_ms);
void clear_override(OperatorState& state, SetpointId id);

/// Puts `id` in manual mode at `value` (range by actuator, see commands.hpp) until `until_ms`.
void set_manual(OperatorState& state, ActuatorId id, double value, TimeMs until_ms = kNoExpiry);
void clear_manual(OperatorState& state, ActuatorId id);

/// The accepted manual range of an actuator.
struct ManualRange {
  double min;
  double max;
};
ManualRange manual_range(ActuatorId id);

/// Ends the overrides and manual modes whose time is up. Bit i of the first result is set when
/// set-point i's override ended, of the second when actuator i's manual mode ended.
struct Expired {
  std::uint32_t overrides = 0;
  std::uint32_t manual = 0;
};
Expired expire_operator_modes(OperatorState& state, TimeMs now_ms);

/// Replaces every overridden set-point in `setpoints`.
void apply_overrides(const OperatorState& state, Setpoints& setpoints);

}  // namespace egin::control
