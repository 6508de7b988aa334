#include "egin/control/commands.hpp"

#include <array>

namespace egin::control {
namespace {

struct ActuatorInfo {
  std::string_view key;
  std::string_view label;
  std::string_view unit;
};

constexpr std::array<ActuatorInfo, kActuatorCount> kActuators{{
    {"heating", "heating", "°C"},
    {"vent_lee", "lee vent", "0–1"},
    {"vent_wind", "windward vent", "0–1"},
    {"screen_energy", "energy screen", "0–1"},
    {"screen_shade", "shade screen", "0–1"},
    {"screen_blackout", "blackout screen", "0–1"},
    {"co2", "CO2 dosing", "0–1"},
    {"lamps", "lamps", "0 or 1"},
    {"fogging", "fogging", "0–1"},
    {"pad_fan", "pad and fan", "stage"},
    {"irrigation", "irrigation", "L/m²"},
}};

}  // namespace

std::string_view actuator_key(ActuatorId id) { return kActuators[index_of(id)].key; }
std::string_view actuator_label(ActuatorId id) { return kActuators[index_of(id)].label; }
std::string_view actuator_manual_unit(ActuatorId id) { return kActuators[index_of(id)].unit; }

bool actuator_from_key(std::string_view key, ActuatorId& id) {
  for (std::size_t i = 0; i < kActuatorCount; ++i) {
    if (kActuators[i].key == key) {
      id = static_cast<ActuatorId>(i);
      return true;
    }
  }
  return false;
}

}  // namespace egin::control
