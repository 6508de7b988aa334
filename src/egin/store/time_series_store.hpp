// TimeSeriesStore: the one interface every time-series backend (SQLite, PostgreSQL) implements.
// Raw readings keyed by (channel, time), written durably in batches with duplicates ignored and
// counted; 1-minute, 1-hour and 1-day rollups (min, max, sum, count) kept in the same
// transaction as the raw rows; retention and storage usage.
// It must not validate readings, know units or sites, or parse anything: callers hand it clean
// numbers. Implementations are safe to use from several threads (writes are serialized inside).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::store {

/// Stable integer id of a channel, assigned by the store on first sight of its key and kept
/// across restarts (the key → id map lives in the database).
using ChannelId = std::int64_t;

/// Quality flags of a stored reading (bit set). 0 is a good reading; flagged readings are stored
/// and exported but left out of rollups.
enum ReadingFlag : std::uint32_t {
  kFlagNone = 0,
  kFlagSpike = 1U << 0,         // rate of change above the channel's limit
  kFlagStuck = 1U << 1,         // flat for longer than the channel's limit
  kFlagDeviceStatus = 1U << 2,  // the device reported a status other than normal
  kFlagDerived = 1U << 3,       // computed by egin from other channels (still rolled up)
};

/// Flags that keep a reading out of rollups.
inline constexpr std::uint32_t kFlagsExcludedFromRollups =
    kFlagSpike | kFlagStuck | kFlagDeviceStatus;

struct Reading {
  ChannelId channel = 0;
  TimeMs t_ms = 0;
  double value = 0.0;
  std::uint32_t flags = kFlagNone;
};

enum class Resolution { raw, minute, hour, day };

/// Length of one bucket of a rollup level (raw: 0).
TimeMs bucket_ms(Resolution resolution);
std::string_view resolution_name(Resolution resolution);  // "raw", "1m", "1h", "1d"

/// One bucket of a rollup: [start_ms, start_ms + bucket_ms(level)).
struct RollupRow {
  ChannelId channel = 0;
  TimeMs start_ms = 0;
  double min = 0.0;
  double max = 0.0;
  double sum = 0.0;
  std::int64_t count = 0;
  [[nodiscard]] double mean() const { return count > 0 ? sum / static_cast<double>(count) : 0.0; }
};

struct WriteResult {
  std::size_t inserted = 0;
  std::size_t duplicates = 0;  // (channel, t_ms) already stored: ignored, counted
  /// One entry per reading of the batch, in order: 1 when it was inserted, 0 when it was a
  /// duplicate (callers that group several requests into one batch split the counts with it).
  std::vector<std::uint8_t> inserted_mask;
};

/// How long each level is kept for one retention class (days; 0 = forever).
struct RetentionRule {
  std::string channel_class = "default";
  int raw_days = 400;
  int minute_days = 800;
  int hour_days = 3650;
  int day_days = 0;
};

struct RetentionResult {
  std::int64_t raw_deleted = 0;
  std::int64_t rollups_deleted = 0;
};

/// What the store holds and how much disk it takes.
struct StorageUsage {
  std::int64_t bytes = 0;  // database size on disk (files or relation sizes)
  std::int64_t raw_rows = 0;
  std::int64_t minute_rows = 0;
  std::int64_t hour_rows = 0;
  std::int64_t day_rows = 0;
  std::optional<TimeMs> oldest_raw_ms;
  std::optional<TimeMs> newest_raw_ms;
};

struct ChannelEntry {
  ChannelId id = 0;
  std::string key;            // "zone/device/channel"
  std::string channel_class;  // retention class
};

class TimeSeriesStore {
 public:
  virtual ~TimeSeriesStore() = default;
  TimeSeriesStore() = default;
  TimeSeriesStore(const TimeSeriesStore&) = delete;
  TimeSeriesStore& operator=(const TimeSeriesStore&) = delete;

  /// "sqlite" or "postgresql".
  [[nodiscard]] virtual std::string_view backend() const = 0;

  /// The id of `key`, creating it (with `channel_class`) on first sight. Stable across restarts.
  virtual ChannelId ensure_channel(std::string_view key, std::string_view channel_class) = 0;
  virtual std::vector<ChannelEntry> channels() = 0;

  /// Stores a batch in one transaction and returns only when it is durable. Readings whose
  /// (channel, t_ms) is already stored — earlier or earlier in the same batch — are ignored and
  /// counted as duplicates; rollups are updated from the inserted readings only.
  virtual WriteResult write(std::span<const Reading> readings) = 0;

  /// Raw readings of a channel with from_ms <= t_ms < to_ms, in time order, streamed.
  virtual void query_raw(ChannelId channel, TimeMs from_ms, TimeMs to_ms,
                         const std::function<void(const Reading&)>& visit) = 0;

  /// Rollup buckets of one level with from_ms <= start_ms < to_ms, in time order, streamed.
  /// `level` must not be raw.
  virtual void query_rollup(ChannelId channel, Resolution level, TimeMs from_ms, TimeMs to_ms,
                            const std::function<void(const RollupRow&)>& visit) = 0;

  /// The newest raw reading of a channel, if any.
  virtual std::optional<Reading> latest(ChannelId channel) = 0;

  /// Deletes what the rules say is too old at `now_ms` (a channel whose class has no rule uses
  /// the rule named "default", or keeps everything when there is none).
  virtual RetentionResult apply_retention(std::span<const RetentionRule> rules, TimeMs now_ms) = 0;

  virtual StorageUsage usage() = 0;
};

/// Opens (creating when needed) the store a URL names: "sqlite:PATH" (PATH ":memory:" for a
/// throw-away database) or "postgresql://user:pass@host:port/db?…" / "postgres://…".
/// Throws InputError for a URL of another scheme, std::runtime_error when it cannot connect.
std::unique_ptr<TimeSeriesStore> open_store(std::string_view url);

}  // namespace egin::store
