#include "egin/agromet/weather_disaggregator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "egin/agromet/atmosphere.hpp"
#include "egin/agromet/humidity.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

constexpr std::array<const char*, kDisaggregationFlagCount> kFlagNames = {
    "rs_from_sunshine", "rs_from_temperature", "ea_from_rh_max_min", "ea_from_rh_max",
    "ea_from_rh_mean",  "ea_from_tmin",        "wind_default",       "no_precipitation"};

constexpr double kDefaultU2MS = 2.0;  // FAO-56 Ch. 3 "Missing wind speed data"
constexpr std::int64_t kDaySeconds = 86400;

/// The daily inputs after the FAO-56 fallbacks.
struct ResolvedDay {
  DayTemperature temperature;
  int doy = 1;
  double rs_mj_m2 = 0.0;
  double ea_kpa = 0.0;
  double wind_m_s = 0.0;
  double precip_mm = kMissing;
  std::uint32_t flags = 0;
};

/// FAO-56 Eq. 47 inverted: wind at `height_m` from u2.
double wind_at_height(double u2_m_s, double height_m) {
  return u2_m_s * std::log(67.8 * height_m - 5.42) / 4.87;
}

ResolvedDay resolve(const DailyWeather& d, const SiteMeta& site, const DisaggregationOptions& o,
                    int utc_offset_s) {
  ResolvedDay r;
  r.doy = d.date.day_of_year();
  const double lat = degrees_to_radians(site.latitude_deg);
  r.temperature.tmax_c = d.tmax_c;
  r.temperature.tmin_c = d.tmin_c;
  r.temperature.sun =
      sun_times(site.latitude_deg, site.longitude_deg, r.doy, utc_offset_s / 3600.0);
  // Rs: measured > sunshine (Eq. 35) > temperature range (Eq. 50).
  const double ra = extraterrestrial_radiation_daily_mj_m2(lat, r.doy);  // Eq. 21
  if (!is_missing(d.rs_mj_m2)) {
    r.rs_mj_m2 = d.rs_mj_m2;
  } else if (!is_missing(d.sunshine_h)) {
    const double n_max = daylight_hours(lat, r.doy);  // Eq. 34
    r.rs_mj_m2 = rs_from_sunshine_mj_m2(ra, std::min(d.sunshine_h, n_max), n_max, o.angstrom_as,
                                        o.angstrom_bs);
    r.flags |= kDisRsFromSunshine;
  } else {
    r.rs_mj_m2 = rs_from_temperature_mj_m2(ra, d.tmax_c, d.tmin_c, o.krs);
    r.flags |= kDisRsFromTemperature;
  }
  // ea: measured > Tdew (Eq. 14) > RHmax+RHmin (Eq. 17) > RHmax (Eq. 18) > RHmean (Eq. 19) >
  // Tmin − K0 (Eq. 48).
  if (!is_missing(d.ea_kpa)) {
    r.ea_kpa = d.ea_kpa;
  } else if (!is_missing(d.tdew_c)) {
    r.ea_kpa = ea_from_tdew_kpa(d.tdew_c);
  } else if (!is_missing(d.rh_max_pct) && !is_missing(d.rh_min_pct)) {
    r.ea_kpa = ea_from_rh_max_min_kpa(d.tmax_c, d.tmin_c, d.rh_max_pct, d.rh_min_pct);
    r.flags |= kDisEaFromRhMaxMin;
  } else if (!is_missing(d.rh_max_pct)) {
    r.ea_kpa = ea_from_rh_max_kpa(d.tmin_c, d.rh_max_pct);
    r.flags |= kDisEaFromRhMax;
  } else if (!is_missing(d.rh_mean_pct)) {
    r.ea_kpa = ea_from_rh_mean_kpa(d.tmax_c, d.tmin_c, d.rh_mean_pct);
    r.flags |= kDisEaFromRhMean;
  } else {
    r.ea_kpa = ea_from_tmin_kpa(d.tmin_c, o.tdew_below_tmin_c);
    r.flags |= kDisEaFromTmin;
  }
  if (!is_missing(d.wind_m_s)) {
    r.wind_m_s = d.wind_m_s;
  } else {
    r.wind_m_s = wind_at_height(kDefaultU2MS, site.wind_height_m);
    r.flags |= kDisWindDefault;
  }
  if (!is_missing(d.precip_mm)) {
    r.precip_mm = d.precip_mm;
  } else {
    r.flags |= kDisNoPrecipitation;
  }
  return r;
}

