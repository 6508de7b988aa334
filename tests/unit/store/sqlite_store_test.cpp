// SqliteStore: the conformance suite on a temporary file and on ":memory:", and what only SQLite
// has: reopening a file, WAL journal, the synchronous option, URL errors, readers that are not
// blocked by a writer holding the database lock.
#include "egin/store/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <thread>

#include "egin/core/input_error.hpp"
#include "store_conformance.hpp"

namespace egin::store::testing {
namespace {

constexpr TimeMs kT0 = 1'709'251'200'000;  // 2024-03-01T00:00:00Z

// A directory under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir()
      : path_(
            std::filesystem::temp_directory_path() /
            ("egin-sqlite-test-" + std::to_string(::getpid()) + "-" + std::to_string(next_id()))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

  /// A new file name in this directory each call.
  std::string fresh_file() { return file("store-" + std::to_string(files_++) + ".db"); }

 private:
  static int next_id() {
    static std::atomic<int> id{0};
    return id++;
  }
  std::filesystem::path path_;
  int files_ = 0;
};

TempDir& suite_dir() {
  static TempDir dir;
  return dir;
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, StoreConformance,
    ::testing::Values(
        StoreFactory{"file",
                     [] { return std::make_unique<SqliteStore>(suite_dir().fresh_file()); }},
        StoreFactory{"memory", [] { return std::make_unique<SqliteStore>(":memory:"); }}),
    store_factory_name);

std::vector<Reading> minute_series(ChannelId channel, int n, double offset) {
  std::vector<Reading> readings;
  readings.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    readings.push_back(Reading{channel, kT0 + i * kMsPerMinute, offset + i, kFlagNone});
  }
  return readings;
}

// Runs one SQL statement on its own connection and returns the first column of the first row.
std::string sql_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::string text;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return text;
}

TEST(SqliteStore, ReopeningKeepsDataIdsRollupsAndCounts) {
  TempDir dir;
  const std::string path = dir.file("site.db");
  ChannelId t_air = 0;
  ChannelId rh_air = 0;
  {
    SqliteStore store(path);
    t_air = store.ensure_channel("gh1/n1/t_air", "default");
    rh_air = store.ensure_channel("gh1/n1/rh_air", "humidity");
    EXPECT_EQ(store.write(minute_series(t_air, 90, 10.0)).inserted, 90U);
    EXPECT_EQ(store.write(minute_series(rh_air, 30, 50.0)).inserted, 30U);
  }
  SqliteStore store(path);
  EXPECT_EQ(store.ensure_channel("gh1/n1/rh_air", "humidity"), rh_air);
  EXPECT_EQ(store.ensure_channel("gh1/n1/t_air", "default"), t_air);
  const ChannelId co2 = store.ensure_channel("gh1/n1/co2", "default");
  EXPECT_NE(co2, t_air);
  EXPECT_NE(co2, rh_air);
  EXPECT_EQ(store.channels().size(), 3U);
  const StorageUsage usage = store.usage();
  EXPECT_EQ(usage.raw_rows, 120);
  EXPECT_EQ(usage.minute_rows, 120);
  EXPECT_EQ(usage.hour_rows, 3);  // t_air spans two hours, rh_air one
  EXPECT_EQ(usage.day_rows, 2);
  // Re-sending after the restart: all duplicates, rollups untouched.
  const WriteResult again = store.write(minute_series(t_air, 90, 10.0));
  EXPECT_EQ(again.inserted, 0U);
  EXPECT_EQ(again.duplicates, 90U);
  std::vector<RollupRow> hours;
  store.query_rollup(t_air, Resolution::hour, kT0, kT0 + kMsPerDay,
                     [&hours](const RollupRow& row) { hours.push_back(row); });
  ASSERT_EQ(hours.size(), 2U);
  EXPECT_EQ(hours[0].count, 60);
  EXPECT_DOUBLE_EQ(hours[0].mean(), 10.0 + 59.0 / 2.0);
  EXPECT_EQ(hours[1].count, 30);
  EXPECT_DOUBLE_EQ(hours[1].min, 70.0);
  EXPECT_DOUBLE_EQ(hours[1].max, 99.0);
  EXPECT_EQ(store.latest(t_air)->t_ms, kT0 + 89 * kMsPerMinute);
}

