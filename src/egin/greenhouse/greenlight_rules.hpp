// GreenLight's rule-based climate controller (Katzin 2021 chapter 4, p. 119–122; GreenLight 2.0
// extension_greenhouse_katzin_2021_vanthoor_2011.json "Greenhouse climate control"). Every rule
// is a smooth P-band, proportional(x, sp, band, lo, hi) (Katzin 2021 Eq. 4.4, physics.hpp):
//
//   light period: lamps on from lamp_on_h to lamp_off_h unless the sun exceeds lamps_off_sun or
//     the day's radiation sum exceeds lamp_rad_sum_limit; is_day_inside = max(smooth lamp, isDay)
//   heating:  set point t_sp_day / t_sp_night by is_day_inside; u_Boil = P(T_Air, sp, −1, 0, 1);
//             grow pipes follow the boiler
//   vents:    u_Roof = min(ventCold, max(ventHeat, ventRh)); ventHeat opens above sp +
//             heat_dead_zone over vent_heat_band, ventRh above rh_max over vent_rh_band,
//             ventCold closes below sp − t_vent_off
//   thermal screen: closed when T_Out < th_scr_sp (day/night), opened by heat above sp +
//             th_scr_dead_zone and by humidity above rh_max + th_scr_max_rh unless too cold
//   blackout screen: use_bl_scr · (1 − isDaySmooth) · lamps
//   CO2:      set point co2_sp_day in the light period, 0 otherwise, P-band −100 ppm
//
// The rules read the air temperature, humidity and CO2 (states) and the outdoor conditions; they
// are templated so the solver can evaluate them inside the model's rates (as GreenLight does,
// giving its exact closed loop) or once per control step (a sampled climate computer).
#pragma once

#include <algorithm>

#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/outdoor.hpp"
#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

/// Set points and bands; defaults are Katzin 2021 (GreenLight 2.0 katzin_2021 definition).
struct GreenLightRules {
  double t_sp_day_c = 19.5;
  double t_sp_night_c = 18.5;
  double heat_correction_c = 0.0;
  double t_heat_band_c = -1.0;
  double heat_dead_zone_c = 5.0;
  double vent_heat_band_c = 4.0;
  double rh_max_pct = 87.0;
  double vent_rh_band_pct = 50.0;
  double t_vent_off_c = 1.0;
  double vent_cold_band_c = -1.0;
  double th_scr_sp_day_c = 5.0;
  double th_scr_sp_night_c = 10.0;
  double th_scr_band_c = -1.0;
  double th_scr_max_rh_pct = -2.0;
  double th_scr_rh_band_pct = 10.0;
  double th_scr_dead_zone_c = 4.0;
  bool use_bl_scr = false;
  double bl_scr_extra_rh_pct = 100.0;
  double lamp_on_h = 0.0;
  double lamp_off_h = 18.0;
  double day_lamp_start = -1.0;
  double day_lamp_stop = 400.0;
  double lamps_off_sun_w_m2 = 400.0;
  double lamp_rad_sum_limit_mj_m2 = 10.0;
  double lamp_extra_heat_c = 100.0;
  double co2_sp_day_ppm = 1000.0;
  double co2_band_ppm = -100.0;
};

/// What the rules read: the main-compartment air (T, vapour pressure, CO2) and the outdoors.
template <typename T>
struct RuleInputs {
  T t_air_c;
  T vp_air_pa;
  T co2_air_mg_m3;
};

