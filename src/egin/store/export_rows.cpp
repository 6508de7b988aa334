// Rows of an export, window by window (see export_rows.hpp and export.hpp for the rules).
#include "egin/store/export_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "egin/core/input_error.hpp"

namespace egin::store::detail {

namespace {

constexpr double kEmpty = std::numeric_limits<double>::quiet_NaN();
/// Cells a window holds when the caller does not choose its length.
constexpr std::int64_t kCellsPerWindow = 200000;

TimeMs floor_div(TimeMs a, TimeMs b) {
  const TimeMs q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// First t >= `t_ms` with (t + offset) a multiple of `step`.
TimeMs align_up(TimeMs t_ms, TimeMs offset_ms, TimeMs step_ms) {
  const TimeMs local = t_ms + offset_ms;
  const TimeMs down = floor_div(local, step_ms) * step_ms;
  return (down == local ? down : down + step_ms) - offset_ms;
}

InputError request_error(const std::string& field, const std::string& problem,
                         const std::string& expected) {
  return InputError({.file = "export", .line = 0, .field = field}, problem, expected);
}

TimeMs window_length_ms(const ExportRequest& request) {
  const TimeMs bucket =
      request.resolution == Resolution::raw ? kMsPerMinute : bucket_ms(request.resolution);
  if (request.window_ms > 0) {
    return request.window_ms;
  }
  const auto columns = static_cast<std::int64_t>(request.columns.size());
  const std::int64_t buckets = std::max<std::int64_t>(1, kCellsPerWindow / columns);
  return buckets * bucket;
}

/// The store level the buckets of `level` are merged from when the site's offset is not a whole
/// number of buckets: the coarsest level whose buckets nest in the local ones.
Resolution source_level(Resolution level, TimeMs offset_ms) {
  if (offset_ms % bucket_ms(level) == 0) {
    return level;
  }
  if (level == Resolution::day && offset_ms % kMsPerHour == 0) {
    return Resolution::hour;
  }
  return Resolution::minute;
}

void raw_rows(TimeSeriesStore& store, const ExportRequest& request,
              const std::function<void(TimeMs t_ms, std::span<const double> values)>& on_row) {
  const std::size_t n_columns = request.columns.size();
  const TimeMs window = window_length_ms(request);
  std::vector<std::vector<std::pair<TimeMs, double>>> series(n_columns);
  std::vector<TimeMs> times;
  std::vector<std::size_t> cursor(n_columns);
  std::vector<double> row(n_columns);
  for (TimeMs w0 = request.from_ms; w0 < request.to_ms;) {
    const TimeMs w1 = request.to_ms - w0 > window ? w0 + window : request.to_ms;
    times.clear();
    for (std::size_t c = 0; c < n_columns; ++c) {
      auto& column = series[c];
      column.clear();
      store.query_raw(request.columns[c].channel, w0, w1, [&column](const Reading& reading) {
        column.emplace_back(reading.t_ms, reading.value);
      });
      for (const auto& [t_ms, value] : column) {
        times.push_back(t_ms);
      }
      cursor[c] = 0;
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    for (const TimeMs t_ms : times) {
      for (std::size_t c = 0; c < n_columns; ++c) {
        const auto& column = series[c];
        std::size_t& i = cursor[c];
        if (i < column.size() && column[i].first == t_ms) {
          row[c] = column[i].second;
          ++i;
        } else {
          row[c] = kEmpty;
        }
      }
      on_row(t_ms, row);
    }
    w0 = w1;
  }
}

void bucket_rows(TimeSeriesStore& store, const ExportRequest& request,
                 const std::function<void(TimeMs t_ms, std::span<const double> values)>& on_row) {
  const std::size_t n_columns = request.columns.size();
  const TimeMs offset_ms = static_cast<TimeMs>(request.utc_offset_min) * kMsPerMinute;
  const TimeMs bucket = bucket_ms(request.resolution);
  const Resolution source = source_level(request.resolution, offset_ms);
  const TimeMs window = window_length_ms(request);
  const auto buckets_per_window = static_cast<std::size_t>(window / bucket);
  // Buckets whose local-aligned start lies in [from, to).
  const TimeMs first = align_up(request.from_ms, offset_ms, bucket);
  const TimeMs end = align_up(request.to_ms, offset_ms, bucket);

  std::vector<double> sums(buckets_per_window * n_columns);
  std::vector<std::int64_t> counts(buckets_per_window * n_columns);
  std::vector<double> row(n_columns);
  for (TimeMs w0 = first; w0 < end;) {
    const TimeMs w1 = end - w0 > window ? w0 + window : end;
    std::fill(sums.begin(), sums.end(), 0.0);
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t c = 0; c < n_columns; ++c) {
      store.query_rollup(request.columns[c].channel, source, w0, w1, [&](const RollupRow& rollup) {
        const auto b = static_cast<std::size_t>((rollup.start_ms - w0) / bucket);
        if (rollup.count <= 0 || b >= buckets_per_window) {
          return;
        }
        sums[b * n_columns + c] += rollup.sum;
        counts[b * n_columns + c] += rollup.count;
      });
    }
    const auto n_buckets = static_cast<std::size_t>((w1 - w0) / bucket);
    for (std::size_t b = 0; b < n_buckets; ++b) {
      bool any = false;
      for (std::size_t c = 0; c < n_columns; ++c) {
        const std::int64_t count = counts[b * n_columns + c];
        if (count > 0) {
          // The bucket mean as RollupRow::mean() computes it: sum / count.
          row[c] = sums[b * n_columns + c] / static_cast<double>(count);
          any = true;
        } else {
          row[c] = kEmpty;
        }
      }
      if (any) {
        on_row(w0 + static_cast<TimeMs>(b) * bucket, row);
      }
    }
    w0 = w1;
  }
}

}  // namespace

void check_export_request(const ExportRequest& request) {
  if (request.columns.empty()) {
    throw request_error("columns", "no columns to export", "1 to 1000 channels");
  }
  if (request.columns.size() > kMaxExportColumns) {
    throw request_error("columns", std::to_string(request.columns.size()) + " columns",
                        "1 to 1000 channels");
  }
  if (request.to_ms <= request.from_ms) {
    throw request_error("to",
                        "end " + format_iso_utc(request.to_ms) + " is not after start " +
                            format_iso_utc(request.from_ms),
                        "a time after 'from'");
  }
  if (request.utc_offset_min < -14 * 60 || request.utc_offset_min > 14 * 60) {
    throw request_error("utc_offset_min", std::to_string(request.utc_offset_min) + " minutes",
                        "-840 to 840 minutes");
  }
  if (request.window_ms < 0 || (request.window_ms > 0 && request.resolution != Resolution::raw &&
                                request.window_ms % bucket_ms(request.resolution) != 0)) {
    throw request_error("window_ms", std::to_string(request.window_ms) + " ms",
                        "0 (automatic) or a positive multiple of the bucket length");
  }
}

void for_each_export_row(
    TimeSeriesStore& store, const ExportRequest& request,
    const std::function<void(TimeMs t_ms, std::span<const double> values)>& on_row) {
  check_export_request(request);
  if (request.resolution == Resolution::raw) {
    raw_rows(store, request, on_row);
  } else {
    bucket_rows(store, request, on_row);
  }
}

}  // namespace egin::store::detail
