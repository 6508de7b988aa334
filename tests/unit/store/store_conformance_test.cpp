// The TimeSeriesStore conformance cases: every backend instantiates StoreConformance (see
// store_conformance.hpp) and must pass all of them. Values are checked against brute-force
// aggregation of the same readings, not against numbers copied from a run.
#include "store_conformance.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "egin/store/rollup_batch.hpp"
#include "egin/store/series_query.hpp"

namespace egin::store::testing {
namespace {

// 2024-03-01T00:00:00Z: a day edge, so rollup buckets are easy to reason about.
constexpr TimeMs kT0 = 1'709'251'200'000;

using BucketKey = std::tuple<ChannelId, Resolution, TimeMs>;

struct Aggregate {
  double min = 0.0;
  double max = 0.0;
  double sum = 0.0;
  std::int64_t count = 0;
};

// Brute force: every level's buckets of `readings` (first occurrence of each (channel, t) wins,
// flagged readings left out), one reading at a time.
std::map<BucketKey, Aggregate> brute_force_rollups(const std::vector<Reading>& readings) {
  std::set<std::pair<ChannelId, TimeMs>> seen;
  std::map<BucketKey, Aggregate> buckets;
  for (const Reading& r : readings) {
    if (!seen.insert({r.channel, r.t_ms}).second) {
      continue;
    }
    if ((r.flags & kFlagsExcludedFromRollups) != 0) {
      continue;
    }
    for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
      const TimeMs length_ms = bucket_ms(level);
      const TimeMs start_ms = r.t_ms - (((r.t_ms % length_ms) + length_ms) % length_ms);
      auto [it, created] = buckets.try_emplace({r.channel, level, start_ms});
      Aggregate& a = it->second;
      if (created) {
        a = Aggregate{r.value, r.value, 0.0, 0};
      }
      a.min = std::min(a.min, r.value);
      a.max = std::max(a.max, r.value);
      a.sum += r.value;
      ++a.count;
    }
  }
  return buckets;
}

std::map<BucketKey, Aggregate> stored_rollups(TimeSeriesStore& store,
                                              const std::vector<ChannelId>& channels) {
  std::map<BucketKey, Aggregate> buckets;
  for (const ChannelId channel : channels) {
    for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
      TimeMs previous_ms = std::numeric_limits<TimeMs>::min();
      store.query_rollup(channel, level, std::numeric_limits<TimeMs>::min() / 2,
                         std::numeric_limits<TimeMs>::max() / 2, [&](const RollupRow& row) {
                           EXPECT_EQ(row.channel, channel);
                           EXPECT_GT(row.start_ms, previous_ms) << "rollup rows out of order";
                           previous_ms = row.start_ms;
                           buckets[{channel, level, row.start_ms}] =
                               Aggregate{row.min, row.max, row.sum, row.count};
                         });
    }
  }
  return buckets;
}

void expect_same_rollups(const std::map<BucketKey, Aggregate>& expected,
                         const std::map<BucketKey, Aggregate>& got) {
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [key, want] : expected) {
    const auto found = got.find(key);
    ASSERT_NE(found, got.end()) << "missing bucket of channel " << std::get<0>(key) << " level "
                                << resolution_name(std::get<1>(key)) << " at " << std::get<2>(key);
    const Aggregate& have = found->second;
    EXPECT_EQ(have.count, want.count);
    EXPECT_DOUBLE_EQ(have.min, want.min);
    EXPECT_DOUBLE_EQ(have.max, want.max);
    EXPECT_NEAR(have.sum / static_cast<double>(have.count),
                want.sum / static_cast<double>(want.count), 1e-9);
  }
}

std::vector<Reading> raw_of(TimeSeriesStore& store, ChannelId channel, TimeMs from_ms,
                            TimeMs to_ms) {
  std::vector<Reading> out;
  store.query_raw(channel, from_ms, to_ms, [&out](const Reading& r) { out.push_back(r); });
  return out;
}

std::int64_t rollup_count(TimeSeriesStore& store, ChannelId channel, Resolution level) {
  std::int64_t rows = 0;
  store.query_rollup(channel, level, std::numeric_limits<TimeMs>::min() / 2,
                     std::numeric_limits<TimeMs>::max() / 2, [&rows](const RollupRow&) { ++rows; });
  return rows;
}

