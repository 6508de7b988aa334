// SqliteStore: the TimeSeriesStore on an embedded SQLite 3 database (edge boxes; no daemon).
// WAL journal; synchronous=FULL by default so an acknowledged batch survives a power cut
// ("sqlite:PATH?synchronous=normal" trades that for speed: the last commits may roll back).
// Schema: a meta table with the schema version, channels (key → id, class), readings
// WITHOUT ROWID keyed (channel, t_ms), rollup_1m / rollup_1h / rollup_1d keyed (channel,
// start_ms), and row counters kept in the same transactions. One writer connection serialized by
// a mutex; reads use a pool of their own connections, so they never wait behind a write
// (":memory:" has one shared connection instead).
// It must not validate readings or know sites: callers go through open_store() normally.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "egin/store/time_series_store.hpp"

namespace egin::store {

enum class SqliteSync { kFull, kNormal };

struct SqliteOptions {
  SqliteSync synchronous = SqliteSync::kFull;
};

class SqliteStore final : public TimeSeriesStore {
 public:
  /// Opens or creates the database at `path` (":memory:" for a throw-away one; missing parent
  /// directories are created). Throws std::runtime_error with SQLite's message and the path.
  explicit SqliteStore(std::string path, SqliteOptions options = {});
  ~SqliteStore() override;

  [[nodiscard]] std::string_view backend() const override { return "sqlite"; }
  /// Creates the channel on first sight; a later call with another class updates the class.
  ChannelId ensure_channel(std::string_view key, std::string_view channel_class) override;
  std::vector<ChannelEntry> channels() override;
  WriteResult write(std::span<const Reading> readings) override;
  void query_raw(ChannelId channel, TimeMs from_ms, TimeMs to_ms,
                 const std::function<void(const Reading&)>& visit) override;
  void query_rollup(ChannelId channel, Resolution level, TimeMs from_ms, TimeMs to_ms,
                    const std::function<void(const RollupRow&)>& visit) override;
  std::optional<Reading> latest(ChannelId channel) override;
  RetentionResult apply_retention(std::span<const RetentionRule> rules, TimeMs now_ms) override;
  StorageUsage usage() override;

  [[nodiscard]] const std::string& path() const;
  /// The journal mode of the database as SQLite reports it ("wal"; "memory" for ":memory:").
  std::string journal_mode();
  /// The synchronous level of the writer connection as SQLite reports it.
  SqliteSync synchronous();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Opens the store for the part of a URL after "sqlite:": "PATH" or "PATH?synchronous=full|normal"
/// ("///abs/path" is read as "/abs/path"). Throws InputError for an unknown option.
std::unique_ptr<TimeSeriesStore> open_sqlite_store(std::string_view path_and_options);

}  // namespace egin::store
