#include "egin/control/psychrometrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "egin/agromet/humidity.hpp"

namespace egin::control {
namespace {

double clamp_rh(double rh_pct) { return std::clamp(rh_pct, 0.0, 100.0); }

}  // namespace

double vapour_pressure_deficit_kpa(double t_air_c, double rh_pct) {
  // FAO-56 Eq. 11 and Eq. 54: VPD = e°(T) (1 − RH/100).
  return agromet::saturation_vapour_pressure_kpa(t_air_c) * (1.0 - clamp_rh(rh_pct) * 0.01);
}

double vapour_density_g_m3(double t_air_c, double e_kpa) {
  // Ideal gas: χ = Mw e / (R T) (Monteith & Unsworth 2013, Sect. 2.1.2).
  return kMolarMassWaterGMol * e_kpa * 1000.0 / (kGasConstantJMolK * (t_air_c + kZeroCelsiusK));
}

double absolute_humidity_g_m3(double t_air_c, double rh_pct) {
  return vapour_density_g_m3(t_air_c, agromet::ea_from_rh_kpa(t_air_c, clamp_rh(rh_pct)));
}

double humidity_deficit_g_m3(double t_air_c, double rh_pct) {
  return vapour_density_g_m3(t_air_c, vapour_pressure_deficit_kpa(t_air_c, rh_pct));
}

double dew_point_c(double t_air_c, double rh_pct) {
  const double rh = clamp_rh(rh_pct);
  if (rh <= 0.0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  // FAO-56 Eq. 14 (ea = e°(Tdew)) with Eq. 11 solved for T.
  const double x = std::log(agromet::ea_from_rh_kpa(t_air_c, rh) / 0.6108);
  return 237.3 * x / (17.27 - x);
}

}  // namespace egin::control
