#include "egin/greenhouse/pad_cooling.hpp"

#include <algorithm>
#include <cmath>

#include "egin/greenhouse/physics.hpp"

namespace egin::greenhouse {

double wet_bulb_temperature_c(double t_c, double vp_pa, double pressure_pa) {
  // FAO-56 Eq. 15–16 with apsy = 0.000662 °C⁻¹: γ in Pa °C⁻¹ = 0.000662 P.
  const double gamma_pa_c = 0.000662 * pressure_pa;
  const double vp = std::max(0.0, std::min(vp_pa, sat_vp_pa(t_c)));
  // g(Tw) = e°(Tw) − γ (T − Tw) − e rises monotonically in Tw; the root lies below T (where
  // g ≥ 0) and above T − 60 K. Bisection: robust, 60 halvings reach 1e-16 K.
  double lo = t_c - 60.0;
  double hi = t_c;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    const double g = sat_vp_pa(mid) - gamma_pa_c * (t_c - mid) - vp;
    if (g > 0.0) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return 0.5 * (lo + hi);
}

double humidity_ratio_kg_kg(double vp_pa, double pressure_pa) {
  return 18.0 / 29.0 * vp_pa / (pressure_pa - vp_pa);  // Stanghellini et al. 2019 Eq. 4.3
}

double pad_saturation_humidity_ratio_kg_kg(double t_c, double vp_pa, double pressure_pa) {
  const double t_wb = wet_bulb_temperature_c(t_c, vp_pa, pressure_pa);
  return humidity_ratio_kg_kg(sat_vp_pa(t_wb), pressure_pa);
}

}  // namespace egin::greenhouse
