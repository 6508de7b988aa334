#include "simulate_controllers.hpp"

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
  };
  return kControllers;
}

}  // namespace egin::cli
