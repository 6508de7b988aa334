#include "egin/agromet/solar_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace egin::agromet {

namespace {

constexpr double kPi = std::numbers::pi;

/// Wraps an angle into [−π, π).
double wrap_angle_rad(double angle) {
  double a = std::fmod(angle + kPi, 2.0 * kPi);
  if (a < 0.0) {
    a += 2.0 * kPi;
  }
  return a - kPi;
}

}  // namespace

double extraterrestrial_radiation_daily_mj_m2(double latitude_rad, int doy,
                                              const SolarConstants& constants) {
  const double dr = inverse_relative_distance(doy);                        // Eq. 23
  const double delta = solar_declination_rad(doy, constants.declination);  // Eq. 24
  const double ws = sunset_hour_angle_rad(latitude_rad, delta);            // Eq. 25
  // FAO-56 Eq. 21
  return 24.0 * 60.0 / kPi * constants.gsc_mj_m2_min * dr *
         (ws * std::sin(latitude_rad) * std::sin(delta) +
          std::cos(latitude_rad) * std::cos(delta) * std::sin(ws));
}

double daylight_hours(double latitude_rad, int doy, const SolarConstants& constants) {
  // FAO-56 Eq. 34
  return 24.0 / kPi *
         sunset_hour_angle_rad(latitude_rad, solar_declination_rad(doy, constants.declination));
}

double seasonal_correction_h(int doy) {
  const double b = 2.0 * kPi * (doy - 81) / 364.0;                                 // FAO-56 Eq. 33
  return 0.1645 * std::sin(2.0 * b) - 0.1255 * std::cos(b) - 0.025 * std::sin(b);  // Eq. 32
}

double solar_time_angle_rad(double t_mid_standard_h, double lz_deg_west, double lm_deg_west,
                            int doy) {
  // FAO-56 Eq. 31
  const double t =
      t_mid_standard_h + 0.06667 * (lz_deg_west - lm_deg_west) + seasonal_correction_h(doy);
  return wrap_angle_rad(kPi / 12.0 * (t - 12.0));
}

double solar_time_angle_utc_rad(double t_mid_utc_h, double longitude_deg_east, int doy) {
  // FAO-56 Eq. 31 with t + 0.06667 (Lz − Lm) = t_utc + λ_east / 15
  const double t = t_mid_utc_h + longitude_deg_east / 15.0 + seasonal_correction_h(doy);
  return wrap_angle_rad(kPi / 12.0 * (t - 12.0));
}

double extraterrestrial_radiation_period_mj_m2(double latitude_rad, int doy,
                                               double solar_time_angle_rad, double period_h,
                                               const SolarConstants& constants) {
  const double dr = inverse_relative_distance(doy);                        // Eq. 23
  const double delta = solar_declination_rad(doy, constants.declination);  // Eq. 24
  const double ws = sunset_hour_angle_rad(latitude_rad, delta);            // Eq. 25
  const double half = kPi * period_h / 24.0;
  double w1 = std::clamp(solar_time_angle_rad - half, -ws, ws);        // Eq. 29, ASCE Eq. 56
  const double w2 = std::clamp(solar_time_angle_rad + half, -ws, ws);  // Eq. 30, ASCE Eq. 56
  w1 = std::min(w1, w2);
  // FAO-56 Eq. 28
  return 12.0 * 60.0 / kPi * constants.gsc_mj_m2_min * dr *
         ((w2 - w1) * std::sin(latitude_rad) * std::sin(delta) +
          std::cos(latitude_rad) * std::cos(delta) * (std::sin(w2) - std::sin(w1)));
}

}  // namespace egin::agromet
