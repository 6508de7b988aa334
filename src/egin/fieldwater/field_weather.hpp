// Weather made ready for one field's water balance: reference ET computed with agromet where
// the file gives no et0_mm (the field's ET0 method, FAO-56 Ch. 3 fallbacks for missing inputs),
// and, when the field asks for an effective-rain method, the rain replaced by its effective
// part (effective_rainfall.hpp). It reports what it did in plain notes; it reads no files and
// runs no balance.
#pragma once

#include <string>
#include <vector>

#include "egin/agromet/et0.hpp"
#include "egin/agromet/weather.hpp"
#include "egin/fieldwater/effective_rainfall.hpp"

namespace egin::fieldwater {

struct PreparedWeather {
  agromet::DailyWeatherSeries series;
  int et0_computed_days = 0;       // days whose et0_mm came from agromet
  std::vector<std::string> notes;  // e.g. "ET0 computed (FAO-56 PM) on 365 days; ... "
};

/// A copy of `weather` with et0_mm filled by `method` where missing (days it cannot compute
/// stay missing: the season runner names them), and precip_mm replaced by its effective part
/// when `effective_rain` is given. Throws egin::InputError when the site lacks what the ET0
/// method needs (latitude, elevation).
[[nodiscard]] PreparedWeather prepare_field_weather(const agromet::DailyWeatherSeries& weather,
                                                    agromet::Et0Method method,
                                                    const EffectiveRainSettings* effective_rain);

}  // namespace egin::fieldwater
