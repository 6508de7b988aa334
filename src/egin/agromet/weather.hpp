// Weather series as egin's models read them: one record per day or per sub-daily period, every
// quantity with its unit in its name, a missing value as NaN (test with is_missing). Readers
// (weather_csv, pyfao56 .wth, stations) fill these; ET0 methods and the water balance read them.
// Records hold measurements only: derived values (u2, ea, Rs fallbacks) are computed by agromet.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "egin/core/date.hpp"

namespace egin::agromet {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double value) { return std::isnan(value); }

/// Where the weather was measured. Flags override what a file's `# key: value` block says.
struct SiteMeta {
  std::string name;
  double latitude_deg = kMissing;   // + north
  double longitude_deg = kMissing;  // + east (DESIGN.md convention; FAO-56 Lm is + west)
  double elevation_m = kMissing;
  double wind_height_m = 2.0;  // height of the wind measurement above ground
};

/// One day. `line` is the source line it came from (0 if none), for error messages.
struct DailyWeather {
  Date date;
  int line = 0;
  double tmax_c = kMissing;
  double tmin_c = kMissing;
  double tmean_c = kMissing;  // when given; otherwise methods use (tmax+tmin)/2, FAO-56 Eq. 9
  double rh_max_pct = kMissing;
  double rh_min_pct = kMissing;
  double rh_mean_pct = kMissing;
  double tdew_c = kMissing;
  double ea_kpa = kMissing;
  double rs_mj_m2 = kMissing;  // daily sum of global (solar) radiation
  double sunshine_h = kMissing;
  double wind_m_s = kMissing;  // mean wind speed at SiteMeta::wind_height_m
  double precip_mm = kMissing;
  double et0_mm = kMissing;  // a reference ET the source already gives (e.g. pyfao56 ETref)
};

struct DailyWeatherSeries {
  std::string source;  // file name, for messages
  SiteMeta site;
  std::vector<DailyWeather> days;  // strictly increasing dates, gaps allowed

  /// The record of `date`, or nullptr.
  [[nodiscard]] const DailyWeather* find(Date date) const;
};

/// One sub-daily period (5 min to 1 h). Times are seconds since 1970-01-01T00:00Z; the period
/// starts at start_utc_s (DESIGN.md: the time column marks the start of the period).
struct PeriodWeather {
  std::int64_t start_utc_s = 0;
  int utc_offset_s = 0;  // the offset written in the file's time stamp (local standard time)
  double period_s = 3600.0;
  int line = 0;
  double t_out_c = kMissing;
  double rh_out_pct = kMissing;
  double tdew_c = kMissing;
  double ea_kpa = kMissing;
  double rs_mj_m2 = kMissing;  // sum over the period (iglob_w_m2 × period_s / 1e6 when given so)
  double wind_m_s = kMissing;  // at SiteMeta::wind_height_m
  double precip_mm = kMissing;
  double t_sky_c = kMissing;
  double co2_out_ppm = kMissing;
  double t_soil_c = kMissing;
};

struct PeriodWeatherSeries {
  std::string source;
  SiteMeta site;
  std::vector<PeriodWeather> periods;  // strictly increasing start times
};

}  // namespace egin::agromet
