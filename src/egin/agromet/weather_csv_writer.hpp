// Writing weather CSV files in the contract weather_csv.hpp reads (DESIGN.md §4, the format in
// docs/formats/weather-csv.md): a `# key: value` metadata block (name, latitude_deg,
// longitude_deg, elevation_m, wind_height_m, period_s, then the caller's extra lines), a
// header, one row per day or period. Only columns with at least one value are written; a
// missing value is an empty cell. Precision: temperatures 0.1 °C daily / 0.01 °C sub-daily,
// radiation 0.01 MJ m⁻² daily / 0.01 W m⁻² sub-daily (iglob_w_m2 = rs_mj_m2 × 10⁶ / period_s,
// the period mean), ea 0.001 kPa, RH 0.1 %, wind 0.01 m/s, precipitation 0.1 mm daily /
// 0.001 mm sub-daily. No computation beyond that unit conversion.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "egin/agromet/weather.hpp"

namespace egin::agromet {

/// Extra `# key: value` lines written after the site's (e.g. "synthetic", "source").
using CsvMetadata = std::vector<std::pair<std::string, std::string>>;

void write_daily_weather_csv(std::ostream& out, const DailyWeatherSeries& series,
                             const CsvMetadata& extra = {});

/// Sub-daily: time (ISO 8601 with each period's offset), t_out_c, rh_out_pct, iglob_w_m2,
/// wind_m_s, precip_mm, and t_sky_c, co2_out_ppm, t_soil_c when present; `# period_s:` when
/// every period has the same length.
void write_period_weather_csv(std::ostream& out, const PeriodWeatherSeries& series,
                              const CsvMetadata& extra = {});

}  // namespace egin::agromet
