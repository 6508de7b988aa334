#include "egin/runtime/climate_command_plan.hpp"

#include "egin/runtime/climate_computer_driver.hpp"

namespace egin::runtime {

namespace {

using control::ActuatorId;

constexpr double kSwitchMarginFrac = 0.01;

}  // namespace

bool switch_wanted(const control::Commands& c, const ClimateActuatorWiring& a) {
  switch (a.output) {
    case ActuatorId::kHeating:
      return c.heating_frac > static_cast<double>(a.stage - 1) / a.stages + kSwitchMarginFrac;
    case ActuatorId::kPadFan:
      return c.pad_fan_stage >= a.stage;
    case ActuatorId::kCo2:
      return c.co2_dosing_frac > kSwitchMarginFrac;
    case ActuatorId::kFogging:
      return c.fogging_frac > kSwitchMarginFrac;
    case ActuatorId::kLamps:
      return c.lamps_on;
    default:
      return false;
  }
}

double opener_target(const control::Commands& c, ActuatorId output) {
  switch (output) {
    case ActuatorId::kVentLee:
    case ActuatorId::kVentWind:
    case ActuatorId::kScreenEnergy:
    case ActuatorId::kScreenShade:
    case ActuatorId::kScreenBlackout:
      return command_of(c, output);  // the twin driver's one mapping of commands.hpp fields
    default:
      return 0.0;
  }
}

std::vector<PlannedCommand> plan_climate_commands(
    const std::vector<ClimateActuatorWiring>& actuators, const std::vector<ActuatorDrive>& drives,
    const control::Commands& commands, TimeMs now_ms, double deadband_frac) {
  std::vector<PlannedCommand> plan;
  for (std::size_t i = 0; i < actuators.size() && i < drives.size(); ++i) {
    const ClimateActuatorWiring& a = actuators[i];
    const ActuatorDrive& d = drives[i];
    if (now_ms < d.manual_until_ms) {
      continue;
    }
    PlannedCommand p;
    p.actuator = i;
    if (a.opener) {
      const auto move =
          plan_opener_move(d.estimate, opener_target(commands, a.output), now_ms, deadband_frac);
      if (!move) {
        continue;
      }
      p.command = move->command;
      p.duration_s = move->duration_s;
    } else {
      const bool on = switch_wanted(commands, a);
      if (d.commanded == on) {
        continue;
      }
      p.command = on ? "on" : "off";
    }
    if (p.command == d.refused) {
      continue;
    }
    plan.push_back(std::move(p));
  }
  return plan;
}

}  // namespace egin::runtime
