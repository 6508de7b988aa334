#include "egin/control/co2.hpp"

#include <algorithm>

#include "egin/control/proportional.hpp"

namespace egin::control {

void co2_account(Co2State& state, Date today, double rate_kg_ha_h, double dt_s) {
  if (state.day_days != today.days_since_epoch()) {
    state.day_days = today.days_since_epoch();
    state.dosed_today_kg_ha = 0.0;
  }
  state.dosed_today_kg_ha += std::max(0.0, rate_kg_ha_h) * dt_s / 3600.0;
}

Co2Output co2_step(const Co2Settings& s, const Co2Inputs& in, const Co2State& state) {
  Co2Output out;
  out.dosed_today_kg_ha = state.dosed_today_kg_ha;
  if (!s.installed) {
    return out;
  }
  const double reduced = std::min(in.setpoint_ppm, s.reduced_setpoint_ppm);
  out.setpoint_eff_ppm =
      lerp(in.setpoint_ppm, reduced,
           ramp01(in.vent_open_frac, s.vent_reduction_start_frac, s.vent_reduction_end_frac));
  if (s.only_in_light && !in.in_light) {
    out.reason = Co2Reason::kDark;
    return out;
  }
  if (!in.co2_air_ppm) {
    out.reason = Co2Reason::kNoSensor;
    return out;
  }
  double frac = p_band(out.setpoint_eff_ppm - *in.co2_air_ppm, s.p_band_ppm);
  out.reason = frac > 0.0 ? Co2Reason::kDosing : Co2Reason::kAtSetpoint;
  if (s.daily_quota_kg_ha > 0.0 && frac > 0.0) {
    const double remaining = std::max(0.0, s.daily_quota_kg_ha - state.dosed_today_kg_ha);
    const double max_rate = remaining / (in.nominal_step_s / 3600.0);
    if (frac * s.capacity_kg_ha_h > max_rate) {
      frac = max_rate / s.capacity_kg_ha_h;
      out.reason = Co2Reason::kQuotaReached;
    }
  }
  out.co2_dosing_frac = frac;
  out.co2_dosing_kg_ha_h = frac * s.capacity_kg_ha_h;
  return out;
}

}  // namespace egin::control
