#include "egin/greenhouse/model.hpp"

#include <cmath>
#include <numbers>
#include <utility>

#include "egin/greenhouse/constants.hpp"

namespace egin::greenhouse {

namespace c = constants;

namespace {

double pipe_capacity(const PipeDesign& p) {
  // Vanthoor 2011 Eq. 8.22 (Katzin 2021 Eq. 7.35 for grow pipes).
  const double e2 = p.outer_diameter_m * p.outer_diameter_m;
  const double i2 = p.inner_diameter_m * p.inner_diameter_m;
  return 0.25 * std::numbers::pi * p.length_m_m2 *
         ((e2 - i2) * c::kRhoSteelKg_m3 * c::kCpSteelJ_kg_k +
          i2 * c::kRhoWaterKg_m3 * c::kCpWaterJ_kg_k);
}

}  // namespace

GreenhouseModel make_model(GreenhouseDesign design) {
  GreenhouseModel m;
  m.design = std::move(design);
  const GreenhouseDesign& d = m.design;
  DerivedConstants& k = m.derived;
  const ConstructionDesign& con = d.construction;
  k.cov_ratio = con.cover_area_m2 / con.floor_area_m2;
  k.cos_psi = std::cos(con.cover_slope_deg * std::numbers::pi / 180.0);
  // Vanthoor 2011 Eq. 8.24, with the exponent's sign such that density falls with altitude (the
  // thesis prints exp(+…)); identical at sea level, where GreenLight's runs are.
  k.rho_air_cap_kg_m3 = c::kRhoAir0Kg_m3 * std::exp(-c::kGravityM_s2 * c::kMAirKg_kmol *
                                                    con.elevation_m / (293.15 * c::kRGasJ_kmol_k));
  k.pressure_pa = 101325.0 * std::pow(1.0 - 2.5577e-5 * con.elevation_m, 5.25588);
  k.cap_air_j_k_m2 = con.air_height_m * k.rho_air_cap_kg_m3 * c::kCpAirJ_kg_k;  // Eq. 8.23
  k.cap_top_j_k_m2 = (con.mean_height_m - con.air_height_m) * k.rho_air_cap_kg_m3 * c::kCpAirJ_kg_k;
  k.cap_flr_j_k_m2 = d.floor.thickness_m * d.floor.density_kg_m3 * d.floor.specific_heat_j_kg_k;
  for (std::size_t i = 0; i < 5; ++i) {
    k.cap_so_j_k_m2[i] = c::kSoilLayerThicknessM[i] * d.soil.volumetric_heat_capacity_j_m3_k;
  }
  k.cap_th_scr_j_k_m2 = d.thermal_screen.thickness_m * d.thermal_screen.density_kg_m3 *
                        d.thermal_screen.specific_heat_j_kg_k;
  k.cap_bl_scr_j_k_m2 = d.blackout_screen.thickness_m * d.blackout_screen.density_kg_m3 *
                        d.blackout_screen.specific_heat_j_kg_k;
  k.cap_pipe_j_k_m2 = pipe_capacity(d.pipes);
  k.cap_gro_pipe_j_k_m2 = pipe_capacity(d.grow_pipes);
  k.a_pipe = std::numbers::pi * d.pipes.length_m_m2 * d.pipes.outer_diameter_m;  // Table 8.3
  k.a_gro_pipe = std::numbers::pi * d.grow_pipes.length_m_m2 * d.grow_pipes.outer_diameter_m;
  k.f_can_flr = 1.0 - 0.49 * k.a_pipe;  // Table 8.3
  k.pipe_conv_coef = 1.99 * std::numbers::pi * d.pipes.outer_diameter_m * d.pipes.length_m_m2;
  k.gro_pipe_conv_coef =
      1.99 * std::numbers::pi * d.grow_pipes.outer_diameter_m * d.grow_pipes.length_m_m2;
  if (!d.installed.grow_pipes) {  // an absent grow pipe keeps its capacity but exchanges nothing
    k.a_gro_pipe = 0.0;
    k.gro_pipe_conv_coef = 0.0;
  }
  // Conduction through floor and soil: Vanthoor 2011 Eq. 8.4, 8.78 and Table 8.4.
  const double lambda_so = d.soil.conductivity_w_m_k;
  const auto& h = c::kSoilLayerThicknessM;
  k.hec_flr_so1_w_m2_k =
      2.0 / (d.floor.thickness_m / d.floor.conductivity_w_m_k + h[0] / lambda_so);
  for (std::size_t i = 0; i < 4; ++i) {
    k.hec_so_w_m2_k[i] = 2.0 * lambda_so / (h[i] + h[i + 1]);
  }
  k.hec_so5_out_w_m2_k = 2.0 * lambda_so / (h[4] + c::kSoilOuterThicknessM);
  const double vents = d.ventilation.roof_area_m2 + d.ventilation.side_area_m2;
  k.eta_roof = vents > 0.0 ? d.ventilation.roof_area_m2 / vents : 1.0;  // Vanthoor p. 224
  k.eta_side = vents > 0.0 ? d.ventilation.side_area_m2 / vents : 0.0;
  const double zeta = d.ventilation.insect_screen_porosity;
  k.eta_ins_scr = zeta * (2.0 - zeta);  // Eq. 8.70
  return m;
}

}  // namespace egin::greenhouse
