// Series query: a channel's values on a regular time grid (min, max, mean, count per bucket),
// computed from the coarsest stored level whose buckets tile the grid (1 day, 1 hour, 1 minute)
// or from raw readings otherwise; and the parse of step text ("30s", "1m", "15m", "1h", "1d").
// The grid is aligned to the Unix epoch; a step of whole days starts at local midnight
// (UTC offset given in minutes). Flagged readings (kFlagsExcludedFromRollups) are left out on
// every level alike.
// It must not format or export anything, nor know sites or channels beyond their ids.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store {

/// One bucket of a series: [start_ms, start_ms + step).
struct SeriesPoint {
  TimeMs start_ms = 0;
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  std::int64_t count = 0;
};

/// Parses a step: a positive whole number and a unit s, m, h or d ("30s", "15m", "1h", "1d"),
/// at most 366 days. Throws InputError (field "step") for anything else.
TimeMs parse_step_ms(std::string_view text);

/// Start of the grid a step lies on: 0 (the epoch) unless the step is whole days, then the
/// local midnight of 1970-01-01 (-utc_offset_min minutes).
TimeMs grid_origin_ms(TimeMs step_ms, int utc_offset_min = 0);

/// The coarsest rollup level whose buckets both divide the step and lie on its grid; raw when
/// the step is under a minute or not a whole number of minutes. Throws InputError for a step
/// <= 0 or an offset outside ±14 h.
Resolution level_for_step(TimeMs step_ms, int utc_offset_min = 0);

/// The buckets of the grid that overlap [from_ms, to_ms), each aggregated whole (so the first
/// may start before from_ms and the last end after to_ms), in time order; empty buckets are
/// omitted. Same argument checks as level_for_step.
std::vector<SeriesPoint> query_series(TimeSeriesStore& store, ChannelId channel, TimeMs from_ms,
                                      TimeMs to_ms, TimeMs step_ms, int utc_offset_min = 0);

}  // namespace egin::store