TEST_P(StoreConformance, ChannelIdsAreDistinctStableAndListed) {
  const ChannelId a = store->ensure_channel("gh1/node1/t_air", "default");
  const ChannelId b = store->ensure_channel("gh1/node1/rh_air", "default");
  const ChannelId c = store->ensure_channel("field2/station/rain", "weather");
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(b, c);
  EXPECT_EQ(store->ensure_channel("gh1/node1/t_air", "default"), a);
  EXPECT_EQ(store->ensure_channel("field2/station/rain", "weather"), c);

  std::vector<ChannelEntry> listed = store->channels();
  ASSERT_EQ(listed.size(), 3U);
  std::sort(listed.begin(), listed.end(),
            [](const ChannelEntry& x, const ChannelEntry& y) { return x.key < y.key; });
  EXPECT_EQ(listed[0].key, "field2/station/rain");
  EXPECT_EQ(listed[0].id, c);
  EXPECT_EQ(listed[0].channel_class, "weather");
  EXPECT_EQ(listed[1].key, "gh1/node1/rh_air");
  EXPECT_EQ(listed[1].id, b);
  EXPECT_EQ(listed[2].key, "gh1/node1/t_air");
  EXPECT_EQ(listed[2].id, a);
  EXPECT_EQ(listed[2].channel_class, "default");
}

TEST_P(StoreConformance, EnsureChannelWithAnotherClassKeepsIdAndUpdatesClass) {
  const ChannelId a = store->ensure_channel("gh1/node1/t_air", "default");
  EXPECT_EQ(store->ensure_channel("gh1/node1/t_air", "short"), a);
  const std::vector<ChannelEntry> listed = store->channels();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].id, a);
  EXPECT_EQ(listed[0].channel_class, "short");
}

TEST_P(StoreConformance, EmptyStoreAnswersEmpty) {
  const ChannelId a = store->ensure_channel("a", "default");
  EXPECT_FALSE(store->latest(a).has_value());
  EXPECT_TRUE(raw_of(*store, a, 0, kT0 * 2).empty());
  EXPECT_EQ(rollup_count(*store, a, Resolution::minute), 0);
  const WriteResult nothing = store->write({});
  EXPECT_EQ(nothing.inserted, 0U);
  EXPECT_EQ(nothing.duplicates, 0U);
  const StorageUsage usage = store->usage();
  EXPECT_EQ(usage.raw_rows, 0);
  EXPECT_EQ(usage.minute_rows, 0);
  EXPECT_EQ(usage.hour_rows, 0);
  EXPECT_EQ(usage.day_rows, 0);
  EXPECT_FALSE(usage.oldest_raw_ms.has_value());
  EXPECT_FALSE(usage.newest_raw_ms.has_value());
}

TEST_P(StoreConformance, RawQueryIsHalfOpenOrderedAndKeepsValuesAndFlags) {
  const ChannelId a = store->ensure_channel("a", "default");
  const ChannelId b = store->ensure_channel("b", "default");
  std::vector<Reading> batch;
  for (int i = 9; i >= 0; --i) {  // written newest first: the store must order
    batch.push_back(Reading{a, kT0 + i * kMsPerMinute, 20.0 + 0.25 * i,
                            i == 3 ? std::uint32_t{kFlagSpike} : std::uint32_t{kFlagNone}});
    batch.push_back(Reading{b, kT0 + i * kMsPerMinute, -i * 1.5, kFlagNone});
  }
  const WriteResult written = store->write(batch);
  EXPECT_EQ(written.inserted, 20U);
  EXPECT_EQ(written.duplicates, 0U);

  const std::vector<Reading> got =
      raw_of(*store, a, kT0 + 2 * kMsPerMinute, kT0 + 5 * kMsPerMinute);
  ASSERT_EQ(got.size(), 3U);
  for (std::size_t k = 0; k < got.size(); ++k) {
    const int i = static_cast<int>(k) + 2;
    EXPECT_EQ(got[k].channel, a);
    EXPECT_EQ(got[k].t_ms, kT0 + i * kMsPerMinute);
    EXPECT_DOUBLE_EQ(got[k].value, 20.0 + 0.25 * i);
    EXPECT_EQ(got[k].flags, i == 3 ? std::uint32_t{kFlagSpike} : std::uint32_t{kFlagNone});
  }
  // One millisecond either side of an edge.
  EXPECT_EQ(raw_of(*store, a, kT0 + 2 * kMsPerMinute + 1, kT0 + 5 * kMsPerMinute + 1).size(), 3U);
  EXPECT_EQ(raw_of(*store, a, kT0 + 2 * kMsPerMinute, kT0 + 2 * kMsPerMinute).size(), 0U);
  EXPECT_EQ(raw_of(*store, b, kT0, kT0 + 10 * kMsPerMinute).size(), 10U);
  EXPECT_DOUBLE_EQ(raw_of(*store, b, kT0 + 9 * kMsPerMinute, kT0 + kMsPerHour)[0].value, -13.5);
}

