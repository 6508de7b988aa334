// ControllerState: everything the climate computer remembers between steps — the rules' memories
// (PI integral, hysteresis switches, screen steps, lamp and irrigation counters, daily sums), the
// operator's overrides and manual modes, the alarm board, and the last commands sent (for travel
// limits and feedback alarms). Explicit and plain, so that `egin serve` persists it
// (state_json.hpp) and a restart continues where it stopped. A default-constructed state is a
// cold start.
#pragma once

#include "egin/control/alarms.hpp"
#include "egin/control/co2.hpp"
#include "egin/control/commands.hpp"
#include "egin/control/cooling.hpp"
#include "egin/control/derived.hpp"
#include "egin/control/irrigation.hpp"
#include "egin/control/lamps.hpp"
#include "egin/control/operator_modes.hpp"
#include "egin/control/proportional.hpp"
#include "egin/control/screens.hpp"
#include "egin/control/ventilation.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct ControllerState {
  bool started = false;
  TimeMs last_step_ms = 0;
  Commands last_commands;
  PiState heating_pi;
  VentilationState ventilation;
  ScreenState screens;
  Co2State co2;
  LampState lamps;
  CoolingState cooling;
  IrrigationState irrigation;
  DerivedState derived;
  OperatorState operator_modes;
  AlarmBoard alarms{};
};

}  // namespace egin::control
