#include "egin/devices/sim_environment.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace egin::devices {

double default_sensor_value(std::uint16_t code) {
  switch (code) {
    case 1:
      return 23.3;  // °C, the captured frame 5C FA 41 BA (reference §1.2 [S6c])
    case 2:
      return 65.0;  // %RH
    case 3:
      return 16.4;  // °C dew point of 23.3 °C at 65 % (Magnus)
    case 4:
      return 0.0;  // no rain
    case 5:
      return 1250.0;  // l cumulative
    case 6:
      return 0.0;  // mm
    case 7:
      return 420.0;  // W/m2
    case 8:
      return 1.2;  // m/s
    case 9:
      return 225.0;  // deg
    case 10:
      return 24.0;  // V supply
    case 11:
      return 450.0;  // ppm
    case 12:
      return 2.1;  // dS/m
    case 13:
      return 850.0;  // umol/m2/s
    case 14:
      return 32.5;  // % volumetric
    case 15:
      return 12.0;  // kPa
    case 16:
      return 6.2;  // pH
    case 17:
      return 19.8;  // °C
    case 18:
      return 12.75;  // kg
    default:
      return 0.0;
  }
}

double SyntheticEnvironment::sensor_value(int /*slave*/, int slot, std::uint16_t code,
                                          TimeMs t_ms) {
  if (const auto it = settings_.slot_value.find(slot); it != settings_.slot_value.end()) {
    return it->second;
  }
  const auto base_it = settings_.base.find(code);
  const double base =
      base_it != settings_.base.end() ? base_it->second : default_sensor_value(code);
  double value = base + settings_.slot_step * (slot - 1);
  if (settings_.amplitude != 0.0 && settings_.period_s > 0.0) {
    const double t_s = static_cast<double>(t_ms - settings_.t0_ms) / 1000.0;
    value += settings_.amplitude * std::sin(2.0 * std::numbers::pi * t_s / settings_.period_s);
  }
  return value;
}

std::uint16_t SyntheticEnvironment::sensor_status(int /*slave*/, int slot, std::uint16_t /*code*/,
                                                  TimeMs t_ms) {
  if (settings_.status_cycle.empty() || settings_.status_cycle_s <= 0.0) {
    return 0;
  }
  const auto& slots = settings_.status_cycle_slots;
  if (!slots.empty() && std::find(slots.begin(), slots.end(), slot) == slots.end()) {
    return 0;
  }
  const double t_s = static_cast<double>(t_ms - settings_.t0_ms) / 1000.0;
  const auto step = static_cast<long long>(std::floor(t_s / settings_.status_cycle_s));
  const auto n = static_cast<long long>(settings_.status_cycle.size());
  return settings_.status_cycle[static_cast<std::size_t>(((step % n) + n) % n)];
}

void SyntheticEnvironment::actuator_changed(int slave, int slot, const ActuatorOutput& output,
                                            TimeMs /*t_ms*/) {
  const std::lock_guard lock(mutex_);
  outputs_[{slave, slot}] = output;
}

std::optional<ActuatorOutput> SyntheticEnvironment::output(int slave, int slot) const {
  const std::lock_guard lock(mutex_);
  const auto it = outputs_.find({slave, slot});
  if (it == outputs_.end()) {
    return std::nullopt;
  }
  return it->second;
}

}  // namespace egin::devices
