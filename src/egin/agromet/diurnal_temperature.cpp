#include "egin/agromet/diurnal_temperature.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "egin/agromet/solar_geometry.hpp"

namespace egin::agromet {
namespace {

/// Parton & Logan 1981, day: Tmin + (Tmax − Tmin) sin(π m / (Y + 2a)), m from sunrise + c.
double day_sine(const DayTemperature& d, double hour, const PartonLoganParameters& p) {
  const double y = d.sun.sunset_h - d.sun.sunrise_h;
  const double m = hour - d.sun.sunrise_h - p.c_h;
  return d.tmin_c + (d.tmax_c - d.tmin_c) * std::sin(std::numbers::pi * m / (y + 2.0 * p.a_h));
}

/// Parton & Logan 1981, night, rescaled to reach `to`'s minimum at its sunrise + c.
/// `hour` counts on `from`'s clock (so up to 24 + the next sunrise).
double night_decay(const DayTemperature& from, const DayTemperature& to, double hour,
                   const PartonLoganParameters& p) {
  const double t_sunset = day_sine(from, from.sun.sunset_h, p);
  const double z = 24.0 + to.sun.sunrise_h + p.c_h - from.sun.sunset_h;
  const double n = hour - from.sun.sunset_h;
  const double tail = std::exp(-p.b);
  const double shape = (std::exp(-p.b * n / z) - tail) / (1.0 - tail);
  return to.tmin_c + (t_sunset - to.tmin_c) * shape;
}

}  // namespace

SunTimes sun_times(double latitude_deg, double longitude_deg_east, int doy, double utc_offset_h) {
  const double ws = sunset_hour_angle_rad(degrees_to_radians(latitude_deg),
                                          solar_declination_rad(doy));  // FAO-56 Eq. 24-25
  const double day_length_h = std::clamp(24.0 * ws / std::numbers::pi, 0.5, 23.5);  // Eq. 34
  const double noon_h = 12.0 - longitude_deg_east / 15.0 - seasonal_correction_h(doy) +
                        utc_offset_h;  // Eq. 31 with ω = 0
  return {noon_h - 0.5 * day_length_h, noon_h + 0.5 * day_length_h};
}

double parton_logan_temperature_c(const DayTemperature& yesterday, const DayTemperature& today,
                                  const DayTemperature& tomorrow, double hour,
                                  const PartonLoganParameters& p) {
  if (hour < today.sun.sunrise_h + p.c_h) {
    return night_decay(yesterday, today, hour + 24.0, p);
  }
  if (hour <= today.sun.sunset_h) {
    return day_sine(today, hour, p);
  }
  return night_decay(today, tomorrow, hour, p);
}

}  // namespace egin::agromet
