#include "egin/runtime/greenhouse_node_wiring.hpp"

#include <cstddef>
#include <map>

#include "egin/devices/ksx3267_codes.hpp"

namespace egin::runtime {

namespace k = egin::ksx3267;

namespace {

using Q = GreenhouseQuantity;
using A = control::ActuatorId;

/// The header's table: what the n-th sensor slot of a device code reads.
const std::map<std::uint16_t, std::vector<Q>>& sensor_wires() {
  static const std::map<std::uint16_t, std::vector<Q>> kWires{
      {1, {Q::kAirTemperature, Q::kPipeTemperature, Q::kOutdoorTemperature}},
      {2, {Q::kRelativeHumidity}},
      {7, {Q::kOutdoorRadiation}},
      {11, {Q::kCo2}},
      {13, {Q::kPar}},
  };
  return kWires;
}

/// The header's table: what the n-th opener and the n-th switch drive.
const std::map<k::ActuatorKind, std::vector<A>>& actuator_wires() {
  static const std::map<k::ActuatorKind, std::vector<A>> kWires{
      {k::ActuatorKind::kOpener,
       {A::kVentLee, A::kVentWind, A::kScreenEnergy, A::kScreenShade, A::kScreenBlackout}},
      {k::ActuatorKind::kSwitch, {A::kCo2, A::kFogging, A::kLamps}},
  };
  return kWires;
}

/// The n-th (0-based, counted per key in `seen`) of `wires[key]`, when there is one.
template <typename Key, typename T>
const T* next_wire(const std::map<Key, std::vector<T>>& wires, Key key,
                   std::map<Key, std::size_t>& seen) {
  const auto it = wires.find(key);
  if (it == wires.end()) {
    return nullptr;
  }
  const std::size_t n = seen[key]++;
  return n < it->second.size() ? &it->second[n] : nullptr;
}

}  // namespace

GreenhouseNodeWiring wiring_by_device_code(const std::vector<devices::SimNodeConfig>& nodes,
                                           double manual_hold_s) {
  GreenhouseNodeWiring wiring;
  wiring.manual_hold_s = manual_hold_s;
  for (const devices::SimNodeConfig& node : nodes) {
    const std::vector<std::uint16_t> codes = node.device_codes.empty()
                                                 ? devices::default_device_codes(node.product_type)
                                                 : node.device_codes;
    std::map<std::uint16_t, std::size_t> sensors_seen;
    std::map<k::ActuatorKind, std::size_t> actuators_seen;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      const std::pair key{node.slave, static_cast<int>(i) + 1};
      if (node.product_type == k::kProductActuatorNode) {
        if (const auto device = k::actuator_device(codes[i])) {
          if (const A* id = next_wire(actuator_wires(), device->kind, actuators_seen)) {
            wiring.actuators[key] = *id;
          }
        }
      } else if (node.product_type == k::kProductSensorNode) {
        if (const Q* quantity = next_wire(sensor_wires(), codes[i], sensors_seen)) {
          wiring.sensors[key] = *quantity;
        }
      }
    }
  }
  return wiring;
}

}  // namespace egin::runtime
