// TwinClimateLoop: the climate computer (control/climate_controller.hpp) closing the loop on the
// greenhouse twin (greenhouse/twin.hpp) — software in the loop, at the controller's step. It owns
// a GreenhouseTwin and a ClimateComputerDriver (climate_computer_driver.hpp: simulated sensors
// with delays, noise and faults → controller and its safety layer → actuators with travel rates
// → held Controls); each step() reads the twin, decides and advances the twin one step.
//
// It serves a live demo (advance_to(now) from a timer, operator commands in between) as well as
// tests and benches (a week in a few seconds). API:
//
// | call                                   | what                                                 |
// |----------------------------------------|------------------------------------------------------|
// | step()                                 | one control step of step_s()                         |
// | advance_to(t_utc_s) / advance(dt_s)    | every whole step that ends by t (the loop's time     |
// |                                        | stays on the step grid); returns the steps run       |
// | time_utc_s(), step_s()                 | the loop's time (s since 1970 UTC), its step         |
// | snapshot()                             | named values with units: sensors as the controller   |
// |                                        | read them (with status), the twin's true values      |
// |                                        | (air T, RH, CO2, PAR, radiation, pipe T, outdoor T,  |
// |                                        | RH, wind), actuators (position, command, manual,     |
// |                                        | stuck), active alarms with messages and priority,    |
// |                                        | the working set-points, totals (heating, CO2, water) |
// | set_manual(id, value, until_ms)        | operator manual mode of one actuator, as a KS X 3267 |
// | clear_manual(id)                       | opener/switch command: value in control::manual_range|
// |                                        | (vent 0–1 open, screen 0–1 closed, heating pipe °C…) |
// |                                        | until a time; still under interlocks and travel limits|
// | set_override(id, value, until_ms)      | a temporary set-point override (operator_modes.hpp)  |
// | acknowledge(alarm_key)                 | acknowledges an active alarm ("t_air_high")          |
// | set_settings(s)                        | new controller settings from the next step           |
// | settings(), controller_state(),        | the controller's settings and memory; the last step's|
// | last_step()                            | commands, alarm events and explanation (explain.hpp) |
// | measurements(), positions(), outputs(),| what the controller read, where the actuators stand, |
// | totals(), twin()                       | the twin's outputs and integrals                     |
// | set_step_observer(f)                   | f(StepRecord) after every decision (summaries, CSV)  |
//
// Not thread-safe: a server holds a mutex around every call. Times: TimeMs (ms UTC) for the
// controller's world, seconds UTC (double) for the twin's, as each library uses.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "egin/control/climate_controller.hpp"
#include "egin/control/settings.hpp"
#include "egin/greenhouse/design.hpp"
#include "egin/greenhouse/state.hpp"
#include "egin/greenhouse/twin.hpp"
#include "egin/greenhouse/weather_forcing.hpp"
#include "egin/runtime/climate_computer_driver.hpp"

namespace egin::runtime {

struct TwinClimateLoopConfig {
  greenhouse::GreenhouseDesign design;
  control::ControllerSettings settings;
  std::shared_ptr<const greenhouse::WeatherForcing> weather;
  control::SiteInfo site;  // latitude, longitude, UTC offset (sun times for the bands)
  double start_utc_s = 0.0;
  double step_s = 0.0;  // 0: the controller's settings.step_s
  greenhouse::InitialCrop crop = greenhouse::InitialCrop::kYoung;
  /// The controls are held over each step: the one-step integrator (greenhouse/twin.hpp).
  greenhouse::SolverOptions solver{.integrator = greenhouse::Integrator::kEsdirk};
  DriverOptions driver;  // actuator travel, air heater stage, injected faults
};

class TwinClimateLoop final {
 public:
  /// Throws std::invalid_argument for a missing weather or a step <= 0.
  explicit TwinClimateLoop(TwinClimateLoopConfig config);

  void step();
  int advance_to(double t_utc_s);
  int advance(double dt_s) { return advance_to(time_utc_s() + dt_s); }

  [[nodiscard]] double time_utc_s() const { return twin_.time_utc_s(); }
  [[nodiscard]] double step_s() const { return step_s_; }
  [[nodiscard]] LoopSnapshot snapshot() const { return driver_.snapshot(twin_); }

  void set_manual(control::ActuatorId id, double value, TimeMs until_ms = control::kNoExpiry) {
    driver_.set_manual(id, value, until_ms);
  }
  void clear_manual(control::ActuatorId id) { driver_.clear_manual(id); }
  void set_override(control::SetpointId id, double value, TimeMs until_ms) {
    driver_.set_override(id, value, until_ms, time_utc_s());
  }
  void clear_override(control::SetpointId id) { driver_.clear_override(id); }
  bool acknowledge(std::string_view alarm_key) { return driver_.acknowledge(alarm_key); }

  [[nodiscard]] const control::ControllerSettings& settings() const { return driver_.settings(); }
  /// New controller settings, in force from the next step (the step length stays).
  void set_settings(control::ControllerSettings settings) {
    driver_.set_settings(std::move(settings));
  }
  [[nodiscard]] const control::ControllerState& controller_state() const {
    return driver_.controller_state();
  }
  [[nodiscard]] const control::StepResult* last_step() const { return driver_.last_step(); }
  [[nodiscard]] const control::Measurements& measurements() const { return driver_.measurements(); }
  [[nodiscard]] const ActuatorPositions& positions() const { return driver_.positions(); }
  [[nodiscard]] greenhouse::Outputs outputs() const { return twin_.outputs(); }
  [[nodiscard]] greenhouse::Totals totals() const { return twin_.totals(); }
  [[nodiscard]] const greenhouse::GreenhouseTwin& twin() const { return twin_; }
  [[nodiscard]] ClimateComputerDriver& driver() { return driver_; }
  [[nodiscard]] const ClimateComputerDriver& driver() const { return driver_; }

  void set_step_observer(std::function<void(const StepRecord&)> observer) {
    driver_.set_step_observer(std::move(observer));
  }

 private:
  double step_s_;
  ClimateComputerDriver driver_;
  greenhouse::GreenhouseTwin twin_;
};

}  // namespace egin::runtime
