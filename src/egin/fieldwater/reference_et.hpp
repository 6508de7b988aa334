// Filling a weather series' missing reference ET (et0_mm) before a water-balance run, as pyfao56
// does when a .wth line has ETref NaN: the ASCE-EWRI (2005) standardized daily equation for the
// short (ETos) or tall (ETrs) reference, with the simple clear-sky radiation of FAO-56 Eq. 37
// (pyfao56 refet.ascedaily). The equations are agromet's (et0.hpp); this file only chooses the
// method and applies it to the missing days.
#pragma once

#include <cstdint>

#include "egin/agromet/weather.hpp"
#include "egin/fieldwater/model_options.hpp"

namespace egin::fieldwater {

struct ReferenceEtFill {
  int days_filled = 0;          // days whose et0_mm was missing and is now computed
  int days_not_computable = 0;  // missing and still missing (too few inputs)
  std::uint32_t flags = 0;      // union of agromet Et0Flag fallbacks taken
};

/// Computes et0_mm where it is missing. Does nothing (and needs no site data) when no day lacks
/// it; otherwise throws egin::InputError (naming the series' source) if the site lacks the
/// latitude or elevation the ASCE equation needs.
ReferenceEtFill fill_missing_reference_et(agromet::DailyWeatherSeries& weather,
                                          ReferenceCrop reference);

}  // namespace egin::fieldwater