TEST(SqliteStore, FileUsesWalAndFullSyncByDefault) {
  TempDir dir;
  const std::string path = dir.file("wal.db");
  SqliteStore store(path);
  EXPECT_EQ(store.backend(), "sqlite");
  EXPECT_EQ(store.journal_mode(), "wal");
  EXPECT_EQ(store.synchronous(), SqliteSync::kFull);
  store.write(minute_series(store.ensure_channel("a", "default"), 10, 0.0));
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
  EXPECT_EQ(sql_text(path, "PRAGMA journal_mode"), "wal");  // WAL is kept in the file
  EXPECT_EQ(sql_text(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "1");
  EXPECT_GT(store.usage().bytes, 0);
}

TEST(SqliteStore, UrlOptionSelectsSynchronousNormal) {
  TempDir dir;
  auto normal = open_store("sqlite:" + dir.file("normal.db") + "?synchronous=normal");
  auto* sqlite = dynamic_cast<SqliteStore*>(normal.get());
  ASSERT_NE(sqlite, nullptr);
  EXPECT_EQ(sqlite->synchronous(), SqliteSync::kNormal);
  EXPECT_EQ(sqlite->path(), dir.file("normal.db"));
  auto full = open_store("sqlite:" + dir.file("full.db") + "?synchronous=FULL");
  EXPECT_EQ(dynamic_cast<SqliteStore&>(*full).synchronous(), SqliteSync::kFull);
  // sqlite:///abs/path names an absolute path.
  auto triple = open_store("sqlite://" + dir.file("triple.db"));
  EXPECT_EQ(dynamic_cast<SqliteStore&>(*triple).path(), dir.file("triple.db"));
  EXPECT_TRUE(std::filesystem::exists(dir.file("triple.db")));
}

TEST(SqliteStore, BadUrlsAreInputErrorsNamingTheFlag) {
  TempDir dir;
  const auto expect_input_error = [](const std::string& url, const std::string& fragment) {
    try {
      open_store(url);
      ADD_FAILURE() << url << " was accepted";
    } catch (const InputError& error) {
      EXPECT_EQ(error.where().field, "--db") << url;
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos)
          << url << ": " << error.what();
    }
  };
  expect_input_error("mysql://localhost/egin", "mysql://localhost/egin");
  expect_input_error("/var/lib/egin/egin.db", "sqlite:PATH");
  expect_input_error("sqlite:", "names no file");
  expect_input_error("sqlite:" + dir.file("x.db") + "?synchronous=maybe", "synchronous=maybe");
  expect_input_error("sqlite:" + dir.file("x.db") + "?cache=shared", "cache=shared");
}

TEST(SqliteStore, UnopenablePathIsARuntimeErrorNamingThePath) {
  const std::string path = "/proc/egin-no-such-dir/site.db";
  try {
    SqliteStore store(path);
    ADD_FAILURE() << "opened " << path;
  } catch (const InputError&) {
    ADD_FAILURE() << "a machine error is not an input error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
  }
}

TEST(SqliteStore, UnknownSchemaVersionIsRefused) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  { SqliteStore store(path); }
  sql_text(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  try {
    SqliteStore store(path);
    ADD_FAILURE() << "opened a schema-99 database";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 99"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
  }
}

TEST(SqliteStore, ReadsDoNotWaitForAWriterHoldingTheLock) {
  TempDir dir;
  const std::string path = dir.file("locked.db");
  SqliteStore store(path);
  const ChannelId a = store.ensure_channel("a", "default");
  store.write(minute_series(a, 10, 0.0));

  // Another connection takes the write lock and leaves an uncommitted row in place.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other,
                         ("BEGIN IMMEDIATE; INSERT INTO readings VALUES(" + std::to_string(a) +
                          ", " + std::to_string(kT0 + 100 * kMsPerMinute) + ", 1.0, 0)")
                             .c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // With the lock held, every read answers at once (a blocked read would time out and throw)
  // and sees only committed rows.
  std::size_t rows = 0;
  store.query_raw(a, kT0, kT0 + kMsPerDay, [&rows](const Reading&) { ++rows; });
  EXPECT_EQ(rows, 10U);
  EXPECT_EQ(store.latest(a)->t_ms, kT0 + 9 * kMsPerMinute);
  EXPECT_EQ(store.usage().raw_rows, 10);
  EXPECT_EQ(store.channels().size(), 1U);
  ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(store.write(minute_series(a, 20, 0.0)).inserted, 10U);
}

