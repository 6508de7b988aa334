#include "egin/greenhouse/weather_forcing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "egin/agromet/sky_temperature.hpp"
#include "egin/core/date.hpp"
#include "egin/core/input_error.hpp"
#include "egin/greenhouse/pad_cooling.hpp"
#include "egin/greenhouse/physics.hpp"

namespace egin::greenhouse {
namespace {

using agromet::is_missing;
using agromet::kMissing;

/// Fills NaN entries by linear interpolation in time between the nearest values on both sides,
/// or with the nearest value at the ends. Returns how many were filled; -1 if none is valid.
long fill_in_time(const std::vector<double>& t, std::vector<double>& v) {
  const std::size_t n = v.size();
  std::size_t first_valid = n;
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_missing(v[i])) {
      first_valid = i;
      break;
    }
  }
  if (first_valid == n) {
    return -1;
  }
  long filled = 0;
  for (std::size_t i = 0; i < first_valid; ++i) {
    v[i] = v[first_valid];
    ++filled;
  }
  std::size_t last = first_valid;
  for (std::size_t i = first_valid + 1; i < n; ++i) {
    if (is_missing(v[i])) {
      continue;
    }
    for (std::size_t j = last + 1; j < i; ++j) {
      const double a = (t[j] - t[last]) / (t[i] - t[last]);
      v[j] = (1.0 - a) * v[last] + a * v[i];
      ++filled;
    }
    last = i;
  }
  for (std::size_t j = last + 1; j < n; ++j) {
    v[j] = v[last];
    ++filled;
  }
  return filled;
}

