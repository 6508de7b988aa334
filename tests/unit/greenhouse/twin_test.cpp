// The twin (twin.hpp): finite and physical from −30 to +48 °C outdoors, the two Jacobians giving
// the same run, the two integrators giving the same run, sampled and continuous control mixing,
// and step-by-step use.
#include "egin/greenhouse/twin.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <utility>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/physics.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

/// Five days of hourly weather at a constant air temperature with a clear-sky sun cycle.
std::shared_ptr<const WeatherForcing> constant_weather(double t_out_c, double rh_pct) {
  agromet::PeriodWeatherSeries s;
  s.source = "synthetic";
  s.site.latitude_deg = 42.3;
  s.site.longitude_deg = 69.6;
  const std::int64_t t0 = 1751223600;  // 2025-06-29T19:00Z = 30 June 00:00 +05:00
  for (int h = 0; h <= 5 * 24; ++h) {
    agromet::PeriodWeather p;
    p.start_utc_s = t0 + 3600LL * h;
    p.utc_offset_s = 18000;
    p.period_s = 3600.0;
    p.t_out_c = t_out_c;
    p.rh_out_pct = rh_pct;
    const double hour = std::fmod(h, 24.0);
    p.rs_mj_m2 =
        std::max(0.0, 900.0 * std::sin(std::numbers::pi * (hour - 6.0) / 13.0)) * 3600.0 / 1e6;
    p.wind_m_s = 3.0;
    s.periods.push_back(p);
  }
  return std::make_shared<WeatherForcing>(WeatherForcing::from_series(s, SoilDesign{}));
}

void expect_physical(const StateVector& x, double t_out_c, const char* what) {
  for (int i = 0; i < kStateCount; ++i) {
    ASSERT_TRUE(std::isfinite(x[i])) << what << ": " << state_info()[i].name;
  }
  for (int i :
       {kTAir, kTTop, kTCan, kTCovIn, kTCovE, kTThScr, kTBlScr, kTFlr, kTSo1, kTPipe, kTLamp}) {
    EXPECT_GT(x[i], t_out_c - 35.0) << what << ": " << state_info()[i].name;
    // Pipes run hot on the coldest nights (water up to ~90 °C); everything else stays near the air.
    const double limit = i == kTPipe ? 120.0 : std::max(t_out_c, 20.0) + 60.0;
    EXPECT_LT(x[i], limit) << what << ": " << state_info()[i].name;
  }
  EXPECT_GE(x[kVpAir], 0.0) << what;
  EXPECT_LE(x[kVpAir], 1.1 * sat_vp_pa(x[kTAir])) << what;
  EXPECT_GE(x[kCo2Air], 0.0) << what;
  for (int i : {kCBuf, kCLeaf, kCStem, kCFruit}) EXPECT_GE(x[i], 0.0) << what;
}

TEST(Twin, FiniteAndPhysicalFromMinus30ToPlus48) {
  for (const char* design : {"greenlight-venlo", "turkistan-korean-multispan"}) {
    const DesignFile file = test::design(design);
    const GreenhouseModel m = make_model(file.design);
    for (double t_out : {-30.0, -10.0, 10.0, 30.0, 48.0}) {
      const auto w = constant_weather(t_out, t_out > 30.0 ? 15.0 : 70.0);
      // Closed loop with GreenLight's rules, and free-running with everything shut.
      GreenLightController rules(file.greenlight);
      GreenhouseTwin closed(m, w, greenlight_initial_state(InitialCrop::kMature), w->first_utc_s());
      GreenhouseTwin shut(m, w, greenlight_initial_state(InitialCrop::kYoung), w->first_utc_s());
      for (int step = 0; step < 5 * 24; ++step) {
        closed.advance(3600.0, rules);
        shut.advance(3600.0, Controls{});
      }
      const std::string label = std::string(design) + " at " + std::to_string(t_out) + " °C";
      expect_physical(closed.state(), t_out, (label + ", GreenLight rules").c_str());
      expect_physical(shut.state(), t_out, (label + ", shut").c_str());
      if (t_out <= -10.0) {
        EXPECT_GT(closed.state()[kTAir], 10.0) << label;  // the heating holds the house
      }
    }
  }
}

