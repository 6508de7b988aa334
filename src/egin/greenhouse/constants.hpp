// Model constants of the Vanthoor (2011) greenhouse climate model that do not change between
// greenhouse designs: Vanthoor 2011 Table 8.1 (physical constants, canopy optics and
// transpiration), the soil layer thicknesses of Table 8.1, and GreenLight 2.0's conversion
// factors. A design (design.hpp) holds everything that does.
//
// | name                     | value     | unit              | source                         |
// |--------------------------|-----------|-------------------|--------------------------------|
// | alfa_leaf_air            | 5         | W m⁻² K⁻¹         | Table 8.1                      |
// | latent_heat              | 2.45e6    | J kg⁻¹            | Table 8.1 (ΔH)                 |
// | sigma                    | 5.67e-8   | W m⁻² K⁻⁴         | Table 8.1                      |
// | eps_can, eps_sky         | 1, 1      | —                 | Table 8.1                      |
// | eta_glob_nir, _par       | 0.5, 0.5  | —                 | Table 8.1                      |
// | eta_mg_ppm               | 0.554     | ppm m³ mg⁻¹       | Table 8.1                      |
// | eta_roof_thr             | 0.9       | —                 | Table 8.1                      |
// | rho_air0                 | 1.2       | kg m⁻³            | Table 8.1                      |
// | rho_can_par, _nir        | 0.07,0.35 | —                 | Table 8.1                      |
// | rho_steel, rho_water     | 7850, 1e3 | kg m⁻³            | Table 8.1                      |
// | gamma_psych              | 65.8      | Pa K⁻¹            | Table 8.1                      |
// | cap_leaf                 | 1.2e3     | J K⁻¹ m⁻² leaf    | Table 8.1                      |
// | c_evap1…4 (day/night)    | see below | —                 | Table 8.1                      |
// | cp_air, cp_steel, cp_water | 1e3, 640, 4180 | J kg⁻¹ K⁻¹ | Table 8.1                      |
// | g                        | 9.81      | m s⁻²             | Table 8.1                      |
// | h_so1…h_so5, h_so_out    | 0.04 … 0.64, 1.28 | m         | Table 8.1; h_so_out GreenLight |
// | k1_par, k2_par, k_nir, k_fir | 0.7, 0.7, 0.27, 0.94 | —    | Table 8.1                      |
// | m_air, m_water           | 28.96, 18 | kg kmol⁻¹         | Table 8.1                      |
// | r_gas                    | 8314      | J kmol⁻¹ K⁻¹      | Table 8.1                      |
// | r_can_sp                 | 5         | W m⁻²             | Table 8.1                      |
// | r_b, r_s_min             | 275, 82   | s m⁻¹             | Table 8.1                      |
// | s_rs_slope               | −1        | m² W⁻¹            | Table 8.1                      |
// | par_j_to_umol_sun        | 4.6       | µmol J⁻¹          | GreenLight 2.0 (Vanthoor T. 9.1) |
#pragma once

#include <array>

namespace egin::greenhouse::constants {

inline constexpr double kAlfaLeafAirW_m2_k = 5.0;
inline constexpr double kLatentHeatJ_kg = 2.45e6;
inline constexpr double kSigmaW_m2_k4 = 5.67e-8;
inline constexpr double kEpsCan = 1.0;
inline constexpr double kEpsSky = 1.0;
inline constexpr double kEtaGlobNir = 0.5;
inline constexpr double kEtaGlobPar = 0.5;
inline constexpr double kEtaMgPpm = 0.554;
inline constexpr double kEtaRoofThr = 0.9;
inline constexpr double kRhoAir0Kg_m3 = 1.2;
inline constexpr double kRhoCanPar = 0.07;
inline constexpr double kRhoCanNir = 0.35;
inline constexpr double kRhoSteelKg_m3 = 7850.0;
inline constexpr double kRhoWaterKg_m3 = 1e3;
inline constexpr double kGammaPsychPa_k = 65.8;
inline constexpr double kCapLeafJ_k_m2 = 1.2e3;
inline constexpr double kCEvap1W_m2 = 4.3;
inline constexpr double kCEvap2W_m2 = 0.54;
inline constexpr double kCEvap3DayPpm2 = 6.1e-7;
inline constexpr double kCEvap3NightPpm2 = 1.1e-11;
inline constexpr double kCEvap4DayPa2 = 4.3e-6;
inline constexpr double kCEvap4NightPa2 = 5.2e-6;
inline constexpr double kCpAirJ_kg_k = 1e3;
inline constexpr double kCpSteelJ_kg_k = 0.64e3;
inline constexpr double kCpWaterJ_kg_k = 4.18e3;
inline constexpr double kGravityM_s2 = 9.81;
inline constexpr std::array<double, 5> kSoilLayerThicknessM = {0.04, 0.08, 0.16, 0.32, 0.64};
inline constexpr double kSoilOuterThicknessM = 1.28;  // GreenLight 2.0 ("assumed")
inline constexpr double kK1Par = 0.7;
inline constexpr double kK2Par = 0.7;
inline constexpr double kKNir = 0.27;
inline constexpr double kKFir = 0.94;
inline constexpr double kMAirKg_kmol = 28.96;
inline constexpr double kMWaterKg_kmol = 18.0;
inline constexpr double kRGasJ_kmol_k = 8314.0;
inline constexpr double kRCanSpW_m2 = 5.0;
inline constexpr double kRbS_m = 275.0;
inline constexpr double kRsMinS_m = 82.0;
inline constexpr double kSRsSlopeM2_w = -1.0;
inline constexpr double kParJToUmolSun = 4.6;
inline constexpr double kKelvin = 273.15;
/// Vanthoor 2011 Eq. 8.44 (Table 8.1: sMV12 = −0.1 Pa⁻¹, 6.4e-9 kg m⁻² s⁻¹ Pa⁻¹ per W m⁻² K⁻¹).
inline constexpr double kCondensationSlopePa = -0.1;
inline constexpr double kCondensationCoef = 6.4e-9;

}  // namespace egin::greenhouse::constants
