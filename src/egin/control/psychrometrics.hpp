// Humidity measures a grower reads from air temperature and relative humidity: vapour pressure
// deficit, absolute humidity, humidity deficit and dew point. Pure functions; RH is limited to
// 0–100 %. They reuse agromet's saturation vapour pressure (FAO-56 Eq. 11).
//
// | quantity           | equation                                              | unit  |
// |--------------------|-------------------------------------------------------|-------|
// | e°(T)              | 0.6108 exp(17.27 T / (T + 237.3))   (FAO-56 Eq. 11)   | kPa   |
// | ea                 | e°(T) RH / 100                      (FAO-56 Eq. 54)   | kPa   |
// | VPD                | e°(T) − ea                                            | kPa   |
// | absolute humidity  | χ = Mw e / (R (T + 273.15))  (Monteith & Unsworth     | g m⁻³ |
// |                    | 2013, Principles of Environmental Physics, Sect. 2.1) |       |
// | humidity deficit   | χ(e°(T)) − χ(ea)                                      | g m⁻³ |
// | dew point          | Eq. 11 inverted at ea: 237.3 x / (17.27 − x),         | °C    |
// |                    | x = ln(ea / 0.6108)                 (FAO-56 Eq. 14)   |       |
#pragma once

namespace egin::control {

/// Molar mass of water, g mol⁻¹ (Monteith & Unsworth 2013, Table A.1).
inline constexpr double kMolarMassWaterGMol = 18.015;
/// Molar gas constant, J mol⁻¹ K⁻¹.
inline constexpr double kGasConstantJMolK = 8.314;
inline constexpr double kZeroCelsiusK = 273.15;

double vapour_pressure_deficit_kpa(double t_air_c, double rh_pct);
/// Water vapour density of air at vapour pressure `e_kpa` and temperature `t_air_c`.
double vapour_density_g_m3(double t_air_c, double e_kpa);
double absolute_humidity_g_m3(double t_air_c, double rh_pct);
double humidity_deficit_g_m3(double t_air_c, double rh_pct);
/// NaN when RH ≤ 0 (no dew point exists).
double dew_point_c(double t_air_c, double rh_pct);

}  // namespace egin::control
