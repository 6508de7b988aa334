// The building blocks of every climate rule: a linear ramp between two points, the proportional
// band (P-band) of greenhouse control, a two-threshold hysteresis switch, and a PI controller
// with anti-windup. Pure functions and plain state; no rule lives here.
//
// P-band (as climate computers define it, e.g. Vanthoor 2011 §8.4 and GreenLight's
// proportionalControl, here in its linear form): the output rises linearly from its minimum when
// the process value reaches the set-point to its maximum when it exceeds the set-point by the
// band. PI: u = e/Pb + (1/(Pb·Ti)) ∫ e dt (Åström & Hägglund 2006, Advanced PID Control, Eq. 3.1
// with K = 1/Pb), limited to [u_min, u_max]; the integral stops while the output is saturated
// in the direction the error pushes it ("conditional integration", ibid. §3.5) and is itself
// kept within [u_min, u_max], so a long saturation does not wind it up.
#pragma once

#include <algorithm>

namespace egin::control {

/// 0 at x ≤ x0, 1 at x ≥ x1, linear between (x1 < x0 gives the falling ramp: 1 at x ≤ x1, 0 at
/// x ≥ x0). x0 == x1 is a step at x0.
inline double ramp01(double x, double x0, double x1) {
  if (x0 == x1) {
    return x >= x0 ? 1.0 : 0.0;
  }
  return std::clamp((x - x0) / (x1 - x0), 0.0, 1.0);
}

inline double lerp(double a, double b, double t) { return a + (b - a) * t; }

/// P-band: 0 at excess ≤ 0, 1 at excess ≥ band_width, linear between (band_width > 0).
inline double p_band(double excess, double band_width) { return ramp01(excess, 0.0, band_width); }

/// A switch with two thresholds: on once x ≥ on_at, off once x ≤ off_at, otherwise unchanged.
/// on_at > off_at switches on high values (e.g. storm), on_at < off_at on low values (e.g. cold).
inline bool hysteresis(bool was_on, double x, double on_at, double off_at) {
  if (on_at >= off_at) {
    if (x >= on_at) {
      return true;
    }
    if (x <= off_at) {
      return false;
    }
    return was_on;
  }
  if (x <= on_at) {
    return true;
  }
  if (x >= off_at) {
    return false;
  }
  return was_on;
}

struct PiSettings {
  double p_band = 1.0;           // error for full output, in the error's unit (> 0)
  double integral_time_s = 0.0;  // Ti; 0 = proportional only
  double u_min = 0.0;
  double u_max = 1.0;
};

struct PiState {
  double integral = 0.0;  // the integral term, in output units
};

/// One step: the output for `error` (set-point minus process value) after `dt_s` seconds.
double pi_step(const PiSettings& settings, double error, double dt_s, PiState& state);

}  // namespace egin::control
