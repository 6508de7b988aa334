// Conservation (balances.hpp): at any state every internal flow leaves one store and enters
// another, so the rate of change of the energy, water and carbon stores equals the boundary
// flows (plus the model's capacity-change terms) to round-off; and over a run the change in the
// stores equals the integrated flows to solver tolerance.
#include "egin/greenhouse/balances.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "egin/greenhouse/climate_rates.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/twin.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

constexpr double kH = 1e-5;  // s, the difference step of store_rate

/// d(store)/dt from the state derivatives, by differentiating the store along dx/dt.
template <typename Store>
double store_rate(const Store& store, const StateVector& x, const StateVector& dxdt) {
  const double h = kH;
  StateVector xp = x;
  StateVector xm = x;
  for (int i = 0; i < kStateCount; ++i) {
    xp[i] += h * dxdt[i];
    xm[i] -= h * dxdt[i];
  }
  return (store(xp) - store(xm)) / (2.0 * h);
}

TEST(Balances, EveryInternalFlowIsCountedTwice) {
  std::mt19937 rng(20250701);
  std::uniform_real_distribution<double> share(0.0, 1.0);
  std::uniform_real_distribution<double> temp(-10.0, 40.0);
  for (const char* name :
       {"greenlight-venlo", "greenlight-venlo-hps", "turkistan-korean-multispan"}) {
    const GreenhouseModel m = make_model(test::design(name).design);
    for (int trial = 0; trial < 20; ++trial) {
      StateVector x =
          greenlight_initial_state(trial % 2 ? InitialCrop::kMature : InitialCrop::kYoung);
      for (int i : {kTAir, kTTop, kTCan, kTCovIn, kTCovE, kTThScr, kTBlScr, kTFlr, kTSo1, kTSo2,
                    kTSo3, kTSo4, kTSo5, kTPipe, kTGroPipe, kTLamp, kTIntLamp}) {
        x[i] = temp(rng);
      }
      x[kTPipe] += 30.0;
      x[kVpAir] = 0.9 * sat_vp_pa(x[kTAir]) * share(rng);
      x[kVpTop] = 0.9 * sat_vp_pa(x[kTTop]) * share(rng);
      x[kCo2Air] = 600.0 + 1500.0 * share(rng);
      x[kCo2Top] = 600.0 + 1500.0 * share(rng);
      Controls u;
      u.boiler_frac = share(rng);
      u.grow_pipe_frac = share(rng);
      u.roof_vent_frac = share(rng);
      u.side_vent_frac = share(rng);
      u.thermal_screen_frac = share(rng);
      u.blackout_screen_frac = share(rng);
      u.shade_screen_frac = share(rng);
      u.co2_dosing_frac = share(rng);
      u.lamp_frac = share(rng);
      u.air_heater_frac = share(rng);
      u.fog_frac = share(rng);
      u.pad_fan_frac = share(rng);
      u.forced_vent_frac = share(rng);
      if (trial % 3 == 0) u.t_pipe_set_c = 55.0;
      OutdoorConditions w = trial % 2 ? test::summer_noon() : test::winter_night();
      StateVector d{};
      Fluxes<double> f;
      climate_rates(m, x.data(), w, u, d.data(), &f);
      // The difference quotient's own round-off: ~1e-16 of the store per step kH.
      auto roundoff = [](double store) { return 1e-15 * std::abs(store) / kH; };
      const double de =
          store_rate([&](const StateVector& s) { return energy_store_j_m2(m, s.data(), u); }, x, d);
      const double e_flow =
          energy_boundary_w_m2(f) + energy_capacity_change_w_m2(m, x.data(), d.data(), f);
      EXPECT_NEAR(de, e_flow,
                  roundoff(energy_store_j_m2(m, x.data(), u)) + 1e-9 * std::abs(f.r_sky_w_m2))
          << name << " trial " << trial;
      const double dw =
          store_rate([&](const StateVector& s) { return water_store_kg_m2(m, s.data()); }, x, d);
      const double w_flow =
          water_boundary_kg_m2_s(f) + water_capacity_change_kg_m2_s(x.data(), d.data(), f);
      EXPECT_NEAR(dw, w_flow,
                  roundoff(water_store_kg_m2(m, x.data())) + 1e-12 * std::abs(f.mv_vent_kg_m2_s))
          << name << " trial " << trial;
      const double dc = store_rate(
          [&](const StateVector& s) { return carbon_store_mg_co2_m2(m, s.data()); }, x, d);
      EXPECT_NEAR(dc, carbon_boundary_mg_co2_m2_s(m, f),
                  roundoff(carbon_store_mg_co2_m2(m, x.data())))
          << name << " trial " << trial;
      // A flux left out of a balance would be far above these: e.g. the sun absorbed.
      EXPECT_GT(std::abs(f.r_sun_absorbed_w_m2) + std::abs(f.r_sky_w_m2),
                1e3 * roundoff(energy_store_j_m2(m, x.data(), u)));
    }
  }
}

