// Export of stored series as a table — CSV (RFC 4180), TXT (tab-separated) or XLSX — streamed to
// a sink in chunks. It works through the requested range one time window at a time (a window
// holds every column for e.g. one day), so memory stays bounded whatever the range.
// It must not know sites, units or HTTP: callers pass channel ids and headers, and decide where
// the bytes go (a file, an HTTP response).
//
// Rows:
//   raw              one row per distinct time stamp across the columns; a column without a
//                    reading at that time stamp has an empty cell. Flagged readings are exported
//                    with their value (they are stored; rollups leave them out).
//   minute/hour/day  one row per bucket that holds data in at least one column; the cell is the
//                    bucket mean (sum / count of the rollups, flagged readings left out). Buckets
//                    are aligned to the site's LOCAL time: a day row covers 00:00–24:00 local.
//                    When the UTC offset is not a whole number of buckets (day buckets at
//                    +05:00), the bucket is merged from the finest store level that is aligned
//                    (hour, else minute): mean = Σ sums / Σ counts.
// Time stamps are written in the site's local time with its offset ("2026-06-01T14:00:00+05:00",
// ".250" added when the milliseconds are not zero); a row's time is its reading's time or its
// bucket's start. Values are written with the shortest text that reads back as the same double
// (fmt "{}"); non-finite values are written as empty cells.
//
// XLSX (libxlsxwriter, constant-memory mode): a real Excel date-time in local time with the
// number format "yyyy-mm-dd hh:mm:ss" in column A (header "time (UTC+05:00)"), values as
// numbers, empty cells for missing ones, the header row frozen. A sheet holds at most 1,048,576
// rows (header included); further rows continue on sheets "data 2", "data 3", … each with the
// header. The workbook is written to a temporary file, streamed to the sink and removed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store {

struct ExportColumn {
  ChannelId channel = 0;
  std::string header;  // e.g. "gh1/node1/t_air (Cel)"
};

enum class ExportFormat { csv, txt, xlsx };

/// "csv", "txt", "xlsx" and back (nullopt for another name).
std::string_view export_format_name(ExportFormat format);
std::optional<ExportFormat> parse_export_format(std::string_view name);

/// Most columns one export may hold.
inline constexpr std::size_t kMaxExportColumns = 1000;
/// Rows of one XLSX sheet, header included (Excel's limit).
inline constexpr std::int64_t kXlsxMaxRowsPerSheet = 1048576;

struct ExportRequest {
  std::vector<ExportColumn> columns;
  TimeMs from_ms = 0;  // rows with from_ms <= time < to_ms
  TimeMs to_ms = 0;
  Resolution resolution = Resolution::raw;
  int utc_offset_min = 0;  // the site's local standard time, -840 … +840 minutes
  ExportFormat format = ExportFormat::csv;
  /// Length of one working window (a multiple of the bucket length); 0 picks one so that a
  /// window holds about 200,000 cells (1 day of 100 channels at 1 minute). Rows never depend on it.
  TimeMs window_ms = 0;
};

struct ExportStats {
  std::int64_t rows = 0;   // data rows (headers not counted)
  std::int64_t cells = 0;  // non-empty value cells (the time column not counted)
  std::int64_t bytes = 0;  // bytes handed to the sink
  int sheets = 0;          // XLSX sheets written (0 for CSV and TXT)
};

/// Writes the table and returns what it wrote. Throws InputError (file "export", the field, the
/// accepted range) for an empty or reversed range, no columns or more than kMaxExportColumns, an
/// offset outside ±14 h or a window that is not a positive multiple of the bucket;
/// std::runtime_error when the XLSX temporary file cannot be written. Exceptions thrown by the
/// sink propagate (the temporary file is removed).
ExportStats export_series(TimeSeriesStore& store, const ExportRequest& request,
                          const std::function<void(std::string_view chunk)>& sink);

/// "2026-06-01T14:00:00+05:00" (".250" before the offset when the milliseconds are not zero).
std::string format_local_time(TimeMs t_ms, int utc_offset_min);

}  // namespace egin::store
