#include "egin/control/irrigation.hpp"

namespace egin::control {

void irrigation_record_start(IrrigationState& state, TimeMs now_ms) {
  state.sum_j_cm2 = 0.0;
  state.last_start_ms = now_ms;
  ++state.starts_today;
}

IrrigationOutput irrigation_step(const IrrigationSettings& s, const IrrigationInputs& in,
                                 IrrigationState& state) {
  IrrigationOutput out;
  if (!s.installed) {
    return out;
  }
  if (in.iglob_w_m2 && in.dt_s > 0.0) {
    state.sum_j_cm2 += *in.iglob_w_m2 * in.dt_s * 1e-4;  // W m⁻² s → J cm⁻²
  }
  if (state.day_first_start_ms != in.first_start_ms) {
    state.day_first_start_ms = in.first_start_ms;
    state.starts_today = 0;
  }
  out.reason = IrrigationReason::kWaiting;
  const bool in_window = in.now_ms >= in.first_start_ms && in.now_ms <= in.last_start_ms;
  if (!in_window) {
    out.reason = IrrigationReason::kOutsideWindow;
  } else {
    const double since_min =
        static_cast<double>(in.now_ms - state.last_start_ms) / static_cast<double>(kMsPerMinute);
    if (state.starts_today == 0) {
      out.reason = IrrigationReason::kFirstStart;
    } else if (since_min >= s.max_interval_min) {
      out.reason = IrrigationReason::kMaxInterval;
    } else if (state.sum_j_cm2 >= s.radiation_sum_j_cm2) {
      out.reason = since_min >= s.min_interval_min ? IrrigationReason::kRadiationSum
                                                   : IrrigationReason::kMinIntervalHold;
    }
    if (out.reason == IrrigationReason::kFirstStart ||
        out.reason == IrrigationReason::kMaxInterval ||
        out.reason == IrrigationReason::kRadiationSum) {
      out.irrigation_start = true;
      out.irrigation_dose_l_m2 = s.dose_l_m2;
      irrigation_record_start(state, in.now_ms);
    }
  }
  out.sum_j_cm2 = state.sum_j_cm2;
  out.starts_today = state.starts_today;
  return out;
}

}  // namespace egin::control