TEST(SqliteStore, ReaderRunsWhileALargeWriteIsInProgress) {
  TempDir dir;
  SqliteStore store(dir.file("busy.db"));
  const ChannelId a = store.ensure_channel("a", "default");
  const ChannelId b = store.ensure_channel("b", "default");
  store.write(minute_series(a, 100, 0.0));
  std::vector<Reading> big;
  big.reserve(200'000);
  for (int i = 0; i < 200'000; ++i) {
    big.push_back(Reading{b, kT0 + i * kMsPerSecond, 1.0, kFlagNone});
  }
  std::atomic<bool> writing{true};
  std::size_t reads_during_write = 0;
  bool always_consistent = true;
  std::thread writer([&] {
    store.write(big);
    writing = false;
  });
  while (writing.load()) {
    std::size_t rows = 0;
    store.query_raw(a, kT0, kT0 + kMsPerDay, [&rows](const Reading&) { ++rows; });
    const std::size_t b_rows = static_cast<std::size_t>(store.usage().raw_rows) - 100;
    // The big batch is one transaction: readers see none of it or all of it.
    always_consistent = always_consistent && rows == 100 && (b_rows == 0 || b_rows == big.size());
    ++reads_during_write;
  }
  writer.join();
  EXPECT_TRUE(always_consistent);
  EXPECT_GT(reads_during_write, 0U);
  EXPECT_EQ(store.usage().raw_rows, 200'100);
}

TEST(SqliteStore, NotANumberIsStoredAndLeftOutOfRollups) {
  SqliteStore store(":memory:");
  EXPECT_EQ(store.journal_mode(), "memory");
  const ChannelId a = store.ensure_channel("a", "default");
  store.write(std::vector<Reading>{{a, kT0, std::numeric_limits<double>::quiet_NaN(), kFlagNone},
                                   {a, kT0 + 1000, 4.0, kFlagNone}});
  std::vector<Reading> raw;
  store.query_raw(a, kT0, kT0 + kMsPerMinute, [&raw](const Reading& r) { raw.push_back(r); });
  ASSERT_EQ(raw.size(), 2U);
  EXPECT_TRUE(std::isnan(raw[0].value));
  EXPECT_DOUBLE_EQ(raw[1].value, 4.0);
  std::vector<RollupRow> minutes;
  store.query_rollup(a, Resolution::minute, kT0, kT0 + kMsPerMinute,
                     [&minutes](const RollupRow& row) { minutes.push_back(row); });
  ASSERT_EQ(minutes.size(), 1U);
  EXPECT_EQ(minutes[0].count, 1);
  EXPECT_DOUBLE_EQ(minutes[0].mean(), 4.0);
}

TEST(SqliteStore, QueryVisitorMayCallBackIntoTheStore) {
  for (const bool memory : {true, false}) {
    TempDir dir;
    SqliteStore store(memory ? std::string(":memory:") : dir.file("reentrant.db"));
    const ChannelId a = store.ensure_channel("a", "default");
    const ChannelId b = store.ensure_channel("b", "default");
    store.write(minute_series(a, 5, 0.0));
    std::size_t copied = 0;
    store.query_raw(a, kT0, kT0 + kMsPerDay, [&](const Reading& r) {
      // Same statement again (nested) and a write, from inside the visitor.
      std::size_t inner = 0;
      store.query_raw(a, kT0, kT0 + kMsPerDay, [&inner](const Reading&) { ++inner; });
      EXPECT_EQ(inner, 5U);
      copied += store.write(std::vector<Reading>{{b, r.t_ms, r.value * 2.0, kFlagNone}}).inserted;
    });
    EXPECT_EQ(copied, 5U) << (memory ? "memory" : "file");
    EXPECT_DOUBLE_EQ(store.latest(b)->value, 8.0);
  }
}

}  // namespace
}  // namespace egin::store::testing
