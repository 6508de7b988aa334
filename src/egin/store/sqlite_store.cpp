// SqliteStore: connections, prepared-statement cache, schema, batched writes with rollups,
// chunked retention. See sqlite_store.hpp for what it holds.
#include "egin/store/sqlite_store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/store/rollup_batch.hpp"

namespace egin::store {
namespace {

constexpr const char* kSchemaVersion = "1";
constexpr int kBusyTimeoutMs = 10000;
constexpr std::int64_t kRetentionChunkRows = 5000;
constexpr std::array<Resolution, 3> kRollupLevels = {Resolution::minute, Resolution::hour,
                                                     Resolution::day};

const char* rollup_table(Resolution level) {
  switch (level) {
    case Resolution::minute:
      return "rollup_1m";
    case Resolution::hour:
      return "rollup_1h";
    case Resolution::day:
      return "rollup_1d";
    case Resolution::raw:
      break;
  }
  throw std::invalid_argument("SqliteStore: raw is not a rollup level");
}

[[noreturn]] void fail(sqlite3* db, const std::string& path, std::string_view doing) {
  std::string message = "sqlite " + path + ": " + std::string(doing) + ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  throw std::runtime_error(message);
}

// One SQLite connection, used by one thread at a time, with its prepared statements cached.
class Connection {
 public:
  Connection(std::string path, int open_flags) : path_(std::move(path)) {
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, open_flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = "sqlite " + path_ + ": open: ";
      message += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw std::runtime_error(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  }
  ~Connection() {
    for (auto& entry : cache_) {
      sqlite3_finalize(entry.second);
    }
    sqlite3_close_v2(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] sqlite3* db() const { return db_; }
  [[nodiscard]] const std::string& path() const { return path_; }

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      fail(db_, path_, sql);
    }
  }

  sqlite3_stmt* prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      fail(db_, path_, "prepare " + sql);
    }
    return stmt;
  }

  // The cached statement for `sql`, or nullptr when it is in use (a re-entrant call).
  sqlite3_stmt* cached(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
      found = cache_.emplace(sql, prepare(sql)).first;
    }
    return sqlite3_stmt_busy(found->second) != 0 ? nullptr : found->second;
  }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// A prepared statement borrowed from a connection's cache (or prepared for this use alone when
