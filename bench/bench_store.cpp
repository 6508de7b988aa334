// SQLite store speed: durable write() throughput (readings/s) for batches of 100, 1000 and 10000
// readings of 100 channels at 1-minute spacing, with synchronous FULL (the default: every commit
// reaches the disk) and NORMAL, on a temporary file; the 30-day series query of one 1-minute
// channel at 1-hour step (target ≤ 50 ms) and at 1-minute step (the KOAT tabular query); and a
// raw query of one day. Read "readings/s" as items_per_second.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "egin/store/series_query.hpp"
#include "egin/store/sqlite_store.hpp"

namespace es = egin::store;

namespace {

constexpr egin::TimeMs kT0 = 1'709'251'200'000;  // 2024-03-01T00:00:00Z
constexpr int kChannels = 100;

// A temporary directory removed at the end of the benchmark run that made it.
class BenchDir {
 public:
  explicit BenchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("egin-bench-store-" + std::to_string(::getpid()) + "-" + name)) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~BenchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  BenchDir(const BenchDir&) = delete;
  BenchDir& operator=(const BenchDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

void BM_SqliteWrite(benchmark::State& state) {
  const auto batch_size = static_cast<int>(state.range(0));
  const es::SqliteSync sync = state.range(1) == 0 ? es::SqliteSync::kFull : es::SqliteSync::kNormal;
  const BenchDir dir("write");
  es::SqliteStore store(dir.file("write.db"), es::SqliteOptions{.synchronous = sync});
  std::vector<es::ChannelId> channels;
  channels.reserve(kChannels);
  for (int c = 0; c < kChannels; ++c) {
    channels.push_back(store.ensure_channel("gh/node/ch" + std::to_string(c), "default"));
  }
  std::vector<es::Reading> batch(static_cast<std::size_t>(batch_size));
  egin::TimeMs minute = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (int i = 0; i < batch_size; ++i) {
      if (i % kChannels == 0 && i > 0) {
        ++minute;
      }
      const int c = i % kChannels;
      batch[static_cast<std::size_t>(i)] =
          es::Reading{channels[static_cast<std::size_t>(c)], kT0 + minute * egin::kMsPerMinute,
                      20.0 + std::sin(static_cast<double>(minute) / 100.0) + c, es::kFlagNone};
    }
    ++minute;
    state.ResumeTiming();
    const es::WriteResult result = store.write(batch);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  state.SetLabel(sync == es::SqliteSync::kFull ? "synchronous=full" : "synchronous=normal");
}
BENCHMARK(BM_SqliteWrite)
    ->ArgsProduct({{100, 1000, 10000}, {0, 1}})
    ->ArgNames({"batch", "normal"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One store with 30 days of 1-minute readings of one channel, shared by the query benchmarks.
struct QueryFixture {
  BenchDir dir{"query"};
  es::SqliteStore store{dir.file("query.db"),
                        es::SqliteOptions{.synchronous = es::SqliteSync::kNormal}};
  es::ChannelId channel = store.ensure_channel("gh/node/t_air", "default");

  QueryFixture() {
    std::vector<es::Reading> day;
    for (int d = 0; d < 30; ++d) {
      day.clear();
      for (int m = 0; m < 1440; ++m) {
        const egin::TimeMs t_ms = kT0 + (d * 1440 + m) * egin::kMsPerMinute;
        day.push_back(es::Reading{
            channel, t_ms, 20.0 + 5.0 * std::sin(static_cast<double>(m) / 229.0), es::kFlagNone});
      }
      store.write(day);
    }
  }
};

QueryFixture& query_fixture() {
  static QueryFixture fixture;
  return fixture;
}

void BM_QuerySeries30Days(benchmark::State& state) {
  QueryFixture& f = query_fixture();
  const egin::TimeMs step_ms = state.range(0) * egin::kMsPerMinute;
  std::size_t points = 0;
  for (auto _ : state) {
    const auto series =
        es::query_series(f.store, f.channel, kT0, kT0 + 30 * egin::kMsPerDay, step_ms);
    points = series.size();
    benchmark::DoNotOptimize(series.data());
  }
  state.counters["points"] = static_cast<double>(points);
  state.SetLabel(std::string("level ") +
                 std::string(es::resolution_name(es::level_for_step(step_ms))));
}
BENCHMARK(BM_QuerySeries30Days)
    ->Arg(60)
    ->Arg(1)
    ->ArgName("step_min")
    ->Unit(benchmark::kMillisecond);

void BM_QueryRawOneDay(benchmark::State& state) {
  QueryFixture& f = query_fixture();
  std::size_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    double sum = 0.0;
    f.store.query_raw(f.channel, kT0 + 10 * egin::kMsPerDay, kT0 + 11 * egin::kMsPerDay,
                      [&](const es::Reading& r) {
                        ++rows;
                        sum += r.value;
                      });
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_QueryRawOneDay)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
