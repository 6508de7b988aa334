// WeatherStationFeed: a simulated automatic weather station — one SenML record per channel and
// minute, made from a sub-daily weather CSV (agromet::PeriodWeatherSeries), so that `egin serve
// --demo` has a station to compute daily ET0 from (station_et0.hpp) at its accelerated clock.
//
// | channel (site id)  | from the file                          | how                              |
// |--------------------|----------------------------------------|----------------------------------|
// | t_air  (Cel)       | t_out_c                                | linear between period starts     |
// | rh     (%RH)       | rh_out_pct                             | linear between period starts     |
// | rs     (W/m2)      | rs_mj_m2 (the period's sum)            | the period's mean, 1e6 × sum / s |
// | u2     (m/s)       | wind_m_s (at 2 m)                      | linear between period starts     |
// | rain   (mm)        | precip_mm                              | spread evenly: sum × 60 / s      |
// | p_air  (hPa)       | the station's elevation                | FAO-56 Eq. 7, × 10 kPa → hPa     |
// Radiation and rain keep the file's sums (each minute of a period gets its share); the linear
// values are those of WeatherForcing (greenhouse/weather_forcing.hpp), which drives the twin from
// the same file, so the station and the greenhouse see one weather. A time outside the file's
// span is moved by whole 365-day years into it (a one-year sample serves any year); a missing
// cell leaves its channel out of that minute. It must not ingest anything itself.
#pragma once

#include <string>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/senml.hpp"

namespace egin::runtime {

struct WeatherStationChannels {
  std::string prefix = "ws1/mast/";  // zone/device/ of the station's channels
  std::string t_air = "t_air";
  std::string rh = "rh";
  std::string rs = "rs";
  std::string u2 = "u2";
  std::string rain = "rain";
  std::string p_air = "p_air";
};

class WeatherStationFeed {
 public:
  /// Throws std::invalid_argument for a series without periods.
  WeatherStationFeed(agromet::PeriodWeatherSeries series, double elevation_m,
                     WeatherStationChannels channels = {});
  /// The records of the minute that starts at `minute_ms` (time stamped at its start).
  [[nodiscard]] std::vector<SenmlRecord> minute(TimeMs minute_ms) const;

 private:
  /// Index of the period holding `t_s` (already moved into the span).
  [[nodiscard]] std::size_t period_at(double t_s) const;
  [[nodiscard]] double linear(double t_s, double agromet::PeriodWeather::*field) const;

  agromet::PeriodWeatherSeries series_;
  double pressure_hpa_;
  WeatherStationChannels channels_;
  double first_s_ = 0.0;
  double end_s_ = 0.0;
};

}  // namespace egin::runtime