// the cached one is busy), reset when done.
class Stmt {
 public:
  Stmt(Connection& conn, const std::string& sql) : conn_(conn), stmt_(conn.cached(sql)) {
    if (stmt_ == nullptr) {
      stmt_ = conn.prepare(sql);
      owned_ = true;
    }
  }
  ~Stmt() {
    if (owned_) {
      sqlite3_finalize(stmt_);
    } else {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
  }
  Stmt& bind(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value), "bind");  // NaN is stored as NULL
    return *this;
  }
  Stmt& bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT),
          "bind");
    return *this;
  }

  /// Steps once: true with a row to read, false when done.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      return true;
    }
    if (rc == SQLITE_DONE) {
      return false;
    }
    sqlite3_reset(stmt_);
    fail(conn_.db(), conn_.path(), sqlite3_sql(stmt_));
  }
  void run() {
    while (step()) {
    }
  }
  void reset() { sqlite3_reset(stmt_); }

  [[nodiscard]] std::int64_t integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
  }
  [[nodiscard]] double real(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    return sqlite3_column_double(stmt_, column);
  }
  [[nodiscard]] std::string text(int column) const {
    const auto* chars = sqlite3_column_text(stmt_, column);
    if (chars == nullptr) {
      return {};
    }
    return {reinterpret_cast<const char*>(chars),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  void check(int rc, std::string_view doing) const {
    if (rc != SQLITE_OK) {
      fail(conn_.db(), conn_.path(), doing);
    }
  }

  Connection& conn_;
  sqlite3_stmt* stmt_;
  bool owned_ = false;
};

// BEGIN … COMMIT, rolled back when left without commit() (an exception).
class Transaction {
 public:
  Transaction(Connection& conn, const char* begin_sql) : conn_(conn) { conn_.exec(begin_sql); }
  ~Transaction() {
    if (open_) {
      sqlite3_exec(conn_.db(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    conn_.exec("COMMIT");
    open_ = false;
  }

 private:
  Connection& conn_;
  bool open_ = true;
};

std::string pragma_text(Connection& conn, const char* sql) {
  Stmt stmt(conn, sql);
  return stmt.step() ? stmt.text(0) : std::string();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const char* const kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
CREATE TABLE IF NOT EXISTS channels(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  channel_class TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS readings(
  channel INTEGER NOT NULL,
  t_ms INTEGER NOT NULL,
  value REAL,
  flags INTEGER NOT NULL,
  PRIMARY KEY(channel, t_ms)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_1m(
  channel INTEGER NOT NULL, start_ms INTEGER NOT NULL,
  vmin REAL NOT NULL, vmax REAL NOT NULL, vsum REAL NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(channel, start_ms)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_1h(
  channel INTEGER NOT NULL, start_ms INTEGER NOT NULL,
  vmin REAL NOT NULL, vmax REAL NOT NULL, vsum REAL NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(channel, start_ms)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_1d(
  channel INTEGER NOT NULL, start_ms INTEGER NOT NULL,
  vmin REAL NOT NULL, vmax REAL NOT NULL, vsum REAL NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(channel, start_ms)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS row_counts(level TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO row_counts(level, n) VALUES('raw', 0), ('1m', 0), ('1h', 0), ('1d', 0);
)sql";

// Row-count key of a level in the row_counts table.
std::string count_key(Resolution level) { return std::string(resolution_name(level)); }

// The state of one store (SqliteStore::Impl is this, named here so helpers can take it).
struct SqliteState {
  std::string path;
  SqliteOptions options;
  bool memory = false;

  // The one writer connection (and, for ":memory:", the only connection). Recursive so that a
  // visitor of a query on ":memory:" may call back into the store.
  std::recursive_mutex write_mutex;
  std::unique_ptr<Connection> writer;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Connection>> idle_readers;

  std::mutex channel_mutex;
  std::unordered_map<std::string, ChannelEntry> channel_cache;

  std::unique_ptr<Connection> open_reader() const {
    auto conn = std::make_unique<Connection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    conn->exec("PRAGMA query_only = ON; PRAGMA cache_size = -16384");
    return conn;
  }
};

// A connection for reading: one of the pool (made when none is idle), or the shared one of
// ":memory:" under the writer's lock.
class ReadLease {
 public:
  explicit ReadLease(SqliteState& impl) : impl_(impl) {
    if (impl_.memory) {
      lock_ = std::unique_lock(impl_.write_mutex);
      conn_ = impl_.writer.get();
      return;
    }
    {
      const std::lock_guard guard(impl_.pool_mutex);
      if (!impl_.idle_readers.empty()) {
        own_ = std::move(impl_.idle_readers.back());
        impl_.idle_readers.pop_back();
      }
    }
    if (!own_) {
      own_ = impl_.open_reader();
    }
    conn_ = own_.get();
  }
  ~ReadLease() {
    if (own_) {
      const std::lock_guard guard(impl_.pool_mutex);
      impl_.idle_readers.push_back(std::move(own_));
    }
  }
  ReadLease(const ReadLease&) = delete;
  ReadLease& operator=(const ReadLease&) = delete;

  Connection& conn() { return *conn_; }

 private:
  SqliteState& impl_;
  std::unique_ptr<Connection> own_;
  std::unique_lock<std::recursive_mutex> lock_;
  Connection* conn_ = nullptr;
};

}  // namespace

struct SqliteStore::Impl : SqliteState {};

SqliteStore::SqliteStore(std::string path, SqliteOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  impl_->options = options;
  impl_->memory = impl_->path == ":memory:";
  if (!impl_->memory) {
    const std::filesystem::path parent = std::filesystem::path(impl_->path).parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::exists(parent, error)) {
      std::filesystem::create_directories(parent, error);
      if (error) {
        throw std::runtime_error("sqlite " + impl_->path + ": cannot create directory " +
                                 parent.string() + ": " + error.message());
      }
    }
  }
  impl_->writer = std::make_unique<Connection>(
      impl_->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  Connection& conn = *impl_->writer;
  if (!impl_->memory) {
    const std::string mode = pragma_text(conn, "PRAGMA journal_mode = WAL");
    if (lower(mode) != "wal") {
      throw std::runtime_error("sqlite " + impl_->path +
                               ": cannot switch to WAL journal (journal_mode is " + mode + ")");
    }
  }
  conn.exec(options.synchronous == SqliteSync::kFull ? "PRAGMA synchronous = FULL"
                                                     : "PRAGMA synchronous = NORMAL");
  conn.exec(
      "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;"
      "PRAGMA journal_size_limit = 67108864");
  Transaction tx(conn, "BEGIN IMMEDIATE");
  conn.exec(kSchemaSql);
  {
    Stmt version(conn, "SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string found = version.step() ? version.text(0) : std::string();
    if (found != kSchemaVersion) {
      throw std::runtime_error("sqlite " + impl_->path + ": schema version " + found +
                               " is not the one this egin knows (" + kSchemaVersion + ")");
    }
  }
  tx.commit();
}

SqliteStore::~SqliteStore() = default;

const std::string& SqliteStore::path() const { return impl_->path; }

std::string SqliteStore::journal_mode() {
  const std::lock_guard lock(impl_->write_mutex);
  return lower(pragma_text(*impl_->writer, "PRAGMA journal_mode"));
}

SqliteSync SqliteStore::synchronous() {
  const std::lock_guard lock(impl_->write_mutex);
  Stmt stmt(*impl_->writer, "PRAGMA synchronous");
  const std::int64_t level = stmt.step() ? stmt.integer(0) : 0;
  return level >= 2 ? SqliteSync::kFull : SqliteSync::kNormal;
}

ChannelId SqliteStore::ensure_channel(std::string_view key, std::string_view channel_class) {
  const std::string key_text(key);
  {
    const std::lock_guard guard(impl_->channel_mutex);
    const auto found = impl_->channel_cache.find(key_text);
    if (found != impl_->channel_cache.end() && found->second.channel_class == channel_class) {
      return found->second.id;
    }
  }
  ChannelEntry entry{.id = 0, .key = key_text, .channel_class = std::string(channel_class)};
  {
    const std::lock_guard lock(impl_->write_mutex);
    Connection& conn = *impl_->writer;
    Transaction tx(conn, "BEGIN IMMEDIATE");
    Stmt upsert(conn,
                "INSERT INTO channels(key, channel_class) VALUES(?1, ?2) ON CONFLICT(key) DO "
                "UPDATE SET channel_class = excluded.channel_class WHERE channel_class <> "
                "excluded.channel_class");
    upsert.bind(1, key).bind(2, channel_class).run();
    Stmt select(conn, "SELECT id FROM channels WHERE key = ?1");
    select.bind(1, key);
    if (!select.step()) {
      fail(conn.db(), conn.path(), "channel id not found after insert");
    }
    entry.id = select.integer(0);
    select.reset();
    tx.commit();
  }
  const std::lock_guard guard(impl_->channel_mutex);
  impl_->channel_cache[key_text] = entry;
  return entry.id;
}

std::vector<ChannelEntry> SqliteStore::channels() {
  ReadLease lease(*impl_);
  Stmt stmt(lease.conn(), "SELECT id, key, channel_class FROM channels ORDER BY id");
  std::vector<ChannelEntry> entries;
  while (stmt.step()) {
    entries.push_back(
        ChannelEntry{.id = stmt.integer(0), .key = stmt.text(1), .channel_class = stmt.text(2)});
  }
  return entries;
}

WriteResult SqliteStore::write(std::span<const Reading> readings) {
  WriteResult result;
  if (readings.empty()) {
    return result;
  }
  const std::lock_guard lock(impl_->write_mutex);
  Connection& conn = *impl_->writer;
  Transaction tx(conn, "BEGIN IMMEDIATE");

  std::vector<Reading> inserted;
  inserted.reserve(readings.size());
  result.inserted_mask.assign(readings.size(), 0);
  {
    Stmt insert(conn,
                "INSERT OR IGNORE INTO readings(channel, t_ms, value, flags) "
                "VALUES(?1, ?2, ?3, ?4)");
    // In key order (stable: the first of equal keys is tried first and wins), so consecutive
    // inserts land next to each other in the primary-key b-tree.
    std::vector<std::uint32_t> order(readings.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = static_cast<std::uint32_t>(i);
    }
    std::stable_sort(order.begin(), order.end(), [&readings](std::uint32_t x, std::uint32_t y) {
      const Reading& a = readings[x];
      const Reading& b = readings[y];
      return a.channel != b.channel ? a.channel < b.channel : a.t_ms < b.t_ms;
    });
    for (const std::uint32_t i : order) {
      const Reading& reading = readings[i];
      const sqlite3_int64 before = sqlite3_total_changes64(conn.db());
      insert.bind(1, reading.channel)
          .bind(2, reading.t_ms)
          .bind(3, reading.value)
          .bind(4, static_cast<std::int64_t>(reading.flags));
      insert.run();
      insert.reset();
      if (sqlite3_total_changes64(conn.db()) != before) {
        inserted.push_back(reading);
        result.inserted_mask[i] = 1;
      } else {
        ++result.duplicates;
      }
    }
  }
  result.inserted = inserted.size();

  const RollupBatch batch = aggregate_rollups(inserted);
  std::map<std::string, std::int64_t> new_rows;
  new_rows["raw"] = static_cast<std::int64_t>(result.inserted);
  for (const Resolution level : kRollupLevels) {
    const std::string table = rollup_table(level);
    // A new bucket is one INSERT; a bucket already stored is merged by an UPDATE (min of mins,
    // max of maxes, sum of sums, count of counts) — an upsert that also counts the new rows.
    Stmt insert(conn,
                "INSERT OR IGNORE INTO " + table +
                    "(channel, start_ms, vmin, vmax, vsum, n) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    Stmt merge(conn, "UPDATE " + table +
                         " SET vmin = min(vmin, ?3), vmax = max(vmax, ?4), vsum = vsum + ?5, "
                         "n = n + ?6 WHERE channel = ?1 AND start_ms = ?2");
    std::int64_t created = 0;
    for (const RollupRow& row : batch.rows(level)) {
      const sqlite3_int64 before = sqlite3_total_changes64(conn.db());
      insert.bind(1, row.channel)
          .bind(2, row.start_ms)
          .bind(3, row.min)
          .bind(4, row.max)
          .bind(5, row.sum)
          .bind(6, row.count);
      insert.run();
      insert.reset();
      if (sqlite3_total_changes64(conn.db()) != before) {
        ++created;
        continue;
      }
      merge.bind(1, row.channel)
          .bind(2, row.start_ms)
          .bind(3, row.min)
          .bind(4, row.max)
          .bind(5, row.sum)
          .bind(6, row.count);
      merge.run();
      merge.reset();
    }
    new_rows[count_key(level)] = created;
  }
  {
    Stmt count(conn, "UPDATE row_counts SET n = n + ?2 WHERE level = ?1");
    for (const auto& [level, delta] : new_rows) {
      if (delta != 0) {
        count.bind(1, std::string_view(level)).bind(2, delta).run();
        count.reset();
      }
    }
  }
  tx.commit();
  return result;
}

void SqliteStore::query_raw(ChannelId channel, TimeMs from_ms, TimeMs to_ms,
                            const std::function<void(const Reading&)>& visit) {
  ReadLease lease(*impl_);
  Stmt stmt(lease.conn(),
            "SELECT t_ms, value, flags FROM readings WHERE channel = ?1 AND t_ms >= ?2 AND "
            "t_ms < ?3 ORDER BY t_ms");
  stmt.bind(1, channel).bind(2, from_ms).bind(3, to_ms);
  while (stmt.step()) {
    visit(Reading{.channel = channel,
                  .t_ms = stmt.integer(0),
                  .value = stmt.real(1),
                  .flags = static_cast<std::uint32_t>(stmt.integer(2))});
  }
}

void SqliteStore::query_rollup(ChannelId channel, Resolution level, TimeMs from_ms, TimeMs to_ms,
                               const std::function<void(const RollupRow&)>& visit) {
  const std::string table = rollup_table(level);
  ReadLease lease(*impl_);
  Stmt stmt(lease.conn(), "SELECT start_ms, vmin, vmax, vsum, n FROM " + table +
                              " WHERE channel = ?1 AND start_ms >= ?2 AND start_ms < ?3 "
                              "ORDER BY start_ms");
  stmt.bind(1, channel).bind(2, from_ms).bind(3, to_ms);
  while (stmt.step()) {
    visit(RollupRow{.channel = channel,
                    .start_ms = stmt.integer(0),
                    .min = stmt.real(1),
                    .max = stmt.real(2),
                    .sum = stmt.real(3),
                    .count = stmt.integer(4)});
  }
}

std::optional<Reading> SqliteStore::latest(ChannelId channel) {
  ReadLease lease(*impl_);
  Stmt stmt(lease.conn(),
            "SELECT t_ms, value, flags FROM readings WHERE channel = ?1 ORDER BY t_ms DESC "
            "LIMIT 1");
  stmt.bind(1, channel);
  if (!stmt.step()) {
    return std::nullopt;
  }
  return Reading{.channel = channel,
                 .t_ms = stmt.integer(0),
                 .value = stmt.real(1),
                 .flags = static_cast<std::uint32_t>(stmt.integer(2))};
}

RetentionResult SqliteStore::apply_retention(std::span<const RetentionRule> rules, TimeMs now_ms) {
  const RetentionRule* default_rule = nullptr;
  std::map<std::string, const RetentionRule*, std::less<>> by_class;
  for (const RetentionRule& rule : rules) {
    by_class[rule.channel_class] = &rule;
  }
  if (const auto found = by_class.find("default"); found != by_class.end()) {
    default_rule = found->second;
  }

  // Every channel with data (also ids missing from the channels table: those use "default").
  std::map<ChannelId, std::string> classes;
  {
    ReadLease lease(*impl_);
    Connection& conn = lease.conn();
    Transaction tx(conn, "BEGIN");
    for (const ChannelEntry& entry : channels()) {
      classes[entry.id] = entry.channel_class;
    }
    for (const char* table : {"readings", "rollup_1m", "rollup_1h", "rollup_1d"}) {
      Stmt next(conn, std::string("SELECT channel FROM ") + table +
                          " WHERE channel > ?1 ORDER BY channel LIMIT 1");
      ChannelId after = std::numeric_limits<ChannelId>::min();
      while (true) {
        next.bind(1, after);
        if (!next.step()) {
          break;
        }
        after = next.integer(0);
        next.reset();
        classes.try_emplace(after, "default");
      }
    }
    tx.commit();
  }

  RetentionResult result;
  for (const auto& [channel, channel_class] : classes) {
    const auto found = by_class.find(channel_class);
    const RetentionRule* rule = found != by_class.end() ? found->second : default_rule;
    if (rule == nullptr) {
      continue;
    }
    const std::array<std::pair<Resolution, int>, 4> levels = {
        {{Resolution::raw, rule->raw_days},
         {Resolution::minute, rule->minute_days},
         {Resolution::hour, rule->hour_days},
         {Resolution::day, rule->day_days}}};
    for (const auto& [level, days] : levels) {
      if (days <= 0) {
        continue;
      }
      const TimeMs cutoff_ms = now_ms - static_cast<TimeMs>(days) * kMsPerDay;
      const bool raw = level == Resolution::raw;
      const std::string table = raw ? "readings" : rollup_table(level);
      const std::string column = raw ? "t_ms" : "start_ms";
      std::string edge_sql = "SELECT ";
      edge_sql.append(column).append(" FROM ").append(table);
      edge_sql.append(" WHERE channel = ?1 AND ").append(column).append(" < ?2 ORDER BY ");
      edge_sql.append(column).append(" LIMIT 1 OFFSET ?3");
      std::string erase_sql = "DELETE FROM ";
      erase_sql.append(table).append(" WHERE channel = ?1 AND ").append(column).append(" < ?2");
      // Chunks of kRetentionChunkRows rows, each its own transaction, so that a large delete
      // lets ingest in between.
      while (true) {
        const std::lock_guard lock(impl_->write_mutex);
        Connection& conn = *impl_->writer;
        Transaction tx(conn, "BEGIN IMMEDIATE");
        TimeMs below_ms = cutoff_ms;
        bool more = false;
        {
          Stmt edge(conn, edge_sql);
          edge.bind(1, channel).bind(2, cutoff_ms).bind(3, kRetentionChunkRows - 1);
          if (edge.step()) {
            below_ms = edge.integer(0) + 1;
            more = below_ms < cutoff_ms;
          }
        }
        Stmt erase(conn, erase_sql);
        erase.bind(1, channel).bind(2, below_ms).run();
        const std::int64_t deleted = sqlite3_changes64(conn.db());
        if (deleted > 0) {
          Stmt count(conn, "UPDATE row_counts SET n = n - ?2 WHERE level = ?1");
          count.bind(1, std::string_view(count_key(level))).bind(2, deleted).run();
        }
        tx.commit();
        (raw ? result.raw_deleted : result.rollups_deleted) += deleted;
        if (!more) {
          break;
        }
      }
    }
  }
  return result;
}

StorageUsage SqliteStore::usage() {
  StorageUsage usage;
  ReadLease lease(*impl_);
  Connection& conn = lease.conn();
  Transaction tx(conn, "BEGIN");
  {
    Stmt pages(conn, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    usage.bytes = pages.step() ? pages.integer(0) : 0;
  }
  if (!impl_->memory) {
    std::error_code error;
    const auto wal_bytes = std::filesystem::file_size(impl_->path + "-wal", error);
    if (!error) {
      usage.bytes += static_cast<std::int64_t>(wal_bytes);
    }
  }
  {
    Stmt counts(conn, "SELECT level, n FROM row_counts");
    while (counts.step()) {
      const std::string level = counts.text(0);
      const std::int64_t rows = counts.integer(1);
      if (level == "raw") {
        usage.raw_rows = rows;
      } else if (level == "1m") {
        usage.minute_rows = rows;
      } else if (level == "1h") {
        usage.hour_rows = rows;
      } else if (level == "1d") {
        usage.day_rows = rows;
      }
    }
  }
  {
    // Skip from channel to channel along the primary key: the first row of each is its oldest.
    Stmt next(conn,
              "SELECT channel, t_ms FROM readings WHERE channel > ?1 ORDER BY channel, t_ms "
              "LIMIT 1");
    Stmt newest(conn, "SELECT t_ms FROM readings WHERE channel = ?1 ORDER BY t_ms DESC LIMIT 1");
    ChannelId after = std::numeric_limits<ChannelId>::min();
    while (true) {
      next.bind(1, after);
      if (!next.step()) {
        break;
      }
      after = next.integer(0);
      const TimeMs oldest_ms = next.integer(1);
      next.reset();
      usage.oldest_raw_ms = std::min(usage.oldest_raw_ms.value_or(oldest_ms), oldest_ms);
      newest.bind(1, after);
      if (newest.step()) {
        const TimeMs newest_ms = newest.integer(0);
        usage.newest_raw_ms = std::max(usage.newest_raw_ms.value_or(newest_ms), newest_ms);
      }
      newest.reset();
    }
  }
  tx.commit();
  return usage;
}

std::unique_ptr<TimeSeriesStore> open_sqlite_store(std::string_view path_and_options) {
  const InputLocation where{.file = "", .line = 0, .field = "--db"};
  const std::size_t question = path_and_options.find('?');
  std::string_view path = path_and_options.substr(0, question);
  if (path.starts_with("//")) {
    path.remove_prefix(2);  // sqlite:///abs/path
  }
  if (path.empty()) {
    throw InputError(where, "the sqlite URL names no file", "sqlite:PATH or sqlite::memory:");
  }
  SqliteOptions options;
  if (question != std::string_view::npos) {
    std::string_view rest = path_and_options.substr(question + 1);
    while (!rest.empty()) {
      const std::size_t amp = rest.find('&');
      const std::string_view option = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      const std::size_t eq = option.find('=');
      const std::string name = lower(option.substr(0, eq));
      const std::string value =
          eq == std::string_view::npos ? std::string() : lower(option.substr(eq + 1));
      if (name == "synchronous" && value == "full") {
        options.synchronous = SqliteSync::kFull;
      } else if (name == "synchronous" && value == "normal") {
        options.synchronous = SqliteSync::kNormal;
      } else {
        throw InputError(where, "unknown sqlite option '" + std::string(option) + "'",
                         "synchronous=full or synchronous=normal");
      }
    }
  }
  return std::make_unique<SqliteStore>(std::string(path), options);
}

}  // namespace egin::store
