// Sub-daily weather (5 minutes to 1 hour) from daily records, for the greenhouse twin and hourly
// ET0 when only daily data exist. Each local day (00:00-24:00 at the chosen UTC offset) is cut
// into periods of step_s; for each period:
//
// | output      | rule                                                                  |
// |-------------|-----------------------------------------------------------------------|
// | t_out_c     | Parton & Logan (1981) curve through the day's tmin near sunrise and   |
// |             | tmax in the afternoon, night decaying to the next day's tmin          |
// |             | (diurnal_temperature.hpp); period mean of 1-minute samples            |
// | rs_mj_m2    | the day's Rs shared in proportion to the period's clear-sky radiation:|
// |             | Ra over the period (FAO-56 Eq. 28-31, limited to sunrise-sunset by    |
// |             | ASCE-EWRI 2005 Eq. 56) times KB + KD at the sun elevation of its mid- |
// |             | point (ASCE-EWRI 2005 Eq. D.1-D.6); Ra alone without elevation. The   |
// |             | periods sum to the daily Rs exactly; zero with the sun below horizon  |
// | ea_kpa,     | the day's ea held constant (MELODIST's "constant dew point" family,   |
// | rh_out_pct  | Förster et al. 2016, Geosci. Model Dev. 9, 2315); RH = 100 ea / e°(T) |
// |             | (FAO-56 Eq. 11, 54), at most 100 % (where T falls below the dew point |
// |             | the period's ea is e°(T): the excess condenses)                       |
// | wind_m_s    | the day's mean in every period (no diurnal shape: none is published   |
// |             | for the region; the daily mean is kept exactly)                       |
// | precip_mm   | the day's total spread evenly over the day's periods in 0.001 mm      |
// |             | units, the remainder units on the first periods, so the sum is exact  |
//
// Missing daily inputs take the FAO-56 Ch. 3 fallbacks, in the order et0.hpp uses, and each
// day records which (DisaggregationFlag): Rs from sunshine (Eq. 35) or the temperature range
// (Eq. 50, kRs); ea from Tdew (Eq. 14), RHmax+RHmin (Eq. 17), RHmax (Eq. 18), RHmean (Eq. 19)
// or Tmin − K0 (Eq. 48); wind 2 m/s at 2 m (Ch. 3 "Missing wind speed data"), taken to the
// site's wind height by Eq. 47. A day without tmax_c or tmin_c is an error, not a guess.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "egin/agromet/diurnal_temperature.hpp"
#include "egin/agromet/weather.hpp"

namespace egin::agromet {

enum DisaggregationFlag : std::uint32_t {
  kDisRsFromSunshine = 1u << 0,
  kDisRsFromTemperature = 1u << 1,
  kDisEaFromRhMaxMin = 1u << 2,
  kDisEaFromRhMax = 1u << 3,
  kDisEaFromRhMean = 1u << 4,
  kDisEaFromTmin = 1u << 5,
  kDisWindDefault = 1u << 6,
  kDisNoPrecipitation = 1u << 7,
};
inline constexpr int kDisaggregationFlagCount = 8;

/// "rs_from_sunshine", "rs_from_temperature", "ea_from_rh_max_min", "ea_from_rh_max",
/// "ea_from_rh_mean", "ea_from_tmin", "wind_default", "no_precipitation" for bit i.
const char* disaggregation_flag_name(int bit);
/// The set flags' names joined by ';' in bit order; "" when none.
std::string disaggregation_flags_text(std::uint32_t flags);

struct DisaggregationOptions {
  int step_s = 3600;                // 60 to 3600 s, a divisor of 86 400
  std::optional<int> utc_offset_s;  // default: longitude/15 rounded to whole hours
  PartonLoganParameters temperature;
  double krs = 0.16;               // FAO-56 Eq. 50 (0.16 interior, 0.19 coastal)
  double tdew_below_tmin_c = 0.0;  // FAO-56 Eq. 48 K0 (0 humid; 2-3 arid, Annex 6)
  double angstrom_as = 0.25;       // FAO-56 Eq. 35
  double angstrom_bs = 0.50;       // FAO-56 Eq. 35
};

struct DisaggregationResult {
  PeriodWeatherSeries series;
  int utc_offset_s = 0;
  std::vector<std::uint32_t> day_flags;                   // one per input day
  std::array<int, kDisaggregationFlagCount> flag_days{};  // days with each flag
  bool radiation_shape_clear_sky = true;                  // false: Ra only (no elevation)
};

/// The default UTC offset of a longitude: round(λ/15) hours, in seconds.
int default_utc_offset_s(double longitude_deg_east);

/// Throws InputError (file, line, field) when the site lacks latitude or longitude, a day lacks
/// tmax_c or tmin_c, tmin_c > tmax_c, or the step does not divide a day.
DisaggregationResult disaggregate_daily_weather(const DailyWeatherSeries& daily,
                                                const DisaggregationOptions& options = {});

}  // namespace egin::agromet
