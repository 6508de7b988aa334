#include "egin/runtime/ingest_pipeline.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "egin/store/time_series_store.hpp"

namespace egin::runtime {
namespace {

constexpr TimeMs kNow = 1'780'000'000'000;  // 2026-05-28T20:26:40Z

ChannelSpec channel(std::string id, std::string quantity, std::string unit, double min,
                    double max) {
  ChannelSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.quantity = std::move(quantity);
  spec.unit = std::move(unit);
  spec.min = min;
  spec.max = max;
  return spec;
}

Site test_site() {
  Site site;
  site.id = "farm";
  DeviceSpec node;
  node.id = "node1";
  node.name = "sensor node";
  node.channels = {channel("t_air", "air_temperature", "Cel", -40.0, 60.0),
                   channel("rh", "relative_humidity", "%RH", 0.0, 100.0)};
  ZoneSpec zone;
  zone.id = "gh1";
  zone.name = "greenhouse 1";
  zone.kind = ZoneKind::greenhouse;
  zone.devices = {node};
  site.zones.push_back(zone);
  return site;
}

SenmlRecord record(std::string name, double value, TimeMs t_ms, std::string unit = {}) {
  SenmlRecord r;
  r.name = std::move(name);
  r.value = value;
  r.time_s = static_cast<double>(t_ms) / 1000.0;
  r.unit = std::move(unit);
  return r;
}

std::int64_t stored_count(store::TimeSeriesStore& store, store::ChannelId id) {
  std::int64_t n = 0;
  store.query_raw(id, 0, kNow + kMsPerDay, [&](const store::Reading&) { ++n; });
  return n;
}

class IngestPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("egin-pipeline-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    store_ = store::open_store("sqlite:" + path_.string());
    site_ = std::make_unique<LiveSite>(test_site(), *store_);
    pipeline_ = std::make_unique<IngestPipeline>(*site_, *store_, clock_, metrics_);
  }
  void TearDown() override {
    pipeline_.reset();
    site_.reset();
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }
  store::ChannelId id(const std::string& key) { return site_->find(key)->id; }

