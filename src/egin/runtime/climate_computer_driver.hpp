// ClimateComputerDriver: the climate computer (control/climate_controller.hpp) as a controller of
// the greenhouse twin (greenhouse::Controller) — the decision half of the closed loop. At every
// control step, from the twin's outputs at its start, it
//
//   1. reads simulated sensors (simulated_sensors.hpp: delays, noise, injected faults);
//   2. runs the controller (its rules, then its safety layer: safe states, interlocks, travel
//      limits, alarms), with the day's outdoor radiation sum from the weather as a perfect
//      forecast (GreenLight's assumption for its lamp rule; DriverOptions::radiation_forecast);
//   3. turns the commands into actuator targets; vents and screens travel towards them at their
//      motor speed, stuck actuators stay put; the twin gets the mean positions over the step
//      (twin_actuators.hpp).
//
// It remembers everything a climate computer and its actuators remember (controller state,
// positions, sensor history), so `egin simulate greenhouse --controller climate` runs it through
// greenhouse::run_simulation, and TwinClimateLoop (twin_climate_loop.hpp) pairs it with a twin
// for a live demo. Operator calls (manual mode, overrides) go into the controller's state as a
// KS X 3267 opener/switch command would; they throw egin::InputError naming the actuator or
// set-point and its accepted range. Not thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/control/climate_controller.hpp"
#include "egin/control/settings.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/design.hpp"
#include "egin/runtime/simulated_sensors.hpp"
#include "egin/runtime/twin_actuators.hpp"
#include "egin/runtime/twin_faults.hpp"

namespace egin::runtime {

struct DriverOptions {
  ActuatorTravel travel;
  /// The heating demand at which a design's air heater joins (twin_actuators.hpp); 1 = never.
  double air_heater_start_frac = 0.8;
  FaultPlan faults;
  /// Give the controller the local day's outdoor global radiation sum from the weather as its
  /// forecast (a perfect forecast, as GreenLight's lampRadSumLimit rule assumes); false: none.
  bool radiation_forecast = true;
};

/// One value for a person or an API: name, value, unit (°C, %, ppm, W/m², 0–1, …).
struct NamedValue {
  std::string name;
  double value = 0.0;
  std::string unit;
  std::string status;  // sensors: ok, stale, missing, out_of_range, not_installed; else empty
};

struct ActuatorSnapshot {
  std::string name;  // control::actuator_key ("vent_lee")
  double position = 0.0;
  double command = 0.0;
  std::string unit;  // of position and command
  bool manual = false;
  TimeMs manual_until_ms = 0;
  bool stuck = false;  // an injected fault
};

struct AlarmSnapshot {
  std::string key;
  std::string message;
  int priority = 2;
  TimeMs raised_ms = 0;
  bool acknowledged = false;
};

struct LoopSnapshot {
  double time_utc_s = 0.0;
  std::vector<NamedValue> sensors;  // as the controller read them at the last step
  std::vector<NamedValue> twin;     // the twin's true values now
  std::vector<ActuatorSnapshot> actuators;
  std::vector<AlarmSnapshot> alarms;  // active ones
  std::vector<NamedValue> totals;     // since the start
  std::vector<NamedValue> setpoints;  // the controller's working set-points at the last step
};

/// What happened in one step, for observers (valid during the call only).
struct StepRecord {
  double start_utc_s = 0.0;
  double dt_s = 0.0;
  const greenhouse::Outputs* before = nullptr;  // the twin at the step's start (what was read)
  const control::Measurements* measurements = nullptr;
  const control::StepResult* result = nullptr;
  const ActuatorPositions* targets = nullptr;
  const ActuatorPositions* mean_positions = nullptr;  // held in the twin over the step
  const greenhouse::Controls* controls = nullptr;
  StuckMask stuck = 0;
};

class ClimateComputerDriver final : public greenhouse::Controller {
 public:
  ClimateComputerDriver(control::ControllerSettings settings,
                        const greenhouse::GreenhouseDesign& design, control::SiteInfo site,
                        DriverOptions options = {});

  [[nodiscard]] std::string_view name() const override { return "climate"; }
  /// One control step from the twin's outputs at its start; the controls to hold over it.
  [[nodiscard]] greenhouse::Controls decide(const greenhouse::Outputs& now, double dt_s) override;

  void set_manual(control::ActuatorId id, double value, TimeMs until_ms = control::kNoExpiry);
  void clear_manual(control::ActuatorId id);
  void set_override(control::SetpointId id, double value, TimeMs until_ms, double now_utc_s);
  void clear_override(control::SetpointId id);
  /// False when no active alarm has that key.
  bool acknowledge(std::string_view alarm_key);

  /// Snapshot with `twin` giving the true values and totals.
  [[nodiscard]] LoopSnapshot snapshot(const greenhouse::GreenhouseTwin& twin) const;

  [[nodiscard]] const control::ControllerSettings& settings() const { return settings_; }
  /// New settings, in force from the next step; the controller's memory (PI, alarms, manual
  /// modes, quotas) carries on.
  void set_settings(control::ControllerSettings settings) { settings_ = std::move(settings); }
  [[nodiscard]] const control::ControllerState& controller_state() const { return state_; }
  [[nodiscard]] const control::StepResult* last_step() const { return last_ ? &*last_ : nullptr; }
  [[nodiscard]] const control::Measurements& measurements() const { return measurements_; }
  [[nodiscard]] const ActuatorPositions& positions() const { return positions_; }
  [[nodiscard]] const ActuatorPositions& targets() const { return targets_; }
  [[nodiscard]] const ControlsMapping& mapping() const { return mapping_; }
  [[nodiscard]] const DriverOptions& options() const { return options_; }
  /// The actuators stuck by an injected fault at `now_ms` (bit per control::ActuatorId).
  [[nodiscard]] StuckMask stuck_at(TimeMs now_ms) const;

  void set_step_observer(std::function<void(const StepRecord&)> observer) {
    observer_ = std::move(observer);
  }

 private:
  control::ControllerSettings settings_;
  control::SiteInfo site_;
  DriverOptions options_;
  ControlsMapping mapping_;
  SimulatedSensors sensors_;
  control::ControllerState state_;
  control::Measurements measurements_;
  ActuatorPositions positions_;
  ActuatorPositions targets_;
  std::optional<control::StepResult> last_;
  std::function<void(const StepRecord&)> observer_;
};

/// The position an actuator's manual value and commands are in, for snapshots: commands.hpp
/// fields by ActuatorId (heating: the pipe set-point command, its position the boiler share).
double command_of(const control::Commands& commands, control::ActuatorId id);
double position_of(const ActuatorPositions& positions, control::ActuatorId id);

}  // namespace egin::runtime