TEST(Twin, HotAfternoonCoolingWorks) {
  // +45 °C, dry: open vents and shade; fogging or the pad bring the air well below outdoors.
  const GreenhouseModel m = make_model(test::design("turkistan-korean-multispan").design);
  const auto w = constant_weather(45.0, 12.0);
  Controls vents;
  vents.roof_vent_frac = 1.0;
  vents.side_vent_frac = 1.0;
  vents.shade_screen_frac = 1.0;
  Controls fog = vents;
  fog.fog_frac = 1.0;
  Controls pad;
  pad.pad_fan_frac = 1.0;
  pad.shade_screen_frac = 1.0;
  auto afternoon_air = [&](const Controls& u) {
    GreenhouseTwin twin(m, w, greenlight_initial_state(InitialCrop::kMature), w->first_utc_s());
    for (int h = 0; h < 2 * 24 + 15; ++h) twin.advance(3600.0, u);  // to 15:00 on day 3
    return twin.outputs();
  };
  const Outputs v = afternoon_air(vents);
  const Outputs f = afternoon_air(fog);
  const Outputs p = afternoon_air(pad);
  EXPECT_LT(f.t_air_c, v.t_air_c - 1.5);  // 200 g/(m² h) of fog takes ~136 W/m² from the air
  EXPECT_GT(f.rh_air_pct, v.rh_air_pct);
  EXPECT_LT(p.t_air_c, 45.0 - 5.0);
}

TEST(Twin, AutoDiffAndDifferenceQuotientJacobiansGiveTheSameRun) {
  const GreenhouseModel m = test::venlo();
  const auto w = test::sel2000("jan01_11d");
  SolverOptions ad;
  SolverOptions dq;
  dq.jacobian = JacobianMethod::kDifferenceQuotient;
  dq.linear_solver = LinearSolver::kSundialsDense;
  GreenLightController rules;
  GreenhouseTwin a(m, w, greenlight_initial_state(InitialCrop::kYoung), w->first_utc_s(), ad);
  GreenhouseTwin b(m, w, greenlight_initial_state(InitialCrop::kYoung), w->first_utc_s(), dq);
  for (int step = 0; step < 2 * 288; ++step) {
    a.advance(300.0, rules);
    b.advance(300.0, rules);
  }
  EXPECT_NEAR(a.state()[kTAir], b.state()[kTAir], 0.05);
  EXPECT_NEAR(a.state()[kVpAir], b.state()[kVpAir], 5.0);
  EXPECT_NEAR(a.totals().heat_pipe_j_m2, b.totals().heat_pipe_j_m2,
              0.005 * a.totals().heat_pipe_j_m2);
  EXPECT_GT(a.stats().jacobian_evaluations, 0);
}

// The ESDIRK integrator against CVODES's BDF on held 5-minute controls — GreenLight's rules
// sampled from a first (continuous) run, replayed to both — over two winter days: at tight
// tolerances both converge to one solution; at the defaults they differ by their errors.
TEST(Twin, EsdirkAndBdfAgreeOnHeldControls) {
  const GreenhouseModel m = test::venlo();
  const auto w = test::sel2000("jan01_11d");
  const int steps = 2 * 288;
  std::vector<Controls> trajectory;
  {
    GreenLightController rules;
    GreenhouseTwin twin(m, w, greenlight_initial_state(InitialCrop::kMature), w->first_utc_s());
    for (int i = 0; i < steps; ++i) {
      trajectory.push_back(rules.controls(twin.state().data(), twin.outdoor()));
      twin.advance(300.0, rules);
    }
  }
  auto run = [&](Integrator integrator, bool tight) {
    SolverOptions o = tight ? test::tight_solver(1e-8, integrator) : SolverOptions{};
    o.integrator = integrator;
    auto twin = std::make_unique<GreenhouseTwin>(
        m, w, greenlight_initial_state(InitialCrop::kMature), w->first_utc_s(), o);
    std::vector<double> t_air;
    for (const Controls& u : trajectory) {
      twin->advance(300.0, u);
      t_air.push_back(twin->state()[kTAir]);
    }
    return std::make_pair(std::move(twin), t_air);
  };
  auto rel_rmse = [](const std::vector<double>& a, const std::vector<double>& b) {
    double se = 0.0;
    double sr = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      se += (a[i] - b[i]) * (a[i] - b[i]);
      sr += b[i] * b[i];
    }
    return std::sqrt(se / sr);
  };
  // The exact heating: the boiler's held heat flow times 300 s, summed.
  double exact_heat = 0.0;
  for (const Controls& u : trajectory) {
    exact_heat += u.boiler_frac * m.design.pipes.capacity_w_m2 * 300.0;
  }
  // At tight tolerances both converge to one solution: the reference.
  auto [bdf_ref, t_bdf_ref] = run(Integrator::kCvodesBdf, true);
  auto [ref, t_ref] = run(Integrator::kEsdirk, true);
  EXPECT_LT(rel_rmse(t_bdf_ref, t_ref), 1e-4);
  EXPECT_NEAR(bdf_ref->totals().transpiration_kg_m2, ref->totals().transpiration_kg_m2,
              2e-5 * ref->totals().transpiration_kg_m2);
  EXPECT_NEAR(bdf_ref->state()[kCFruit], ref->state()[kCFruit], 1e-7 * ref->state()[kCFruit]);
  EXPECT_NEAR(ref->totals().heat_pipe_j_m2, exact_heat, 1e-6 * exact_heat);
  // At the default tolerances each is within its error of the reference; ESDIRK's heating is
  // the exact sum (its quadrature takes the held flow exactly), BDF's carries its history
  // through the jumps.
  for (const Integrator integrator : {Integrator::kCvodesBdf, Integrator::kEsdirk}) {
    auto [twin, t_air] = run(integrator, false);
    const bool esdirk = integrator == Integrator::kEsdirk;
    const double rmse = rel_rmse(t_air, t_ref);
    const Totals t = twin->totals();
    const double transpiration = t.transpiration_kg_m2 / ref->totals().transpiration_kg_m2 - 1.0;
    const double heat = t.heat_pipe_j_m2 / exact_heat - 1.0;
    std::printf(
        "%s, default tolerances: air T relative RMSE %.3g, transpiration %+.3g, heating "
        "%+.3g, steps %ld\n",
        esdirk ? "ESDIRK" : "BDF", rmse, transpiration, heat, twin->stats().steps);
    EXPECT_LT(rmse, 2.5e-3);
    EXPECT_LT(std::abs(transpiration), 2e-3);
    EXPECT_LT(std::abs(heat), esdirk ? 1e-6 : 3e-3);
    EXPECT_NEAR(twin->state()[kCFruit], ref->state()[kCFruit], 1e-4 * ref->state()[kCFruit]);
    // The point of the one-step method: far fewer steps when the controls jump every 5 minutes.
    if (esdirk) {
      EXPECT_LT(twin->stats().steps, 2 * steps);
    } else {
      EXPECT_GT(twin->stats().steps, 4 * steps);
    }
  }
}

