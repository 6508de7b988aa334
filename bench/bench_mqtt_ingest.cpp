// Sustained durable ingest through MQTT: publishers → a real Mosquitto (tests/support/
// mosquitto.sh) → MqttIngest → IngestPipeline → SQLite (WAL, synchronous=FULL), QoS 1 end to
// end. Time runs from the first publish until the pipeline counted every reading as stored
// (each message is acknowledged to the broker only after its readings are durable).
// Arguments: records per SenML pack, publishers (one device each, own thread and connection).
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "../tests/unit/runtime/mosquitto_broker.hpp"
#include "egin/core/senml.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/mqtt_ingest.hpp"
#include "egin/store/time_series_store.hpp"

namespace {

using namespace egin;

// prefix + number + suffix without operator+ chains (GCC 12 -O3 -Wrestrict false positive).
std::string numbered(std::string_view prefix, std::int64_t n, std::string_view suffix = {}) {
  std::string out(prefix);
  out += std::to_string(n);
  out += suffix;
  return out;
}
using namespace egin::runtime;

constexpr int kChannelsPerDevice = 100;
constexpr std::int64_t kReadingsPerRun = 200000;

Site bench_site(int devices) {
  Site site;
  site.id = "farm";
  ZoneSpec zone;
  zone.id = "gh1";
  for (int d = 0; d < devices; ++d) {
    DeviceSpec device;
    device.id = numbered("node", d);
    for (int c = 0; c < kChannelsPerDevice; ++c) {
      ChannelSpec spec;
      spec.id = numbered("c", c);
      spec.name = spec.id;
      spec.quantity = "air_temperature";
      spec.unit = "Cel";
      spec.min = -40.0;
      spec.max = 60.0;
      device.channels.push_back(spec);
    }
    zone.devices.push_back(device);
  }
  site.zones.push_back(zone);
  return site;
}

void BM_MqttIngestSqlite(benchmark::State& state) {
  const int pack = static_cast<int>(state.range(0));
  const int publishers = static_cast<int>(state.range(1));
  const std::int64_t messages_per_publisher = kReadingsPerRun / (pack * publishers);
  const std::int64_t expected = messages_per_publisher * pack * publishers;

  for (auto _ : state) {
    state.PauseTiming();
    egin::testing::MosquittoBroker broker;
    const auto dir = std::filesystem::temp_directory_path() / "egin-bench-mqtt";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto store = store::open_store("sqlite:" + (dir / "egin.db").string());  // synchronous=FULL
    SystemClock clock;
    Metrics metrics;
    LiveSite site(bench_site(publishers), *store);
    IngestPipeline pipeline(site, *store, clock, metrics);
    MqttOptions options;
    options.host = "127.0.0.1";
    options.port = broker.port();
    MqttIngest mqtt(options, "farm", pipeline, metrics);
    mqtt.start();
    while (!mqtt.connected()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    Counter& accepted = metrics.counter("egin_ingest_records_total", "",
                                        {{"source", "mqtt"}, {"result", "accepted"}});
    // Payloads made before the clock starts: the publishers only send.
    const TimeMs t0 = (clock.now_ms() / 1000) * 1000 - 2 * kMsPerDay;
    std::vector<std::vector<std::string>> payloads(static_cast<std::size_t>(publishers));
    for (int p = 0; p < publishers; ++p) {
      for (std::int64_t m = 0; m < messages_per_publisher; ++m) {
        std::vector<SenmlRecord> records;
        for (int r = 0; r < pack; ++r) {
          SenmlRecord record;
          const std::int64_t n = m * pack + r;
          record.name = numbered("c", n % kChannelsPerDevice);
          record.time_s = static_cast<double>(t0 + (n / kChannelsPerDevice) * 1000) / 1000.0;
          record.value = 20.0 + static_cast<double>(n % 17) * 0.1;
          records.push_back(record);
        }
        payloads[static_cast<std::size_t>(p)].push_back(write_senml_json(records));
      }
    }
    std::vector<std::unique_ptr<egin::testing::MqttTestClient>> clients;
    for (int p = 0; p < publishers; ++p) {
      clients.push_back(std::make_unique<egin::testing::MqttTestClient>(broker.port(),
                                                                        numbered("bench-pub-", p)));
    }
    state.ResumeTiming();

    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int p = 0; p < publishers; ++p) {
      threads.emplace_back([&, p] {
        const std::string topic = numbered("egin/farm/gh1/node", p, "/obs");
        for (const auto& payload : payloads[static_cast<std::size_t>(p)]) {
          clients[static_cast<std::size_t>(p)]->publish(topic, payload);
        }
        clients[static_cast<std::size_t>(p)]->wait_acked(std::chrono::minutes(10));
      });
    }
    for (auto& t : threads) t.join();
    const auto published = std::chrono::steady_clock::now();
    while (accepted.value() < static_cast<double>(expected) &&
           std::chrono::steady_clock::now() - started < std::chrono::minutes(10)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    const auto finished = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(finished - started).count();
    state.SetIterationTime(seconds);

    state.PauseTiming();
    const double commits = metrics.counter("egin_store_commits_total", "").value();
    const double commit_s = metrics.counter("egin_store_commit_seconds_total", "").value();
    state.counters["readings_per_s"] = static_cast<double>(expected) / seconds;
    state.counters["messages_per_s"] = static_cast<double>(expected / pack) / seconds;
    state.counters["publish_s"] = std::chrono::duration<double>(published - started).count();
    state.counters["readings_per_commit"] = static_cast<double>(expected) / commits;
    state.counters["commit_ms"] = 1000.0 * commit_s / commits;
    state.counters["store_busy_pct"] = 100.0 * commit_s / seconds;
    state.counters["msgs_per_burst"] =
        metrics.counter("egin_mqtt_burst_messages_total", "").value() /
        metrics.counter("egin_mqtt_bursts_total", "").value();
    state.counters["lost"] = static_cast<double>(expected) - accepted.value();
    clients.clear();
    mqtt.stop();
    pipeline.stop();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
}

BENCHMARK(BM_MqttIngestSqlite)
    ->ArgNames({"pack", "publishers"})
    ->Args({10, 1})
    ->Args({10, 4})
    ->Args({100, 1})
    ->Args({100, 4})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
