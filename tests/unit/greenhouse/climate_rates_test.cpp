// The climate rates (climate_rates.hpp): the AutoDiff Jacobian against central differences, the
// two instantiations giving the same values, GreenLight 2.0's first derivatives, and the
// hot-climate equipment doing what its physics says.
#include "egin/greenhouse/climate_rates.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "egin/greenhouse/greenlight_rules.hpp"
#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/state.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

StateVector rates(const GreenhouseModel& m, const StateVector& x, const OutdoorConditions& w,
                  const Controls& u, Fluxes<double>* f = nullptr) {
  StateVector d{};
  climate_rates(m, x.data(), w, u, d.data(), f);
  return d;
}

StateVector warm_mature_state() {
  StateVector x = greenlight_initial_state(InitialCrop::kMature);
  x[kTAir] = 21.0;
  x[kTTop] = 19.5;
  x[kTCan] = 20.2;
  x[kTCovIn] = 12.0;
  x[kTCovE] = 10.0;
  x[kTThScr] = 17.0;
  x[kTBlScr] = 18.0;
  x[kTFlr] = 18.5;
  x[kTPipe] = 45.0;
  x[kTGroPipe] = 30.0;
  x[kTLamp] = 35.0;
  x[kTIntLamp] = 24.0;
  x[kVpAir] = 1900.0;
  x[kVpTop] = 1600.0;
  x[kCo2Air] = 1500.0;
  x[kCo2Top] = 1200.0;
  x[kTCan24] = 20.0;
  return x;
}

Controls busy_controls() {
  Controls u;
  u.boiler_frac = 0.4;
  u.roof_vent_frac = 0.12;
  u.thermal_screen_frac = 0.7;
  u.blackout_screen_frac = 0.3;
  u.co2_dosing_frac = 0.6;
  u.lamp_frac = 1.0;
  u.grow_pipe_frac = 0.5;
  return u;
}

TEST(ClimateRates, AutoDiffJacobianMatchesCentralDifferences) {
  const GreenhouseModel m = test::venlo();
  for (const OutdoorConditions& w : {test::winter_night(), test::summer_noon()}) {
    const StateVector x = warm_mature_state();
    const Controls u = busy_controls();
    std::array<AdScalar, kStateCount> xa;
    std::array<AdScalar, kStateCount> fa;
    for (int i = 0; i < kStateCount; ++i) xa[i] = AdScalar(x[i], kStateCount, i);
    climate_rates(m, xa.data(), w, cast_controls<AdScalar>(u), fa.data(),
                  static_cast<Fluxes<AdScalar>*>(nullptr));
    const StateVector f0 = rates(m, x, w, u);
    for (int j = 0; j < kStateCount; ++j) {
      const double h = 1e-5 * std::max(1.0, std::abs(x[j]));
      StateVector xp = x;
      StateVector xm = x;
      xp[j] += h;
      xm[j] -= h;
      const StateVector fp = rates(m, xp, w, u);
      const StateVector fm = rates(m, xm, w, u);
      for (int i = 0; i < kStateCount; ++i) {
        EXPECT_DOUBLE_EQ(fa[i].value(), f0[i]) << "value of " << state_info()[i].name;
        const double fd = (fp[i] - fm[i]) / (2.0 * h);
        const double ad = fa[i].derivatives()[j];
        EXPECT_NEAR(ad, fd, 1e-5 * std::abs(fd) + 1e-8 * (1.0 + std::abs(f0[i])))
            << "d " << state_info()[i].name << " / d " << state_info()[j].name;
      }
    }
  }
}

TEST(ClimateRates, GreenLightFirstDerivativesOfTheWinterRun) {
  // GreenLight 2.0.5's winter run (sel2000_led_winter_jan01_10d_5min.csv) at t = 0: its
  // controls and weather, and its reported fluxes, from the initial state.
  const GreenhouseModel m = test::venlo();
  const auto weather = test::sel2000("jan01_11d");
  const OutdoorConditions w = weather->at(weather->first_utc_s());
  const StateVector x = greenlight_initial_state(InitialCrop::kYoung);
  const Controls u = greenlight_rule_controls(
      GreenLightRules{}, RuleInputs<double>{x[kTAir], x[kVpAir], x[kCo2Air]}, w);
  Fluxes<double> f;
  rates(m, x, w, u, &f);
  EXPECT_NEAR(f.h_boil_pipe_w_m2, 300.0, 1e-3);               // hBoilPipe 300
  EXPECT_NEAR(f.mc_ext_air_mg_m2_s, 5.14, 1e-6);              // mcExtAir 5.14
  EXPECT_NEAR(f.mv_can_air_kg_m2_s, 4.64225e-07, 1e-11);      // mvCanAir 4.64225e-07
  EXPECT_NEAR(f.lai, 0.116189, 1e-6);                         // lai
  EXPECT_NEAR(co2_ppm(x[kTAir], x[kCo2Air]), 389.921, 1e-3);  // co2InPpm
}

