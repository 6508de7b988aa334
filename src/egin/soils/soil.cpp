#include "egin/soils/soil.hpp"

namespace egin::soils {

double total_evaporable_water_mm(double theta_fc_m3_m3, double theta_wp_m3_m3, double ze_m) {
  return 1000.0 * (theta_fc_m3_m3 - 0.5 * theta_wp_m3_m3) * ze_m;  // FAO-56 Eq. 73
}

}  // namespace egin::soils
