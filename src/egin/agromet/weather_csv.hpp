// Reading weather CSV files per DESIGN.md §4 "Weather CSV": a header row of unit-named columns,
// `date` (daily) or `time` (sub-daily, ISO 8601 with offset or Z), empty cells for missing values,
// and an optional `# key: value` comment block at the top for site metadata (latitude_deg,
// longitude_deg, elevation_m, wind_height_m, name, period_s). Every value is range-checked; a bad
// one throws egin::InputError naming file, line, column and the accepted range. The full format
// (columns, units, ranges, rules) is docs/formats/weather-csv.md.
// It parses and validates only; it computes no derived quantity (the one unit conversion it does
// is iglob_w_m2 → rs_mj_m2 over the period, which the record stores).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "egin/agromet/weather.hpp"

namespace egin::agromet {

/// Site metadata given on the command line; each one set overrides the file's comment block.
struct WeatherCsvOverrides {
  std::optional<double> latitude_deg;
  std::optional<double> longitude_deg;
  std::optional<double> elevation_m;
  std::optional<double> wind_height_m;
};

enum class WeatherCsvKind { kDaily, kSubDaily };

/// Which kind a file is, from its header's time column (`date` or `time`); throws InputError if
/// neither is there.
WeatherCsvKind detect_weather_csv_kind(std::string_view text, const std::string& source);

DailyWeatherSeries parse_daily_weather_csv(std::string_view text, const std::string& source,
                                           const WeatherCsvOverrides& overrides = {});
PeriodWeatherSeries parse_period_weather_csv(std::string_view text, const std::string& source,
                                             const WeatherCsvOverrides& overrides = {});

/// Reads the file at `path` (throws InputError if it cannot be read) and parses it.
DailyWeatherSeries read_daily_weather_csv(const std::string& path,
                                          const WeatherCsvOverrides& overrides = {});
PeriodWeatherSeries read_period_weather_csv(const std::string& path,
                                            const WeatherCsvOverrides& overrides = {});

/// Either kind, as the header says (detect_weather_csv_kind).
using WeatherCsvSeries = std::variant<DailyWeatherSeries, PeriodWeatherSeries>;
WeatherCsvSeries parse_weather_csv(std::string_view text, const std::string& source,
                                   const WeatherCsvOverrides& overrides = {});
WeatherCsvSeries read_weather_csv(const std::string& path,
                                  const WeatherCsvOverrides& overrides = {});

}  // namespace egin::agromet
