// TwinGreenhouse: the SimulatedGreenhouse (simulated_greenhouse.hpp) of the demo farm — the
// greenhouse twin under the climate computer (twin_climate_loop.hpp), behind one mutex so that
// the simulated nodes' thread reads and commands it while the demo's timer advances it.
//
// Readings (a node's probe reads the twin's true state, greenhouse/outputs.hpp):
// | quantity            | the twin                                  |
// |---------------------|-------------------------------------------|
// | kAirTemperature     | Outputs::t_air_c                          |
// | kRelativeHumidity   | Outputs::rh_air_pct                       |
// | kCo2                | Outputs::co2_air_ppm                      |
// | kPar                | Outputs::par_can_umol_m2_s                |
// | kPipeTemperature    | Outputs::t_pipe_c                         |
// | kOutdoorTemperature | OutdoorConditions::t_out_c (the forcing)  |
// | kOutdoorRadiation   | OutdoorConditions::iglob_w_m2             |
// Positions are the snapshot's (ActuatorSnapshot::position by actuator_key). A manual command
// goes to TwinClimateLoop::set_manual (it still passes the climate computer's
// interlocks and travel limits). A step observer (set_step_observer) sees every control step
// with the loop as it is then, under the mutex — how the alarm provider
// (twin_alarm_provider.hpp) learns of alarms raised and cleared. It must not know the nodes or
// the HTTP API.
#pragma once

#include <functional>
#include <mutex>

#include "egin/runtime/simulated_greenhouse.hpp"
#include "egin/runtime/twin_climate_loop.hpp"

namespace egin::runtime {

class TwinGreenhouse final : public SimulatedGreenhouse {
 public:
  explicit TwinGreenhouse(TwinClimateLoopConfig config) : loop_(std::move(config)) {}

  void advance_to(TimeMs t_ms) override;
  [[nodiscard]] TimeMs now_ms() const override;
  [[nodiscard]] double reading(GreenhouseQuantity quantity) const override;
  [[nodiscard]] double position(control::ActuatorId id) const override;
  void set_manual(control::ActuatorId id, double value, TimeMs until_ms) override;

  /// The loop's snapshot (sensors, actuators, alarms, set-points) at its time.
  [[nodiscard]] LoopSnapshot snapshot() const;
  /// Acknowledges an active alarm of the climate computer; false when none has that key.
  bool acknowledge(std::string_view alarm_key);

  /// The climate computer's settings now, and new ones in force from its next step.
  [[nodiscard]] control::ControllerSettings settings() const;
  void set_settings(control::ControllerSettings settings);

  /// f(step, loop) after every control step, under the mutex (so f must not call back into
  /// this object); an empty f removes it.
  using StepObserver = std::function<void(const StepRecord&, const TwinClimateLoop&)>;
  void set_step_observer(StepObserver observer);

 private:
  mutable std::mutex mutex_;
  TwinClimateLoop loop_;
};

}  // namespace egin::runtime
