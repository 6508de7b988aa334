#include "egin/core/clock.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include "egin/core/date.hpp"

namespace egin {

namespace {

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Reads exactly `width` decimal digits at `pos`; nullopt otherwise.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

TimeMs SystemClock::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ScaledClock::ScaledClock(TimeMs start_ms, double factor)
    : start_ms_(start_ms), factor_(factor), steady_start_ns_(steady_ns()) {}

TimeMs ScaledClock::now_ms() const {
  const double elapsed_ms = static_cast<double>(steady_ns() - steady_start_ns_) / 1.0e6;
  return start_ms_ + static_cast<TimeMs>(std::llround(elapsed_ms * factor_));
}

std::string format_iso_utc(TimeMs t_ms) {
  const TimeMs days = (t_ms >= 0 ? t_ms : t_ms - (kMsPerDay - 1)) / kMsPerDay;
  const TimeMs ms_of_day = t_ms - days * kMsPerDay;
  const Date date = Date::from_days(static_cast<int>(days));
  const auto hour = ms_of_day / kMsPerHour;
  const auto minute = (ms_of_day % kMsPerHour) / kMsPerMinute;
  const auto second = (ms_of_day % kMsPerMinute) / kMsPerSecond;
  const auto milli = ms_of_day % kMsPerSecond;
  if (milli != 0) {
    return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z", date.iso(), hour, minute, second, milli);
  }
  return fmt::format("{}T{:02}:{:02}:{:02}Z", date.iso(), hour, minute, second);
}

std::optional<TimeMs> parse_iso_time_ms(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  const auto date = Date::parse(text.substr(0, 10));
  if (!date || text[4] != '-') return std::nullopt;
  const TimeMs day_ms = static_cast<TimeMs>(date->days_since_epoch()) * kMsPerDay;
  if (text.size() == 10) return day_ms;
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  if (!hour || !minute || text.size() < 16 || text[13] != ':' || *hour > 23 || *minute > 59) {
    return std::nullopt;
  }
  std::size_t pos = 16;
  int second = 0;
  int milli = 0;
  if (pos < text.size() && text[pos] == ':') {
    const auto s = digits(text, pos + 1, 2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int scale = 100;
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        milli += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start || pos - start > 9) return std::nullopt;
    }
  }
  int offset_s = 0;
  if (pos == text.size()) return std::nullopt;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const auto oh = digits(text, pos + 1, 2);
    const auto om = digits(text, pos + 4, 2);
    if (!oh || !om || pos + 6 != text.size() || text[pos + 3] != ':' || *oh > 14 || *om > 59) {
      return std::nullopt;
    }
    offset_s = (*oh * 3600 + *om * 60) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return day_ms + *hour * kMsPerHour + *minute * kMsPerMinute + second * kMsPerSecond + milli -
         static_cast<TimeMs>(offset_s) * kMsPerSecond;
}

}  // namespace egin