TEST_P(StoreConformance, RollupQueryIsHalfOpenOnBucketStart) {
  const ChannelId a = store->ensure_channel("a", "default");
  std::vector<Reading> batch;
  batch.reserve(5);
  for (int i = 0; i < 5; ++i) {
    batch.push_back(Reading{a, kT0 + i * kMsPerMinute + 30 * kMsPerSecond, 1.0 * i, kFlagNone});
  }
  store->write(batch);
  std::vector<TimeMs> starts;
  store->query_rollup(a, Resolution::minute, kT0 + kMsPerMinute, kT0 + 3 * kMsPerMinute,
                      [&starts](const RollupRow& row) { starts.push_back(row.start_ms); });
  EXPECT_EQ(starts, (std::vector<TimeMs>{kT0 + kMsPerMinute, kT0 + 2 * kMsPerMinute}));
  starts.clear();
  // A range that starts inside a bucket does not include that bucket.
  store->query_rollup(a, Resolution::minute, kT0 + kMsPerMinute + 1, kT0 + 3 * kMsPerMinute + 1,
                      [&starts](const RollupRow& row) { starts.push_back(row.start_ms); });
  EXPECT_EQ(starts, (std::vector<TimeMs>{kT0 + 2 * kMsPerMinute, kT0 + 3 * kMsPerMinute}));
}

TEST_P(StoreConformance, DuplicatesAreCountedAndNotRolledUpTwice) {
  const ChannelId a = store->ensure_channel("a", "default");
  const std::vector<Reading> first = {
      {a, kT0, 10.0, kFlagNone},
      {a, kT0 + kMsPerSecond, 12.0, kFlagNone},
      {a, kT0, 99.0, kFlagNone},  // same (channel, t) within the batch: ignored
  };
  const WriteResult w1 = store->write(first);
  EXPECT_EQ(w1.inserted, 2U);
  EXPECT_EQ(w1.duplicates, 1U);
  EXPECT_EQ(w1.inserted_mask, (std::vector<std::uint8_t>{1, 1, 0}));

  const std::vector<Reading> second = {
      {a, kT0 + kMsPerSecond, -50.0, kFlagNone},  // already stored: ignored
      {a, kT0 + 2 * kMsPerSecond, 14.0, kFlagNone},
  };
  const WriteResult w2 = store->write(second);
  EXPECT_EQ(w2.inserted, 1U);
  EXPECT_EQ(w2.duplicates, 1U);
  EXPECT_EQ(w2.inserted_mask, (std::vector<std::uint8_t>{0, 1}));
  const WriteResult w3 = store->write(second);  // a retried batch
  EXPECT_EQ(w3.inserted, 0U);
  EXPECT_EQ(w3.duplicates, 2U);
  EXPECT_EQ(w3.inserted_mask, (std::vector<std::uint8_t>{0, 0}));

  const std::vector<Reading> raw = raw_of(*store, a, kT0, kT0 + kMsPerMinute);
  ASSERT_EQ(raw.size(), 3U);
  EXPECT_DOUBLE_EQ(raw[0].value, 10.0);  // the first one stored wins
  EXPECT_DOUBLE_EQ(raw[1].value, 12.0);
  EXPECT_DOUBLE_EQ(raw[2].value, 14.0);

  for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
    std::vector<RollupRow> rows;
    store->query_rollup(a, level, kT0, kT0 + kMsPerDay,
                        [&rows](const RollupRow& row) { rows.push_back(row); });
    ASSERT_EQ(rows.size(), 1U) << resolution_name(level);
    EXPECT_EQ(rows[0].start_ms, kT0);
    EXPECT_EQ(rows[0].count, 3);
    EXPECT_DOUBLE_EQ(rows[0].min, 10.0);
    EXPECT_DOUBLE_EQ(rows[0].max, 14.0);
    EXPECT_DOUBLE_EQ(rows[0].sum, 36.0);
    EXPECT_DOUBLE_EQ(rows[0].mean(), 12.0);
  }
  EXPECT_EQ(store->usage().raw_rows, 3);
}

