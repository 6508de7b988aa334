#include "egin/greenhouse/balances.hpp"

#include "egin/greenhouse/constants.hpp"

namespace egin::greenhouse {

namespace c = constants;

namespace {

double cap_vp(double height_m, double t_c) {
  return c::kMWaterKg_kmol * height_m / (c::kRGasJ_kmol_k * (t_c + c::kKelvin));  // Eq. 8.25
}

}  // namespace

double energy_store_j_m2(const GreenhouseModel& model, const double* x, const Controls& u) {
  const DerivedConstants& k = model.derived;
  const GreenhouseDesign& d = model.design;
  const double lai = d.crop.sla_m2_mg * x[kCLeaf];
  const double cap_cov =
      k.cos_psi * (u.whitewash_frac * d.whitewash.thickness_m * d.whitewash.density_kg_m3 *
                       d.whitewash.specific_heat_j_kg_k +
                   d.cover.thickness_m * d.cover.density_kg_m3 * d.cover.specific_heat_j_kg_k);
  double e = c::kCapLeafJ_k_m2 * lai * x[kTCan] + k.cap_air_j_k_m2 * x[kTAir] +
             k.cap_top_j_k_m2 * x[kTTop] + k.cap_flr_j_k_m2 * x[kTFlr] +
             k.cap_th_scr_j_k_m2 * x[kTThScr] + k.cap_bl_scr_j_k_m2 * x[kTBlScr] +
             0.1 * cap_cov * (x[kTCovIn] + x[kTCovE]) + k.cap_pipe_j_k_m2 * x[kTPipe] +
             k.cap_gro_pipe_j_k_m2 * x[kTGroPipe] + d.lamps.heat_capacity_j_k_m2 * x[kTLamp] +
             d.interlights.heat_capacity_j_k_m2 * x[kTIntLamp];
  for (int i = 0; i < 5; ++i) {
    e += k.cap_so_j_k_m2[static_cast<std::size_t>(i)] * x[kTSo1 + i];
  }
  return e + c::kLatentHeatJ_kg * water_store_kg_m2(model, x);
}

double water_store_kg_m2(const GreenhouseModel& model, const double* x) {
  const ConstructionDesign& con = model.design.construction;
  return cap_vp(con.air_height_m, x[kTAir]) * x[kVpAir] +
         cap_vp(con.mean_height_m - con.air_height_m, x[kTTop]) * x[kVpTop];
}

double carbon_store_mg_co2_m2(const GreenhouseModel& model, const double* x) {
  const ConstructionDesign& con = model.design.construction;
  const TomatoParameters& p = model.design.crop;
  return con.air_height_m * x[kCo2Air] + (con.mean_height_m - con.air_height_m) * x[kCo2Top] +
         p.m_co2_mg_umol / p.m_ch2o_mg_umol * (x[kCBuf] + x[kCLeaf] + x[kCStem] + x[kCFruit]);
}

template <typename T>
T energy_boundary_w_m2(const Fluxes<T>& f) {
  return f.h_boil_pipe_w_m2 + f.h_boil_gro_pipe_w_m2 + f.h_blow_air_w_m2 + f.q_lamp_in_w_m2 +
         f.q_int_lamp_in_w_m2 + f.r_sun_absorbed_w_m2 + f.h_pad_air_w_m2 - f.r_sky_w_m2 -
         f.h_cov_e_out_w_m2 - f.h_vent_w_m2 - f.h_air_out_pad_w_m2 - f.h_so_out_w_m2 -
         f.h_lamp_cool_w_m2 +
         c::kLatentHeatJ_kg * (f.mv_pad_air_kg_m2_s + f.mv_blow_air_kg_m2_s - f.mv_vent_kg_m2_s -
                               f.mv_air_out_pad_kg_m2_s);
}

template <typename T>
T energy_capacity_change_w_m2(const GreenhouseModel& model, const T* x, const T* dxdt,
                              const Fluxes<T>& f) {
  const T dcap_can = c::kCapLeafJ_k_m2 * model.design.crop.sla_m2_mg * dxdt[kCLeaf];
  return x[kTCan] * dcap_can + c::kLatentHeatJ_kg * water_capacity_change_kg_m2_s(x, dxdt, f);
}

template <typename T>
T water_boundary_kg_m2_s(const Fluxes<T>& f) {
  return f.mv_can_air_kg_m2_s + f.mv_fog_air_kg_m2_s + f.mv_pad_air_kg_m2_s +
         f.mv_blow_air_kg_m2_s - f.mv_condensation_kg_m2_s - f.mv_vent_kg_m2_s -
         f.mv_air_out_pad_kg_m2_s;
}

template <typename T>
T water_capacity_change_kg_m2_s(const T* x, const T* dxdt, const Fluxes<T>& f) {
  // dcap_VP/dt = −cap_VP / (T + 273.15) · dT/dt (Eq. 8.25).
  return -x[kVpAir] * f.cap_vp_air_kg_m2_pa / (x[kTAir] + c::kKelvin) * dxdt[kTAir] -
         x[kVpTop] * f.cap_vp_top_kg_m2_pa / (x[kTTop] + c::kKelvin) * dxdt[kTTop];
}

template <typename T>
T carbon_boundary_mg_co2_m2_s(const GreenhouseModel& model, const Fluxes<T>& f) {
  const TomatoParameters& p = model.design.crop;
  return f.mc_ext_air_mg_m2_s + f.mc_blow_air_mg_m2_s + f.mc_pad_air_mg_m2_s - f.mc_vent_mg_m2_s -
         p.m_co2_mg_umol / p.m_ch2o_mg_umol * (f.mc_fruit_har_mg_m2_s + f.mc_leaf_har_mg_m2_s);
}

template double energy_boundary_w_m2<double>(const Fluxes<double>&);
template double energy_capacity_change_w_m2<double>(const GreenhouseModel&, const double*,
                                                    const double*, const Fluxes<double>&);
template double water_boundary_kg_m2_s<double>(const Fluxes<double>&);
template double water_capacity_change_kg_m2_s<double>(const double*, const double*,
                                                      const Fluxes<double>&);
template double carbon_boundary_mg_co2_m2_s<double>(const GreenhouseModel&, const Fluxes<double>&);

template AdScalar energy_boundary_w_m2<AdScalar>(const Fluxes<AdScalar>&);
template AdScalar energy_capacity_change_w_m2<AdScalar>(const GreenhouseModel&, const AdScalar*,
                                                        const AdScalar*, const Fluxes<AdScalar>&);
template AdScalar water_boundary_kg_m2_s<AdScalar>(const Fluxes<AdScalar>&);
template AdScalar water_capacity_change_kg_m2_s<AdScalar>(const AdScalar*, const AdScalar*,
                                                          const Fluxes<AdScalar>&);
template AdScalar carbon_boundary_mg_co2_m2_s<AdScalar>(const GreenhouseModel&,
                                                        const Fluxes<AdScalar>&);

}  // namespace egin::greenhouse