TEST(ClimateRates, FogAndPadCoolTheAirAndWetIt) {
  // Vanthoor 2011 §8.10.4 and §8.10.6 in the Turkistan house on a hot afternoon.
  const GreenhouseModel m = make_model(test::design("turkistan-korean-multispan").design);
  const OutdoorConditions w = test::summer_noon();
  StateVector x = warm_mature_state();
  x[kTAir] = 34.0;
  x[kTTop] = 35.0;
  x[kVpAir] = 2000.0;
  Controls base;
  base.roof_vent_frac = 1.0;
  base.side_vent_frac = 1.0;
  Fluxes<double> f0;
  const StateVector d0 = rates(m, x, w, base, &f0);
  Controls fog = base;
  fog.fog_frac = 1.0;
  Fluxes<double> ff;
  const StateVector df = rates(m, x, w, fog, &ff);
  EXPECT_LT(df[kTAir], d0[kTAir]);    // latent heat taken from the air (Vanthoor p. 222)
  EXPECT_GT(df[kVpAir], d0[kVpAir]);  // vapour added (Eq. 8.64)
  EXPECT_NEAR(ff.mv_fog_air_kg_m2_s, m.design.hot_climate.fog_capacity_kg_m2_s, 1e-15);
  Controls pad = base;
  pad.roof_vent_frac = 0.0;
  pad.side_vent_frac = 0.0;
  pad.pad_fan_frac = 1.0;
  Controls closed = pad;
  closed.pad_fan_frac = 0.0;
  Fluxes<double> fp;
  const StateVector dp = rates(m, x, w, pad, &fp);
  const StateVector dc = rates(m, x, w, closed);
  EXPECT_LT(dp[kTAir], dc[kTAir]);  // air through a wet pad cools the house
  EXPECT_GT(fp.mv_pad_evaporation_kg_m2_s, 0.0);
  EXPECT_NEAR(fp.f_pad_m3_m2_s, m.design.hot_climate.pad_air_flow_m3_m2_s, 1e-15);
  // Sensible heat the pad air brings in, Eq. 8.60: f (ρ c_p T_Out − ΔH ρ η Δx).
  const double rho = 28.96 * m.derived.pressure_pa / ((x[kTAir] + 273.15) * 8314.0);
  const double x_out = 18.0 / 29.0 * w.vp_out_pa / (101325.0 - w.vp_out_pa);
  const double evap = m.design.hot_climate.pad_efficiency * (w.x_pad_kg_kg - x_out);
  EXPECT_NEAR(fp.h_pad_air_w_m2,
              fp.f_pad_m3_m2_s * (rho * 1000.0 * w.t_out_c - 2.45e6 * rho * evap), 1e-9);
}

TEST(ClimateRates, AbsentEquipmentIgnoresItsControls) {
  // The Turkistan design has no lamps, no blackout screen, no grow pipes: their controls do
  // nothing; the Venlo has no fogging and no pad.
  const GreenhouseModel k = make_model(test::design("turkistan-korean-multispan").design);
  const GreenhouseModel v = test::venlo();
  const StateVector x = warm_mature_state();
  const OutdoorConditions w = test::winter_night();
  Controls none;
  Controls lamps;
  lamps.lamp_frac = 1.0;
  lamps.blackout_screen_frac = 1.0;
  lamps.grow_pipe_frac = 1.0;
  EXPECT_EQ(rates(k, x, w, none), rates(k, x, w, lamps));
  Controls cooling;
  cooling.fog_frac = 1.0;
  cooling.pad_fan_frac = 1.0;
  EXPECT_EQ(rates(v, x, w, none), rates(v, x, w, cooling));
  // Out-of-range shares are clamped to [0, 1].
  Controls over;
  over.boiler_frac = 3.0;
  Controls full;
  full.boiler_frac = 1.0;
  EXPECT_EQ(rates(v, x, w, over), rates(v, x, w, full));
}

}  // namespace
}  // namespace egin::greenhouse