TEST_P(StoreConformance, FlaggedReadingsAreStoredButNotRolledUp) {
  const ChannelId a = store->ensure_channel("a", "default");
  const std::vector<Reading> batch = {
      {a, kT0 + 1000, 20.0, kFlagNone},
      {a, kT0 + 2000, 80.0, kFlagSpike},
      {a, kT0 + 3000, 20.0, kFlagStuck},
      {a, kT0 + 4000, -5.0, kFlagDeviceStatus},
      {a, kT0 + 5000, 22.0, kFlagDerived},                     // derived readings do count
      {a, kT0 + kMsPerMinute, 50.0, kFlagSpike | kFlagStuck},  // a bucket of flagged only
  };
  EXPECT_EQ(store->write(batch).inserted, 6U);
  const std::vector<Reading> raw = raw_of(*store, a, kT0, kT0 + kMsPerHour);
  ASSERT_EQ(raw.size(), 6U);
  EXPECT_EQ(raw[1].flags, std::uint32_t{kFlagSpike});
  EXPECT_EQ(raw[4].flags, std::uint32_t{kFlagDerived});
  EXPECT_EQ(raw[5].flags, std::uint32_t{kFlagSpike | kFlagStuck});

  std::vector<RollupRow> minutes;
  store->query_rollup(a, Resolution::minute, kT0, kT0 + kMsPerHour,
                      [&minutes](const RollupRow& row) { minutes.push_back(row); });
  ASSERT_EQ(minutes.size(), 1U);  // no bucket for the minute holding only a flagged reading
  EXPECT_EQ(minutes[0].count, 2);
  EXPECT_DOUBLE_EQ(minutes[0].min, 20.0);
  EXPECT_DOUBLE_EQ(minutes[0].max, 22.0);
  EXPECT_DOUBLE_EQ(minutes[0].mean(), 21.0);
  EXPECT_EQ(store->usage().minute_rows, 1);
}

