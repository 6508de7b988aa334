#include "egin/control/cooling.hpp"

#include <algorithm>
#include <cmath>

#include "egin/control/proportional.hpp"

namespace egin::control {
namespace {

int wanted_stage(const PadFanSettings& s, double excess_c, int current) {
  const int n = static_cast<int>(s.stage_excess_c.size());
  int up = 0;
  for (int k = 0; k < n; ++k) {
    if (excess_c >= s.stage_excess_c[static_cast<std::size_t>(k)]) {
      up = k + 1;
    }
  }
  int stage = std::max(std::min(current, n), up);
  while (stage > 0 &&
         excess_c <= s.stage_excess_c[static_cast<std::size_t>(stage - 1)] - s.hysteresis_c) {
    --stage;
  }
  return stage;
}

}  // namespace

CoolingOutput cooling_step(const CoolingSettings& settings, const CoolingInputs& in,
                           CoolingState& state) {
  CoolingOutput out;
  const FoggingSettings& fog = settings.fog;
  if (fog.installed && in.t_air_c && in.vpd_kpa) {
    out.fog_vpd_frac = p_band(*in.vpd_kpa - fog.vpd_start_kpa, fog.vpd_p_band_kpa);
    out.fog_temperature_frac =
        p_band(*in.t_air_c - in.t_vent_c - fog.t_excess_start_c, fog.t_p_band_c);
    out.fogging_frac = fog.max_frac * std::max(out.fog_vpd_frac, out.fog_temperature_frac);
  }
  const PadFanSettings& pad = settings.pad;
  if (!pad.installed || !in.t_air_c) {
    state.pad_stage = 0;
    return out;
  }
  int target = wanted_stage(pad, *in.t_air_c - in.t_vent_c, state.pad_stage);
  if (in.rh_out_pct && *in.rh_out_pct > pad.max_rh_out_pct) {
    target = 0;
    out.pad_outdoor_humid = true;
  }
  if (target != state.pad_stage) {
    const double since_s = static_cast<double>(in.now_ms - state.pad_stage_since_ms) / 1000.0;
    if (state.pad_stage_since_ms == 0 || since_s >= pad.min_stage_time_s) {
      state.pad_stage = target;
      state.pad_stage_since_ms = in.now_ms;
    } else {
      out.pad_held = true;
    }
  }
  out.pad_fan_stage = state.pad_stage;
  return out;
}

}  // namespace egin::control
