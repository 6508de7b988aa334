#include "egin/agromet/sky_temperature.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/core/date.hpp"

namespace egin::agromet {
namespace {

constexpr double kSigmaW_m2_k4 = 5.67e-8;  // Stefan–Boltzmann constant
constexpr double kKelvinOffset = 273.15;
constexpr double kDefaultCloudFraction = 0.5;
// The sun at least 10° above the horizon: at lower elevations Rs/Rso is dominated by the
// horizon, the cosine response of pyranometers and Rso's own error.
const double kMinSinElevation = std::sin(degrees_to_radians(10.0));

int floor_div(std::int64_t a, std::int64_t b) {
  return static_cast<int>(a >= 0 ? a / b : -((-a + b - 1) / b));
}

}  // namespace

double clear_sky_longwave_w_m2(double t_air_c) { return 213.0 + 5.5 * t_air_c; }

double sky_temperature_c(double t_air_c, double cloud_fraction) {
  const double c = std::clamp(cloud_fraction, 0.0, 1.0);
  const double t_k = t_air_c + kKelvinOffset;
  const double black_body_w_m2 = kSigmaW_m2_k4 * t_k * t_k * t_k * t_k;
  const double eps_clear = clear_sky_longwave_w_m2(t_air_c) / black_body_w_m2;  // Eq. 5.22
  const double eps = (1.0 - 0.84 * c) * eps_clear + 0.84 * c;                   // Eq. 5.32
  const double ld_w_m2 = eps * black_body_w_m2;                                 // Eq. 5.22
  return std::pow(ld_w_m2 / kSigmaW_m2_k4, 0.25) - kKelvinOffset;
}

double cloud_fraction_from_clearness(double rs, double rso) {
  if (!(rso > 0.0)) {
    return kMissing;
  }
  return std::clamp(1.0 - rs / rso, 0.0, 1.0);
}

SkyTemperatureEstimate estimate_sky_temperatures(const PeriodWeatherSeries& series) {
  SkyTemperatureEstimate out;
  out.t_sky_c.reserve(series.periods.size());
  out.source.reserve(series.periods.size());
  const bool has_site =
      !is_missing(series.site.latitude_deg) && !is_missing(series.site.longitude_deg);
  const double lat_rad = has_site ? degrees_to_radians(series.site.latitude_deg) : 0.0;
  const double elevation_m = is_missing(series.site.elevation_m) ? 0.0 : series.site.elevation_m;
  double carried_cloud = kMissing;
  for (const PeriodWeather& p : series.periods) {
    // The clearness of this period, when the sun is high enough to judge it.
    double cloud_now = kMissing;
    if (has_site && !is_missing(p.rs_mj_m2)) {
      const double mid_s = static_cast<double>(p.start_utc_s) + 0.5 * p.period_s;
      const auto mid_whole_s = static_cast<std::int64_t>(std::floor(mid_s));
      const int day = floor_div(mid_whole_s, 86400);
      const int doy = Date::from_days(day).day_of_year();
      const double utc_h = (mid_s - 86400.0 * day) / 3600.0;
      const double omega = solar_time_angle_utc_rad(utc_h, series.site.longitude_deg, doy);
      const double sin_beta = sin_solar_elevation(lat_rad, solar_declination_rad(doy), omega);
      if (sin_beta >= kMinSinElevation) {
        const double ra =
            extraterrestrial_radiation_period_mj_m2(lat_rad, doy, omega, p.period_s / 3600.0);
        cloud_now = cloud_fraction_from_clearness(p.rs_mj_m2, rso_simple_mj_m2(ra, elevation_m));
      }
    }
    if (!is_missing(cloud_now)) {
      carried_cloud = cloud_now;
    }

    if (!is_missing(p.t_sky_c)) {
      out.t_sky_c.push_back(p.t_sky_c);
      out.source.push_back(SkyTemperatureSource::kGiven);
      continue;
    }
    ++out.estimated;
    if (is_missing(p.t_out_c)) {
      out.t_sky_c.push_back(kMissing);
      out.source.push_back(SkyTemperatureSource::kNoTemperature);
      continue;
    }
    SkyTemperatureSource source = SkyTemperatureSource::kDefaultCloud;
    double cloud = kDefaultCloudFraction;
    if (!is_missing(cloud_now)) {
      source = SkyTemperatureSource::kDayClearness;
      cloud = cloud_now;
    } else if (!is_missing(carried_cloud)) {
      source = SkyTemperatureSource::kCarriedCloud;
      cloud = carried_cloud;
    }
    out.t_sky_c.push_back(sky_temperature_c(p.t_out_c, cloud));
    out.source.push_back(source);
  }
  return out;
}

}  // namespace egin::agromet
