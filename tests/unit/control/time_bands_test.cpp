// Time bands: the band that holds across midnight, linear ramps, ordering by the actual start
// when sunrise-relative and clock starts swap with the season, continuity when a band starts
// before its predecessor's ramp ends, and starts pushed past midnight by a sunset offset — at
// Turkistan (43° N), 60° N and the equator.
#include "egin/control/time_bands.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace egin::control {
namespace {

Band band(const std::string& name, TimeOfDay start, double ramp_min, double t_heat_c) {
  Band b;
  b.name = name;
  b.start = start;
  b.ramp_min = ramp_min;
  b.setpoints[SetpointId::kTHeatC] = t_heat_c;
  b.setpoints[SetpointId::kCo2Ppm] = t_heat_c * 40.0;  // a second set-point ramps alike
  return b;
}

TimeOfDay clock(int h, int m = 0) { return {TimeAnchor::kClock, h * 60.0 + m}; }

/// UTC instant of local time hh:mm on 2025-mm-dd at UTC+5.
TimeMs local(int month, int day, int h, int m = 0) {
  return local_midnight_ms(Date(2025, static_cast<unsigned>(month), static_cast<unsigned>(day)),
                           300) +
         (h * 60 + m) * kMsPerMinute;
}

TEST(TimeBands, NightBandHoldsAcrossMidnight) {
  const std::vector<Band> bands{band("day", clock(6), 0.0, 20.0),
                                band("night", clock(20), 0.0, 16.0)};
  const SiteInfo site = test::turkistan();
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 2)).band_index, 1u);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 2)).setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 5, 59)).setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 6)).setpoints[SetpointId::kTHeatC], 20.0);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 19, 59)).setpoints[SetpointId::kTHeatC], 20.0);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 23, 59)).setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 14, 20)).band_start_ms, local(7, 14, 20));
  EXPECT_EQ(evaluate_bands(bands, site, local(7, 15, 3)).band_start_ms, local(7, 14, 20));
}

