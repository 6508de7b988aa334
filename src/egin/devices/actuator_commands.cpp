#include "egin/devices/actuator_commands.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

namespace egin::devices {

namespace k = ksx3267;

std::string check_command(const ActuatorChannel& channel, const CommandRequest& request,
                          const CommandOptions& options) {
  if (!k::command_fits(request.command, channel.kind)) {
    return fmt::format("command {} is not a {} command", static_cast<int>(request.command),
                       k::actuator_kind_name(channel.kind));
  }
  if (k::command_level(request.command) > channel.level) {
    return fmt::format(
        "{} is a level-{} command and {} is a level-{} device (code {}): refused locally, "
        "never sent (a level-1 node answers exception 0x03)",
        k::command_name(request.command, channel.kind), k::command_level(request.command),
        channel.id, channel.level, channel.code);
  }
  if (k::is_timed(request.command)) {
    if (request.time_s < 1 || request.time_s > options.max_time_s) {
      return fmt::format("{} needs a time of 1 to {} s, got {}",
                         k::command_name(request.command, channel.kind), options.max_time_s,
                         request.time_s);
    }
  }
  return {};
}

bool is_confirmed(k::Command command, std::uint16_t opid, const k::ActuatorStatus& status,
                  bool* finished) {
  if (finished != nullptr) {
    *finished = false;
  }
  const bool ready = status.status == k::kStatusReady;
  const bool stop = command == k::Command::kOffOrStop;
  if (status.opid == opid) {
    std::uint16_t expected = k::kStatusReady;
    switch (command) {
      case k::Command::kOn:
      case k::Command::kTimedOn:
      case k::Command::kDirectionalOn:
        expected = k::kStatusSwitchOn;
        break;
      case k::Command::kOpen:
      case k::Command::kTimedOpen:
        expected = k::kStatusOpening;
        break;
      case k::Command::kClose:
      case k::Command::kTimedClose:
        expected = k::kStatusClosing;
        break;
      default:
        expected = k::kStatusReady;
        break;
    }
    if (status.status == expected) {
      if (finished != nullptr) {
        *finished = stop;
      }
      return true;
    }
    if (ready) {  // already over (short timed command, opener at its end)
      if (finished != nullptr) {
        *finished = true;
      }
      return true;
    }
    return false;
  }
  if (status.opid == 0 && ready && stop) {  // "0 if nothing is running" (표 16)
    if (finished != nullptr) {
      *finished = true;
    }
    return true;
  }
  return false;
}

CommandRecord execute_command(Bus& bus, int slave, const ActuatorChannel& channel,
                              const CommandRequest& request, OpidSource& opids, CommandAudit* audit,
                              const Clock& clock, CommandIds& ids, const CommandOptions& options,
                              const std::function<void(int)>& sleep_ms) {
  auto sleep = [&](int ms) {
    if (sleep_ms) {
      sleep_ms(ms);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
  };
  CommandRecord record;
  record.requested_ms = clock.now_ms();
  record.id = ids.next(record.requested_ms);
  record.requested_by = request.requested_by;
  record.origin = request.origin;
  record.request_id = request.request_id;
  record.reason = request.reason;
  record.target = request.target;
  record.bus = bus.id();
  record.slave = slave;
  record.slot = channel.slot;
  record.actuator = channel.id;
  record.command = std::string(k::command_name(request.command, channel.kind));
  record.command_code = static_cast<std::uint16_t>(request.command);
  record.time_s = k::is_timed(request.command) ? request.time_s : 0;
  auto save = [&] {
    if (audit != nullptr) {
      audit->record(record);
    }
  };
  auto end = [&](CommandResult result, std::string detail) {
    record.result = result;
    record.detail = std::move(detail);
    if (result == CommandResult::kFinished && record.finished_ms == 0) {
      record.finished_ms = clock.now_ms();
    }
    save();
    return record;
  };

  if (std::string problem = check_command(channel, request, options); !problem.empty()) {
    return end(CommandResult::kRefused, std::move(problem));
  }
  save();  // pending

  // The device's current status: its OPID must not be reused.
  std::vector<std::uint16_t> block(static_cast<std::size_t>(channel.status_length));
  TransferResult transfer = bus.read(slave, channel.status_first, block, BusPriority::kCommand);
  if (!transfer.ok()) {
    return end(CommandResult::kFailed,
               fmt::format("status not readable before sending: {}", transfer.message));
  }
  const k::ActuatorStatus before = decode_actuator(channel, block);
  record.opid = opids.next();
  if (record.opid == before.opid) {
    record.opid = opids.next();
  }

  const std::vector<std::uint16_t> command =
      encode_actuator_command(channel, request.command, record.opid, record.time_s);
  std::string last_seen = "no status read back";
  for (int attempt = 1; attempt <= options.max_attempts; ++attempt) {
    record.attempts = attempt;
    transfer = bus.write(slave, channel.command_first, command, BusPriority::kCommand);
    if (!transfer.ok()) {
      if (transfer.status == TransferStatus::kException) {
        return end(CommandResult::kFailed,
                   fmt::format("the node refused the command block: {}", transfer.message));
      }
      last_seen = fmt::format("write attempt {}: {}", attempt, transfer.message);
      continue;
    }
    if (record.sent_ms == 0) {
      record.sent_ms = clock.now_ms();
      record.result = CommandResult::kSent;
      save();
    }
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(options.confirm_timeout_ms);
    for (;;) {
      transfer = bus.read(slave, channel.status_first, block, BusPriority::kCommand);
      if (transfer.ok()) {
        const k::ActuatorStatus now = decode_actuator(channel, block);
        record.status = now.status;
        record.remaining_s = now.remaining_s;
        bool finished = false;
        if (is_confirmed(request.command, record.opid, now, &finished)) {
          record.confirmed_ms = clock.now_ms();
          const std::string seen =
              fmt::format("status {} ({}), OPID {}, remaining {} s", now.status,
                          k::status_name(now.status), now.opid, now.remaining_s);
          if (finished) {
            return end(CommandResult::kFinished, seen);
          }
          return end(CommandResult::kConfirmed, seen);
        }
        last_seen = fmt::format("status {} ({}) with OPID {} (sent {})", now.status,
                                k::status_name(now.status), now.opid, record.opid);
      } else {
        last_seen = fmt::format("status read: {}", transfer.message);
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        break;
      }
      sleep(options.confirm_interval_ms);
    }
  }
  return end(CommandResult::kFailed,
             fmt::format("not confirmed after {} attempts: {}", options.max_attempts, last_seen));
}

void CommandTracker::store(const CommandRecord& record) {
  if (audit_ != nullptr) {
    audit_->record(record);
  }
  if (listener_) {
    listener_(record);
  }
}

void CommandTracker::set_listener(std::function<void(const CommandRecord&)> listener) {
  const std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

void CommandTracker::track(const CommandRecord& record) {
  const std::lock_guard lock(mutex_);
  const Key key{record.bus, record.slave, record.slot};
  if (const auto it = active_.find(key); it != active_.end() && it->second.id != record.id) {
    CommandRecord old = it->second;
    old.result = CommandResult::kSuperseded;
    old.finished_ms = record.confirmed_ms != 0 ? record.confirmed_ms : record.requested_ms;
    old.detail = fmt::format("replaced by command {} (OPID {})", record.id, record.opid);
    store(old);
    active_.erase(it);
  }
  if (!is_final(record.result)) {
    active_[key] = record;
  }
}

std::vector<CommandRecord> CommandTracker::observe(const std::string& bus, int slave, int slot,
                                                   const k::ActuatorStatus& status, TimeMs now_ms) {
  std::vector<CommandRecord> ended;
  const std::lock_guard lock(mutex_);
  const auto it = active_.find(Key{bus, slave, slot});
  if (it == active_.end()) {
    return ended;
  }
  CommandRecord& record = it->second;
  record.status = status.status;
  record.remaining_s = status.remaining_s;
  const bool ours = status.opid == record.opid;
  if (status.status == k::kStatusReady && (ours || status.opid == 0)) {
    record.result = CommandResult::kFinished;
    record.finished_ms = now_ms;
    record.detail = fmt::format("ready again (OPID {})", status.opid);
  } else if (!ours && status.opid != 0) {
    record.result = CommandResult::kSuperseded;
    record.finished_ms = now_ms;
    record.detail = fmt::format("the node shows OPID {}: another command replaced it", status.opid);
  } else {
    return ended;
  }
  store(record);
  ended.push_back(record);
  active_.erase(it);
  return ended;
}

std::optional<CommandRecord> CommandTracker::active(const std::string& bus, int slave,
                                                    int slot) const {
  const std::lock_guard lock(mutex_);
  const auto it = active_.find(Key{bus, slave, slot});
  if (it == active_.end()) {
    return std::nullopt;
  }
  return it->second;
}

}  // namespace egin::devices
