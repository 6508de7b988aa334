// The greenhouse climate rates. Symbols follow Vanthoor (2011) and GreenLight 2.0 in snake case
// (r_par_sun_can = R_ParSunCan): r_* radiation and h_* convection/conduction in W m⁻², l_* latent
// heat in W m⁻², mv_* vapour in kg m⁻² s⁻¹, mc_* CO2 in mg m⁻² s⁻¹, f_* air flux in m³ m⁻² s⁻¹,
// cap_* capacities, t_* temperatures in °C, vp_* vapour pressures in Pa. "Eq." alone is Vanthoor
// 2011; "K21" is Katzin 2021 (thesis); "K20" Katzin et al. 2020.
#include "egin/greenhouse/climate_rates.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "egin/greenhouse/constants.hpp"
#include "egin/greenhouse/cover_optics.hpp"
#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/state.hpp"
#include "egin/greenhouse/tomato.hpp"

namespace egin::greenhouse {

namespace c = constants;

namespace {

// The convective films and the screen's buoyancy exchange go as |ΔT|^p (p < 1) and √|Δρ|, whose
// slopes are infinite where the two sides are equal. The twin rounds them off within kSmoothK of
// equality — (ΔT² + ε²)^(p/2) — so the rates are smooth there: the heat exchanged changes by
// less than 0.01 W m⁻², and the solver need not creep through the kink (GreenLight uses the bare
// powers; tests/reference shows the two agree).
constexpr double kSmoothK = 0.01;

template <typename T>
T unit_interval(const T& v) {
  return min_of(max_of(v, T(0.0)), T(1.0));
}

/// The controls as the equipment takes them: each share clamped to [0, 1], equipment the design
/// lacks held at 0.
template <typename T>
ControlsT<T> effective_controls(const GreenhouseDesign& d, const ControlsT<T>& u) {
  const InstalledEquipment& eq = d.installed;
  auto gate = [](bool installed, const T& v) { return installed ? unit_interval(v) : T(0.0); };
  ControlsT<T> e = u;
  e.boiler_frac = unit_interval(u.boiler_frac);
  e.grow_pipe_frac = gate(eq.grow_pipes, u.grow_pipe_frac);
  e.roof_vent_frac = unit_interval(u.roof_vent_frac);
  e.side_vent_frac = unit_interval(u.side_vent_frac);
  e.thermal_screen_frac = gate(eq.thermal_screen, u.thermal_screen_frac);
  e.blackout_screen_frac = gate(eq.blackout_screen, u.blackout_screen_frac);
  e.shade_screen_frac = gate(eq.shade_screen, u.shade_screen_frac);
  e.whitewash_frac = gate(eq.whitewash, u.whitewash_frac);
  e.co2_dosing_frac = unit_interval(u.co2_dosing_frac);
  e.lamp_frac = gate(eq.lamps, u.lamp_frac);
  e.interlight_frac = gate(eq.interlights, u.interlight_frac);
  e.air_heater_frac = gate(eq.air_heater, u.air_heater_frac);
  e.fog_frac = gate(eq.fogging, u.fog_frac);
  e.pad_fan_frac = gate(eq.pad_fan, u.pad_fan_frac);
  e.forced_vent_frac = unit_interval(u.forced_vent_frac);
  if (!eq.grow_pipes) {
    e.t_grow_pipe_set_c = std::numeric_limits<double>::quiet_NaN();
  }
  return e;
}

}  // namespace

template <typename T>
void climate_rates(const GreenhouseModel& model, const T* x, const OutdoorConditions& w,
                   const ControlsT<T>& u_in, T* dxdt, Fluxes<T>* fluxes) {
  using std::abs;
  using std::exp;
  using std::sqrt;
  const GreenhouseDesign& d = model.design;
  const DerivedConstants& k = model.derived;
  const ConstructionDesign& con = d.construction;
  const LampDesign& lamp = d.lamps;
  const InterlightDesign& il = d.interlights;
  const double pi = std::numbers::pi;
  const double lat = c::kLatentHeatJ_kg;
  const ControlsT<T> u = effective_controls(d, u_in);

  const T& co2_air = x[kCo2Air];
  const T& co2_top = x[kCo2Top];
  const T& t_air = x[kTAir];
  const T& t_top = x[kTTop];
  const T& t_can = x[kTCan];
  const T& t_cov_in = x[kTCovIn];
  const T& t_cov_e = x[kTCovE];
  const T& t_th_scr = x[kTThScr];
  const T& t_bl_scr = x[kTBlScr];
  const T& t_flr = x[kTFlr];
  const T& t_pipe = x[kTPipe];
  const T& t_gro_pipe = x[kTGroPipe];
  const T& t_lamp = x[kTLamp];
  const T& t_int_lamp = x[kTIntLamp];
  const T& vp_air = x[kVpAir];
  const T& vp_top = x[kVpTop];
  const T t_out(w.t_out_c);
  const T t_sky(w.t_sky_c);
  const T vp_out(w.vp_out_pa);
  const T co2_out(w.co2_out_mg_m3);
  const double iglob = w.iglob_w_m2;
  const double wind = w.wind_m_s;

  const T& u_th = u.thermal_screen_frac;
  const T& u_bl = u.blackout_screen_frac;
  const T& u_sh = u.shade_screen_frac;
  const T& u_sh_per = u.whitewash_frac;

  // ---- Crop (tomato.hpp): LAI, photosynthesis and growth need the absorbed PAR, computed
  // below; LAI first.
  const T lai = d.crop.sla_m2_mg * x[kCLeaf];  // Eq. 9.5

  // ---- Lumped cover (Eq. 8.14–8.17, K20 Eq. A4–A6, K21 Eq. 7.5–7.6).
  const Layer<T> sh_par =
      movable_layer(u_sh, d.shade_screen.optics.tau_par, d.shade_screen.optics.rho_par);
  const Layer<T> sh_per_par =
      movable_layer(u_sh_per, d.whitewash.optics.tau_par, d.whitewash.optics.rho_par);
  const Layer<T> th_par =
      movable_layer(u_th, d.thermal_screen.optics.tau_par, d.thermal_screen.optics.rho_par);
  const Layer<T> bl_par =
      movable_layer(u_bl, d.blackout_screen.optics.tau_par, d.blackout_screen.optics.rho_par);
  const Layer<T> rf_par = fixed_layer<T>(d.cover.optics.tau_par, d.cover.optics.rho_par);
  const Layer<T> cov_vanthoor_par = combine(combine(sh_par, sh_per_par), combine(rf_par, th_par));
  const Layer<T> lamp_par = fixed_layer<T>(lamp.tau_par, lamp.rho_par);
  const Layer<T> cov_par = combine(combine(cov_vanthoor_par, bl_par), lamp_par);  // K21 Eq. 7.6
  const T tau_cov_par = cov_par.tau;
  const T rho_cov_par = cov_par.rho_up;
  const T a_cov_par = 1.0 - tau_cov_par - rho_cov_par;

  const Layer<T> sh_nir =
      movable_layer(u_sh, d.shade_screen.optics.tau_nir, d.shade_screen.optics.rho_nir);
  const Layer<T> sh_per_nir =
      movable_layer(u_sh_per, d.whitewash.optics.tau_nir, d.whitewash.optics.rho_nir);
  const Layer<T> th_nir =
      movable_layer(u_th, d.thermal_screen.optics.tau_nir, d.thermal_screen.optics.rho_nir);
  const Layer<T> bl_nir =
      movable_layer(u_bl, d.blackout_screen.optics.tau_nir, d.blackout_screen.optics.rho_nir);
  const Layer<T> rf_nir = fixed_layer<T>(d.cover.optics.tau_nir, d.cover.optics.rho_nir);
  const Layer<T> cov_vanthoor_nir = combine(combine(sh_nir, sh_per_nir), combine(rf_nir, th_nir));
  const Layer<T> lamp_nir = fixed_layer<T>(lamp.tau_nir, lamp.rho_nir);
  const Layer<T> cov_nir = combine(combine(cov_vanthoor_nir, bl_nir), lamp_nir);
  const T tau_cov_nir = cov_nir.tau;
  const T rho_cov_nir = cov_nir.rho_up;
  const T a_cov_nir = 1.0 - tau_cov_nir - rho_cov_nir;

  const Layer<T> sh_fir =
      movable_layer(u_sh, d.shade_screen.optics.tau_fir, d.shade_screen.optics.rho_fir);
  const Layer<T> sh_per_fir =
      movable_layer(u_sh_per, d.whitewash.optics.tau_fir, d.whitewash.optics.rho_fir);
  const Layer<T> rf_fir = fixed_layer<T>(d.cover.optics.tau_fir, d.cover.optics.rho_fir);
  const Layer<T> cov_fir = combine(combine(sh_fir, sh_per_fir), rf_fir);  // Vanthoor p. 209
  const T tau_cov_fir = cov_fir.tau;
  const T eps_cov_fir_t = 1.0 - tau_cov_fir - cov_fir.rho_up;
  const double eps_cov_fir = value_of(eps_cov_fir_t);  // emissivity as a coefficient

  // Heat capacity and conduction of the lumped cover (Eq. 8.18, 8.19, 8.21).
  const T cap_cov =
      k.cos_psi * (u_sh_per * (d.whitewash.thickness_m * d.whitewash.density_kg_m3 *
                               d.whitewash.specific_heat_j_kg_k) +
                   d.cover.thickness_m * d.cover.density_kg_m3 * d.cover.specific_heat_j_kg_k);
  const T cap_cov_e = 0.1 * cap_cov;
  const T cap_cov_in = 0.1 * cap_cov;
  const T hec_cov_in_cov_e =
      1.0 / (d.cover.thickness_m / d.cover.conductivity_w_m_k +
             u_sh_per * d.whitewash.thickness_m / d.whitewash.conductivity_w_m_k);

  // ---- Capacities (§8.5).
  const T cap_can = c::kCapLeafJ_k_m2 * lai;  // Eq. 8.20
  const T cap_vp_air =
      c::kMWaterKg_kmol * con.air_height_m / (c::kRGasJ_kmol_k * (t_air + c::kKelvin));  // Eq. 8.25
  const T cap_vp_top = c::kMWaterKg_kmol * (con.mean_height_m - con.air_height_m) /
                       (c::kRGasJ_kmol_k * (t_top + c::kKelvin));
  const double cap_co2_air = con.air_height_m;  // p. 211
  const double cap_co2_top = con.mean_height_m - con.air_height_m;

  // ---- Sunlight (§8.6.1).
  const T exp_k1_lai = exp(-c::kK1Par * lai);
  const T exp_k2_lai = exp(-c::kK2Par * lai);
  const T r_par_gh_sun =
      (1.0 - con.eta_glob_air) * tau_cov_par * (c::kEtaGlobPar * iglob);                 // Eq. 8.28
  const T r_par_sun_can_dn = r_par_gh_sun * (1.0 - c::kRhoCanPar) * (1.0 - exp_k1_lai);  // Eq. 8.27
  const T r_par_sun_flr_can_up = r_par_gh_sun * exp_k1_lai * d.floor.rho_par *
                                 (1.0 - c::kRhoCanPar) * (1.0 - exp_k2_lai);  // Eq. 8.29
  const T r_par_sun_can = r_par_sun_can_dn + r_par_sun_flr_can_up;            // Eq. 8.26
  // NIR through the cover–canopy–floor lumped layers (Eq. 8.30–8.32, p. 213).
  const T tau_hat_can_nir = exp(-c::kKNir * lai);                              // Eq. 8.31
  const T rho_hat_can_nir = c::kRhoCanNir * (1.0 - tau_hat_can_nir);           // Eq. 8.32
  const Layer<T> cov_hat_nir{T(1.0 - rho_cov_nir), rho_cov_nir, rho_cov_nir};  // Eq. 8.30
  const Layer<T> can_nir{tau_hat_can_nir, rho_hat_can_nir, rho_hat_can_nir};
  const Layer<T> flr_nir = fixed_layer<T>(1.0 - d.floor.rho_nir, d.floor.rho_nir);
  const Layer<T> cov_can_flr_nir = combine(combine(cov_hat_nir, can_nir), flr_nir);
  const T a_can_nir = 1.0 - cov_can_flr_nir.tau - cov_can_flr_nir.rho_up;
  const T a_flr_nir = cov_can_flr_nir.tau;
  const T r_nir_sun_can =
      (1.0 - con.eta_glob_air) * a_can_nir * (c::kEtaGlobNir * iglob);  // Eq. 8.33
  const T r_nir_sun_flr =
      (1.0 - con.eta_glob_air) * a_flr_nir * (c::kEtaGlobNir * iglob);          // Eq. 8.34
  const T r_par_sun_flr = (1.0 - d.floor.rho_par) * exp_k1_lai * r_par_gh_sun;  // Eq. 8.35
  const T r_glob_sun_air =
      con.eta_glob_air * iglob *
      (tau_cov_par * c::kEtaGlobPar + (a_can_nir + a_flr_nir) * c::kEtaGlobNir);  // Eq. 8.36
  const T r_glob_sun_cov_e =
      (a_cov_par * c::kEtaGlobPar + a_cov_nir * c::kEtaGlobNir) * iglob;  // Eq. 8.37

  // ---- Top lights (K21 §7.4.4.1).
  const T q_lamp_in = u.lamp_frac * lamp.max_input_w_m2;  // K21 Eq. 7.8
  const T r_par_gh_lamp = lamp.eta_par * q_lamp_in;       // K21 Eq. 7.7
  const T r_par_lamp_can = r_par_gh_lamp * (1.0 - c::kRhoCanPar) * (1.0 - exp_k1_lai) +
                           r_par_gh_lamp * exp_k1_lai * d.floor.rho_par * (1.0 - c::kRhoCanPar) *
                               (1.0 - exp_k2_lai);  // K21 Eq. 7.9
  const T& exp_knir_lai = tau_hat_can_nir;
  const T r_nir_lamp_can =
      lamp.eta_nir * q_lamp_in * (1.0 - c::kRhoCanNir) * (1.0 - exp_knir_lai);    // Eq. 7.10
  const T r_par_lamp_flr = r_par_gh_lamp * (1.0 - d.floor.rho_par) * exp_k1_lai;  // K21 Eq. 7.11
  const T r_nir_lamp_flr =
      lamp.eta_nir * q_lamp_in * (1.0 - d.floor.rho_nir) * exp_knir_lai;  // Eq. 7.11
  const T r_lamp_air = (lamp.eta_par + lamp.eta_nir) * q_lamp_in - r_par_lamp_can - r_nir_lamp_can -
                       r_par_lamp_flr - r_nir_lamp_flr;  // K21 Eq. 7.12
  const T h_lamp_cool = lamp.eta_cool * q_lamp_in;       // K21 Eq. 7.34

  // ---- Interlights (K21 §7.4.4.2).
  const double vpos = il.vertical_position;
  const T e_k1_up = exp(-il.k1_par * vpos * lai);
  const T e_knir_up = exp(-il.k_nir * vpos * lai);
  const T f_int_lamp_can_par =
      1.0 - il.down_fraction * e_k1_up +
      (il.down_fraction - 1.0) * exp(-il.k1_par * (1.0 - vpos) * lai);  // K21 Eq. 7.13
  const T f_int_lamp_can_nir = 1.0 - il.down_fraction * e_knir_up +
                               (il.down_fraction - 1.0) * exp(-il.k_nir * (1.0 - vpos) * lai);
  const T q_int_lamp_in = u.interlight_frac * il.max_input_w_m2;  // K21 Eq. 7.15
  const T r_par_gh_int_lamp = il.eta_par * q_int_lamp_in;
  const T r_par_int_lamp_flr =
      r_par_gh_int_lamp * il.down_fraction * e_k1_up * (1.0 - d.floor.rho_par);  // Eq. 7.17
  const T r_par_int_lamp_can = r_par_gh_int_lamp * f_int_lamp_can_par * (1.0 - c::kRhoCanPar) +
                               r_par_gh_int_lamp * il.down_fraction * d.floor.rho_par *
                                   (1.0 - c::kRhoCanPar) * (1.0 - exp(-il.k2_par * lai)) *
                                   e_k1_up;  // K21 Eq. 7.16, 7.18, 7.19
  const T r_nir_int_lamp_can =
      il.eta_nir * q_int_lamp_in * f_int_lamp_can_nir * (1.0 - c::kRhoCanNir);  // Eq. 7.20
  const T r_nir_int_lamp_flr = il.eta_nir * q_int_lamp_in * il.down_fraction *
                               (1.0 - d.floor.rho_nir) * e_knir_up;  // Eq. 7.21
  const T r_int_lamp_air = (il.eta_par + il.eta_nir) * q_int_lamp_in - r_par_int_lamp_can -
                           r_nir_int_lamp_can - r_par_int_lamp_flr -
                           r_nir_int_lamp_flr;  // Eq. 7.22

  // Radiation above the canopy for the stomata and PAR for photosynthesis (K21 §7.4.4.3).
  const T r_can = (1.0 - con.eta_glob_air) *
                      (tau_cov_par * c::kEtaGlobPar + tau_cov_nir * c::kEtaGlobNir) * iglob +
                  (lamp.eta_par + lamp.eta_nir) * q_lamp_in +
                  (il.eta_par + il.eta_nir) * q_int_lamp_in;  // K21 Eq. 7.23–7.26
  const T par_can = c::kParJToUmolSun * r_par_sun_can + lamp.par_umol_j * r_par_lamp_can +
                    il.par_umol_j * r_par_int_lamp_can;  // K21 Eq. 7.27

  // ---- Long-wave (FIR) exchange (Eq. 8.38–8.39, Table 8.3; K21 Table 7.4).
  const T tau_th_fir_u = 1.0 - u_th * (1.0 - d.thermal_screen.optics.tau_fir);   // Eq. 8.39
  const T tau_bl_fir_u = 1.0 - u_bl * (1.0 - d.blackout_screen.optics.tau_fir);  // K21, as Eq. 8.39
  const T a_can = 1.0 - exp(-c::kKFir * lai);                                    // Table 8.3
  const T exp_kfir_lai = 1.0 - a_can;
  const double a_pipe = k.a_pipe;
  const double eps_can = c::kEpsCan;
  const double eps_sky = c::kEpsSky;
  const double eps_th = d.thermal_screen.eps_fir;
  const double eps_bl = d.blackout_screen.eps_fir;
  const double eps_flr = d.floor.eps_fir;
  const double eps_pipe = d.pipes.eps_fir;
  const double tau_lamp_fir = lamp.tau_fir;
  const double tau_il_fir = il.tau_fir;
  const T f_il_can_up = 1.0 - exp(-il.k_fir * (1.0 - vpos) * lai);  // K21 Eq. 7.29
  const T f_il_can_dn = 1.0 - exp(-il.k_fir * vpos * lai);          // K21 Eq. 7.30
  const T screens_fir = tau_th_fir_u * tau_bl_fir_u;
  const double flr_open = 1.0 - 0.49 * pi * d.pipes.length_m_m2 * d.pipes.outer_diameter_m;

  const T r_can_cov_in =
      fir_area(a_can, eps_can, eps_cov_fir, T(tau_lamp_fir * screens_fir), t_can, t_cov_in);
  const T r_can_sky =
      fir_area(a_can, eps_can, eps_sky, T(tau_lamp_fir * tau_cov_fir * screens_fir), t_can, t_sky);
  const T r_can_th_scr =
      fir_area(a_can, eps_can, eps_th, T(tau_lamp_fir * u_th * tau_bl_fir_u), t_can, t_th_scr);
  const T r_can_flr = fir_area(a_can, eps_can, eps_flr, T(k.f_can_flr), t_can, t_flr);
  const T r_can_bl_scr = fir_area(a_can, eps_can, eps_bl, T(tau_lamp_fir * u_bl), t_can, t_bl_scr);

  const T pipe_view = 0.49 * exp_kfir_lai;
  const T r_pipe_cov_in =
      fir(a_pipe, eps_pipe, eps_cov_fir, T(tau_il_fir * tau_lamp_fir * screens_fir * pipe_view),
          t_pipe, t_cov_in);
  const T r_pipe_sky =
      fir(a_pipe, eps_pipe, eps_sky,
          T(tau_il_fir * tau_lamp_fir * tau_cov_fir * screens_fir * pipe_view), t_pipe, t_sky);
  const T r_pipe_th_scr =
      fir(a_pipe, eps_pipe, eps_th, T(tau_il_fir * tau_lamp_fir * u_th * tau_bl_fir_u * pipe_view),
          t_pipe, t_th_scr);
  const T r_pipe_flr = fir(a_pipe, eps_pipe, eps_flr, T(0.49), t_pipe, t_flr);
  const T r_pipe_can = fir(a_pipe, eps_pipe, eps_can, T(0.49 * a_can), t_pipe, t_can);
  const T r_pipe_bl_scr = fir(a_pipe, eps_pipe, eps_bl,
                              T(tau_il_fir * tau_lamp_fir * u_bl * pipe_view), t_pipe, t_bl_scr);

  const T flr_view = flr_open * exp_kfir_lai;
  const T r_flr_cov_in =
      fir(1.0, eps_flr, eps_cov_fir, T(tau_il_fir * tau_lamp_fir * screens_fir * flr_view), t_flr,
          t_cov_in);
  const T r_flr_sky =
      fir(1.0, eps_flr, eps_sky,
          T(tau_il_fir * tau_lamp_fir * tau_cov_fir * screens_fir * flr_view), t_flr, t_sky);
  const T r_flr_th_scr =
      fir(1.0, eps_flr, eps_th, T(tau_il_fir * tau_lamp_fir * u_th * tau_bl_fir_u * flr_view),
          t_flr, t_th_scr);
  const T r_flr_bl_scr =
      fir(1.0, eps_flr, eps_bl, T(tau_il_fir * tau_lamp_fir * u_bl * flr_view), t_flr, t_bl_scr);

  const T r_th_scr_cov_in = fir(1.0, eps_th, eps_cov_fir, u_th, t_th_scr, t_cov_in);
  const T r_th_scr_sky = fir(1.0, eps_th, eps_sky, T(tau_cov_fir * u_th), t_th_scr, t_sky);
  const T r_cov_e_sky = fir(1.0, eps_cov_fir, eps_sky, T(1.0), t_cov_e, t_sky);

  const double a_lamp = lamp.area_m2_m2;
  const T r_lamp_sky =
      fir(a_lamp, lamp.eps_top, eps_sky, T(tau_cov_fir * screens_fir), t_lamp, t_sky);
  const T r_lamp_cov_in = fir(a_lamp, lamp.eps_top, eps_cov_fir, screens_fir, t_lamp, t_cov_in);
  const T r_lamp_th_scr =
      fir(a_lamp, lamp.eps_top, eps_th, T(u_th * tau_bl_fir_u), t_lamp, t_th_scr);
  const T r_lamp_bl_scr = fir(a_lamp, lamp.eps_top, eps_bl, u_bl, t_lamp, t_bl_scr);
  const T r_fir_lamp_can = fir(a_lamp, lamp.eps_bottom, eps_can, a_can, t_lamp, t_can);
  const T r_lamp_pipe = fir(a_lamp, lamp.eps_bottom, eps_pipe,
                            T(tau_il_fir * 0.49 * a_pipe * exp_kfir_lai), t_lamp, t_pipe);
  const T r_fir_lamp_flr =
      fir(a_lamp, lamp.eps_bottom, eps_flr, T(tau_il_fir * flr_view), t_lamp, t_flr);

  const T r_gro_pipe_can =
      fir(k.a_gro_pipe, d.grow_pipes.eps_fir, eps_can, T(1.0), t_gro_pipe, t_can);

  const T r_bl_scr_sky =
      fir_area(u_bl, eps_bl, eps_sky, T(tau_cov_fir * tau_th_fir_u), t_bl_scr, t_sky);
  const T r_bl_scr_cov_in = fir_area(u_bl, eps_bl, eps_cov_fir, tau_th_fir_u, t_bl_scr, t_cov_in);
  const T r_bl_scr_th_scr = fir_area(u_bl, eps_bl, eps_th, u_th, t_bl_scr, t_th_scr);

  const double a_il = il.area_m2_m2;
  const double eps_il = il.eps;
  const T il_up = tau_lamp_fir * (1.0 - f_il_can_up);
  const T r_il_sky =
      fir(a_il, eps_il, eps_sky, T(tau_cov_fir * screens_fir * il_up), t_int_lamp, t_sky);
  const T r_il_cov_in =
      fir(a_il, eps_il, eps_cov_fir, T(screens_fir * il_up), t_int_lamp, t_cov_in);
  const T r_il_th_scr =
      fir(a_il, eps_il, eps_th, T(u_th * tau_bl_fir_u * il_up), t_int_lamp, t_th_scr);
  const T r_il_bl_scr = fir(a_il, eps_il, eps_bl, T(u_bl * il_up), t_int_lamp, t_bl_scr);
  const T r_il_lamp =
      fir(a_il, eps_il, lamp.eps_bottom, T((1.0 - f_il_can_up) * a_lamp), t_int_lamp, t_lamp);
  const T r_fir_il_can =
      fir(a_il, eps_il, eps_can, T(f_il_can_dn + f_il_can_up), t_int_lamp, t_can);
  const T r_il_pipe =
      fir(a_il, eps_il, eps_pipe, T(0.49 * a_pipe * (1.0 - f_il_can_dn)), t_int_lamp, t_pipe);
  const T r_fir_il_flr =
      fir(a_il, eps_il, eps_flr, T(flr_open * (1.0 - f_il_can_dn)), t_int_lamp, t_flr);

  // ---- Air exchange through the screens (Eq. 8.41, De Zwart 1996 Eq. 5.68; K21 Eq. 7.37–7.38).
  const T rho_air = c::kMAirKg_kmol * k.pressure_pa / ((t_air + c::kKelvin) * c::kRGasJ_kmol_k);
  const T rho_top = c::kMAirKg_kmol * k.pressure_pa / ((t_top + c::kKelvin) * c::kRGasJ_kmol_k);
  const T rho_air_mean = 0.5 * (rho_air + rho_top);
  // |ρ_Air − ρ_Top| rounded off over the density difference of kSmoothK (ρ/T per kelvin).
  const double eps_rho = kSmoothK * c::kRhoAir0Kg_m3 / 293.15;
  const T d_rho = pow_abs_smooth(T(rho_air - rho_top), 1.0, eps_rho);
  const T dt_air_top_066 = pow_abs_smooth(T(t_air - t_top), 0.66, kSmoothK);
  const T f_th_scr =
      u_th * d.thermal_screen.flux_coef_m3_m2_k_s * dt_air_top_066 +
      ((1.0 - u_th) / rho_air_mean) *
          sqrt_nonneg(T(0.5 * rho_air_mean * (1.0 - u_th) * c::kGravityM_s2 * d_rho));
  const T f_bl_scr =
      u_bl * d.blackout_screen.flux_coef_m3_m2_k_s * dt_air_top_066 +
      ((1.0 - u_bl) / rho_air_mean) *
          sqrt_nonneg(T(0.5 * rho_air_mean * (1.0 - u_bl) * c::kGravityM_s2 * d_rho));
  const T f_scr = min_of(f_th_scr, f_bl_scr);  // K21 Eq. 7.38

  // ---- Ventilation (§8.10.7–8.10.8; K21 Eq. 7.42).
  const VentilationDesign& v = d.ventilation;
  const T c_d = v.discharge_coef * (1.0 - d.shade_screen.eta_discharge * u_sh);  // Eq. 8.74
  const T c_w = v.wind_pressure_coef * (1.0 - d.shade_screen.eta_wind * u_sh);   // Eq. 8.75
  const T a_roof_u = u.roof_vent_frac * v.roof_area_m2;                          // Eq. 8.68
  const T a_side_u = u.side_vent_frac * v.side_area_m2;                          // Eq. 8.69
  const T t_mean_k = 0.5 * t_air + 0.5 * t_out + c::kKelvin;
  const T f_vent_roof2 =
      a_roof_u * c_d / (2.0 * con.floor_area_m2) *
      sqrt_nonneg(T(abs(T(c::kGravityM_s2 * v.vent_height_m * (t_air - t_out) / (2.0 * t_mean_k) +
                          c_w * (wind * wind)))));  // Eq. 8.65
  // Eq. 8.66 (GreenLight's guard against division by zero). The stack term takes |T_Air − T_Out|:
  // the stack effect drives the exchange both ways (Eq. 8.65 does the same).
  const T a_ru_su = a_roof_u * a_side_u /
                    sqrt_nonneg(max_of(T(a_roof_u * a_roof_u + a_side_u * a_side_u), T(0.01)));
  const T f_vent_roof_side2 =
      c_d / con.floor_area_m2 *
      sqrt_nonneg(
          T(a_ru_su * a_ru_su *
                (2.0 * c::kGravityM_s2 * v.side_roof_height_m * abs(T(t_air - t_out)) / t_mean_k) +
            (0.5 * (a_roof_u + a_side_u)) * (0.5 * (a_roof_u + a_side_u)) * c_w * (wind * wind)));
  const T f_vent_side2 =
      c_d * a_side_u * wind / (2.0 * con.floor_area_m2) * sqrt_nonneg(c_w);  // Eq. 8.67
  const double f_leakage = v.leakage_coef * (wind < 0.25 ? 0.25 : wind);     // Eq. 8.71
  const T u_scr_max = max_of(u_th, u_bl);
  T f_vent_roof;
  T f_vent_side;
  if (k.eta_roof >= c::kEtaRoofThr) {  // Eq. 8.72–8.73, K21 Eq. 7.42
    f_vent_roof = k.eta_ins_scr * f_vent_roof2 + v.leak_top_fraction * f_leakage;
    f_vent_side = k.eta_ins_scr * f_vent_side2 + (1.0 - v.leak_top_fraction) * f_leakage;
  } else {
    f_vent_roof = k.eta_ins_scr * (u_scr_max * f_vent_roof2 +
                                   (1.0 - u_scr_max) * f_vent_roof_side2 * k.eta_roof) +
                  v.leak_top_fraction * f_leakage;
    f_vent_side = k.eta_ins_scr * (u_scr_max * f_vent_side2 +
                                   (1.0 - u_scr_max) * f_vent_roof_side2 * k.eta_side) +
                  (1.0 - v.leak_top_fraction) * f_leakage;
  }
  const T f_vent_forced =
      k.eta_ins_scr * u.forced_vent_frac * v.forced_capacity_m3_m2_s;  // Eq. 8.76, p. 225
  const T f_vent_main = f_vent_side + f_vent_forced;

  // ---- Convection and conduction (Eq. 8.40, Table 8.4; K21 Eq. 7.31–7.33).
  const double rho_cp = k.rho_air_cap_kg_m3 * c::kCpAirJ_kg_k;
  const T h_can_air = sensible(T(2.0 * c::kAlfaLeafAirW_m2_k * lai), t_can, t_air);
  const T dt_flr_air = t_flr - t_air;
  const T hec_air_flr = value_of(dt_flr_air) > 0.0
                            ? T(1.7 * pow_abs_smooth(dt_flr_air, 0.33, kSmoothK))
                            : T(1.3 * pow_abs_smooth(dt_flr_air, 0.25, kSmoothK));
  const T h_air_flr = sensible(hec_air_flr, t_air, t_flr);
  const T hec_air_th_scr = 1.7 * u_th * pow_abs_smooth(T(t_air - t_th_scr), 0.33, kSmoothK);
  const T h_air_th_scr = sensible(hec_air_th_scr, t_air, t_th_scr);
  const T hec_air_bl_scr = 1.7 * u_bl * pow_abs_smooth(T(t_air - t_bl_scr), 0.33, kSmoothK);
  const T h_air_bl_scr = sensible(hec_air_bl_scr, t_air, t_bl_scr);
  const T h_air_out = sensible(T(rho_cp * f_vent_main), t_air, t_out);
  const T h_air_top = sensible(T(rho_cp * f_scr), t_air, t_top);
  const T h_th_scr_top = sensible(
      T(1.7 * u_th * pow_abs_smooth(T(t_th_scr - t_top), 0.33, kSmoothK)), t_th_scr, t_top);
  const T h_bl_scr_top = sensible(
      T(1.7 * u_bl * pow_abs_smooth(T(t_bl_scr - t_top), 0.33, kSmoothK)), t_bl_scr, t_top);
  const T hec_top_cov_in =
      d.cover.c_hec_in_w_m2_k * pow_abs_smooth(T(t_top - t_cov_in), 0.33, kSmoothK) * k.cov_ratio;
  const T h_top_cov_in = sensible(hec_top_cov_in, t_top, t_cov_in);
  const T h_top_out = sensible(T(rho_cp * f_vent_roof), t_top, t_out);
  const T h_cov_e_out =
      sensible(T(k.cov_ratio * (d.cover.c_hec_out1_w_m2_k +
                                d.cover.c_hec_out2_j_m3_k * std::pow(wind, d.cover.c_hec_out3))),
               t_cov_e, t_out);
  const T h_pipe_air = sensible(
      T(k.pipe_conv_coef * pow_abs_smooth(T(t_pipe - t_air), 0.32, kSmoothK)), t_pipe, t_air);
  const T h_gro_pipe_air =
      sensible(T(k.gro_pipe_conv_coef * pow_abs_smooth(T(t_gro_pipe - t_air), 0.32, kSmoothK)),
               t_gro_pipe, t_air);
  const T h_flr_so1 = sensible(T(k.hec_flr_so1_w_m2_k), t_flr, x[kTSo1]);
  const T h_so12 = sensible(T(k.hec_so_w_m2_k[0]), x[kTSo1], x[kTSo2]);
  const T h_so23 = sensible(T(k.hec_so_w_m2_k[1]), x[kTSo2], x[kTSo3]);
  const T h_so34 = sensible(T(k.hec_so_w_m2_k[2]), x[kTSo3], x[kTSo4]);
  const T h_so45 = sensible(T(k.hec_so_w_m2_k[3]), x[kTSo4], x[kTSo5]);
  const T h_so5_out = sensible(T(k.hec_so5_out_w_m2_k), x[kTSo5], T(w.t_soil_out_c));
  const T h_cov_in_cov_e = sensible(hec_cov_in_cov_e, t_cov_in, t_cov_e);  // Eq. 8.19, 8.40
  const T h_lamp_air = sensible(T(lamp.c_hec_air_w_m2_k), t_lamp, t_air);
  const T h_int_lamp_air = sensible(T(il.c_hec_air_w_m2_k), t_int_lamp, t_air);

  // ---- Hot-climate equipment and the direct air heater (§8.10.1, 8.10.4, 8.10.6).
  const HotClimateDesign& hc = d.hot_climate;
  const T h_blow_air = u.air_heater_frac * hc.air_heater_capacity_w_m2;  // Eq. 8.53
  const T mc_blow_air = hc.air_heater_co2_mg_j * h_blow_air;             // Eq. 8.54
  const T mv_blow_air = hc.air_heater_vapour_kg_j * h_blow_air;          // Eq. 8.55
  const T f_pad = u.pad_fan_frac * hc.pad_air_flow_m3_m2_s;              // Eq. 8.59
  const double x_out =
      18.0 / 29.0 * w.vp_out_pa / (101325.0 - w.vp_out_pa);  // Stanghellini 2019 Eq. 4.3
  const double pad_evaporation_kg_kg = hc.pad_efficiency * (w.x_pad_kg_kg - x_out);
  const T mv_pad_air = rho_air * f_pad * (pad_evaporation_kg_kg + x_out);  // Eq. 8.58
  const T h_pad_air = f_pad * (rho_air * c::kCpAirJ_kg_k * t_out -
                               lat * rho_air * pad_evaporation_kg_kg);  // Eq. 8.60
  const T h_air_out_pad = f_pad * rho_air * c::kCpAirJ_kg_k * t_air;    // Eq. 8.61
  const T mv_air_out_pad =
      f_pad * (c::kMWaterKg_kmol / c::kRGasJ_kmol_k) * vp_air / (t_air + c::kKelvin);  // Eq. 8.62
  const T mc_pad_air = f_pad * (co2_out - co2_air);                                    // p. 221
  const T mv_fog_air = u.fog_frac * hc.fog_capacity_kg_m2_s;                           // Eq. 8.64
  const T l_air_fog = lat * mv_fog_air;                                                // p. 222

  // ---- Vapour (§8.7, §8.9; K21 Eq. 7.39).
  const T mv_air_th_scr = condensation(hec_air_th_scr, vp_air, sat_vp_pa(t_th_scr));
  const T mv_air_bl_scr = max_of(T(0.0), condensation(hec_air_bl_scr, vp_air, sat_vp_pa(t_bl_scr)));
  const T mv_top_cov_in = condensation(hec_top_cov_in, vp_top, sat_vp_pa(t_cov_in));
  const T mv_air_top = air_vapour(f_scr, vp_air, vp_top, t_air, t_top);
  const T mv_air_out = air_vapour(f_vent_main, vp_air, vp_out, t_air, t_out);
  const T mv_top_out = air_vapour(f_vent_roof, vp_top, vp_out, t_top, t_out);
  // Transpiration (Eq. 8.47–8.52).
  const T co2_air_ppm = co2_ppm(t_air, co2_air);
  const T vpd_can = sat_vp_pa(t_can) - vp_air;
  const T s_rs = logistic(T(-c::kSRsSlopeM2_w * (r_can - c::kRCanSpW_m2)));         // Eq. 8.51
  const T c_evap3 = c::kCEvap3NightPpm2 * (1.0 - s_rs) + c::kCEvap3DayPpm2 * s_rs;  // Eq. 8.52
  const T c_evap4 = c::kCEvap4NightPa2 * (1.0 - s_rs) + c::kCEvap4DayPa2 * s_rs;
  const T rf_r_can = (r_can + c::kCEvap1W_m2) / (r_can + c::kCEvap2W_m2);  // Eq. 8.50
  const T co2_dev = c::kEtaMgPpm * co2_air - 200.0;
  const T rf_co2 = min_of(T(1.5), T(1.0 + c_evap3 * co2_dev * co2_dev));
  const T rf_vp = min_of(T(5.8), T(1.0 + c_evap4 * vpd_can * vpd_can));
  const T r_s = c::kRsMinS_m * rf_r_can * rf_co2 * rf_vp;  // Eq. 8.49
  const T vec_can_air =
      2.0 * rho_cp * lai / (lat * c::kGammaPsychPa_k * (c::kRbS_m + r_s));  // Eq. 8.48
  const T mv_can_air = vec_can_air * vpd_can;                               // Eq. 8.47
  const T l_can_air = lat * mv_can_air;                                     // Eq. 8.42
  const T l_air_th_scr = lat * mv_air_th_scr;
  const T l_air_bl_scr = lat * mv_air_bl_scr;  // K21 Eq. 7.41
  const T l_top_cov_in = lat * mv_top_cov_in;

  // ---- Heating (Eq. 8.56; grow pipes K21). With an imposed pipe temperature the boiler gives
  // what tracks it (never negative).
  const T pipe_losses = r_pipe_sky + r_pipe_cov_in + r_pipe_can + r_pipe_flr + r_pipe_th_scr +
                        h_pipe_air + r_pipe_bl_scr - r_lamp_pipe - r_il_pipe;
  T h_boil_pipe = u.boiler_frac * d.pipes.capacity_w_m2;
  if (!std::isnan(u.t_pipe_set_c)) {
    h_boil_pipe =
        max_of(T(0.0),
               T(k.cap_pipe_j_k_m2 * (u.t_pipe_set_c - t_pipe) / kPipeTrackingTimeS + pipe_losses));
  }
  const T gro_pipe_losses = r_gro_pipe_can + h_gro_pipe_air;
  T h_boil_gro_pipe = u.grow_pipe_frac * d.grow_pipes.capacity_w_m2;
  if (!std::isnan(u.t_grow_pipe_set_c)) {
    h_boil_gro_pipe = max_of(
        T(0.0), T(k.cap_gro_pipe_j_k_m2 * (u.t_grow_pipe_set_c - t_gro_pipe) / kPipeTrackingTimeS +
                  gro_pipe_losses));
  }

  // ---- CO2 (§8.8, Eq. 8.77).
  const T mc_air_top = air_co2(f_scr, co2_air, co2_top);
  const T mc_air_out = air_co2(f_vent_main, co2_air, co2_out);
  const T mc_top_out = air_co2(f_vent_roof, co2_top, co2_out);
  const T mc_ext_air = u.co2_dosing_frac * d.co2_capacity_mg_m2_s;

  // ---- Crop (tomato.hpp).
  TomatoInputs<T> crop_in{t_can,    x[kTCan24], x[kTCanSum], par_can,   co2_air_ppm,
                          x[kCBuf], x[kCLeaf],  x[kCStem],   x[kCFruit]};
  const TomatoRates<T> crop = tomato_rates(d.crop, crop_in);
  const T mc_air_can = crop.mc_air_can_mg_co2_m2_s;

  // ---- State equations.
  // Canopy: K21 Eq. 7.1 (Vanthoor Eq. 8.1).
  dxdt[kTCan] =
      (r_par_sun_can + r_nir_sun_can + r_pipe_can - h_can_air - l_can_air - r_can_cov_in -
       r_can_flr - r_can_sky - r_can_th_scr - r_can_bl_scr + r_par_lamp_can + r_nir_lamp_can +
       r_fir_lamp_can + r_gro_pipe_can + r_par_int_lamp_can + r_nir_int_lamp_can + r_fir_il_can) /
      cap_can;
  // Air, main compartment: K21 Eq. 7.1 (Vanthoor Eq. 8.2).
  dxdt[kTAir] = (h_can_air + h_pad_air + h_pipe_air + h_blow_air + r_glob_sun_air - h_air_flr -
                 h_air_th_scr - h_air_out - h_air_top - h_air_out_pad - l_air_fog - h_air_bl_scr +
                 h_lamp_air + r_lamp_air + h_gro_pipe_air + h_int_lamp_air + r_int_lamp_air) /
                k.cap_air_j_k_m2;
  // Floor: K21 Eq. 7.1 (Vanthoor Eq. 8.3).
  dxdt[kTFlr] =
      (h_air_flr + r_par_sun_flr + r_nir_sun_flr + r_can_flr + r_pipe_flr - h_flr_so1 -
       r_flr_cov_in - r_flr_sky - r_flr_th_scr - r_flr_bl_scr + r_par_lamp_flr + r_nir_lamp_flr +
       r_fir_lamp_flr + r_par_int_lamp_flr + r_nir_int_lamp_flr + r_fir_il_flr) /
      k.cap_flr_j_k_m2;
  // Soil layers: Vanthoor Eq. 8.4.
  dxdt[kTSo1] = (h_flr_so1 - h_so12) / k.cap_so_j_k_m2[0];
  dxdt[kTSo2] = (h_so12 - h_so23) / k.cap_so_j_k_m2[1];
  dxdt[kTSo3] = (h_so23 - h_so34) / k.cap_so_j_k_m2[2];
  dxdt[kTSo4] = (h_so34 - h_so45) / k.cap_so_j_k_m2[3];
  dxdt[kTSo5] = (h_so45 - h_so5_out) / k.cap_so_j_k_m2[4];
  // Thermal screen: Vanthoor Eq. 8.5, K20 Eq. A1, K21 Eq. 7.1.
  dxdt[kTThScr] =
      (h_air_th_scr + l_air_th_scr + r_can_th_scr + r_flr_th_scr + r_pipe_th_scr - h_th_scr_top -
       r_th_scr_cov_in - r_th_scr_sky + r_bl_scr_th_scr + r_lamp_th_scr + r_il_th_scr) /
      k.cap_th_scr_j_k_m2;
  // Blackout screen: K21 Eq. 7.1.
  dxdt[kTBlScr] =
      (h_air_bl_scr + l_air_bl_scr + r_can_bl_scr + r_flr_bl_scr + r_pipe_bl_scr - h_bl_scr_top -
       r_bl_scr_cov_in - r_bl_scr_sky - r_bl_scr_th_scr + r_lamp_bl_scr + r_il_bl_scr) /
      k.cap_bl_scr_j_k_m2;
  // Top compartment air: K21 Eq. 7.1 (Vanthoor Eq. 8.6).
  dxdt[kTTop] =
      (h_th_scr_top + h_air_top - h_top_cov_in - h_top_out + h_bl_scr_top) / k.cap_top_j_k_m2;
  // Cover, inner and outer side: K21 Eq. 7.1 (Vanthoor Eq. 8.7), Vanthoor Eq. 8.8.
  dxdt[kTCovIn] =
      (h_top_cov_in + l_top_cov_in + r_can_cov_in + r_flr_cov_in + r_pipe_cov_in + r_th_scr_cov_in -
       h_cov_in_cov_e + r_bl_scr_cov_in + r_lamp_cov_in + r_il_cov_in) /
      cap_cov_in;
  dxdt[kTCovE] = (r_glob_sun_cov_e + h_cov_in_cov_e - h_cov_e_out - r_cov_e_sky) / cap_cov_e;
  // Pipes: Vanthoor Eq. 8.9, K21 Eq. 7.1 and 7.48 (no heat buffer).
  dxdt[kTPipe] = (h_boil_pipe - pipe_losses) / k.cap_pipe_j_k_m2;
  dxdt[kTGroPipe] = (h_boil_gro_pipe - gro_pipe_losses) / k.cap_gro_pipe_j_k_m2;
  // Top lights and interlights: K20 Eq. A1, K21 Eq. 7.1.
  dxdt[kTLamp] =
      (q_lamp_in - r_lamp_sky - r_lamp_cov_in - r_lamp_th_scr - r_lamp_bl_scr - h_lamp_air -
       r_par_lamp_can - r_nir_lamp_can - r_fir_lamp_can - r_lamp_pipe - r_par_lamp_flr -
       r_nir_lamp_flr - r_fir_lamp_flr - r_lamp_air - h_lamp_cool + r_il_lamp) /
      lamp.heat_capacity_j_k_m2;
  dxdt[kTIntLamp] =
      (q_int_lamp_in - r_il_sky - r_il_cov_in - r_il_th_scr - r_il_bl_scr - h_int_lamp_air -
       r_par_int_lamp_can - r_nir_int_lamp_can - r_fir_il_can - r_il_pipe - r_par_int_lamp_flr -
       r_nir_int_lamp_flr - r_fir_il_flr - r_int_lamp_air - r_il_lamp) /
      il.heat_capacity_j_k_m2;
  // Vapour: Vanthoor Eq. 8.10 (K21 Eq. 7.40, 7.50), Eq. 8.11.
  dxdt[kVpAir] = (mv_can_air + mv_pad_air + mv_fog_air + mv_blow_air - mv_air_th_scr - mv_air_top -
                  mv_air_out - mv_air_out_pad - mv_air_bl_scr) /
                 cap_vp_air;
  dxdt[kVpTop] = (mv_air_top - mv_top_cov_in - mv_top_out) / cap_vp_top;
  // CO2: Vanthoor Eq. 8.12–8.13.
  dxdt[kCo2Air] =
      (mc_blow_air + mc_ext_air + mc_pad_air - mc_air_can - mc_air_top - mc_air_out) / cap_co2_air;
  dxdt[kCo2Top] = (mc_air_top - mc_top_out) / cap_co2_top;
  // Crop: tomato.hpp.
  dxdt[kTCan24] = crop.d_t_can24;
  dxdt[kCBuf] = crop.d_c_buf;
  dxdt[kCLeaf] = crop.d_c_leaf;
  dxdt[kCStem] = crop.d_c_stem;
  dxdt[kCFruit] = crop.d_c_fruit;
  dxdt[kTCanSum] = crop.d_t_can_sum;

  if (fluxes == nullptr) {
    return;
  }
  Fluxes<T>& f = *fluxes;
  f.h_boil_pipe_w_m2 = h_boil_pipe;
  f.h_boil_gro_pipe_w_m2 = h_boil_gro_pipe;
  f.h_blow_air_w_m2 = h_blow_air;
  f.q_lamp_in_w_m2 = q_lamp_in;
  f.q_int_lamp_in_w_m2 = q_int_lamp_in;
  f.r_sun_absorbed_w_m2 = r_par_sun_can + r_nir_sun_can + r_par_sun_flr + r_nir_sun_flr +
                          r_glob_sun_air + r_glob_sun_cov_e;
  f.h_pad_air_w_m2 = h_pad_air;
  f.r_sky_w_m2 = r_can_sky + r_pipe_sky + r_flr_sky + r_th_scr_sky + r_cov_e_sky + r_lamp_sky +
                 r_bl_scr_sky + r_il_sky;
  f.h_cov_e_out_w_m2 = h_cov_e_out;
  f.h_vent_w_m2 = h_air_out + h_top_out;
  f.h_air_out_pad_w_m2 = h_air_out_pad;
  f.h_so_out_w_m2 = h_so5_out;
  f.h_lamp_cool_w_m2 = h_lamp_cool;
  f.mv_can_air_kg_m2_s = mv_can_air;
  f.mv_fog_air_kg_m2_s = mv_fog_air;
  f.mv_pad_air_kg_m2_s = mv_pad_air;
  f.mv_pad_evaporation_kg_m2_s = rho_air * f_pad * pad_evaporation_kg_kg;
  f.mv_blow_air_kg_m2_s = mv_blow_air;
  f.mv_vent_kg_m2_s = mv_air_out + mv_top_out;
  f.mv_air_out_pad_kg_m2_s = mv_air_out_pad;
  f.mv_condensation_kg_m2_s = mv_air_th_scr + mv_air_bl_scr + mv_top_cov_in;
  f.mc_ext_air_mg_m2_s = mc_ext_air;
  f.mc_blow_air_mg_m2_s = mc_blow_air;
  f.mc_pad_air_mg_m2_s = mc_pad_air;
  f.mc_vent_mg_m2_s = mc_air_out + mc_top_out;
  f.mc_air_can_mg_m2_s = mc_air_can;
  f.mc_fruit_har_mg_m2_s = crop.mc_fruit_har_mg_m2_s;
  f.mc_leaf_har_mg_m2_s = crop.mc_leaf_har_mg_m2_s;
  f.lai = lai;
  f.par_can_umol_m2_s = par_can;
  f.f_vent_roof_m3_m2_s = f_vent_roof;
  f.f_vent_side_m3_m2_s = f_vent_side;
  f.f_vent_forced_m3_m2_s = f_vent_forced;
  f.f_pad_m3_m2_s = f_pad;
  f.cap_can_j_k_m2 = cap_can;
  f.cap_vp_air_kg_m2_pa = cap_vp_air;
  f.cap_vp_top_kg_m2_pa = cap_vp_top;
  f.cap_cov_in_j_k_m2 = cap_cov_in;
  f.cap_cov_e_j_k_m2 = cap_cov_e;
}

template void climate_rates<double>(const GreenhouseModel&, const double*, const OutdoorConditions&,
                                    const ControlsT<double>&, double*, Fluxes<double>*);
template void climate_rates<AdScalar>(const GreenhouseModel&, const AdScalar*,
                                      const OutdoorConditions&, const ControlsT<AdScalar>&,
                                      AdScalar*, Fluxes<AdScalar>*);

}  // namespace egin::greenhouse
