#include "egin/core/clock.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace egin {
namespace {

TEST(Clock, FormatsUtcWithMillisecondsOnlyWhenPresent) {
  EXPECT_EQ(format_iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso_utc(1'780'000'000'000), "2026-05-28T20:26:40Z");
  EXPECT_EQ(format_iso_utc(1'780'000'000'250), "2026-05-28T20:26:40.250Z");
  EXPECT_EQ(format_iso_utc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Clock, ParsesRfc3339WithOffsetsAndPlainDates) {
  EXPECT_EQ(parse_iso_time_ms("2026-05-28T20:26:40Z"), 1'780'000'000'000);
  EXPECT_EQ(parse_iso_time_ms("2026-05-29T01:26:40+05:00"), 1'780'000'000'000);
  EXPECT_EQ(parse_iso_time_ms("2026-05-28T15:26:40.5-05:00"), 1'780'000'000'500);
  EXPECT_EQ(parse_iso_time_ms("2026-05-28T20:26Z"), 1'780'000'000'000 - 40'000);
  EXPECT_EQ(parse_iso_time_ms("1970-01-02"), kMsPerDay);
}

TEST(Clock, RejectsWhatIsNotATimeStamp) {
  for (const char* bad :
       {"", "2026-13-01", "2026-05-28T20:26:40", "2026-05-28T24:00Z", "2026-05-28T20:26:40+5",
        "2026-05-28T20:26:40Zjunk", "yesterday", "2026-05-28T20:26:60Z", "2026-05-28T20:26:40.Z"}) {
    EXPECT_FALSE(parse_iso_time_ms(bad).has_value()) << bad;
  }
}

TEST(Clock, FormatThenParseIsTheIdentity) {
  for (TimeMs t = -86'400'123; t < 4'000'000'000'000; t += 987'654'321'1) {
    EXPECT_EQ(parse_iso_time_ms(format_iso_utc(t)), t) << t;
  }
}

TEST(Clock, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.now_ms(), 1000);
  clock.advance(500);
  EXPECT_EQ(clock.now_ms(), 1500);
  clock.set(42);
  EXPECT_EQ(clock.now_ms(), 42);
}

TEST(Clock, ScaledClockRunsFasterThanTheMachine) {
  const ScaledClock clock(0, 1000.0);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // 20 ms of machine time at 1000× is at least 20 s of clock time.
  EXPECT_GE(clock.now_ms(), 20'000);
}

}  // namespace
}  // namespace egin
