#include "egin/control/heating.hpp"

#include <algorithm>

namespace egin::control {

HeatingOutput heating_setpoints(const HeatingSettings& settings, const HeatingInputs& in) {
  HeatingOutput out;
  const double iglob = in.iglob_w_m2.value_or(0.0);
  out.radiation_raise_c =
      settings.radiation_raise_max_c *
      ramp01(iglob, settings.radiation_raise_start_w_m2, settings.radiation_raise_end_w_m2);
  out.unlit_dark_offset_c = in.unlit_dark ? settings.unlit_dark_offset_c : 0.0;
  out.t_heat_base_c = in.t_heat_c + out.unlit_dark_offset_c + out.radiation_raise_c;
  if (in.rh_air_pct) {
    out.humidity_raise_c =
        settings.humidity_raise_max_c *
        p_band(*in.rh_air_pct - in.rh_max_pct, settings.humidity_raise_p_band_pct);
  }
  out.t_heat_target_c = out.t_heat_base_c + out.humidity_raise_c;
  if (in.t_pipe_min_c > 0.0) {
    const double reduction =
        settings.pipe_min_reduction_max_c *
        ramp01(iglob, settings.pipe_min_reduction_start_w_m2, settings.pipe_min_reduction_end_w_m2);
    out.t_pipe_min_eff_c = std::max(0.0, in.t_pipe_min_c - reduction);
  }
  return out;
}

double heating_frac_for_pipe(const HeatingSettings& settings, double t_pipe_setpoint_c,
                             std::optional<double> t_air_c, std::optional<double> t_pipe_c,
                             double t_air_fallback_c) {
  const double t_air = t_air_c.value_or(t_air_fallback_c);
  if (t_pipe_setpoint_c <= t_air) {
    return 0.0;
  }
  const double span = settings.t_pipe_max_c - t_air;
  double frac = span > 0.0 ? (t_pipe_setpoint_c - t_air) / span : 1.0;
  if (t_pipe_c) {
    frac += (t_pipe_setpoint_c - *t_pipe_c) / settings.pipe_p_band_c;
  }
  return std::clamp(frac, 0.0, 1.0);
}

HeatingOutput heating_step(const HeatingSettings& settings, const HeatingInputs& in, double dt_s,
                           PiState& pi) {
  HeatingOutput out = heating_setpoints(settings, in);
  if (!in.t_air_c) {
    return out;
  }
  out.air_known = true;
  const double t_air = *in.t_air_c;
  const PiSettings pis{settings.p_band_c, settings.integral_time_s, 0.0, 1.0};
  out.demand_frac = pi_step(pis, out.t_heat_target_c - t_air, dt_s, pi);
  if (in.lamp_off_preheat_frac > 0.0) {
    out.t_pipe_min_preheat_c = std::min(
        t_air + in.lamp_off_preheat_frac * settings.lamp_off.pipe_excess_c, settings.t_pipe_max_c);
  }
  const double floor_c = std::max({out.t_pipe_min_eff_c, out.t_pipe_min_preheat_c, t_air});
  out.t_pipe_setpoint_c =
      floor_c + out.demand_frac * std::max(0.0, settings.t_pipe_max_c - floor_c);
  out.t_pipe_setpoint_c = std::min(out.t_pipe_setpoint_c, std::max(settings.t_pipe_max_c, t_air));
  out.heating_frac =
      heating_frac_for_pipe(settings, out.t_pipe_setpoint_c, in.t_air_c, in.t_pipe_c, t_air);
  return out;
}

}  // namespace egin::control
