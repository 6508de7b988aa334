// DayInputs: what one day of the field water balance reads from outside — reference ET, rain,
// the two climate variables of the Kcmax and Kc adjustments, and optional canopy observations —
// and how they are taken from a weather record with pyfao56's fallbacks. It holds no model
// state and computes no ET0 itself (agromet does).
//
// | field       | meaning                                                       | unit |
// |-------------|---------------------------------------------------------------|------|
// | et_ref_mm   | reference ET (short ETo or tall ETr, see WaterBalanceOptions)  | mm   |
// | precip_mm   | precipitation                                                  | mm   |
// | u2_m_s      | wind speed at 2 m (FAO-56 Eq. 47 from the measurement height)  | m/s  |
// | rh_min_pct  | minimum relative humidity                                      | %    |
// | kcb_obs     | observed Kcb that replaces the curve's value (NaN: none)       | -    |
// | h_obs_m     | observed plant height (NaN: none)                              | m    |
// | fc_obs      | observed canopy cover fraction (NaN: none)                     | -    |
//
// Fallbacks (pyfao56 v1.4 Model.run): missing wind → 2.0 m/s at the measurement height; missing
// RHmin → 100·e°(Tdew)/e°(Tmax) (ASCE-EWRI 2005 Eqs. 7-8), Tmin standing in for a missing Tdew;
// still missing → 45 %.
#pragma once

#include <string>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"

namespace egin::fieldwater {

struct DayInputs {
  Date date;
  double et_ref_mm = 0.0;
  double precip_mm = 0.0;
  double u2_m_s = 2.0;
  double rh_min_pct = 45.0;
  double kcb_obs = agromet::kMissing;
  double h_obs_m = agromet::kMissing;
  double fc_obs = agromet::kMissing;
};

/// Minimum relative humidity from the day's record with the fallbacks above, %.
[[nodiscard]] double minimum_relative_humidity_pct(const agromet::DailyWeather& w);

/// DayInputs from one weather record. The record's et0_mm must be present (compute it with
/// agromet first) and precip_mm too; otherwise throws egin::InputError naming `source`, the
/// record's line and date.
[[nodiscard]] DayInputs day_inputs_from_weather(const agromet::DailyWeather& w,
                                                const agromet::SiteMeta& site,
                                                const std::string& source);

}  // namespace egin::fieldwater
