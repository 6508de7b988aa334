// The simplified Vanthoor (2011) tomato model as GreenLight uses it (Vanthoor 2011 chapter 9 with
// the simplifications of Katzin 2020 and 2021): a carbohydrate buffer filled by canopy
// photosynthesis and emptied into leaves, stems and fruit, with maintenance and growth
// respiration, leaf pruning and fruit harvest as smooth switches.
//
// Parameters (Vanthoor 2011 Table 9.1 unless noted; TomatoParameters below):
// | name               | value    | unit                 | what                              |
// |--------------------|----------|----------------------|-----------------------------------|
// | lai_max            | 3        | m² m⁻²               | LAI kept by pruning (Table 2.2)   |
// | sla_m2_mg          | 2.66e-5  | m² leaf mg⁻¹ CH2O    | specific leaf area                |
// | alpha              | 0.385    | µmol e⁻ µmol⁻¹ photon| photon-to-electron conversion     |
// | theta              | 0.7      | —                    | curvature of electron transport   |
// | eta_co2_air_stom   | 0.67     | —                    | stomatal over air CO2             |
// | c_gamma            | 1.7      | ppm K⁻¹              | CO2 compensation point slope      |
// | j25_leaf_max       | 210      | µmol e⁻ m⁻² s⁻¹      | max electron transport at 25 °C   |
// | e_j, h_j, s_j      | 37e3, 22e4, 710 | J mol⁻¹ (K⁻¹)  | activation, deactivation, entropy |
// | c_*_m              | 1.16e-7, 3.47e-7, 1.47e-7 | s⁻¹ | fruit, leaf, stem maintenance     |
// | c_*_g              | 0.27, 0.28, 0.30 | —            | fruit, leaf, stem growth resp.    |
// | c_rgr              | 2.85e6   | s                    | maintenance regression coefficient|
// | rgr_s              | 3e-6     | s⁻¹                  | relative growth rate (GreenLight) |
// | c_buf_max, c_buf_min | 20e3, 1e3 | mg m⁻²            | buffer limits                     |
// | rg_fruit, rg_leaf, rg_stem | 0.328, 0.095, 0.074 | mg m⁻² s⁻¹ | potential growth rates   |
// | t_end_sum          | 1035     | °C d                 | sum at full generative phase      |
// | q10m               | 2        | —                    | Q10 of maintenance respiration    |
// | t_can_min/max      | 10, 34   | °C                   | instantaneous inhibition (T. 9.2) |
// | t_can24_min/max    | 15, 24.5 | °C                   | 24-h mean inhibition (Table 9.2)  |
// | c_fruit_max        | 300e3    | mg m⁻²               | fruit kept on plants (K21 p. 246) |
// | fruit_dm_fraction  | 0.06     | —                    | dry matter of fresh fruit (GreenLight) |
//
// Inputs: canopy temperature t_can_c, its 24-h mean, temperature sum, absorbed PAR
// par_can_umol_m2_s, air CO2 co2_air_ppm. Rates (TomatoRates): flows between buffer and organs,
// respiration, harvest, and the net CO2 uptake mc_air_can_mg_m2_s that the climate model takes
// from the air. States: kCBuf, kCLeaf, kCStem, kCFruit, kTCanSum, kTCan24 (state.hpp).
#pragma once

#include <cmath>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

