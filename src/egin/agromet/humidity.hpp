// Vapour pressure relations of FAO-56 Chapter 3 (Allen et al. 1998), Eq. 11–19 and Eq. 48 (with
// the hourly Eq. 54), and the slope of the saturation curve (Eq. 13; ASCE-EWRI 2005 Eq. 5).
// Pure functions; choosing among them when data are missing is et0.hpp's job, not this file's.
//
// | symbol  | name                                   | unit      |
// |---------|----------------------------------------|-----------|
// | e°(T)   | saturation vapour pressure at T        | kPa       |
// | es      | mean saturation vapour pressure        | kPa       |
// | ea      | actual vapour pressure                 | kPa       |
// | Δ       | slope of the saturation curve          | kPa °C⁻¹  |
// | RH      | relative humidity                      | %         |
// | apsy    | psychrometer coefficient               | °C⁻¹      |
#pragma once

#include <cmath>

namespace egin::agromet {

/// FAO-56 Eq. 11: e°(T) = 0.6108 exp(17.27 T / (T + 237.3)).
inline double saturation_vapour_pressure_kpa(double t_c) {
  return 0.6108 * std::exp(17.27 * t_c / (t_c + 237.3));
}

/// e° at the day's Tmax and Tmin (FAO-56 Eq. 11), computed once for the daily relations below.
struct SaturationAtExtremes {
  double at_tmax_kpa = 0.0;
  double at_tmin_kpa = 0.0;
};

inline SaturationAtExtremes saturation_at_extremes(double tmax_c, double tmin_c) {
  return {saturation_vapour_pressure_kpa(tmax_c), saturation_vapour_pressure_kpa(tmin_c)};
}

/// FAO-56 Eq. 12: es = (e°(Tmax) + e°(Tmin)) / 2 — not e°(Tmean), which underestimates es.
inline double mean_saturation_vapour_pressure_kpa(SaturationAtExtremes e) {
  return 0.5 * (e.at_tmax_kpa + e.at_tmin_kpa);
}
inline double mean_saturation_vapour_pressure_kpa(double tmax_c, double tmin_c) {
  return mean_saturation_vapour_pressure_kpa(saturation_at_extremes(tmax_c, tmin_c));
}

/// FAO-56 Eq. 13: Δ = 4098 e°(T) / (T + 237.3)², at the mean air temperature.
inline double saturation_slope_kpa_c(double t_c) {
  const double d = t_c + 237.3;
  return 4098.0 * saturation_vapour_pressure_kpa(t_c) / (d * d);
}

/// ASCE-EWRI 2005 Eq. 5: Δ = 2503 exp(17.27 T / (T + 237.3)) / (T + 237.3)² — Eq. 13 with
/// 4098 × 0.6108 rounded to 2503, as the standardized ETos/ETrs equations use it.
inline double saturation_slope_asce_kpa_c(double t_c) {
  const double d = t_c + 237.3;
  return 2503.0 * std::exp(17.27 * t_c / d) / (d * d);
}

/// FAO-56 Eq. 14: ea = e°(Tdew).
inline double ea_from_tdew_kpa(double tdew_c) { return saturation_vapour_pressure_kpa(tdew_c); }

/// How the wet bulb of a psychrometer is ventilated (FAO-56 Eq. 16 text).
enum class PsychrometerVentilation {
  kVentilated,  // Asmann type, air movement ≈ 5 m s⁻¹: apsy = 0.000662
  kNatural,     // naturally ventilated, ≈ 1 m s⁻¹: apsy = 0.000800
  kIndoor,      // not ventilated, installed indoors: apsy = 0.001200
};

/// FAO-56 Eq. 16 text: the psychrometer coefficient apsy (°C⁻¹) of a ventilation type.
double psychrometer_coefficient_per_c(PsychrometerVentilation ventilation);

/// FAO-56 Eq. 15–16: ea = e°(Twet) − γpsy (Tdry − Twet), γpsy = apsy P.
double ea_from_psychrometer_kpa(double t_dry_c, double t_wet_c, double pressure_kpa,
                                PsychrometerVentilation ventilation);

/// FAO-56 Eq. 17: ea = (e°(Tmin) RHmax/100 + e°(Tmax) RHmin/100) / 2.
inline double ea_from_rh_max_min_kpa(SaturationAtExtremes e, double rh_max_pct, double rh_min_pct) {
  return 0.005 * (e.at_tmin_kpa * rh_max_pct + e.at_tmax_kpa * rh_min_pct);
}
inline double ea_from_rh_max_min_kpa(double tmax_c, double tmin_c, double rh_max_pct,
                                     double rh_min_pct) {
  return ea_from_rh_max_min_kpa(saturation_at_extremes(tmax_c, tmin_c), rh_max_pct, rh_min_pct);
}

/// FAO-56 Eq. 18: ea = e°(Tmin) RHmax/100, when RHmin is unreliable or missing.
inline double ea_from_rh_max_kpa(SaturationAtExtremes e, double rh_max_pct) {
  return e.at_tmin_kpa * rh_max_pct * 0.01;
}
inline double ea_from_rh_max_kpa(double tmin_c, double rh_max_pct) {
  return saturation_vapour_pressure_kpa(tmin_c) * rh_max_pct * 0.01;
}

/// FAO-56 Eq. 19: ea = RHmean/100 × es, es by Eq. 12 (the least desirable RH form).
inline double ea_from_rh_mean_kpa(double es_kpa, double rh_mean_pct) {
  return rh_mean_pct * 0.01 * es_kpa;
}
inline double ea_from_rh_mean_kpa(double tmax_c, double tmin_c, double rh_mean_pct) {
  return ea_from_rh_mean_kpa(mean_saturation_vapour_pressure_kpa(tmax_c, tmin_c), rh_mean_pct);
}

/// FAO-56 Eq. 48 (Ch. 3 "Missing humidity data"; Annex 6): ea = e°(Tmin − K0), taking the dew
/// point as Tmin lowered by K0 (0 °C humid/sub-humid, about 2–3 °C arid and semi-arid).
inline double ea_from_tmin_kpa(double tmin_c, double tdew_below_tmin_c = 0.0) {
  return saturation_vapour_pressure_kpa(tmin_c - tdew_below_tmin_c);
}

/// FAO-56 Eq. 54: hourly ea = e°(Thr) RHhr/100.
inline double ea_from_rh_kpa(double t_c, double rh_pct) {
  return saturation_vapour_pressure_kpa(t_c) * rh_pct * 0.01;
}

}  // namespace egin::agromet
