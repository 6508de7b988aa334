// Closed-loop speed: one week of the climate computer driving the greenhouse twin
// (runtime/twin_climate_loop.hpp) at its 5-minute step — simulated sensors, controller with its
// safety layer, actuator travel, twin advance — for the Korean-style multi-span greenhouse in
// Turkistan weather with its tomato settings, a January and a July week (the tests' weeks).
// Read the time per item as one week (2016 control steps).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "egin/agromet/weather_csv.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/core/clock.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/runtime/twin_climate_loop.hpp"

namespace {

std::string source(const std::string& rel) { return std::string(EGIN_SOURCE_DIR) + "/" + rel; }

void BM_ClosedLoopWeek(benchmark::State& state, const char* start_iso) {
  const auto series =
      egin::agromet::read_period_weather_csv(source("data/weather/shardara_wgen_2025_hourly.csv"));
  egin::runtime::TwinClimateLoopConfig c;
  c.design = egin::greenhouse::read_design("turkistan-korean-multispan", source("data/greenhouses"))
                 .design;
  c.settings = egin::control::load_controller_settings(
      source("data/controllers/turkistan-korean-tomato.toml"));
  c.weather = std::make_shared<egin::greenhouse::WeatherForcing>(
      egin::greenhouse::WeatherForcing::from_series(series, c.design.soil));
  c.site = {series.site.latitude_deg, series.site.longitude_deg, 300};
  c.start_utc_s = static_cast<double>(*egin::parse_iso_time_ms(start_iso)) / 1000.0;
  for (auto _ : state) {
    egin::runtime::TwinClimateLoop loop(c);
    loop.advance(7.0 * 86400.0);
    benchmark::DoNotOptimize(loop.totals().heat_pipe_j_m2);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK_CAPTURE(BM_ClosedLoopWeek, January, "2025-01-10T00:00+05:00")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ClosedLoopWeek, July, "2025-07-10T00:00+05:00")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