  std::filesystem::path path_;
  ManualClock clock_{kNow};
  Metrics metrics_;
  std::unique_ptr<store::TimeSeriesStore> store_;
  std::unique_ptr<LiveSite> site_;
  std::unique_ptr<IngestPipeline> pipeline_;
};

TEST_F(IngestPipelineTest, GoodReadingsLandAndBadOnesAreRejectedWithTheirReason) {
  std::vector<SenmlRecord> pack = {
      record("gh1/node1/t_air", 21.5, kNow - 60'000, "Cel"),
      record("gh1/node1/t_air", 130.0, kNow - 30'000, "Cel"),  // out of range
      record("gh1/node1/rh", 65.0, kNow - 60'000, "%RH"),
      record("gh1/node9/rh", 65.0, kNow - 60'000, "%RH"),      // unknown device
      record("gh1/node1/rh", 65.0, kNow + kMsPerHour, "%RH"),  // future
      record("gh1/node1/t_air", 22.0, kNow, "K"),              // wrong unit
  };
  for (std::size_t i = 0; i < pack.size(); ++i) pack[i].index = i;
  const IngestResult result = pipeline_->ingest(pack, "", IngestSource::http);
  EXPECT_EQ(result.accepted, 2U);
  EXPECT_EQ(result.rejected, 4U);
  EXPECT_EQ(result.duplicates, 0U);
  ASSERT_EQ(result.rejects.size(), 4U);
  EXPECT_EQ(result.rejects[0].index, 1U);
  EXPECT_EQ(result.rejects[0].reason_code, "out_of_range");
  EXPECT_EQ(result.rejects[1].reason_code, "unknown_channel");
  EXPECT_EQ(result.rejects[1].name, "gh1/node9/rh");
  EXPECT_EQ(result.rejects[2].reason_code, "future_time");
  EXPECT_EQ(result.rejects[3].reason_code, "unit_mismatch");

  EXPECT_EQ(stored_count(*store_, id("gh1/node1/t_air")), 1);
  const auto latest = store_->latest(id("gh1/node1/t_air"));
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->t_ms, kNow - 60'000);
  EXPECT_DOUBLE_EQ(latest->value, 21.5);
  const auto cached = pipeline_->latest(id("gh1/node1/rh"));
  ASSERT_TRUE(cached.has_value());
  EXPECT_DOUBLE_EQ(cached->value, 65.0);
  EXPECT_EQ(cached->key, "gh1/node1/rh");

  const std::string text = metrics_.render();
  EXPECT_NE(text.find("egin_ingest_rejected_total{reason=\"out_of_range\"} 1"), std::string::npos);
  EXPECT_NE(text.find("egin_ingest_records_total{source=\"http\",result=\"accepted\"} 2"),
            std::string::npos)
      << text;
}

TEST_F(IngestPipelineTest, NamePrefixComesFromTheMqttTopic) {
  const std::vector<SenmlRecord> pack = {record("t_air", 20.0, kNow - 1000)};
  const IngestResult result = pipeline_->ingest(pack, "gh1/node1/", IngestSource::mqtt);
  EXPECT_EQ(result.accepted, 1U);
  EXPECT_EQ(stored_count(*store_, id("gh1/node1/t_air")), 1);
}

TEST_F(IngestPipelineTest, ResentReadingsAreDuplicatesNotStoredTwice) {
  std::vector<SenmlRecord> pack;
  for (int i = 0; i < 50; ++i)
    pack.push_back(record("gh1/node1/t_air", 20.0 + 0.01 * i, kNow - (50 - i) * 60'000));
  EXPECT_EQ(pipeline_->ingest(pack, "", IngestSource::http).accepted, 50U);
  const IngestResult again = pipeline_->ingest(pack, "", IngestSource::http);
  EXPECT_EQ(again.accepted, 0U);
  EXPECT_EQ(again.duplicates, 50U);
  EXPECT_EQ(stored_count(*store_, id("gh1/node1/t_air")), 50);
}

TEST_F(IngestPipelineTest, ConcurrentCallersAllLandExactlyOnceAndSubscribersSeeEachOnce) {
  std::atomic<std::int64_t> seen{0};
  pipeline_->subscribe([&](std::span<const StoredReading> readings) {
    seen += static_cast<std::int64_t>(readings.size());
  });
  constexpr int kThreads = 6;
  constexpr int kPacks = 40;
  constexpr int kPerPack = 25;
  std::atomic<std::size_t> accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int p = 0; p < kPacks; ++p) {
        std::vector<SenmlRecord> pack;
        for (int i = 0; i < kPerPack; ++i) {
          const TimeMs t_ms = kNow - kMsPerDay + ((t * kPacks + p) * kPerPack + i) * 1000;
          pack.push_back(record(t % 2 == 0 ? "gh1/node1/t_air" : "gh1/node1/rh", 20.0, t_ms));
        }
        accepted += pipeline_->ingest(pack, "", IngestSource::http).accepted;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  constexpr std::int64_t kTotal = std::int64_t{kThreads} * kPacks * kPerPack;
  EXPECT_EQ(accepted.load(), static_cast<std::size_t>(kTotal));
  EXPECT_EQ(
      stored_count(*store_, id("gh1/node1/t_air")) + stored_count(*store_, id("gh1/node1/rh")),
      kTotal);
  EXPECT_EQ(seen.load(), kTotal);
  EXPECT_DOUBLE_EQ(metrics_.counter("egin_store_commit_readings_total", "").value(),
                   static_cast<double>(kTotal));
}

TEST_F(IngestPipelineTest, AfterStopEverythingIsDurableAndNewReadingsAreRefused) {
  const std::vector<SenmlRecord> pack = {record("gh1/node1/t_air", 19.0, kNow - 5000)};
  EXPECT_EQ(pipeline_->ingest(pack, "", IngestSource::http).accepted, 1U);
  pipeline_->stop();
  const std::vector<SenmlRecord> late = {record("gh1/node1/t_air", 19.5, kNow - 4000)};
  const IngestResult result = pipeline_->ingest(late, "", IngestSource::http);
  EXPECT_EQ(result.accepted, 0U);
  ASSERT_EQ(result.rejects.size(), 1U);
  EXPECT_EQ(result.rejects[0].reason_code, "shutting_down");
  EXPECT_EQ(stored_count(*store_, id("gh1/node1/t_air")), 1);
}

// A store whose commits fail on demand, in front of the real SQLite store: the only way to make
// a healthy database refuse a transaction at a chosen moment.
class FailingStore final : public store::TimeSeriesStore {
 public:
  explicit FailingStore(store::TimeSeriesStore& inner) : inner_(inner) {}
  std::atomic<bool> fail{false};
  std::string_view backend() const override { return inner_.backend(); }
  store::ChannelId ensure_channel(std::string_view key, std::string_view c) override {
    return inner_.ensure_channel(key, c);
  }
  std::vector<store::ChannelEntry> channels() override { return inner_.channels(); }
  store::WriteResult write(std::span<const store::Reading> readings) override {
    if (fail) throw std::runtime_error("disk I/O error");
    return inner_.write(readings);
  }
  void query_raw(store::ChannelId c, TimeMs f, TimeMs t,
                 const std::function<void(const store::Reading&)>& v) override {
    inner_.query_raw(c, f, t, v);
  }
  void query_rollup(store::ChannelId c, store::Resolution l, TimeMs f, TimeMs t,
                    const std::function<void(const store::RollupRow&)>& v) override {
    inner_.query_rollup(c, l, f, t, v);
  }
  std::optional<store::Reading> latest(store::ChannelId c) override { return inner_.latest(c); }
  store::RetentionResult apply_retention(std::span<const store::RetentionRule> r,
                                         TimeMs now) override {
    return inner_.apply_retention(r, now);
  }
  store::StorageUsage usage() override { return inner_.usage(); }

 private:
  store::TimeSeriesStore& inner_;
};

TEST_F(IngestPipelineTest, AFailedCommitIsReportedSoNothingIsAcknowledged) {
  FailingStore failing(*store_);
  LiveSite site(test_site(), failing);
  IngestPipeline pipeline(site, failing, clock_, metrics_);
  failing.fail = true;
  const std::vector<SenmlRecord> pack = {record("gh1/node1/t_air", 18.0, kNow - 3000)};
  EXPECT_THROW(pipeline.ingest(pack, "", IngestSource::http), StoreUnavailable);
  failing.fail = false;
  EXPECT_EQ(pipeline.ingest(pack, "", IngestSource::http).accepted, 1U);
}

}  // namespace
}  // namespace egin::runtime
