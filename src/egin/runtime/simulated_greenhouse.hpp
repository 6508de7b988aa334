// SimulatedGreenhouse: a greenhouse that exists only in software — what the demo farm's
// simulated KS X 3267 nodes (greenhouse_node_environment.hpp) are wired to. Its sensors give the
// climate as a real node's probes would read it, and an operator's command on a node's opener or
// switch becomes a manual mode of the climate computer's actuator (control/commands.hpp
// ActuatorId, value in its manual range: vents and screens 0–1, CO2 and fogging 0–1), which
// overrides what the computer decides until the given time. Implemented by TwinGreenhouse
// (twin_greenhouse.hpp: the greenhouse twin under the climate computer, TwinClimateLoop).
//
// | quantity                   | unit       | a node's device code (ksx3267_codes.hpp) |
// |----------------------------|------------|------------------------------------------|
// | kAirTemperature            | °C         | 1 temperature                            |
// | kRelativeHumidity          | %          | 2 humidity                               |
// | kCo2                       | ppm        | 11 co2                                   |
// | kPar                       | µmol m⁻² s⁻¹ | 13 par (above the canopy)              |
// | kPipeTemperature           | °C         | 1 temperature (a probe on the pipe rail) |
// | kOutdoorTemperature        | °C         | 1 temperature (the greenhouse's own mast) |
// | kOutdoorRadiation          | W m⁻²      | 7 radiation (the greenhouse's own mast)  |
//
// Thread-safe: the simulator's thread reads and commands while a timer advances it.
// It must not know Modbus or the HTTP API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "egin/control/commands.hpp"
#include "egin/core/clock.hpp"

namespace egin::runtime {

enum class GreenhouseQuantity {
  kAirTemperature,
  kRelativeHumidity,
  kCo2,
  kPar,
  kPipeTemperature,
  kOutdoorTemperature,
  kOutdoorRadiation,
};

/// "air_temperature", … (the names of data/demo/nodes.toml's slot tables).
std::optional<GreenhouseQuantity> parse_greenhouse_quantity(std::string_view name);

class SimulatedGreenhouse {
 public:
  virtual ~SimulatedGreenhouse() = default;
  /// Runs the greenhouse forward to `t_ms` (whole control steps; never backwards).
  virtual void advance_to(TimeMs t_ms) = 0;
  /// The greenhouse's time (the end of its last step).
  [[nodiscard]] virtual TimeMs now_ms() const = 0;
  /// What a sensor of `quantity` reads now (the table above).
  [[nodiscard]] virtual double reading(GreenhouseQuantity quantity) const = 0;
  /// Where actuator `id` stands now, in its manual range (vents and screens 0–1).
  [[nodiscard]] virtual double position(control::ActuatorId id) const = 0;
  /// Holds `id` at `value` (its manual range) until `until_ms`, whatever the computer decides.
  virtual void set_manual(control::ActuatorId id, double value, TimeMs until_ms) = 0;
};

}  // namespace egin::runtime
