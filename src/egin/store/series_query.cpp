// Series query on a time grid: level choice, grid alignment, bucket folding.
#include "egin/store/series_query.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/store/rollup_batch.hpp"

namespace egin::store {
namespace {

constexpr TimeMs kMaxStepMs = 366 * kMsPerDay;
constexpr int kMaxUtcOffsetMin = 14 * 60;
// Times are clamped to ±kTimeLimitMs (about 31,000 years) so grid arithmetic cannot overflow.
constexpr TimeMs kTimeLimitMs = 1'000'000'000'000'000;

TimeMs floor_div(TimeMs a, TimeMs b) {
  TimeMs quotient = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) {
    --quotient;
  }
  return quotient;
}

void check_step(TimeMs step_ms, int utc_offset_min) {
  if (step_ms <= 0 || step_ms > kMaxStepMs) {
    throw InputError({.file = "", .line = 0, .field = "step"},
                     "step of " + std::to_string(step_ms) + " ms is out of range",
                     "1 ms to 366 days");
  }
  if (utc_offset_min < -kMaxUtcOffsetMin || utc_offset_min > kMaxUtcOffsetMin) {
    throw InputError({.file = "", .line = 0, .field = "utc_offset_min"},
                     "UTC offset of " + std::to_string(utc_offset_min) + " min is out of range",
                     "-840 to 840 min");
  }
}

// Folds values into the buckets of the grid; `points` ends in time order.
class BucketFolder {
 public:
  BucketFolder(TimeMs origin_ms, TimeMs step_ms) : origin_ms_(origin_ms), step_ms_(step_ms) {}

  void add(TimeMs t_ms, double min, double max, double sum, std::int64_t count) {
    const TimeMs start_ms = origin_ms_ + floor_div(t_ms - origin_ms_, step_ms_) * step_ms_;
    if (!open_ || start_ms != current_.start_ms) {
      close();
      current_ = SeriesPoint{.start_ms = start_ms, .min = min, .max = max, .mean = 0.0, .count = 0};
      sum_ = 0.0;
      open_ = true;
    }
    current_.min = std::min(current_.min, min);
    current_.max = std::max(current_.max, max);
    sum_ += sum;
    current_.count += count;
  }

  std::vector<SeriesPoint> finish() {
    close();
    return std::move(points_);
  }

 private:
  void close() {
    if (open_ && current_.count > 0) {
      current_.mean = sum_ / static_cast<double>(current_.count);
      points_.push_back(current_);
    }
    open_ = false;
  }

  TimeMs origin_ms_;
  TimeMs step_ms_;
  SeriesPoint current_;
  double sum_ = 0.0;
  bool open_ = false;
  std::vector<SeriesPoint> points_;
};

}  // namespace

TimeMs parse_step_ms(std::string_view text) {
  const auto bad = [&text]() {
    return InputError({.file = "", .line = 0, .field = "step"},
                      "'" + std::string(text) + "' is not a step",
                      "a whole number and s, m, h or d, e.g. 30s, 1m, 15m, 1h, 1d; at most 366d");
  };
  if (text.size() < 2) {
    throw bad();
  }
  TimeMs unit_ms = 0;
  switch (text.back()) {
    case 's':
      unit_ms = kMsPerSecond;
      break;
    case 'm':
      unit_ms = kMsPerMinute;
      break;
    case 'h':
      unit_ms = kMsPerHour;
      break;
    case 'd':
      unit_ms = kMsPerDay;
      break;
    default:
      throw bad();
  }
  const std::string_view digits = text.substr(0, text.size() - 1);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc() || end != digits.data() + digits.size() || number <= 0 ||
      number > kMaxStepMs / unit_ms) {
    throw bad();
  }
  return number * unit_ms;
}

TimeMs grid_origin_ms(TimeMs step_ms, int utc_offset_min) {
  if (step_ms > 0 && step_ms % kMsPerDay == 0) {
    return -static_cast<TimeMs>(utc_offset_min) * kMsPerMinute;
  }
  return 0;
}

Resolution level_for_step(TimeMs step_ms, int utc_offset_min) {
  check_step(step_ms, utc_offset_min);
  const TimeMs origin_ms = grid_origin_ms(step_ms, utc_offset_min);
  for (const Resolution level : {Resolution::day, Resolution::hour, Resolution::minute}) {
    const TimeMs length_ms = bucket_ms(level);
    if (step_ms % length_ms == 0 && origin_ms % length_ms == 0) {
      return level;
    }
  }
  return Resolution::raw;
}

std::vector<SeriesPoint> query_series(TimeSeriesStore& store, ChannelId channel, TimeMs from_ms,
                                      TimeMs to_ms, TimeMs step_ms, int utc_offset_min) {
  const Resolution level = level_for_step(step_ms, utc_offset_min);
  from_ms = std::clamp(from_ms, -kTimeLimitMs, kTimeLimitMs);
  to_ms = std::clamp(to_ms, -kTimeLimitMs, kTimeLimitMs);
  if (to_ms <= from_ms) {
    return {};
  }
  const TimeMs origin_ms = grid_origin_ms(step_ms, utc_offset_min);
  // Widen to whole buckets: [floor(from), ceil(to)) on the grid.
  const TimeMs grid_from_ms = origin_ms + floor_div(from_ms - origin_ms, step_ms) * step_ms;
  const TimeMs grid_to_ms = origin_ms - floor_div(origin_ms - to_ms, step_ms) * step_ms;

  BucketFolder folder(origin_ms, step_ms);
  if (level == Resolution::raw) {
    store.query_raw(channel, grid_from_ms, grid_to_ms, [&folder](const Reading& reading) {
      if (counts_in_rollups(reading)) {
        folder.add(reading.t_ms, reading.value, reading.value, reading.value, 1);
      }
    });
  } else {
    store.query_rollup(channel, level, grid_from_ms, grid_to_ms, [&folder](const RollupRow& row) {
      folder.add(row.start_ms, row.min, row.max, row.sum, row.count);
    });
  }
  return folder.finish();
}

}  // namespace egin::store