void check_inputs(const DailyWeatherSeries& daily, const DisaggregationOptions& o) {
  if (o.step_s < 60 || o.step_s > 3600 || kDaySeconds % o.step_s != 0) {
    throw InputError({"", 0, "--step"}, "a step of " + std::to_string(o.step_s) + " s",
                     "60 to 3600 s dividing a day (5m = 300 s, 1h = 3600 s)");
  }
  if (is_missing(daily.site.latitude_deg)) {
    throw InputError({daily.source, 0, "latitude_deg"},
                     "the site's latitude is not given; the sun's course needs it",
                     "# latitude_deg: in the file or --lat, −90 to 90");
  }
  if (is_missing(daily.site.longitude_deg)) {
    throw InputError({daily.source, 0, "longitude_deg"},
                     "the site's longitude is not given; solar time needs it",
                     "# longitude_deg: in the file or --lon, −180 to 180 (+ east)");
  }
  for (const DailyWeather& d : daily.days) {
    for (const auto& [name, v] :
         {std::pair<const char*, double>{"tmax_c", d.tmax_c}, {"tmin_c", d.tmin_c}}) {
      if (is_missing(v)) {
        throw InputError({daily.source, d.line, name}, "is missing on " + d.date.iso(),
                         "tmax_c and tmin_c on every day (the diurnal curve needs both)");
      }
    }
    if (d.tmin_c > d.tmax_c) {
      throw InputError({daily.source, d.line, "tmin_c"}, "is above tmax_c on " + d.date.iso(),
                       "tmin_c ≤ tmax_c");
    }
  }
}

}  // namespace

const char* disaggregation_flag_name(int bit) {
  return bit >= 0 && bit < kDisaggregationFlagCount ? kFlagNames[static_cast<std::size_t>(bit)]
                                                    : "";
}

std::string disaggregation_flags_text(std::uint32_t flags) {
  std::string out;
  for (int bit = 0; bit < kDisaggregationFlagCount; ++bit) {
    if ((flags & (1u << bit)) != 0) {
      if (!out.empty()) {
        out += ';';
      }
      out += kFlagNames[static_cast<std::size_t>(bit)];
    }
  }
  return out;
}

int default_utc_offset_s(double longitude_deg_east) {
  return static_cast<int>(std::lround(longitude_deg_east / 15.0)) * 3600;
}

