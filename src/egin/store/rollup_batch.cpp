// Rollup aggregation of a batch: sort the counted readings by (channel, time), fold them into
// minute buckets, then fold minute rows into hours and hours into days (bucket edges nest, so
// every coarser bucket is a union of whole finer ones).
#include "egin/store/rollup_batch.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace egin::store {
namespace {

// Appends the rows of `finer` (sorted by channel, start) folded into buckets of `level`.
std::vector<RollupRow> fold_rows(const std::vector<RollupRow>& finer, Resolution level) {
  std::vector<RollupRow> coarser;
  for (const RollupRow& row : finer) {
    const TimeMs start_ms = bucket_start(row.start_ms, level);
    if (!coarser.empty() && coarser.back().channel == row.channel &&
        coarser.back().start_ms == start_ms) {
      merge_rollup(coarser.back(), row);
    } else {
      RollupRow bucket = row;
      bucket.start_ms = start_ms;
      coarser.push_back(bucket);
    }
  }
  return coarser;
}

}  // namespace

TimeMs bucket_start(TimeMs t_ms, Resolution level) {
  const TimeMs length_ms = bucket_ms(level);
  if (length_ms <= 0) {
    throw std::invalid_argument("bucket_start: raw is not a rollup level");
  }
  TimeMs quotient = t_ms / length_ms;
  if (t_ms % length_ms != 0 && t_ms < 0) {
    --quotient;  // floor, not truncation toward zero
  }
  return quotient * length_ms;
}

bool counts_in_rollups(const Reading& reading) {
  return (reading.flags & kFlagsExcludedFromRollups) == 0 && std::isfinite(reading.value);
}

void merge_rollup(RollupRow& into, const RollupRow& from) {
  if (from.count <= 0) {
    return;
  }
  if (into.count <= 0) {
    const ChannelId channel = into.channel;
    const TimeMs start_ms = into.start_ms;
    into = from;
    into.channel = channel;
    into.start_ms = start_ms;
    return;
  }
  into.min = std::min(into.min, from.min);
  into.max = std::max(into.max, from.max);
  into.sum += from.sum;
  into.count += from.count;
}

const std::vector<RollupRow>& RollupBatch::rows(Resolution level) const {
  switch (level) {
    case Resolution::minute:
      return minute;
    case Resolution::hour:
      return hour;
    case Resolution::day:
      return day;
    case Resolution::raw:
      break;
  }
  throw std::invalid_argument("RollupBatch::rows: raw is not a rollup level");
}

RollupBatch aggregate_rollups(std::span<const Reading> readings) {
  std::vector<const Reading*> counted;
  counted.reserve(readings.size());
  for (const Reading& reading : readings) {
    if (counts_in_rollups(reading)) {
      counted.push_back(&reading);
    }
  }
  const auto earlier = [](const Reading* a, const Reading* b) {
    return a->channel != b->channel ? a->channel < b->channel : a->t_ms < b->t_ms;
  };
  if (!std::is_sorted(counted.begin(), counted.end(), earlier)) {
    std::sort(counted.begin(), counted.end(), earlier);
  }

  RollupBatch batch;
  for (const Reading* reading : counted) {
    const TimeMs start_ms = bucket_start(reading->t_ms, Resolution::minute);
    if (!batch.minute.empty() && batch.minute.back().channel == reading->channel &&
        batch.minute.back().start_ms == start_ms) {
      RollupRow& row = batch.minute.back();
      row.min = std::min(row.min, reading->value);
      row.max = std::max(row.max, reading->value);
      row.sum += reading->value;
      ++row.count;
    } else {
      batch.minute.push_back(RollupRow{.channel = reading->channel,
                                       .start_ms = start_ms,
                                       .min = reading->value,
                                       .max = reading->value,
                                       .sum = reading->value,
                                       .count = 1});
    }
  }
  batch.hour = fold_rows(batch.minute, Resolution::hour);
  batch.day = fold_rows(batch.hour, Resolution::day);
  return batch;
}

}  // namespace egin::store
