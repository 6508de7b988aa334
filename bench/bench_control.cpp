// Climate computer speed: ns per controller step (settings, time, site and measurements in;
// commands, alarms and explanation out) with the shipped Turkistan and GreenLight Venlo settings
// over a synthetic year of 5-minute steps (every rule active somewhere: heating nights, vented
// and fogged afternoons, lamps, a storm hour and a silent sensor each day); 400 zones stepped in
// turn, each with its own state (a site with hundreds of zones on one core); and the text
// explanation, which the step itself does not build. Target: ≤ 10 µs per step.
// Read "ns/step" as 1e9 / items_per_second.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "egin/control/climate_controller.hpp"
#include "egin/control/explain.hpp"
#include "egin/control/settings_toml.hpp"

namespace ctl = egin::control;

namespace {

constexpr egin::TimeMs kStepMs = 5 * egin::kMsPerMinute;
constexpr egin::TimeMs kYearStart = 1'735'671'600'000;  // 2025-01-01T00:00 at UTC+5

const ctl::SiteInfo kSite{43.3, 68.25, 300};

ctl::Measurements weather(egin::TimeMs now) {
  const double day_of_year = static_cast<double>(now - kYearStart) / egin::kMsPerDay;
  const double h = std::fmod(day_of_year, 1.0) * 24.0;
  const double season = -std::cos(2.0 * std::numbers::pi * day_of_year / 365.0);
  const double sun =
      std::max(0.0, std::sin(std::numbers::pi * (h - 7.0 + season) / (10.0 + 4.0 * season)));
  const double t_out = 13.0 + 16.0 * season + 7.0 * std::sin(std::numbers::pi * (h - 9.0) / 12.0);
  const double iglob = (500.0 + 350.0 * season) * sun;
  ctl::Measurements m;
  const auto good = [&](double v) { return ctl::good_reading(v, now); };
  m.t_air_c = good(std::max(t_out + 4.0 + iglob / 120.0, 12.0 + 2.0 * sun));
  m.rh_air_pct = good(90.0 - 35.0 * sun);
  m.co2_air_ppm = good(420.0 + 300.0 * (1.0 - sun));
  m.t_out_c = good(t_out);
  m.rh_out_pct = good(70.0 - 30.0 * sun);
  m.iglob_w_m2 = good(iglob);
  m.wind_m_s = good(h > 15.0 && h < 16.0 ? 18.0 : 3.0);
  m.rain_mm_h = good(h > 3.0 && h < 4.0 ? 1.0 : 0.0);
  m.t_pipe_c = good(40.0);
  m.vent_lee_open_frac = good(0.2);
  m.vent_wind_open_frac = good(0.1);
  m.screen_energy_closed_frac = good(0.0);
  m.screen_shade_closed_frac = good(0.0);
  if (h > 14.0 && h < 15.0) {
    m.t_air_c.t_ms = now - 3 * egin::kMsPerHour;  // a silent air sensor: the safe state runs
  }
  return m;
}

/// A year of inputs, prepared once so the loop times only the step.
const std::vector<ctl::StepInput>& year_of_inputs() {
  static const std::vector<ctl::StepInput> inputs = [] {
    std::vector<ctl::StepInput> v;
    for (egin::TimeMs t = kYearStart; t < kYearStart + 365 * egin::kMsPerDay; t += kStepMs) {
      v.push_back({t, kSite, weather(t)});
    }
    return v;
  }();
  return inputs;
}

ctl::ControllerSettings load(const char* name) {
  return ctl::load_controller_settings(std::string(EGIN_SOURCE_DIR) + "/data/controllers/" + name);
}

void run_year(benchmark::State& state, const ctl::ControllerSettings& settings) {
  const auto& inputs = year_of_inputs();
  ctl::ControllerState cs;
  std::size_t i = 0;
  for (auto _ : state) {
    const ctl::StepResult r = ctl::step(settings, inputs[i], cs);
    benchmark::DoNotOptimize(r);
    if (++i == inputs.size()) {
      i = 0;
      cs = {};
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_StepTurkistan(benchmark::State& state) {
  run_year(state, load("turkistan-korean-tomato.toml"));
}
BENCHMARK(BM_StepTurkistan);

void BM_StepGreenLightVenlo(benchmark::State& state) {
  run_year(state, load("greenlight-venlo.toml"));
}
BENCHMARK(BM_StepGreenLightVenlo);

/// 400 zones, each with its own state and a shifted clock, stepped in turn.
void BM_Step400Zones(benchmark::State& state) {
  const ctl::ControllerSettings settings = load("turkistan-korean-tomato.toml");
  const auto& inputs = year_of_inputs();
  constexpr std::size_t kZones = 400;
  std::vector<ctl::ControllerState> states(kZones);
  std::size_t k = 0;
  std::size_t zone = 0;
  for (auto _ : state) {
    const ctl::StepResult r =
        ctl::step(settings, inputs[(k + zone * 97) % inputs.size()], states[zone]);
    benchmark::DoNotOptimize(r);
    if (++zone == kZones) {
      zone = 0;
      ++k;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Step400Zones);

void BM_ExplainText(benchmark::State& state) {
  const ctl::ControllerSettings settings = load("turkistan-korean-tomato.toml");
  const auto& inputs = year_of_inputs();
  ctl::ControllerState cs;
  const ctl::StepResult r = ctl::step(settings, inputs[200], cs);
  for (auto _ : state) {
    std::string text = ctl::explain(settings, r, cs, kSite.utc_offset_min);
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ExplainText);

}  // namespace

BENCHMARK_MAIN();