struct TomatoParameters {
  double lai_max = 3.0;
  double sla_m2_mg = 2.66e-5;
  double alpha = 0.385;
  double theta = 0.7;
  double eta_co2_air_stom = 0.67;
  double c_gamma_ppm_k = 1.7;
  double j25_leaf_max_umol_m2_s = 210.0;
  double e_j_j_mol = 37e3;
  double h_j_j_mol = 22e4;
  double s_j_j_mol_k = 710.0;
  double t25_k = 298.15;
  double r_gas_j_mol_k = 8.314;  // Vanthoor Table 9.1 (8314 J kmol⁻¹ K⁻¹ of Table 8.1 / 1000)
  double c_fruit_m_s = 1.16e-7;
  double c_leaf_m_s = 3.47e-7;
  double c_stem_m_s = 1.47e-7;
  double c_fruit_g = 0.27;
  double c_leaf_g = 0.28;
  double c_stem_g = 0.30;
  double c_rgr_s = 2.85e6;
  double rgr_s = 3e-6;
  double c_buf_max_mg_m2 = 20e3;
  double c_buf_min_mg_m2 = 1e3;
  double rg_fruit_mg_m2_s = 0.328;
  double rg_leaf_mg_m2_s = 0.095;
  double rg_stem_mg_m2_s = 0.074;
  double t_end_sum_c_d = 1035.0;
  double q10m = 2.0;
  double t_can_min_c = 10.0;
  double t_can_max_c = 34.0;
  double t_can24_min_c = 15.0;
  double t_can24_max_c = 24.5;
  double m_ch2o_mg_umol = 30e-3;
  double m_co2_mg_umol = 44e-3;
  double c_fruit_max_mg_m2 = 300e3;
  double fruit_dm_fraction = 0.06;
};

template <typename T>
struct TomatoInputs {
  T t_can_c;
  T t_can24_c;
  T t_can_sum_c_d;
  T par_can_umol_m2_s;
  T co2_air_ppm;
  T c_buf_mg_m2;
  T c_leaf_mg_m2;
  T c_stem_mg_m2;
  T c_fruit_mg_m2;
};

template <typename T>
struct TomatoRates {
  T lai;                     // m² m⁻²
  T mc_air_buf_mg_m2_s;      // gross assimilate into the buffer (CH2O)
  T mc_buf_fruit_mg_m2_s;    // buffer → fruit
  T mc_buf_leaf_mg_m2_s;     // buffer → leaves
  T mc_buf_stem_mg_m2_s;     // buffer → stems
  T mc_buf_air_mg_m2_s;      // growth respiration (CH2O)
  T mc_fruit_air_mg_m2_s;    // maintenance respiration, fruit
  T mc_leaf_air_mg_m2_s;     // maintenance respiration, leaves
  T mc_stem_air_mg_m2_s;     // maintenance respiration, stems
  T mc_fruit_har_mg_m2_s;    // fruit harvest
  T mc_leaf_har_mg_m2_s;     // leaf pruning
  T mc_air_can_mg_co2_m2_s;  // net CO2 taken from the air (photosynthesis − respiration)
  T d_c_buf, d_c_leaf, d_c_stem, d_c_fruit;  // mg CH2O m⁻² s⁻¹
  T d_t_can_sum;                             // °C d s⁻¹
  T d_t_can24;                               // °C s⁻¹
};

/// Katzin 2021 Eq. 7.45: a smooth switch rising from 0 to max_rate over about `smooth` around
/// `cut_off`.
template <typename T>
T smooth_harvest(const T& process, double cut_off, double smooth, double max_rate) {
  return T(max_rate) * logistic(T((process - cut_off) * (2.0 * std::log(100.0) / smooth)));
}

