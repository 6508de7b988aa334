// Weather generator and disaggregator speed: simulated years per second of the WGEN-type daily
// generator (agromet/weather_generator.hpp) from the Shardara normals (temperature and
// precipitation) and from complete normals (plus radiation, humidity, wind); and days per
// second of the disaggregator (agromet/weather_disaggregator.hpp) to hours and to 5 minutes,
// with and without writing the CSV. Read the rates in the "years/s" and "days/s" counters.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>

#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/weather_csv_writer.hpp"
#include "egin/agromet/weather_disaggregator.hpp"
#include "egin/agromet/weather_generator.hpp"

namespace ag = egin::agromet;

namespace {

const char* kComplete = R"([site]
name = "Bench station"
latitude_deg = 42.3
longitude_deg = 69.6
elevation_m = 600
wind_height_m = 10
[monthly]
tmax_c = [4.5, 6.5, 13.6, 20.5, 26.5, 32.1, 34.5, 33.6, 27.9, 19.7, 11.8, 5.6]
tmin_c = [-4.0, -2.6, 3.0, 8.8, 13.1, 17.4, 19.3, 17.6, 11.9, 6.1, 1.6, -2.3]
precip_mm = [55, 60, 80, 75, 50, 15, 5, 3, 6, 35, 50, 60]
wet_days_ge_1mm = [9, 9, 10, 9, 7, 3, 1.2, 0.8, 1.3, 5, 8, 9]
rs_mj_m2 = [7.5, 10.5, 14.0, 18.5, 23.5, 27.0, 27.0, 24.0, 19.0, 13.0, 8.5, 6.5]
rh_mean_pct = [76, 74, 68, 62, 52, 38, 34, 36, 42, 56, 70, 77]
wind_m_s = [2.1, 2.3, 2.6, 2.7, 2.5, 2.4, 2.3, 2.2, 2.0, 1.9, 2.0, 2.1]
)";

ag::ClimateNormals shardara() {
  return ag::read_climate_normals(std::string(EGIN_SOURCE_DIR) +
                                  "/data/weather/shardara_normals.toml");
}

void generate_years(benchmark::State& state, const ag::ClimateNormals& normals) {
  ag::WeatherGeneratorOptions o;
  o.years = static_cast<int>(state.range(0));
  std::uint64_t seed = 1;
  for (auto _ : state) {
    o.seed = seed++;
    const ag::GeneratedWeather g = ag::generate_daily_weather(normals, o);
    benchmark::DoNotOptimize(g.series.days.data());
  }
  state.counters["years/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * o.years,
                                                 benchmark::Counter::kIsRate);
}

void BM_GenerateShardara(benchmark::State& state) { generate_years(state, shardara()); }
BENCHMARK(BM_GenerateShardara)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_GenerateCompleteNormals(benchmark::State& state) {
  generate_years(state, ag::parse_climate_normals_toml(kComplete, "bench.toml"));
}
BENCHMARK(BM_GenerateCompleteNormals)->Arg(100)->Unit(benchmark::kMillisecond);

ag::DailyWeatherSeries ten_years() {
  ag::WeatherGeneratorOptions o;
  o.years = 10;
  o.seed = 5;
  return ag::generate_daily_weather(ag::parse_climate_normals_toml(kComplete, "bench.toml"), o)
      .series;
}

void BM_Disaggregate(benchmark::State& state) {
  const ag::DailyWeatherSeries daily = ten_years();
  ag::DisaggregationOptions o;
  o.step_s = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const ag::DisaggregationResult r = ag::disaggregate_daily_weather(daily, o);
    benchmark::DoNotOptimize(r.series.periods.data());
  }
  state.counters["days/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * daily.days.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Disaggregate)->Arg(3600)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_DisaggregateAndWriteCsv(benchmark::State& state) {
  const ag::DailyWeatherSeries daily = ten_years();
  ag::DisaggregationOptions o;
  o.step_s = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const ag::DisaggregationResult r = ag::disaggregate_daily_weather(daily, o);
    std::ostringstream out;
    ag::write_period_weather_csv(out, r.series);
    benchmark::DoNotOptimize(out.str().size());
  }
  state.counters["days/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * daily.days.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DisaggregateAndWriteCsv)->Arg(3600)->Arg(300)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
