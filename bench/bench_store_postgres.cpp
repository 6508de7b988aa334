// Speed of the PostgreSQL store (store/postgres_store.hpp) on a real server: durable batch writes
// and the queries behind charts. Needs EGIN_BENCH_POSTGRES_URL (e.g. the private test server:
// `tests/support/postgres.sh start; EGIN_BENCH_POSTGRES_URL=$(tests/support/postgres.sh url)`);
// without it the program says so and exits 0. Works in a schema of its own (egin_bench), dropped
// at the start and at the end.
//   BM_Write/N                  batches of N new readings (100 channels at 1-minute sampling),
//                               each one durable transaction; "readings" is a rate (per second)
//   BM_WriteDuplicates/N        the same batches sent again (all duplicates)
//   BM_QuerySeries30d1h         query_series of one channel, 30 days at a 1-hour step (from the
//                               1-hour rollups), 10 channels × 30 days of 1-minute data stored
//   BM_QueryRaw30d              the 43,200 raw readings of one channel over those 30 days
#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "egin/store/postgres_store.hpp"
#include "egin/store/series_query.hpp"

namespace {

namespace st = egin::store;
using egin::TimeMs;

constexpr const char* kSchema = "egin_bench";
constexpr TimeMs kT0 = 1'709'251'200'000;  // 2024-03-01T00:00:00Z
constexpr int kChannels = 100;
constexpr int kQueryChannels = 10;
constexpr int kQueryDays = 30;

std::string base_url() {
  const char* url = std::getenv("EGIN_BENCH_POSTGRES_URL");
  return url != nullptr ? url : "";
}

std::string schema_url() {
  const std::string base = base_url();
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         kSchema;
}

void admin(const std::string& sql) {
  PGconn* conn = PQconnectdb(base_url().c_str());
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string message =
      PQstatus(conn) == CONNECTION_OK ? PQresultErrorMessage(r) : PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  if (!ok) {
    throw std::runtime_error(sql + ": " + message);
  }
}

struct Bench {
  std::unique_ptr<st::TimeSeriesStore> store;
  std::vector<st::ChannelId> channels;
  TimeMs next_write_ms = kT0 + 400 * egin::kMsPerDay;  // apart from the query data

  Bench() {
    admin(std::string("DROP SCHEMA IF EXISTS ") + kSchema + " CASCADE; CREATE SCHEMA " + kSchema);
    store = st::open_postgres_store(schema_url());
    for (int c = 0; c < kChannels; ++c) {
      channels.push_back(store->ensure_channel(
          "gh" + std::to_string(c / 10) + "/node/ch" + std::to_string(c), "default"));
    }
    // Query data: 10 channels × 30 days of 1-minute readings, in batches of 10,000.
    std::vector<st::Reading> batch;
    const TimeMs minutes = kQueryDays * egin::kMsPerDay / egin::kMsPerMinute;
    for (TimeMs i = 0; i < minutes; ++i) {
      for (int c = 0; c < kQueryChannels; ++c) {
        batch.push_back(st::Reading{channels[static_cast<std::size_t>(c)],
                                    kT0 + i * egin::kMsPerMinute,
                                    20.0 + static_cast<double>(i % 600) * 0.01, st::kFlagNone});
        if (batch.size() == 10'000) {
          store->write(batch);
          batch.clear();
        }
      }
    }
    store->write(batch);
  }

  // The next batch of n new readings: all channels, successive minutes.
  std::vector<st::Reading> next_batch(std::size_t n) {
    std::vector<st::Reading> batch;
    batch.reserve(n);
    while (batch.size() < n) {
      for (std::size_t c = 0; c < channels.size() && batch.size() < n; ++c) {
        batch.push_back(st::Reading{channels[c], next_write_ms,
                                    static_cast<double>(c) + 0.001 * static_cast<double>(n),
                                    st::kFlagNone});
      }
      next_write_ms += egin::kMsPerMinute;
    }
    return batch;
  }
};

Bench& bench() {
  static Bench b;
  return b;
}

void BM_Write(benchmark::State& state) {
  Bench& b = bench();
  const auto n = static_cast<std::size_t>(state.range(0));
  std::size_t written = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<st::Reading> batch = b.next_batch(n);
    state.ResumeTiming();
    written += b.store->write(batch).inserted;
  }
  if (written != n * static_cast<std::size_t>(state.iterations())) {
    state.SkipWithError("a batch of new readings was not stored whole");
  }
  state.counters["readings"] =
      benchmark::Counter(static_cast<double>(written), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Write)->Arg(1000)->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_WriteDuplicates(benchmark::State& state) {
  Bench& b = bench();
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<st::Reading> batch = b.next_batch(n);
  b.store->write(batch);
  std::size_t duplicates = 0;
  for (auto _ : state) {
    duplicates += b.store->write(batch).duplicates;
  }
  state.counters["readings"] =
      benchmark::Counter(static_cast<double>(duplicates), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriteDuplicates)->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_QuerySeries30d1h(benchmark::State& state) {
  Bench& b = bench();
  std::size_t points = 0;
  for (auto _ : state) {
    const auto series = st::query_series(*b.store, b.channels[3], kT0,
                                         kT0 + kQueryDays * egin::kMsPerDay, egin::kMsPerHour);
    points = series.size();
    benchmark::DoNotOptimize(series.data());
  }
  if (points != static_cast<std::size_t>(kQueryDays * 24)) {
    state.SkipWithError("the series does not have one point per hour");
  }
  state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_QuerySeries30d1h)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_QueryRaw30d(benchmark::State& state) {
  Bench& b = bench();
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    double sum = 0.0;
    b.store->query_raw(b.channels[3], kT0, kT0 + kQueryDays * egin::kMsPerDay,
                       [&](const st::Reading& r) {
                         ++rows;
                         sum += r.value;
                       });
    benchmark::DoNotOptimize(sum);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_QueryRaw30d)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (base_url().empty()) {
    std::printf(
        "bench_store_postgres: skipped (set EGIN_BENCH_POSTGRES_URL, e.g. "
        "EGIN_BENCH_POSTGRES_URL=$(tests/support/postgres.sh url) after "
        "tests/support/postgres.sh start)\n");
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  bench().store.reset();
  admin(std::string("DROP SCHEMA IF EXISTS ") + kSchema + " CASCADE");
  return 0;
}
