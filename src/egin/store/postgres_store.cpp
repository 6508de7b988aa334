// PostgresStore: libpq connections (one writer, a pool of readers), schema, partitions made on
// demand, batches sent by binary COPY, rollups upserted in the same transaction, retention that
// drops whole partitions. See postgres_store.hpp for what it holds.
//
// Schema (version 1), in the first schema of the connection's search_path:
//   meta(key, value)                       "schema_version" = 1
//   channels(id identity, key unique, class)
//   readings(channel, t_ms, value, flags)  PRIMARY KEY (channel, t_ms), PARTITION BY RANGE (t_ms):
//                                          one partition per UTC month, readings_pYYYYMM
//   rollup_1m / rollup_1h / rollup_1d(channel, start_ms, min, max, sum, count)
//   counts(raw_rows, minute_rows, hour_rows, day_rows, oldest_ms, newest_ms): one row, kept in
//                                          the same transactions, so usage() needs no scan
#include "egin/store/postgres_store.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "egin/core/date.hpp"
#include "egin/store/rollup_batch.hpp"

namespace egin::store {
namespace {

constexpr const char* kSchemaVersion = "1";
constexpr int kFetchRows = 8192;
constexpr std::size_t kMaxReaders = 16;
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
  throw std::invalid_argument("PostgresStore: raw is not a rollup level");
}

/// The URL with any password replaced by "***" (user:pass@ and password=… alike).
std::string redacted(std::string_view url) {
  std::string out(url);
  const std::size_t scheme_end = out.find("://");
  if (scheme_end != std::string::npos) {
    const std::size_t authority = scheme_end + 3;
    const std::size_t at = out.find('@', authority);
    const std::size_t slash = out.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const std::size_t colon = out.find(':', authority);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  for (std::size_t key = out.find("password="); key != std::string::npos;
       key = out.find("password=", key + 1)) {
    const std::size_t value = key + 9;
    const std::size_t end = out.find_first_of("& ", value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

// --- Binary wire format (network byte order) -------------------------------------------------

void put_u16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v & 0xFFU));
}
void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((v >> shift) & 0xFFU));
  }
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((v >> shift) & 0xFFU));
  }
}

std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) {
    v = (v << 8) | static_cast<unsigned char>(p[i]);
  }
  return v;
}
std::uint32_t get_u32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    v = (v << 8) | static_cast<unsigned char>(p[i]);
  }
  return v;
}

// --- libpq wrappers ---------------------------------------------------------------------------

/// A failed statement: the server's message, and its SQLSTATE code ("23505" unique violation).
class ServerError : public std::runtime_error {
 public:
  ServerError(const std::string& what, std::string sqlstate)
      : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kUndefinedTable = "42P01";

class Result {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  ~Result() { PQclear(result_); }
  Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result& operator=(Result&&) = delete;

  [[nodiscard]] PGresult* raw() const { return result_; }
  [[nodiscard]] int rows() const { return PQntuples(result_); }
  [[nodiscard]] bool null(int row, int column) const {
    return PQgetisnull(result_, row, column) != 0;
  }
  [[nodiscard]] std::string text(int row, int column) const {
    return {PQgetvalue(result_, row, column),
            static_cast<std::size_t>(PQgetlength(result_, row, column))};
  }
  /// A bigint column of a text result.
  [[nodiscard]] std::int64_t integer(int row, int column) const {
    std::int64_t v = 0;
    const char* s = PQgetvalue(result_, row, column);
    std::from_chars(s, s + PQgetlength(result_, row, column), v);
    return v;
  }
  // Columns of a binary result.
  [[nodiscard]] std::int64_t int8(int row, int column) const {
    return static_cast<std::int64_t>(get_u64(PQgetvalue(result_, row, column)));
  }
  [[nodiscard]] std::uint32_t int4(int row, int column) const {
    return get_u32(PQgetvalue(result_, row, column));
  }
  [[nodiscard]] double float8(int row, int column) const {
    return std::bit_cast<double>(get_u64(PQgetvalue(result_, row, column)));
  }
  [[nodiscard]] std::int64_t affected() const {
    std::int64_t v = 0;
    const char* s = PQcmdTuples(result_);
    std::from_chars(s, s + std::strlen(s), v);
    return v;
  }

 private:
  PGresult* result_;
};

// One server connection, used by one thread at a time. Every failure is a std::runtime_error
// carrying the server's message and the URL without its password.
class Connection {
 public:
  /// `session_sql` runs after every (re)connect, after the session settings.
  explicit Connection(std::string url, std::string session_sql = {})
      : url_(std::move(url)), session_sql_(std::move(session_sql)) {
    const std::array<const char*, 3> keys = {"dbname", "fallback_application_name", nullptr};
    const std::array<const char*, 3> values = {url_.c_str(), "egin", nullptr};
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (conn_ == nullptr) {
      throw std::runtime_error("postgresql " + redacted(url_) + ": out of memory");
    }
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = error_text();
      PQfinish(conn_);
      throw std::runtime_error("postgresql " + redacted(url_) + ": cannot connect: " + message);
    }
    try {
      set_up_session();
    } catch (...) {
      PQfinish(conn_);
      throw;
    }
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Reconnects when the server dropped the connection (a restart); the session is set up again.
  void ensure_open() {
    if (PQstatus(conn_) == CONNECTION_OK) {
      return;
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      fail("reconnect");
    }
    set_up_session();
  }

