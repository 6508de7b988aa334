#include "egin/fieldwater/reference_et.hpp"

#include <algorithm>

#include "egin/agromet/et0.hpp"

namespace egin::fieldwater {

ReferenceEtFill fill_missing_reference_et(agromet::DailyWeatherSeries& weather,
                                          ReferenceCrop reference) {
  ReferenceEtFill fill;
  const bool any_missing = std::any_of(weather.days.begin(), weather.days.end(),
                                       [](const auto& d) { return agromet::is_missing(d.et0_mm); });
  if (!any_missing) {
    return fill;
  }
  agromet::Et0Options options;
  // ASCE-EWRI 2005 Eq. 1 with Table 1 constants for the short or tall crop; FAO-56 Eq. 37 Rso.
  options.method = reference == ReferenceCrop::kTall ? agromet::Et0Method::kAsceEtr
                                                     : agromet::Et0Method::kAsceEto;
  options.rso = agromet::RsoForm::kSimple;
  const agromet::DailyEt0Calculator calculator(weather.site, options, weather.source);
  for (agromet::DailyWeather& day : weather.days) {
    if (!agromet::is_missing(day.et0_mm)) {
      continue;
    }
    const agromet::Et0Result r = calculator.compute(day);
    if (agromet::is_missing(r.et0_mm)) {
      ++fill.days_not_computable;
      continue;
    }
    day.et0_mm = r.et0_mm;
    fill.flags |= r.flags;
    ++fill.days_filled;
  }
  return fill;
}

}  // namespace egin::fieldwater
