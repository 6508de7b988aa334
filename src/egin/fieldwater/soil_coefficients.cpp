#include "egin/fieldwater/soil_coefficients.hpp"

#include <algorithm>
#include <cmath>

namespace egin::fieldwater {

double exposed_wetted_fraction(double fc, double fw) {
  return std::clamp(std::min(1.0 - fc, fw), 0.01, 1.0);  // FAO-56 Eq. 75
}

double evaporation_reduction(double de_mm, double tew_mm, double rew_mm) {
  return std::clamp((tew_mm - de_mm) / (tew_mm - rew_mm), 0.0, 1.0);  // FAO-56 Eq. 74
}

double evaporation_coefficient(double kr, double kc_max, double kcb, double few) {
  return std::min(kr * (kc_max - kcb), few * kc_max);  // FAO-56 Eq. 71
}

double total_available_water_mm(double theta_fc, double theta_wp, double zr_m) {
  return 1000.0 * (theta_fc - theta_wp) * zr_m;  // FAO-56 Eq. 82
}

double depletion_fraction(double p_base, double etc_mm, bool constant) {
  if (constant) {
    return p_base;
  }
  return std::clamp(p_base + 0.04 * (5.0 - etc_mm), 0.1, 0.8);  // FAO-56 Table 22 footnote
}

double water_stress_fao56(double dr_mm, double taw_mm, double p) {
  const double raw_mm = p * taw_mm;                                   // FAO-56 Eq. 83
  return std::clamp((taw_mm - dr_mm) / (taw_mm - raw_mm), 0.0, 1.0);  // FAO-56 Eq. 84
}

double water_stress_aquacrop(double dr_mm, double taw_mm, double p) {
  constexpr double kShape = 1.5;
  const double d_rel = (dr_mm / taw_mm - p) / (1.0 - p);
  const double ks = 1.0 - (std::exp(kShape * d_rel) - 1.0) / (std::exp(kShape) - 1.0);
  return std::clamp(ks, 0.0, 1.0);
}

double curve_number(double cn2, double de_mm, double rew_mm, double tew_mm) {
  const double cn1 = cn2 / (2.281 - 0.01281 * cn2);  // ASCE MOP 70 (2016) Eq. 14-14
  const double cn3 = cn2 / (0.427 + 0.00573 * cn2);  // ASCE MOP 70 (2016) Eq. 14-15
  const double wet_limit = 0.5 * rew_mm;
  const double dry_limit = 0.7 * rew_mm + 0.3 * tew_mm;
  if (de_mm <= wet_limit) {
    return cn3;  // Eq. 14-18
  }
  if (de_mm >= dry_limit) {
    return cn1;  // Eq. 14-19
  }
  // Eq. 14-20
  return ((de_mm - wet_limit) * cn1 + (dry_limit - de_mm) * cn3) / (dry_limit - wet_limit);
}

double curve_number_runoff_mm(double rain_mm, double cn) {
  const double s_mm = 250.0 * (100.0 / cn - 1.0);  // ASCE MOP 70 (2016) Eq. 14-12
  if (!(rain_mm > 0.2 * s_mm)) {
    return 0.0;
  }
  const double ro = (rain_mm - 0.2 * s_mm) * (rain_mm - 0.2 * s_mm) / (rain_mm + 0.8 * s_mm);
  return std::min(ro, rain_mm);  // Eq. 14-13
}

}  // namespace egin::fieldwater
