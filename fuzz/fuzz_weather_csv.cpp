// libFuzzer target for the weather CSV reader (src/egin/agromet/weather_csv.hpp). Arbitrary bytes
// go to the kind detector and to both parsers, with and without overrides. egin::InputError is
// the expected answer to bad input; a crash, a sanitizer report, any other exception, or an
// accepted series that breaks the reader's promises (ordering, ranges, periods) is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"

namespace {

using egin::agromet::DailyWeatherSeries;
using egin::agromet::PeriodWeatherSeries;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

// NaN (missing) or inside [lo, hi].
bool in(double v, double lo, double hi) { return std::isnan(v) || (v >= lo && v <= hi); }

void check_site(const egin::agromet::SiteMeta& s) {
  require(in(s.latitude_deg, -90, 90) && in(s.longitude_deg, -180, 180));
  require(in(s.elevation_m, -500, 9000));
  require(s.wind_height_m >= 0.5 && s.wind_height_m <= 100);
}

void check(const DailyWeatherSeries& s) {
  check_site(s.site);
  require(!s.days.empty());
  for (std::size_t i = 0; i < s.days.size(); ++i) {
    const auto& d = s.days[i];
    require(i == 0 || s.days[i - 1].date < d.date);
    require(i == 0 || s.days[i - 1].line < d.line);
    require(in(d.tmax_c, -60, 60) && in(d.tmin_c, -60, 60) && in(d.tmean_c, -60, 60));
    require(in(d.tdew_c, -60, 60));
    require(std::isnan(d.tmin_c) || std::isnan(d.tmax_c) || d.tmin_c <= d.tmax_c);
    require(in(d.rh_max_pct, 0, 100) && in(d.rh_min_pct, 0, 100) && in(d.rh_mean_pct, 0, 100));
    require(in(d.ea_kpa, 0, 10) && in(d.rs_mj_m2, 0, 45) && in(d.sunshine_h, 0, 24));
    require(in(d.wind_m_s, 0, 75) && in(d.precip_mm, 0, 1000) && in(d.et0_mm, 0, 30));
    require(s.find(d.date) == &d);
  }
}

void check(const PeriodWeatherSeries& s) {
  check_site(s.site);
  require(!s.periods.empty());
  for (std::size_t i = 0; i < s.periods.size(); ++i) {
    const auto& p = s.periods[i];
    require(p.period_s >= 60 && p.period_s <= 86400);
    require(i == 0 || s.periods[i - 1].start_utc_s < p.start_utc_s);
    require(i == 0 || static_cast<double>(p.start_utc_s - s.periods[i - 1].start_utc_s) >=
                          s.periods[i - 1].period_s);
    require(p.utc_offset_s >= -14 * 3600 && p.utc_offset_s <= 14 * 3600);
    require(in(p.t_out_c, -60, 60) && in(p.rh_out_pct, 0, 100) && in(p.tdew_c, -60, 60));
    require(in(p.rs_mj_m2, 0, 1500 * p.period_s / 1e6 * (1 + 1e-12)));
    require(in(p.wind_m_s, 0, 75) && in(p.precip_mm, 0, 400) && in(p.t_sky_c, -100, 60));
    require(in(p.co2_out_ppm, 0, 5000) && in(p.t_soil_c, -60, 80) && in(p.ea_kpa, 0, 10));
  }
}

template <typename Parse>
void expect_value_or_input_error(Parse parse) {
  try {
    check(parse());
  } catch (const egin::InputError& e) {
    require(std::string_view(e.what()).size() > 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string source = "fuzz.csv";
  try {
    (void)egin::agromet::detect_weather_csv_kind(text, source);
  } catch (const egin::InputError&) {
  }
  expect_value_or_input_error([&] { return egin::agromet::parse_daily_weather_csv(text, source); });
  expect_value_or_input_error(
      [&] { return egin::agromet::parse_period_weather_csv(text, source); });
  egin::agromet::WeatherCsvOverrides overrides;
  overrides.wind_height_m = 10.0;
  overrides.latitude_deg = 42.3;
  expect_value_or_input_error(
      [&] { return egin::agromet::parse_daily_weather_csv(text, source, overrides); });
  expect_value_or_input_error(
      [&] { return egin::agromet::parse_period_weather_csv(text, source, overrides); });
  return 0;
}
