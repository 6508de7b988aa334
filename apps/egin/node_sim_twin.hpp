// `egin node-sim --twin`: the greenhouse twin under the climate computer behind the simulated
// nodes (docs/user-guide/devices.md "Backed by the greenhouse twin"). The nodes' sensor slots read
// the twin and their openers and switches hold its actuators in manual (GreenhouseNodeEnvironment,
// wired by device code: greenhouse_node_wiring.hpp), as in the demo farm (serve_demo.hpp). A
// background thread advances the twin to the site clock (real time × --speed from --clock-start)
// every 100 ms and prints one status line per --report-s of site time on stdout:
//   node-sim: twin 2025-07-10T01:00:00Z t_air_c=24.31 rh_pct=70.2 co2_ppm=421 par_umol_m2_s=0
//     t_out_c=21.40 vent_lee_pct=0.0 vent_wind_pct=0.0 screen_energy_pct=0.0 screen_shade_pct=0.0
// (one line). Every bad flag or file is an InputError naming it and the accepted range.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/sim_environment.hpp"
#include "egin/devices/sim_node.hpp"

namespace egin::cli {

struct NodeSimTwinOptions {
  std::string design;             // --twin: a design name in data/greenhouses or a TOML file
  std::string controller_config;  // a file, or a name in data/controllers
  std::string weather;            // a sub-daily weather CSV; empty: the default
  double speed = 1.0;             // site seconds per real second
  std::string clock_start;        // ISO 8601; empty: the default
  double report_s = 3600.0;       // site seconds between status lines; 0: none
  double manual_hold_s = 3600.0;  // a node command holds its actuator in manual this long
};

/// The defaults of the flags (the demo farm's greenhouse, data/demo/farm.toml).
inline constexpr const char* kNodeSimTwinDesign = "turkistan-korean-multispan";
inline constexpr const char* kNodeSimTwinController = "turkistan-korean-tomato";
inline constexpr const char* kNodeSimTwinWeather = "weather/shardara_wgen_2025_hourly.csv";
inline constexpr const char* kNodeSimTwinStart = "2025-07-10T06:00:00+05:00";

class NodeSimTwin {
 public:
  /// Reads the design, controller settings and weather and builds the twin at the start time;
  /// `nodes` are the nodes it is wired to. Throws InputError for bad options or files.
  static std::unique_ptr<NodeSimTwin> open(const NodeSimTwinOptions& options,
                                           const std::vector<devices::SimNodeConfig>& nodes);
  ~NodeSimTwin();
  NodeSimTwin(const NodeSimTwin&) = delete;
  NodeSimTwin& operator=(const NodeSimTwin&) = delete;

  /// The site clock (the nodes' timed commands and travel run on it too).
  [[nodiscard]] const Clock& clock() const;
  /// What the nodes read and drive.
  [[nodiscard]] devices::NodeEnvironment& environment();
  /// One line: the design, controller, weather, start and speed.
  [[nodiscard]] std::string describe() const;
  /// Prints the first status line and starts the background thread.
  void start();
  /// Stops and joins the thread (idempotent).
  void stop();

 private:
  struct Impl;
  explicit NodeSimTwin(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::cli
