// The PostgreSQL backend: the shared conformance suite, plus what only PostgreSQL has — monthly
// partitions (listed in pg_inherits), ids kept across reconnects, batches across a month edge,
// retention dropping whole partitions, 100k-reading COPY batches, errors without passwords.
// Needs the server of tests/support/postgres.sh (CTest fixture `postgres`); its URI comes from
// EGIN_TEST_POSTGRES_URL. Each test works in a schema of its own, dropped at the end. The tests
// fail (they do not skip) when the server cannot be reached.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "egin/store/postgres_store.hpp"
#include "egin/store/time_series_store.hpp"
#include "store_conformance.hpp"

namespace egin::store::testing {
namespace {

// 2024-01-01T00:00:00Z, 2024-02-01 and 2024-03-01.
constexpr TimeMs kJan = 1'704'067'200'000;
constexpr TimeMs kFeb = kJan + 31 * kMsPerDay;
constexpr TimeMs kMar = kFeb + 29 * kMsPerDay;

std::string base_url() {
  const char* url = std::getenv("EGIN_TEST_POSTGRES_URL");
  return url != nullptr && *url != '\0' ? url : "postgresql://postgres@127.0.0.1:55432/egin_test";
}

// A plain libpq connection for the tests' own SQL.
class Admin {
 public:
  Admin() : conn_(PQconnectdb(base_url().c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw std::runtime_error("cannot reach the test PostgreSQL server at " + base_url() +
                               " (start it with tests/support/postgres.sh start): " + message);
    }
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);  // DROP … CASCADE notices
  }
  ~Admin() { PQfinish(conn_); }
  Admin(const Admin&) = delete;
  Admin& operator=(const Admin&) = delete;

  void exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    const std::string message = PQresultErrorMessage(r);
    PQclear(r);
    if (!ok) {
      throw std::runtime_error(sql + ": " + message);
    }
  }
  /// The first column of every row, as text.
  std::vector<std::string> column(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      const std::string message = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error(sql + ": " + message);
    }
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(r); ++i) {
      out.emplace_back(PQgetvalue(r, i, 0));
    }
    PQclear(r);
    return out;
  }
  std::int64_t number(const std::string& sql) { return std::stoll(column(sql).at(0)); }

 private:
  PGconn* conn_;
};

// A fresh schema for one test; dropped when it goes.
class Schema {
 public:
  Schema() : name_(next_name()) {
    admin_.exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    admin_.exec("CREATE SCHEMA " + name_);
  }
  ~Schema() {
    try {
      admin_.exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception&) {  // the test already failed on the server
    }
  }
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  /// The store URL that works in this schema (search_path through the connection options).
  [[nodiscard]] std::string url() const {
    const std::string base = base_url();
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           name_ + "&application_name=" + name_;
  }
  Admin& admin() { return admin_; }

  /// Names of the partitions of this schema's readings table, sorted.
  std::vector<std::string> partitions() {
    return admin_.column(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE "
        "i.inhparent = '" +
        name_ + ".readings'::regclass ORDER BY 1");
  }

 private:
  static std::string next_name() {
    static std::atomic<int> counter{0};
    return "egin_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  }

  Admin admin_;
  std::string name_;
};

// The conformance suite's store: a PostgresStore in a schema of its own, dropped with it.
class SchemaStore final : public TimeSeriesStore {
 public:
  SchemaStore() : store_(open_postgres_store(schema_.url())) {}
  ~SchemaStore() override { store_.reset(); }  // close the connections before DROP SCHEMA

  [[nodiscard]] std::string_view backend() const override { return store_->backend(); }
  ChannelId ensure_channel(std::string_view key, std::string_view channel_class) override {
    return store_->ensure_channel(key, channel_class);
  }
  std::vector<ChannelEntry> channels() override { return store_->channels(); }
  WriteResult write(std::span<const Reading> readings) override { return store_->write(readings); }
  void query_raw(ChannelId channel, TimeMs from_ms, TimeMs to_ms,
                 const std::function<void(const Reading&)>& visit) override {
    store_->query_raw(channel, from_ms, to_ms, visit);
  }
  void query_rollup(ChannelId channel, Resolution level, TimeMs from_ms, TimeMs to_ms,
                    const std::function<void(const RollupRow&)>& visit) override {
    store_->query_rollup(channel, level, from_ms, to_ms, visit);
  }
  std::optional<Reading> latest(ChannelId channel) override { return store_->latest(channel); }
  RetentionResult apply_retention(std::span<const RetentionRule> rules, TimeMs now_ms) override {
    return store_->apply_retention(rules, now_ms);
  }
  StorageUsage usage() override { return store_->usage(); }

