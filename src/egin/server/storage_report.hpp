// Storage report: what the store holds, how fast it grows and when the data disk would be full —
// for GET /api/v1/storage and the disk gauges of /metrics. Growth is measured from the daily
// rollup counts of the last days (readings per day × bytes per stored reading); the forecast
// divides the free space by that growth and ignores what retention will delete (so it is the
// pessimistic figure; the steady-state size under the raw retention rule is given beside it).
// It must not delete anything or answer HTTP.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/runtime/site.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::server {

struct DiskSpace {
  std::int64_t total_bytes = 0;
  std::int64_t free_bytes = 0;  // available to an unprivileged user (statvfs f_bavail)
};

/// statvfs of the file system holding `path`; nullopt when it cannot be read.
std::optional<DiskSpace> disk_space(const std::filesystem::path& path);

struct DayCount {
  TimeMs day_start_ms = 0;  // local midnight, as UTC ms
  std::int64_t readings = 0;
};

struct GrowthEstimate {
  double readings_per_day = 0.0;
  double bytes_per_reading = 0.0;
  double bytes_per_day = 0.0;
  std::optional<double> days_until_full;  // nullopt without growth or disk figures
};

/// Pure arithmetic of the forecast: the mean of the complete days that hold data (today,
/// partial, counts only when no complete day has data, scaled to a whole day by `today_fraction`).
GrowthEstimate estimate_growth(std::span<const DayCount> complete_days, std::int64_t today_readings,
                               double today_fraction, const store::StorageUsage& usage,
                               const std::optional<DiskSpace>& disk);

/// Readings per local day over the last `days` complete days and today, for every channel.
std::vector<DayCount> daily_counts(store::TimeSeriesStore& store, TimeMs now_ms, int utc_offset_min,
                                   int days);

}  // namespace egin::server
