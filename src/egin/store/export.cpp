// export_series: the CSV and TXT writers and the format dispatch (XLSX in export_xlsx.cpp).
#include "egin/store/export.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "egin/core/date.hpp"
#include "egin/store/export_rows.hpp"

namespace egin::store {

namespace {

/// Bytes buffered before a chunk goes to the sink.
constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

TimeMs floor_div(TimeMs a, TimeMs b) {
  const TimeMs q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::string offset_text(int utc_offset_min) {
  const int magnitude = std::abs(utc_offset_min);
  return fmt::format("{}{:02}:{:02}", utc_offset_min < 0 ? '-' : '+', magnitude / 60,
                     magnitude % 60);
}

/// Formats local times quickly: the date part is computed once per local day.
class LocalTimeWriter {
 public:
  explicit LocalTimeWriter(int utc_offset_min)
      : offset_ms_(static_cast<TimeMs>(utc_offset_min) * kMsPerMinute),
        offset_text_(offset_text(utc_offset_min)) {}

  void append(std::string& out, TimeMs t_ms) {
    const TimeMs local_ms = t_ms + offset_ms_;
    const TimeMs day = floor_div(local_ms, kMsPerDay);
    if (day != cached_day_) {
      cached_day_ = day;
      date_text_ = Date::from_days(static_cast<int>(day)).iso();
    }
    const TimeMs in_day = local_ms - day * kMsPerDay;
    const TimeMs seconds = in_day / kMsPerSecond;
    const TimeMs millis = in_day % kMsPerSecond;
    out += date_text_;
    if (millis == 0) {
      fmt::format_to(std::back_inserter(out), "T{:02}:{:02}:{:02}", seconds / 3600,
                     seconds / 60 % 60, seconds % 60);
    } else {
      fmt::format_to(std::back_inserter(out), "T{:02}:{:02}:{:02}.{:03}", seconds / 3600,
                     seconds / 60 % 60, seconds % 60, millis);
    }
    out += offset_text_;
  }

 private:
  TimeMs offset_ms_;
  std::string offset_text_;
  TimeMs cached_day_ = -(TimeMs{1} << 62);
  std::string date_text_;
};

/// RFC 4180 §2.6–2.7: a field with a comma, quote, CR or LF is enclosed in double quotes, and a
/// quote inside is doubled.
void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char ch : field) {
    if (ch == '"') {
      out += '"';
    }
    out += ch;
  }
  out += '"';
}

/// TXT has no quoting: tabs and line breaks inside a header become spaces.
void append_txt_field(std::string& out, std::string_view field) {
  for (const char ch : field) {
    out += (ch == '\t' || ch == '\r' || ch == '\n') ? ' ' : ch;
  }
}

ExportStats write_delimited(TimeSeriesStore& store, const ExportRequest& request,
                            const std::function<void(std::string_view chunk)>& sink) {
  const bool csv = request.format == ExportFormat::csv;
  const char separator = csv ? ',' : '\t';
  const std::string_view line_end = csv ? "\r\n" : "\n";  // RFC 4180 §2.1: CRLF
  ExportStats stats;
  std::string buffer;
  buffer.reserve(kChunkBytes + std::size_t{64} * 1024);
  auto flush = [&] {
    if (!buffer.empty()) {
      sink(buffer);
      stats.bytes += static_cast<std::int64_t>(buffer.size());
      buffer.clear();
    }
  };

  buffer += "time";
  for (const ExportColumn& column : request.columns) {
    buffer += separator;
    if (csv) {
      append_csv_field(buffer, column.header);
    } else {
      append_txt_field(buffer, column.header);
    }
  }
  buffer += line_end;

  LocalTimeWriter time_writer(request.utc_offset_min);
  detail::for_each_export_row(store, request, [&](TimeMs t_ms, std::span<const double> values) {
    time_writer.append(buffer, t_ms);
    for (const double value : values) {
      buffer += separator;
      if (std::isfinite(value)) {
        // fmt's "{}" writes the shortest text that reads back as the same double.
        fmt::format_to(std::back_inserter(buffer), "{}", value);
        ++stats.cells;
      }
    }
    buffer += line_end;
    ++stats.rows;
    if (buffer.size() >= kChunkBytes) {
      flush();
    }
  });
  flush();
  return stats;
}

}  // namespace

std::string_view export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::csv:
      return "csv";
    case ExportFormat::txt:
      return "txt";
    case ExportFormat::xlsx:
      return "xlsx";
  }
  return "csv";
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  for (const ExportFormat format : {ExportFormat::csv, ExportFormat::txt, ExportFormat::xlsx}) {
    if (name == export_format_name(format)) {
      return format;
    }
  }
  return std::nullopt;
}

std::string format_local_time(TimeMs t_ms, int utc_offset_min) {
  std::string out;
  LocalTimeWriter(utc_offset_min).append(out, t_ms);
  return out;
}

ExportStats export_series(TimeSeriesStore& store, const ExportRequest& request,
                          const std::function<void(std::string_view chunk)>& sink) {
  detail::check_export_request(request);
  if (request.format == ExportFormat::xlsx) {
    ExportStats stats;
    detail::write_xlsx(store, request, sink, stats);
    return stats;
  }
  return write_delimited(store, request, sink);
}

}  // namespace egin::store
