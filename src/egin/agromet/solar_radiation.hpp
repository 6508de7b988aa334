// Incoming shortwave (solar) radiation at the surface: estimates of Rs when it was not measured
// (FAO-56 Eq. 35 from sunshine hours, Eq. 50 from the temperature range) and clear-sky radiation
// Rso in its three forms — FAO-56 Eq. 37 (elevation only), Eq. 36 (calibrated Angström), and the
// full ASCE-EWRI 2005 Appendix D form (pressure, precipitable water, sun angle). Pure functions;
// the net radiation balance is in net_radiation.hpp.
//
// | symbol | name                                          | unit                    |
// |--------|-----------------------------------------------|-------------------------|
// | Ra     | extraterrestrial radiation                    | MJ m⁻² per d or period  |
// | Rs     | solar (global shortwave) radiation            | MJ m⁻² per d or period  |
// | Rso    | clear-sky solar radiation                     | MJ m⁻² per d or period  |
// | n, N   | actual and maximum sunshine duration          | h                       |
// | as, bs | Angström coefficients (0.25, 0.50 default)    | —                       |
// | kRs    | Hargreaves adjustment (0.16 interior, 0.19 coastal) | °C^-0.5           |
// | P      | atmospheric pressure                          | kPa                     |
// | W      | precipitable water in the atmosphere          | mm                      |
// | Kt     | turbidity coefficient (1.0 clean air)         | —                       |
// | KB, KD | clearness indices, direct beam and diffuse    | —                       |
#pragma once

#include <cmath>

namespace egin::agromet {

inline constexpr double kAngstromAs = 0.25;        // FAO-56 Eq. 35 text, no calibration
inline constexpr double kAngstromBs = 0.50;        // FAO-56 Eq. 35 text
inline constexpr double kKrsInterior = 0.16;       // FAO-56 Eq. 50 text, interior locations
inline constexpr double kKrsCoastal = 0.19;        // FAO-56 Eq. 50 text, coastal locations
inline constexpr double kTurbidityCleanAir = 1.0;  // ASCE-EWRI 2005 Eq. D.2 text

/// FAO-56 Eq. 35 (Angström): Rs = (as + bs n/N) Ra.
inline double rs_from_sunshine_mj_m2(double ra_mj_m2, double sunshine_h, double daylight_h,
                                     double as = kAngstromAs, double bs = kAngstromBs) {
  return (as + bs * sunshine_h / daylight_h) * ra_mj_m2;
}

/// FAO-56 Eq. 50 (Hargreaves): Rs = kRs √(Tmax − Tmin) Ra; a negative range counts as 0.
inline double rs_from_temperature_mj_m2(double ra_mj_m2, double tmax_c, double tmin_c,
                                        double krs = kKrsInterior) {
  const double range = tmax_c - tmin_c;
  return krs * std::sqrt(range > 0.0 ? range : 0.0) * ra_mj_m2;
}

/// FAO-56 Eq. 37 (= ASCE-EWRI 2005 Eq. 19/47): Rso = (0.75 + 2·10⁻⁵ z) Ra.
inline double rso_simple_mj_m2(double ra_mj_m2, double elevation_m) {
  return (0.75 + 2e-5 * elevation_m) * ra_mj_m2;
}

/// FAO-56 Eq. 36: Rso = (as + bs) Ra, when calibrated Angström coefficients are available.
inline double rso_angstrom_mj_m2(double ra_mj_m2, double as, double bs) {
  return (as + bs) * ra_mj_m2;
}

/// ASCE-EWRI 2005 Eq. D.5: sin β24 = sin(0.85 + 0.3 φ sin(2π J/365 − 1.39) − 0.42 φ²), the sine
/// of the sun angle weighted over the daylight part of day J, for the daily full Rso. Limited to
/// ≥ 0.1 so that KB stays defined at high latitudes in winter.
double sin_solar_elevation_24h(double latitude_rad, int doy);

/// ASCE-EWRI 2005 Eq. D.3: W = 0.14 ea P + 2.1, mm.
inline double precipitable_water_mm(double ea_kpa, double pressure_kpa) {
  return 0.14 * ea_kpa * pressure_kpa + 2.1;
}

/// ASCE-EWRI 2005 Eq. D.2: KB = 0.98 exp[−0.00146 P / (Kt sin β) − 0.075 (W / sin β)^0.4].
double clearness_index_beam(double pressure_kpa, double precipitable_water_mm, double sin_beta,
                            double turbidity = kTurbidityCleanAir);

/// ASCE-EWRI 2005 Eq. D.4: KD = 0.35 − 0.36 KB for KB ≥ 0.15, else 0.18 + 0.82 KB.
inline double clearness_index_diffuse(double kb) {
  return kb >= 0.15 ? 0.35 - 0.36 * kb : 0.18 + 0.82 * kb;
}

/// ASCE-EWRI 2005 Eq. D.1–D.4: Rso = (KB + KD) Ra. `sin_beta` is sin β24 (Eq. D.5) for a day, or
/// the sun elevation at the period midpoint (Eq. D.6 / Eq. 62) for an hour, limited below at
/// 0.01 here.
double rso_full_mj_m2(double ra_mj_m2, double pressure_kpa, double ea_kpa, double sin_beta,
                      double turbidity = kTurbidityCleanAir);

}  // namespace egin::agromet
