#include "simulate_controllers.hpp"

#include <filesystem>

#include "egin/control/settings_toml.hpp"
#include "egin/core/input_error.hpp"
#include "egin/greenhouse/controls_csv.hpp"

namespace egin::cli {

const std::vector<ControllerEntry>& simulate_controllers() {
  static const std::vector<ControllerEntry> kControllers = {
      {"greenlight",
       "GreenLight's rules (Katzin 2021): P-band heating, vents by heat/humidity/cold, thermal "
       "screen, CO2 by day, lamps 0-18 h; set points from the design's [controller.greenlight]",
       [](const ControllerContext& c) -> std::unique_ptr<greenhouse::Controller> {
         return std::make_unique<greenhouse::GreenLightController>(c.design.greenlight);
       }},
      {"replay", "a controls time series (--controls FILE, docs/formats/controls-csv.md)",
       [](const ControllerContext& c) -> std::unique_ptr<greenhouse::Controller> {
         if (c.controls_path.empty()) {
           throw InputError({"", 0, "--controls"}, "the replay controller needs a controls file",
                            "--controls FILE (docs/formats/controls-csv.md)");
         }
         return std::make_unique<greenhouse::ReplayController>(
             greenhouse::ControlsSeries::read(c.controls_path));
       }},
      {"climate",
       "egin's climate computer (docs/user-guide/climate-computer.md) with its safety layer, "
       "alarms, simulated sensors (--noise, --delay, --fault) and actuator travel; settings "
       "--controller-config FILE or a name in data/controllers (e.g. turkistan-korean-tomato)",
       [](const ControllerContext& c) -> std::unique_ptr<greenhouse::Controller> {
         if (c.controller_config.empty()) {
           throw InputError({"", 0, "--controller-config"},
                            "the climate controller needs its settings",
                            "--controller-config FILE (docs/formats/controller-settings.md) or a "
                            "name in data/controllers, e.g. turkistan-korean-tomato");
         }
         namespace fs = std::filesystem;
         std::string path = c.controller_config;
         std::error_code ec;
         if (!fs::exists(path, ec) && !c.controllers_dir.empty()) {
           const fs::path named = fs::path(c.controllers_dir) / (c.controller_config + ".toml");
           if (fs::exists(named, ec)) {
             path = named.string();
           }
         }
         return std::make_unique<runtime::ClimateComputerDriver>(
             control::load_controller_settings(path), c.design.design, c.site, c.driver);
       }},
  };
  return kControllers;
}

}  // namespace egin::cli
