// Irrigation by radiation sum: the first start when the window opens, starts at the sum, the
// minimum interval that holds a start back, the maximum interval that forces one, no start after
// the last start time, and the new day. 1 W/m² for 1 s is 1e-4 J/cm².
#include "egin/control/irrigation.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

constexpr TimeMs kFirst = 1'750'000'000'000;        // the window opens
constexpr TimeMs kLast = kFirst + 13 * kMsPerHour;  // last start allowed

IrrigationSettings settings() {
  IrrigationSettings s;
  s.installed = true;
  s.radiation_sum_j_cm2 = 100.0;
  s.min_interval_min = 20.0;
  s.max_interval_min = 120.0;
  s.dose_l_m2 = 0.25;
  return s;
}

struct Runner {
  IrrigationState st;
  TimeMs now = kFirst - 5 * kMsPerMinute;
  TimeMs first = kFirst;
  TimeMs last = kLast;
  IrrigationOutput step(double iglob, double dt_s = 300.0) {
    IrrigationInputs in;
    in.now_ms = now;
    in.dt_s = dt_s;
    in.first_start_ms = first;
    in.last_start_ms = last;
    in.iglob_w_m2 = iglob;
    const IrrigationOutput o = irrigation_step(settings(), in, st);
    now += static_cast<TimeMs>(dt_s * 1000.0);
    return o;
  }
};

TEST(Irrigation, FirstStartThenByRadiationSum) {
  Runner r;
  EXPECT_EQ(r.step(0.0).reason, IrrigationReason::kOutsideWindow);
  IrrigationOutput o = r.step(0.0);
  EXPECT_TRUE(o.irrigation_start);
  EXPECT_EQ(o.reason, IrrigationReason::kFirstStart);
  EXPECT_EQ(o.irrigation_dose_l_m2, 0.25);
  // 500 W/m² × 300 s = 15 J/cm² per step: 105 J/cm² after 7 steps, 35 min after the start.
  int k = 0;
  do {
    o = r.step(500.0);
    ++k;
  } while (!o.irrigation_start && k < 50);
  EXPECT_EQ(k, 7);
  EXPECT_EQ(o.reason, IrrigationReason::kRadiationSum);
  EXPECT_EQ(o.sum_j_cm2, 0.0);
  EXPECT_EQ(o.starts_today, 2);
}

TEST(Irrigation, MinimumIntervalHoldsAStart) {
  Runner r;
  r.step(0.0);
  r.step(0.0);  // first start
  // 1500 W/m²: 45 J/cm² per step, 135 after 3 steps (15 min) — held until 20 min.
  r.step(1500.0);
  r.step(1500.0);
  IrrigationOutput o = r.step(1500.0);
  EXPECT_FALSE(o.irrigation_start);
  EXPECT_EQ(o.reason, IrrigationReason::kMinIntervalHold);
  o = r.step(1500.0);
  EXPECT_TRUE(o.irrigation_start);
  EXPECT_EQ(o.reason, IrrigationReason::kRadiationSum);
}

TEST(Irrigation, MaximumIntervalAndLastStart) {
  Runner r;
  r.step(0.0);
  r.step(0.0);  // first start at kFirst
  int k = 0;
  IrrigationOutput o;
  do {
    o = r.step(0.0);
    ++k;
  } while (!o.irrigation_start && k < 100);
  EXPECT_EQ(k, 24);  // 120 min
  EXPECT_EQ(o.reason, IrrigationReason::kMaxInterval);
  r.now = kLast + kMsPerMinute;
  o = r.step(1000.0);
  EXPECT_FALSE(o.irrigation_start);
  EXPECT_EQ(o.reason, IrrigationReason::kOutsideWindow);
  // The next day: the count starts again and the first start comes at the window.
  r.first = kFirst + kMsPerDay;
  r.last = kLast + kMsPerDay;
  r.now = r.first;
  o = r.step(0.0);
  EXPECT_TRUE(o.irrigation_start);
  EXPECT_EQ(o.reason, IrrigationReason::kFirstStart);
  EXPECT_EQ(o.starts_today, 1);
}

}  // namespace
}  // namespace egin::control
