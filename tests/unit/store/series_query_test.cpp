// Series query: step text, level choice, grid alignment (epoch, local midnight), whole buckets at
// the range ends, empty buckets omitted, flagged readings left out on the raw path too.
#include "egin/store/series_query.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/store/sqlite_store.hpp"

namespace egin::store {
namespace {

constexpr TimeMs kT0 = 1'709'251'200'000;  // 2024-03-01T00:00:00Z

TEST(ParseStep, AcceptsWholeNumbersWithAUnit) {
  EXPECT_EQ(parse_step_ms("30s"), 30'000);
  EXPECT_EQ(parse_step_ms("1m"), 60'000);
  EXPECT_EQ(parse_step_ms("15m"), 900'000);
  EXPECT_EQ(parse_step_ms("1h"), 3'600'000);
  EXPECT_EQ(parse_step_ms("1d"), 86'400'000);
  EXPECT_EQ(parse_step_ms("366d"), 366 * kMsPerDay);
}

TEST(ParseStep, RejectsOtherTextNamingTheField) {
  for (const char* bad : {"", "m", "1", "0m", "-1m", "+1m", "1x", "1.5h", "1 h", " 1h", "1H",
                          "367d", "99999999999999999999s", "1mm"}) {
    try {
      parse_step_ms(bad);
      ADD_FAILURE() << "'" << bad << "' was accepted";
    } catch (const InputError& error) {
      EXPECT_EQ(error.where().field, "step");
      EXPECT_NE(error.expected().find("15m"), std::string::npos);
    }
  }
}

TEST(LevelForStep, PicksTheCoarsestLevelOnTheGrid) {
  EXPECT_EQ(level_for_step(30 * kMsPerSecond), Resolution::raw);
  EXPECT_EQ(level_for_step(90 * kMsPerSecond), Resolution::raw);
  EXPECT_EQ(level_for_step(kMsPerMinute), Resolution::minute);
  EXPECT_EQ(level_for_step(15 * kMsPerMinute), Resolution::minute);
  EXPECT_EQ(level_for_step(90 * kMsPerMinute), Resolution::minute);
  EXPECT_EQ(level_for_step(kMsPerHour), Resolution::hour);
  EXPECT_EQ(level_for_step(6 * kMsPerHour), Resolution::hour);
  EXPECT_EQ(level_for_step(36 * kMsPerHour), Resolution::hour);
  EXPECT_EQ(level_for_step(kMsPerDay), Resolution::day);
  EXPECT_EQ(level_for_step(7 * kMsPerDay), Resolution::day);
  // Local days: UTC day rollups do not lie on local midnight unless the offset is 0.
  EXPECT_EQ(level_for_step(kMsPerDay, 300), Resolution::hour);    // Kazakhstan, UTC+5
  EXPECT_EQ(level_for_step(kMsPerDay, -180), Resolution::hour);   // UTC-3
  EXPECT_EQ(level_for_step(kMsPerDay, 330), Resolution::minute);  // India, UTC+5:30
  EXPECT_EQ(level_for_step(kMsPerHour, 330), Resolution::hour);   // sub-day steps ignore it
  EXPECT_THROW(level_for_step(0), InputError);
  EXPECT_THROW(level_for_step(-kMsPerMinute), InputError);
  EXPECT_THROW(level_for_step(kMsPerHour, 15 * 60), InputError);
}

TEST(GridOrigin, IsLocalMidnightForDaySteps) {
  EXPECT_EQ(grid_origin_ms(kMsPerHour, 300), 0);
  EXPECT_EQ(grid_origin_ms(kMsPerDay, 300), -5 * kMsPerHour);
  EXPECT_EQ(grid_origin_ms(2 * kMsPerDay, -60), kMsPerHour);
}

class SeriesQueryTest : public ::testing::Test {
 protected:
  SqliteStore store{":memory:"};
  ChannelId channel = store.ensure_channel("gh/n/t_air", "default");
};

TEST_F(SeriesQueryTest, HourStepFromHourRollupsWithWholeBucketsAndGapsOmitted) {
  std::vector<Reading> readings;
  // 10:00-11:59 every minute, value = minute of day; nothing in 12:00-12:59; one at 13:30.
  for (int m = 600; m < 720; ++m) {
    readings.push_back(Reading{channel, kT0 + m * kMsPerMinute, static_cast<double>(m), 0});
  }
  readings.push_back(Reading{channel, kT0 + 13 * kMsPerHour + 30 * kMsPerMinute, 5.0, 0});
  store.write(readings);
  // From 10:30 to 13:10: the 10:00 and 13:00 buckets are taken whole.
  const std::vector<SeriesPoint> points =
      query_series(store, channel, kT0 + 10 * kMsPerHour + 30 * kMsPerMinute,
                   kT0 + 13 * kMsPerHour + 10 * kMsPerMinute, kMsPerHour);
  ASSERT_EQ(points.size(), 3U);
  EXPECT_EQ(points[0].start_ms, kT0 + 10 * kMsPerHour);
  EXPECT_EQ(points[0].count, 60);
  EXPECT_DOUBLE_EQ(points[0].min, 600.0);
  EXPECT_DOUBLE_EQ(points[0].max, 659.0);
  EXPECT_DOUBLE_EQ(points[0].mean, 629.5);
  EXPECT_EQ(points[1].start_ms, kT0 + 11 * kMsPerHour);
  EXPECT_DOUBLE_EQ(points[1].mean, 689.5);
  EXPECT_EQ(points[2].start_ms, kT0 + 13 * kMsPerHour);  // 12:00 is empty: omitted
  EXPECT_EQ(points[2].count, 1);
  EXPECT_DOUBLE_EQ(points[2].mean, 5.0);
  // A range ending exactly on an edge does not take the next bucket.
  EXPECT_EQ(query_series(store, channel, kT0, kT0 + 11 * kMsPerHour, kMsPerHour).size(), 1U);
  EXPECT_TRUE(query_series(store, channel, kT0 + kMsPerHour, kT0 + kMsPerHour, kMsPerHour).empty());
}

TEST_F(SeriesQueryTest, LocalDaysStartAtLocalMidnight) {
  // UTC+5: local midnight of 2024-03-02 is 2024-03-01T19:00Z.
  std::vector<Reading> readings = {
      {channel, kT0 + 18 * kMsPerHour + 59 * kMsPerMinute, 1.0, 0},  // local 23:59 on 03-01
      {channel, kT0 + 19 * kMsPerHour, 3.0, 0},                      // local 00:00 on 03-02
      {channel, kT0 + 23 * kMsPerHour, 5.0, 0},                      // local 04:00 on 03-02
  };
  store.write(readings);
  const std::vector<SeriesPoint> local =
      query_series(store, channel, kT0, kT0 + 2 * kMsPerDay, kMsPerDay, 300);
  ASSERT_EQ(local.size(), 2U);
  EXPECT_EQ(local[0].start_ms, kT0 - 5 * kMsPerHour);
  EXPECT_EQ(local[0].count, 1);
  EXPECT_EQ(local[1].start_ms, kT0 + 19 * kMsPerHour);
  EXPECT_EQ(local[1].count, 2);
  EXPECT_DOUBLE_EQ(local[1].mean, 4.0);
  const std::vector<SeriesPoint> utc =
      query_series(store, channel, kT0, kT0 + 2 * kMsPerDay, kMsPerDay, 0);
  ASSERT_EQ(utc.size(), 1U);
  EXPECT_EQ(utc[0].start_ms, kT0);
  EXPECT_EQ(utc[0].count, 3);
  EXPECT_DOUBLE_EQ(utc[0].mean, 3.0);
}

TEST_F(SeriesQueryTest, RawPathLeavesFlaggedReadingsOutLikeTheRollups) {
  const std::vector<Reading> readings = {
      {channel, kT0 + 1'000, 1.0, kFlagNone},
      {channel, kT0 + 20'000, 500.0, kFlagSpike},
      {channel, kT0 + 31'000, 3.0, kFlagDerived},
      {channel, kT0 + 45'000, 7.0, kFlagNone},
  };
  store.write(readings);
  const std::vector<SeriesPoint> halves =
      query_series(store, channel, kT0, kT0 + kMsPerMinute, 30 * kMsPerSecond);
  ASSERT_EQ(halves.size(), 2U);
  EXPECT_EQ(halves[0].count, 1);
  EXPECT_DOUBLE_EQ(halves[0].max, 1.0);
  EXPECT_EQ(halves[1].start_ms, kT0 + 30'000);
  EXPECT_EQ(halves[1].count, 2);
  EXPECT_DOUBLE_EQ(halves[1].mean, 5.0);
  const std::vector<SeriesPoint> minute =
      query_series(store, channel, kT0, kT0 + kMsPerMinute, kMsPerMinute);
  ASSERT_EQ(minute.size(), 1U);
  EXPECT_EQ(minute[0].count, 3);
  EXPECT_DOUBLE_EQ(minute[0].max, 7.0);
  EXPECT_THROW(query_series(store, channel, kT0, kT0 + kMsPerDay, 0), InputError);
}

}  // namespace
}  // namespace egin::store
