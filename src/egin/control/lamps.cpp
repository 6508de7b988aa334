#include "egin/control/lamps.hpp"

#include <algorithm>
#include <cmath>

#include "egin/control/proportional.hpp"

namespace egin::control {

LampOutput lamps_step(const LampSettings& s, const LampInputs& in, LampState& state) {
  LampOutput out;
  if (!s.installed) {
    state.on = false;
    return out;
  }
  // The interval just passed, with the lamps as they were.
  if (in.dt_s > 0.0) {
    state.light_sum_mol_m2 += canopy_par_umol_m2_s(in.light, in.iglob_w_m2, in.par_air_umol_m2_s,
                                                   state.on ? s.ppfd_umol_m2_s : 0.0) *
                              in.dt_s * 1e-6;
    if (state.on) {
      state.on_s += in.dt_s;
    }
    if (in.iglob_w_m2) {
      state.rad_sum_mj_m2 += std::max(0.0, *in.iglob_w_m2) * in.dt_s * 1e-6;
    }
  }
  if (in.window_opened_ms && *in.window_opened_ms != state.light_day_start_ms) {
    state.light_day_start_ms = *in.window_opened_ms;
    state.light_sum_mol_m2 = 0.0;
    state.rad_sum_mj_m2 = 0.0;
    state.on_s = 0.0;
  }
  const double expected_rad_sum_mj_m2 =
      std::max(state.rad_sum_mj_m2, in.forecast_rad_sum_mj_m2.value_or(0.0));
  if (in.iglob_w_m2) {
    state.bright =
        hysteresis(state.bright, *in.iglob_w_m2, s.off_above_iglob_w_m2, s.on_below_iglob_w_m2);
  } else {
    state.bright = false;  // unknown radiation: lamps may burn (waste, never harm)
  }

  // Hard reasons switch off at once; soft ones respect the minimum on time.
  LampReason hard = LampReason::kOn;
  if (!in.window_opened_ms) {
    hard = LampReason::kOutsideWindow;
  } else if (in.in_tariff_block) {
    hard = LampReason::kTariffBlock;
  } else if (state.on_s >= s.max_on_h * 3600.0) {
    hard = LampReason::kMaxHours;
  } else if (s.hot_off_excess_c > 0.0 && in.t_air_c &&
             *in.t_air_c >= in.t_vent_c + s.hot_off_excess_c) {
    hard = LampReason::kHot;
  }
  LampReason soft = LampReason::kOn;
  if (s.rad_sum_limit_mj_m2 > 0.0 && expected_rad_sum_mj_m2 >= s.rad_sum_limit_mj_m2) {
    soft = LampReason::kRadSumLimit;
  } else if (s.light_sum_target_mol_m2 > 0.0 &&
             state.light_sum_mol_m2 >= s.light_sum_target_mol_m2) {
    soft = LampReason::kLightSumReached;
  } else if (state.bright) {
    soft = LampReason::kBright;
  }
  const double since_switch_min =
      static_cast<double>(in.now_ms - state.last_switch_ms) / static_cast<double>(kMsPerMinute);
  bool on = state.on;
  LampReason reason = LampReason::kOn;
  if (hard != LampReason::kOn) {
    on = false;
    reason = hard;
  } else if (soft != LampReason::kOn) {
    if (state.on && since_switch_min < s.min_on_min) {
      reason = LampReason::kMinOnHold;
    } else {
      on = false;
      reason = soft;
    }
  } else if (!state.on && state.last_switch_ms != 0 && since_switch_min < s.min_off_min) {
    reason = LampReason::kMinOffHold;
  } else {
    on = true;
  }
  if (on != state.on) {
    state.on = on;
    state.last_switch_ms = in.now_ms;
  }
  out.lamps_on = on;
  out.reason = reason;
  out.light_sum_mol_m2 = state.light_sum_mol_m2;
  out.on_h = state.on_s / 3600.0;
  out.expected_rad_sum_mj_m2 = expected_rad_sum_mj_m2;
  return out;
}

}  // namespace egin::control