TEST(Twin, EsdirkNeedsTheAutoDiffJacobian) {
  const GreenhouseModel m = test::venlo();
  const auto w = test::sel2000("jan01_11d");
  SolverOptions o;
  o.integrator = Integrator::kEsdirk;
  o.jacobian = JacobianMethod::kDifferenceQuotient;
  EXPECT_THROW(
      GreenhouseTwin(m, w, greenlight_initial_state(InitialCrop::kYoung), w->first_utc_s(), o),
      std::invalid_argument);
}

TEST(Twin, StepsOneControlIntervalAtATime) {
  for (const Integrator integrator : {Integrator::kCvodesBdf, Integrator::kEsdirk}) {
    SCOPED_TRACE(integrator == Integrator::kEsdirk ? "ESDIRK" : "BDF");
    const GreenhouseModel m = test::venlo();
    const auto w = test::sel2000("jun01_11d");
    SolverOptions o;
    o.integrator = integrator;
    GreenhouseTwin twin(m, w, greenlight_initial_state(InitialCrop::kYoung), w->first_utc_s(), o);
    GreenLightController rules;
    const double t0 = twin.time_utc_s();
    Controls u;
    u.roof_vent_frac = 0.5;
    twin.advance(300.0, u);  // sampled
    EXPECT_DOUBLE_EQ(twin.time_utc_s(), t0 + 300.0);
    EXPECT_DOUBLE_EQ(twin.controls().roof_vent_frac, 0.5);
    twin.advance(300.0, rules);  // continuous
    twin.advance(300.0, u);      // sampled again: restarts from the current state
    EXPECT_DOUBLE_EQ(twin.time_utc_s(), t0 + 900.0);
    const Outputs out = twin.outputs();
    EXPECT_DOUBLE_EQ(out.time_utc_s, t0 + 900.0);
    EXPECT_DOUBLE_EQ(out.t_air_c, twin.state()[kTAir]);
    EXPECT_NEAR(out.rh_air_pct, 100.0 * twin.state()[kVpAir] / sat_vp_pa(twin.state()[kTAir]),
                1e-9);
    EXPECT_THROW(twin.advance(0.0, u), std::invalid_argument);
    // Long and short steps land exactly.
    twin.advance(7200.5, u);
    twin.advance(0.25, u);
    EXPECT_DOUBLE_EQ(twin.time_utc_s(), t0 + 900.0 + 7200.75);
    // Moving the twin keeps it working.
    GreenhouseTwin moved = std::move(twin);
    moved.advance(300.0, u);
    EXPECT_DOUBLE_EQ(moved.time_utc_s(), t0 + 900.0 + 7200.75 + 300.0);
    EXPECT_TRUE(std::isfinite(moved.state()[kTAir]));
  }
}

}  // namespace
}  // namespace egin::greenhouse
