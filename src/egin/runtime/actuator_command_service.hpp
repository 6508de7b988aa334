// ActuatorCommandService: how the server (and later the climate controllers) ask for an
// actuator command and read the audit trail, without knowing buses — the interface behind
// `/api/v1/commands`. An actuator is named by its site channel key "zone/device/channel"
// ("gh1/vents/opener_1"); the command by its KS X 3267 name ("on", "off", "timed_on" for
// switches; "stop", "open", "close", "timed_open", "timed_close" for openers) with a duration
// for the timed ones. submit() blocks until the command is confirmed by the node's status block,
// refused locally or failed (seconds at most: CommandOptions), and returns the audit record;
// later steps (finished when a timed command ran down, superseded) update the same record id.
// Implemented by DeviceDrivers (device_driver.hpp). Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/devices/command_audit.hpp"

namespace egin::runtime {

struct ActuatorCommandRequest {
  std::string channel_key;           // "zone/device/channel"
  std::string command;               // "timed_open", …
  std::optional<double> duration_s;  // timed commands; whole seconds are sent
  std::string requested_by;          // "operator:aigerim", "controller:climate"
  std::string origin;                // "api", "mqtt", "controller"
  std::string request_id;            // the caller's id, kept in the record
};

/// An actuator that can be commanded, for listings (GET /api/v1/commands/actuators, say).
struct ActuatorInfo {
  std::string channel_key;
  std::string kind;  // "switch" | "opener"
  int level = 1;
  std::vector<std::string> commands;  // the names this actuator accepts
  bool online = false;
};

class ActuatorCommandService {
 public:
  virtual ~ActuatorCommandService() = default;
  virtual devices::CommandRecord submit(const ActuatorCommandRequest& request) = 0;
  /// Newest first.
  [[nodiscard]] virtual std::vector<devices::CommandRecord> recent(std::size_t limit) const = 0;
  [[nodiscard]] virtual std::optional<devices::CommandRecord> find(std::string_view id) const = 0;
  [[nodiscard]] virtual std::vector<ActuatorInfo> actuators() const = 0;
};

}  // namespace egin::runtime
