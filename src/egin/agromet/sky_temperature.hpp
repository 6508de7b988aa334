// Apparent sky temperature (the temperature of a black body that emits the downward long-wave
// radiation the sky sends), for greenhouse energy balances when a weather file does not give it.
// Clear-sky radiation after Monteith & Unsworth (2013) Eq. 5.26, cloud after Eq. 5.32, and the
// cloud fraction from the clearness of the sky, 1 − Rs/Rso (Crawford & Duchon 1999), carried
// over the night from the day before. The same route GreenLight-1 took (skyTempMonteith.m).
//
// | symbol | name                                         | unit    |
// |--------|----------------------------------------------|---------|
// | Ta     | air temperature                              | °C      |
// | Ld     | downward long-wave radiation                 | W m⁻²   |
// | εclr   | clear-sky emissivity, Ld,clear / (σ Ta⁴)     | —       |
// | c      | cloud fraction (0 clear, 1 overcast)         | —       |
// | Tsky   | apparent sky temperature, (Ld / σ)^¼         | °C      |
// | Rs/Rso | clearness: global over clear-sky radiation   | —       |
//
// Pure functions plus one series routine; it does not read files.
#pragma once

#include <cstddef>
#include <vector>

#include "egin/agromet/weather.hpp"

namespace egin::agromet {

/// Monteith & Unsworth (2013) Eq. 5.26: Ld,clear = 213 + 5.5 Ta, W m⁻² (Ta in °C).
double clear_sky_longwave_w_m2(double t_air_c);

/// Monteith & Unsworth (2013) Eq. 5.22 and 5.32: εclr = Ld,clear / (σ Ta⁴),
/// ε = (1 − 0.84 c) εclr + 0.84 c, Ld = ε σ Ta⁴; the sky temperature is (Ld / σ)^¼ (the sky taken
/// as a black body, as Vanthoor 2011 Table 8.1 does with εSky = 1). `cloud_fraction` is clamped
/// to [0, 1].
double sky_temperature_c(double t_air_c, double cloud_fraction);

/// Crawford & Duchon (1999) J. Appl. Meteorol. 38:474: cloud fraction c = 1 − Rs/Rso, clamped to
/// [0, 1]. NaN when Rso is not positive (the sun below the horizon).
double cloud_fraction_from_clearness(double rs, double rso);

/// How each period's sky temperature was obtained by estimate_sky_temperatures.
enum class SkyTemperatureSource {
  kGiven,          // the file gave t_sky_c
  kDayClearness,   // estimated, cloud fraction from this period's Rs/Rso
  kCarriedCloud,   // estimated, cloud fraction carried from the last sunlit period
  kDefaultCloud,   // estimated, no sunlit period before it (or no latitude): c = 0.5 assumed
  kNoTemperature,  // no air temperature: not computable (NaN)
};

struct SkyTemperatureEstimate {
  std::vector<double> t_sky_c;               // one per period of the series
  std::vector<SkyTemperatureSource> source;  // how each was obtained
  std::size_t estimated = 0;                 // periods not given by the file
};

/// The sky temperature of every period of `series`: the file's t_sky_c where given, otherwise
/// sky_temperature_c(t_out_c, c). The cloud fraction c comes from the period's clearness when the
/// sun is at least 10° above the horizon at the period's midpoint (FAO-56 Eq. 28–31 and 37 for Ra
/// and Rso; the site's latitude, longitude and elevation from series.site), and is otherwise
/// carried from the last such period; before the first one (or without a latitude and longitude)
/// 0.5 is assumed.
SkyTemperatureEstimate estimate_sky_temperatures(const PeriodWeatherSeries& series);

}  // namespace egin::agromet
