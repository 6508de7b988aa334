// SiteInfo and SunTimes: where the greenhouse is (latitude, longitude, the local clock's UTC
// offset) and, for one local day, when the sun rises and sets there — the anchors of time bands,
// the lamp window, irrigation's first and last start and the screens' day and night rules.
// Local clock arithmetic (local day, minute of the day) lives here too. Pure functions.
//
// Sunrise and sunset follow FAO-56 (Allen et al. 1998): the sunset hour angle ωs (Eq. 25, with
// the declination of Eq. 24) and solar time (Eq. 31 in universal time with the seasonal
// correction Sc of Eq. 32–33), solved for ω = ∓ωs:
//   t_utc = 12 − λ_east/15 − Sc ∓ 12 ωs/π   (h after 00:00 UTC of the day's date)
// — the sun's centre on the horizon without refraction, a few minutes inside the almanac's times;
// the same definition runtime/derived_series.cpp uses for the radiation sum. At a polar day
// (ωs = π) the "day" spans 24 h around solar noon; at a polar night (ωs = 0) sunrise = sunset =
// solar noon. Both are outside the controller's tested range (|latitude| ≤ 60°).
#pragma once

#include "egin/core/clock.hpp"
#include "egin/core/date.hpp"

namespace egin::control {

struct SiteInfo {
  double latitude_deg = 0.0;   // + north, −90 … 90
  double longitude_deg = 0.0;  // + east, −180 … 180
  int utc_offset_min = 0;      // local standard time minus UTC (Kazakhstan: 300)
};

struct SunTimes {
  TimeMs sunrise_ms = 0;
  TimeMs sunset_ms = 0;
};

/// The local calendar day that contains `t_ms`.
Date local_date(TimeMs t_ms, int utc_offset_min);
/// 00:00 local time of `day`, as UTC milliseconds.
TimeMs local_midnight_ms(Date day, int utc_offset_min);
/// Minutes since local midnight, 0 ≤ m < 1440.
double local_minute_of_day(TimeMs t_ms, int utc_offset_min);

/// Sunrise and sunset of the local day `day` (FAO-56 Eq. 24, 25, 31–33; see above).
SunTimes sun_times(const SiteInfo& site, Date day);

/// True between sunrise (inclusive) and sunset of the local day of `t_ms`.
bool is_sun_up(const SiteInfo& site, TimeMs t_ms);

}  // namespace egin::control
