// OPID sources: the operation ids a controller puts in each command block (KS X 3267 §6.3.3 as
// implemented and tested [S7][S6b]): never 0, and different from the last one the device saw,
// because a node activates a command only when the OPID changes (a re-write with the same OPID
// is ignored, SPS-7466 §5.3.4). egin cycles 1..65535 and persists the last OPID given out, so
// that a restarted controller never repeats the previous command's OPID (OpidFile). The command
// path also skips an OPID equal to the one the device shows (actuator_commands.cpp), which
// covers a lost state file.
// It must not know the bus.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>

namespace egin::devices {

class OpidSource {
 public:
  virtual ~OpidSource() = default;
  /// The next OPID, 1..65535 (0 is never returned).
  virtual std::uint16_t next() = 0;
};

/// The OPID after `last` in the cycle 1..65535 (0 → 1, 65535 → 1).
std::uint16_t next_opid(std::uint16_t last);

/// In memory: a test's or a one-shot tool's source.
class OpidCounter final : public OpidSource {
 public:
  explicit OpidCounter(std::uint16_t last = 0) : last_(last) {}
  std::uint16_t next() override;

 private:
  std::mutex mutex_;
  std::uint16_t last_;
};

/// Persisted: the last OPID is kept in `path` (text, one number). Each next() takes an exclusive
/// lock on `path`.lock (so `egin serve` and `egin modbus command` on the same data directory
/// share one sequence), writes the new value to a temporary file, flushes it to disk and renames
/// it over `path` before returning it: after a crash or power cut the next OPID is still new.
/// Throws std::system_error when the file cannot be written.
class OpidFile final : public OpidSource {
 public:
  explicit OpidFile(std::filesystem::path path);
  std::uint16_t next() override;
  /// The last OPID given out (0 when none yet).
  [[nodiscard]] std::uint16_t last() const;

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
};

}  // namespace egin::devices