TEST_P(StoreConformance, RollupsEqualBruteForceOverRandomBatches) {
  std::mt19937_64 rng(20240301);
  const std::vector<ChannelId> channels = {store->ensure_channel("p/1", "default"),
                                           store->ensure_channel("p/2", "default"),
                                           store->ensure_channel("p/3", "weather")};
  std::uniform_int_distribution<TimeMs> any_time(kT0 - kMsPerDay, kT0 + 3 * kMsPerDay);
  std::uniform_int_distribution<int> pick(0, 99);
  std::uniform_int_distribution<std::size_t> which(0, channels.size() - 1);
  std::normal_distribution<double> value(18.0, 7.0);
  const std::array<TimeMs, 3> edges = {kMsPerMinute, kMsPerHour, kMsPerDay};

  std::vector<Reading> all;
  for (int i = 0; i < 6000; ++i) {
    TimeMs t_ms = any_time(rng);
    const int p = pick(rng);
    if (p < 20) {  // exactly on a bucket edge, or one millisecond before it
      const TimeMs edge = edges[static_cast<std::size_t>(p) % edges.size()];
      t_ms = t_ms - (t_ms % edge) - (p < 10 ? 0 : 1);
    }
    std::uint32_t flags = kFlagNone;
    if (p >= 90) {
      flags = p >= 97 ? std::uint32_t{kFlagSpike} : std::uint32_t{kFlagDerived};
    }
    all.push_back(
        Reading{channels[which(rng)], t_ms, std::round(value(rng) * 1000.0) / 1000.0, flags});
    if (p == 50 && !all.empty()) {  // an exact re-send of an earlier reading
      all.push_back(all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(rng)]);
    }
  }
  // Same (channel, t) with another value: must be ignored too.
  for (int i = 0; i < 200; ++i) {
    Reading copy = all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(rng)];
    copy.value += 1000.0;
    all.push_back(copy);
  }

  std::size_t inserted = 0;
  std::size_t duplicates = 0;
  std::size_t at = 0;
  std::uniform_int_distribution<std::size_t> batch_size(1, 700);
  while (at < all.size()) {
    const std::size_t n = std::min(batch_size(rng), all.size() - at);
    const WriteResult w = store->write(std::span<const Reading>(all).subspan(at, n));
    inserted += w.inserted;
    duplicates += w.duplicates;
    at += n;
  }
  std::set<std::pair<ChannelId, TimeMs>> unique;
  for (const Reading& r : all) {
    unique.insert({r.channel, r.t_ms});
  }
  EXPECT_EQ(inserted, unique.size());
  EXPECT_EQ(inserted + duplicates, all.size());

  const auto expected = brute_force_rollups(all);
  expect_same_rollups(expected, stored_rollups(*store, channels));

  const StorageUsage usage = store->usage();
  EXPECT_EQ(usage.raw_rows, static_cast<std::int64_t>(unique.size()));
  std::array<std::int64_t, 3> per_level{};
  for (const auto& [key, aggregate] : expected) {
    ++per_level[static_cast<std::size_t>(std::get<1>(key)) - 1];
  }
  EXPECT_EQ(usage.minute_rows, per_level[0]);
  EXPECT_EQ(usage.hour_rows, per_level[1]);
  EXPECT_EQ(usage.day_rows, per_level[2]);
  ASSERT_TRUE(usage.oldest_raw_ms.has_value());
  ASSERT_TRUE(usage.newest_raw_ms.has_value());
  TimeMs oldest = std::numeric_limits<TimeMs>::max();
  TimeMs newest = std::numeric_limits<TimeMs>::min();
  for (const auto& key : unique) {
    oldest = std::min(oldest, key.second);
    newest = std::max(newest, key.second);
  }
  EXPECT_EQ(*usage.oldest_raw_ms, oldest);
  EXPECT_EQ(*usage.newest_raw_ms, newest);

  // The series query gives the same buckets from whatever level it picks as from raw readings.
  for (const auto& [step_ms, offset_min] :
       std::vector<std::pair<TimeMs, int>>{{15 * kMsPerMinute, 0},
                                           {kMsPerHour, 0},
                                           {3 * kMsPerHour, 0},
                                           {kMsPerDay, 0},
                                           {kMsPerDay, 300},
                                           {kMsPerDay, 330},
                                           {90 * kMsPerSecond, 0}}) {
    const TimeMs origin_ms = grid_origin_ms(step_ms, offset_min);
    std::map<TimeMs, Aggregate> want;
    std::set<std::pair<ChannelId, TimeMs>> seen;
    const TimeMs from_ms = kT0 + 7 * kMsPerHour + 123;
    const TimeMs to_ms = kT0 + 2 * kMsPerDay + 5 * kMsPerHour + 17;
    const TimeMs grid_from_ms =
        origin_ms + static_cast<TimeMs>(std::floor(static_cast<double>(from_ms - origin_ms) /
                                                   static_cast<double>(step_ms))) *
                        step_ms;
    const TimeMs grid_to_ms =
        origin_ms + static_cast<TimeMs>(std::ceil(static_cast<double>(to_ms - origin_ms) /
                                                  static_cast<double>(step_ms))) *
                        step_ms;
    for (const Reading& r : all) {
      if (r.channel != channels[0] || !seen.insert({r.channel, r.t_ms}).second ||
          (r.flags & kFlagsExcludedFromRollups) != 0 || r.t_ms < grid_from_ms ||
          r.t_ms >= grid_to_ms) {
        continue;
      }
      const TimeMs start_ms = grid_from_ms + (r.t_ms - grid_from_ms) / step_ms * step_ms;
      auto [it, created] = want.try_emplace(start_ms, Aggregate{r.value, r.value, 0.0, 0});
      it->second.min = std::min(it->second.min, r.value);
      it->second.max = std::max(it->second.max, r.value);
      it->second.sum += r.value;
      ++it->second.count;
    }
    const std::vector<SeriesPoint> got =
        query_series(*store, channels[0], from_ms, to_ms, step_ms, offset_min);
    ASSERT_EQ(got.size(), want.size()) << "step " << step_ms << " offset " << offset_min;
    std::size_t k = 0;
    for (const auto& [start_ms, a] : want) {
      EXPECT_EQ(got[k].start_ms, start_ms);
      EXPECT_EQ(got[k].count, a.count);
      EXPECT_DOUBLE_EQ(got[k].min, a.min);
      EXPECT_DOUBLE_EQ(got[k].max, a.max);
      EXPECT_NEAR(got[k].mean, a.sum / static_cast<double>(a.count), 1e-9);
      ++k;
    }
  }
}