  /// False once libpq has seen the connection drop (it is then reset by ensure_open()).
  [[nodiscard]] bool alive() const { return PQstatus(conn_) == CONNECTION_OK; }

  [[nodiscard]] bool healthy() const {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

  /// Runs SQL without parameters (several statements allowed); the last result.
  Result exec(const std::string& sql) {
    Result result(PQexec(conn_, sql.c_str()));
    check(result, sql);
    return result;
  }

  /// Runs one statement with text parameters; `binary` asks for binary result columns.
  Result exec(const std::string& sql, const std::vector<std::string>& params, bool binary = false) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) {
      values.push_back(p.c_str());
    }
    Result result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, binary ? 1 : 0));
    check(result, sql);
    return result;
  }

  /// Runs one statement with every parameter in binary form (see binary_array); binary results.
  Result exec_binary(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    const std::vector<int> formats(params.size(), 1);
    for (const std::string& p : params) {
      values.push_back(p.data());
      lengths.push_back(static_cast<int>(p.size()));
    }
    Result result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), lengths.data(), formats.data(), 1));
    check(result, sql);
    return result;
  }

  /// COPY … FROM STDIN with `data` (already in the COPY's format).
  void copy_in(const std::string& sql, const std::string& data) {
    Result started(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(started.raw()) != PGRES_COPY_IN) {
      fail(sql);
    }
    if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(conn_, nullptr) != 1) {
      fail(sql);
    }
    std::string error;
    std::string sqlstate;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) {
        error = PQresultErrorMessage(r);
        const char* code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        sqlstate = code != nullptr ? code : "";
      }
      PQclear(r);
    }
    if (!error.empty()) {
      throw_error(sql, error, sqlstate);
    }
  }

  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  void set_up_session() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    // Durable on return: COMMIT waits for the WAL flush whatever the server's default.
    exec(
        "SET synchronous_commit = on; SET client_min_messages = warning; "
        "SET TIME ZONE 'UTC'");
    if (!session_sql_.empty()) {
      exec(session_sql_);
    }
  }

  std::string error_text() const {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return message;
  }

  [[noreturn]] void fail(std::string_view doing) const { throw_error(doing, error_text()); }

  [[noreturn]] void throw_error(std::string_view doing, std::string message,
                                std::string sqlstate = {}) const {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    std::string what(doing.substr(0, std::min<std::size_t>(doing.size(), 160)));
    throw ServerError("postgresql " + redacted(url_) + ": " + message + " (in: " + what + ")",
                      std::move(sqlstate));
  }

  void check(const Result& result, std::string_view sql) const {
    const ExecStatusType status = PQresultStatus(result.raw());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* message = PQresultErrorMessage(result.raw());
      const char* code = PQresultErrorField(result.raw(), PG_DIAG_SQLSTATE);
      throw_error(sql, message != nullptr && *message != '\0' ? message : error_text(),
                  code != nullptr ? code : "");
    }
  }

  std::string url_;
  std::string session_sql_;
  PGconn* conn_ = nullptr;
};