[[noreturn]] void fail_column(const std::string& source, const std::string& field,
                              const std::string& problem) {
  throw InputError({source, 0, field}, problem,
                   "the greenhouse twin needs air temperature (t_out_c), humidity (rh_out_pct, "
                   "ea_kpa or tdew_c), global radiation (iglob_w_m2 or rs_mj_m2) and wind "
                   "(wind_m_s or u2_m_s)");
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace

std::vector<std::string> WeatherForcingReport::lines() const {
  std::vector<std::string> out;
  auto add = [&](std::size_t n, const char* what) {
    if (n > 0) {
      out.push_back(fmt::format("{}: {} {} filled by interpolation in time", source, n, what));
    }
  };
  add(filled_t_out, "missing t_out_c values");
  add(filled_humidity, "missing humidity values");
  add(filled_radiation, "missing radiation values");
  add(filled_wind, "missing wind values");
  if (!co2_default) {
    add(filled_co2, "missing co2_out_ppm values");
  }
  if (!soil_default) {
    add(filled_soil, "missing t_soil_c values");
  }
  if (time_gaps > 0) {
    out.push_back(fmt::format("{}: {} gaps in time bridged by interpolation (longest {:.1f} h)",
                              source, time_gaps, longest_time_gap_s / 3600.0));
  }
  if (estimated_sky > 0) {
    out.push_back(fmt::format(
        "{}: {} sky temperatures estimated (Monteith & Unsworth 2013 with "
        "cloud from Rs/Rso){}",
        source, estimated_sky, sky_estimated_default_cloud ? ", some assuming 50 % cloud" : ""));
  }
  if (co2_default) {
    out.push_back(
        fmt::format("{}: no co2_out_ppm column: {:.0f} ppm assumed", source, kDefaultCo2OutPpm));
  }
  if (soil_default) {
    out.push_back(
        fmt::format("{}: no t_soil_c column: the design's deep-soil annual cycle used", source));
  }
  return out;
}

WeatherForcing WeatherForcing::from_series(const agromet::PeriodWeatherSeries& series,
                                           const SoilDesign& deep_soil) {
  const std::string& src = series.source;
  if (series.periods.empty()) {
    throw InputError({src, 0, "time"}, "the weather file has no records",
                     "at least one sub-daily record");
  }
  const std::size_t n = series.periods.size();
  WeatherForcing f;
  f.report_.source = src;
  f.report_.records = n;
  f.utc_offset_s_ = series.periods.front().utc_offset_s;
  f.time_s_.resize(n);
  std::vector<double> t_out(n);
  std::vector<double> vp(n);
  std::vector<double> iglob(n);
  std::vector<double> wind(n);
  std::vector<double> co2(n);
  std::vector<double> soil(n);
  bool any_rh = false;
  for (std::size_t i = 0; i < n; ++i) {
    const agromet::PeriodWeather& p = series.periods[i];
    f.time_s_[i] = static_cast<double>(p.start_utc_s);
    t_out[i] = p.t_out_c;
    iglob[i] = is_missing(p.rs_mj_m2) ? kMissing : p.rs_mj_m2 * 1e6 / p.period_s;
    wind[i] = p.wind_m_s;
    co2[i] = p.co2_out_ppm;
    soil[i] = p.t_soil_c;
    if (!is_missing(p.rh_out_pct) || !is_missing(p.ea_kpa) || !is_missing(p.tdew_c)) {
      any_rh = true;
    }
    if (i + 1 < n) {
      const double step = static_cast<double>(series.periods[i + 1].start_utc_s - p.start_utc_s);
      if (step > 1.5 * p.period_s) {
        ++f.report_.time_gaps;
        f.report_.longest_time_gap_s = std::max(f.report_.longest_time_gap_s, step - p.period_s);
      }
    }
  }
  f.end_s_ = f.time_s_.back() + series.periods.back().period_s;

  const long t_filled = fill_in_time(f.time_s_, t_out);
  if (t_filled < 0) {
    fail_column(src, "t_out_c", "no air temperature in the file");
  }
  f.report_.filled_t_out = static_cast<std::size_t>(t_filled);
  if (!any_rh) {
    fail_column(src, "rh_out_pct", "no humidity in the file");
  }
  for (std::size_t i = 0; i < n; ++i) {
    const agromet::PeriodWeather& p = series.periods[i];
    if (!is_missing(p.rh_out_pct)) {
      vp[i] = p.rh_out_pct / 100.0 * sat_vp_pa(t_out[i]);
    } else if (!is_missing(p.ea_kpa)) {
      vp[i] = p.ea_kpa * 1000.0;
    } else if (!is_missing(p.tdew_c)) {
      vp[i] = sat_vp_pa(p.tdew_c);
    } else {
      vp[i] = kMissing;
    }
  }
  f.report_.filled_humidity = static_cast<std::size_t>(fill_in_time(f.time_s_, vp));
  const long r_filled = fill_in_time(f.time_s_, iglob);
  if (r_filled < 0) {
    fail_column(src, "iglob_w_m2", "no global radiation in the file");
  }
  f.report_.filled_radiation = static_cast<std::size_t>(r_filled);
  const long w_filled = fill_in_time(f.time_s_, wind);
  if (w_filled < 0) {
    fail_column(src, "wind_m_s", "no wind speed in the file");
  }
  f.report_.filled_wind = static_cast<std::size_t>(w_filled);
  const long c_filled = fill_in_time(f.time_s_, co2);
  if (c_filled < 0) {
    f.report_.co2_default = true;
    std::fill(co2.begin(), co2.end(), kDefaultCo2OutPpm);
  } else {
    f.report_.filled_co2 = static_cast<std::size_t>(c_filled);
  }
  const long s_filled = fill_in_time(f.time_s_, soil);
  if (s_filled < 0) {
    f.report_.soil_default = true;
    for (std::size_t i = 0; i < n; ++i) {
      const double local_days = (f.time_s_[i] + f.utc_offset_s_) / 86400.0;
      const double day = std::floor(local_days);
      const double doy = Date::from_days(static_cast<int>(day)).day_of_year() + (local_days - day);
      soil[i] = deep_soil.deep_mean_c +
                deep_soil.deep_amplitude_k *
                    std::cos(2.0 * std::numbers::pi * (doy - deep_soil.deep_peak_doy) / 365.2425);
    }
  } else {
    f.report_.filled_soil = static_cast<std::size_t>(s_filled);
  }
  // Sky temperature: the file's, or estimated from air temperature and cloudiness.
  const agromet::SkyTemperatureEstimate sky = agromet::estimate_sky_temperatures(series);
  std::vector<double> t_sky = sky.t_sky_c;
  for (std::size_t i = 0; i < n; ++i) {
    if (sky.source[i] == agromet::SkyTemperatureSource::kDefaultCloud) {
      f.report_.sky_estimated_default_cloud = true;
    }
    // Where the file lacked the air temperature, estimate from the filled one.
    if (sky.source[i] == agromet::SkyTemperatureSource::kNoTemperature) {
      t_sky[i] = agromet::sky_temperature_c(t_out[i], 0.5);
      f.report_.sky_estimated_default_cloud = true;
    }
  }
  f.report_.estimated_sky = sky.estimated;

  // The local standard day's radiation sum (MJ m⁻²), each record counted until the next.
  std::map<std::int64_t, double> day_sum;
  std::vector<std::int64_t> day_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto local = static_cast<std::int64_t>(f.time_s_[i]) + f.utc_offset_s_;
    day_of[i] = floor_div(local, 86400);
    const double dt = i + 1 < n ? f.time_s_[i + 1] - f.time_s_[i] : series.periods[i].period_s;
    day_sum[day_of[i]] += iglob[i] * dt / 1e6;
  }

  f.values_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Values& v = f.values_[i];
    v.t_out_c = t_out[i];
    v.vp_out_pa = std::min(vp[i], sat_vp_pa(t_out[i]));
    v.rh_out_pct = 100.0 * v.vp_out_pa / sat_vp_pa(t_out[i]);
    v.iglob_w_m2 = iglob[i];
    v.wind_m_s = wind[i];
    v.t_sky_c = t_sky[i];
    v.co2_out_ppm = co2[i];
    v.co2_out_mg_m3 = co2_mg_m3(t_out[i], co2[i]);
    v.t_soil_c = soil[i];
    v.x_pad_kg_kg = pad_saturation_humidity_ratio_kg_kg(t_out[i], v.vp_out_pa);
    v.is_day = iglob[i] > 0.0 ? 1.0 : 0.0;
    v.day_rad_sum_mj_m2 = day_sum[day_of[i]];
  }
  return f;
}