template <typename T>
ControlsT<T> greenlight_rule_controls(const GreenLightRules& r, const RuleInputs<T>& in,
                                      const OutdoorConditions& w) {
  const double tod = w.time_of_day_h;
  const double doy = w.day_of_year;
  const T& t_air = in.t_air_c;
  const T rh_in = 100.0 * in.vp_air_pa / sat_vp_pa(t_air);
  const T co2_in_ppm = co2_ppm(t_air, in.co2_air_mg_m3);

  // Light period (GreenLight 2.0 "Lamps").
  const bool lamp_time_of_day = r.lamp_on_h <= r.lamp_off_h
                                    ? (r.lamp_on_h < tod && tod < r.lamp_off_h)
                                    : (r.lamp_on_h < tod || tod < r.lamp_off_h);
  const bool lamp_day_of_year = r.day_lamp_start <= r.day_lamp_stop
                                    ? (r.day_lamp_start < doy && doy < r.day_lamp_stop)
                                    : (r.day_lamp_start < doy || doy < r.day_lamp_stop);
  const bool rad_sum_ok = w.day_rad_sum_mj_m2 < r.lamp_rad_sum_limit_mj_m2;
  const double lamp_no_cons =
      (w.iglob_w_m2 < r.lamps_off_sun_w_m2 && rad_sum_ok && lamp_time_of_day && lamp_day_of_year)
          ? 1.0
          : 0.0;
  const double switch_on = std::max(0.0, std::min(1.0, tod - r.lamp_on_h + 1.0));
  const double switch_off = std::max(0.0, std::min(1.0, r.lamp_off_h - tod + 1.0));
  const double both = r.lamp_on_h == r.lamp_off_h  ? 0.0
                      : r.lamp_on_h < r.lamp_off_h ? std::min(switch_on, switch_off)
                                                   : std::max(switch_on, switch_off);
  const double smooth_lamp = both * (rad_sum_ok ? 1.0 : 0.0) * (lamp_day_of_year ? 1.0 : 0.0);
  const double is_day_inside = std::max(smooth_lamp, w.is_day);

  // Heating.
  const double heat_sp = is_day_inside * r.t_sp_day_c + (1.0 - is_day_inside) * r.t_sp_night_c +
                         r.heat_correction_c * lamp_no_cons;
  ControlsT<T> u;
  u.boiler_frac = proportional(t_air, T(heat_sp), r.t_heat_band_c, 0.0, 1.0);
  u.grow_pipe_frac = u.boiler_frac;

  // Ventilation.
  const double heat_max = heat_sp + r.heat_dead_zone_c;
  const T vent_heat = proportional(t_air, T(heat_max), r.vent_heat_band_c, 0.0, 1.0);
  const T vent_rh = proportional(rh_in, T(r.rh_max_pct), r.vent_rh_band_pct, 0.0, 1.0);
  const T vent_cold =
      proportional(t_air, T(heat_sp - r.t_vent_off_c), r.vent_cold_band_c, 1.0, 0.0);
  u.roof_vent_frac = min_of(vent_cold, max_of(vent_heat, vent_rh));
  u.side_vent_frac = T(0.0);

  // Thermal screen.
  const double th_scr_sp = w.is_day * r.th_scr_sp_day_c + (1.0 - w.is_day) * r.th_scr_sp_night_c;
  const T th_scr_cold = proportional(T(w.t_out_c), T(th_scr_sp), r.th_scr_band_c, 0.0, 1.0);
  const T th_scr_heat =
      proportional(t_air, T(heat_sp + r.th_scr_dead_zone_c), -r.th_scr_band_c, 1.0, 0.0);
  const T th_scr_rh = max_of(
      proportional(rh_in, T(r.rh_max_pct + r.th_scr_max_rh_pct), r.th_scr_rh_band_pct, 1.0, 0.0),
      T(1.0 - vent_cold));
  u.thermal_screen_frac = min_of(th_scr_cold, min_of(th_scr_heat, th_scr_rh));

  // Lamps (GreenLight 2.0 uLamp, after GreenLight-1 setGlAux.m).
  const T lamp_heat_ok = proportional(t_air, T(heat_max + r.lamp_extra_heat_c), -0.5, 0.0, 1.0);
  const T lamp_rh_ok =
      max_of(proportional(rh_in, T(r.rh_max_pct + r.bl_scr_extra_rh_pct), -0.5, 0.0, 1.0),
             T(1.0 - vent_cold));
  u.lamp_frac =
      lamp_no_cons * lamp_heat_ok * (w.is_day_smooth + (1.0 - w.is_day_smooth) * lamp_rh_ok);
  u.interlight_frac = u.lamp_frac;
  u.blackout_screen_frac =
      (r.use_bl_scr ? 1.0 : 0.0) * (1.0 - w.is_day_smooth) * max_of(u.lamp_frac, u.interlight_frac);

  // CO2.
  const double co2_sp = is_day_inside * r.co2_sp_day_ppm;
  u.co2_dosing_frac = proportional(co2_in_ppm, T(co2_sp), r.co2_band_ppm, 0.0, 1.0);
  return u;
}

}  // namespace egin::greenhouse
