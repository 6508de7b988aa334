// Rollup aggregation shared by every store backend: turns a batch of newly inserted readings into
// 1-minute, 1-hour and 1-day buckets (min, max, sum, count), and the rule that merges a bucket
// into one already stored. Buckets are aligned to the Unix epoch (UTC days).
// It must not touch a database or decide which readings are duplicates: callers pass only the
// readings they actually inserted.
#pragma once

#include <span>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store {

/// Start of the bucket of `level` that holds `t_ms` (floor division, also for negative times).
/// `level` must not be raw.
TimeMs bucket_start(TimeMs t_ms, Resolution level);

/// True when a reading counts in rollups: no flag of kFlagsExcludedFromRollups and a finite value.
bool counts_in_rollups(const Reading& reading);

/// Merges `from` into `into` (same channel and bucket): min of mins, max of maxes, sum of sums,
/// count of counts. A `from` with count 0 changes nothing.
void merge_rollup(RollupRow& into, const RollupRow& from);

/// The rollup rows of one batch, each level sorted by (channel, start_ms), one row per bucket.
struct RollupBatch {
  std::vector<RollupRow> minute;
  std::vector<RollupRow> hour;
  std::vector<RollupRow> day;

  /// The rows of `level` (minute, hour or day; raw is not a rollup level).
  [[nodiscard]] const std::vector<RollupRow>& rows(Resolution level) const;
};

/// Aggregates `readings` (any order; readings that do not count in rollups are left out).
RollupBatch aggregate_rollups(std::span<const Reading> readings);

}  // namespace egin::store
