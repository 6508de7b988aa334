#include "egin/control/site_sun.hpp"

#include <cmath>
#include <numbers>

#include "egin/agromet/solar_geometry.hpp"

namespace egin::control {
namespace {

TimeMs floor_div(TimeMs a, TimeMs b) {
  const TimeMs q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

TimeMs offset_ms(int utc_offset_min) { return static_cast<TimeMs>(utc_offset_min) * kMsPerMinute; }

}  // namespace

Date local_date(TimeMs t_ms, int utc_offset_min) {
  return Date::from_days(static_cast<int>(floor_div(t_ms + offset_ms(utc_offset_min), kMsPerDay)));
}

TimeMs local_midnight_ms(Date day, int utc_offset_min) {
  return static_cast<TimeMs>(day.days_since_epoch()) * kMsPerDay - offset_ms(utc_offset_min);
}

double local_minute_of_day(TimeMs t_ms, int utc_offset_min) {
  const TimeMs local = t_ms + offset_ms(utc_offset_min);
  const TimeMs in_day = local - floor_div(local, kMsPerDay) * kMsPerDay;
  return static_cast<double>(in_day) / static_cast<double>(kMsPerMinute);
}

SunTimes sun_times(const SiteInfo& site, Date day) {
  const int doy = day.day_of_year();
  const double latitude_rad = agromet::degrees_to_radians(site.latitude_deg);
  const double declination_rad = agromet::solar_declination_rad(doy);  // FAO-56 Eq. 24
  const double ws_rad = agromet::sunset_hour_angle_rad(latitude_rad, declination_rad);  // Eq. 25
  // FAO-56 Eq. 31 in universal time, ω = π/12 [(t_utc + λ/15 + Sc) − 12], solved for ω = ∓ωs.
  const double noon_utc_h = 12.0 - site.longitude_deg / 15.0 - agromet::seasonal_correction_h(doy);
  const double half_day_h = 12.0 * ws_rad / std::numbers::pi;
  const TimeMs utc_midnight = static_cast<TimeMs>(day.days_since_epoch()) * kMsPerDay;
  const auto at = [&](double h) {
    return utc_midnight + static_cast<TimeMs>(std::llround(h * static_cast<double>(kMsPerHour)));
  };
  return {at(noon_utc_h - half_day_h), at(noon_utc_h + half_day_h)};
}

bool is_sun_up(const SiteInfo& site, TimeMs t_ms) {
  const SunTimes sun = sun_times(site, local_date(t_ms, site.utc_offset_min));
  return t_ms >= sun.sunrise_ms && t_ms < sun.sunset_ms;
}

}  // namespace egin::control
