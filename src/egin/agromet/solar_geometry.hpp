// Sun–earth geometry and extraterrestrial radiation of FAO-56 Chapter 3 (Allen et al. 1998),
// Eq. 21–34, with the sunrise/sunset limits of ASCE-EWRI (2005) Eq. 56 and the sun elevation of
// ASCE-EWRI Eq. 62. Pure functions of latitude, day of year and time; nothing about weather.
//
// | symbol | name                                           | unit               |
// |--------|------------------------------------------------|--------------------|
// | J      | day of the year (1 … 365/366)                  | —                  |
// | φ      | latitude (+ north)                             | rad                |
// | dr     | inverse relative earth–sun distance            | —                  |
// | δ      | solar declination                              | rad                |
// | ωs     | sunset hour angle                              | rad                |
// | ω      | solar time angle at the period's midpoint      | rad                |
// | Sc     | seasonal correction for solar time             | h                  |
// | Ra     | extraterrestrial radiation (day or period sum) | MJ m⁻² per d or per period |
// | N      | maximum possible duration of sunshine          | h                  |
#pragma once

#include <cmath>
#include <numbers>

namespace egin::agromet {

/// Solar constant Gsc (FAO-56 Eq. 21): 0.0820 MJ m⁻² min⁻¹.
inline constexpr double kSolarConstantMjM2Min = 0.0820;

/// Which solar declination formula: FAO-56 Eq. 24, or Duffie & Beckman's
/// 23.45° sin(2π (284 + J) / 365) that the REF-ET 4.1 program uses.
enum class DeclinationFormula { kFao56, kDuffieBeckman };

/// The constants of the extraterrestrial-radiation equations. The defaults are FAO-56's.
struct SolarConstants {
  double gsc_mj_m2_min = kSolarConstantMjM2Min;
  DeclinationFormula declination = DeclinationFormula::kFao56;
};
/// REF-ET 4.1's: Gsc = 1367 W m⁻² (0.08202 MJ m⁻² min⁻¹) and Duffie & Beckman's declination.
inline constexpr SolarConstants kSolarConstantsRefEt{1367.0 * 60.0 * 1e-6,
                                                     DeclinationFormula::kDuffieBeckman};

/// FAO-56 Eq. 22: degrees to radians.
inline constexpr double degrees_to_radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}

/// FAO-56 Eq. 23: dr = 1 + 0.033 cos(2π J / 365).
inline double inverse_relative_distance(int doy) {
  return 1.0 + 0.033 * std::cos(2.0 * std::numbers::pi * doy / 365.0);
}

/// FAO-56 Eq. 24: δ = 0.409 sin(2π J / 365 − 1.39).
inline double solar_declination_rad(int doy) {
  return 0.409 * std::sin(2.0 * std::numbers::pi * doy / 365.0 - 1.39);
}

/// Duffie & Beckman (1980): δ = 23.45° sin(2π (284 + J) / 365), in radians.
inline double solar_declination_duffie_beckman_rad(int doy) {
  return degrees_to_radians(23.45) * std::sin(2.0 * std::numbers::pi * (284 + doy) / 365.0);
}

/// δ by the chosen formula.
inline double solar_declination_rad(int doy, DeclinationFormula formula) {
  return formula == DeclinationFormula::kFao56 ? solar_declination_rad(doy)
                                               : solar_declination_duffie_beckman_rad(doy);
}

/// FAO-56 Eq. 25: ωs = arccos(−tan φ tan δ); the argument is limited to [−1, 1] so that polar
/// day (ωs = π) and polar night (ωs = 0) come out instead of NaN.
inline double sunset_hour_angle_rad(double latitude_rad, double declination_rad) {
  const double x = -std::tan(latitude_rad) * std::tan(declination_rad);
  return std::acos(x < -1.0 ? -1.0 : (x > 1.0 ? 1.0 : x));
}

/// FAO-56 Eq. 21: daily Ra = (24·60/π) Gsc dr [ωs sin φ sin δ + cos φ cos δ sin ωs], MJ m⁻² d⁻¹.
double extraterrestrial_radiation_daily_mj_m2(double latitude_rad, int doy,
                                              const SolarConstants& constants = {});

/// FAO-56 Eq. 34: N = 24 ωs / π, hours.
double daylight_hours(double latitude_rad, int doy, const SolarConstants& constants = {});

/// FAO-56 Eq. 32–33: Sc = 0.1645 sin 2b − 0.1255 cos b − 0.025 sin b, b = 2π (J − 81) / 364, h.
double seasonal_correction_h(int doy);

/// FAO-56 Eq. 31: ω = π/12 [(t + 0.06667 (Lz − Lm) + Sc) − 12], with t the standard clock time
/// at the midpoint of the period (h), Lz the longitude of the time zone's centre and Lm the
/// site's longitude, both in degrees WEST of Greenwich as FAO-56 writes them. Wrapped to [−π, π).
double solar_time_angle_rad(double t_mid_standard_h, double lz_deg_west, double lm_deg_west,
                            int doy);

/// FAO-56 Eq. 31 written with universal time: t + 0.06667 (Lz − Lm) = t_utc + Lm_east / 15, so
/// ω = π/12 [(t_utc + λ_east/15 + Sc) − 12] (λ_east: longitude, + east). Wrapped to [−π, π).
double solar_time_angle_utc_rad(double t_mid_utc_h, double longitude_deg_east, int doy);

/// FAO-56 Eq. 28–30 with ASCE-EWRI 2005 Eq. 56: Ra over a period of `period_h` hours centred on
/// the solar time angle ω: ω1 = ω − π t1/24, ω2 = ω + π t1/24, both limited to [−ωs, ωs] (and
/// ω1 ≤ ω2) so that Ra is 0 with the sun below the horizon and partial at sunrise and sunset;
/// Ra = (12·60/π) Gsc dr [(ω2 − ω1) sin φ sin δ + cos φ cos δ (sin ω2 − sin ω1)], MJ m⁻² per
/// period.
double extraterrestrial_radiation_period_mj_m2(double latitude_rad, int doy,
                                               double solar_time_angle_rad, double period_h,
                                               const SolarConstants& constants = {});

/// ASCE-EWRI 2005 Eq. 62 (and Eq. D.6): sin β = sin φ sin δ + cos φ cos δ cos ω, the sine of the
/// sun's elevation above the horizon at solar time angle ω.
inline double sin_solar_elevation(double latitude_rad, double declination_rad,
                                  double solar_time_angle_rad) {
  return std::sin(latitude_rad) * std::sin(declination_rad) +
         std::cos(latitude_rad) * std::cos(declination_rad) * std::cos(solar_time_angle_rad);
}

}  // namespace egin::agromet
