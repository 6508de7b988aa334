// Actuator commands as the API and the dashboard see them: a request (which actuator, what to do,
// for how long, who asked and why), the audit record every request leaves (accepted or refused,
// then sent, executing, done or failed), the live state of each actuator (with the remaining
// time of a timed command), and CommandProvider — the interface the device layer implements
// (KS X 3267 nodes over Modbus, MQTT actuators) and `egin serve` registers (providers.hpp).
// Until one is registered the command routes answer 503 "not configured".
//
// Actions follow KS X 3267 Annex B.3 (reference/ksx3267.md), level 1 and 2:
// | action       | actuator | KS X 3267 code   | needs          |
// |--------------|----------|------------------|----------------|
// | on           | switch   | 201 ON           |                |
// | off          | switch   | 0 OFF            |                |
// | timed_on     | switch   | 202 TIMED_ON     | duration_s     |
// | open         | opener   | 301 OPEN         |                |
// | close        | opener   | 302 CLOSE        |                |
// | stop         | opener   | 0 STOP           |                |
// | timed_open   | opener   | 303 TIMED_OPEN   | duration_s     |
// | timed_close  | opener   | 304 TIMED_CLOSE  | duration_s     |
// | set_position | opener   | 305 SET_POSITION | position_pct   |
// The server checks the shape (the channel is an actuator of the site, the action is one of
// these, duration 1 s to 24 h, position 0 to 100 %) before calling submit(); the provider checks
// what only it knows (this actuator is a switch or an opener, interlocks, the node is online).
// It must not talk to devices or store anything itself: implementations do.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::runtime {

enum class CommandAction {
  kOn,
  kOff,
  kTimedOn,
  kOpen,
  kClose,
  kStop,
  kTimedOpen,
  kTimedClose,
  kSetPosition
};
std::string_view command_action_name(CommandAction action);  // "on", "timed_open", …
std::optional<CommandAction> parse_command_action(std::string_view name);
/// True for the actions that need duration_s (timed_on, timed_open, timed_close).
bool action_is_timed(CommandAction action);

inline constexpr double kMinCommandDurationS = 1.0;
inline constexpr double kMaxCommandDurationS = 86400.0;

/// Where a command is in its life. accepted → sent → executing → done | failed; rejected when the
/// provider refused it (interlock, wrong actuator type, node offline); cancelled when a later
/// command for the same actuator replaced it before it ended.
enum class CommandState { kAccepted, kSent, kExecuting, kDone, kFailed, kRejected, kCancelled };
std::string_view command_state_name(CommandState state);  // "accepted", "sent", …

struct CommandRequest {
  std::string channel;  // the actuator's channel key "zone/device/channel"
  CommandAction action = CommandAction::kStop;
  std::optional<double> duration_s;    // timed actions: 1 to 86400 s
  std::optional<double> position_pct;  // set_position: 0 to 100 %
  std::string user;                    // who asked (the API principal), for the audit trail
  std::string origin;                  // how: "api 192.0.2.7", "controller gh1"
  std::string reason;                  // the operator's words, may be empty
  TimeMs requested_ms = 0;             // server time (the site clock)
};

/// One entry of the audit trail: the request and what became of it.
struct CommandRecord {
  std::string id;  // assigned by the provider; unique and stable
  CommandRequest request;
  CommandState state = CommandState::kAccepted;
  std::string detail;  // the node's answer or the refusal's reason, in words
  TimeMs updated_ms = 0;
  std::optional<TimeMs> ends_ms;  // a timed command: when it is due to end
};

/// An actuator as it is now (KS X 3267 status block: status code, remaining time).
struct ActuatorStatus {
  std::string channel;  // key
  std::string state;    // "ready", "on", "opening", "closing", "error", "manual" (B.2, lowercase)
  std::optional<double> position_pct;
  std::optional<double> remaining_s;  // of the timed command it executes
  std::string control;                // "auto" (a controller), "remote" (egin), "local" (panel)
  std::optional<std::string> command_id;
  TimeMs updated_ms = 0;
};

struct CommandQuery {
  std::optional<std::string> channel;  // one actuator
  std::optional<std::string> zone;     // the actuators of one zone
  std::optional<TimeMs> from_ms;       // requested_ms >= from
  std::optional<TimeMs> to_ms;         // requested_ms < to
  std::size_t limit = 100;             // newest first
};

/// submit() refuses a command: code "unsupported_action" (e.g. open on a switch), "interlock",
/// "offline", "busy" or another short label; what() says why in words. The refusal is in the
/// audit trail too (state rejected).
class CommandRejected final : public std::runtime_error {
 public:
  CommandRejected(std::string code, const std::string& reason, std::string record_id = {})
      : std::runtime_error(reason), code_(std::move(code)), record_id_(std::move(record_id)) {}
  [[nodiscard]] const std::string& code() const { return code_; }
  [[nodiscard]] const std::string& record_id() const { return record_id_; }

 private:
  std::string code_;
  std::string record_id_;
};

class CommandProvider {
 public:
  virtual ~CommandProvider() = default;
  CommandProvider() = default;
  CommandProvider(const CommandProvider&) = delete;
  CommandProvider& operator=(const CommandProvider&) = delete;

  /// Records the request in the audit trail and starts it; returns its record (state accepted or
  /// later). Throws CommandRejected when it will not run it. Must return promptly (the device
  /// round trip goes on in the background; its progress reaches subscribers).
  virtual CommandRecord submit(const CommandRequest& request) = 0;
  /// The audit trail, newest first.
  virtual std::vector<CommandRecord> history(const CommandQuery& query) = 0;
  virtual std::optional<CommandRecord> find(std::string_view id) = 0;
  /// Every actuator the provider drives, as it is now.
  virtual std::vector<ActuatorStatus> actuators() = 0;

  /// Called with a record each time a command changes state (the live dashboard's "command"
  /// events). On the provider's thread; quick; must not throw. Listeners<CommandRecord> helps.
  virtual std::size_t subscribe(std::function<void(const CommandRecord&)> listener) = 0;
  virtual void unsubscribe(std::size_t id) = 0;
};

}  // namespace egin::runtime
