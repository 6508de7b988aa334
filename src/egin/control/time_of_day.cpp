#include "egin/control/time_of_day.hpp"

#include <cmath>

#include <fmt/format.h>

namespace egin::control {

TimeMs resolve(const TimeOfDay& when, Date day, int utc_offset_min, const SunTimes& sun) {
  const auto minutes_ms =
      static_cast<TimeMs>(std::llround(when.minutes * static_cast<double>(kMsPerMinute)));
  switch (when.anchor) {
    case TimeAnchor::kSunrise:
      return sun.sunrise_ms + minutes_ms;
    case TimeAnchor::kSunset:
      return sun.sunset_ms + minutes_ms;
    case TimeAnchor::kClock:
      break;
  }
  return local_midnight_ms(day, utc_offset_min) + minutes_ms;
}

namespace {

struct Window {
  TimeMs open_ms = 0;
  TimeMs close_ms = 0;
};

/// The window (opening and closing instants) holding `now_ms`, if any.
std::optional<Window> window_at(const TimeOfDay& start, const TimeOfDay& end, const SiteInfo& site,
                                TimeMs now_ms) {
  const Date today = local_date(now_ms, site.utc_offset_min);
  for (int back = 0; back <= 1; ++back) {
    const Date day = today - back;
    const SunTimes sun = sun_times(site, day);
    const TimeMs open = resolve(start, day, site.utc_offset_min, sun);
    TimeMs close = resolve(end, day, site.utc_offset_min, sun);
    if (close < open) {
      close = resolve(end, day + 1, site.utc_offset_min, sun_times(site, day + 1));
    }
    if (open <= now_ms && now_ms < close) {
      return Window{open, close};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TimeMs> window_opened_at(const TimeOfDay& start, const TimeOfDay& end,
                                       const SiteInfo& site, TimeMs now_ms) {
  const auto w = window_at(start, end, site, now_ms);
  return w ? std::optional<TimeMs>(w->open_ms) : std::nullopt;
}

std::optional<TimeMs> window_closes_at(const TimeOfDay& start, const TimeOfDay& end,
                                       const SiteInfo& site, TimeMs now_ms) {
  const auto w = window_at(start, end, site, now_ms);
  return w ? std::optional<TimeMs>(w->close_ms) : std::nullopt;
}

std::optional<double> parse_clock_minutes(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') {
    return std::nullopt;
  }
  const auto digit = [&](std::size_t i) -> int {
    const char c = text[i];
    return c >= '0' && c <= '9' ? c - '0' : -1;
  };
  const int h1 = digit(0);
  const int h2 = digit(1);
  const int m1 = digit(3);
  const int m2 = digit(4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) {
    return std::nullopt;
  }
  const int hours = h1 * 10 + h2;
  const int minutes = m1 * 10 + m2;
  if (hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  return static_cast<double>(hours * 60 + minutes);
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text, double offset_min) {
  if (text == "sunrise") {
    return TimeOfDay{TimeAnchor::kSunrise, offset_min};
  }
  if (text == "sunset") {
    return TimeOfDay{TimeAnchor::kSunset, offset_min};
  }
  const auto clock = parse_clock_minutes(text);
  if (!clock || offset_min != 0.0) {
    return std::nullopt;
  }
  return TimeOfDay{TimeAnchor::kClock, *clock};
}

std::string format_time_of_day(const TimeOfDay& when) {
  if (when.anchor == TimeAnchor::kClock) {
    const int m = static_cast<int>(std::lround(when.minutes));
    return fmt::format("{:02}:{:02}", m / 60, m % 60);
  }
  const char* name = when.anchor == TimeAnchor::kSunrise ? "sunrise" : "sunset";
  if (when.minutes == 0.0) {
    return name;
  }
  return fmt::format("{}{:+g}min", name, when.minutes);
}

}  // namespace egin::control
