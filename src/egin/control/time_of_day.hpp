// TimeOfDay: a moment of the local day given as a clock time ("06:30") or as an offset from
// sunrise or sunset ("sunrise" with −30 min) — how band starts, the lamp window, tariff blocks
// and irrigation's first and last start are written. resolve() turns it into an instant for one
// local day; parsing the settings text is here too (errors are the reader's to report).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "egin/control/site_sun.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/date.hpp"

namespace egin::control {

enum class TimeAnchor : std::uint8_t { kClock, kSunrise, kSunset };

struct TimeOfDay {
  TimeAnchor anchor = TimeAnchor::kClock;
  /// kClock: minutes after local midnight, 0 ≤ m < 1440. kSunrise/kSunset: offset, −720 … 720.
  double minutes = 0.0;
};

/// The instant of `when` on local day `day` (`sun`: that day's sun_times).
TimeMs resolve(const TimeOfDay& when, Date day, int utc_offset_min, const SunTimes& sun);

/// A daily window from `start` to `end` (crossing midnight when end comes before start): the
/// instant the window holding `now_ms` opened, or nullopt when `now_ms` is outside. start ==
/// end is an empty window.
std::optional<TimeMs> window_opened_at(const TimeOfDay& start, const TimeOfDay& end,
                                       const SiteInfo& site, TimeMs now_ms);

/// The instant the window holding `now_ms` closes, or nullopt when `now_ms` is outside.
std::optional<TimeMs> window_closes_at(const TimeOfDay& start, const TimeOfDay& end,
                                       const SiteInfo& site, TimeMs now_ms);

/// "HH:MM" (00:00 … 23:59) as minutes after midnight; nullopt when not that form.
std::optional<double> parse_clock_minutes(std::string_view text);

/// "sunrise", "sunset" or "HH:MM" with `offset_min` (only allowed with sunrise/sunset: a clock
/// time with a non-zero offset is nullopt, as is any other text).
std::optional<TimeOfDay> parse_time_of_day(std::string_view text, double offset_min);

/// "06:30", "sunrise", "sunset+30min", "sunrise-45min".
std::string format_time_of_day(const TimeOfDay& when);

}  // namespace egin::control
