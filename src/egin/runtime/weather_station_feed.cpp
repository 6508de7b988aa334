#include "egin/runtime/weather_station_feed.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "egin/agromet/atmosphere.hpp"

namespace egin::runtime {

namespace {

constexpr double kYearS = 365.0 * 86400.0;
constexpr double kHpaPerKpa = 10.0;

bool present(double v) { return !std::isnan(v); }  // agromet::kMissing is NaN

}  // namespace

WeatherStationFeed::WeatherStationFeed(agromet::PeriodWeatherSeries series, double elevation_m,
                                       WeatherStationChannels channels)
    : series_(std::move(series)),
      pressure_hpa_(agromet::atmospheric_pressure_kpa(elevation_m) * kHpaPerKpa),  // FAO-56 Eq. 7
      channels_(std::move(channels)) {
  if (series_.periods.empty()) {
    throw std::invalid_argument("weather station: the weather series '" + series_.source +
                                "' has no periods");
  }
  first_s_ = static_cast<double>(series_.periods.front().start_utc_s);
  end_s_ =
      static_cast<double>(series_.periods.back().start_utc_s) + series_.periods.back().period_s;
}

std::size_t WeatherStationFeed::period_at(double t_s) const {
  const auto& p = series_.periods;
  const auto it = std::upper_bound(p.begin(), p.end(), t_s, [](double t, const auto& period) {
    return t < static_cast<double>(period.start_utc_s);
  });
  return it == p.begin() ? 0 : static_cast<std::size_t>(it - p.begin()) - 1;
}

double WeatherStationFeed::linear(double t_s, double agromet::PeriodWeather::*field) const {
  const auto& p = series_.periods;
  const std::size_t i = period_at(t_s);
  const double a = p[i].*field;
  if (i + 1 >= p.size() || !present(a)) {
    return a;
  }
  const double b = p[i + 1].*field;
  if (!present(b)) {
    return a;
  }
  const double t0 = static_cast<double>(p[i].start_utc_s);
  const double t1 = static_cast<double>(p[i + 1].start_utc_s);
  const double w = std::clamp((t_s - t0) / (t1 - t0), 0.0, 1.0);
  return a + w * (b - a);
}

std::vector<SenmlRecord> WeatherStationFeed::minute(TimeMs minute_ms) const {
  const double stamp_s = static_cast<double>(minute_ms) / 1000.0;
  double t_s = stamp_s;
  if (t_s < first_s_) {
    t_s += std::ceil((first_s_ - t_s) / kYearS) * kYearS;
  } else if (t_s >= end_s_) {
    t_s -= std::floor((t_s - first_s_) / kYearS) * kYearS;
  }
  const agromet::PeriodWeather& period = series_.periods[period_at(t_s)];
  std::vector<SenmlRecord> out;
  auto add = [&](const std::string& id, double value, const char* unit) {
    if (!present(value)) {
      return;
    }
    SenmlRecord r;
    r.index = out.size();
    r.name = channels_.prefix + id;
    r.unit = unit;
    r.time_s = stamp_s;
    r.value = value;
    out.push_back(std::move(r));
  };
  add(channels_.t_air, linear(t_s, &agromet::PeriodWeather::t_out_c), "Cel");
  add(channels_.rh, linear(t_s, &agromet::PeriodWeather::rh_out_pct), "%RH");
  add(channels_.rs, present(period.rs_mj_m2) ? period.rs_mj_m2 * 1.0e6 / period.period_s : NAN,
      "W/m2");
  add(channels_.u2, linear(t_s, &agromet::PeriodWeather::wind_m_s), "m/s");
  add(channels_.rain, present(period.precip_mm) ? period.precip_mm * 60.0 / period.period_s : NAN,
      "mm");
  add(channels_.p_air, pressure_hpa_, "hPa");
  return out;
}

}  // namespace egin::runtime
