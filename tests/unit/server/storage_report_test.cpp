#include "egin/server/storage_report.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace egin::server {
namespace {

TEST(EstimateGrowth, MeanOfCompleteDaysWithData) {
  const std::vector<DayCount> days{{0, 0}, {1, 1000}, {2, 3000}, {3, 0}};
  store::StorageUsage usage;
  usage.bytes = 800000;
  usage.raw_rows = 10000;  // 80 bytes per reading
  const DiskSpace disk{1000000000, 16000000};
  const GrowthEstimate g = estimate_growth(days, 500, 0.5, usage, disk);
  EXPECT_DOUBLE_EQ(g.readings_per_day, 2000.0);  // (1000 + 3000) / 2 days with data
  EXPECT_DOUBLE_EQ(g.bytes_per_reading, 80.0);
  EXPECT_DOUBLE_EQ(g.bytes_per_day, 160000.0);
  ASSERT_TRUE(g.days_until_full.has_value());
  EXPECT_DOUBLE_EQ(*g.days_until_full, 100.0);  // 16 MB free / 160 kB per day
}

TEST(EstimateGrowth, TodayScaledWhenNoCompleteDayHasData) {
  const std::vector<DayCount> days{{0, 0}, {1, 0}};
  store::StorageUsage usage;
  usage.bytes = 1000;
  usage.raw_rows = 10;
  const GrowthEstimate g = estimate_growth(days, 300, 0.25, usage, DiskSpace{10, 5});
  EXPECT_DOUBLE_EQ(g.readings_per_day, 1200.0);
}

TEST(EstimateGrowth, NoForecastWithoutGrowthOrDisk) {
  store::StorageUsage usage;
  EXPECT_FALSE(estimate_growth({}, 0, 0.5, usage, DiskSpace{10, 5}).days_until_full);
  usage.bytes = 100;
  usage.raw_rows = 1;
  const std::vector<DayCount> days{{0, 10}};
  EXPECT_FALSE(estimate_growth(days, 0, 0.5, usage, std::nullopt).days_until_full);
}

TEST(DiskSpace, ReadsTheFileSystem) {
  const auto disk = disk_space("/");
  ASSERT_TRUE(disk.has_value());
  EXPECT_GT(disk->total_bytes, 0);
  EXPECT_LE(disk->free_bytes, disk->total_bytes);
  EXPECT_FALSE(disk_space("/no/such/dir/egin").has_value());
}

}  // namespace
}  // namespace egin::server
