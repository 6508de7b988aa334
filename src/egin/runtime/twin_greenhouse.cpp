#include "egin/runtime/twin_greenhouse.hpp"

#include <cmath>

namespace egin::runtime {

void TwinGreenhouse::advance_to(TimeMs t_ms) {
  const std::lock_guard lock(mutex_);
  loop_.advance_to(static_cast<double>(t_ms) / 1000.0);
}

TimeMs TwinGreenhouse::now_ms() const {
  const std::lock_guard lock(mutex_);
  return static_cast<TimeMs>(std::llround(loop_.time_utc_s() * 1000.0));
}

double TwinGreenhouse::reading(GreenhouseQuantity quantity) const {
  const std::lock_guard lock(mutex_);
  switch (quantity) {
    case GreenhouseQuantity::kAirTemperature:
      return loop_.outputs().t_air_c;
    case GreenhouseQuantity::kRelativeHumidity:
      return loop_.outputs().rh_air_pct;
    case GreenhouseQuantity::kCo2:
      return loop_.outputs().co2_air_ppm;
    case GreenhouseQuantity::kPar:
      return loop_.outputs().par_can_umol_m2_s;
    case GreenhouseQuantity::kPipeTemperature:
      return loop_.outputs().t_pipe_c;
    case GreenhouseQuantity::kOutdoorTemperature:
      return loop_.twin().outdoor().t_out_c;
    case GreenhouseQuantity::kOutdoorRadiation:
      return loop_.twin().outdoor().iglob_w_m2;
  }
  return 0.0;
}

double TwinGreenhouse::position(control::ActuatorId id) const {
  const std::lock_guard lock(mutex_);
  const std::string_view key = control::actuator_key(id);
  for (const ActuatorSnapshot& a : loop_.snapshot().actuators) {
    if (a.name == key) {
      return a.position;
    }
  }
  return 0.0;
}

void TwinGreenhouse::set_manual(control::ActuatorId id, double value, TimeMs until_ms) {
  const std::lock_guard lock(mutex_);
  loop_.set_manual(id, value, until_ms);
}

LoopSnapshot TwinGreenhouse::snapshot() const {
  const std::lock_guard lock(mutex_);
  return loop_.snapshot();
}

bool TwinGreenhouse::acknowledge(std::string_view alarm_key) {
  const std::lock_guard lock(mutex_);
  return loop_.acknowledge(alarm_key);
}

control::ControllerSettings TwinGreenhouse::settings() const {
  const std::lock_guard lock(mutex_);
  return loop_.settings();
}

void TwinGreenhouse::set_settings(control::ControllerSettings settings) {
  const std::lock_guard lock(mutex_);
  loop_.set_settings(std::move(settings));
}

void TwinGreenhouse::set_step_observer(StepObserver observer) {
  const std::lock_guard lock(mutex_);
  if (!observer) {
    loop_.set_step_observer(nullptr);
    return;
  }
  loop_.set_step_observer(
      [this, f = std::move(observer)](const StepRecord& record) { f(record, loop_); });
}

}  // namespace egin::runtime
