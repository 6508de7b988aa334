// The demo farm file (data/demo/farm.toml) that `egin serve --demo` reads: the accelerated
// clock, the greenhouse twin under the climate computer (design, controller settings, weather,
// control step, how long a node command holds an actuator in manual), the weather station's feed,
// the simulated KS X 3267 nodes (an `egin node-sim --config` file) and what each of their slots
// is wired to. Paths are relative to the file. Every error names the file, line, key and the
// accepted range (InputError).
#pragma once

#include <filesystem>
#include <string>

#include "egin/devices/sim_config.hpp"
#include "egin/runtime/greenhouse_node_environment.hpp"

namespace egin::cli {

struct DemoFarmFile {
  std::filesystem::path file;
  double speed = 60.0;
  std::string start;  // ISO 8601
  std::string greenhouse_zone;
  std::filesystem::path design;
  std::filesystem::path settings;
  std::filesystem::path greenhouse_weather;
  double step_s = 60.0;
  std::string station_prefix;
  std::filesystem::path station_weather;
  double station_elevation_m = 0.0;
  double station_history_h = 0.0;
  devices::SimConfig nodes;
  runtime::GreenhouseNodeWiring wiring;
};

DemoFarmFile load_demo_farm_file(const std::filesystem::path& path);

}  // namespace egin::cli
