// Calendar curves: exact at their points, linear between, across New Year, constant with one
// point, and added to the right set-point only.
#include "egin/control/calendar_curve.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

TEST(CalendarCurve, InterpolatesAndWrapsAroundTheYear) {
  // 15 January −1, 1 March 0, 30 November 0 (days 15, 60, 334).
  const CalendarCurve c{SetpointId::kTHeatC, {{15, -1.0}, {60, 0.0}, {334, 0.0}}};
  EXPECT_DOUBLE_EQ(calendar_offset(c, 15.0), -1.0);
  EXPECT_DOUBLE_EQ(calendar_offset(c, 37.5), -0.5);
  EXPECT_DOUBLE_EQ(calendar_offset(c, 200.0), 0.0);
  // 30 November (334) → 15 January (15 + 365 = 380): 46 days from 0 to −1.
  EXPECT_DOUBLE_EQ(calendar_offset(c, 357.0), -0.5);
  EXPECT_DOUBLE_EQ(calendar_offset(c, 1.0), -(1.0 - 14.0 / 46.0));
  EXPECT_NEAR(calendar_offset(c, 365.999), -(1.0 - 14.001 / 46.0), 1e-9);
}

TEST(CalendarCurve, OnePointIsConstantAndOnlyItsSetpointMoves) {
  const std::vector<CalendarCurve> curves{{SetpointId::kCo2Ppm, {{170, -300.0}}}};
  Setpoints sp;
  sp[SetpointId::kCo2Ppm] = 800.0;
  sp[SetpointId::kTHeatC] = 20.0;
  apply_calendar(curves, 10.0, sp);
  EXPECT_EQ(sp[SetpointId::kCo2Ppm], 500.0);
  EXPECT_EQ(sp[SetpointId::kTHeatC], 20.0);
}

}  // namespace
}  // namespace egin::control
