// The lamp switch-off preheat's share (lamp_off_preheat.hpp): nothing before its lead, a linear
// ramp to 1 at the scheduled switch-off, a linear fall over the hold with the sun down, nothing
// with the sun up or when the rule is off — each value worked by hand from the table.
#include "egin/control/lamp_off_preheat.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

constexpr LampOffPreheatSettings kRule{20.0, 30.0, 10.0};  // lead 20 min, +30 °C, hold 10 min

LampOffPreheatInputs lit(double to_off_s) {
  LampOffPreheatInputs in;
  in.lamps_on = true;
  in.to_off_s = to_off_s;
  return in;
}

LampOffPreheatInputs dark(double since_off_s, bool sun_up = false) {
  LampOffPreheatInputs in;
  in.since_off_s = since_off_s;
  in.sun_up = sun_up;
  return in;
}

TEST(LampOffPreheat, RampsUpOverTheLeadBeforeTheSwitchOff) {
  EXPECT_EQ(lamp_off_preheat_frac(kRule, lit(3600.0)), 0.0);  // an hour before: nothing
  EXPECT_EQ(lamp_off_preheat_frac(kRule, lit(1201.0)), 0.0);  // just outside the 20 min
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, lit(1200.0)), 0.0);
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, lit(900.0)), 0.25);  // 1 − 15/20
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, lit(300.0)), 0.75);  // 1 − 5/20
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, lit(0.0)), 1.0);
  LampOffPreheatInputs unknown;
  unknown.lamps_on = true;  // no scheduled switch-off known
  EXPECT_EQ(lamp_off_preheat_frac(kRule, unknown), 0.0);
}

TEST(LampOffPreheat, FallsOverTheHoldAfterTheSwitchOffInTheDark) {
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, dark(0.0)), 1.0);
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, dark(150.0)), 0.75);  // 1 − 2.5/10
  EXPECT_DOUBLE_EQ(lamp_off_preheat_frac(kRule, dark(450.0)), 0.25);
  EXPECT_EQ(lamp_off_preheat_frac(kRule, dark(600.0)), 0.0);
  EXPECT_EQ(lamp_off_preheat_frac(kRule, dark(86400.0)), 0.0);
  // With the sun up the sun replaces the lamp heat: no hold.
  EXPECT_EQ(lamp_off_preheat_frac(kRule, dark(150.0, true)), 0.0);
  EXPECT_EQ(lamp_off_preheat_frac(kRule, LampOffPreheatInputs{}), 0.0);  // never switched
}

TEST(LampOffPreheat, OffWithoutAnExcessOrAWindow) {
  EXPECT_EQ(lamp_off_preheat_frac(LampOffPreheatSettings{20.0, 0.0, 10.0}, lit(0.0)), 0.0);
  EXPECT_EQ(lamp_off_preheat_frac(LampOffPreheatSettings{0.0, 30.0, 10.0}, lit(0.0)), 0.0);
  EXPECT_EQ(lamp_off_preheat_frac(LampOffPreheatSettings{20.0, 30.0, 0.0}, dark(0.0)), 0.0);
}

}  // namespace
}  // namespace egin::control
