// Wind speed at the standard 2 m height from a measurement at another height, FAO-56 Eq. 47
// (Allen et al. 1998; = ASCE-EWRI 2005 Eq. 33), the logarithmic profile over short grass.
// A pure function; the 2 m/s default for missing wind is et0.hpp's.
#pragma once

#include <cmath>

namespace egin::agromet {

/// FAO-56 Eq. 47: u2 = uz 4.87 / ln(67.8 z − 5.42); z (m) must be > 0.1 m.
inline double wind_speed_2m_m_s(double uz_m_s, double height_m) {
  return uz_m_s * 4.87 / std::log(67.8 * height_m - 5.42);
}

}  // namespace egin::agromet
