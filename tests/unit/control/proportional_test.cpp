// Ramps, P-bands, hysteresis and the PI controller: values at the band edges and midpoints, both
// switching directions, the integral's growth rate (Åström & Hägglund 2006 Eq. 3.1) and the
// anti-windup property that a long saturation leaves nothing to unwind.
#include "egin/control/proportional.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

TEST(Proportional, RampAndPBand) {
  EXPECT_EQ(ramp01(100.0, 100.0, 500.0), 0.0);
  EXPECT_DOUBLE_EQ(ramp01(300.0, 100.0, 500.0), 0.5);
  EXPECT_EQ(ramp01(900.0, 100.0, 500.0), 1.0);
  EXPECT_DOUBLE_EQ(ramp01(7.5, 10.0, 5.0), 0.5);  // falling ramp
  EXPECT_EQ(ramp01(4.0, 10.0, 5.0), 1.0);
  EXPECT_EQ(ramp01(5.0, 5.0, 5.0), 1.0);  // step
  EXPECT_EQ(ramp01(4.9, 5.0, 5.0), 0.0);
  EXPECT_EQ(p_band(-1.0, 4.0), 0.0);
  EXPECT_DOUBLE_EQ(p_band(1.0, 4.0), 0.25);
  EXPECT_EQ(p_band(5.0, 4.0), 1.0);
}

TEST(Proportional, HysteresisSwitchesHighAndLow) {
  // On high values: on at ≥ 15, off at ≤ 12.
  bool on = false;
  on = hysteresis(on, 14.0, 15.0, 12.0);
  EXPECT_FALSE(on);
  on = hysteresis(on, 15.0, 15.0, 12.0);
  EXPECT_TRUE(on);
  on = hysteresis(on, 13.0, 15.0, 12.0);
  EXPECT_TRUE(on);  // inside the band: holds
  on = hysteresis(on, 12.0, 15.0, 12.0);
  EXPECT_FALSE(on);
  // On low values: on at ≤ 10, off at ≥ 11.
  bool cold = false;
  cold = hysteresis(cold, 10.5, 10.0, 11.0);
  EXPECT_FALSE(cold);
  cold = hysteresis(cold, 9.9, 10.0, 11.0);
  EXPECT_TRUE(cold);
  cold = hysteresis(cold, 10.8, 10.0, 11.0);
  EXPECT_TRUE(cold);
  cold = hysteresis(cold, 11.0, 10.0, 11.0);
  EXPECT_FALSE(cold);
}

TEST(Proportional, ProportionalOnly) {
  PiState st;
  const PiSettings p{2.0, 0.0, 0.0, 1.0};
  EXPECT_DOUBLE_EQ(pi_step(p, 1.0, 60.0, st), 0.5);
  EXPECT_EQ(pi_step(p, 3.0, 60.0, st), 1.0);
  EXPECT_EQ(pi_step(p, -1.0, 60.0, st), 0.0);
  EXPECT_EQ(st.integral, 0.0);
}

TEST(Proportional, IntegralGrowsAtErrorOverBandTimesTi) {
  // Pb 4 °C, Ti 400 s, error 0.4 °C: P = 0.1, the integral grows 0.4/(4·400) = 2.5e-4 per s.
  PiState st;
  const PiSettings p{4.0, 400.0, 0.0, 1.0};
  double u = 0.0;
  for (int i = 0; i < 10; ++i) {
    u = pi_step(p, 0.4, 40.0, st);
  }
  EXPECT_NEAR(st.integral, 0.1, 1e-12);  // 400 s × 2.5e-4 s⁻¹
  EXPECT_NEAR(u, 0.2, 1e-12);
}

TEST(Proportional, AntiWindupLeavesNothingToUnwind) {
  PiState st;
  const PiSettings p{1.0, 60.0, 0.0, 1.0};
  // An hour of large error: the output saturates at once, the integral does not grow past 1.
  for (int i = 0; i < 60; ++i) {
    EXPECT_EQ(pi_step(p, 5.0, 60.0, st), 1.0);
  }
  EXPECT_LE(st.integral, 1.0);
  // With P alone saturating, the integral stopped where u first hit the limit: zero.
  EXPECT_EQ(st.integral, 0.0);
  // The error reverses: the output leaves saturation in the same step.
  EXPECT_EQ(pi_step(p, -0.5, 60.0, st), 0.0);
  // A modest error: P = 0.5 and 0.5 per step of integral. The first step reaches u = 1 exactly
  // (integrates), every later one would pass it (does not): the integral stays at 0.5.
  PiState st2;
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(pi_step(p, 0.5, 60.0, st2), 1.0);
  }
  EXPECT_DOUBLE_EQ(st2.integral, 0.5);
  // The error reverses: −0.5 + 0.5 = 0 at once, and the integral now falls.
  EXPECT_DOUBLE_EQ(pi_step(p, -0.5, 0.0, st2), 0.0);
  EXPECT_DOUBLE_EQ(pi_step(p, -0.25, 60.0, st2), 0.0);
  EXPECT_DOUBLE_EQ(st2.integral, 0.25);
}

}  // namespace
}  // namespace egin::control
