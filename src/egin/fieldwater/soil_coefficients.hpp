// The soil-side equations of the FAO-56 water balance as pure functions: surface-layer
// evaporation coefficients (few, Kr, Ke), root-zone water (TAW, p, RAW) and the water stress
// coefficient Ks (FAO-56 or AquaCrop shape), and ASCE curve-number runoff. No state, no I/O.
#pragma once

namespace egin::fieldwater {

/// Exposed and wetted soil fraction, FAO-56 Eq. 75: min(1 − fc, fw), limited to 0.01..1.
[[nodiscard]] double exposed_wetted_fraction(double fc, double fw);

/// Evaporation reduction coefficient, FAO-56 Eq. 74: (TEW − De)/(TEW − REW), limited to 0..1
/// (1 in stage 1, De ≤ REW).
[[nodiscard]] double evaporation_reduction(double de_mm, double tew_mm, double rew_mm);

/// Soil evaporation coefficient, FAO-56 Eq. 71: min(Kr (Kcmax − Kcb), few Kcmax).
[[nodiscard]] double evaporation_coefficient(double kr, double kc_max, double kcb, double few);

/// Total available water of the root zone, FAO-56 Eq. 82: 1000 (θfc − θwp) Zr, mm.
[[nodiscard]] double total_available_water_mm(double theta_fc, double theta_wp, double zr_m);

/// Depletion fraction for no stress, FAO-56 Table 22 footnote: p = p_base + 0.04 (5 − ETc),
/// limited to 0.1..0.8; with `constant` p = p_base.
[[nodiscard]] double depletion_fraction(double p_base, double etc_mm, bool constant);

/// Water stress coefficient, FAO-56 Eq. 84: (TAW − Dr)/(TAW − RAW) = (TAW − Dr)/((1 − p) TAW),
/// limited to 0..1.
[[nodiscard]] double water_stress_fao56(double dr_mm, double taw_mm, double p);

/// Water stress coefficient with AquaCrop's convex shape (Raes et al., AquaCrop reference
/// manual, Ch. 3, stress coefficient with shape factor fshape = 1.5, as pyfao56 `aq_Ks`):
/// Drel = (Dr/TAW − p)/(1 − p); Ks = 1 − (e^(1.5 Drel) − 1)/(e^1.5 − 1), limited to 0..1.
[[nodiscard]] double water_stress_aquacrop(double dr_mm, double taw_mm, double p);

/// Curve number for the day's antecedent moisture from the surface layer's depletion
/// (ASCE MOP 70, 2016): CN1 = CN2/(2.281 − 0.01281 CN2) (Eq. 14-14), CN3 = CN2/(0.427 +
/// 0.00573 CN2) (Eq. 14-15); CN3 when De ≤ 0.5 REW (Eq. 14-18), CN1 when De ≥ 0.7 REW + 0.3 TEW
/// (Eq. 14-19), linear between (Eq. 14-20).
[[nodiscard]] double curve_number(double cn2, double de_mm, double rew_mm, double tew_mm);

/// Surface runoff of a day's rain, ASCE MOP 70 (2016) Eqs. 14-12, 14-13: S = 250 (100/CN − 1);
/// RO = (P − 0.2 S)² / (P + 0.8 S) when P > 0.2 S, else 0; never more than P. mm.
[[nodiscard]] double curve_number_runoff_mm(double rain_mm, double cn);

}  // namespace egin::fieldwater
