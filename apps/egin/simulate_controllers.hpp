// The controllers `egin simulate greenhouse --controller NAME` can run, by name. Adding one is
// one entry in simulate_controllers.cpp: a name, a line of help, and a factory that builds it
// from the design file and the command's flags.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "egin/control/site_sun.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/runtime/climate_computer_driver.hpp"

namespace egin::cli {

/// What a controller factory may use.
struct ControllerContext {
  const greenhouse::DesignFile& design;
  std::string controls_path;  // --controls, empty when not given
  // The climate computer's (--controller climate):
  std::string controller_config;  // --controller-config: a file or a name in data/controllers
  std::string controllers_dir;    // data/controllers beside the designs
  control::SiteInfo site;         // from the weather file's metadata
  runtime::DriverOptions driver;  // --fault, --noise, --delay, --seed
};

struct ControllerEntry {
  std::string name;
  std::string help;
  std::function<std::unique_ptr<greenhouse::Controller>(const ControllerContext&)> make;
};

/// Every controller, in the order --help lists them.
const std::vector<ControllerEntry>& simulate_controllers();

}  // namespace egin::cli
