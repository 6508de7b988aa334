// Sunrise and sunset: the day length equals FAO-56's N (Eq. 34; Examples 9 and 18 give 11.7 h at
// 20° S on 3 September and 16.1 h at Uccle on 6 July), the midpoint is solar noon (Eq. 31–33),
// and local-day arithmetic holds across midnight and before 1970.
#include "egin/control/site_sun.hpp"

#include <gtest/gtest.h>

#include "egin/agromet/solar_geometry.hpp"
#include "test_support.hpp"

namespace egin::control {
namespace {

double hours(TimeMs ms) { return static_cast<double>(ms) / static_cast<double>(kMsPerHour); }

TEST(SiteSun, DayLengthIsFao56N) {
  // Example 9: 20° S, 3 September (J = 246).
  const SiteInfo south{-20.0, 0.0, 0};
  const SunTimes a = sun_times(south, Date(2025, 9, 3));
  EXPECT_NEAR(hours(a.sunset_ms - a.sunrise_ms), 11.7, 0.05);
  // Example 18: Uccle 50°48′ N, 6 July (J = 187).
  const SiteInfo uccle{50.8, 4.35, 60};
  const SunTimes b = sun_times(uccle, Date(2025, 7, 6));
  EXPECT_NEAR(hours(b.sunset_ms - b.sunrise_ms), 16.1, 0.05);
  EXPECT_NEAR(hours(b.sunset_ms - b.sunrise_ms),
              agromet::daylight_hours(agromet::degrees_to_radians(50.8), 187), 1e-6);
}

TEST(SiteSun, MidpointIsSolarNoonAtTurkistan) {
  const SiteInfo site = test::turkistan();
  const Date day(2025, 7, 14);  // J = 195
  const SunTimes sun = sun_times(site, day);
  // FAO-56 Eq. 31–33: noon at t_utc = 12 − 68.25/15 − Sc, Sc(195) = −0.0916 h → 07:32:30 UTC.
  const double noon_utc_h = hours((sun.sunrise_ms + sun.sunset_ms) / 2 -
                                  static_cast<TimeMs>(day.days_since_epoch()) * kMsPerDay);
  EXPECT_NEAR(noon_utc_h, 12.0 - 68.25 / 15.0 + 0.0916, 0.001);
  // Local clock (UTC+5): sunrise 05:05, sunset 20:00, within a minute of the hand calculation.
  EXPECT_NEAR(local_minute_of_day(sun.sunrise_ms, 300), 5 * 60 + 4.9, 1.0);
  EXPECT_NEAR(local_minute_of_day(sun.sunset_ms, 300), 20 * 60 + 0.1, 1.0);
  // December: the sun rises after 08:00 local.
  const SunTimes winter = sun_times(site, Date(2025, 12, 21));
  EXPECT_GT(local_minute_of_day(winter.sunrise_ms, 300), 8 * 60.0);
  EXPECT_LT(local_minute_of_day(winter.sunrise_ms, 300), 8 * 60.0 + 30.0);
}

TEST(SiteSun, HighAndLowLatitudesWithoutPolarCases) {
  // 60° N at the June solstice: N = 24/π arccos(−tan 60° tan 23.4°) ≈ 18.5 h.
  const SunTimes north = sun_times({60.0, 25.0, 120}, Date(2025, 6, 21));
  EXPECT_NEAR(hours(north.sunset_ms - north.sunrise_ms), 18.5, 0.05);
  const SunTimes north_winter = sun_times({60.0, 25.0, 120}, Date(2025, 12, 21));
  EXPECT_NEAR(hours(north_winter.sunset_ms - north_winter.sunrise_ms), 5.5, 0.1);
  // The equator: 12 h every day.
  for (const int month : {1, 4, 7, 10}) {
    const SunTimes eq = sun_times({0.0, 36.8, 180}, Date(2025, static_cast<unsigned>(month), 15));
    EXPECT_NEAR(hours(eq.sunset_ms - eq.sunrise_ms), 12.0, 1e-6);
  }
}

TEST(SiteSun, LocalDayArithmetic) {
  const TimeMs t = test::at("2025-07-14T20:30:00Z");  // 01:30 on 15 July at UTC+5
  EXPECT_EQ(local_date(t, 300), Date(2025, 7, 15));
  EXPECT_NEAR(local_minute_of_day(t, 300), 90.0, 1e-9);
  EXPECT_EQ(local_midnight_ms(Date(2025, 7, 15), 300), test::at("2025-07-14T19:00:00Z"));
  // Before 1970 and west of Greenwich.
  const TimeMs old = test::at("1969-12-31T23:00:00Z");
  EXPECT_EQ(local_date(old, -300), Date(1969, 12, 31));
  EXPECT_NEAR(local_minute_of_day(old, -300), 18 * 60.0, 1e-9);
  EXPECT_TRUE(is_sun_up(test::turkistan(), test::at("2025-07-14T07:00:00Z")));
  EXPECT_FALSE(is_sun_up(test::turkistan(), test::at("2025-07-14T20:00:00Z")));
}

}  // namespace
}  // namespace egin::control
