// The reference-ET combination equations: FAO-56 Penman-Monteith (Allen et al. 1998, Eq. 6 daily,
// Eq. 53 hourly) and the ASCE-EWRI 2005 standardized form (Eq. 1) with its Table 1 constants for
// the short (ETos, grass 0.12 m) and tall (ETrs, alfalfa 0.50 m) references. A pure function of
// the intermediates; et0.hpp gathers those from weather (Hargreaves is in hargreaves.hpp).
//
// | symbol | name                                        | unit                          |
// |--------|---------------------------------------------|-------------------------------|
// | ET     | reference evapotranspiration                | mm per d or per period        |
// | Δ      | slope of the saturation curve at Tmean      | kPa °C⁻¹                      |
// | Rn, G  | net radiation, soil heat flux               | MJ m⁻² per d or per period    |
// | γ      | psychrometric constant                      | kPa °C⁻¹                      |
// | T      | mean air temperature                        | °C                            |
// | u2     | wind speed at 2 m                           | m s⁻¹                         |
// | es, ea | saturation and actual vapour pressure       | kPa                           |
// | Cn     | numerator constant (reference, time step)   | K mm s³ Mg⁻¹ per d or h       |
// | Cd     | denominator constant                        | s m⁻¹                         |
#pragma once

namespace egin::agromet {

/// Cn and Cd of the combination equation (ASCE-EWRI 2005 Table 1).
struct ReferenceCoefficients {
  double cn = 900.0;
  double cd = 0.34;
};

/// FAO-56 Eq. 6 (daily grass reference): Cn 900, Cd 0.34; = ASCE-EWRI 2005 Table 1 daily ETos.
inline constexpr ReferenceCoefficients kFao56Daily{900.0, 0.34};
/// FAO-56 Eq. 53 (hourly): Cn 37, Cd 0.34 at all hours.
inline constexpr ReferenceCoefficients kFao56Hourly{37.0, 0.34};
/// ASCE-EWRI 2005 Table 1, short reference ETos: daily, hourly daytime, hourly night-time.
inline constexpr ReferenceCoefficients kAsceEtosDaily{900.0, 0.34};
inline constexpr ReferenceCoefficients kAsceEtosHourlyDay{37.0, 0.24};
inline constexpr ReferenceCoefficients kAsceEtosHourlyNight{37.0, 0.96};
/// ASCE-EWRI 2005 Table 1, tall reference ETrs: daily, hourly daytime, hourly night-time.
inline constexpr ReferenceCoefficients kAsceEtrsDaily{1600.0, 0.38};
inline constexpr ReferenceCoefficients kAsceEtrsHourlyDay{66.0, 0.25};
inline constexpr ReferenceCoefficients kAsceEtrsHourlyNight{66.0, 1.7};

/// FAO-56 Eq. 6 / Eq. 53; ASCE-EWRI 2005 Eq. 1:
///   ET = [0.408 Δ (Rn − G) + γ Cn/(T + 273) u2 (es − ea)] / [Δ + γ (1 + Cd u2)].
inline double penman_monteith_mm(double delta_kpa_c, double rn_mj_m2, double g_mj_m2,
                                 double gamma_kpa_c, double t_mean_c, double u2_m_s, double es_kpa,
                                 double ea_kpa, ReferenceCoefficients c) {
  const double radiation = 0.408 * delta_kpa_c * (rn_mj_m2 - g_mj_m2);
  const double aero = gamma_kpa_c * c.cn / (t_mean_c + 273.0) * u2_m_s * (es_kpa - ea_kpa);
  return (radiation + aero) / (delta_kpa_c + gamma_kpa_c * (1.0 + c.cd * u2_m_s));
}

}  // namespace egin::agromet