 private:
  Schema schema_;
  std::unique_ptr<TimeSeriesStore> store_;
};

INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformance,
                         ::testing::Values(StoreFactory{
                             "postgresql", [] { return std::make_unique<SchemaStore>(); }}),
                         store_factory_name);

std::vector<Reading> raw_of(TimeSeriesStore& store, ChannelId channel, TimeMs from_ms,
                            TimeMs to_ms) {
  std::vector<Reading> out;
  store.query_raw(channel, from_ms, to_ms, [&out](const Reading& r) { out.push_back(r); });
  return out;
}

TEST(PostgresStore, OpenStoreTakesBothSchemes) {
  Schema schema;
  const std::string url = schema.url();
  EXPECT_EQ(open_store(url)->backend(), "postgresql");
  EXPECT_EQ(open_store("postgres://" + url.substr(url.find("://") + 3))->backend(), "postgresql");
}

TEST(PostgresStore, CreatesTheSchemaWithAVersionRowOnce) {
  Schema schema;
  open_postgres_store(schema.url());
  open_postgres_store(schema.url());  // a second open finds it and keeps it
  EXPECT_EQ(schema.admin().column("SELECT value FROM " + schema.name() +
                                  ".meta WHERE key = 'schema_version'"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + schema.name() + ".counts"), 1);
  EXPECT_EQ(schema.admin().column("SELECT relkind::text FROM pg_class WHERE oid = '" +
                                  schema.name() + ".readings'::regclass"),
            std::vector<std::string>{"p"});  // a partitioned table

  schema.admin().exec("UPDATE " + schema.name() + ".meta SET value = '99'");
  try {
    open_postgres_store(schema.url());
    ADD_FAILURE() << "opened a schema of another version";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
  }
}

TEST(PostgresStore, PartitionsAreMadePerMonthAndListedInPgInherits) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  EXPECT_TRUE(schema.partitions().empty());  // nothing until data arrive
  const ChannelId a = store->ensure_channel("a", "default");
  std::vector<Reading> batch;
  for (int day = 0; day < 91; day += 3) {  // January to March 2024, one reading every 3 days
    batch.push_back(Reading{a, kJan + day * kMsPerDay, 1.0 * day, kFlagNone});
  }
  EXPECT_EQ(store->write(batch).inserted, batch.size());
  EXPECT_EQ(schema.partitions(),
            (std::vector<std::string>{"readings_p202401", "readings_p202402", "readings_p202403"}));
  // Each row lies in the partition of its month: 11 in January (days 0..30), 9 in February
  // (days 33..57), 11 in March (days 60..90).
  const std::string s = schema.name();
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202401"), 11);
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202402"), 9);
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202403"), 11);
  EXPECT_EQ(schema.admin().number("SELECT min(t_ms) FROM " + s + ".readings_p202402"),
            kJan + 33 * kMsPerDay);
  // An older month later on gets its own partition too.
  store->write(std::vector<Reading>{{a, kJan - 1, -1.0, kFlagNone}});
  EXPECT_EQ(schema.partitions().front(), "readings_p202312");
  EXPECT_EQ(schema.partitions().size(), 4U);
}

