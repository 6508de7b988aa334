// Rollup aggregation of a batch: bucket edges (also before 1970), the merge rule, flagged and
// non-finite readings left out, and nesting (every coarser bucket is the merge of finer ones).
#include "egin/store/rollup_batch.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace egin::store {
namespace {

constexpr TimeMs kT0 = 1'709'251'200'000;  // 2024-03-01T00:00:00Z

TEST(BucketStart, FloorsToTheEpochAlignedEdge) {
  EXPECT_EQ(bucket_start(kT0, Resolution::minute), kT0);
  EXPECT_EQ(bucket_start(kT0 + kMsPerMinute - 1, Resolution::minute), kT0);
  EXPECT_EQ(bucket_start(kT0 + kMsPerMinute, Resolution::minute), kT0 + kMsPerMinute);
  EXPECT_EQ(bucket_start(kT0 + 5 * kMsPerHour + 59 * kMsPerMinute, Resolution::hour),
            kT0 + 5 * kMsPerHour);
  EXPECT_EQ(bucket_start(kT0 + kMsPerDay - 1, Resolution::day), kT0);
  // Before the epoch: floor, not truncation toward zero.
  EXPECT_EQ(bucket_start(-1, Resolution::minute), -kMsPerMinute);
  EXPECT_EQ(bucket_start(-kMsPerMinute, Resolution::minute), -kMsPerMinute);
  EXPECT_EQ(bucket_start(-kMsPerMinute - 1, Resolution::hour), -kMsPerHour);
  EXPECT_EQ(bucket_start(-1, Resolution::day), -kMsPerDay);
  EXPECT_THROW(bucket_start(kT0, Resolution::raw), std::invalid_argument);
}

TEST(MergeRollup, TakesMinOfMinsMaxOfMaxesAndAddsSumsAndCounts) {
  RollupRow into{.channel = 3, .start_ms = kT0, .min = 1.5, .max = 4.0, .sum = 11.0, .count = 4};
  merge_rollup(
      into,
      RollupRow{.channel = 3, .start_ms = kT0, .min = -2.0, .max = 3.0, .sum = 1.0, .count = 2});
  EXPECT_DOUBLE_EQ(into.min, -2.0);
  EXPECT_DOUBLE_EQ(into.max, 4.0);
  EXPECT_DOUBLE_EQ(into.sum, 12.0);
  EXPECT_EQ(into.count, 6);
  EXPECT_DOUBLE_EQ(into.mean(), 2.0);
  // An empty bucket changes nothing; merging into an empty one copies the values.
  merge_rollup(
      into, RollupRow{.channel = 3, .start_ms = kT0, .min = -99, .max = 99, .sum = 5, .count = 0});
  EXPECT_DOUBLE_EQ(into.min, -2.0);
  EXPECT_EQ(into.count, 6);
  RollupRow empty{.channel = 3, .start_ms = kT0, .min = 0, .max = 0, .sum = 0, .count = 0};
  merge_rollup(empty,
               RollupRow{.channel = 9, .start_ms = 1, .min = 7, .max = 8, .sum = 15, .count = 2});
  EXPECT_EQ(empty.channel, 3);
  EXPECT_EQ(empty.start_ms, kT0);
  EXPECT_DOUBLE_EQ(empty.min, 7.0);
  EXPECT_DOUBLE_EQ(empty.max, 8.0);
  EXPECT_EQ(empty.count, 2);
}

TEST(AggregateRollups, HandExampleAcrossBucketEdges) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<Reading> readings = {
      {2, kT0 + kMsPerHour - 1, 7.0, kFlagNone},    // last ms of hour 0, minute 59
      {1, kT0 + 30'000, 3.0, kFlagNone},            // minute 0
      {1, kT0, 1.0, kFlagNone},                     // minute 0 (out of order)
      {1, kT0 + kMsPerMinute, 10.0, kFlagDerived},  // minute 1 (derived counts)
      {1, kT0 + kMsPerMinute + 1, 99.0, kFlagSpike},
      {1, kT0 + kMsPerMinute + 2, 99.0, kFlagStuck},
      {1, kT0 + kMsPerMinute + 3, 99.0, kFlagDeviceStatus},
      {1, kT0 + kMsPerMinute + 4, nan, kFlagNone},
      {1, kT0 + kMsPerDay, -4.0, kFlagNone},  // next day
      {2, kT0 + kMsPerHour, 9.0, kFlagNone},  // first ms of hour 1
  };
  const RollupBatch batch = aggregate_rollups(readings);

  ASSERT_EQ(batch.minute.size(), 5U);
  EXPECT_EQ(batch.minute[0].channel, 1);
  EXPECT_EQ(batch.minute[0].start_ms, kT0);
  EXPECT_EQ(batch.minute[0].count, 2);
  EXPECT_DOUBLE_EQ(batch.minute[0].min, 1.0);
  EXPECT_DOUBLE_EQ(batch.minute[0].max, 3.0);
  EXPECT_DOUBLE_EQ(batch.minute[0].sum, 4.0);
  EXPECT_EQ(batch.minute[1].start_ms, kT0 + kMsPerMinute);
  EXPECT_EQ(batch.minute[1].count, 1);
  EXPECT_DOUBLE_EQ(batch.minute[1].max, 10.0);
  EXPECT_EQ(batch.minute[2].start_ms, kT0 + kMsPerDay);
  EXPECT_EQ(batch.minute[3].channel, 2);
  EXPECT_EQ(batch.minute[3].start_ms, kT0 + 59 * kMsPerMinute);
  EXPECT_EQ(batch.minute[4].start_ms, kT0 + kMsPerHour);

  ASSERT_EQ(batch.hour.size(), 4U);
  EXPECT_EQ(batch.hour[0].channel, 1);
  EXPECT_EQ(batch.hour[0].start_ms, kT0);
  EXPECT_EQ(batch.hour[0].count, 3);
  EXPECT_DOUBLE_EQ(batch.hour[0].sum, 14.0);
  EXPECT_DOUBLE_EQ(batch.hour[0].max, 10.0);
  EXPECT_EQ(batch.hour[2].channel, 2);
  EXPECT_EQ(batch.hour[2].start_ms, kT0);
  EXPECT_EQ(batch.hour[3].start_ms, kT0 + kMsPerHour);

  ASSERT_EQ(batch.day.size(), 3U);
  EXPECT_EQ(batch.day[0].count, 3);
  EXPECT_EQ(batch.day[1].start_ms, kT0 + kMsPerDay);
  EXPECT_DOUBLE_EQ(batch.day[1].min, -4.0);
  EXPECT_EQ(batch.day[2].channel, 2);
  EXPECT_EQ(batch.day[2].count, 2);
  EXPECT_DOUBLE_EQ(batch.day[2].sum, 16.0);

  EXPECT_EQ(&batch.rows(Resolution::hour), &batch.hour);
  EXPECT_THROW((void)batch.rows(Resolution::raw), std::invalid_argument);
}

TEST(AggregateRollups, EmptyOrAllFlaggedGivesNoRows) {
  EXPECT_TRUE(aggregate_rollups({}).minute.empty());
  const std::vector<Reading> flagged = {{1, kT0, 1.0, kFlagSpike}, {1, kT0 + 1, 2.0, kFlagStuck}};
  const RollupBatch batch = aggregate_rollups(flagged);
  EXPECT_TRUE(batch.minute.empty());
  EXPECT_TRUE(batch.hour.empty());
  EXPECT_TRUE(batch.day.empty());
}

TEST(AggregateRollups, CountsAndSumsAreConservedAcrossLevels) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<TimeMs> time(kT0 - 2 * kMsPerDay, kT0 + 2 * kMsPerDay);
  std::uniform_int_distribution<ChannelId> channel(1, 4);
  std::uniform_int_distribution<int> value(-500, 500);
  std::vector<Reading> readings;
  readings.reserve(5000);
  for (int i = 0; i < 5000; ++i) {
    readings.push_back(Reading{channel(rng), time(rng), value(rng) * 0.25, kFlagNone});
  }
  const RollupBatch batch = aggregate_rollups(readings);
  for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
    std::int64_t count = 0;
    double sum = 0.0;
    const auto& rows = batch.rows(level);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      count += rows[i].count;
      sum += rows[i].sum;
      EXPECT_EQ(rows[i].start_ms, bucket_start(rows[i].start_ms, level));
      EXPECT_LE(rows[i].min, rows[i].max);
      if (i > 0) {  // sorted by (channel, start), one row per bucket
        EXPECT_TRUE(
            rows[i - 1].channel < rows[i].channel ||
            (rows[i - 1].channel == rows[i].channel && rows[i - 1].start_ms < rows[i].start_ms));
      }
    }
    EXPECT_EQ(count, 5000) << resolution_name(level);
    double want = 0.0;
    for (const Reading& r : readings) {
      want += r.value;
    }
    EXPECT_DOUBLE_EQ(sum, want);  // quarter values: sums are exact in binary
  }
}

TEST(Resolution, NamesAndBucketLengths) {
  EXPECT_EQ(bucket_ms(Resolution::raw), 0);
  EXPECT_EQ(bucket_ms(Resolution::minute), 60'000);
  EXPECT_EQ(bucket_ms(Resolution::hour), 3'600'000);
  EXPECT_EQ(bucket_ms(Resolution::day), 86'400'000);
  EXPECT_EQ(resolution_name(Resolution::raw), "raw");
  EXPECT_EQ(resolution_name(Resolution::minute), "1m");
  EXPECT_EQ(resolution_name(Resolution::hour), "1h");
  EXPECT_EQ(resolution_name(Resolution::day), "1d");
}

}  // namespace
}  // namespace egin::store
