// The greenhouse twin under the climate computer as the simulated KS X 3267 nodes see it
// (runtime/twin_greenhouse.hpp), built from a design, controller settings and a sub-daily weather
// series: for the demo farm (serve_demo.hpp, from its farm file, with the controller settings of the data
// directory's copy that the settings editor rewrites) and for `egin node-sim --twin`
// (cmd_node_sim.cpp, from its flags). It starts at `start_ms` and steps every `step_s` site s.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "demo_farm_file.hpp"
#include "egin/agromet/weather.hpp"
#include "egin/control/site_sun.hpp"
#include "egin/runtime/site.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::cli {

struct TwinGreenhouseSources {
  std::string design;                    // a design name in designs_dir, or a design TOML file
  std::filesystem::path designs_dir;     // data/greenhouses (names and bases resolve there)
  std::filesystem::path settings;        // controller settings TOML (docs/formats)
  agromet::PeriodWeatherSeries weather;  // the twin's forcing
  control::SiteInfo site;                // latitude, longitude, UTC offset (the bands' sun times)
  double step_s = 60.0;                  // the loop's step, site seconds
};

std::unique_ptr<runtime::TwinGreenhouse> make_twin_greenhouse(const TwinGreenhouseSources& sources,
                                                              TimeMs start_ms);

std::unique_ptr<runtime::TwinGreenhouse> make_demo_greenhouse(
    const DemoFarmFile& farm, const runtime::Site& site, TimeMs start_ms,
    const std::filesystem::path& settings_file);

}  // namespace egin::cli