TEST_P(StoreConformance, LatestIsTheNewestRawReadingOfThatChannel) {
  const ChannelId a = store->ensure_channel("a", "default");
  const ChannelId b = store->ensure_channel("b", "default");
  store->write(std::vector<Reading>{{a, kT0 + 5000, 5.0, kFlagNone},
                                    {a, kT0 + 9000, 9.0, kFlagSpike},
                                    {a, kT0 + 7000, 7.0, kFlagNone},
                                    {b, kT0 + 99000, 1.0, kFlagNone}});
  const std::optional<Reading> newest = store->latest(a);
  ASSERT_TRUE(newest.has_value());
  EXPECT_EQ(newest->channel, a);
  EXPECT_EQ(newest->t_ms, kT0 + 9000);
  EXPECT_DOUBLE_EQ(newest->value, 9.0);
  EXPECT_EQ(newest->flags, std::uint32_t{kFlagSpike});
  store->write(std::vector<Reading>{{a, kT0 + 1000, 1.0, kFlagNone}});  // older: no change
  EXPECT_EQ(store->latest(a)->t_ms, kT0 + 9000);
  store->write(std::vector<Reading>{{a, kT0 + 10000, 10.0, kFlagNone}});
  EXPECT_DOUBLE_EQ(store->latest(a)->value, 10.0);
  EXPECT_EQ(store->latest(b)->t_ms, kT0 + 99000);
}

// Minute readings of `days` days ending at `now_ms` for each channel.
std::vector<Reading> minute_readings(const std::vector<ChannelId>& channels, TimeMs now_ms,
                                     int days) {
  std::vector<Reading> readings;
  const TimeMs n = days * kMsPerDay / kMsPerMinute;
  for (const ChannelId channel : channels) {
    for (TimeMs i = 0; i < n; ++i) {
      const TimeMs t_ms = now_ms - (n - i) * kMsPerMinute;
      readings.push_back(Reading{channel, t_ms, static_cast<double>(i % 97), kFlagNone});
    }
  }
  return readings;
}

