// Command audit trail: one record per actuator command — who or what asked (requested_by,
// origin) and why (reason), when, for which actuator, the OPID, when it was sent, confirmed by the status read
// back, finished, and the result with the reason — updated at each step. CommandAuditLog keeps
// the records in a JSON-lines file (one line per update, appended and flushed to disk; the last
// line of an id is its state) and the newest ones in memory for listing.
// It must not talk to the bus.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::devices {

enum class CommandResult {
  kPending,     // accepted, not yet on the bus
  kRefused,     // refused locally (level, kind, range, authorisation): never sent
  kSent,        // written, not yet confirmed
  kConfirmed,   // the node's status block shows the OPID and the commanded state
  kFinished,    // done: timed command ran down, stop/off took effect, opener reached its end
  kSuperseded,  // a later command (ours or another controller's) replaced it
  kFailed,      // not confirmed within the retries, or the node answered an exception
};
std::string_view command_result_name(CommandResult result);
std::optional<CommandResult> parse_command_result(std::string_view name);
/// True for results after which nothing more happens to the record.
bool is_final(CommandResult result);

struct CommandRecord {
  std::string id;            // unique: "<requested_ms>-<sequence>"
  std::string requested_by;  // who: "operator:aigerim", "cli", "controller:climate"
  std::string origin;        // through what: "api", "mqtt", "cli", "controller"
  std::string request_id;    // the caller's own id, echoed in acks
  std::string reason;        // the operator's words (may be empty)
  std::string target;        // "zone/device/actuator" or "bus/slave/actuator"
  std::string bus;
  int slave = 0;
  int slot = 0;
  std::string actuator;  // "switch_3"
  std::string command;   // "timed_on"
  std::uint16_t command_code = 0;
  std::uint32_t time_s = 0;
  std::uint16_t opid = 0;
  int attempts = 0;  // command-block writes
  TimeMs requested_ms = 0;
  TimeMs sent_ms = 0;
  TimeMs confirmed_ms = 0;
  TimeMs finished_ms = 0;
  CommandResult result = CommandResult::kPending;
  std::string detail;             // why refused or failed; what was read back
  std::uint16_t status = 0;       // last status code read back
  std::uint32_t remaining_s = 0;  // last remain-time read back
};

std::string command_record_json(const CommandRecord& record);
/// nullopt when `line` is not a record egin wrote.
std::optional<CommandRecord> parse_command_record_json(std::string_view line);

class CommandAudit {
 public:
  virtual ~CommandAudit() = default;
  /// Stores the record's current state (a new record or an update of one with the same id).
  virtual void record(const CommandRecord& record) = 0;
};

class CommandAuditLog final : public CommandAudit {
 public:
  /// Opens (creates) the file and loads the newest `keep` records from it.
  explicit CommandAuditLog(std::filesystem::path path, std::size_t keep = 1000);
  void record(const CommandRecord& record) override;
  /// Newest first, at most `limit`.
  [[nodiscard]] std::vector<CommandRecord> recent(std::size_t limit) const;
  [[nodiscard]] std::optional<CommandRecord> find(std::string_view id) const;

 private:
  void remember(const CommandRecord& record);

  std::filesystem::path path_;
  std::size_t keep_;
  mutable std::mutex mutex_;
  std::deque<CommandRecord> records_;  // oldest first
};

/// Gives out unique record ids: "<now_ms>-<n>".
class CommandIds {
 public:
  std::string next(TimeMs now_ms);

 private:
  std::mutex mutex_;
  std::uint64_t sequence_ = 0;
};

}  // namespace egin::devices
