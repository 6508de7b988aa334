#include "egin/server/storage_report.hpp"

#include <sys/statvfs.h>

#include <algorithm>

namespace egin::server {

std::optional<DiskSpace> disk_space(const std::filesystem::path& path) {
  struct statvfs fs {};
  if (::statvfs(path.c_str(), &fs) != 0) {
    return std::nullopt;
  }
  DiskSpace disk;
  disk.total_bytes =
      static_cast<std::int64_t>(fs.f_blocks) * static_cast<std::int64_t>(fs.f_frsize);
  disk.free_bytes = static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize);
  return disk;
}

GrowthEstimate estimate_growth(std::span<const DayCount> complete_days, std::int64_t today_readings,
                               double today_fraction, const store::StorageUsage& usage,
                               const std::optional<DiskSpace>& disk) {
  GrowthEstimate g;
  std::int64_t total = 0;
  int days_with_data = 0;
  for (const DayCount& d : complete_days) {
    if (d.readings <= 0) {
      continue;
    }
    total += d.readings;
    ++days_with_data;
  }
  if (days_with_data > 0) {
    g.readings_per_day = static_cast<double>(total) / days_with_data;
  } else if (today_readings > 0 && today_fraction > 0.0) {
    g.readings_per_day = static_cast<double>(today_readings) / std::min(today_fraction, 1.0);
  }
  // Rollup rows and indexes are part of what one raw reading costs on disk.
  if (usage.raw_rows > 0) {
    g.bytes_per_reading = static_cast<double>(usage.bytes) / static_cast<double>(usage.raw_rows);
  }
  g.bytes_per_day = g.readings_per_day * g.bytes_per_reading;
  if (disk && g.bytes_per_day > 0.0) {
    g.days_until_full = static_cast<double>(disk->free_bytes) / g.bytes_per_day;
  }
  return g;
}

std::vector<DayCount> daily_counts(store::TimeSeriesStore& store, TimeMs now_ms, int utc_offset_min,
                                   int days) {
  const TimeMs offset_ms = static_cast<TimeMs>(utc_offset_min) * kMsPerMinute;
  const TimeMs local_now = now_ms + offset_ms;
  const TimeMs local_midnight = local_now - (((local_now % kMsPerDay) + kMsPerDay) % kMsPerDay);
  const TimeMs today_start = local_midnight - offset_ms;  // back to UTC
  std::vector<DayCount> counts(static_cast<std::size_t>(days) + 1);
  for (int i = 0; i <= days; ++i) {
    counts[static_cast<std::size_t>(i)].day_start_ms = today_start - (days - i) * kMsPerDay;
  }
  const TimeMs from_ms = counts.front().day_start_ms;
  const TimeMs to_ms = today_start + kMsPerDay;
  // Hourly rollups add up to local days whatever the offset (whole-hour offsets; the rare
  // half-hour zones put at most one hour into the neighbouring day).
  for (const store::ChannelEntry& channel : store.channels()) {
    store.query_rollup(channel.id, store::Resolution::hour, from_ms, to_ms,
                       [&](const store::RollupRow& row) {
                         const TimeMs i = (row.start_ms - from_ms) / kMsPerDay;
                         if (i < 0 || i > days) {
                           return;
                         }
                         counts[static_cast<std::size_t>(i)].readings += row.count;
                       });
  }
  return counts;
}

}  // namespace egin::server
