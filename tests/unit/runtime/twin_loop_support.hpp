// Shared by the closed-loop tests: the shipped greenhouse designs, controller settings and the
// Turkistan-region weather year, read from the source tree, and a loop built from them.
#pragma once

#include <memory>
#include <string>

#include "egin/agromet/weather_csv.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/core/clock.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/weather_forcing.hpp"
#include "egin/runtime/twin_climate_loop.hpp"

namespace egin::runtime::test {

inline std::string source_path(const std::string& relative) {
  return std::string(EGIN_SOURCE_DIR) + "/" + relative;
}

inline greenhouse::GreenhouseDesign design(const std::string& name) {
  return greenhouse::read_design(name, source_path("data/greenhouses")).design;
}

inline control::ControllerSettings controller_settings(const std::string& name) {
  return control::load_controller_settings(source_path("data/controllers/" + name + ".toml"));
}

/// data/weather/shardara_wgen_2025_hourly.csv (Shardara, 41.25° N 67.94° E, UTC+5), read once.
inline const agromet::PeriodWeatherSeries& shardara_series() {
  static const agromet::PeriodWeatherSeries kSeries =
      agromet::read_period_weather_csv(source_path("data/weather/shardara_wgen_2025_hourly.csv"));
  return kSeries;
}

inline std::shared_ptr<const greenhouse::WeatherForcing> shardara_weather(
    const greenhouse::GreenhouseDesign& d) {
  return std::make_shared<greenhouse::WeatherForcing>(
      greenhouse::WeatherForcing::from_series(shardara_series(), d.soil));
}

inline control::SiteInfo shardara_site() {
  const agromet::SiteMeta& m = shardara_series().site;
  return {m.latitude_deg, m.longitude_deg, 300};
}

/// Seconds UTC of an ISO time ("2025-01-14T00:00+05:00").
inline double utc_s(const std::string& iso) {
  return static_cast<double>(*parse_iso_time_ms(iso)) / 1000.0;
}

/// The Korean-style multi-span greenhouse with its tomato settings, from `start_iso`.
inline TwinClimateLoopConfig turkistan_config(const std::string& start_iso) {
  TwinClimateLoopConfig c;
  c.design = design("turkistan-korean-multispan");
  c.settings = controller_settings("turkistan-korean-tomato");
  c.weather = shardara_weather(c.design);
  c.site = shardara_site();
  c.start_utc_s = utc_s(start_iso);
  c.solver.totals = true;
  return c;
}

}  // namespace egin::runtime::test
