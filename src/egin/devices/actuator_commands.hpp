// Actuator commands with the KS X 3267 OPID handshake (§6.3.3 as implemented and tested,
// reference §1.6): check the command locally (kind, level, time), take a fresh OPID, write the
// command block [command, OPID, time] with one FC 0x10, and confirm by reading the status block
// [OPID, status, remain-time] back until it echoes the OPID in the commanded state; re-write
// (the same OPID, so a node that already took it ignores the repeat) within the retry limit.
// Level-2 codes (203, 305, 306) for a level-1 device are refused locally and never reach the
// bus (a level-1 node would answer exception 0x03). Each step is written to the audit trail.
//
// Confirmation rules (interop trap "OPID after completion = same or 0", §1.9):
//   status OPID = ours and status is the commanded state (on 201, opening 301, closing 302,
//     ready 0 for off/stop)                                 → confirmed
//   status OPID = ours and READY after on/open/close/timed   → confirmed and finished (a short
//     timed command already ran down, an opener already at its end)
//   status OPID = 0 and READY after off/stop                 → confirmed and finished
// CommandTracker then follows confirmed commands from the status blocks the poller reads:
// READY (OPID ours or 0) → finished; another non-zero OPID → superseded.
// It must not schedule polls or know the site.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/bus.hpp"
#include "egin/devices/command_audit.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/node_map.hpp"
#include "egin/devices/opid_store.hpp"

namespace egin::devices {

struct CommandOptions {
  int confirm_timeout_ms = 3000;  // per attempt; nodes refresh registers about once a second
  int confirm_interval_ms = 100;  // between status read-backs
  int max_attempts = 3;           // command-block writes
  std::uint32_t max_time_s = 86400 * 7;
};

/// A command as asked, before any check.
struct CommandRequest {
  ksx3267::Command command = ksx3267::Command::kOffOrStop;
  std::uint32_t time_s = 0;  // timed commands only
  std::string requested_by;
  std::string origin;
  std::string request_id;
  std::string reason;  // the operator's words, kept in the record
  std::string target;  // how the caller named the actuator
};

/// The local checks alone: "" when `request` may be sent to `channel`, else the reason.
std::string check_command(const ActuatorChannel& channel, const CommandRequest& request,
                          const CommandOptions& options = {});

/// True when `status` shows `command` in effect with `opid` (rules above); sets *finished when
/// the command is also over.
bool is_confirmed(ksx3267::Command command, std::uint16_t opid,
                  const ksx3267::ActuatorStatus& status, bool* finished);

/// Runs one command to confirmation (or refusal/failure) and returns its record. `sleep_ms`
/// waits between read-backs (real time; tests pass their own). `audit` may be null.
CommandRecord execute_command(Bus& bus, int slave, const ActuatorChannel& channel,
                              const CommandRequest& request, OpidSource& opids, CommandAudit* audit,
                              const Clock& clock, CommandIds& ids,
                              const CommandOptions& options = {},
                              const std::function<void(int)>& sleep_ms = {});

/// Follows confirmed commands to their end from observed status blocks.
class CommandTracker {
 public:
  explicit CommandTracker(CommandAudit* audit) : audit_(audit) {}
  /// A command that was just confirmed (not yet finished): tracked until it ends; the one it
  /// replaces on the same actuator is marked superseded.
  void track(const CommandRecord& record);
  /// A status block read from `slave`/`slot`; returns the records this ended.
  std::vector<CommandRecord> observe(const std::string& bus, int slave, int slot,
                                     const ksx3267::ActuatorStatus& status, TimeMs now_ms);
  [[nodiscard]] std::optional<CommandRecord> active(const std::string& bus, int slave,
                                                    int slot) const;
  /// Called (under the tracker's lock: be quick) with each record the tracker ends or replaces.
  void set_listener(std::function<void(const CommandRecord&)> listener);

 private:
  using Key = std::tuple<std::string, int, int>;
  void store(const CommandRecord& record);

  CommandAudit* audit_;
  std::function<void(const CommandRecord&)> listener_;
  mutable std::mutex mutex_;
  std::map<Key, CommandRecord> active_;
};

}  // namespace egin::devices
