#include "egin/agromet/solar_radiation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace egin::agromet {

double sin_solar_elevation_24h(double latitude_rad, int doy) {
  // ASCE-EWRI 2005 Eq. D.5
  const double s =
      std::sin(0.85 + 0.3 * latitude_rad * std::sin(2.0 * std::numbers::pi * doy / 365.0 - 1.39) -
               0.42 * latitude_rad * latitude_rad);
  return std::max(s, 0.1);
}

double clearness_index_beam(double pressure_kpa, double precipitable_water_mm, double sin_beta,
                            double turbidity) {
  // ASCE-EWRI 2005 Eq. D.2
  return 0.98 * std::exp(-0.00146 * pressure_kpa / (turbidity * sin_beta) -
                         0.075 * std::pow(precipitable_water_mm / sin_beta, 0.4));
}

double rso_full_mj_m2(double ra_mj_m2, double pressure_kpa, double ea_kpa, double sin_beta,
                      double turbidity) {
  const double s = std::max(sin_beta, 0.01);
  const double w = precipitable_water_mm(ea_kpa, pressure_kpa);           // Eq. D.3
  const double kb = clearness_index_beam(pressure_kpa, w, s, turbidity);  // Eq. D.2
  const double kd = clearness_index_diffuse(kb);                          // Eq. D.4
  return (kb + kd) * ra_mj_m2;                                            // Eq. D.1
}

}  // namespace egin::agromet
