// ET0 speed: ns per value for the daily FAO-56 Penman-Monteith over a year of varied weather
// (method layer, and the chain of pure equations without the per-site tables), the ASCE methods
// with the full Appendix D Rso, the hourly ASCE ETos over a year of hours, and the daily method
// layer when every input needs its FAO-56 fallback. Target: ≤ 50 ns per daily value on one core.
// Read "ns/value" as 1e9 / items_per_second.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "egin/agromet/atmosphere.hpp"
#include "egin/agromet/et0.hpp"
#include "egin/agromet/humidity.hpp"
#include "egin/agromet/net_radiation.hpp"
#include "egin/agromet/penman_monteith.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/agromet/wind_speed.hpp"

namespace ag = egin::agromet;

namespace {

ag::SiteMeta turkistan() {
  ag::SiteMeta s;
  s.name = "Turkistan region test site";
  s.latitude_deg = 43.3;
  s.longitude_deg = 68.25;
  s.elevation_m = 210.0;
  s.wind_height_m = 10.0;
  return s;
}

/// A year of plausible, varied days (seasonal cycle plus a deterministic wobble).
std::vector<ag::DailyWeather> year_of_days(bool complete) {
  std::vector<ag::DailyWeather> days;
  const egin::Date first(2025, 1, 1);
  for (int i = 0; i < 365; ++i) {
    const double season = std::sin(2.0 * std::numbers::pi * (i - 100) / 365.0);
    const double wobble = std::sin(i * 1.7) * 0.5 + std::cos(i * 0.37) * 0.5;
    ag::DailyWeather d;
    d.date = first + i;
    d.tmax_c = 17.0 + 20.0 * season + 3.0 * wobble;
    d.tmin_c = d.tmax_c - 10.0 - 4.0 * wobble;
    if (complete) {
      d.rh_max_pct = 80.0 - 15.0 * season + 5.0 * wobble;
      d.rh_min_pct = 35.0 - 15.0 * season + 5.0 * wobble;
      d.rs_mj_m2 = 16.0 + 10.0 * season + 3.0 * wobble;
      d.wind_m_s = 3.0 + 1.5 * wobble;
    }
    days.push_back(d);
  }
  return days;
}

void BM_DailyFao56MethodLayer(benchmark::State& state) {
  const auto days = year_of_days(true);
  const ag::DailyEt0Calculator calc(turkistan(), ag::Et0Options{});
  for (auto _ : state) {
    double sum = 0.0;
    for (const auto& d : days) sum += calc.compute(d).et0_mm;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(days.size()));
}
BENCHMARK(BM_DailyFao56MethodLayer);

void BM_DailyFao56PureChain(benchmark::State& state) {
  // Every equation per day, Ra included (no per-site table): the cost of the formulas alone.
  const auto days = year_of_days(true);
  const double lat = ag::degrees_to_radians(43.3);
  const double p = ag::atmospheric_pressure_kpa(210.0);
  const double gamma = ag::psychrometric_constant_kpa_c(p);
  for (auto _ : state) {
    double sum = 0.0;
    for (const auto& d : days) {
      const double t = 0.5 * (d.tmax_c + d.tmin_c);
      const double es = ag::mean_saturation_vapour_pressure_kpa(d.tmax_c, d.tmin_c);
      const double ea = ag::ea_from_rh_max_min_kpa(d.tmax_c, d.tmin_c, d.rh_max_pct, d.rh_min_pct);
      const double ra = ag::extraterrestrial_radiation_daily_mj_m2(lat, d.date.day_of_year());
      const double rso = ag::rso_simple_mj_m2(ra, 210.0);
      const double rnl = ag::net_longwave_daily_mj_m2(d.tmax_c, d.tmin_c, ea,
                                                      ag::cloudiness_factor(d.rs_mj_m2, rso));
      const double rn = ag::net_radiation_mj_m2(ag::net_shortwave_mj_m2(d.rs_mj_m2), rnl);
      sum +=
          ag::penman_monteith_mm(ag::saturation_slope_kpa_c(t), rn, 0.0, gamma, t,
                                 ag::wind_speed_2m_m_s(d.wind_m_s, 10.0), es, ea, ag::kFao56Daily);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(days.size()));
}
BENCHMARK(BM_DailyFao56PureChain);

void BM_DailyAsceEtoFullRso(benchmark::State& state) {
  const auto days = year_of_days(true);
  ag::Et0Options o;
  o.method = ag::Et0Method::kAsceEto;
  o.rso = ag::RsoForm::kFull;
  const ag::DailyEt0Calculator calc(turkistan(), o);
  for (auto _ : state) {
    double sum = 0.0;
    for (const auto& d : days) sum += calc.compute(d).et0_mm;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(days.size()));
}
BENCHMARK(BM_DailyAsceEtoFullRso);

void BM_DailyFao56WithFallbacks(benchmark::State& state) {
  // Temperatures only: Rs from the range (Eq. 50), ea from Tmin (Eq. 48), wind 2 m/s.
  const auto days = year_of_days(false);
  const ag::DailyEt0Calculator calc(turkistan(), ag::Et0Options{});
  for (auto _ : state) {
    double sum = 0.0;
    for (const auto& d : days) sum += calc.compute(d).et0_mm;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(days.size()));
}
BENCHMARK(BM_DailyFao56WithFallbacks);

void BM_HourlyAsceEtoFullRso(benchmark::State& state) {
  std::vector<ag::PeriodWeather> hours;
  const std::int64_t start =
      static_cast<std::int64_t>(egin::Date(2025, 1, 1).days_since_epoch()) * 86400 - 5 * 3600;
  for (int h = 0; h < 8760; ++h) {
    const double day = std::sin(2.0 * std::numbers::pi * ((h % 24) - 6) / 24.0);
    const double season = std::sin(2.0 * std::numbers::pi * (h / 24 - 100) / 365.0);
    ag::PeriodWeather p;
    p.start_utc_s = start + static_cast<std::int64_t>(h) * 3600;
    p.utc_offset_s = 5 * 3600;
    p.t_out_c = 15.0 + 18.0 * season + 6.0 * day;
    p.rh_out_pct = 55.0 - 20.0 * day;
    p.rs_mj_m2 = day > 0.0 ? (2.0 + 1.2 * season) * day : 0.0;
    p.wind_m_s = 2.5 + std::sin(h * 0.3);
    hours.push_back(p);
  }
  ag::Et0Options o;
  o.method = ag::Et0Method::kAsceEto;
  o.rso = ag::RsoForm::kFull;
  for (auto _ : state) {
    ag::PeriodEt0Calculator calc(turkistan(), o);
    double sum = 0.0;
    for (const auto& p : hours) sum += calc.compute(p).et0_mm;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(hours.size()));
}
BENCHMARK(BM_HourlyAsceEtoFullRso);

void BM_DailyCalculatorSetup(benchmark::State& state) {
  // Building the per-site table (366 days of Ra, N, sin β24): paid once per site and method.
  for (auto _ : state) {
    const ag::DailyEt0Calculator calc(turkistan(), ag::Et0Options{});
    benchmark::DoNotOptimize(&calc);
  }
}
BENCHMARK(BM_DailyCalculatorSetup);

}  // namespace

BENCHMARK_MAIN();
