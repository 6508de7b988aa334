// GreenhouseModel: a design together with the constant quantities derived from it once
// (capacities, conduction coefficients, areas, vent ratios; Vanthoor 2011 §8.5 and Table 8.3–8.4,
// Katzin 2021 Eq. 7.35), so the rates do not recompute them at every evaluation.
//
// | derived            | unit         | equation                                              |
// |--------------------|--------------|-------------------------------------------------------|
// | rho_air_cap        | kg m⁻³       | ρ_Air0 exp(−g M_Air h / (293.15 R)), Eq. 8.24 (sign fixed) |
// | pressure_pa        | Pa           | 101325 (1 − 2.5577e-5 h)^5.25588 (GreenLight 2.0)     |
// | cap_air, cap_top   | J K⁻¹ m⁻²    | h ρ c_p,Air, Eq. 8.23                                 |
// | cap_flr, cap_so[i] | J K⁻¹ m⁻²    | h ρ c_p, h_So,i ρc_p,So, Eq. 8.23                     |
// | cap_th_scr, cap_bl_scr | J K⁻¹ m⁻² | h ρ c_p, Eq. 8.23                                    |
// | cap_pipe, cap_gro_pipe | J K⁻¹ m⁻² | ¼ π l ((φe² − φi²) ρc_Steel + φi² ρc_W), Eq. 8.22, K21 |
// | a_pipe, a_gro_pipe | m² m⁻²       | π l φe (Table 8.3)                                    |
// | f_can_flr          | —            | 1 − 0.49 π l φe (Table 8.3)                           |
// | hec_flr_so1, hec_so[i] | W m⁻² K⁻¹ | 2 / (h1/λ1 + h2/λ2), Eq. 8.4, 8.78, Table 8.4        |
// | eta_roof, eta_side | —            | A_Roof / (A_Roof + A_Side) (p. 224)                   |
// | eta_ins_scr        | —            | ζ (2 − ζ), Eq. 8.70                                   |
#pragma once

#include <array>

#include "egin/greenhouse/design.hpp"

namespace egin::greenhouse {

struct DerivedConstants {
  double cov_ratio = 0.0;  // A_Cov / A_Flr
  double cos_psi = 1.0;
  double rho_air_cap_kg_m3 = 0.0;
  double pressure_pa = 0.0;
  double cap_air_j_k_m2 = 0.0;
  double cap_top_j_k_m2 = 0.0;
  double cap_flr_j_k_m2 = 0.0;
  std::array<double, 5> cap_so_j_k_m2{};
  double cap_th_scr_j_k_m2 = 0.0;
  double cap_bl_scr_j_k_m2 = 0.0;
  double cap_pipe_j_k_m2 = 0.0;
  double cap_gro_pipe_j_k_m2 = 0.0;
  double a_pipe = 0.0;
  double a_gro_pipe = 0.0;
  double f_can_flr = 0.0;
  double pipe_conv_coef = 0.0;      // 1.99 π φe l, Table 8.4
  double gro_pipe_conv_coef = 0.0;  // 1.99 π φe l, Katzin 2021 Eq. 7.33
  double hec_flr_so1_w_m2_k = 0.0;
  std::array<double, 4> hec_so_w_m2_k{};  // between layers i and i+1
  double hec_so5_out_w_m2_k = 0.0;
  double eta_roof = 1.0;
  double eta_side = 0.0;
  double eta_ins_scr = 1.0;
};

struct GreenhouseModel {
  GreenhouseDesign design;
  DerivedConstants derived;
};

/// Derives the constants of `design` (no validation: design_toml.hpp checks the ranges).
GreenhouseModel make_model(GreenhouseDesign design);

}  // namespace egin::greenhouse
