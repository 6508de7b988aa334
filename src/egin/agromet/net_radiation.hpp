// The surface radiation balance of FAO-56 Chapter 3 (Allen et al. 1998): net shortwave (Eq. 38),
// net longwave (Eq. 39, and its hourly form used with Eq. 53), net radiation (Eq. 40), with the
// cloudiness function limits of ASCE-EWRI 2005 Eq. 18/45. Pure functions; how night-time hours
// get their cloudiness (carried from the last daylight hour) is et0.hpp's job.
//
// | symbol | name                                         | unit                    |
// |--------|----------------------------------------------|-------------------------|
// | α      | albedo (0.23 for the grass reference)        | —                       |
// | Rs/Rso | relative shortwave radiation                 | —                       |
// | fcd    | cloudiness function 1.35 Rs/Rso − 0.35       | —                       |
// | σ      | Stefan-Boltzmann constant per day or hour    | MJ K⁻⁴ m⁻² per d or h   |
// | Rns    | net shortwave radiation                      | MJ m⁻² per d or period  |
// | Rnl    | net outgoing longwave radiation              | MJ m⁻² per d or period  |
// | Rn     | net radiation                                | MJ m⁻² per d or period  |
#pragma once

#include <cmath>

namespace egin::agromet {

inline constexpr double kAlbedoGrass = 0.23;  // FAO-56 Eq. 38 text, grass reference
/// σ in MJ K⁻⁴ m⁻² d⁻¹ as FAO-56 Eq. 39 gives it, and per hour (σ / 24, FAO-56 Eq. 53 text).
inline constexpr double kStefanBoltzmannFao56Day = 4.903e-9;
inline constexpr double kStefanBoltzmannFao56Hour = 2.043e-10;
/// σ as ASCE-EWRI 2005 Eq. 17 and Eq. 44 write it for the standardized equations.
inline constexpr double kStefanBoltzmannAsceDay = 4.901e-9;
inline constexpr double kStefanBoltzmannAsceHour = 2.042e-10;
/// FAO-56 Eq. 39 converts °C to K with 273.16.
inline constexpr double kKelvinOffsetLongwave = 273.16;

/// FAO-56 Eq. 38: Rns = (1 − α) Rs.
inline double net_shortwave_mj_m2(double rs_mj_m2, double albedo = kAlbedoGrass) {
  return (1.0 - albedo) * rs_mj_m2;
}

/// FAO-56 Eq. 39 / ASCE-EWRI 2005 Eq. 18 and 45: fcd = 1.35 Rs/Rso − 0.35, with Rs/Rso limited to
/// 0.3 … 1.0 (FAO-56 states only ≤ 1.0; the lower limit keeps fcd ≥ 0.05 as ASCE-EWRI does).
/// `rso_mj_m2` must be > 0.
inline double cloudiness_factor(double rs_mj_m2, double rso_mj_m2) {
  double ratio = rs_mj_m2 / rso_mj_m2;
  ratio = ratio < 0.3 ? 0.3 : (ratio > 1.0 ? 1.0 : ratio);
  return 1.35 * ratio - 0.35;
}

/// FAO-56 Eq. 39 (net emissivity part): 0.34 − 0.14 √ea.
inline double net_emissivity(double ea_kpa) { return 0.34 - 0.14 * std::sqrt(ea_kpa); }

/// FAO-56 Eq. 39: Rnl = σ (Tmax,K⁴ + Tmin,K⁴)/2 (0.34 − 0.14 √ea) fcd, MJ m⁻² d⁻¹.
inline double net_longwave_daily_mj_m2(double tmax_c, double tmin_c, double ea_kpa, double fcd,
                                       double sigma = kStefanBoltzmannFao56Day) {
  const double tx = tmax_c + kKelvinOffsetLongwave;
  const double tn = tmin_c + kKelvinOffsetLongwave;
  return sigma * 0.5 * (tx * tx * tx * tx + tn * tn * tn * tn) * net_emissivity(ea_kpa) * fcd;
}

/// FAO-56 Eq. 39 for a period (FAO-56 Eq. 53 text; ASCE-EWRI Eq. 44): Rnl = σhr T_K⁴
/// (0.34 − 0.14 √ea) fcd, with σhr per hour; pass σhr × period_h for other periods.
inline double net_longwave_period_mj_m2(double t_c, double ea_kpa, double fcd,
                                        double sigma = kStefanBoltzmannFao56Hour) {
  const double t = t_c + kKelvinOffsetLongwave;
  return sigma * (t * t * t * t) * net_emissivity(ea_kpa) * fcd;
}

/// FAO-56 Eq. 40: Rn = Rns − Rnl.
inline double net_radiation_mj_m2(double rns_mj_m2, double rnl_mj_m2) {
  return rns_mj_m2 - rnl_mj_m2;
}

}  // namespace egin::agromet
