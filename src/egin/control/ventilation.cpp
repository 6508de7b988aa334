#include "egin/control/ventilation.hpp"

#include <algorithm>
#include <cmath>

#include "egin/control/proportional.hpp"

namespace egin::control {
namespace {

/// Adopts `target` unless it differs from `last` by less than the dead band (a cap below the
/// last position, and a full close, are always adopted).
double dead_band(double target, double last, double cap, double min_step) {
  if (target <= 0.0 || last > cap || std::abs(target - last) >= min_step) {
    return target;
  }
  return last;
}

}  // namespace

VentilationOutput ventilation_step(const VentilationSettings& s, const VentilationInputs& in,
                                   VentilationState& state) {
  VentilationOutput out;
  double lee = 0.0;
  double wind = 0.0;
  if (in.t_air_c) {
    out.excess_c = *in.t_air_c - in.t_vent_c;
    out.lee_temperature_frac = s.lee_max_frac * p_band(out.excess_c, s.lee_p_band_c);
    out.wind_temperature_frac =
        s.wind_max_frac * p_band(out.excess_c - s.wind_start_c, s.wind_p_band_c);
    lee = out.lee_temperature_frac;
    wind = out.wind_temperature_frac;
  } else {
    lee = in.safe_demand_frac;
    wind = in.safe_demand_frac;
    out.limits |= kVentNoAirSensor;
  }

  // Humidity venting (lee side), on/off with hysteresis, then a P-band above the crack.
  const bool rh_known = in.rh_air_pct.has_value();
  const bool hd_rule = in.hd_min_g_m3 > 0.0 && in.hd_g_m3.has_value();
  if (rh_known || hd_rule) {
    const bool over =
        (rh_known && *in.rh_air_pct >= in.rh_max_pct) || (hd_rule && *in.hd_g_m3 <= in.hd_min_g_m3);
    const bool under = (!rh_known || *in.rh_air_pct <= in.rh_max_pct - s.humidity_hysteresis_pct) &&
                       (!hd_rule || *in.hd_g_m3 >= in.hd_min_g_m3 + s.humidity_hysteresis_g_m3);
    if (over) {
      state.humidity_on = true;
    } else if (under) {
      state.humidity_on = false;
    }
  } else {
    state.humidity_on = false;
  }
  if (state.humidity_on) {
    const double demand_rh =
        rh_known ? p_band(*in.rh_air_pct - in.rh_max_pct, s.humidity_p_band_pct) : 0.0;
    const double demand_hd =
        hd_rule ? p_band(in.hd_min_g_m3 - *in.hd_g_m3, s.humidity_p_band_g_m3) : 0.0;
    out.humidity_frac =
        lerp(s.humidity_crack_frac, s.humidity_max_frac, std::max(demand_rh, demand_hd));
    lee = std::max(lee, out.humidity_frac);
    wind = std::max(wind, s.humidity_windward_frac * out.humidity_frac);
    out.limits |= kVentHumidity;
  }

  // A failed side's demand moves to the other side.
  if (in.lee_failed) {
    wind = std::max(wind, lee);
    out.limits |= kVentWindTakeover;
  }
  if (in.wind_failed) {
    lee = std::max(lee, wind);
    out.limits |= kVentLeeTakeover;
  }

  // Caps.
  double lee_cap = 1.0;
  double wind_cap = 1.0;
  const auto cap_both = [&](double cap, std::uint32_t bit) {
    if (cap < 1.0) {
      out.limits |= bit;
    }
    lee_cap = std::min(lee_cap, cap);
    wind_cap = std::min(wind_cap, cap);
  };
  if (in.t_air_c) {
    const double stop_c = in.t_heat_c - s.air_cold_stop_below_heat_c;
    cap_both(ramp01(*in.t_air_c, stop_c - s.air_cold_p_band_c, stop_c), kVentColdAir);
  }
  if (in.t_out_c) {
    cap_both(lerp(s.cold_min_frac, 1.0, ramp01(*in.t_out_c, s.cold_t_out_c, s.cold_full_t_out_c)),
             kVentCold);
  } else {
    cap_both(in.max_without_t_out_frac, kVentColdUnknown);
  }
  if (in.wind_m_s) {
    const double w = *in.wind_m_s;
    const double lee_wind_cap =
        lerp(1.0, s.lee_wind_end_frac, ramp01(w, s.lee_wind_start_m_s, s.lee_wind_end_m_s));
    const double wind_wind_cap =
        lerp(1.0, s.wind_wind_end_frac, ramp01(w, s.wind_wind_start_m_s, s.wind_wind_end_m_s));
    if (lee_wind_cap < 1.0) {
      out.limits |= kVentWindLee;
    }
    if (wind_wind_cap < 1.0) {
      out.limits |= kVentWindWindward;
    }
    lee_cap = std::min(lee_cap, lee_wind_cap);
    wind_cap = std::min(wind_cap, wind_wind_cap);
    state.storm_on =
        hysteresis(state.storm_on, w, s.storm_m_s, s.storm_m_s - s.storm_hysteresis_m_s);
  } else {
    cap_both(in.max_without_wind_frac, kVentWindUnknown);
  }
  if (state.storm_on) {
    state.storm_hold_until_ms =
        in.now_ms + static_cast<TimeMs>(std::llround(s.storm_hold_min * 60000.0));
  }
  if (state.storm_on || in.now_ms < state.storm_hold_until_ms) {
    cap_both(0.0, kVentStorm);
  }
  const bool raining = !in.rain_mm_h || *in.rain_mm_h >= s.rain_threshold_mm_h;
  if (!in.rain_mm_h) {
    out.limits |= kVentRainAssumed;
  }
  if (raining) {
    if (s.rain_lee_max_frac < 1.0 || s.rain_wind_max_frac < 1.0) {
      out.limits |= kVentRain;
    }
    lee_cap = std::min(lee_cap, s.rain_lee_max_frac);
    wind_cap = std::min(wind_cap, s.rain_wind_max_frac);
  }
  if (in.pad_fan_running) {
    cap_both(0.0, kVentPadFan);
  }
  out.lee_cap_frac = lee_cap;
  out.wind_cap_frac = wind_cap;
  lee = std::clamp(lee, 0.0, lee_cap);
  wind = std::clamp(wind, 0.0, wind_cap);

  if (state.has_last) {
    lee = dead_band(lee, state.lee_last_frac, lee_cap, s.min_step_frac);
    wind = dead_band(wind, state.wind_last_frac, wind_cap, s.min_step_frac);
  }
  state.has_last = true;
  state.lee_last_frac = lee;
  state.wind_last_frac = wind;
  out.vent_lee_open_frac = lee;
  out.vent_wind_open_frac = wind;
  return out;
}

}  // namespace egin::control
