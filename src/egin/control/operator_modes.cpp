#include "egin/control/operator_modes.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "egin/core/input_error.hpp"

namespace egin::control {

void set_override(OperatorState& state, SetpointId id, double value, TimeMs now_ms,
                  TimeMs until_ms) {
  const SetpointInfo& info = setpoint_info(id);
  if (!std::isfinite(value) || value < info.min || value > info.max) {
    throw InputError({"override", 0, std::string(info.key)},
                     fmt::format("value {:g} is out of range", value),
                     fmt::format("{:g} to {:g} {}", info.min, info.max, info.unit));
  }
  if (until_ms <= now_ms) {
    throw InputError({"override", 0, std::string(info.key)}, "the override ends before it starts",
                     "an end time after now");
  }
  state.overrides[index_of(id)] = {true, value, until_ms};
}

void clear_override(OperatorState& state, SetpointId id) { state.overrides[index_of(id)] = {}; }

ManualRange manual_range(ActuatorId id) {
  switch (id) {
    case ActuatorId::kHeating:
      return {0.0, 95.0};
    case ActuatorId::kPadFan:
      return {0.0, static_cast<double>(kMaxPadFanStages)};
    case ActuatorId::kIrrigation:
      return {0.0, kMaxIrrigationDoseLM2};
    default:
      return {0.0, 1.0};
  }
}

void set_manual(OperatorState& state, ActuatorId id, double value, TimeMs until_ms) {
  const ManualRange range = manual_range(id);
  if (!std::isfinite(value) || value < range.min || value > range.max) {
    throw InputError(
        {"manual", 0, std::string(actuator_key(id))},
        fmt::format("value {:g} is out of range", value),
        fmt::format("{:g} to {:g} {}", range.min, range.max, actuator_manual_unit(id)));
  }
  if ((id == ActuatorId::kLamps || id == ActuatorId::kPadFan) && value != std::round(value)) {
    throw InputError({"manual", 0, std::string(actuator_key(id))},
                     fmt::format("value {:g} is not a whole number", value),
                     fmt::format("a whole {} from {:g} to {:g}", actuator_manual_unit(id),
                                 range.min, range.max));
  }
  state.manual[index_of(id)] = {true, value, until_ms};
}

void clear_manual(OperatorState& state, ActuatorId id) { state.manual[index_of(id)] = {}; }

Expired expire_operator_modes(OperatorState& state, TimeMs now_ms) {
  Expired out;
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    auto& o = state.overrides[i];
    if (o.active && now_ms >= o.until_ms) {
      o = {};
      out.overrides |= 1u << i;
    }
  }
  for (std::size_t i = 0; i < kActuatorCount; ++i) {
    auto& m = state.manual[i];
    if (m.active && now_ms >= m.until_ms) {
      m = {};
      out.manual |= 1u << i;
    }
  }
  return out;
}

void apply_overrides(const OperatorState& state, Setpoints& setpoints) {
  for (std::size_t i = 0; i < kSetpointCount; ++i) {
    if (state.overrides[i].active) {
      setpoints.values[i] = state.overrides[i].value;
    }
  }
}

}  // namespace egin::control
