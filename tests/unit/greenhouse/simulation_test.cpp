// The simulation loop (simulation.hpp): summary totals from the flux integrals, consistent with
// the series; bands; the replay controller.
#include "egin/greenhouse/simulation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

TEST(Simulation, SummaryAgreesWithTheSeries) {
  const GreenhouseModel m = test::venlo();
  const auto w = test::sel2000("jan01_11d");
  GreenLightController rules;
  SimulationOptions o;
  o.duration_s = 2.0 * 86400.0;
  o.step_s = 300.0;
  int rows = 0;
  double heat_rect_j = 0.0;
  double lamp_rect_j = 0.0;
  double last_t = 0.0;
  const SeasonSummary s = run_simulation(m, w, rules, o, [&](const Outputs& out) {
    if (rows > 0) {
      heat_rect_j += out.heating_w_m2 * 300.0;
      lamp_rect_j += out.lamp_w_m2 * 300.0;
    }
    last_t = out.time_utc_s;
    ++rows;
  });
  EXPECT_EQ(rows, 2 * 288 + 1);
  EXPECT_DOUBLE_EQ(last_t, w->first_utc_s() + 2.0 * 86400.0);
  EXPECT_DOUBLE_EQ(s.days, 2.0);
  // Integrals against sums of the 5-minute samples: close, not equal.
  EXPECT_NEAR(s.heating_mj_m2, heat_rect_j / 1e6, 0.05 * s.heating_mj_m2);
  EXPECT_NEAR(s.lamp_electricity_mj_m2, lamp_rect_j / 1e6, 0.02 * s.lamp_electricity_mj_m2);
  // Two winter days of LEDs at 66.7 W/m² for 18 h: 8.64 MJ/m².
  EXPECT_NEAR(s.lamp_electricity_mj_m2, 2.0 * 18.0 * 3600.0 * 200.0 / 3.0 / 1e6, 0.05);
  EXPECT_GT(s.heating_mj_m2, 3.0);
  EXPECT_GT(s.co2_dosed_kg_m2, 0.0);
  EXPECT_GT(s.transpiration_l_m2, 0.0);
  EXPECT_DOUBLE_EQ(s.fresh_fruit_kg_m2, s.totals.fruit_harvest_mg_m2 / 1e6 / 0.06);
  EXPECT_NEAR(s.mean_t_air_c, 19.4, 1.0);
}

TEST(Simulation, BandsCountHours) {
  const GreenhouseModel m = test::venlo();
  const auto w = test::sel2000("jan01_11d");
  ReplayController off(
      ControlsSeries::parse("time,boiler_frac\n2001-01-01T00:00+01:00,0\n", "off.csv"));
  SimulationOptions o;
  o.duration_s = 86400.0;
  o.step_s = 600.0;
  const SeasonSummary s = run_simulation(m, w, off, o);
  // No heating in a Dutch January: the house drops below 15 °C within hours and stays there.
  EXPECT_GT(s.hours_below_t_band, 18.0);
  EXPECT_LE(s.hours_below_t_band, 24.0);
  EXPECT_DOUBLE_EQ(s.hours_above_t_band, 0.0);
  EXPECT_DOUBLE_EQ(s.heating_mj_m2, 0.0);
}

}  // namespace
}  // namespace egin::greenhouse
