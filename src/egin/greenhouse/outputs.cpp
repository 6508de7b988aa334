#include "egin/greenhouse/outputs.hpp"

#include "egin/greenhouse/climate_rates.hpp"
#include "egin/greenhouse/physics.hpp"

namespace egin::greenhouse {

Outputs make_outputs(const GreenhouseModel& model, double t_utc_s, const StateVector& x,
                     const Controls& u, const OutdoorConditions& w) {
  StateVector dxdt{};
  Fluxes<double> f;
  climate_rates(model, x.data(), w, u, dxdt.data(), &f);
  Outputs o;
  o.time_utc_s = t_utc_s;
  o.t_air_c = x[kTAir];
  const double sat = sat_vp_pa(x[kTAir]);
  o.rh_air_pct = 100.0 * x[kVpAir] / sat;
  o.vp_air_kpa = x[kVpAir] / 1000.0;
  o.vpd_air_kpa = (sat - x[kVpAir]) / 1000.0;
  o.co2_air_ppm = co2_ppm(x[kTAir], x[kCo2Air]);
  o.t_can_c = x[kTCan];
  o.t_top_c = x[kTTop];
  o.t_cov_in_c = x[kTCovIn];
  o.t_th_scr_c = x[kTThScr];
  o.t_flr_c = x[kTFlr];
  o.t_pipe_c = x[kTPipe];
  o.t_gro_pipe_c = x[kTGroPipe];
  o.t_lamp_c = x[kTLamp];
  o.heat_pipe_w_m2 = f.h_boil_pipe_w_m2;
  o.heat_grow_pipe_w_m2 = f.h_boil_gro_pipe_w_m2;
  o.heating_w_m2 = f.h_boil_pipe_w_m2 + f.h_boil_gro_pipe_w_m2 + f.h_blow_air_w_m2;
  o.lamp_w_m2 = f.q_lamp_in_w_m2 + f.q_int_lamp_in_w_m2;
  o.co2_dosing_mg_m2_s = f.mc_ext_air_mg_m2_s;
  o.transpiration_kg_m2_s = f.mv_can_air_kg_m2_s;
  o.ventilation_m3_m2_s =
      f.f_vent_roof_m3_m2_s + f.f_vent_side_m3_m2_s + f.f_vent_forced_m3_m2_s + f.f_pad_m3_m2_s;
  o.par_can_umol_m2_s = f.par_can_umol_m2_s;
  o.lai = f.lai;
  o.fruit_dm_g_m2 = x[kCFruit] / 1000.0;
  o.fruit_harvest_mg_m2_s = f.mc_fruit_har_mg_m2_s;
  o.controls = u;
  o.outdoor = w;
  return o;
}

}  // namespace egin::greenhouse
