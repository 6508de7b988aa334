#include "egin/control/safety.hpp"

#include <algorithm>

#include "egin/control/proportional.hpp"

namespace egin::control {
namespace {

/// Moves `value` at most `rate_per_min` · dt from `previous`; sets `bit` in `flags` if it had to.
double travel(double value, double previous, double rate_per_min, double dt_s, std::uint32_t bit,
              std::uint32_t& flags) {
  if (rate_per_min <= 0.0) {
    return value;
  }
  const double step = rate_per_min * dt_s / 60.0;
  const double limited = std::clamp(value, previous - step, previous + step);
  if (limited != value) {
    flags |= bit;
  }
  return limited;
}

}  // namespace

double safe_vent_demand(const SafetySettings& s, std::optional<double> t_out_c, bool& fixed) {
  fixed = !t_out_c.has_value();
  if (fixed) {
    return s.safe_vent_without_t_out_frac;
  }
  return s.safe_vent_max_frac *
         ramp01(*t_out_c, s.safe_vent_closed_below_t_out_c, s.safe_vent_full_above_t_out_c);
}

FrostHeating frost_heating(const SafetySettings& s, const HeatingSettings& heating,
                           std::optional<double> t_pipe_c) {
  FrostHeating out;
  out.t_pipe_setpoint_c = s.frost_t_pipe_c;
  double frac = s.frost_heating_frac;
  if (t_pipe_c) {
    frac += (s.frost_t_pipe_c - *t_pipe_c) / heating.pipe_p_band_c;
  }
  out.heating_frac = std::clamp(frac, 0.0, 1.0);
  return out;
}

int safe_pad_fan_stage(const SafetySettings& s, std::optional<double> t_out_c,
                       int installed_stages) {
  if (!t_out_c || *t_out_c < s.safe_pad_fan_above_t_out_c) {
    return 0;
  }
  return std::min(s.safe_pad_fan_stage, installed_stages);
}

std::uint32_t apply_interlocks(const SafetySettings& s, const InterlockInputs& in, Commands& c) {
  std::uint32_t flags = 0;
  if (in.previous != nullptr && in.dt_s > 0.0) {
    const Commands& p = *in.previous;
    const double dt = in.dt_s;
    c.vent_lee_open_frac = travel(c.vent_lee_open_frac, p.vent_lee_open_frac,
                                  s.vent_travel_frac_per_min, dt, kRateLimitedVent, flags);
    c.vent_wind_open_frac = travel(c.vent_wind_open_frac, p.vent_wind_open_frac,
                                   s.vent_travel_frac_per_min, dt, kRateLimitedVent, flags);
    c.screen_energy_closed_frac =
        travel(c.screen_energy_closed_frac, p.screen_energy_closed_frac,
               s.screen_travel_frac_per_min, dt, kRateLimitedScreen, flags);
    c.screen_shade_closed_frac =
        travel(c.screen_shade_closed_frac, p.screen_shade_closed_frac, s.screen_travel_frac_per_min,
               dt, kRateLimitedScreen, flags);
    c.screen_blackout_closed_frac =
        travel(c.screen_blackout_closed_frac, p.screen_blackout_closed_frac,
               s.screen_travel_frac_per_min, dt, kRateLimitedScreen, flags);
    c.t_pipe_setpoint_c = travel(c.t_pipe_setpoint_c, p.t_pipe_setpoint_c,
                                 s.pipe_setpoint_c_per_min, dt, kRateLimitedPipe, flags);
  }
  // CO2: not into an open house (the command or the measured position, whichever is wider).
  const double vent_open =
      std::max({c.vent_lee_open_frac, c.vent_wind_open_frac,
                in.vent_lee_feedback_frac.value_or(0.0), in.vent_wind_feedback_frac.value_or(0.0)});
  if (c.co2_dosing_frac > 0.0 && vent_open > s.co2_max_vent_open_frac) {
    c.co2_dosing_frac = 0.0;
    c.co2_dosing_kg_ha_h = 0.0;
    flags |= kInterlockCo2VentsOpen;
  }
  // Fogging: never cold, never humid, never blind.
  if (c.fogging_frac > 0.0) {
    if (!in.t_air_c || !in.rh_air_pct) {
      flags |= kInterlockFogNoSensor;
    } else if (*in.t_air_c < s.fog_min_t_air_c) {
      flags |= kInterlockFogCold;
    } else if (*in.rh_air_pct > s.fog_max_rh_pct) {
      flags |= kInterlockFogHumid;
    }
    if ((flags & (kInterlockFogNoSensor | kInterlockFogCold | kInterlockFogHumid)) != 0) {
      c.fogging_frac = 0.0;
    }
  }
  return flags;
}

}  // namespace egin::control