// BEGIN … COMMIT, rolled back when left without commit() (an exception).
class Transaction {
 public:
  explicit Transaction(Connection& conn, const char* begin_sql = "BEGIN") : conn_(conn) {
    conn_.exec(begin_sql);
  }
  ~Transaction() {
    if (open_) {
      try {
        conn_.exec("ROLLBACK");
      } catch (const std::exception&) {  // a dropped connection: nothing left to roll back
      }
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

std::string number(std::int64_t v) { return std::to_string(v); }

constexpr std::uint32_t kInt8Oid = 20;     // pg_type.oid of bigint
constexpr std::uint32_t kFloat8Oid = 701;  // pg_type.oid of double precision

std::string binary_int8(std::int64_t v) {
  std::string out;
  put_u64(out, static_cast<std::uint64_t>(v));
  return out;
}

// A one-dimensional array parameter in PostgreSQL's binary array format (array_recv): number
// of dimensions, has-nulls flag, element type, then length and lower bound of the dimension, then
// each element as length + value.
template <typename Get>
std::string binary_array(const std::vector<RollupRow>& rows, std::uint32_t element_oid, Get get) {
  std::string out;
  out.reserve(20 + rows.size() * 12);
  put_u32(out, rows.empty() ? 0 : 1);
  put_u32(out, 0);
  put_u32(out, element_oid);
  if (!rows.empty()) {
    put_u32(out, static_cast<std::uint32_t>(rows.size()));
    put_u32(out, 1);
  }
  for (const RollupRow& row : rows) {
    put_u32(out, 8);
    if constexpr (std::is_same_v<decltype(get(row)), double>) {
      put_u64(out, std::bit_cast<std::uint64_t>(get(row)));
    } else {
      put_u64(out, static_cast<std::uint64_t>(get(row)));
    }
  }
  return out;
}

// --- Monthly partitions -----------------------------------------------------------------------

struct Month {
  int year = 1970;
  unsigned month = 1;  // 1..12
  auto operator<=>(const Month&) const = default;

  [[nodiscard]] TimeMs start_ms() const {
    return static_cast<TimeMs>(Date(year, month, 1).days_since_epoch()) * kMsPerDay;
  }
  [[nodiscard]] Month next() const {
    return month == 12 ? Month{year + 1, 1} : Month{year, month + 1};
  }
  [[nodiscard]] std::string table() const {
    std::array<char, 32> name{};
    std::snprintf(name.data(), name.size(), "readings_p%04d%02u", year, month);
    return name.data();
  }
};

// Years 1..9999: the partition names stay YYYYMM and Date stays in range.
constexpr TimeMs kMinTimeMs = -62'135'596'800'000;      // 0001-01-01T00:00:00Z
constexpr TimeMs kMaxTimeMs = 253'402'300'800'000 - 1;  // 9999-12-31T23:59:59.999Z

Month month_of(TimeMs t_ms) {
  if (t_ms < kMinTimeMs || t_ms > kMaxTimeMs) {
    throw std::runtime_error("postgresql store: reading time " + std::to_string(t_ms) +
                             " ms is outside years 1..9999");
  }
  const TimeMs days = (t_ms >= 0 ? t_ms : t_ms - (kMsPerDay - 1)) / kMsPerDay;  // floor
  const Date date = Date::from_days(static_cast<int>(days));
  return Month{date.year(), date.month()};
}

/// The month a partition name stands for ("readings_p202403"), if it is one of ours.
std::optional<Month> month_of_table(std::string_view name) {
  constexpr std::string_view kPrefix = "readings_p";
  if (!name.starts_with(kPrefix) || name.size() != kPrefix.size() + 6) {
    return std::nullopt;
  }
  int yyyymm = 0;
  const char* first = name.data() + kPrefix.size();
  const auto [end, ec] = std::from_chars(first, name.data() + name.size(), yyyymm);
  if (ec != std::errc{} || end != name.data() + name.size() || yyyymm % 100 < 1 ||
      yyyymm % 100 > 12) {
    return std::nullopt;
  }
  return Month{yyyymm / 100, static_cast<unsigned>(yyyymm % 100)};
}

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS channels (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE,
  class text NOT NULL DEFAULT 'default');
CREATE TABLE IF NOT EXISTS readings (
  channel bigint NOT NULL,
  t_ms bigint NOT NULL,
  value double precision NOT NULL,
  flags integer NOT NULL DEFAULT 0,
  PRIMARY KEY (channel, t_ms)) PARTITION BY RANGE (t_ms);
CREATE TABLE IF NOT EXISTS rollup_1m (channel bigint NOT NULL, start_ms bigint NOT NULL,
  min double precision NOT NULL, max double precision NOT NULL, sum double precision NOT NULL,
  count bigint NOT NULL, PRIMARY KEY (channel, start_ms));
CREATE TABLE IF NOT EXISTS rollup_1h (LIKE rollup_1m INCLUDING ALL);
CREATE TABLE IF NOT EXISTS rollup_1d (LIKE rollup_1m INCLUDING ALL);
CREATE TABLE IF NOT EXISTS counts (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  raw_rows bigint NOT NULL DEFAULT 0, minute_rows bigint NOT NULL DEFAULT 0,
  hour_rows bigint NOT NULL DEFAULT 0, day_rows bigint NOT NULL DEFAULT 0,
  oldest_ms bigint, newest_ms bigint);
INSERT INTO counts (one) VALUES (true) ON CONFLICT DO NOTHING;
)sql";

constexpr const char* kStagingSql =
    "CREATE TEMP TABLE IF NOT EXISTS staging (channel bigint, t_ms bigint, "
    "value double precision, flags integer) ON COMMIT DELETE ROWS";

// Merges the three rollup levels of a batch ($1..$6 minute, $7..$12 hour, $13..$18 day: arrays of
// channel, start, min, max, sum, count) and adds to the counters ($19 raw rows, $20/$21 the
// batch's oldest/newest time). Merge rule as merge_rollup: min of mins, max of maxes, sums added.
// `fast`: existing buckets are updated by an index join and new ones inserted plainly (about a
// third cheaper than INSERT … ON CONFLICT, whose speculative insertion costs per row); it needs
// writes to be serialized, so a concurrent writer elsewhere can make it fail with a unique
// violation — the batch is then written again with the ON CONFLICT form.
std::string rollup_merge_sql(bool fast) {
  std::string sql = "WITH ";
  for (std::size_t k = 0; k < kRollupLevels.size(); ++k) {
    const std::string table = rollup_table(kRollupLevels[k]);
    const std::string n = std::to_string(k);
    const std::size_t p = k * 6;
    const auto param = [p](std::size_t i, const char* type) {
      return "$" + std::to_string(p + i) + "::" + type + "[]";
    };
    const std::string rows = "SELECT * FROM unnest(" + param(1, "bigint") + ", " +
                             param(2, "bigint") + ", " + param(3, "float8") + ", " +
                             param(4, "float8") + ", " + param(5, "float8") + ", " +
                             param(6, "bigint") + ") AS s(channel, start_ms, min, max, sum, count)";
    if (k > 0) {
      sql += ", ";
    }
    if (fast) {
      // One index probe per bucket (found), then an update of the found ones (few, usually)
      // and a plain insert of the others.
      sql += "s" + n + " AS (SELECT s.*, EXISTS (SELECT 1 FROM " + table +
             " AS r WHERE r.channel = s.channel AND r.start_ms = s.start_ms) AS found FROM (" +
             rows + ") AS s), u" + n + " AS (UPDATE " + table +
             " AS r SET min = LEAST(r.min, s.min), max = GREATEST(r.max, s.max), sum = r.sum + "
             "s.sum, count = r.count + s.count FROM s" +
             n + " AS s WHERE s.found AND r.channel = s.channel AND r.start_ms = s.start_ms), i" +
             n + " AS (INSERT INTO " + table +
             " (channel, start_ms, min, max, sum, count) SELECT channel, start_ms, min, max, sum, "
             "count FROM s" +
             n + " WHERE NOT found RETURNING true AS fresh)";
    } else {
      sql += "i" + n + " AS (INSERT INTO " + table +
             " AS r (channel, start_ms, min, max, sum, count) " + rows +
             " ON CONFLICT (channel, start_ms) DO UPDATE SET min = LEAST(r.min, EXCLUDED.min), "
             "max = GREATEST(r.max, EXCLUDED.max), sum = r.sum + EXCLUDED.sum, "
             "count = r.count + EXCLUDED.count RETURNING (xmax = 0) AS fresh)";
    }
  }
  sql +=
      " UPDATE counts SET raw_rows = raw_rows + $19::bigint,"
      " minute_rows = minute_rows + (SELECT count(*) FILTER (WHERE fresh) FROM i0),"
      " hour_rows = hour_rows + (SELECT count(*) FILTER (WHERE fresh) FROM i1),"
      " day_rows = day_rows + (SELECT count(*) FILTER (WHERE fresh) FROM i2),"
      " oldest_ms = LEAST(oldest_ms, $20::bigint), newest_ms = GREATEST(newest_ms, $21::bigint)";
  return sql;
}

// Distinct channel ids of a table by a loose index scan (one index probe per channel).
std::string distinct_channels_sql(const char* table) {
  return std::string("WITH RECURSIVE c(id) AS (SELECT min(channel) FROM ") + table +
         " UNION ALL SELECT (SELECT min(channel) FROM " + table +
         " WHERE channel > c.id) FROM c WHERE c.id IS NOT NULL) SELECT id FROM c WHERE id IS NOT "
         "NULL";
}

class PostgresStore final : public TimeSeriesStore {
 public:
  explicit PostgresStore(std::string url) : url_(std::move(url)), writer_(url_, kStagingSql) {
    create_schema();
    load_partitions();
  }

  [[nodiscard]] std::string_view backend() const override { return "postgresql"; }

  ChannelId ensure_channel(std::string_view key, std::string_view channel_class) override {
    {
      const std::lock_guard lock(channels_mutex_);
      const auto found = channel_cache_.find(std::string(key));
      if (found != channel_cache_.end() && found->second.second == channel_class) {
        return found->second.first;
      }
    }
    const std::lock_guard lock(write_mutex_);
    const auto insert = [&] {
      writer_.ensure_open();
      return writer_.exec(
          "INSERT INTO channels (key, class) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET "
          "class = EXCLUDED.class RETURNING id",
          {std::string(key), std::string(channel_class)});
    };
    std::optional<Result> r;
    try {
      r.emplace(insert());
    } catch (const ServerError&) {
      if (writer_.alive()) {
        throw;
      }
      r.emplace(insert());  // once more after the server dropped the connection
    }
    const ChannelId id = r->integer(0, 0);
    const std::lock_guard cache_lock(channels_mutex_);
    channel_cache_[std::string(key)] = {id, std::string(channel_class)};
    return id;
  }

  std::vector<ChannelEntry> channels() override {
    const Result r = read([](Connection& conn) {
      return conn.exec("SELECT id, key, class FROM channels ORDER BY id");
    });
    std::vector<ChannelEntry> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back(ChannelEntry{r.integer(i, 0), r.text(i, 1), r.text(i, 2)});
    }
    return out;
  }

  WriteResult write(std::span<const Reading> readings) override {
    WriteResult result;
    result.inserted_mask.assign(readings.size(), 0);
    if (readings.empty()) {
      return result;
    }
    // The first occurrence of each (channel, t_ms), in key order.
    std::vector<std::uint32_t> firsts(readings.size());
    for (std::size_t i = 0; i < readings.size(); ++i) {
      firsts[i] = static_cast<std::uint32_t>(i);
    }
    const auto key_less = [&readings](std::uint32_t a, std::uint32_t b) {
      const Reading& x = readings[a];
      const Reading& y = readings[b];
      return std::tie(x.channel, x.t_ms, a) < std::tie(y.channel, y.t_ms, b);
    };
    std::sort(firsts.begin(), firsts.end(), key_less);
    firsts.erase(std::unique(firsts.begin(), firsts.end(),
                             [&readings](std::uint32_t a, std::uint32_t b) {
                               return readings[a].channel == readings[b].channel &&
                                      readings[a].t_ms == readings[b].t_ms;
                             }),
                 firsts.end());
    std::set<Month> months;
    for (const std::uint32_t i : firsts) {
      months.insert(month_of(readings[i].t_ms));
    }

    // Binary COPY: header, one tuple of four fields per reading, trailer.
    std::string copy;
    copy.reserve(19 + firsts.size() * 42 + 2);
    copy.append("PGCOPY\n\xff\r\n\0", 11);
    put_u32(copy, 0);  // flags
    put_u32(copy, 0);  // header extension length
    for (const std::uint32_t i : firsts) {
      const Reading& r = readings[i];
      put_u16(copy, 4);
      put_u32(copy, 8);
      put_u64(copy, static_cast<std::uint64_t>(r.channel));
      put_u32(copy, 8);
      put_u64(copy, static_cast<std::uint64_t>(r.t_ms));
      put_u32(copy, 8);
      put_u64(copy, std::bit_cast<std::uint64_t>(r.value));
      put_u32(copy, 4);
      put_u32(copy, r.flags);
    }
    put_u16(copy, 0xFFFF);

    const std::lock_guard lock(write_mutex_);
    writer_.ensure_open();
    create_partitions(months);
    try {
      return write_batch(readings, firsts, months, copy, true);
    } catch (const ServerError& e) {
      if (!writer_.alive()) {
        // The connection dropped (a server restart). The batch may or may not have committed;
        // sent again, whatever did commit comes back as duplicates, so nothing is lost or doubled.
        writer_.ensure_open();
        return write_batch(readings, firsts, months, copy, true);
      }
      if (e.sqlstate() == kUniqueViolation) {
        // Another process wrote some of the same keys meanwhile: the conflict-safe statements.
        return write_batch(readings, firsts, months, copy, false);
      }
      if (e.sqlstate() == kUndefinedTable) {
        // Another process dropped a partition this one knew (retention): make it again.
        load_partitions();
        create_partitions(months);
        return write_batch(readings, firsts, months, copy, true);
      }
      throw;
    }
  }

  void query_raw(ChannelId channel, TimeMs from_ms, TimeMs to_ms,
                 const std::function<void(const Reading&)>& visit) override {
    if (from_ms >= to_ms) {
      return;
    }
    stream("SELECT t_ms, value, flags FROM readings WHERE channel = " + number(channel) +
               " AND t_ms >= " + number(from_ms) + " AND t_ms < " + number(to_ms) +
               " ORDER BY t_ms",
           [&](const Result& r, int row) {
             visit(Reading{channel, r.int8(row, 0), r.float8(row, 1), r.int4(row, 2)});
           });
  }

  void query_rollup(ChannelId channel, Resolution level, TimeMs from_ms, TimeMs to_ms,
                    const std::function<void(const RollupRow&)>& visit) override {
    const char* table = rollup_table(level);
    if (from_ms >= to_ms) {
      return;
    }
    stream(std::string("SELECT start_ms, min, max, sum, count FROM ") + table +
               " WHERE channel = " + number(channel) + " AND start_ms >= " + number(from_ms) +
               " AND start_ms < " + number(to_ms) + " ORDER BY start_ms",
           [&](const Result& r, int row) {
             visit(RollupRow{channel, r.int8(row, 0), r.float8(row, 1), r.float8(row, 2),
                             r.float8(row, 3), r.int8(row, 4)});
           });
  }

  std::optional<Reading> latest(ChannelId channel) override {
    const Result r = read([channel](Connection& conn) {
      return conn.exec(
          "SELECT t_ms, value, flags FROM readings WHERE channel = $1 ORDER BY t_ms DESC LIMIT 1",
          {number(channel)}, true);
    });
    if (r.rows() == 0) {
      return std::nullopt;
    }
    return Reading{channel, r.int8(0, 0), r.float8(0, 1), r.int4(0, 2)};
  }

  RetentionResult apply_retention(std::span<const RetentionRule> rules, TimeMs now_ms) override {
    std::map<std::string, const RetentionRule*, std::less<>> by_class;
    for (const RetentionRule& rule : rules) {
      by_class[rule.channel_class] = &rule;
    }
    const auto default_found = by_class.find("default");
    const RetentionRule* default_rule =
        default_found != by_class.end() ? default_found->second : nullptr;

    const std::lock_guard lock(write_mutex_);
    writer_.ensure_open();
    Transaction tx(writer_);
    // Every channel with data: those of the channels table, and ids missing from it ("default").
    std::map<ChannelId, std::string> classes;
    {
      const Result r = writer_.exec("SELECT id, class FROM channels");
      for (int i = 0; i < r.rows(); ++i) {
        classes[r.integer(i, 0)] = r.text(i, 1);
      }
      for (const char* table : {"readings", "rollup_1m", "rollup_1h", "rollup_1d"}) {
        const Result ids = writer_.exec(distinct_channels_sql(table));
        for (int i = 0; i < ids.rows(); ++i) {
          classes.try_emplace(ids.integer(i, 0), "default");
        }
      }
    }
    // Cut-off per channel and level (none: kept forever).
    std::array<std::vector<std::pair<ChannelId, TimeMs>>, 4> cuts;
    bool all_have_raw_cut = true;
    TimeMs all_raw_cut_ms = std::numeric_limits<TimeMs>::max();
    for (const auto& [channel, channel_class] : classes) {
      const auto found = by_class.find(channel_class);
      const RetentionRule* rule = found != by_class.end() ? found->second : default_rule;
      const std::array<int, 4> days = {
          rule != nullptr ? rule->raw_days : 0, rule != nullptr ? rule->minute_days : 0,
          rule != nullptr ? rule->hour_days : 0, rule != nullptr ? rule->day_days : 0};
      for (std::size_t level = 0; level < 4; ++level) {
        if (days[level] > 0) {
          cuts[level].emplace_back(channel, now_ms - static_cast<TimeMs>(days[level]) * kMsPerDay);
        }
      }
      if (days[0] <= 0) {
        all_have_raw_cut = false;
      } else {
        all_raw_cut_ms = std::min(all_raw_cut_ms, cuts[0].back().second);
      }
    }

    RetentionResult result;
    // Whole partitions older than every channel's raw cut-off go at once.
    bool dropped = false;
    if (all_have_raw_cut && !classes.empty()) {
      for (const auto& [month, table] : partition_list()) {
        if (month.next().start_ms() > all_raw_cut_ms) {
          continue;
        }
        const Result n = writer_.exec("SELECT count(*) FROM \"" + table + "\"");
        result.raw_deleted += n.integer(0, 0);
        writer_.exec("DROP TABLE \"" + table + "\"");
        dropped = true;
      }
    }
    // The rest row by row: per channel, an index range scan below its cut-off.
    const auto delete_below = [this](const std::string& table, const char* column,
                                     const std::vector<std::pair<ChannelId, TimeMs>>& by_channel) {
      if (by_channel.empty()) {
        return std::int64_t{0};
      }
      std::string ids = "{";
      std::string limits = "{";
      for (std::size_t i = 0; i < by_channel.size(); ++i) {
        ids += (i > 0 ? "," : "") + number(by_channel[i].first);
        limits += (i > 0 ? "," : "") + number(by_channel[i].second);
      }
      ids += "}";
      limits += "}";
      return writer_
          .exec("DELETE FROM " + table +
                    " AS x USING unnest($1::bigint[], $2::bigint[]) AS k(channel, cut) WHERE "
                    "x.channel = k.channel AND x." +
                    column + " < k.cut",
                {ids, limits})
          .affected();
    };
    const std::int64_t raw_rows = delete_below("readings", "t_ms", cuts[0]);
    result.raw_deleted += raw_rows;
    std::array<std::int64_t, 3> rollup_rows{};
    for (std::size_t k = 0; k < kRollupLevels.size(); ++k) {
      rollup_rows[k] = delete_below(rollup_table(kRollupLevels[k]), "start_ms", cuts[k + 1]);
      result.rollups_deleted += rollup_rows[k];
    }
    if (result.raw_deleted > 0 || result.rollups_deleted > 0) {
      writer_.exec(
          "UPDATE counts SET raw_rows = raw_rows - $1::bigint, minute_rows = minute_rows - "
          "$2::bigint, hour_rows = hour_rows - $3::bigint, day_rows = day_rows - $4::bigint",
          {number(result.raw_deleted), number(rollup_rows[0]), number(rollup_rows[1]),
           number(rollup_rows[2])});
      refresh_time_span(classes);
    }
    tx.commit();
    if (dropped) {
      load_partitions();
    }
    return result;
  }

  StorageUsage usage() override {
    const Result r = read([](Connection& conn) {
      return conn.exec(
          "SELECT (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM "
          "pg_partition_tree('readings'::regclass)) + pg_total_relation_size('channels') + "
          "pg_total_relation_size('meta') + pg_total_relation_size('counts') + "
          "pg_total_relation_size('rollup_1m') + pg_total_relation_size('rollup_1h') + "
          "pg_total_relation_size('rollup_1d'), raw_rows, minute_rows, hour_rows, day_rows, "
          "oldest_ms, newest_ms FROM counts");
    });
    StorageUsage usage;
    if (r.rows() != 1) {
      throw std::runtime_error("postgresql store: the counts table lost its row");
    }
    usage.bytes = r.integer(0, 0);
    usage.raw_rows = r.integer(0, 1);
    usage.minute_rows = r.integer(0, 2);
    usage.hour_rows = r.integer(0, 3);
    usage.day_rows = r.integer(0, 4);
    if (usage.raw_rows > 0 && !r.null(0, 5) && !r.null(0, 6)) {
      usage.oldest_raw_ms = r.integer(0, 5);
      usage.newest_raw_ms = r.integer(0, 6);
    }
    return usage;
  }

 private:
  // A reader connection borrowed from the pool (opened on demand, at most kMaxReaders), so that
  // queries never wait behind a write and a visitor may query again from inside its callback.
  class Lease {
   public:
    explicit Lease(PostgresStore& store) : store_(store) {
      std::unique_lock lock(store_.pool_mutex_);
      store_.pool_cv_.wait(
          lock, [this] { return !store_.idle_.empty() || store_.open_readers_ < kMaxReaders; });
      if (!store_.idle_.empty()) {
        conn_ = std::move(store_.idle_.back());
        store_.idle_.pop_back();
      } else {
        ++store_.open_readers_;
        lock.unlock();
        try {
          conn_ = std::make_unique<Connection>(store_.url_);
        } catch (...) {
          const std::lock_guard relock(store_.pool_mutex_);
          --store_.open_readers_;
          store_.pool_cv_.notify_one();
          throw;
        }
        return;
      }
      lock.unlock();
      try {
        conn_->ensure_open();
      } catch (...) {
        const std::lock_guard relock(store_.pool_mutex_);
        --store_.open_readers_;
        store_.pool_cv_.notify_one();
        throw;
      }
    }
    ~Lease() {
      const std::lock_guard lock(store_.pool_mutex_);
      if (conn_ != nullptr && conn_->healthy()) {
        store_.idle_.push_back(std::move(conn_));
      } else {
        --store_.open_readers_;
      }
      store_.pool_cv_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection* operator->() { return conn_.get(); }
    Connection& operator*() { return *conn_; }

   private:
    PostgresStore& store_;
    std::unique_ptr<Connection> conn_;
  };

  // One batch in one transaction (write_mutex_ held; partitions made). `firsts`: the index of the
  // first occurrence of each key, in key order; `copy`: those readings as binary COPY data.
  WriteResult write_batch(std::span<const Reading> readings,
                          const std::vector<std::uint32_t>& firsts, const std::set<Month>& months,
                          const std::string& copy, bool fast) {
    WriteResult result;
    result.inserted_mask.assign(readings.size(), 0);
    // Fast: nested-loop index probes only, whatever the planner thinks of the tables' sizes
    // (a hash join would read a whole rollup table for a small batch).
    Transaction tx(writer_, fast ? "BEGIN; SET LOCAL enable_hashjoin = off; "
                                   "SET LOCAL enable_mergejoin = off"
                                 : "BEGIN");
    writer_.copy_in("COPY staging (channel, t_ms, value, flags) FROM STDIN (FORMAT binary)", copy);
    // Straight into each month's partition: no tuple routing, and the duplicate probe is one
    // index lookup instead of a pruned scan over every partition.
    std::vector<Reading> fresh;
    TimeMs oldest_ms = std::numeric_limits<TimeMs>::max();
    TimeMs newest_ms = std::numeric_limits<TimeMs>::min();
    for (const Month& month : months) {
      const std::string table = "\"" + month.table() + "\"";
      const std::string in_month = "s.t_ms >= " + number(month.start_ms()) + " AND s.t_ms < " +
                                   number(month.next().start_ms());
      const Result inserted = writer_.exec(
          fast ? "INSERT INTO " + table +
                     " (channel, t_ms, value, flags) SELECT channel, t_ms, value, flags FROM "
                     "staging AS s WHERE " +
                     in_month + " AND NOT EXISTS (SELECT 1 FROM " + table +
                     " AS r WHERE r.channel = s.channel AND r.t_ms = s.t_ms) RETURNING channel, "
                     "t_ms"
               : "INSERT INTO " + table +
                     " (channel, t_ms, value, flags) SELECT channel, t_ms, value, flags FROM "
                     "staging AS s WHERE " +
                     in_month + " ON CONFLICT DO NOTHING RETURNING channel, t_ms",
          {}, true);
      fresh.reserve(fresh.size() + static_cast<std::size_t>(inserted.rows()));
      for (int row = 0; row < inserted.rows(); ++row) {
        const ChannelId channel = inserted.int8(row, 0);
        const TimeMs t_ms = inserted.int8(row, 1);
        const auto at =
            std::lower_bound(firsts.begin(), firsts.end(), std::pair{channel, t_ms},
                             [&readings](std::uint32_t i, const std::pair<ChannelId, TimeMs>& key) {
                               return std::pair{readings[i].channel, readings[i].t_ms} < key;
                             });
        if (at == firsts.end() || readings[*at].channel != channel || readings[*at].t_ms != t_ms) {
          throw std::runtime_error("postgresql store: the server returned a reading not sent");
        }
        result.inserted_mask[*at] = 1;
        fresh.push_back(readings[*at]);
        oldest_ms = std::min(oldest_ms, t_ms);
        newest_ms = std::max(newest_ms, t_ms);
      }
    }
    result.inserted = fresh.size();
    result.duplicates = readings.size() - fresh.size();
    if (!fresh.empty()) {
      const RollupBatch rollups = aggregate_rollups(fresh);
      std::vector<std::string> params;
      params.reserve(21);
      for (const Resolution level : kRollupLevels) {
        const std::vector<RollupRow>& rows = rollups.rows(level);
        params.push_back(
            binary_array(rows, kInt8Oid, [](const RollupRow& r) { return r.channel; }));
        params.push_back(
            binary_array(rows, kInt8Oid, [](const RollupRow& r) { return r.start_ms; }));
        params.push_back(binary_array(rows, kFloat8Oid, [](const RollupRow& r) { return r.min; }));
        params.push_back(binary_array(rows, kFloat8Oid, [](const RollupRow& r) { return r.max; }));
        params.push_back(binary_array(rows, kFloat8Oid, [](const RollupRow& r) { return r.sum; }));
        params.push_back(binary_array(rows, kInt8Oid, [](const RollupRow& r) { return r.count; }));
      }
      params.push_back(binary_int8(static_cast<std::int64_t>(fresh.size())));
      params.push_back(binary_int8(oldest_ms));
      params.push_back(binary_int8(newest_ms));
      writer_.exec_binary(fast ? fast_rollup_sql_ : safe_rollup_sql_, params);
    }
    tx.commit();
    return result;
  }

  // Runs `select` through a cursor, kFetchRows binary rows at a time, calling `row` for each.
  // Once more on a fresh connection when the first had been dropped (a server restart) before
  // it delivered anything.
  template <typename RowFn>
  void stream(const std::string& select, RowFn row) {
    bool delivered = false;
    for (int attempt = 0;; ++attempt) {
      Lease lease(*this);
      try {
        Transaction tx(*lease, "BEGIN READ ONLY");
        lease->exec("DECLARE egin_cursor NO SCROLL CURSOR FOR " + select);
        const std::string fetch = "FETCH " + std::to_string(kFetchRows) + " FROM egin_cursor";
        while (true) {
          const Result r = lease->exec(fetch, {}, true);
          for (int i = 0; i < r.rows(); ++i) {
            delivered = true;
            row(r, i);
          }
          if (r.rows() < kFetchRows) {
            break;
          }
        }
        tx.commit();
        return;
      } catch (const std::runtime_error&) {
        if (attempt > 0 || delivered || lease->alive()) {
          throw;
        }
      }
    }
  }

  // Runs fn(connection) on a reader; once more on a fresh connection when the first one had been
  // dropped (a server restart).
  template <typename Fn>
  Result read(Fn fn) {
    for (int attempt = 0;; ++attempt) {
      Lease lease(*this);
      try {
        return fn(*lease);
      } catch (const std::runtime_error&) {
        if (attempt > 0 || lease->alive()) {
          throw;
        }
      }
    }
  }

  void create_schema() {
    Transaction tx(writer_);
    // Two processes opening a fresh database at once create it one after the other.
    writer_.exec("SELECT pg_advisory_xact_lock(hashtext('egin schema ' || current_schema()))");
    writer_.exec(kSchemaSql);
    const Result version = writer_.exec("SELECT value FROM meta WHERE key = 'schema_version'");
    if (version.rows() == 0) {
      writer_.exec("INSERT INTO meta (key, value) VALUES ('schema_version', $1)", {kSchemaVersion});
    } else if (version.text(0, 0) != kSchemaVersion) {
      throw std::runtime_error("postgresql " + redacted(url_) + ": schema version " +
                               version.text(0, 0) + " is not the one this egin knows (" +
                               kSchemaVersion + ")");
    }
    tx.commit();
  }

  /// Our partitions of readings, oldest first.
  std::map<Month, std::string> partition_list() {
    const Result r = writer_.exec(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'readings'::regclass");
    std::map<Month, std::string> out;
    for (int i = 0; i < r.rows(); ++i) {
      const std::string name = r.text(i, 0);
      if (const auto month = month_of_table(name)) {
        out.emplace(*month, name);
      }
    }
    return out;
  }

  void load_partitions() {
    partitions_.clear();
    for (const auto& [month, table] : partition_list()) {
      partitions_.insert(month);
    }
  }

  // Called with write_mutex_ held, outside the batch's transaction (a partition made for a batch
  // that then fails stays: harmless).
  void create_partitions(const std::set<Month>& months) {
    for (const Month& month : months) {
      if (partitions_.contains(month)) {
        continue;
      }
      writer_.exec("CREATE TABLE IF NOT EXISTS \"" + month.table() +
                   "\" PARTITION OF readings FOR VALUES FROM (" + number(month.start_ms()) +
                   ") TO (" + number(month.next().start_ms()) + ")");
      partitions_.insert(month);
    }
  }

  // Oldest and newest raw times after a delete: one index probe per channel and end.
  void refresh_time_span(const std::map<ChannelId, std::string>& classes) {
    std::string ids = "{";
    bool first = true;
    for (const auto& entry : classes) {
      ids += (first ? "" : ",") + number(entry.first);
      first = false;
    }
    ids += "}";
    writer_.exec(
        "UPDATE counts SET oldest_ms = s.oldest, newest_ms = s.newest FROM (SELECT "
        "min(o.t_ms) AS oldest, max(n.t_ms) AS newest FROM unnest($1::bigint[]) AS c(id) "
        "LEFT JOIN LATERAL (SELECT t_ms FROM readings r WHERE r.channel = c.id ORDER BY t_ms "
        "LIMIT 1) o ON true LEFT JOIN LATERAL (SELECT t_ms FROM readings r WHERE r.channel = "
        "c.id ORDER BY t_ms DESC LIMIT 1) n ON true) s",
        {ids});
  }

  std::string url_;
  std::mutex write_mutex_;
  Connection writer_;
  std::set<Month> partitions_;  // guarded by write_mutex_
  const std::string fast_rollup_sql_ = rollup_merge_sql(true);
  const std::string safe_rollup_sql_ = rollup_merge_sql(false);

  std::mutex channels_mutex_;
  std::unordered_map<std::string, std::pair<ChannelId, std::string>> channel_cache_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_readers_ = 0;
};

}  // namespace

std::unique_ptr<TimeSeriesStore> open_postgres_store(std::string_view url) {
  return std::make_unique<PostgresStore>(std::string(url));
}

}  // namespace egin::store
