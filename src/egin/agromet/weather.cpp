#include "egin/agromet/weather.hpp"

#include <algorithm>

namespace egin::agromet {

const DailyWeather* DailyWeatherSeries::find(Date date) const {
  const auto it = std::lower_bound(days.begin(), days.end(), date,
                                   [](const DailyWeather& d, Date x) { return d.date < x; });
  return (it != days.end() && it->date == date) ? &*it : nullptr;
}

}  // namespace egin::agromet
