// The Parton & Logan (1981) diurnal curve: the minimum at sunrise + c, the maximum a + c hours
// after solar noon, continuity at sunset, through midnight and at sunrise; and the FAO-56 sun
// times it runs on.
#include "egin/agromet/diurnal_temperature.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "egin/agromet/solar_geometry.hpp"

namespace egin::agromet {
namespace {

const PartonLoganParameters kP;

DayTemperature day(double tmin, double tmax, int doy) {
  return {tmin, tmax, sun_times(41.25, 67.94, doy, 5.0)};
}

TEST(DiurnalTemperature, SunTimesFromFao56) {
  const int doy = 196;  // 15 July
  const SunTimes s = sun_times(41.25, 67.94, doy, 5.0);
  const double lat = degrees_to_radians(41.25);
  EXPECT_NEAR(s.sunset_h - s.sunrise_h, daylight_hours(lat, doy), 1e-12);  // FAO-56 Eq. 34
  // Solar noon: ω = 0 in FAO-56 Eq. 31 at t_utc = 12 − 67.94/15 − Sc; local = t_utc + 5 h.
  const double noon = 0.5 * (s.sunrise_h + s.sunset_h);
  EXPECT_NEAR(solar_time_angle_utc_rad(noon - 5.0, 67.94, doy), 0.0, 1e-12);
  EXPECT_NEAR(noon, 12.0 - 67.94 / 15.0 - seasonal_correction_h(doy) + 5.0, 1e-12);
  // Polar night keeps a curve: at least 0.5 h of day.
  const SunTimes polar = sun_times(80.0, 0.0, 355, 0.0);
  EXPECT_NEAR(polar.sunset_h - polar.sunrise_h, 0.5, 1e-12);
}

TEST(DiurnalTemperature, MinimumAtSunriseMaximumInTheAfternoon) {
  const DayTemperature d = day(20.0, 36.0, 196);
  const double t_min_at = d.sun.sunrise_h + kP.c_h;
  EXPECT_NEAR(parton_logan_temperature_c(d, d, d, t_min_at, kP), 20.0, 1e-12);
  const double noon = 0.5 * (d.sun.sunrise_h + d.sun.sunset_h);
  const double t_max_at = noon + kP.a_h + kP.c_h;
  EXPECT_NEAR(parton_logan_temperature_c(d, d, d, t_max_at, kP), 36.0, 1e-12);
  // On a fine grid the curve stays within [tmin, tmax] and reaches both.
  double lo = 1e9;
  double hi = -1e9;
  for (int i = 0; i <= 24 * 600; ++i) {
    const double t = parton_logan_temperature_c(d, d, d, i / 600.0, kP);
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  EXPECT_NEAR(lo, 20.0, 0.005);  // a corner: the 6-s grid passes beside it
  EXPECT_NEAR(hi, 36.0, 1e-5);
  EXPECT_GE(lo, 20.0);
  EXPECT_LE(hi, 36.0);
  EXPECT_GT(t_max_at, 13.0);  // afternoon, local standard time
  EXPECT_LT(t_max_at, 16.0);
}

TEST(DiurnalTemperature, ContinuousAtSunsetMidnightAndSunrise) {
  const DayTemperature d1 = day(18.0, 35.0, 196);
  const DayTemperature d2 = day(22.0, 38.0, 197);
  const DayTemperature d3 = day(15.0, 30.0, 198);
  const double eps = 1e-7;
  // Sunset of day 2: the sine and the night decay meet.
  const double ss = d2.sun.sunset_h;
  EXPECT_NEAR(parton_logan_temperature_c(d1, d2, d3, ss - eps, kP),
              parton_logan_temperature_c(d1, d2, d3, ss + eps, kP), 1e-5);
  // Midnight between day 2 and day 3: 24:00 of day 2 equals 00:00 of day 3.
  EXPECT_NEAR(parton_logan_temperature_c(d1, d2, d3, 24.0, kP),
              parton_logan_temperature_c(d2, d3, d3, 0.0, kP), 1e-12);
  // Sunrise + c of day 3: the night reaches day 3's minimum, and the sine starts there.
  const double sr = d3.sun.sunrise_h + kP.c_h;
  EXPECT_NEAR(parton_logan_temperature_c(d2, d3, d3, sr - eps, kP), 15.0, 1e-5);
  EXPECT_NEAR(parton_logan_temperature_c(d2, d3, d3, sr + eps, kP), 15.0, 1e-5);
  // The night decays monotonically from the sunset temperature to the next minimum.
  double prev = parton_logan_temperature_c(d1, d2, d3, ss, kP);
  for (double h = ss + 0.1; h < 24.0; h += 0.1) {
    const double t = parton_logan_temperature_c(d1, d2, d3, h, kP);
    EXPECT_LT(t, prev);
    prev = t;
  }
}

}  // namespace
}  // namespace egin::agromet