TEST(PostgresStore, ABatchAcrossAMonthEdgeLandsInBothPartitions) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  const ChannelId a = store->ensure_channel("a", "default");
  const ChannelId b = store->ensure_channel("b", "default");
  std::vector<Reading> batch;
  for (TimeMs t_ms = kFeb - 90 * kMsPerMinute; t_ms < kFeb + 90 * kMsPerMinute;
       t_ms += kMsPerMinute) {
    batch.push_back(Reading{a, t_ms, static_cast<double>((t_ms - kFeb) / kMsPerMinute), kFlagNone});
    batch.push_back(Reading{b, t_ms, 5.0, kFlagNone});
  }
  const WriteResult w = store->write(batch);
  EXPECT_EQ(w.inserted, 360U);
  EXPECT_EQ(w.duplicates, 0U);
  const std::string s = schema.name();
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202401"), 180);
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202402"), 180);
  EXPECT_EQ(schema.admin().number("SELECT max(t_ms) FROM " + s + ".readings_p202401"),
            kFeb - kMsPerMinute);

  const std::vector<Reading> raw = raw_of(*store, a, kFeb - kMsPerHour, kFeb + kMsPerHour);
  ASSERT_EQ(raw.size(), 120U);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    EXPECT_EQ(raw[i].t_ms, kFeb - kMsPerHour + static_cast<TimeMs>(i) * kMsPerMinute);
    EXPECT_DOUBLE_EQ(raw[i].value, static_cast<double>(i) - 60.0);
  }
  // Day buckets on either side: January 31 holds minutes -90..-1, February 1 minutes 0..89.
  std::vector<RollupRow> days;
  store->query_rollup(a, Resolution::day, kJan, kMar,
                      [&days](const RollupRow& row) { days.push_back(row); });
  ASSERT_EQ(days.size(), 2U);
  EXPECT_EQ(days[0].start_ms, kFeb - kMsPerDay);
  EXPECT_EQ(days[0].count, 90);
  EXPECT_DOUBLE_EQ(days[0].min, -90.0);
  EXPECT_DOUBLE_EQ(days[0].max, -1.0);
  EXPECT_EQ(days[1].start_ms, kFeb);
  EXPECT_EQ(days[1].count, 90);
  EXPECT_DOUBLE_EQ(days[1].mean(), 44.5);
  // The same batch again: all duplicates, whichever partition they fall in.
  const WriteResult again = store->write(batch);
  EXPECT_EQ(again.inserted, 0U);
  EXPECT_EQ(again.duplicates, 360U);
  EXPECT_EQ(std::count(again.inserted_mask.begin(), again.inserted_mask.end(), 0), 360);
}

TEST(PostgresStore, AReconnectKeepsIdsClassesAndData) {
  Schema schema;
  ChannelId a = 0;
  ChannelId b = 0;
  {
    auto store = open_postgres_store(schema.url());
    a = store->ensure_channel("gh1/n1/t_air", "default");
    b = store->ensure_channel("gh1/n1/rh_air", "short");
    store->write(std::vector<Reading>{{a, kMar, 21.5, kFlagNone}, {b, kMar, 64.0, kFlagSpike}});
  }
  auto store = open_postgres_store(schema.url());
  EXPECT_EQ(store->ensure_channel("gh1/n1/rh_air", "short"), b);
  EXPECT_EQ(store->ensure_channel("gh1/n1/t_air", "default"), a);
  const ChannelId c = store->ensure_channel("gh1/n1/co2", "default");
  EXPECT_NE(c, a);
  EXPECT_NE(c, b);
  const std::vector<ChannelEntry> listed = store->channels();
  ASSERT_EQ(listed.size(), 3U);
  EXPECT_EQ(listed[1].id, b);
  EXPECT_EQ(listed[1].channel_class, "short");
  ASSERT_TRUE(store->latest(b).has_value());
  EXPECT_DOUBLE_EQ(store->latest(b)->value, 64.0);
  EXPECT_EQ(store->latest(b)->flags, std::uint32_t{kFlagSpike});
  EXPECT_EQ(store->usage().raw_rows, 2);
  // Writing again after the reopen: the partition known from the database is reused.
  EXPECT_EQ(store->write(std::vector<Reading>{{a, kMar + 1, 22.0, kFlagNone}}).inserted, 1U);
  EXPECT_EQ(schema.partitions(), std::vector<std::string>{"readings_p202403"});
}