TEST(TimeBands, RampsLinearlyFromThePreviousValue) {
  const std::vector<Band> bands{band("day", clock(6), 60.0, 20.0),
                                band("night", clock(20), 120.0, 16.0)};
  const SiteInfo site = test::turkistan();
  const auto at = [&](int h, int m) { return evaluate_bands(bands, site, local(7, 14, h, m)); };
  EXPECT_DOUBLE_EQ(at(6, 0).setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_DOUBLE_EQ(at(6, 15).setpoints[SetpointId::kTHeatC], 17.0);
  EXPECT_DOUBLE_EQ(at(6, 30).setpoints[SetpointId::kTHeatC], 18.0);
  EXPECT_DOUBLE_EQ(at(6, 30).setpoints[SetpointId::kCo2Ppm], 720.0);
  EXPECT_DOUBLE_EQ(at(6, 30).ramp_frac, 0.5);
  EXPECT_DOUBLE_EQ(at(7, 0).setpoints[SetpointId::kTHeatC], 20.0);
  EXPECT_DOUBLE_EQ(at(21, 0).setpoints[SetpointId::kTHeatC], 18.0);
  EXPECT_DOUBLE_EQ(at(22, 0).setpoints[SetpointId::kTHeatC], 16.0);
  EXPECT_EQ(at(22, 0).ramp_frac, 1.0);
}

TEST(TimeBands, NoJumpWhenABandStartsMidRamp) {
  // 06:00 ramps 16 → 20 over 2 h; at 07:00 (halfway, 18 °C) a band to 22 °C starts with 1 h.
  const std::vector<Band> bands{band("night", clock(20), 0.0, 16.0),
                                band("dawn", clock(6), 120.0, 20.0),
                                band("day", clock(7), 60.0, 22.0)};
  const SiteInfo site = test::turkistan();
  const auto t_heat = [&](int h, int m) {
    return evaluate_bands(bands, site, local(1, 10, h, m)).setpoints[SetpointId::kTHeatC];
  };
  EXPECT_NEAR(t_heat(6, 59), 16.0 + 4.0 * 59.0 / 120.0, 1e-9);
  EXPECT_DOUBLE_EQ(t_heat(7, 0), 18.0);
  EXPECT_DOUBLE_EQ(t_heat(7, 30), 20.0);
  EXPECT_DOUBLE_EQ(t_heat(8, 0), 22.0);
}

TEST(TimeBands, SunriseAndClockStartsSwapWithTheSeason) {
  // "sunrise" (18 °C) and "06:00" (20 °C): in July the sun rises at 05:05, in December at 08:02.
  const std::vector<Band> bands{band("sun", {TimeAnchor::kSunrise, 0.0}, 0.0, 18.0),
                                band("six", clock(6), 0.0, 20.0),
                                band("night", clock(18), 0.0, 16.0)};
  const SiteInfo site = test::turkistan();
  const auto t_heat = [&](int month, int day, int h, int m) {
    return evaluate_bands(bands, site, local(month, day, h, m)).setpoints[SetpointId::kTHeatC];
  };
  EXPECT_EQ(t_heat(7, 14, 5, 30), 18.0);  // after sunrise, before 06:00
  EXPECT_EQ(t_heat(7, 14, 7, 0), 20.0);   // after both: 06:00 came last
  EXPECT_EQ(t_heat(12, 21, 7, 0), 20.0);  // 06:00 came, sunrise not yet
  EXPECT_EQ(t_heat(12, 21, 9, 0), 18.0);  // after both: sunrise came last
  EXPECT_EQ(t_heat(12, 21, 5, 0), 16.0);  // before both: last night's band
}

TEST(TimeBands, SunsetOffsetPastMidnight) {
  // "sunset + 300 min" falls at about 01:00 the next local day in July.
  const std::vector<Band> bands{band("day", clock(6), 0.0, 20.0),
                                band("late", {TimeAnchor::kSunset, 300.0}, 0.0, 14.0)};
  const SiteInfo site = test::turkistan();
  const TimeMs late_start = sun_times(site, Date(2025, 7, 14)).sunset_ms + 300 * kMsPerMinute;
  EXPECT_EQ(local_date(late_start, 300), Date(2025, 7, 15));
  EXPECT_EQ(evaluate_bands(bands, site, late_start - kMsPerMinute).setpoints[SetpointId::kTHeatC],
            20.0);
  EXPECT_EQ(evaluate_bands(bands, site, late_start).setpoints[SetpointId::kTHeatC], 14.0);
  EXPECT_EQ(evaluate_bands(bands, site, late_start + 3 * kMsPerHour).band_index, 1u);
}

TEST(TimeBands, HighAndLowLatitudes) {
  const std::vector<Band> bands{band("day", {TimeAnchor::kSunrise, 30.0}, 0.0, 20.0),
                                band("night", {TimeAnchor::kSunset, -30.0}, 0.0, 16.0)};
  for (const SiteInfo site :
       {SiteInfo{60.0, 25.0, 120}, SiteInfo{0.0, 36.8, 180}, SiteInfo{-33.9, 18.4, 120}}) {
    for (const unsigned month : {1u, 6u}) {
      const Date day(2025, month, 21);
      const SunTimes sun = sun_times(site, day);
      EXPECT_EQ(evaluate_bands(bands, site, sun.sunrise_ms + 29 * kMsPerMinute).band_index, 1u);
      EXPECT_EQ(evaluate_bands(bands, site, sun.sunrise_ms + 30 * kMsPerMinute).band_index, 0u);
      EXPECT_EQ(evaluate_bands(bands, site, sun.sunset_ms - 31 * kMsPerMinute).band_index, 0u);
      EXPECT_EQ(evaluate_bands(bands, site, sun.sunset_ms - 30 * kMsPerMinute).band_index, 1u);
    }
  }
}

TEST(TimeBands, OneBandIsConstant) {
  const std::vector<Band> bands{band("all", clock(0), 30.0, 19.0)};
  for (int h = 0; h < 24; h += 5) {
    EXPECT_EQ(
        evaluate_bands(bands, test::turkistan(), local(3, 3, h, 7)).setpoints[SetpointId::kTHeatC],
        19.0);
  }
}

}  // namespace
}  // namespace egin::control
