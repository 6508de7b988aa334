#include "egin/runtime/service_command_provider.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "egin/devices/ksx3267_codes.hpp"

namespace egin::runtime {

namespace d = egin::devices;
namespace k = egin::ksx3267;

namespace {

// The service's audit trail keeps this many records in memory (CommandAuditLog's default).
constexpr std::size_t kHistoryScan = 1000;

CommandState state_of(d::CommandResult result) {
  switch (result) {
    case d::CommandResult::kPending:
      return CommandState::kAccepted;
    case d::CommandResult::kRefused:
      return CommandState::kRejected;
    case d::CommandResult::kSent:
      return CommandState::kSent;
    case d::CommandResult::kConfirmed:
      return CommandState::kExecuting;
    case d::CommandResult::kFinished:
      return CommandState::kDone;
    case d::CommandResult::kSuperseded:
      return CommandState::kCancelled;
    case d::CommandResult::kFailed:
      return CommandState::kFailed;
  }
  return CommandState::kFailed;
}

std::string zone_of(const std::string& key) { return key.substr(0, key.find('/')); }

}  // namespace

CommandRecord command_record_of(const d::CommandRecord& r) {
  CommandRecord out;
  out.id = r.id;
  out.request.channel = r.target;
  out.request.action = parse_command_action(r.command).value_or(CommandAction::kStop);
  if (action_is_timed(out.request.action)) {
    out.request.duration_s = static_cast<double>(r.time_s);
  }
  out.request.user = r.requested_by;
  out.request.origin = r.origin;
  out.request.reason = r.reason;
  out.request.requested_ms = r.requested_ms;
  out.state = state_of(r.result);
  out.detail = r.detail;
  out.updated_ms = std::max({r.requested_ms, r.sent_ms, r.confirmed_ms, r.finished_ms});
  if (action_is_timed(out.request.action) && r.confirmed_ms > 0) {
    out.ends_ms = r.confirmed_ms + static_cast<TimeMs>(r.time_s) * kMsPerSecond;
  }
  return out;
}

ActuatorStatus actuator_status_of(const ActuatorInfo& info) {
  ActuatorStatus s;
  s.channel = info.channel_key;
  s.control = "remote";
  s.command_id = info.command_id;
  s.updated_ms = info.status_ms;
  if (!info.status) {
    s.state = info.online ? "ready" : "offline";
    return s;
  }
  const std::uint16_t code = *info.status;
  if (code == k::kStatusReady) {
    s.state = "ready";
  } else if (code == k::kStatusSwitchOn) {
    s.state = "on";
  } else if (code == k::kStatusOpening) {
    s.state = "opening";
  } else if (code == k::kStatusClosing) {
    s.state = "closing";
  } else if (code == k::kStatusSwitchManual || code == k::kStatusOpenerManual) {
    s.state = "manual";
    s.control = "local";
  } else if (code >= k::kStatusError && code <= k::kStatusFuseError) {
    s.state = "error";
  } else {
    s.state = std::string(k::status_name(code));
  }
  if (info.remaining_s > 0) {
    s.remaining_s = static_cast<double>(info.remaining_s);
  }
  if (!info.online) {
    s.state = "offline";
  }
  return s;
}

ServiceCommandProvider::ServiceCommandProvider(ActuatorCommandService& service)
    : service_(service) {
  subscription_ = service_.subscribe(
      [this](const d::CommandRecord& record) { listeners_.notify(command_record_of(record)); });
}

ServiceCommandProvider::~ServiceCommandProvider() { service_.unsubscribe(subscription_); }

CommandRecord ServiceCommandProvider::submit(const CommandRequest& request) {
  ActuatorCommandRequest r;
  r.channel_key = request.channel;
  r.command = std::string(command_action_name(request.action));
  if (request.duration_s) {
    r.duration_s = std::round(*request.duration_s);
  }
  r.requested_by = request.user;
  r.origin = request.origin;
  r.reason = request.reason;
  const d::CommandRecord record = service_.submit(r);
  if (record.result == d::CommandResult::kRefused) {
    throw CommandRejected("refused", record.detail, record.id);
  }
  return command_record_of(record);
}

std::vector<CommandRecord> ServiceCommandProvider::history(const CommandQuery& query) {
  std::vector<CommandRecord> out;
  for (const d::CommandRecord& r : service_.recent(kHistoryScan)) {
    if (out.size() >= query.limit) {
      break;
    }
    if (query.channel && r.target != *query.channel) {
      continue;
    }
    if (query.zone && zone_of(r.target) != *query.zone) {
      continue;
    }
    if (query.from_ms && r.requested_ms < *query.from_ms) {
      continue;
    }
    if (query.to_ms && r.requested_ms >= *query.to_ms) {
      continue;
    }
    out.push_back(command_record_of(r));
  }
  return out;
}

std::optional<CommandRecord> ServiceCommandProvider::find(std::string_view id) {
  const auto record = service_.find(id);
  if (!record) {
    return std::nullopt;
  }
  return command_record_of(*record);
}

std::vector<ActuatorStatus> ServiceCommandProvider::actuators() {
  std::vector<ActuatorStatus> out;
  for (const ActuatorInfo& info : service_.actuators()) {
    out.push_back(actuator_status_of(info));
  }
  return out;
}

std::size_t ServiceCommandProvider::subscribe(std::function<void(const CommandRecord&)> listener) {
  return listeners_.add(std::move(listener));
}

void ServiceCommandProvider::unsubscribe(std::size_t id) { listeners_.remove(id); }

}  // namespace egin::runtime
