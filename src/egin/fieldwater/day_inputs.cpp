#include "egin/fieldwater/day_inputs.hpp"

#include <fmt/format.h>

#include <cmath>

#include "egin/agromet/humidity.hpp"
#include "egin/agromet/wind_speed.hpp"
#include "egin/core/input_error.hpp"

namespace egin::fieldwater {

namespace {

constexpr double kDefaultWindMS = 2.0;     // pyfao56 when Wndsp is missing
constexpr double kDefaultRhMinPct = 45.0;  // pyfao56 when RHmin cannot be derived

}  // namespace

double minimum_relative_humidity_pct(const agromet::DailyWeather& w) {
  if (!agromet::is_missing(w.rh_min_pct)) {
    return w.rh_min_pct;
  }
  const double tdew_c = agromet::is_missing(w.tdew_c) ? w.tmin_c : w.tdew_c;
  // ea from Tdew (ASCE-EWRI 2005 Eq. 8) over e° at Tmax (Eq. 7): RH at the warmest hour.
  const double rh = 100.0 * agromet::saturation_vapour_pressure_kpa(tdew_c) /
                    agromet::saturation_vapour_pressure_kpa(w.tmax_c);
  return std::isnan(rh) ? kDefaultRhMinPct : rh;
}

DayInputs day_inputs_from_weather(const agromet::DailyWeather& w, const agromet::SiteMeta& site,
                                  const std::string& source) {
  if (agromet::is_missing(w.et0_mm)) {
    throw InputError(
        {source, w.line, "ETref"},
        fmt::format("reference ET is missing on {} and cannot be computed here", w.date.year_doy()),
        "a value 0 to 30 mm in the weather file");
  }
  if (agromet::is_missing(w.precip_mm)) {
    throw InputError({source, w.line, "Rain"},
                     fmt::format("precipitation is missing on {}", w.date.year_doy()),
                     "a value 0 to 1000 mm (0 when it did not rain)");
  }
  DayInputs in;
  in.date = w.date;
  in.et_ref_mm = w.et0_mm;
  in.precip_mm = w.precip_mm;
  const double wind_m_s = agromet::is_missing(w.wind_m_s) ? kDefaultWindMS : w.wind_m_s;
  in.u2_m_s = agromet::wind_speed_2m_m_s(wind_m_s, site.wind_height_m);  // FAO-56 Eq. 47
  in.rh_min_pct = minimum_relative_humidity_pct(w);
  return in;
}

}  // namespace egin::fieldwater
