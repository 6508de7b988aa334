#include "demo_greenhouse.hpp"

#include "egin/agromet/weather_csv.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/weather_forcing.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::cli {

std::unique_ptr<runtime::TwinGreenhouse> make_demo_greenhouse(
    const DemoFarmFile& farm, const runtime::Site& site, TimeMs start_ms,
    const std::filesystem::path& settings_file) {
  runtime::TwinClimateLoopConfig c;
  c.design = greenhouse::read_design(farm.design.string(), farm.design.parent_path()).design;
  c.settings = control::load_controller_settings(settings_file.string());
  c.weather = std::make_shared<greenhouse::WeatherForcing>(greenhouse::WeatherForcing::from_series(
      agromet::read_period_weather_csv(farm.greenhouse_weather.string()), c.design.soil));
  c.site = control::SiteInfo{site.latitude_deg, site.longitude_deg, site.utc_offset_min};
  c.start_utc_s = static_cast<double>(start_ms) / 1000.0;
  c.step_s = farm.step_s;
  return std::make_unique<runtime::TwinGreenhouse>(std::move(c));
}

}  // namespace egin::cli
