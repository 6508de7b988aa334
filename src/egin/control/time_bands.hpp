// Time bands: a day split into 1–6 bands, each starting at a clock time or at an offset from
// sunrise or sunset, each giving a full set of set-points. At a band's start the set-points move
// linearly from where they were to the band's values over the band's ramp; the band then holds
// until the next one starts, across midnight too (the last band of a day runs into the next day
// until that day's first start). Because sunrise-relative starts move with the season, the bands
// are ordered by their actual start each day, not by their order in the file.
//
// | band field | meaning                                                     | unit  |
// |------------|-------------------------------------------------------------|-------|
// | name       | for messages ("night", "pre-dawn")                          | text  |
// | start      | clock time or sunrise/sunset ± offset (time_of_day.hpp)     | —     |
// | ramp_min   | duration of the linear ramp that begins at the start        | min   |
// | setpoints  | the band's values (setpoints.hpp)                           | each  |
//
// Continuity: a ramp starts from the value the previous band had reached at that moment (which
// may itself be mid-ramp), so a band shorter than its predecessor's ramp causes no jump.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "egin/control/setpoints.hpp"
#include "egin/control/site_sun.hpp"
#include "egin/control/time_of_day.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

inline constexpr std::size_t kMaxBands = 6;
/// Longest ramp accepted, min.
inline constexpr double kMaxRampMin = 360.0;

struct Band {
  std::string name;
  TimeOfDay start;
  double ramp_min = 0.0;
  Setpoints setpoints;
};

struct BandsResult {
  Setpoints setpoints;         // the ramped values now
  std::size_t band_index = 0;  // the band that started last (index in the settings)
  TimeMs band_start_ms = 0;    // when it started
  double ramp_frac = 1.0;      // 0 at its start, 1 once its ramp is done
};

/// The set-points at `now_ms` (bands: 1 … kMaxBands, as validated by the settings reader).
BandsResult evaluate_bands(const std::vector<Band>& bands, const SiteInfo& site, TimeMs now_ms);

}  // namespace egin::control
