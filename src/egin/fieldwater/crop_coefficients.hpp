// The crop-side equations of the FAO-56 water balance as pure functions: the growth-stage crop
// coefficient curves (Kcb, single Kc), their climate adjustment, Kcmax, canopy cover, plant
// height and root depth as pyfao56 derives them from Kcb. Soil-side coefficients (Kr, Ke, Ks, p)
// are in soil_coefficients.hpp. No state, no I/O.
//
// Stage calendar (FAO-56 Table 11, counted as pyfao56 does): day index i = 0 on the first day;
// initial for 0 ≤ i ≤ Lini, development for Lini < i ≤ Lini+Ldev, mid-season up to
// +Lmid, late season up to +Lend, after that the end value holds.
#pragma once

#include "egin/fieldwater/model_options.hpp"
#include "egin/fieldwater/parameters.hpp"

namespace egin::fieldwater {

enum class GrowthStage { kInitial, kDevelopment, kMid, kLate, kAfter };

[[nodiscard]] GrowthStage growth_stage(const WaterBalanceParameters& p, int day_index);

/// Today's value of a stage curve (Kcb or Kc) from yesterday's, FAO-56 Eq. 66 in daily steps:
/// `ini` in the initial stage, yesterday's + (mid − ini)/Ldev in development, `mid` in
/// mid-season, yesterday's + (end − mid)/Lend in the late season, `end` after. Stepping from
/// yesterday's value (not from the day count) is pyfao56's choice: after an observed Kcb the
/// curve goes on from the observation with the stage's slope.
[[nodiscard]] double next_stage_curve_value(double yesterday, double ini, double mid, double end,
                                            const WaterBalanceParameters& p, int day_index);

/// Climate term of FAO-56 Eqs. 62, 65 and 70: [0.04 (u2 − 2) − 0.004 (RHmin − 45)] (h/3)^0.3,
/// with u2 limited to 1..6 m/s and RHmin to 20..80 % (FAO-56 p. 123).
[[nodiscard]] double climate_adjustment(double u2_m_s, double rh_min_pct, double h_m);

/// How much of the climate term applies on `day_index`: 0 initial, rising linearly to 1 through
/// development, 1 mid-season, then linearly to 1 (if `end_value` ≥ 0.45, FAO-56 Eq. 65/70
/// condition) or 0 at the end of the late season.
[[nodiscard]] double climate_adjustment_weight(const WaterBalanceParameters& p, int day_index,
                                               double end_value);

/// Upper limit of Kc after rain or irrigation, FAO-56 Eq. 72 for a short (grass) reference:
/// max(1.2 + [0.04 (u2 − 2) − 0.004 (RHmin − 45)] (h/3)^0.3, Kcb + 0.05); for a tall (alfalfa)
/// reference pyfao56 uses max(1.0, Kcb + 0.05).
[[nodiscard]] double kc_max(double kcb, double h_m, double u2_m_s, double rh_min_pct,
                            ReferenceCrop reference);

/// Canopy cover fraction, FAO-56 Eq. 76: ((Kcb − Kcb ini)/(Kcmax − Kcb ini))^(1 + 0.5 h),
/// limited to 0..0.99.
[[nodiscard]] double canopy_cover_fraction(double kcb, double kcb_ini, double kc_max, double h_m);

/// Plant height from Kcb (pyfao56): h ini + (h max − h ini)(Kcb − Kcb ini)/(Kcb mid − Kcb ini),
/// never below yesterday's height nor 0.001 m.
[[nodiscard]] double plant_height_m(const WaterBalanceParameters& p, double kcb,
                                    double yesterday_m);

/// Root depth from the trapezoid Kcb (FAO-56 p. 279 as pyfao56 applies it): Zr ini + (Zr max −
/// Zr ini)(tKcb − Kcb ini)/(Kcb mid − Kcb ini), never below yesterday's depth nor 0.001 m.
[[nodiscard]] double root_depth_m(const WaterBalanceParameters& p, double trapezoid_kcb,
                                  double yesterday_m);

}  // namespace egin::fieldwater