TEST(PostgresStore, RetentionDropsAWholeOldPartitionAndDeletesInTheRest) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  const ChannelId a = store->ensure_channel("a", "default");
  const ChannelId b = store->ensure_channel("b", "weather");
  std::vector<Reading> batch;
  for (TimeMs t_ms = kJan; t_ms < kMar + 20 * kMsPerDay; t_ms += kMsPerHour) {
    batch.push_back(Reading{a, t_ms, 1.0, kFlagNone});
    batch.push_back(Reading{b, t_ms, 2.0, kFlagNone});
  }
  store->write(batch);
  ASSERT_EQ(schema.partitions().size(), 3U);
  const StorageUsage before = store->usage();

  // Now = 2024-03-20; "default" keeps 40 days of raw rows, "weather" 30: every January row is
  // past both cuts, so the January partition goes whole; February is cut row by row.
  const TimeMs now_ms = kMar + 19 * kMsPerDay;
  const std::vector<RetentionRule> rules = {
      {.channel_class = "default", .raw_days = 40, .minute_days = 0, .hour_days = 0, .day_days = 0},
      {.channel_class = "weather",
       .raw_days = 30,
       .minute_days = 0,
       .hour_days = 0,
       .day_days = 0}};
  const TimeMs cut_a = now_ms - 40 * kMsPerDay;
  const TimeMs cut_b = now_ms - 30 * kMsPerDay;
  std::int64_t expected = 0;
  for (const Reading& r : batch) {
    expected += r.t_ms < (r.channel == a ? cut_a : cut_b) ? 1 : 0;
  }
  const RetentionResult result = store->apply_retention(rules, now_ms);
  EXPECT_EQ(result.raw_deleted, expected);
  EXPECT_EQ(result.rollups_deleted, 0);
  EXPECT_EQ(schema.partitions(),
            (std::vector<std::string>{"readings_p202402", "readings_p202403"}));
  ASSERT_FALSE(raw_of(*store, a, 0, now_ms).empty());
  EXPECT_EQ(raw_of(*store, a, 0, now_ms).front().t_ms, cut_a);  // cut_a is on the hour
  EXPECT_EQ(raw_of(*store, b, 0, now_ms).front().t_ms, cut_b);
  const StorageUsage after = store->usage();
  EXPECT_EQ(after.raw_rows, before.raw_rows - expected);
  EXPECT_EQ(*after.oldest_raw_ms, cut_a);
  EXPECT_EQ(*after.newest_raw_ms, *before.newest_raw_ms);
  EXPECT_LT(after.bytes, before.bytes);
  // Readings for the dropped month arriving late get a new partition.
  EXPECT_EQ(store->write(std::vector<Reading>{{a, kJan + 5, 3.0, kFlagNone}}).inserted, 1U);
  EXPECT_EQ(schema.partitions().front(), "readings_p202401");
}