OutdoorConditions WeatherForcing::at(double t_utc_s) const {
  // GreenLight 2.0 "linear" interpolation between record times, held beyond the ends.
  std::size_t i = 0;
  double a = 0.0;
  if (t_utc_s <= time_s_.front()) {
    i = 0;
  } else if (t_utc_s >= time_s_.back()) {
    i = time_s_.size() - 1;
  } else {
    const auto it = std::upper_bound(time_s_.begin(), time_s_.end(), t_utc_s);
    i = static_cast<std::size_t>(it - time_s_.begin()) - 1;
    a = (t_utc_s - time_s_[i]) / (time_s_[i + 1] - time_s_[i]);
  }
  const Values& v0 = values_[i];
  const Values& v1 = a > 0.0 ? values_[i + 1] : v0;
  auto lerp = [a](double x0, double x1) { return x0 + a * (x1 - x0); };
  OutdoorConditions o;
  o.time_utc_s = t_utc_s;
  o.t_out_c = lerp(v0.t_out_c, v1.t_out_c);
  o.vp_out_pa = lerp(v0.vp_out_pa, v1.vp_out_pa);
  o.rh_out_pct = lerp(v0.rh_out_pct, v1.rh_out_pct);
  o.iglob_w_m2 = lerp(v0.iglob_w_m2, v1.iglob_w_m2);
  o.wind_m_s = lerp(v0.wind_m_s, v1.wind_m_s);
  o.t_sky_c = lerp(v0.t_sky_c, v1.t_sky_c);
  o.co2_out_ppm = lerp(v0.co2_out_ppm, v1.co2_out_ppm);
  o.co2_out_mg_m3 = lerp(v0.co2_out_mg_m3, v1.co2_out_mg_m3);
  o.t_soil_out_c = lerp(v0.t_soil_c, v1.t_soil_c);
  o.x_pad_kg_kg = lerp(v0.x_pad_kg_kg, v1.x_pad_kg_kg);
  o.is_day = lerp(v0.is_day, v1.is_day);
  o.is_day_smooth = o.is_day;
  o.day_rad_sum_mj_m2 = lerp(v0.day_rad_sum_mj_m2, v1.day_rad_sum_mj_m2);
  const double local_s = t_utc_s + utc_offset_s_;
  const double local_day = std::floor(local_s / 86400.0);
  o.time_of_day_h = (local_s - local_day * 86400.0) / 3600.0;
  const int doy = Date::from_days(static_cast<int>(local_day)).day_of_year();
  o.day_of_year = doy + o.time_of_day_h / 24.0;
  return o;
}

}  // namespace egin::greenhouse