TEST_P(StoreConformance, RetentionDeletesExactlyTheOldRowsPerClass) {
  const TimeMs now_ms = kT0 + 10 * kMsPerDay + 7 * kMsPerHour;
  const ChannelId short_kept = store->ensure_channel("gh/n/t", "short");
  const ChannelId by_default = store->ensure_channel("gh/n/rh", "default");
  const ChannelId no_rule = store->ensure_channel("gh/n/co2", "unlisted");
  const std::vector<ChannelId> channels = {short_kept, by_default, no_rule};
  const std::vector<Reading> readings = minute_readings(channels, now_ms, 9);
  for (std::size_t at = 0; at < readings.size(); at += 5000) {
    store->write(std::span<const Reading>(readings).subspan(
        at, std::min<std::size_t>(5000, readings.size() - at)));
  }
  const StorageUsage before = store->usage();

  const std::vector<RetentionRule> rules = {
      {.channel_class = "short", .raw_days = 2, .minute_days = 3, .hour_days = 5, .day_days = 6},
      {.channel_class = "default", .raw_days = 4, .minute_days = 0, .hour_days = 0, .day_days = 8},
  };
  // Expected survivors: rows whose time (or bucket start) is >= now - days.
  std::int64_t raw_deleted = 0;
  std::int64_t rollups_deleted = 0;
  std::map<std::pair<ChannelId, Resolution>, std::int64_t> kept;
  const auto expected = brute_force_rollups(readings);
  for (const Reading& r : readings) {
    const int raw_days = r.channel == short_kept ? 2 : 4;
    if (r.t_ms < now_ms - raw_days * kMsPerDay) {
      ++raw_deleted;
    } else {
      ++kept[{r.channel, Resolution::raw}];
    }
  }
  for (const auto& [key, aggregate] : expected) {
    const auto [channel, level, start_ms] = key;
    int days = 0;
    if (channel == short_kept) {
      days = level == Resolution::minute ? 3 : level == Resolution::hour ? 5 : 6;
    } else {
      days = level == Resolution::day ? 8 : 0;
    }
    if (days > 0 && start_ms < now_ms - days * kMsPerDay) {
      ++rollups_deleted;
    } else {
      ++kept[{channel, level}];
    }
  }
  ASSERT_GT(raw_deleted, 5000);  // more than one chunk of a chunked delete

  const RetentionResult result = store->apply_retention(rules, now_ms);
  EXPECT_EQ(result.raw_deleted, raw_deleted);
  EXPECT_EQ(result.rollups_deleted, rollups_deleted);
  for (const ChannelId channel : channels) {
    const std::vector<Reading> raw = raw_of(*store, channel, 0, now_ms + kMsPerDay);
    EXPECT_EQ(static_cast<std::int64_t>(raw.size()), (kept[{channel, Resolution::raw}]));
    const int raw_days = channel == short_kept ? 2 : 4;
    ASSERT_FALSE(raw.empty());
    EXPECT_GE(raw.front().t_ms, now_ms - raw_days * kMsPerDay);
    EXPECT_LT(raw.front().t_ms - kMsPerMinute, now_ms - raw_days * kMsPerDay);
    for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
      EXPECT_EQ(rollup_count(*store, channel, level), (kept[{channel, level}]))
          << "channel " << channel << " level " << resolution_name(level);
    }
  }
  const StorageUsage after = store->usage();
  EXPECT_EQ(after.raw_rows, before.raw_rows - raw_deleted);
  EXPECT_EQ(after.minute_rows + after.hour_rows + after.day_rows,
            before.minute_rows + before.hour_rows + before.day_rows - rollups_deleted);
  EXPECT_EQ(*after.oldest_raw_ms, now_ms - 4 * kMsPerDay);  // the default-rule channels
  EXPECT_EQ(*after.newest_raw_ms, now_ms - kMsPerMinute);

  // Applying the same rules again deletes nothing more.
  const RetentionResult again = store->apply_retention(rules, now_ms);
  EXPECT_EQ(again.raw_deleted, 0);
  EXPECT_EQ(again.rollups_deleted, 0);
}

TEST_P(StoreConformance, RetentionWithoutADefaultRuleKeepsChannelsOfOtherClasses) {
  const TimeMs now_ms = kT0 + 5 * kMsPerDay;
  const ChannelId short_kept = store->ensure_channel("a", "short");
  const ChannelId other = store->ensure_channel("b", "other");
  const std::vector<Reading> readings = minute_readings({short_kept, other}, now_ms, 2);
  store->write(readings);
  const std::vector<RetentionRule> rules = {
      {.channel_class = "short", .raw_days = 1, .minute_days = 0, .hour_days = 0, .day_days = 0}};
  const RetentionResult result = store->apply_retention(rules, now_ms);
  EXPECT_EQ(result.raw_deleted, kMsPerDay / kMsPerMinute);
  EXPECT_EQ(result.rollups_deleted, 0);
  EXPECT_EQ(raw_of(*store, other, 0, now_ms).size(), 2U * kMsPerDay / kMsPerMinute);
  EXPECT_EQ(raw_of(*store, short_kept, 0, now_ms).size(), 1U * kMsPerDay / kMsPerMinute);
  EXPECT_EQ(store->apply_retention({}, now_ms).raw_deleted, 0);
}

