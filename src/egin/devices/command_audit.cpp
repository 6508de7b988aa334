#include "egin/devices/command_audit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace egin::devices {

using nlohmann::json;

std::string_view command_result_name(CommandResult result) {
  switch (result) {
    case CommandResult::kPending:
      return "pending";
    case CommandResult::kRefused:
      return "refused";
    case CommandResult::kSent:
      return "sent";
    case CommandResult::kConfirmed:
      return "confirmed";
    case CommandResult::kFinished:
      return "finished";
    case CommandResult::kSuperseded:
      return "superseded";
    case CommandResult::kFailed:
      return "failed";
  }
  return "failed";
}

std::optional<CommandResult> parse_command_result(std::string_view name) {
  for (const CommandResult r :
       {CommandResult::kPending, CommandResult::kRefused, CommandResult::kSent,
        CommandResult::kConfirmed, CommandResult::kFinished, CommandResult::kSuperseded,
        CommandResult::kFailed}) {
    if (command_result_name(r) == name) {
      return r;
    }
  }
  return std::nullopt;
}

bool is_final(CommandResult result) {
  return result == CommandResult::kRefused || result == CommandResult::kFinished ||
         result == CommandResult::kSuperseded || result == CommandResult::kFailed;
}

std::string command_record_json(const CommandRecord& r) {
  auto time = [](TimeMs t) -> json { return t == 0 ? json(nullptr) : json(format_iso_utc(t)); };
  const json j{{"id", r.id},
               {"requested_by", r.requested_by},
               {"origin", r.origin},
               {"request_id", r.request_id},
               {"reason", r.reason},
               {"target", r.target},
               {"bus", r.bus},
               {"slave", r.slave},
               {"slot", r.slot},
               {"actuator", r.actuator},
               {"command", r.command},
               {"command_code", r.command_code},
               {"time_s", r.time_s},
               {"opid", r.opid},
               {"attempts", r.attempts},
               {"requested_at", time(r.requested_ms)},
               {"sent_at", time(r.sent_ms)},
               {"confirmed_at", time(r.confirmed_ms)},
               {"finished_at", time(r.finished_ms)},
               {"result", command_result_name(r.result)},
               {"detail", r.detail},
               {"status", r.status},
               {"remaining_s", r.remaining_s}};
  return j.dump();
}

std::optional<CommandRecord> parse_command_record_json(std::string_view line) {
  const json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return std::nullopt;
  }
  try {
    CommandRecord r;
    auto time = [&](const char* key) -> TimeMs {
      if (!j.contains(key) || j.at(key).is_null()) {
        return 0;
      }
      return parse_iso_time_ms(j.at(key).get<std::string>()).value_or(0);
    };
    r.id = j.at("id").get<std::string>();
    r.requested_by = j.value("requested_by", "");
    r.origin = j.value("origin", "");
    r.request_id = j.value("request_id", "");
    r.reason = j.value("reason", "");
    r.target = j.value("target", "");
    r.bus = j.value("bus", "");
    r.slave = j.value("slave", 0);
    r.slot = j.value("slot", 0);
    r.actuator = j.value("actuator", "");
    r.command = j.value("command", "");
    r.command_code = j.value("command_code", std::uint16_t{0});
    r.time_s = j.value("time_s", std::uint32_t{0});
    r.opid = j.value("opid", std::uint16_t{0});
    r.attempts = j.value("attempts", 0);
    r.requested_ms = time("requested_at");
    r.sent_ms = time("sent_at");
    r.confirmed_ms = time("confirmed_at");
    r.finished_ms = time("finished_at");
    r.result = parse_command_result(j.value("result", "failed")).value_or(CommandResult::kFailed);
    r.detail = j.value("detail", "");
    r.status = j.value("status", std::uint16_t{0});
    r.remaining_s = j.value("remaining_s", std::uint32_t{0});
    return r;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

CommandAuditLog::CommandAuditLog(std::filesystem::path path, std::size_t keep)
    : path_(std::move(path)), keep_(std::max<std::size_t>(keep, 1)) {
  std::ifstream in(path_);
  std::string line;
  while (std::getline(in, line)) {
    if (auto record = parse_command_record_json(line)) {
      remember(*record);
    }
  }
}

void CommandAuditLog::remember(const CommandRecord& record) {
  const auto it = std::find_if(records_.begin(), records_.end(),
                               [&](const CommandRecord& r) { return r.id == record.id; });
  if (it != records_.end()) {
    *it = record;
    return;
  }
  records_.push_back(record);
  while (records_.size() > keep_) {
    records_.pop_front();
  }
}

void CommandAuditLog::record(const CommandRecord& record) {
  const std::string line = command_record_json(record) + "\n";
  const std::lock_guard lock(mutex_);
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(), "cannot open " + path_.string());
  }
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                  ::fdatasync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!ok) {
    throw std::system_error(error, std::generic_category(), "cannot write " + path_.string());
  }
  remember(record);
}

std::vector<CommandRecord> CommandAuditLog::recent(std::size_t limit) const {
  const std::lock_guard lock(mutex_);
  std::vector<CommandRecord> out;
  for (auto it = records_.rbegin(); it != records_.rend() && out.size() < limit; ++it) {
    out.push_back(*it);
  }
  return out;
}

std::optional<CommandRecord> CommandAuditLog::find(std::string_view id) const {
  const std::lock_guard lock(mutex_);
  for (const CommandRecord& r : records_) {
    if (r.id == id) {
      return r;
    }
  }
  return std::nullopt;
}

std::string CommandIds::next(TimeMs now_ms) {
  const std::lock_guard lock(mutex_);
  return fmt::format("{}-{}", now_ms, ++sequence_);
}

}  // namespace egin::devices
