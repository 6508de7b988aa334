#include "egin/runtime/greenhouse_node_environment.hpp"

#include <algorithm>
#include <cmath>

#include "egin/devices/ksx3267_codes.hpp"

namespace egin::runtime {

namespace k = egin::ksx3267;

double GreenhouseNodeEnvironment::sensor_value(int slave, int slot, std::uint16_t code,
                                               TimeMs /*t_ms*/) {
  const auto it = wiring_.sensors.find({slave, slot});
  if (it == wiring_.sensors.end()) {
    return devices::default_sensor_value(code);
  }
  return greenhouse_.reading(it->second);
}

std::uint16_t GreenhouseNodeEnvironment::sensor_status(int /*slave*/, int /*slot*/,
                                                       std::uint16_t /*code*/, TimeMs /*t_ms*/) {
  return k::kStatusReady;
}

void GreenhouseNodeEnvironment::actuator_changed(int slave, int slot,
                                                 const devices::ActuatorOutput& output,
                                                 TimeMs t_ms) {
  const auto it = wiring_.actuators.find({slave, slot});
  if (it == wiring_.actuators.end()) {
    return;
  }
  const double value = output.kind == k::ActuatorKind::kOpener
                           ? std::clamp(output.position_pct / 100.0, 0.0, 1.0)
                           : (output.on ? 1.0 : 0.0);
  const TimeMs until = t_ms + std::llround(wiring_.manual_hold_s * 1000.0);
  greenhouse_.set_manual(it->second, value, until);
}

}  // namespace egin::runtime
