#include "egin/control/proportional.hpp"

namespace egin::control {

double pi_step(const PiSettings& settings, double error, double dt_s, PiState& state) {
  const double p = error / settings.p_band;
  if (settings.integral_time_s > 0.0 && dt_s > 0.0) {
    // Åström & Hägglund 2006 Eq. 3.1: I = (K/Ti) ∫ e dt, K = 1/Pb.
    const double d_integral = error * dt_s / (settings.p_band * settings.integral_time_s);
    const double u_unlimited = p + state.integral + d_integral;
    const bool pushes_up = d_integral > 0.0;
    const bool saturated =
        (pushes_up && u_unlimited > settings.u_max) || (!pushes_up && u_unlimited < settings.u_min);
    if (!saturated) {
      state.integral += d_integral;
    }
    state.integral = std::clamp(state.integral, settings.u_min, settings.u_max);
  } else if (settings.integral_time_s <= 0.0) {
    state.integral = 0.0;
  }
  return std::clamp(p + state.integral, settings.u_min, settings.u_max);
}

}  // namespace egin::control
