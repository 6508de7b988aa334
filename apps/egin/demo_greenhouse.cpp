#include "demo_greenhouse.hpp"

#include "egin/agromet/weather_csv.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/weather_forcing.hpp"

namespace egin::cli {

std::unique_ptr<runtime::TwinGreenhouse> make_twin_greenhouse(const TwinGreenhouseSources& sources,
                                                              TimeMs start_ms) {
  runtime::TwinClimateLoopConfig c;
  c.design = greenhouse::read_design(sources.design, sources.designs_dir).design;
  c.settings = control::load_controller_settings(sources.settings.string());
  c.weather = std::make_shared<greenhouse::WeatherForcing>(
      greenhouse::WeatherForcing::from_series(sources.weather, c.design.soil));
  c.site = sources.site;
  c.start_utc_s = static_cast<double>(start_ms) / 1000.0;
  c.step_s = sources.step_s;
  return std::make_unique<runtime::TwinGreenhouse>(std::move(c));
}

std::unique_ptr<runtime::TwinGreenhouse> make_demo_greenhouse(
    const DemoFarmFile& farm, const runtime::Site& site, TimeMs start_ms,
    const std::filesystem::path& settings_file) {
  TwinGreenhouseSources sources;
  sources.design = farm.design.string();
  sources.designs_dir = farm.design.parent_path();
  sources.settings = settings_file;
  sources.weather = agromet::read_period_weather_csv(farm.greenhouse_weather.string());
  sources.site = control::SiteInfo{site.latitude_deg, site.longitude_deg, site.utc_offset_min};
  sources.step_s = farm.step_s;
  return make_twin_greenhouse(sources, start_ms);
}

}  // namespace egin::cli
