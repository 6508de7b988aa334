// What a simulated KS X 3267 node is wired to — the value-source interface of `egin node-sim`.
// A node asks its environment for each sensor slot's value and status when the master reads,
// and tells it whenever an actuator's output changes (a switch on or off, an opener opening,
// closing or stopped, with the opener's position). Two environments:
//   SyntheticEnvironment (here): deterministic values from a table per device code, optional
//     slow sine waves, status codes cycled on a schedule (KOAT data-check procedure, SPS-7466
//     §5.4: status codes cycling every N s). Its actuator outputs are only remembered.
//   the greenhouse twin (runtime/greenhouse_node_environment.hpp, for the demo farm and
//     `egin node-sim --twin`): sensor_value returns the twin's
//     air temperature, humidity, CO2, radiation…; actuator_changed sets the twin's vent and
//     screen inputs (an opener's position_pct is the vent opening or screen closure; a switch's
//     `on` a fan, pump or heater).
// Calls come from the simulator's server thread under the node's lock; an environment shared
// by several nodes must be thread-safe. Values are in the device code's unit
// (ksx3267::sensor_kind). It must not know Modbus.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/ksx3267_codes.hpp"

namespace egin::devices {

/// An actuator's output as the simulated node drives it.
struct ActuatorOutput {
  ksx3267::ActuatorKind kind = ksx3267::ActuatorKind::kSwitch;
  bool on = false;            // switch: energised
  int motion = 0;             // opener: +1 opening, −1 closing, 0 stopped
  double position_pct = 0.0;  // opener: 0 closed … 100 open (travel-time model)
  std::uint16_t status = 0;   // the status code the node shows (B.2)
};

class NodeEnvironment {
 public:
  virtual ~NodeEnvironment() = default;
  /// Value of sensor slot `slot` (device code `code`) of node `slave` at `t_ms`.
  virtual double sensor_value(int slave, int slot, std::uint16_t code, TimeMs t_ms) = 0;
  /// Status code of that slot (B.2: 0 READY, 101 NEED_REPLACE, 102 NEED_CALIBRATION, …).
  virtual std::uint16_t sensor_status(int slave, int slot, std::uint16_t code, TimeMs t_ms) = 0;
  /// An actuator changed output (called on every change, and as an opener moves).
  virtual void actuator_changed(int slave, int slot, const ActuatorOutput& output, TimeMs t_ms) = 0;
};

/// Settings of the synthetic source.
struct SyntheticSettings {
  /// value(slot, t) = base(code) + slot_step × (slot − 1) + amplitude × sin(2π (t − t0) / period)
  double slot_step = 0.0;
  double amplitude = 0.0;
  double period_s = 3600.0;
  std::map<std::uint16_t, double> base;  // overrides of the default table, by device code
  std::map<int, double> slot_value;      // fixed value of a slot (wins over the formula)
  /// Status cycling: the status of the listed slots (all when empty) is
  /// cycle[floor((t − t0) / cycle_s) mod size]; no cycling when `cycle` is empty.
  std::vector<std::uint16_t> status_cycle;
  double status_cycle_s = 5.0;
  std::vector<int> status_cycle_slots;
  TimeMs t0_ms = 0;
};

/// The default value of a sensor code: a plausible greenhouse reading (temperature 23.3 °C — the
/// captured frame of reference §1.2 —, humidity 65 %RH, CO2 450 ppm, …).
double default_sensor_value(std::uint16_t code);

class SyntheticEnvironment final : public NodeEnvironment {
 public:
  explicit SyntheticEnvironment(SyntheticSettings settings) : settings_(std::move(settings)) {}
  double sensor_value(int slave, int slot, std::uint16_t code, TimeMs t_ms) override;
  std::uint16_t sensor_status(int slave, int slot, std::uint16_t code, TimeMs t_ms) override;
  void actuator_changed(int slave, int slot, const ActuatorOutput& output, TimeMs t_ms) override;
  /// The last output of an actuator (nullopt before its first change).
  [[nodiscard]] std::optional<ActuatorOutput> output(int slave, int slot) const;

 private:
  SyntheticSettings settings_;
  mutable std::mutex mutex_;
  std::map<std::pair<int, int>, ActuatorOutput> outputs_;
};

}  // namespace egin::devices
