// The XLSX writer of export_series (libxlsxwriter in constant-memory mode; see export.hpp).
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "egin/store/export.hpp"
#include "egin/store/export_rows.hpp"

namespace egin::store::detail {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
/// Excel's serial date of 1970-01-01 (day 0 is 1899-12-30 in the 1900 date system, ECMA-376
/// Part 1 §18.17.4.1).
constexpr double kExcelUnixEpochDays = 25569.0;
/// Above this many cells the zip container uses ZIP64 (a sheet's XML may pass 4 GB).
constexpr double kZip64Cells = 200e6;

/// A temporary file name reserved with mkstemp, removed when the guard goes.
class TempFile {
 public:
  TempFile() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::string pattern = (dir / "egin-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      throw std::runtime_error("export: cannot create a temporary file in " + dir.string());
    }
    ::close(fd);
    path_ = pattern;
    dir_ = dir.string();
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& dir() const { return dir_; }

 private:
  std::string path_;
  std::string dir_;
};

/// Closes the workbook once (also when a row callback throws).
class Workbook {
 public:
  Workbook(const std::string& path, lxw_workbook_options& options)
      : workbook_(workbook_new_opt(path.c_str(), &options)) {
    if (workbook_ == nullptr) {
      throw std::runtime_error("export: libxlsxwriter cannot create " + path);
    }
  }
  ~Workbook() {
    if (workbook_ != nullptr) {
      workbook_close(workbook_);
    }
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return workbook_; }

  void close() {
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      throw std::runtime_error(std::string("export: writing the XLSX file failed: ") +
                               lxw_strerror(error));
    }
  }

 private:
  lxw_workbook* workbook_;
};

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("export: ") + what + ": " + lxw_strerror(error));
  }
}

std::string time_header(int utc_offset_min) {
  const int magnitude = std::abs(utc_offset_min);
  return fmt::format("time (UTC{}{:02}:{:02})", utc_offset_min < 0 ? '-' : '+', magnitude / 60,
                     magnitude % 60);
}

}  // namespace

void write_xlsx(TimeSeriesStore& store, const ExportRequest& request,
                const std::function<void(std::string_view chunk)>& sink, ExportStats& stats) {
  TempFile file;
  const TimeMs step =
      request.resolution == Resolution::raw ? kMsPerMinute : bucket_ms(request.resolution);
  const double estimated_cells = static_cast<double>(request.to_ms - request.from_ms) /
                                 static_cast<double>(step) *
                                 static_cast<double>(request.columns.size() + 1);
  std::string tmpdir = file.dir();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  options.use_zip64 = estimated_cells > kZip64Cells ? LXW_TRUE : LXW_FALSE;
  Workbook workbook(file.path(), options);

  lxw_format* date_format = workbook_add_format(workbook.get());
  format_set_num_format(date_format, "yyyy-mm-dd hh:mm:ss");
  lxw_format* header_format = workbook_add_format(workbook.get());
  format_set_bold(header_format);

  const std::string first_header = time_header(request.utc_offset_min);
  const auto n_columns = static_cast<lxw_col_t>(request.columns.size());
  lxw_worksheet* sheet = nullptr;
  lxw_row_t row = 0;
  auto new_sheet = [&] {
    ++stats.sheets;
    const std::string name = stats.sheets == 1 ? "data" : fmt::format("data {}", stats.sheets);
    sheet = workbook_add_worksheet(workbook.get(), name.c_str());
    if (sheet == nullptr) {
      throw std::runtime_error("export: libxlsxwriter cannot add sheet " + name);
    }
    check(worksheet_set_column(sheet, 0, 0, 20.0, nullptr), "set the time column width");
    check(worksheet_set_column(sheet, 1, n_columns, 14.0, nullptr), "set the column widths");
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_write_string(sheet, 0, 0, first_header.c_str(), header_format),
          "write a header");
    for (lxw_col_t c = 0; c < n_columns; ++c) {
      check(
          worksheet_write_string(sheet, 0, c + 1, request.columns[c].header.c_str(), header_format),
          "write a header");
    }
    row = 1;
  };
  new_sheet();

  const double offset_days = static_cast<double>(request.utc_offset_min) / (24.0 * 60.0);
  for_each_export_row(store, request, [&](TimeMs t_ms, std::span<const double> values) {
    if (row >= static_cast<lxw_row_t>(kXlsxMaxRowsPerSheet)) {
      new_sheet();
    }
    const double serial = static_cast<double>(t_ms) / static_cast<double>(kMsPerDay) + offset_days +
                          kExcelUnixEpochDays;
    check(worksheet_write_number(sheet, row, 0, serial, date_format), "write a time");
    for (lxw_col_t c = 0; c < n_columns; ++c) {
      const double value = values[c];
      if (std::isfinite(value)) {
        check(worksheet_write_number(sheet, row, c + 1, value, nullptr), "write a value");
        ++stats.cells;
      }
    }
    ++row;
    ++stats.rows;
  });
  workbook.close();

  std::ifstream in(file.path(), std::ios::binary);
  if (!in) {
    throw std::runtime_error("export: cannot read back " + file.path());
  }
  std::vector<char> chunk(kChunkBytes);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) {
      sink(std::string_view(chunk.data(), static_cast<std::size_t>(got)));
      stats.bytes += got;
    }
  }
}

}  // namespace egin::store::detail
