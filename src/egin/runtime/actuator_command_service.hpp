// ActuatorCommandService: how the server (and later the climate controllers) ask for an
// actuator command and read the audit trail, without knowing buses — the interface behind
// `/api/v1/commands`. An actuator is named by its site channel key "zone/device/channel"
// ("gh1/vents/opener_1"); the command by its KS X 3267 name ("on", "off", "timed_on" for
// switches; "stop", "open", "close", "timed_open", "timed_close" for openers) with a duration
// for the timed ones. submit() blocks until the command is confirmed by the node's status block,
// refused locally or failed (seconds at most: CommandOptions), and returns the audit record;
// later steps (finished when a timed command ran down, superseded) update the same record id,
// and each step reaches subscribe()'s listeners. actuators() gives each actuator with the last
// status block polled from its node (status code, remaining time). Implemented by DeviceDrivers
// (device_driver.hpp); the HTTP routes reach it through ServiceCommandProvider
// (service_command_provider.hpp). Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/command_audit.hpp"

namespace egin::runtime {

struct ActuatorCommandRequest {
  std::string channel_key;           // "zone/device/channel"
  std::string command;               // "timed_open", …
  std::optional<double> duration_s;  // timed commands; whole seconds are sent
  std::string requested_by;          // "operator:aigerim", "controller:climate"
  std::string origin;                // "api", "mqtt", "controller"
  std::string request_id;            // the caller's id, kept in the record
  std::string reason;                // the operator's words, kept in the record
};

/// An actuator that can be commanded, for listings (GET /api/v1/commands/actuators, say).
struct ActuatorInfo {
  std::string channel_key;
  std::string kind;  // "switch" | "opener"
  int level = 1;
  std::vector<std::string> commands;  // the names this actuator accepts
  bool online = false;
  /// The last status block polled (KS X 3267 §1.6: status code B.2, remaining time); none
  /// before the node's first poll.
  std::optional<std::uint16_t> status;
  std::uint32_t remaining_s = 0;
  TimeMs status_ms = 0;
  /// The record of the command it executes (a confirmed one not yet finished).
  std::optional<std::string> command_id;
};

class ActuatorCommandService {
 public:
  virtual ~ActuatorCommandService() = default;
  virtual devices::CommandRecord submit(const ActuatorCommandRequest& request) = 0;
  /// Newest first.
  [[nodiscard]] virtual std::vector<devices::CommandRecord> recent(std::size_t limit) const = 0;
  [[nodiscard]] virtual std::optional<devices::CommandRecord> find(std::string_view id) const = 0;
  [[nodiscard]] virtual std::vector<ActuatorInfo> actuators() const = 0;
  /// Called with a record each time a command changes state (submitted, refused, finished,
  /// superseded), on the service's thread; quick; must not throw.
  virtual std::size_t subscribe(std::function<void(const devices::CommandRecord&)> listener) = 0;
  virtual void unsubscribe(std::size_t id) = 0;
};

}  // namespace egin::runtime
