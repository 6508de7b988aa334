// ServiceCommandProvider: the CommandProvider (actuator_commands.hpp) the HTTP routes use, over an
// ActuatorCommandService (actuator_command_service.hpp) — the device layer's KS X 3267 and
// generic Modbus actuators (DeviceDrivers). It translates the API's vocabulary to the service's
// and back:
// | API (CommandRequest / CommandRecord) | service (ActuatorCommandRequest / devices::CommandRecord) |
// |--------------------------------------|------------------------------------------------------------|
// | action on, timed_open, …            | command: the same KS X 3267 name (B.3)                     |
// | duration_s                           | time_s (whole seconds)                                      |
// | user, origin, reason                 | requested_by, origin, reason                               |
// | state accepted                       | result pending                                             |
// | state sent / executing / done        | result sent / confirmed / finished                         |
// | state failed / rejected / cancelled  | result failed / refused / superseded                       |
// | ends                                 | confirmed_at + time_s (a timed command)                    |
// and an actuator's state from its last polled status block (B.2: 0 ready, 201 on, 301 opening,
// 302 closing, 299/399 manual — control "local" —, 1–6 error). A refused command is thrown as
// CommandRejected (its record stays in the audit trail); submit() returns once the node
// confirmed the command or it failed (the service's confirm timeout, seconds at most).
// The service must outlive the provider. It must not talk to devices itself.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "egin/runtime/actuator_command_service.hpp"
#include "egin/runtime/actuator_commands.hpp"
#include "egin/runtime/listeners.hpp"

namespace egin::runtime {

/// The API's record of a service record (the table above).
CommandRecord command_record_of(const devices::CommandRecord& record);
/// The API's state of an actuator the service lists.
ActuatorStatus actuator_status_of(const ActuatorInfo& info);

class ServiceCommandProvider final : public CommandProvider {
 public:
  explicit ServiceCommandProvider(ActuatorCommandService& service);
  ~ServiceCommandProvider() override;

  CommandRecord submit(const CommandRequest& request) override;
  std::vector<CommandRecord> history(const CommandQuery& query) override;
  std::optional<CommandRecord> find(std::string_view id) override;
  std::vector<ActuatorStatus> actuators() override;
  std::size_t subscribe(std::function<void(const CommandRecord&)> listener) override;
  void unsubscribe(std::size_t id) override;

 private:
  ActuatorCommandService& service_;
  Listeners<CommandRecord> listeners_;
  std::size_t subscription_ = 0;
};

}  // namespace egin::runtime
