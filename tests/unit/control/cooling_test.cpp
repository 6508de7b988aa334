// Cooling: fogging by VPD or temperature (the larger wins), off without humidity; pad-and-fan
// stages with hysteresis, the minimum time between stage changes, and the humid-outside stop.
#include "egin/control/cooling.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

CoolingSettings settings() {
  CoolingSettings s;
  s.fog.installed = true;
  s.fog.vpd_start_kpa = 1.5;
  s.fog.vpd_p_band_kpa = 0.5;
  s.fog.t_excess_start_c = 1.0;
  s.fog.t_p_band_c = 2.0;
  s.fog.max_frac = 0.8;
  s.pad.installed = true;
  s.pad.stage_excess_c = {2.0, 4.0};
  s.pad.hysteresis_c = 1.0;
  s.pad.min_stage_time_s = 300.0;
  s.pad.max_rh_out_pct = 70.0;
  return s;
}

CoolingInputs inputs(TimeMs now, double t_air, double vpd) {
  CoolingInputs in;
  in.now_ms = now;
  in.t_vent_c = 25.0;
  in.t_air_c = t_air;
  in.vpd_kpa = vpd;
  in.rh_out_pct = 20.0;
  return in;
}

TEST(Cooling, FoggingByVpdOrTemperature) {
  CoolingState st;
  CoolingOutput o = cooling_step(settings(), inputs(1000, 25.0, 1.75), st);
  EXPECT_DOUBLE_EQ(o.fog_vpd_frac, 0.5);
  EXPECT_EQ(o.fog_temperature_frac, 0.0);
  EXPECT_DOUBLE_EQ(o.fogging_frac, 0.4);                      // 0.8 × 0.5
  o = cooling_step(settings(), inputs(1000, 27.5, 1.6), st);  // (27.5 − 25 − 1)/2 = 0.75
  EXPECT_DOUBLE_EQ(o.fog_temperature_frac, 0.75);
  EXPECT_DOUBLE_EQ(o.fogging_frac, 0.6);
  CoolingInputs no_rh = inputs(1000, 30.0, 2.0);
  no_rh.vpd_kpa.reset();
  EXPECT_EQ(cooling_step(settings(), no_rh, st).fogging_frac, 0.0);
}

TEST(Cooling, PadFanStagesWithHysteresisAndMinimumTime) {
  CoolingState st;
  const CoolingSettings s = settings();
  const TimeMs t0 = 1'750'000'000'000;
  EXPECT_EQ(cooling_step(s, inputs(t0, 26.9, 1.0), st).pad_fan_stage, 0);
  EXPECT_EQ(cooling_step(s, inputs(t0, 27.5, 1.0), st).pad_fan_stage, 1);
  // Stage 2 wanted a minute later: held until 300 s after the last change.
  CoolingOutput o = cooling_step(s, inputs(t0 + 60'000, 29.5, 1.0), st);
  EXPECT_EQ(o.pad_fan_stage, 1);
  EXPECT_TRUE(o.pad_held);
  EXPECT_EQ(cooling_step(s, inputs(t0 + 300'000, 29.5, 1.0), st).pad_fan_stage, 2);
  // Down: stage 2 stops at excess ≤ 4 − 1 = 3.
  EXPECT_EQ(cooling_step(s, inputs(t0 + 700'000, 28.5, 1.0), st).pad_fan_stage, 2);
  EXPECT_EQ(cooling_step(s, inputs(t0 + 800'000, 28.0, 1.0), st).pad_fan_stage, 1);
  // Humid outside: pads cannot cool.
  CoolingInputs humid = inputs(t0 + 2'000'000, 32.0, 1.0);
  humid.rh_out_pct = 80.0;
  o = cooling_step(s, humid, st);
  EXPECT_EQ(o.pad_fan_stage, 0);
  EXPECT_TRUE(o.pad_outdoor_humid);
}

}  // namespace
}  // namespace egin::control
