// Speed of the FAO-56 field water balance on pyfao56's test01 case (cotton, Maricopa 2013, dry
// treatment, 200 days), reported per field-day (the "field_day" counter, inverted: time per
// field-day). Target: ≤ 1 µs per field-day on the hot loop.
//   BM_Cotton2013DrySeason          one field, the hot loop (run_days over prepared inputs)
//   BM_Cotton2013DrySeasonWhole     one field, run_season: inputs prepared and records allocated
//   BM_Cotton2013DryBatch1000Fields 1000 fields (soils and p varied), hot loop, one buffer
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "egin/core/date.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"
#include "egin/fieldwater/season.hpp"

namespace {

namespace fw = egin::fieldwater;

struct Case {
  fw::WaterBalanceParameters params;
  fw::pyfao56::WeatherFile weather;
  std::vector<fw::IrrigationEvent> events;
  egin::Date start = *egin::Date::parse("2013-113");
  egin::Date end = *egin::Date::parse("2013-312");
  std::vector<fw::DayInputs> days;
  fw::WaterBalanceOptions options;

  Case() {
    const std::string dir =
        std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/pyfao56/test01_cotton2013/";
    params = fw::pyfao56::read_parameters(dir + "cotton2013.par").parameters;
    weather = fw::pyfao56::read_weather(dir + "cotton2013.wth");
    events = fw::pyfao56::read_irrigation(dir + "cottondry2013.irr").events;
    days = fw::prepare_season_inputs(weather.series, start, end);
    options.reference_crop = weather.reference;
  }
};

const Case& cotton() {
  static const Case c;
  return c;
}

void set_field_days(benchmark::State& state, double field_days_per_iteration) {
  state.counters["field_day"] =
      benchmark::Counter(field_days_per_iteration, benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

void BM_Cotton2013DrySeason(benchmark::State& state) {
  const Case& c = cotton();
  fw::RecordedIrrigation irrigation(c.events);
  std::vector<fw::DayRecord> out(c.days.size());
  const fw::WaterBalanceState start = fw::initial_state(c.params);
  for (auto _ : state) {
    irrigation.rewind();
    const fw::WaterBalanceState end =
        fw::run_days(c.params, c.options, start, c.days, irrigation, out);
    benchmark::DoNotOptimize(end.dr_mm);
    benchmark::ClobberMemory();
  }
  set_field_days(state, static_cast<double>(c.days.size()));
}
BENCHMARK(BM_Cotton2013DrySeason);

void BM_Cotton2013DrySeasonWhole(benchmark::State& state) {
  const Case& c = cotton();
  for (auto _ : state) {
    fw::RecordedIrrigation irrigation(c.events);
    const fw::SeasonResult r =
        fw::run_season(c.params, c.options, c.weather.series, c.start, c.end, irrigation);
    benchmark::DoNotOptimize(r.summary.eta_mm);
  }
  set_field_days(state, static_cast<double>(c.days.size()));
}
BENCHMARK(BM_Cotton2013DrySeasonWhole);

void BM_Cotton2013DryBatch1000Fields(benchmark::State& state) {
  const Case& c = cotton();
  constexpr std::size_t kFields = 1000;
  std::vector<fw::WaterBalanceParameters> params(kFields, c.params);
  std::vector<fw::RecordedIrrigation> irrigation;
  irrigation.reserve(kFields);
  std::vector<fw::WaterBalanceState> starts;
  for (std::size_t f = 0; f < kFields; ++f) {
    // Soils from 0.20 to 0.25 m3/m3 at field capacity, p from 0.55 to 0.75.
    params[f].theta_fc_m3_m3 = 0.20 + 0.05 * static_cast<double>(f % 11) / 10.0;
    params[f].p_base = 0.55 + 0.2 * static_cast<double>(f % 7) / 6.0;
    fw::validate_parameters(params[f]);
    irrigation.emplace_back(c.events);
    starts.push_back(fw::initial_state(params[f]));
  }
  std::vector<fw::DayRecord> out(c.days.size() * kFields);
  for (auto _ : state) {
    double total = 0.0;
    for (std::size_t f = 0; f < kFields; ++f) {
      irrigation[f].rewind();
      const fw::WaterBalanceState end =
          fw::run_days(params[f], c.options, starts[f], c.days, irrigation[f],
                       std::span(out).subspan(f * c.days.size(), c.days.size()));
      total += end.dr_mm;
    }
    benchmark::DoNotOptimize(total);
    benchmark::ClobberMemory();
  }
  set_field_days(state, static_cast<double>(c.days.size() * kFields));
}
BENCHMARK(BM_Cotton2013DryBatch1000Fields)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
