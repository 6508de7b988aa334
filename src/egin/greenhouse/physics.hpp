// The elementary exchange laws of the Vanthoor (2011) model, written once for both scalar types:
//
// | function          | law                                                     | source      |
// |-------------------|---------------------------------------------------------|-------------|
// | sat_vp_pa(T)      | 610.78 exp(17.2694 T / (T + 238.3)), Pa                 | GL satVp |
// | fir(a, ε1, ε2, F, T1, T2) | a ε1 ε2 F σ ((T1+273.15)⁴ − (T2+273.15)⁴), W m⁻² | Eq. 8.38 |
// | sensible(h, T1, T2) | |h| (T1 − T2), W m⁻²                                  | Eq. 8.40    |
// | condensation(h, vp1, vp2) | 6.4e-9 h Δvp / (1 + exp(−0.1 Δvp)), kg m⁻² s⁻¹ | Eq. 8.43–8.44 |
// | air_vapour(f, vp1, vp2, T1, T2) | (M_W / R) |f| (vp1/T1 − vp2/T2), kg m⁻² s⁻¹ | Eq. 8.45 |
// | air_co2(f, c1, c2) | |f| (c1 − c2), mg m⁻² s⁻¹                               | Eq. 8.46    |
// | co2_ppm(T, c)     | c (mg m⁻³) to ppm at T and 1 atm (ideal gas)            | co2dens2ppm |
// | proportional(x, sp, band, lo, hi) | smooth P-band controller              | K21 Eq. 4.4 |
#pragma once

#include <cmath>

#include "egin/greenhouse/constants.hpp"
#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

template <typename T>
T sat_vp_pa(const T& t_c) {
  using std::exp;
  return 610.78 * exp(17.2694 * t_c / (t_c + 238.3));
}

template <typename T>
T fir(double a1, double eps1, double eps2, const T& f12, const T& t1_c, const T& t2_c) {
  const T k1 = t1_c + constants::kKelvin;
  const T k2 = t2_c + constants::kKelvin;
  const T k1_2 = k1 * k1;
  const T k2_2 = k2 * k2;
  return (a1 * eps1 * eps2 * constants::kSigmaW_m2_k4) * f12 * (k1_2 * k1_2 - k2_2 * k2_2);
}

/// fir with an area that is itself a variable (the blackout screen's u_BlScr, the canopy's aCan).
template <typename T>
T fir_area(const T& a1, double eps1, double eps2, const T& f12, const T& t1_c, const T& t2_c) {
  const T k1 = t1_c + constants::kKelvin;
  const T k2 = t2_c + constants::kKelvin;
  const T k1_2 = k1 * k1;
  const T k2_2 = k2 * k2;
  return (eps1 * eps2 * constants::kSigmaW_m2_k4) * a1 * f12 * (k1_2 * k1_2 - k2_2 * k2_2);
}

template <typename T>
T sensible(const T& hec, const T& t1, const T& t2) {
  using std::abs;
  return abs(hec) * (t1 - t2);
}

template <typename T>
T condensation(const T& hec, const T& vp1, const T& vp2) {
  const T d = vp1 - vp2;
  return logistic(T(-constants::kCondensationSlopePa * d)) * constants::kCondensationCoef * hec * d;
}

template <typename T>
T air_vapour(const T& f12, const T& vp1, const T& vp2, const T& t1_c, const T& t2_c) {
  using std::abs;
  return (constants::kMWaterKg_kmol / constants::kRGasJ_kmol_k) * abs(f12) *
         (vp1 / (t1_c + constants::kKelvin) - vp2 / (t2_c + constants::kKelvin));
}

template <typename T>
T air_co2(const T& f12, const T& c1, const T& c2) {
  using std::abs;
  return abs(f12) * (c1 - c2);
}

/// mg m⁻³ of CO2 at t_c to ppm: 8.3144598 (T+273.15) c / (101325 · 44.01e-3) (GreenLight's
/// co2dens2ppm with c in kg m⁻³ = 1e-6 mg m⁻³).
template <typename T>
T co2_ppm(const T& t_c, const T& co2_mg_m3) {
  return 8.3144598 * (t_c + constants::kKelvin) * co2_mg_m3 / (101325.0 * 44.01e-3);
}

/// ppm of CO2 at t_c to mg m⁻³ (the inverse of co2_ppm).
inline double co2_mg_m3(double t_c, double ppm) {
  return ppm * 101325.0 * 44.01e-3 / (8.3144598 * (t_c + constants::kKelvin));
}

/// Katzin 2021 Eq. 4.4: lo + (hi − lo) / (1 + exp(−2/band · ln 100 · (x − sp − band/2))). The
/// output moves from 1 % to 99 % of the way from lo to hi as x crosses [sp, sp + band] (band may
/// be negative: then it rises as x falls below sp).
template <typename T>
T proportional(const T& x, const T& set_point, double band, double lo, double hi) {
  return lo +
         (hi - lo) * logistic(T((2.0 / band) * std::log(100.0) * (x - set_point - band / 2.0)));
}

}  // namespace egin::greenhouse
