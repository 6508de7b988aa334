// GreenhouseNodeEnvironment: the NodeEnvironment (devices/sim_environment.hpp) of the demo farm's
// simulated KS X 3267 nodes, wired to a SimulatedGreenhouse (simulated_greenhouse.hpp): a sensor
// node's slot reads one quantity of the greenhouse, an actuator node's opener or switch drives
// one actuator of the climate computer.
//
// Manual override: every change the node reports of a wired actuator (a command from the
// dashboard, MQTT or `egin modbus command` started, ran, ended) holds that actuator in manual
// mode for `manual_hold_s` from then: an opener at its position (position_pct / 100: the node's
// travel model moves it at 100 % per travel_s), a switch at 1 while on, 0 when off. After the
// hold the climate computer takes over again. Slots that are not wired read the node's default
// value (devices::default_sensor_value) and report READY; unwired actuators are only remembered
// by the node.
// Thread-safe when the greenhouse is (calls come from the simulator's thread).
#pragma once

#include <cstdint>
#include <map>
#include <utility>

#include "egin/devices/sim_environment.hpp"
#include "egin/runtime/simulated_greenhouse.hpp"

namespace egin::runtime {

struct GreenhouseNodeWiring {
  std::map<std::pair<int, int>, GreenhouseQuantity> sensors;     // (slave, slot) → quantity
  std::map<std::pair<int, int>, control::ActuatorId> actuators;  // (slave, slot) → actuator
  double manual_hold_s = 3600.0;
};

class GreenhouseNodeEnvironment final : public devices::NodeEnvironment {
 public:
  GreenhouseNodeEnvironment(SimulatedGreenhouse& greenhouse, GreenhouseNodeWiring wiring)
      : greenhouse_(greenhouse), wiring_(std::move(wiring)) {}
  double sensor_value(int slave, int slot, std::uint16_t code, TimeMs t_ms) override;
  std::uint16_t sensor_status(int slave, int slot, std::uint16_t code, TimeMs t_ms) override;
  void actuator_changed(int slave, int slot, const devices::ActuatorOutput& output,
                        TimeMs t_ms) override;

 private:
  SimulatedGreenhouse& greenhouse_;
  GreenhouseNodeWiring wiring_;
};

}  // namespace egin::runtime