DisaggregationResult disaggregate_daily_weather(const DailyWeatherSeries& daily,
                                                const DisaggregationOptions& o) {
  check_inputs(daily, o);
  DisaggregationResult out;
  out.utc_offset_s = o.utc_offset_s.value_or(default_utc_offset_s(daily.site.longitude_deg));
  out.series.source = daily.source;
  out.series.site = daily.site;
  out.radiation_shape_clear_sky = !is_missing(daily.site.elevation_m);
  const double lat = degrees_to_radians(daily.site.latitude_deg);
  const double pressure_kpa = out.radiation_shape_clear_sky
                                  ? atmospheric_pressure_kpa(daily.site.elevation_m)  // Eq. 7
                                  : 0.0;
  std::vector<ResolvedDay> days;
  days.reserve(daily.days.size());
  for (const DailyWeather& d : daily.days) {
    days.push_back(resolve(d, daily.site, o, out.utc_offset_s));
    out.day_flags.push_back(days.back().flags);
    for (int bit = 0; bit < kDisaggregationFlagCount; ++bit) {
      if ((days.back().flags & (1u << bit)) != 0) {
        ++out.flag_days[static_cast<std::size_t>(bit)];
      }
    }
  }
  const int n_periods = static_cast<int>(kDaySeconds / o.step_s);
  const double period_h = o.step_s / 3600.0;
  const int samples = std::max(1, o.step_s / 60);  // 1-minute samples for the period mean
  out.series.periods.reserve(days.size() * static_cast<std::size_t>(n_periods));
  std::vector<double> weight(static_cast<std::size_t>(n_periods));
  for (std::size_t i = 0; i < days.size(); ++i) {
    const DailyWeather& d = daily.days[i];
    const ResolvedDay& r = days[i];
    // Neighbours for the night curve: the calendar day before and after when present.
    const bool has_prev = i > 0 && daily.days[i - 1].date == d.date - 1;
    const bool has_next = i + 1 < days.size() && daily.days[i + 1].date == d.date + 1;
    const DayTemperature& yesterday = has_prev ? days[i - 1].temperature : r.temperature;
    const DayTemperature& tomorrow = has_next ? days[i + 1].temperature : r.temperature;
    const double decl = solar_declination_rad(r.doy);  // Eq. 24
    const std::int64_t day_start_utc =
        static_cast<std::int64_t>(d.date.days_since_epoch()) * kDaySeconds - out.utc_offset_s;
    // Radiation weights: clear-sky radiation of each period.
    double weight_sum = 0.0;
    for (int k = 0; k < n_periods; ++k) {
      const double mid_local_h = (k + 0.5) * period_h;
      const double mid_utc_h = mid_local_h - out.utc_offset_s / 3600.0;
      const double omega = solar_time_angle_utc_rad(mid_utc_h, daily.site.longitude_deg, r.doy);
      const double ra = extraterrestrial_radiation_period_mj_m2(lat, r.doy, omega, period_h);
      double w = ra;
      if (out.radiation_shape_clear_sky && ra > 0.0) {
        w = rso_full_mj_m2(ra, pressure_kpa, r.ea_kpa, sin_solar_elevation(lat, decl, omega));
      }
      weight[static_cast<std::size_t>(k)] = w;
      weight_sum += w;
    }
    // Precipitation in 0.001 mm units: even shares, the remainder on the first periods.
    long long precip_units = 0;
    long long share = 0;
    long long remainder = 0;
    if (!is_missing(r.precip_mm)) {
      precip_units = std::llround(r.precip_mm * 1000.0);
      share = precip_units / n_periods;
      remainder = precip_units % n_periods;
    }
    for (int k = 0; k < n_periods; ++k) {
      PeriodWeather p;
      p.start_utc_s = day_start_utc + static_cast<std::int64_t>(k) * o.step_s;
      p.utc_offset_s = out.utc_offset_s;
      p.period_s = o.step_s;
      p.line = d.line;
      double t_sum = 0.0;
      for (int s = 0; s < samples; ++s) {
        const double hour = (k + (s + 0.5) / samples) * period_h;
        t_sum +=
            parton_logan_temperature_c(yesterday, r.temperature, tomorrow, hour, o.temperature);
      }
      p.t_out_c = t_sum / samples;
      const double e_sat = saturation_vapour_pressure_kpa(p.t_out_c);  // Eq. 11
      p.ea_kpa = std::min(r.ea_kpa, e_sat);
      p.rh_out_pct = std::min(100.0, 100.0 * r.ea_kpa / e_sat);  // Eq. 54 solved for RH
      p.rs_mj_m2 =
          weight_sum > 0.0 ? r.rs_mj_m2 * weight[static_cast<std::size_t>(k)] / weight_sum : 0.0;
      p.wind_m_s = r.wind_m_s;
      if (!is_missing(r.precip_mm)) {
        p.precip_mm = static_cast<double>(share + (k < remainder ? 1 : 0)) / 1000.0;
      }
      out.series.periods.push_back(p);
    }
  }
  return out;
}

}  // namespace egin::agromet
