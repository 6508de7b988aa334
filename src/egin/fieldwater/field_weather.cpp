#include "egin/fieldwater/field_weather.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <utility>

namespace egin::fieldwater {

PreparedWeather prepare_field_weather(const agromet::DailyWeatherSeries& weather,
                                      agromet::Et0Method method,
                                      const EffectiveRainSettings* effective_rain) {
  PreparedWeather out;
  out.series = weather;
  bool any_missing = false;
  for (const agromet::DailyWeather& d : weather.days) {
    any_missing = any_missing || agromet::is_missing(d.et0_mm);
  }
  if (any_missing) {
    agromet::Et0Options options;
    options.method = method;
    options.rso = agromet::default_rso_form(method);
    const agromet::DailyEt0Calculator calculator(weather.site, options, weather.source);
    std::uint32_t flags = 0;
    for (agromet::DailyWeather& d : out.series.days) {
      if (!agromet::is_missing(d.et0_mm)) {
        continue;
      }
      const agromet::Et0Result r = calculator.compute(d);
      d.et0_mm = r.et0_mm;
      flags |= r.flags;
      if (!agromet::is_missing(r.et0_mm)) {
        ++out.et0_computed_days;
      }
    }
    std::string note =
        fmt::format("ET0 computed ({}) on {} of {} days", agromet::et0_method_name(method),
                    out.et0_computed_days, weather.days.size());
    const std::string fallbacks = agromet::et0_flags_text(flags);
    if (!fallbacks.empty()) {
      note += fmt::format("; FAO-56 fallbacks used: {}", fallbacks);
    }
    out.notes.push_back(std::move(note));
  }
  if (effective_rain != nullptr) {
    std::vector<Date> dates;
    std::vector<double> rain;
    dates.reserve(weather.days.size());
    rain.reserve(weather.days.size());
    for (const agromet::DailyWeather& d : out.series.days) {
      dates.push_back(d.date);
      rain.push_back(d.precip_mm);
    }
    const std::vector<double> eff = effective_rain_daily_mm(*effective_rain, dates, rain);
    double total_mm = 0.0;
    double eff_mm = 0.0;
    for (std::size_t i = 0; i < eff.size(); ++i) {
      if (!agromet::is_missing(rain[i])) {
        total_mm += rain[i];
        eff_mm += eff[i];
      }
      out.series.days[i].precip_mm = eff[i];
    }
    out.notes.push_back(fmt::format("rain replaced by effective rain ({}): {:.1f} of {:.1f} mm",
                                    effective_rain_method_name(effective_rain->method), eff_mm,
                                    total_mm));
  }
  return out;
}

}  // namespace egin::fieldwater
