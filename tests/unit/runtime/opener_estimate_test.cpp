// The opener position estimate against the constant-speed travel model it implements:
// position = from + motion · min(elapsed, run) / travel, clamped to 0–1.
#include "egin/runtime/opener_estimate.hpp"

#include <gtest/gtest.h>

namespace egin::runtime {
namespace {

constexpr TimeMs kT0 = 1'790'000'000'000;
constexpr TimeMs s(double seconds) { return kT0 + static_cast<TimeMs>(seconds * 1000.0); }

OpenerEstimate closed_known(double travel_s) {
  OpenerEstimate e;
  e.travel_s = travel_s;
  opener_executed(e, "close", 0.0, s(-1000.0));  // ran to the end switch long ago
  return e;
}

TEST(OpenerEstimate, TimedRunsMoveTheirShareOfTheStroke) {
  OpenerEstimate e = closed_known(120.0);
  EXPECT_TRUE(e.known);
  EXPECT_DOUBLE_EQ(opener_position(e, s(0.0)), 0.0);
  // 60 s of a 120 s motor: half open, reached after 60 s and kept.
  opener_executed(e, "timed_open", 60.0, s(0.0));
  EXPECT_DOUBLE_EQ(opener_position(e, s(30.0)), 0.25);
  EXPECT_DOUBLE_EQ(opener_position(e, s(60.0)), 0.5);
  EXPECT_DOUBLE_EQ(opener_position(e, s(90.0)), 0.5);
  EXPECT_DOUBLE_EQ(opener_end_position(e), 0.5);
  // A close superseding it half-way: from 0.25 down 12 s = 0.1 → 0.15.
  OpenerEstimate f = closed_known(120.0);
  opener_executed(f, "timed_open", 60.0, s(0.0));
  opener_executed(f, "timed_close", 12.0, s(30.0));
  EXPECT_DOUBLE_EQ(opener_position(f, s(36.0)), 0.2);
  EXPECT_NEAR(opener_end_position(f), 0.15, 1e-12);
  // Stop mid-way: stays where it was.
  opener_executed(f, "stop", 0.0, s(36.0));
  EXPECT_DOUBLE_EQ(opener_position(f, s(500.0)), 0.2);
  // Full open from 0.2: at the end switch after 96 s, never beyond.
  opener_executed(f, "open", 0.0, s(100.0));
  EXPECT_DOUBLE_EQ(opener_position(f, s(124.0)), 0.4);
  EXPECT_DOUBLE_EQ(opener_position(f, s(196.0)), 1.0);
  EXPECT_DOUBLE_EQ(opener_position(f, s(400.0)), 1.0);
  // A timed run past the end is clamped.
  opener_executed(f, "timed_open", 50.0, s(400.0));
  EXPECT_DOUBLE_EQ(opener_end_position(f), 1.0);
}

TEST(OpenerEstimate, UnknownPositionIsHomedFirst) {
  OpenerEstimate e;
  e.travel_s = 60.0;
  auto move = plan_opener_move(e, 0.3, s(0.0), 0.05);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->command, "close");
  EXPECT_FALSE(move->duration_s);
  move = plan_opener_move(e, 0.7, s(0.0), 0.05);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->command, "open");
  // A timed run does not make it known; a homing run in progress is not sent again.
  opener_executed(e, "timed_open", 10.0, s(0.0));
  EXPECT_FALSE(e.known);
  opener_executed(e, "close", 0.0, s(10.0));
  EXPECT_TRUE(e.known);
  EXPECT_EQ(plan_opener_move(e, 0.0, s(20.0), 0.05), std::nullopt);
}

TEST(OpenerEstimate, PlansTimedRunsOutsideTheDeadBand) {
  OpenerEstimate e = closed_known(120.0);
  opener_executed(e, "timed_open", 24.0, s(0.0));  // → 0.2
  // 0.2 → 0.6 of 120 s: 48 s open.
  auto move = plan_opener_move(e, 0.6, s(30.0), 0.05);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->command, "timed_open");
  EXPECT_DOUBLE_EQ(*move->duration_s, 48.0);
  // 0.2 → 0.08 (outside the band of 0): round(0.12 · 120 s) = 14 s close.
  move = plan_opener_move(e, 0.08, s(30.0), 0.05);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->command, "timed_close");
  EXPECT_DOUBLE_EQ(*move->duration_s, 14.0);
  // Inside the dead band: nothing.
  EXPECT_EQ(plan_opener_move(e, 0.24, s(30.0), 0.05), std::nullopt);
  // Near the ends: to the end switch.
  EXPECT_EQ(plan_opener_move(e, 0.97, s(30.0), 0.05)->command, "open");
  EXPECT_EQ(plan_opener_move(e, 0.01, s(30.0), 0.05)->command, "close");
  // A run already heading for the target is not sent again.
  opener_executed(e, "timed_open", 48.0, s(30.0));
  EXPECT_EQ(plan_opener_move(e, 0.6, s(40.0), 0.05), std::nullopt);
  // Less than a second's run: nothing (the node takes whole seconds).
  OpenerEstimate fast = closed_known(10.0);
  EXPECT_EQ(plan_opener_move(fast, 0.04, s(0.0), 0.0), std::nullopt);  // 0.4 s
  EXPECT_DOUBLE_EQ(*plan_opener_move(fast, 0.5, s(0.0), 0.0)->duration_s, 5.0);
}

}  // namespace
}  // namespace egin::runtime
