// Clock: where "now" comes from, passed in (never read from a global) so that tests and the
// accelerated demo run a day in milliseconds. Also the one time-stamp type of the telemetry path
// (TimeMs, milliseconds since 1970-01-01T00:00:00Z) and its ISO 8601 text form.
// It must not hold calendars or time zones beyond a fixed UTC offset (sites give theirs).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace egin {

/// Milliseconds since the Unix epoch, UTC.
using TimeMs = std::int64_t;

inline constexpr TimeMs kMsPerSecond = 1000;
inline constexpr TimeMs kMsPerMinute = 60 * kMsPerSecond;
inline constexpr TimeMs kMsPerHour = 60 * kMsPerMinute;
inline constexpr TimeMs kMsPerDay = 24 * kMsPerHour;

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual TimeMs now_ms() const = 0;
};

/// The machine's wall clock.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimeMs now_ms() const override;
};

/// A clock a test sets and advances by hand; safe to read from several threads.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimeMs start_ms) : now_ms_(start_ms) {}
  [[nodiscard]] TimeMs now_ms() const override { return now_ms_.load(); }
  void set(TimeMs t_ms) { now_ms_.store(t_ms); }
  void advance(TimeMs dt_ms) { now_ms_.fetch_add(dt_ms); }

 private:
  std::atomic<TimeMs> now_ms_;
};

/// Accelerated time: starts at `start_ms` when constructed and runs `factor` times faster than
/// the machine's steady clock (factor 60: one simulated hour per real minute).
class ScaledClock final : public Clock {
 public:
  ScaledClock(TimeMs start_ms, double factor);
  [[nodiscard]] TimeMs now_ms() const override;
  [[nodiscard]] double factor() const { return factor_; }

 private:
  TimeMs start_ms_;
  double factor_;
  std::int64_t steady_start_ns_;
};

/// "2026-11-28T10:15:00Z" (milliseconds written only when not zero: "…:00.250Z").
std::string format_iso_utc(TimeMs t_ms);

/// Parses RFC 3339 / ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)" or a plain date
/// "YYYY-MM-DD" (midnight UTC). nullopt when it is not one of these.
std::optional<TimeMs> parse_iso_time_ms(std::string_view text);

}  // namespace egin
