// Speed of batch schedules (fieldwater/batch.hpp): 1000 fields, each the cotton example of
// data/examples with its soil and area varied, scheduled over a season (planting 2025-04-25 to
// 2025-10-06 observed, 7 days projected) on the sample weather, on 1 and 2 threads. Reported as
// field-days per second ("field_days" counter, a rate over wall time) — every field-day is one
// water-balance step plus the strategy's look-ahead steps.
//   BM_Batch1000Fields/threads:N   run_batch_fields, N worker threads (wall time)
//   BM_RefillStrategySeason        one field, the hot loop (run_days) with the refill strategy
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/date.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/batch.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/field_weather.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/soils/soil_library.hpp"

namespace {

namespace fw = egin::fieldwater;

struct Case {
  std::vector<fw::FieldConfig> fields;
  fw::PreparedWeather weather;
  fw::ScheduleRequest request;
  double field_days = 0.0;  // per batch run

  Case() {
    const std::string data = std::string(EGIN_SOURCE_DIR) + "/data";
    const auto crops = egin::crops::CropLibrary::load_directory(data + "/crops");
    const auto soils = egin::soils::SoilLibrary::load_directory(data + "/soils");
    const fw::FieldConfig cotton =
        fw::load_field_config(data + "/examples/cotton_furrow.toml", crops, soils);
    weather = fw::prepare_field_weather(
        egin::agromet::read_daily_weather_csv(data + "/weather/shardara_2025_daily.csv"),
        egin::agromet::Et0Method::kFao56, nullptr);
    const auto& classes = soils.soils();
    for (int i = 0; i < 1000; ++i) {
      fw::FieldConfig f = cotton;
      const auto& soil = classes[static_cast<std::size_t>(i) % classes.size()];
      f.params.theta_fc_m3_m3 = soil.theta_fc_m3_m3;
      f.params.theta_wp_m3_m3 = soil.theta_wp_m3_m3;
      f.params.theta0_m3_m3 = soil.theta_fc_m3_m3;
      f.params.rew_mm = soil.rew_mm;
      f.area_ha = 1.0 + static_cast<double>(i % 40);
      fields.push_back(f);
    }
    request.as_of = *egin::Date::parse("2025-10-06");
    request.days_ahead = 7;
    field_days = 1000.0 * (static_cast<double>(*request.as_of - cotton.planting + 1) +
                           static_cast<double>(request.days_ahead));
  }
};

const Case& batch_case() {
  static const Case c;
  return c;
}

void BM_Batch1000Fields(benchmark::State& state) {
  const Case& c = batch_case();
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto rows = fw::run_batch_fields(c.fields, c.weather.series, nullptr, c.request, threads);
    benchmark::DoNotOptimize(rows.data());
  }
  state.counters["field_days"] =
      benchmark::Counter(c.field_days, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Batch1000Fields)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_RefillStrategySeason(benchmark::State& state) {
  const Case& c = batch_case();
  const fw::FieldConfig& f = c.fields.front();
  const auto days =
      fw::prepare_season_inputs(c.weather.series, f.planting, *egin::Date::parse("2025-10-06"));
  std::vector<fw::DayRecord> out(days.size());
  const fw::WaterBalanceState start = fw::initial_state(f.params);
  for (auto _ : state) {
    fw::IrrigationStrategy strategy = fw::make_field_strategy(f, f.planting);
    strategy.set_outlook(days);
    const fw::WaterBalanceState end = fw::run_days(f.params, f.options, start, days, strategy, out);
    benchmark::DoNotOptimize(end.dr_mm);
  }
  state.counters["field_day"] = benchmark::Counter(
      static_cast<double>(days.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RefillStrategySeason);

}  // namespace

BENCHMARK_MAIN();
