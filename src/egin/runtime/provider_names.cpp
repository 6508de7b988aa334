// Names of the provider vocabularies (actuator_commands.hpp, alarms.hpp) as the API writes them.
#include "egin/runtime/actuator_commands.hpp"
#include "egin/runtime/alarms.hpp"

namespace egin::runtime {

std::string_view command_action_name(CommandAction action) {
  switch (action) {
    case CommandAction::kOn:
      return "on";
    case CommandAction::kOff:
      return "off";
    case CommandAction::kTimedOn:
      return "timed_on";
    case CommandAction::kOpen:
      return "open";
    case CommandAction::kClose:
      return "close";
    case CommandAction::kStop:
      return "stop";
    case CommandAction::kTimedOpen:
      return "timed_open";
    case CommandAction::kTimedClose:
      return "timed_close";
    case CommandAction::kSetPosition:
      return "set_position";
  }
  return "stop";
}

std::optional<CommandAction> parse_command_action(std::string_view name) {
  for (const CommandAction a :
       {CommandAction::kOn, CommandAction::kOff, CommandAction::kTimedOn, CommandAction::kOpen,
        CommandAction::kClose, CommandAction::kStop, CommandAction::kTimedOpen,
        CommandAction::kTimedClose, CommandAction::kSetPosition}) {
    if (name == command_action_name(a)) {
      return a;
    }
  }
  return std::nullopt;
}

bool action_is_timed(CommandAction action) {
  return action == CommandAction::kTimedOn || action == CommandAction::kTimedOpen ||
         action == CommandAction::kTimedClose;
}

std::string_view command_state_name(CommandState state) {
  switch (state) {
    case CommandState::kAccepted:
      return "accepted";
    case CommandState::kSent:
      return "sent";
    case CommandState::kExecuting:
      return "executing";
    case CommandState::kDone:
      return "done";
    case CommandState::kFailed:
      return "failed";
    case CommandState::kRejected:
      return "rejected";
    case CommandState::kCancelled:
      return "cancelled";
  }
  return "accepted";
}

std::string_view alarm_severity_name(AlarmSeverity severity) {
  switch (severity) {
    case AlarmSeverity::kInfo:
      return "info";
    case AlarmSeverity::kWarning:
      return "warning";
    case AlarmSeverity::kCritical:
      return "critical";
  }
  return "warning";
}

}  // namespace egin::runtime
