// CO2 dosing: the set-point lowered as vents open, the P-band and capacity, light-only dosing,
// the lost sensor, and the daily quota (look-ahead limit, accounting, new day).
#include "egin/control/co2.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

Co2Settings settings() {
  Co2Settings s;
  s.installed = true;
  s.capacity_kg_ha_h = 100.0;
  s.p_band_ppm = 100.0;
  s.vent_reduction_start_frac = 0.05;
  s.vent_reduction_end_frac = 0.3;
  s.reduced_setpoint_ppm = 450.0;
  s.daily_quota_kg_ha = 0.0;
  s.only_in_light = true;
  return s;
}

Co2Inputs inputs(double co2, double vents) {
  Co2Inputs in;
  in.setpoint_ppm = 800.0;
  in.co2_air_ppm = co2;
  in.vent_open_frac = vents;
  in.in_light = true;
  in.nominal_step_s = 300.0;
  return in;
}

TEST(Co2, PBandCapacityAndVentReduction) {
  const Co2State st;
  Co2Output o = co2_step(settings(), inputs(750.0, 0.0), st);
  EXPECT_EQ(o.setpoint_eff_ppm, 800.0);
  EXPECT_DOUBLE_EQ(o.co2_dosing_frac, 0.5);
  EXPECT_DOUBLE_EQ(o.co2_dosing_kg_ha_h, 50.0);
  EXPECT_EQ(co2_step(settings(), inputs(500.0, 0.0), st).co2_dosing_kg_ha_h, 100.0);
  EXPECT_EQ(co2_step(settings(), inputs(820.0, 0.0), st).co2_dosing_frac, 0.0);
  // Vents at 0.175: halfway through 0.05–0.3 → 800 − 0.5 (800 − 450) = 625 ppm.
  o = co2_step(settings(), inputs(600.0, 0.175), st);
  EXPECT_DOUBLE_EQ(o.setpoint_eff_ppm, 625.0);
  EXPECT_DOUBLE_EQ(o.co2_dosing_frac, 0.25);
  EXPECT_DOUBLE_EQ(co2_step(settings(), inputs(600.0, 0.9), st).setpoint_eff_ppm, 450.0);
}

TEST(Co2, OnlyInLightAndNeverBlind) {
  const Co2State st;
  Co2Inputs dark = inputs(400.0, 0.0);
  dark.in_light = false;
  EXPECT_EQ(co2_step(settings(), dark, st).co2_dosing_frac, 0.0);
  EXPECT_EQ(co2_step(settings(), dark, st).reason, Co2Reason::kDark);
  Co2Inputs blind = inputs(400.0, 0.0);
  blind.co2_air_ppm.reset();
  EXPECT_EQ(co2_step(settings(), blind, st).co2_dosing_frac, 0.0);
  EXPECT_EQ(co2_step(settings(), blind, st).reason, Co2Reason::kNoSensor);
}

TEST(Co2, DailyQuota) {
  Co2Settings s = settings();
  s.daily_quota_kg_ha = 10.0;
  Co2State st;
  const Date day(2025, 1, 10);
  co2_account(st, day, 0.0, 0.0);
  co2_account(st, day, 60.0, 9.0 * 60.0);  // 60 kg/ha/h for 9 min = 9 kg/ha
  EXPECT_DOUBLE_EQ(st.dosed_today_kg_ha, 9.0);
  // 1 kg/ha left: at most 1 / (300 s) = 12 kg/ha/h → 0.12 of capacity.
  Co2Output o = co2_step(s, inputs(500.0, 0.0), st);
  EXPECT_NEAR(o.co2_dosing_kg_ha_h, 12.0, 1e-9);
  EXPECT_EQ(o.reason, Co2Reason::kQuotaReached);
  co2_account(st, day, 12.0, 300.0);
  EXPECT_NEAR(st.dosed_today_kg_ha, 10.0, 1e-9);
  EXPECT_NEAR(co2_step(s, inputs(500.0, 0.0), st).co2_dosing_kg_ha_h, 0.0, 1e-9);
  // A new local day starts a new count.
  co2_account(st, day + 1, 0.0, 300.0);
  EXPECT_EQ(st.dosed_today_kg_ha, 0.0);
  EXPECT_EQ(co2_step(s, inputs(500.0, 0.0), st).co2_dosing_kg_ha_h, 100.0);
}

}  // namespace
}  // namespace egin::control