TEST(Balances, StoresCloseOverTenDaysToSolverTolerance) {
  // The GreenLight winter run, mature crop (harvest, transpiration, condensation, lamps): the
  // change of each store against the integrated boundary flows. With CVODES's BDF the rules
  // run inside the rates; with the ESDIRK integrator they are sampled every 5 minutes and held
  // (the loop that integrator is for).
  for (const Integrator integrator : {Integrator::kCvodesBdf, Integrator::kEsdirk}) {
    for (const char* period : {"jan01_11d", "jun01_11d"}) {
      const GreenhouseModel m = test::venlo();
      const auto weather = test::sel2000(period);
      const StateVector x0 = greenlight_initial_state(InitialCrop::kMature);
      const SolverOptions tight = test::tight_solver(1e-7, integrator);
      const bool held = integrator == Integrator::kEsdirk;
      GreenhouseTwin twin(m, weather, x0, weather->first_utc_s(), tight);
      GreenLightController controller;
      const Controls none;
      const double e0 = energy_store_j_m2(m, x0.data(), none);
      const double w0 = water_store_kg_m2(m, x0.data());
      const double c0 = carbon_store_mg_co2_m2(m, x0.data());
      if (held) {
        for (int step = 0; step < 10 * 288; ++step) {
          twin.advance(300.0, controller.controls(twin.state().data(), twin.outdoor()));
        }
      } else {
        for (int step = 0; step < 10 * 24; ++step) twin.advance(3600.0, controller);
      }
      const StateVector& x = twin.state();
      const Totals t = twin.totals();
      const double de = energy_store_j_m2(m, x.data(), none) - e0;
      const double dw = water_store_kg_m2(m, x.data()) - w0;
      const double dc = carbon_store_mg_co2_m2(m, x.data()) - c0;
      // Scales: the energy that crossed the boundary, the water transpired, the CO2 dosed.
      const double e_scale = t.heat_pipe_j_m2 + t.lamp_j_m2;
      std::printf(
          "%s%s: energy residual %.3g of %.3g J/m2, water %.3g of %.3g kg/m2, carbon %.3g of %.3g "
          "mg/m2\n",
          held ? "ESDIRK held " : "", period,
          de - t.energy_boundary_j_m2 - t.energy_capacity_change_j_m2, e_scale,
          dw - t.water_boundary_kg_m2 - t.water_capacity_change_kg_m2, t.transpiration_kg_m2,
          dc - t.carbon_boundary_mg_co2_m2, t.co2_dosed_mg_m2);
      EXPECT_NEAR(de, t.energy_boundary_j_m2 + t.energy_capacity_change_j_m2, 2e-5 * e_scale);
      EXPECT_NEAR(dw, t.water_boundary_kg_m2 + t.water_capacity_change_kg_m2,
                  1e-5 * t.transpiration_kg_m2);
      EXPECT_NEAR(dc, t.carbon_boundary_mg_co2_m2, 1e-5 * t.co2_dosed_mg_m2);
      // The capacity-change terms are small against the flows they sit beside.
      EXPECT_LT(std::abs(t.water_capacity_change_kg_m2), 0.01 * t.transpiration_kg_m2);
    }
  }
}

}  // namespace
}  // namespace egin::greenhouse
