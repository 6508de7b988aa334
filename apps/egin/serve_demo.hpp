// The demo farm of `egin serve --demo` (docs/user-guide/demo.md), in the serve process itself:
// the accelerated site clock; greenhouse gh1 as the twin under the climate computer, reached
// only through two simulated KS X 3267 nodes (a sensor node and an actuator node, SimServer on a
// loopback Modbus TCP port) that the device driver polls into the ingest pipeline like real
// hardware — a command from the dashboard on a node's opener or switch puts the climate
// computer's actuator in manual (greenhouse_node_environment.hpp); a weather station fed from the
// sample hourly weather at the clock (its daily ET0 as `egin serve` computes it); the three
// fields of data/examples/ with their daily advice, and their soil probes' volumetric water
// content once per site hour from that advice's water balance (runtime/field_soil_water.hpp).
//
// Life: prepare() before the server (the site file in the data directory — copied from
// data/demo/site.toml at the first start —, the clock's start and speed); start_nodes() once the
// clock runs (the twin starts at the clock's time; the nodes bind a free port, devices_config()
// points the driver at it); start() once the pipeline runs (a timer thread advances the twin,
// feeds the station, stores the actuators' positions and the fields' soil water); stop() before the pipeline is flushed.
// The site time reached is kept in <data-dir>/demo-clock, so a restart carries on from there.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "egin/core/clock.hpp"
#include "egin/runtime/devices_file.hpp"
#include "egin/runtime/field_advisor.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/providers.hpp"
#include "egin/server/logging.hpp"

namespace egin::cli {

struct DemoOptions {
  std::optional<double> speed;      // --speed; else the farm file's
  std::string clock_start;          // --clock-start; else demo-clock, else the farm file's
  std::filesystem::path farm_file;  // empty: data/demo/farm.toml of the libraries found
};

class DemoFarm {
 public:
  /// Reads the farm file and readies the data directory. InputError for bad files.
  static std::unique_ptr<DemoFarm> prepare(const DemoOptions& options,
                                           const std::filesystem::path& data_dir);
  ~DemoFarm();
  DemoFarm(const DemoFarm&) = delete;
  DemoFarm& operator=(const DemoFarm&) = delete;

  [[nodiscard]] const std::filesystem::path& site_file() const;
  [[nodiscard]] double speed() const;
  [[nodiscard]] TimeMs start_ms() const;
  /// True when this start created the data directory's site (the first start).
  [[nodiscard]] bool first_start() const;

  /// Starts the twin at clock.now_ms() and the simulated nodes on 127.0.0.1 (a free port).
  void start_nodes(const Clock& clock);
  /// data/demo/devices.toml with the nodes' port (after start_nodes).
  [[nodiscard]] runtime::DevicesConfig devices_config() const;
  /// Starts the timer thread and registers the demo's providers: the alarms of the greenhouse's
  /// climate computer (runtime/twin_alarm_provider.hpp) and its settings, kept in
  /// <data-dir>/controller-<zone>.toml (runtime/twin_settings_provider.hpp). `fields` (may be
  /// null: no soil water) gives the field zones' advice; it must outlive stop().
  void start(runtime::IngestPipeline& pipeline, runtime::Providers& providers, server::Log& log,
             const runtime::FieldAdvisor* fields);
  /// Stops the timer and takes the demo's providers out of the registry again (the nodes keep
  /// answering until the farm is destroyed).
  void stop();

 private:
  struct Impl;
  explicit DemoFarm(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::cli
