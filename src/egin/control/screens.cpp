#include "egin/control/screens.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "egin/control/proportional.hpp"

namespace egin::control {
namespace {

void energy_screen(const EnergyScreenSettings& s, const ScreenInputs& in, ScreenState& state,
                   ScreenOutput& out) {
  if (!s.installed) {
    state.energy_closed = false;
    state.energy_position_frac = 0.0;
    return;
  }
  // Missing outdoor temperature counts as cold, missing radiation as bright.
  const double t_out = in.t_out_c.value_or(-std::numeric_limits<double>::infinity());
  const double iglob = in.iglob_w_m2.value_or(std::numeric_limits<double>::infinity());
  if (in.sun_up) {
    const double t_on = s.day_close_below_t_out_c;
    const double g_on = s.day_close_below_iglob_w_m2;
    if (state.energy_closed) {
      state.energy_closed =
          !(t_out >= t_on + s.t_out_hysteresis_c || iglob >= g_on + s.iglob_hysteresis_w_m2);
    } else {
      state.energy_closed = t_out < t_on && iglob < g_on;
    }
    out.energy_reason =
        state.energy_closed ? EnergyScreenReason::kClosedDayColdDark : EnergyScreenReason::kOpenDay;
  } else {
    state.energy_closed = hysteresis(state.energy_closed, t_out, s.night_close_below_t_out_c,
                                     s.night_close_below_t_out_c + s.t_out_hysteresis_c);
    out.energy_reason =
        state.energy_closed ? EnergyScreenReason::kClosedNightCold : EnergyScreenReason::kOpenNight;
  }
  double target = 0.0;
  if (state.energy_closed) {
    double demand = 0.0;
    if (in.rh_air_pct) {
      double rh_gap = p_band(*in.rh_air_pct - in.rh_max_pct, s.gap_rh_p_band_pct);
      if (s.gap_rh_cold_p_band_c > 0.0 && in.t_air_c) {
        const double stop_c = in.t_heat_c - s.gap_rh_cold_stop_below_heat_c;
        rh_gap *= ramp01(*in.t_air_c, stop_c - s.gap_rh_cold_p_band_c, stop_c);
      }
      demand = std::max(demand, rh_gap);
    }
    if (in.t_air_c) {
      demand = std::max(
          demand, p_band(*in.t_air_c - in.t_vent_c - s.gap_heat_start_c, s.gap_heat_p_band_c));
    }
    out.energy_gap_frac = s.gap_max_frac * demand;
    target = std::max(0.0, s.closed_frac - out.energy_gap_frac);
  }
  out.energy_target_frac = target;
  // Stepwise opening, immediate closing.
  const TimeMs interval_ms = static_cast<TimeMs>(std::llround(s.open_step_interval_min * 60000.0));
  double& position = state.energy_position_frac;
  const bool no_steps = s.open_step_frac >= 1.0 || interval_ms <= 0;
  if (target >= position || no_steps) {
    position = target;
  } else {
    out.energy_stepping = true;
    if (in.now_ms - state.energy_last_step_ms >= interval_ms) {
      position = position - s.open_step_frac;
      if (position < target + 1e-9) {  // the last step lands on the target, not 1e-16 above
        position = target;
      }
      state.energy_last_step_ms = in.now_ms;
    }
    if (position <= target) {
      out.energy_stepping = false;
    }
  }
  out.screen_energy_closed_frac = position;
}

void shade_screen(const ShadeScreenSettings& s, const ScreenInputs& in, ScreenState& state,
                  ScreenOutput& out) {
  if (!s.installed) {
    state.shade_level = 0;
    state.shade_hot = false;
    return;
  }
  std::size_t level = std::min(state.shade_level, s.levels.size());
  if (in.iglob_w_m2) {
    const double g = *in.iglob_w_m2;
    std::size_t up = 0;
    for (std::size_t k = 0; k < s.levels.size(); ++k) {
      if (g >= s.levels[k].above_iglob_w_m2) {
        up = k + 1;
      }
    }
    level = std::max(level, up);
    while (level > 0 && g < s.levels[level - 1].above_iglob_w_m2 - s.hysteresis_w_m2) {
      --level;
    }
  } else {
    level = 0;
  }
  state.shade_level = level;
  if (s.temperature_excess_c > 0.0 && in.t_air_c && in.sun_up) {
    const double on_at = in.t_vent_c + s.temperature_excess_c;
    state.shade_hot = hysteresis(state.shade_hot, *in.t_air_c, on_at, on_at - 1.0);
  } else {
    state.shade_hot = false;
  }
  double closure = level > 0 ? s.levels[level - 1].closed_frac : 0.0;
  if (state.shade_hot) {
    closure = std::max(closure, s.temperature_closed_frac);
  }
  out.shade_level = level;
  out.shade_hot = state.shade_hot;
  out.screen_shade_closed_frac = closure;
}

void blackout_screen(const BlackoutScreenSettings& s, const ScreenInputs& in, ScreenOutput& out) {
  if (!s.installed) {
    return;
  }
  const bool dark = !in.sun_up || (in.iglob_w_m2 && *in.iglob_w_m2 < s.with_lamps_below_iglob_w_m2);
  const bool closed =
      (s.with_lamps && in.lamps_on && dark) || (s.has_window && in.in_blackout_window);
  out.screen_blackout_closed_frac = closed ? s.closed_frac : 0.0;
}

}  // namespace

ScreenOutput screens_step(const ScreenSettings& settings, const ScreenInputs& in,
                          ScreenState& state) {
  ScreenOutput out;
  energy_screen(settings.energy, in, state, out);
  shade_screen(settings.shade, in, state, out);
  blackout_screen(settings.blackout, in, out);
  return out;
}

}  // namespace egin::control
