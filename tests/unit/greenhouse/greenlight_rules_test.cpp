// GreenLight's rules (greenlight_rules.hpp) against GreenLight 2.0.5's own controls at the start
// of its reference runs (sel2000_led_{winter_jan01,summer_jun01}_10d_5min.csv, first rows), and
// the rules' intent at chosen conditions.
#include "egin/greenhouse/greenlight_rules.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/state.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

Controls at_start(const std::string& period, double t_offset_s) {
  const auto weather = test::sel2000(period);
  const StateVector x = greenlight_initial_state(InitialCrop::kYoung);
  return greenlight_rule_controls(GreenLightRules{},
                                  RuleInputs<double>{x[kTAir], x[kVpAir], x[kCo2Air]},
                                  weather->at(weather->first_utc_s() + t_offset_s));
}

TEST(GreenLightRules, WinterStartAsGreenLight) {
  const Controls u = at_start("jan01_11d", 0.0);
  // GreenLight 2.0.5 at t = 0: uBoil 1, uRoof 9.99999e-07, uThScr 0.999999, uLamp 0, uExtCo2 1.
  EXPECT_NEAR(u.boiler_frac, 1.0, 1e-6);
  EXPECT_NEAR(u.roof_vent_frac, 9.99999e-07, 1e-11);
  EXPECT_NEAR(u.thermal_screen_frac, 0.999999, 1e-6);
  EXPECT_DOUBLE_EQ(u.lamp_frac, 0.0);  // lamps from 0 h, exclusive
  EXPECT_NEAR(u.co2_dosing_frac, 1.0, 1e-9);
  EXPECT_DOUBLE_EQ(u.blackout_screen_frac, 0.0);
  // Five minutes later the lamps are on (GreenLight: uLamp 1).
  EXPECT_NEAR(at_start("jan01_11d", 300.0).lamp_frac, 1.0, 1e-9);
}

TEST(GreenLightRules, SummerStartAsGreenLight) {
  const Controls u = at_start("jun01_11d", 0.0);
  // GreenLight 2.0.5 at t = 0: uBoil 0.999999, uRoof 0.00990099, uThScr 1e-28, uExtCo2 2.5302e-18.
  EXPECT_NEAR(u.boiler_frac, 0.999999, 1e-6);
  EXPECT_NEAR(u.roof_vent_frac, 0.00990099, 1e-8);
  EXPECT_NEAR(u.thermal_screen_frac, 1e-28, 1e-30);
  EXPECT_NEAR(u.co2_dosing_frac, 2.5302e-18, 1e-21);
  EXPECT_DOUBLE_EQ(u.lamp_frac, 0.0);  // the day's radiation sum is above 10 MJ/m²
}

TEST(GreenLightRules, VentsOpenForHeatAndHumidityNotWhenCold) {
  GreenLightRules r;
  OutdoorConditions w = test::summer_noon();
  auto roof = [&](double t_air, double rh) {
    return greenlight_rule_controls(
               r, RuleInputs<double>{t_air, rh / 100.0 * sat_vp_pa(t_air), 700.0}, w)
        .roof_vent_frac;
  };
  // Day set point 19.5 °C, vents from 24.5 °C over a 4-K band (Katzin 2021 p. 119–121).
  EXPECT_LT(roof(22.0, 60.0), 0.05);
  EXPECT_NEAR(roof(26.5, 60.0), 0.5, 0.05);
  EXPECT_GT(roof(30.0, 60.0), 0.98);
  // Humidity above 87 % opens them even when not warm, over a 50 % band: 8 % at 99 % RH…
  EXPECT_NEAR(roof(20.0, 99.0),
              1.0 / (1.0 + std::exp(-2.0 / 50.0 * std::log(100.0) * (99.0 - 87.0 - 25.0))), 1e-3);
  EXPECT_GT(roof(20.0, 99.0), roof(20.0, 85.0));
  // …but not below the heating set point minus 1 K.
  EXPECT_LT(roof(17.0, 99.0), 0.01);
}

}  // namespace
}  // namespace egin::greenhouse
