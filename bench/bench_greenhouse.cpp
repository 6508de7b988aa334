// Speed of the greenhouse twin on GreenLight's 350-day season (SEL2000 weather from 27 September,
// the 4-ha Venlo with LEDs, young crop). Target: a season at 5-minute control steps in ≤ 2 s on
// one core (GreenLight 2.0.5 needs 20–45 minutes for it).
//   BM_Season_GreenLightContinuous   the greenlight controller inside the rates (GreenLight's own
//                                    way), outputs every 5 minutes; args: 0 = CVODES BDF,
//                                    1 = the ESDIRK integrator
//   BM_Season_Held5MinuteControls    100,800 control steps of 5 minutes, controls held over each
//                                    (a climate computer's loop; the trajectories are the first
//                                    benchmark's, recorded once); args: 0 = AutoDiff Jacobian,
//                                    1 = CVODE difference quotients with SUNLinSol_Dense,
//                                    2 = AutoDiff with looser tolerances (rtol 1e-4, 0.03 K),
//                                    3 = AutoDiff without the totals' quadratures,
//                                    4 = the ESDIRK integrator with the totals, 5 = ESDIRK
//                                    without them
//   BM_Season_SampledGreenLightRules the greenlight rules decided once per 5-minute step; args
//                                    as the continuous one
//   BM_Rates / BM_JacobianAutoDiff / BM_JacobianDifferences  one evaluation
#include <benchmark/benchmark.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "egin/agromet/weather_csv.hpp"
#include "egin/greenhouse/climate_rates.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/twin.hpp"

namespace {

namespace gh = egin::greenhouse;

constexpr double kStepS = 300.0;
constexpr int kSteps = 350 * 288;

struct Season {
  gh::DesignFile design;
  gh::GreenhouseModel model;
  std::shared_ptr<const gh::WeatherForcing> weather;
  std::vector<gh::Controls> trajectory;  // the continuous run's controls at each 5-minute step

  Season() {
    const std::string src = EGIN_SOURCE_DIR;
    design = gh::read_design("greenlight-venlo", src + "/data/greenhouses");
    model = gh::make_model(design.design);
    const auto series = egin::agromet::read_period_weather_csv(
        src + "/tests/reference/data/greenlight/weather_sep27_350d.csv");
    weather = std::make_shared<gh::WeatherForcing>(
        gh::WeatherForcing::from_series(series, design.design.soil));
    gh::GreenLightController rules(design.greenlight);
    gh::GreenhouseTwin twin(model, weather, gh::greenlight_initial_state(gh::InitialCrop::kYoung),
                            weather->first_utc_s());
    trajectory.reserve(kSteps);
    for (int i = 0; i < kSteps; ++i) {
      trajectory.push_back(rules.controls(twin.state().data(), twin.outdoor()));
      twin.advance(kStepS, rules);
    }
  }
};

const Season& season() {
  static const Season s;
  return s;
}

void report(benchmark::State& state, const gh::GreenhouseTwin& twin) {
  const gh::SolverStats st = twin.stats();
  state.counters["steps"] = static_cast<double>(st.steps);
  state.counters["rhs"] = static_cast<double>(st.rhs_evaluations);
  state.counters["jacobians"] = static_cast<double>(st.jacobian_evaluations);
  state.counters["lu"] = static_cast<double>(st.linear_setups);
  state.counters["etf"] = static_cast<double>(st.error_test_failures);
  state.counters["ncf"] = static_cast<double>(st.nonlinear_failures);
  state.counters["heat_MJ_m2"] = (twin.totals().heat_pipe_j_m2) / 1e6;
}

void BM_Season_GreenLightContinuous(benchmark::State& state) {
  const Season& s = season();
  gh::GreenLightController rules(s.design.greenlight);
  gh::SolverOptions options;
  if (state.range(0) == 1) options.integrator = gh::Integrator::kEsdirk;
  for (auto _ : state) {
    gh::GreenhouseTwin twin(s.model, s.weather,
                            gh::greenlight_initial_state(gh::InitialCrop::kYoung),
                            s.weather->first_utc_s(), options);
    for (int i = 0; i < kSteps; ++i) twin.advance(kStepS, rules);
    benchmark::DoNotOptimize(twin.state());
    report(state, twin);
  }
}
BENCHMARK(BM_Season_GreenLightContinuous)->Arg(0)->Arg(1)->Unit(benchmark::kSecond)->Iterations(3);

void BM_Season_Held5MinuteControls(benchmark::State& state) {
  const Season& s = season();
  gh::SolverOptions options;
  if (state.range(0) == 1) {
    options.jacobian = gh::JacobianMethod::kDifferenceQuotient;
    options.linear_solver = gh::LinearSolver::kSundialsDense;
  }
  if (state.range(0) == 3 || state.range(0) == 5) options.totals = false;
  if (state.range(0) >= 4) options.integrator = gh::Integrator::kEsdirk;
  if (state.range(0) == 2) {
    options.rtol = 1e-4;
    options.atol_temperature_k = 3e-2;
    options.atol_light_node_k = 3e-2;
  }
  for (auto _ : state) {
    gh::GreenhouseTwin twin(s.model, s.weather,
                            gh::greenlight_initial_state(gh::InitialCrop::kYoung),
                            s.weather->first_utc_s(), options);
    for (int i = 0; i < kSteps; ++i)
      twin.advance(kStepS, s.trajectory[static_cast<std::size_t>(i)]);
    benchmark::DoNotOptimize(twin.state());
    report(state, twin);
  }
}
BENCHMARK(BM_Season_Held5MinuteControls)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->Arg(3)
    ->Arg(4)
    ->Arg(5)
    ->Unit(benchmark::kSecond)
    ->Iterations(3);

void BM_Season_SampledGreenLightRules(benchmark::State& state) {
  const Season& s = season();
  gh::GreenLightController rules(s.design.greenlight);
  gh::SolverOptions options;
  if (state.range(0) == 1) options.integrator = gh::Integrator::kEsdirk;
  for (auto _ : state) {
    gh::GreenhouseTwin twin(s.model, s.weather,
                            gh::greenlight_initial_state(gh::InitialCrop::kYoung),
                            s.weather->first_utc_s(), options);
    for (int i = 0; i < kSteps; ++i) twin.advance(kStepS, rules.decide(twin.outputs(), kStepS));
    benchmark::DoNotOptimize(twin.state());
    report(state, twin);
  }
}
BENCHMARK(BM_Season_SampledGreenLightRules)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kSecond)
    ->Iterations(2);

