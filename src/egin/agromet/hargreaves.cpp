#include "egin/agromet/hargreaves.hpp"

#include <cmath>

#include "egin/agromet/atmosphere.hpp"

namespace egin::agromet {

double hargreaves_mm(double tmax_c, double tmin_c, double tmean_c, double ra_mj_m2) {
  const double range = tmax_c - tmin_c;
  // FAO-56 Eq. 52
  return 0.0023 * (tmean_c + 17.8) * std::sqrt(range > 0.0 ? range : 0.0) * kMmPerMjM2 * ra_mj_m2;
}

}  // namespace egin::agromet
