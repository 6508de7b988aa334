// Atmospheric parameters of FAO-56 Chapter 3 (Allen et al. 1998) and ASCE-EWRI (2005): air
// pressure from elevation, latent heat of vaporization and the psychrometric constant.
// Pure functions of their arguments; no weather records, no fallbacks (those are in et0.hpp).
//
// | symbol | name                        | unit          |
// |--------|-----------------------------|---------------|
// | z      | elevation above sea level   | m             |
// | P      | atmospheric pressure        | kPa           |
// | λ      | latent heat of vaporization | MJ kg⁻¹       |
// | γ      | psychrometric constant      | kPa °C⁻¹      |
#pragma once

#include <cmath>

namespace egin::agromet {

/// λ used by FAO-56 and ASCE-EWRI for the standardized equations (FAO-56 Eq. 8 text; 20 °C).
inline constexpr double kLatentHeatMjKg = 2.45;
/// Specific heat of moist air at constant pressure, cp (FAO-56 Eq. 8 text).
inline constexpr double kSpecificHeatMjKgC = 1.013e-3;
/// Ratio of the molecular weights of water vapour and dry air, ε (FAO-56 Eq. 8 text).
inline constexpr double kMolecularWeightRatio = 0.622;
/// 1/λ: converts an energy flux in MJ m⁻² to mm of water evaporated (FAO-56 Eq. 20).
inline constexpr double kMmPerMjM2 = 0.408;

/// The exponent g/(R·lapse) of FAO-56 Eq. 7, rounded to 5.26 as FAO-56 and ASCE-EWRI print it.
inline constexpr double kPressureExponent = 5.26;
/// The same exponent unrounded, 9.8 / (0.0065 × 286.9), as the REF-ET 4.1 program computes it.
inline constexpr double kPressureExponentRefEt = 9.8 / (0.0065 * 286.9);

/// FAO-56 Eq. 7 (= ASCE-EWRI 2005 Eq. 3): P = 101.3 ((293 − 0.0065 z) / 293)^5.26.
inline double atmospheric_pressure_kpa(double elevation_m, double exponent = kPressureExponent) {
  return 101.3 * std::pow((293.0 - 0.0065 * elevation_m) / 293.0, exponent);
}

/// FAO-56 Annex 3 Eq. 3-1: λ = 2.501 − 0.002361 T, the temperature-dependent latent heat.
/// The standardized equations use the constant kLatentHeatMjKg instead.
inline double latent_heat_mj_kg(double t_c) { return 2.501 - 0.002361 * t_c; }

/// FAO-56 Eq. 8: γ = cp P / (ε λ) = 0.665·10⁻³ P with λ = 2.45 MJ kg⁻¹ (the rounded coefficient
/// FAO-56 and ASCE-EWRI 2005 Eq. 4 both use; cp/(ε λ) itself is 0.6647·10⁻³).
inline double psychrometric_constant_kpa_c(double pressure_kpa) { return 0.665e-3 * pressure_kpa; }

}  // namespace egin::agromet