TEST_P(StoreConformance, AHundredThousandReadingBatch) {
  std::vector<ChannelId> channels;
  channels.reserve(100);
  for (int c = 0; c < 100; ++c) {
    channels.push_back(store->ensure_channel("zone/dev/ch" + std::to_string(c), "default"));
  }
  std::vector<Reading> batch;
  batch.reserve(100'000);
  for (int i = 0; i < 1000; ++i) {
    for (int c = 0; c < 100; ++c) {
      batch.push_back(Reading{channels[static_cast<std::size_t>(c)], kT0 + i * kMsPerMinute,
                              c + 0.001 * i, kFlagNone});
    }
  }
  const WriteResult w = store->write(batch);
  EXPECT_EQ(w.inserted, 100'000U);
  EXPECT_EQ(w.duplicates, 0U);
  const StorageUsage usage = store->usage();
  EXPECT_EQ(usage.raw_rows, 100'000);
  EXPECT_EQ(usage.minute_rows, 100'000);
  EXPECT_EQ(usage.hour_rows, 100 * 17);  // 1000 minutes span 17 hours from a day edge
  EXPECT_EQ(usage.day_rows, 100);
  EXPECT_EQ(*usage.oldest_raw_ms, kT0);
  EXPECT_EQ(*usage.newest_raw_ms, kT0 + 999 * kMsPerMinute);
  EXPECT_GT(usage.bytes, 100'000 * 16);  // at least the keys and values of the raw rows
  EXPECT_EQ(raw_of(*store, channels[42], kT0, kT0 + kMsPerDay).size(), 1000U);
  std::vector<RollupRow> days;
  store->query_rollup(channels[42], Resolution::day, kT0, kT0 + kMsPerDay,
                      [&days](const RollupRow& row) { days.push_back(row); });
  ASSERT_EQ(days.size(), 1U);
  EXPECT_EQ(days[0].count, 1000);
  EXPECT_DOUBLE_EQ(days[0].min, 42.0);
  EXPECT_DOUBLE_EQ(days[0].max, 42.999);
  EXPECT_NEAR(days[0].mean(), 42.0 + 0.001 * 999.0 / 2.0, 1e-9);
}

TEST_P(StoreConformance, TwoWritersAndAReaderAtOnce) {
  const ChannelId a = store->ensure_channel("a", "default");
  const ChannelId b = store->ensure_channel("b", "default");
  // Both writers send the same readings (as a retrying client would), in opposite orders.
  constexpr int kBatches = 40;
  constexpr int kPerBatch = 250;
  std::vector<std::vector<Reading>> batches(kBatches);
  for (int k = 0; k < kBatches; ++k) {
    for (int i = 0; i < kPerBatch; ++i) {
      const TimeMs t_ms = kT0 + static_cast<TimeMs>(k * kPerBatch + i) * 10 * kMsPerSecond;
      batches[static_cast<std::size_t>(k)].push_back(
          Reading{i % 2 == 0 ? a : b, t_ms, std::sin(static_cast<double>(t_ms) / 1e7), kFlagNone});
    }
  }
  std::atomic<std::size_t> inserted{0};
  std::atomic<std::size_t> duplicates{0};
  std::atomic<bool> done{false};
  const auto writer = [&](bool forward) {
    for (int k = 0; k < kBatches; ++k) {
      const auto& batch = batches[static_cast<std::size_t>(forward ? k : kBatches - 1 - k)];
      const WriteResult w = store->write(batch);
      inserted += w.inserted;
      duplicates += w.duplicates;
    }
  };
  std::size_t reads = 0;
  std::size_t last_seen = 0;
  bool ordered = true;
  std::thread reader([&] {
    while (!done.load()) {
      const std::vector<Reading> raw = raw_of(*store, a, kT0, kT0 + kMsPerDay * 2);
      ordered = ordered && std::is_sorted(raw.begin(), raw.end(), [](const auto& x, const auto& y) {
                  return x.t_ms < y.t_ms;
                });
      ordered = ordered && raw.size() >= last_seen;  // committed rows never disappear
      last_seen = raw.size();
      store->latest(b);
      store->usage();
      ++reads;
    }
  });
  std::thread first(writer, true);
  std::thread second(writer, false);
  first.join();
  second.join();
  done = true;
  reader.join();

  const std::size_t total = std::size_t{kBatches} * kPerBatch;
  EXPECT_TRUE(ordered);
  EXPECT_GT(reads, 0U);
  EXPECT_EQ(inserted.load(), total);
  EXPECT_EQ(duplicates.load(), total);
  EXPECT_EQ(raw_of(*store, a, kT0, kT0 + 2 * kMsPerDay).size(), total / 2);
  std::vector<Reading> all;
  for (const auto& batch : batches) {
    all.insert(all.end(), batch.begin(), batch.end());
  }
  expect_same_rollups(brute_force_rollups(all), stored_rollups(*store, {a, b}));
  EXPECT_EQ(store->usage().raw_rows, static_cast<std::int64_t>(total));
}

}  // namespace
}  // namespace egin::store::testing
