// Reading pyfao56 weather files (.wth) into agromet::DailyWeatherSeries: after the header block,
// four site lines (reference crop S|T, elevation m, latitude deg, wind measurement height m), a
// "Daily weather data:" line, a column header starting "Year-DOY", and one row per day with
// Srad (MJ/m2), Tmax, Tmin (°C), Vapr (kPa), Tdew (°C), RHmax, RHmin (%), Wndsp (m/s at the given
// height), Rain (mm), ETref (mm) and MorP (M measured, P predicted); "NaN" is missing. Columns
// are matched by the header's names. A bad line throws egin::InputError naming file, line,
// column and the accepted range. Reads only; ET0 is computed by agromet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/fieldwater/model_options.hpp"

namespace egin::fieldwater::pyfao56 {

struct WeatherFile {
  agromet::DailyWeatherSeries series;  // ETref in et0_mm, Vapr in ea_kpa, Srad in rs_mj_m2
  ReferenceCrop reference = ReferenceCrop::kShort;
  std::vector<bool> predicted;  // per day: MorP == 'P'
  std::string comment;
};

[[nodiscard]] WeatherFile parse_weather(std::string_view text, const std::string& source);
[[nodiscard]] WeatherFile read_weather(const std::string& path);

}  // namespace egin::fieldwater::pyfao56
