// Times of day: parsing ("HH:MM", "sunrise", "sunset" with offsets), resolving to an instant on a
// local day, and daily windows that cross midnight or follow the sun.
#include "egin/control/time_of_day.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace egin::control {
namespace {

TEST(TimeOfDay, Parses) {
  EXPECT_EQ(parse_clock_minutes("06:30"), 390.0);
  EXPECT_EQ(parse_clock_minutes("23:59"), 1439.0);
  EXPECT_FALSE(parse_clock_minutes("24:00"));
  EXPECT_FALSE(parse_clock_minutes("6:30"));
  EXPECT_FALSE(parse_clock_minutes("06:60"));
  const auto a = parse_time_of_day("sunrise", -30.0);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->anchor, TimeAnchor::kSunrise);
  EXPECT_EQ(a->minutes, -30.0);
  EXPECT_FALSE(parse_time_of_day("06:30", 10.0));  // an offset only with the sun
  EXPECT_FALSE(parse_time_of_day("noon", 0.0));
  EXPECT_EQ(format_time_of_day({TimeAnchor::kClock, 390.0}), "06:30");
  EXPECT_EQ(format_time_of_day({TimeAnchor::kSunset, 45.0}), "sunset+45min");
  EXPECT_EQ(format_time_of_day({TimeAnchor::kSunrise, 0.0}), "sunrise");
}

TEST(TimeOfDay, ResolvesOnALocalDay) {
  const SiteInfo site = test::turkistan();
  const Date day(2025, 7, 14);
  const SunTimes sun = sun_times(site, day);
  EXPECT_EQ(resolve({TimeAnchor::kClock, 390.0}, day, 300, sun), test::at("2025-07-14T01:30:00Z"));
  EXPECT_EQ(resolve({TimeAnchor::kSunrise, -30.0}, day, 300, sun),
            sun.sunrise_ms - 30 * kMsPerMinute);
  EXPECT_EQ(resolve({TimeAnchor::kSunset, 300.0}, day, 300, sun), sun.sunset_ms + 5 * kMsPerHour);
}

TEST(TimeOfDay, WindowsAcrossMidnightAndWithTheSun) {
  const SiteInfo site = test::turkistan();
  const TimeOfDay from{TimeAnchor::kClock, 22 * 60.0};
  const TimeOfDay to{TimeAnchor::kClock, 6 * 60.0};
  // 23:00 local on 14 July: inside, opened 22:00 the same day.
  EXPECT_EQ(window_opened_at(from, to, site, test::at("2025-07-14T18:00:00Z")),
            test::at("2025-07-14T17:00:00Z"));
  // 03:00 local on 15 July: inside, opened 22:00 on 14 July.
  EXPECT_EQ(window_opened_at(from, to, site, test::at("2025-07-14T22:00:00Z")),
            test::at("2025-07-14T17:00:00Z"));
  // 12:00: outside; 06:00 exactly: outside (the end is exclusive); 22:00 exactly: inside.
  EXPECT_FALSE(window_opened_at(from, to, site, test::at("2025-07-15T07:00:00Z")));
  EXPECT_FALSE(window_opened_at(from, to, site, test::at("2025-07-15T01:00:00Z")));
  EXPECT_TRUE(window_opened_at(from, to, site, test::at("2025-07-15T17:00:00Z")));
  // Where it closes: 06:00 local on 15 July from 23:00 and from 03:00; outside, nothing.
  EXPECT_EQ(window_closes_at(from, to, site, test::at("2025-07-14T18:00:00Z")),
            test::at("2025-07-15T01:00:00Z"));
  EXPECT_EQ(window_closes_at(from, to, site, test::at("2025-07-14T22:00:00Z")),
            test::at("2025-07-15T01:00:00Z"));
  EXPECT_FALSE(window_closes_at(from, to, site, test::at("2025-07-15T07:00:00Z")));
  // Sunrise + 1 h to sunset − 2 h.
  const TimeOfDay a{TimeAnchor::kSunrise, 60.0};
  const TimeOfDay b{TimeAnchor::kSunset, -120.0};
  const SunTimes sun = sun_times(site, Date(2025, 7, 14));
  EXPECT_EQ(window_opened_at(a, b, site, sun.sunrise_ms + 2 * kMsPerHour),
            sun.sunrise_ms + kMsPerHour);
  EXPECT_FALSE(window_opened_at(a, b, site, sun.sunset_ms - kMsPerHour));
  // An empty window (start == end) is never open.
  EXPECT_FALSE(window_opened_at(from, from, site, test::at("2025-07-14T17:00:00Z")));
}

}  // namespace
}  // namespace egin::control
