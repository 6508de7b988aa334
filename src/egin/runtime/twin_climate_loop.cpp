#include "egin/runtime/twin_climate_loop.hpp"

#include <cmath>
#include <stdexcept>

#include "egin/greenhouse/model.hpp"

namespace egin::runtime {

namespace {

double checked_step_s(const TwinClimateLoopConfig& c) {
  const double step = c.step_s > 0.0 ? c.step_s : c.settings.step_s;
  if (!(step > 0.0) || !std::isfinite(step)) {
    throw std::invalid_argument("twin climate loop: the control step must be positive");
  }
  if (!c.weather) {
    throw std::invalid_argument("twin climate loop: no weather");
  }
  return step;
}

}  // namespace

TwinClimateLoop::TwinClimateLoop(TwinClimateLoopConfig config)
    : step_s_(checked_step_s(config)),
      driver_(std::move(config.settings), config.design, config.site, std::move(config.driver)),
      twin_(greenhouse::make_model(config.design), config.weather,
            greenhouse::greenlight_initial_state(config.crop), config.start_utc_s, config.solver) {}

void TwinClimateLoop::step() {
  const greenhouse::Outputs now = twin_.outputs();
  const greenhouse::Controls u = driver_.decide(now, step_s_);
  twin_.advance(step_s_, u);
}

int TwinClimateLoop::advance_to(double t_utc_s) {
  int steps = 0;
  // A millisecond's tolerance keeps a target on the grid from being missed by rounding.
  while (time_utc_s() + step_s_ <= t_utc_s + 1e-3) {
    step();
    ++steps;
  }
  return steps;
}

}  // namespace egin::runtime