template <typename T>
TomatoRates<T> tomato_rates(const TomatoParameters& p, const TomatoInputs<T>& in) {
  using std::exp;
  using std::sqrt;
  TomatoRates<T> r{};
  const T& t_can = in.t_can_c;
  const T& t24 = in.t_can24_c;
  r.lai = p.sla_m2_mg * in.c_leaf_mg_m2;  // Vanthoor Eq. 9.5

  // Electron transport (Vanthoor §9.5.1.2).
  const T j25_can_max = r.lai * p.j25_leaf_max_umol_m2_s;  // Eq. 9.16
  const T t_can_k = t_can + 273.15;
  const T j_pot =
      j25_can_max * exp(p.e_j_j_mol * (t_can_k - p.t25_k) / (p.r_gas_j_mol_k * t_can_k * p.t25_k)) *
      (1.0 + std::exp((p.s_j_j_mol_k * p.t25_k - p.h_j_j_mol) / (p.r_gas_j_mol_k * p.t25_k))) /
      (1.0 +
       exp((p.s_j_j_mol_k * t_can_k - p.h_j_j_mol) / (p.r_gas_j_mol_k * t_can_k)));  // Eq. 9.15
  const T a_par = p.alpha * in.par_can_umol_m2_s;
  const T j = (1.0 / (2.0 * p.theta)) *
              (j_pot + a_par -
               sqrt_nonneg(T((j_pot + a_par) * (j_pot + a_par) - 4.0 * p.theta * j_pot * a_par)));
  // Eq. 9.14

  // CO2 in the stomata and the compensation point (§9.5.1.4).
  const T co2_stom = p.eta_co2_air_stom * in.co2_air_ppm;  // Eq. 9.21
  const T leaf_ratio = p.j25_leaf_max_umol_m2_s / j25_can_max;
  // Eq. 9.23. For LAI < 1 the leaf-to-canopy ratio exceeds 1 and the line extrapolates to a
  // negative compensation point in a cold canopy (a young crop below ~17 °C), where Eq. 9.12's
  // denominator c + 2Γ can pass through zero; the twin keeps Γ ≥ 0 (GreenLight does not, and
  // never meets it in its heated runs).
  const T gamma =
      max_of(T(leaf_ratio * p.c_gamma_ppm_k * t_can + 20.0 * p.c_gamma_ppm_k * (1.0 - leaf_ratio)),
             T(0.0));
  // Eq. 9.12–9.13. Their difference, j (c − Γ)² / (4 c (c + 2Γ)), is zero at the compensation
  // point and would rise again below it, without bound as c → 0; the twin holds it at zero for
  // c ≤ Γ (smoothly: value and slope are zero there), so a shut, sunlit house cannot draw its CO2
  // below zero. GreenLight's greenhouses never come near Γ (≈ 50 ppm in the air).
  const bool above_compensation = value_of(co2_stom) > value_of(gamma);
  const T photo = above_compensation ? T(j * (co2_stom - gamma) / (4.0 * (co2_stom + 2.0 * gamma)))
                                     : T(0.0);                                           // Eq. 9.12
  const T photorespiration = above_compensation ? T(photo * gamma / co2_stom) : T(0.0);  // Eq. 9.13

  // Smooth inhibitions (§9.7.2 Eq. B.1–B.6, Table 9.2).
  const T h_air_buf = logistic(T(-5e-4 * (in.c_buf_mg_m2 - p.c_buf_max_mg_m2)));  // Eq. 9.11
  const T h_buf_org = logistic(T(5e-3 * (in.c_buf_mg_m2 - p.c_buf_min_mg_m2)));   // Eq. 9.26
  const T h_t_can = logistic(T(0.869 * (t_can - p.t_can_min_c))) *
                    logistic(T(-0.5793 * (t_can - p.t_can_max_c)));  // Eq. B.2
  const T h_t_can24 = logistic(T(1.1587 * (t24 - p.t_can24_min_c))) *
                      logistic(T(-1.3904 * (t24 - p.t_can24_max_c)));  // Eq. B.3
  const T s = in.t_can_sum_c_d / p.t_end_sum_c_d;
  const T s1 = (in.t_can_sum_c_d - p.t_end_sum_c_d) / p.t_end_sum_c_d;
  const T h_t_can_sum = 0.5 * (s + sqrt_nonneg(T(s * s + 1e-4))) -
                        0.5 * (s1 + sqrt_nonneg(T(s1 * s1 + 1e-4)));  // Eq. 9.27, B.6
  const T g_t_can24 = 0.047 * t24 + 0.06;                             // Eq. 9.28

  r.mc_air_buf_mg_m2_s = p.m_ch2o_mg_umol * h_air_buf * (photo - photorespiration);  // Eq. 9.10
  r.mc_buf_fruit_mg_m2_s =
      h_buf_org * h_t_can * h_t_can24 * h_t_can_sum * g_t_can24 * p.rg_fruit_mg_m2_s;  // Eq. 9.24
  r.mc_buf_leaf_mg_m2_s = h_buf_org * h_t_can24 * g_t_can24 * p.rg_leaf_mg_m2_s;       // Eq. 9.25
  r.mc_buf_stem_mg_m2_s = h_buf_org * h_t_can24 * g_t_can24 * p.rg_stem_mg_m2_s;       // Eq. 9.25

  // Respiration (§9.5.4).
  r.mc_buf_air_mg_m2_s = p.c_leaf_g * r.mc_buf_leaf_mg_m2_s + p.c_stem_g * r.mc_buf_stem_mg_m2_s +
                         p.c_fruit_g * r.mc_buf_fruit_mg_m2_s;  // Eq. 9.43–9.44
  const T maintenance =
      (1.0 - std::exp(-p.c_rgr_s * p.rgr_s)) *
      exp(T(0.1 * std::log(p.q10m) * (t24 - 25.0)));  // Eq. 9.45: q10m^(0.1(T24−25))
  r.mc_leaf_air_mg_m2_s = maintenance * in.c_leaf_mg_m2 * p.c_leaf_m_s;
  r.mc_stem_air_mg_m2_s = maintenance * in.c_stem_mg_m2 * p.c_stem_m_s;
  r.mc_fruit_air_mg_m2_s = maintenance * in.c_fruit_mg_m2 * p.c_fruit_m_s;

  // Leaf pruning and fruit harvest (Vanthoor Eq. 9.46–9.47, Katzin 2021 Eq. 7.45).
  const double c_leaf_max = p.lai_max / p.sla_m2_mg;  // Eq. 9.46
  r.mc_leaf_har_mg_m2_s = smooth_harvest(in.c_leaf_mg_m2, c_leaf_max, 1e4, 1e5);
  r.mc_fruit_har_mg_m2_s = smooth_harvest(in.c_fruit_mg_m2, p.c_fruit_max_mg_m2, 1e4, 5e4);

  const T mc_org_air = r.mc_leaf_air_mg_m2_s + r.mc_stem_air_mg_m2_s + r.mc_fruit_air_mg_m2_s;
  // GreenLight 2.0: one mol CO2 per mol CH2O.
  r.mc_air_can_mg_co2_m2_s = (p.m_co2_mg_umol / p.m_ch2o_mg_umol) *
                             (r.mc_air_buf_mg_m2_s - r.mc_buf_air_mg_m2_s - mc_org_air);

  // State derivatives: Vanthoor Eq. 9.1, 9.2 (Katzin 2021 Eq. 7.43), 9.4, 9.6, 9.8, 9.9.
  r.d_c_buf = r.mc_air_buf_mg_m2_s - r.mc_buf_fruit_mg_m2_s - r.mc_buf_leaf_mg_m2_s -
              r.mc_buf_stem_mg_m2_s - r.mc_buf_air_mg_m2_s;
  r.d_c_fruit = r.mc_buf_fruit_mg_m2_s - r.mc_fruit_air_mg_m2_s - r.mc_fruit_har_mg_m2_s;
  r.d_c_leaf = r.mc_buf_leaf_mg_m2_s - r.mc_leaf_air_mg_m2_s - r.mc_leaf_har_mg_m2_s;
  r.d_c_stem = r.mc_buf_stem_mg_m2_s - r.mc_stem_air_mg_m2_s;
  r.d_t_can_sum = t_can / 86400.0;
  r.d_t_can24 = (t_can - t24) / 86400.0;
  return r;
}

}  // namespace egin::greenhouse