TEST(PostgresStore, CopiesAHundredThousandReadingsInOneBatch) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  std::vector<ChannelId> channels;
  for (int c = 0; c < 50; ++c) {
    channels.push_back(store->ensure_channel("z/d/c" + std::to_string(c), "default"));
  }
  std::vector<Reading> batch;
  for (int i = 0; i < 2000; ++i) {
    for (const ChannelId channel : channels) {
      batch.push_back(Reading{channel, kMar - 1000 * kMsPerMinute + i * kMsPerMinute,
                              static_cast<double>(i) * 0.5 - 100.0,
                              i % 100 == 0 ? std::uint32_t{kFlagStuck} : std::uint32_t{0}});
    }
  }
  ASSERT_EQ(batch.size(), 100'000U);
  const auto started = std::chrono::steady_clock::now();
  const WriteResult w = store->write(batch);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(w.inserted, 100'000U);
  EXPECT_EQ(w.duplicates, 0U);
  EXPECT_LT(seconds, 30.0);
  const std::string s = schema.name();
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings"), 100'000);
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s + ".readings_p202402"), 50'000);
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM " + s +
                                  ".readings WHERE flags = " + std::to_string(kFlagStuck)),
            50 * 20);
  // Values survive the binary COPY bit for bit.
  EXPECT_EQ(
      schema.admin().number("SELECT count(*) FROM " + s + ".readings WHERE value <> (t_ms - " +
                            std::to_string(kMar - 1000 * kMsPerMinute) + ") / 60000 * 0.5 - 100.0"),
      0);
  EXPECT_EQ(store->usage().minute_rows, 100'000 - 50 * 20);  // stuck readings not rolled up
  const WriteResult again = store->write(batch);
  EXPECT_EQ(again.duplicates, 100'000U);
}

TEST(PostgresStore, NonFiniteValuesAreStoredButNotRolledUp) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  const ChannelId a = store->ensure_channel("a", "default");
  store->write(std::vector<Reading>{{a, kMar, std::numeric_limits<double>::quiet_NaN(), 0},
                                    {a, kMar + 1, std::numeric_limits<double>::infinity(), 0},
                                    {a, kMar + 2, 4.0, 0}});
  const std::vector<Reading> raw = raw_of(*store, a, kMar, kMar + 3);
  ASSERT_EQ(raw.size(), 3U);
  EXPECT_TRUE(std::isnan(raw[0].value));
  EXPECT_TRUE(std::isinf(raw[1].value));
  std::vector<RollupRow> minutes;
  store->query_rollup(a, Resolution::minute, kMar, kMar + kMsPerMinute,
                      [&minutes](const RollupRow& row) { minutes.push_back(row); });
  ASSERT_EQ(minutes.size(), 1U);
  EXPECT_EQ(minutes[0].count, 1);
  EXPECT_DOUBLE_EQ(minutes[0].sum, 4.0);
}

