// Soil heat flux G of FAO-56 Chapter 3 (Allen et al. 1998), Eq. 41–46, and the hourly ratios of
// ASCE-EWRI 2005 Eq. 65–66 for the tall reference. Pure functions; whether a period is daytime is
// decided by the caller (ASCE-EWRI: daytime when Rn > 0).
//
// | symbol  | name                                   | unit                   |
// |---------|----------------------------------------|------------------------|
// | G       | soil heat flux density (+ into soil)   | MJ m⁻² per d or period |
// | T_i     | mean air temperature of month i        | °C                     |
// | Rn      | net radiation                          | MJ m⁻² per d or period |
#pragma once

namespace egin::agromet {

/// FAO-56 Eq. 42: G ≈ 0 for day and ten-day periods under the reference surface.
inline constexpr double soil_heat_flux_daily_mj_m2() { return 0.0; }

/// FAO-56 Eq. 43: G_month,i = 0.07 (T_month,i+1 − T_month,i−1), MJ m⁻² d⁻¹.
inline constexpr double soil_heat_flux_monthly_mj_m2(double t_prev_month_c, double t_next_month_c) {
  return 0.07 * (t_next_month_c - t_prev_month_c);
}

/// FAO-56 Eq. 44: G_month,i = 0.14 (T_month,i − T_month,i−1), when the next month is unknown.
inline constexpr double soil_heat_flux_monthly_prev_mj_m2(double t_prev_month_c, double t_month_c) {
  return 0.14 * (t_month_c - t_prev_month_c);
}

/// The fractions G/Rn for hourly or shorter periods.
struct SoilHeatFluxRatios {
  double day = 0.1;    // FAO-56 Eq. 45 (ASCE-EWRI 2005 Eq. 65, short reference)
  double night = 0.5;  // FAO-56 Eq. 46 (ASCE-EWRI 2005 Eq. 66, short reference)
};
/// ASCE-EWRI 2005 Eq. 65–66 for the tall (alfalfa) reference: 0.04 Rn by day, 0.2 Rn at night.
inline constexpr SoilHeatFluxRatios kSoilHeatFluxRatiosTall{0.04, 0.2};

/// FAO-56 Eq. 45–46: G = ratio × Rn, the day or night ratio.
inline constexpr double soil_heat_flux_period_mj_m2(double rn_mj_m2, bool daytime,
                                                    SoilHeatFluxRatios ratios = {}) {
  return (daytime ? ratios.day : ratios.night) * rn_mj_m2;
}

}  // namespace egin::agromet