gh::StateVector busy_state() {
  gh::StateVector x = gh::greenlight_initial_state(gh::InitialCrop::kMature);
  x[gh::kTAir] = 20.0;
  x[gh::kTPipe] = 45.0;
  x[gh::kTLamp] = 30.0;
  return x;
}

void BM_Rates(benchmark::State& state) {
  const Season& s = season();
  const gh::StateVector x = busy_state();
  const gh::OutdoorConditions w = s.weather->at(s.weather->first_utc_s() + 40000.0);
  const gh::Controls u = s.trajectory[100];
  gh::StateVector d{};
  for (auto _ : state) {
    gh::climate_rates(s.model, x.data(), w, u, d.data(), static_cast<gh::Fluxes<double>*>(nullptr));
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_Rates);

void BM_JacobianAutoDiff(benchmark::State& state) {
  const Season& s = season();
  const gh::StateVector x = busy_state();
  const gh::OutdoorConditions w = s.weather->at(s.weather->first_utc_s() + 40000.0);
  const auto u = gh::cast_controls<gh::AdScalar>(s.trajectory[100]);
  std::array<gh::AdScalar, gh::kStateCount> xa;
  std::array<gh::AdScalar, gh::kStateCount> fa;
  for (auto _ : state) {
    for (int i = 0; i < gh::kStateCount; ++i) xa[i] = gh::AdScalar(x[i], gh::kStateCount, i);
    gh::climate_rates(s.model, xa.data(), w, u, fa.data(),
                      static_cast<gh::Fluxes<gh::AdScalar>*>(nullptr));
    benchmark::DoNotOptimize(fa);
  }
}
BENCHMARK(BM_JacobianAutoDiff);

void BM_JacobianDifferences(benchmark::State& state) {
  // What CVODE's dense difference quotients cost at least: one extra evaluation per state.
  const Season& s = season();
  gh::StateVector x = busy_state();
  const gh::OutdoorConditions w = s.weather->at(s.weather->first_utc_s() + 40000.0);
  const gh::Controls u = s.trajectory[100];
  gh::StateVector d{};
  for (auto _ : state) {
    for (int j = 0; j < gh::kStateCount; ++j) {
      x[j] += 1e-6;
      gh::climate_rates(s.model, x.data(), w, u, d.data(),
                        static_cast<gh::Fluxes<double>*>(nullptr));
      x[j] -= 1e-6;
      benchmark::DoNotOptimize(d);
    }
  }
}
BENCHMARK(BM_JacobianDifferences);

}  // namespace

BENCHMARK_MAIN();