TEST(PostgresStore, AVisitorMayQueryTheStoreAgain) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  const ChannelId a = store->ensure_channel("a", "default");
  std::vector<Reading> batch;
  for (int i = 0; i < 20'000; ++i) {  // more than one cursor fetch
    batch.push_back(Reading{a, kMar + i * kMsPerSecond, static_cast<double>(i), kFlagNone});
  }
  store->write(batch);
  std::size_t seen = 0;
  TimeMs previous_ms = 0;
  store->query_raw(a, kMar, kMar + kMsPerDay, [&](const Reading& r) {
    EXPECT_GT(r.t_ms, previous_ms);
    previous_ms = r.t_ms;
    if (seen++ % 5000 == 0) {
      EXPECT_EQ(store->latest(a)->t_ms, kMar + 19'999 * kMsPerSecond);
    }
  });
  EXPECT_EQ(seen, 20'000U);
  // A visitor that throws leaves the store usable.
  EXPECT_THROW(store->query_raw(a, kMar, kMar + kMsPerDay,
                                [](const Reading&) { throw std::logic_error("stop"); }),
               std::logic_error);
  EXPECT_EQ(raw_of(*store, a, kMar, kMar + 10 * kMsPerSecond).size(), 10U);
}

TEST(PostgresStore, TwoStoresOnOneDatabaseWritingTheSameKeysAgree) {
  // Two stores (as two egin processes would be) send the same batches in opposite orders: the
  // one that loses a race on a key falls back to the conflict-safe statements.
  Schema schema;
  auto first = open_postgres_store(schema.url());
  auto second = open_postgres_store(schema.url());
  const ChannelId a = first->ensure_channel("a", "default");
  EXPECT_EQ(second->ensure_channel("a", "default"), a);
  constexpr int kBatches = 30;
  std::vector<std::vector<Reading>> batches(kBatches);
  for (int k = 0; k < kBatches; ++k) {
    for (int i = 0; i < 200; ++i) {
      // Every 20 s across the month edge, so both partitions are raced for.
      const TimeMs t_ms = kMar - 30 * kMsPerHour + (k * 200 + i) * 20 * kMsPerSecond;
      batches[static_cast<std::size_t>(k)].push_back(
          Reading{a, t_ms, static_cast<double>(k * 200 + i), kFlagNone});
    }
  }
  std::atomic<std::size_t> inserted{0};
  std::atomic<std::size_t> duplicates{0};
  const auto writer = [&](TimeSeriesStore& store, bool forward) {
    for (int k = 0; k < kBatches; ++k) {
      const WriteResult w =
          store.write(batches[static_cast<std::size_t>(forward ? k : kBatches - 1 - k)]);
      inserted += w.inserted;
      duplicates += w.duplicates;
    }
  };
  std::thread one(writer, std::ref(*first), true);
  std::thread two(writer, std::ref(*second), false);
  one.join();
  two.join();
  EXPECT_EQ(inserted.load(), 6000U);
  EXPECT_EQ(duplicates.load(), 6000U);
  EXPECT_EQ(first->usage().raw_rows, 6000);
  // Each minute bucket counted once: three readings per minute, values summed once.
  std::int64_t counted = 0;
  double sum = 0.0;
  first->query_rollup(a, Resolution::minute, 0, kMar * 2, [&](const RollupRow& row) {
    EXPECT_EQ(row.count, 3);
    counted += row.count;
    sum += row.sum;
  });
  EXPECT_EQ(counted, 6000);
  EXPECT_DOUBLE_EQ(sum, 5999.0 * 6000.0 / 2.0);
  EXPECT_EQ(first->usage().minute_rows, 2000);
}

TEST(PostgresStore, APartitionDroppedByAnotherStoreIsMadeAgain) {
  Schema schema;
  auto writer = open_postgres_store(schema.url());
  auto janitor = open_postgres_store(schema.url());
  const ChannelId a = writer->ensure_channel("a", "default");
  writer->write(std::vector<Reading>{{a, kJan + kMsPerHour, 1.0, kFlagNone},
                                     {a, kMar + kMsPerHour, 3.0, kFlagNone}});
  const std::vector<RetentionRule> rules = {{.channel_class = "default", .raw_days = 10}};
  EXPECT_EQ(janitor->apply_retention(rules, kMar + 5 * kMsPerDay).raw_deleted, 1);
  EXPECT_EQ(schema.partitions(), std::vector<std::string>{"readings_p202403"});
  // The writer still believes January has a partition.
  EXPECT_EQ(
      writer->write(std::vector<Reading>{{a, kJan + 2 * kMsPerHour, 2.0, kFlagNone}}).inserted, 1U);
  EXPECT_EQ(schema.partitions(),
            (std::vector<std::string>{"readings_p202401", "readings_p202403"}));
  EXPECT_EQ(raw_of(*writer, a, kJan, kJan + kMsPerDay).size(), 1U);
}

TEST(PostgresStore, ConnectionsCutByTheServerAreMadeAgain) {
  Schema schema;
  auto store = open_postgres_store(schema.url());
  const ChannelId a = store->ensure_channel("a", "default");
  store->write(std::vector<Reading>{{a, kMar, 1.0, kFlagNone}});
  ASSERT_TRUE(store->latest(a).has_value());  // a reader connection now sits in the pool
  // As a server restart would: every connection of this store goes.
  EXPECT_EQ(schema.admin().number("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM "
                                  "pg_stat_activity WHERE application_name = '" +
                                  schema.name() + "') AS t"),
            2);
  const WriteResult w = store->write(
      std::vector<Reading>{{a, kMar, 1.0, kFlagNone}, {a, kMar + kMsPerSecond, 2.0, kFlagNone}});
  EXPECT_EQ(w.inserted, 1U);  // the batch's transaction ran on a new connection (staging made)
  EXPECT_EQ(w.duplicates, 1U);
  ASSERT_TRUE(store->latest(a).has_value());
  EXPECT_EQ(store->latest(a)->t_ms, kMar + kMsPerSecond);
  EXPECT_GT(store->ensure_channel("b", "default"), a);
  EXPECT_EQ(raw_of(*store, a, kMar, kMar + kMsPerMinute).size(), 2U);
}

TEST(PostgresStore, AnUnreachableServerIsAnErrorWithoutThePassword) {
  try {
    open_postgres_store("postgresql://egin:s3cret-pw@127.0.0.1:1/egin?connect_timeout=2");
    ADD_FAILURE() << "connected to port 1";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find("s3cret-pw"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot connect"), std::string::npos) << message;
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace egin::store::testing
