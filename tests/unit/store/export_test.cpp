// export_series on a real SQLite store: every format is parsed back and compared with the stored
// doubles (raw), the stored rollup means (buckets) or the means of the raw readings (local-day
// buckets merged from hours); window length never changes the rows; XLSX is read back with
// Python's openpyxl (Debian's python3-openpyxl) and its zip parts; the sheet limit (a million
// rows) is checked on a store that generates its readings, to spare the SQLite inserts.
#include "egin/store/export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/input_error.hpp"
#include "egin/store/rollup_batch.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store {
namespace {

constexpr TimeMs kStart = 1780272000000;  // 2026-06-01T00:00:00Z
constexpr int kDays = 3;

/// RFC 4180 reader for the test: records split on CRLF or LF outside quotes.
/// TXT has no quoting: pass `quoting` false.
std::vector<std::vector<std::string>> parse_delimited(const std::string& text, char separator,
                                                      bool quoting = true) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"' && quoting) {
      quoted = true;
    } else if (ch == separator) {
      row.push_back(field);
      field.clear();
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
    } else {
      field += ch;
    }
  }
  EXPECT_TRUE(field.empty() && row.empty()) << "last record not terminated";
  return rows;
}

struct Exported {
  std::string text;
  ExportStats stats;
  std::size_t largest_chunk = 0;
};

Exported run_export(TimeSeriesStore& store, const ExportRequest& request) {
  Exported out;
  out.stats = export_series(store, request, [&out](std::string_view chunk) {
    out.text.append(chunk);
    out.largest_chunk = std::max(out.largest_chunk, chunk.size());
  });
  EXPECT_EQ(out.stats.bytes, static_cast<std::int64_t>(out.text.size()));
  return out;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store("sqlite::memory:");
    a = store->ensure_channel("gh1/node1/t_air", "default");
    b = store->ensure_channel("gh1/node1/rh", "default");
    c = store->ensure_channel("gh1/node2/co2", "default");
    std::vector<Reading> readings;
    // a: every minute for three days, values with all their digits.
    for (int i = 0; i < kDays * 1440; ++i) {
      const TimeMs t = kStart + i * kMsPerMinute;
      readings.push_back({a, t, 20.0 + 7.0 * std::sin(i / 97.0) + 1.0 / 3.0, kFlagNone});
    }
    // b: every two minutes, shifted by 30 s (distinct time stamps), with a gap of 5 hours on the
    // second day, and one reading with milliseconds.
    for (int i = 0; i < kDays * 720; ++i) {
      const TimeMs t = kStart + i * (2 * kMsPerMinute) + 30 * kMsPerSecond;
      if (t >= kStart + kMsPerDay + 10 * kMsPerHour && t < kStart + kMsPerDay + 15 * kMsPerHour) {
        continue;
      }
      readings.push_back({b, t, 55.0 + 0.1 * i + 1e-9 * i, kFlagNone});
    }
    readings.push_back({b, kStart + 7 * kMsPerHour + 250, 61.125, kFlagNone});
    // c: every ten minutes on day 1 only; every fifth reading flagged as a spike.
    for (int i = 0; i < 144; ++i) {
      readings.push_back({c, kStart + i * (10 * kMsPerMinute), 400.0 + std::exp(i / 50.0),
                          i % 5 == 0 ? static_cast<std::uint32_t>(kFlagSpike) : kFlagNone});
    }
    store->write(readings);
    stored = readings;
  }

  ExportRequest request(Resolution resolution, ExportFormat format) const {
    ExportRequest r;
    r.columns = {{a, "t_air (Cel)"}, {b, "rh, \"inside\" (%RH)"}, {c, "co2 (ppm)"}};
    r.from_ms = kStart;
    r.to_ms = kStart + kDays * kMsPerDay;
    r.resolution = resolution;
    r.format = format;
    return r;
  }

  std::unique_ptr<TimeSeriesStore> store;
  ChannelId a = 0, b = 0, c = 0;
  std::vector<Reading> stored;
};

/// Raw export of `format`: every stored reading appears once at its time, exactly.
void check_raw(const std::string& text, char separator, const std::vector<Reading>& stored,
               const std::vector<ChannelId>& columns, int utc_offset_min) {
  const auto rows = parse_delimited(text, separator, separator == ',');
  ASSERT_GE(rows.size(), 1U);
  std::map<TimeMs, std::map<ChannelId, double>> expected;
  for (const Reading& r : stored) {
    expected[r.t_ms][r.channel] = r.value;
  }
  ASSERT_EQ(rows.size() - 1, expected.size());  // one row per distinct time stamp
  auto it = expected.begin();
  for (std::size_t i = 1; i < rows.size(); ++i, ++it) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), columns.size() + 1);
    ASSERT_EQ(parse_iso_time_ms(row[0]), it->first) << row[0];
    ASSERT_EQ(row[0], format_local_time(it->first, utc_offset_min));
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const auto found = it->second.find(columns[k]);
      if (found == it->second.end()) {
        ASSERT_EQ(row[k + 1], "") << "row " << i << " column " << k;
      } else {
        ASSERT_EQ(std::strtod(row[k + 1].c_str(), nullptr), found->second)
            << "row " << i << " column " << k << ": " << row[k + 1];
      }
    }
  }
}

TEST_F(ExportTest, RawCsvRoundTripsEveryStoredDouble) {
  ExportRequest r = request(Resolution::raw, ExportFormat::csv);
  r.utc_offset_min = 300;
  const Exported out = run_export(*store, r);
  const auto rows = parse_delimited(out.text, ',');
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"time", "t_air (Cel)", "rh, \"inside\" (%RH)", "co2 (ppm)"}));
  EXPECT_NE(out.text.find("\"rh, \"\"inside\"\" (%RH)\""), std::string::npos);
  EXPECT_EQ(out.text.substr(out.text.size() - 2), "\r\n");
  check_raw(out.text, ',', stored, {a, b, c}, 300);
  EXPECT_EQ(out.stats.rows, static_cast<std::int64_t>(rows.size() - 1));
  EXPECT_EQ(out.stats.cells, static_cast<std::int64_t>(stored.size()));
  // The first row is local midnight + 5 h with its offset; the millisecond reading keeps them.
  EXPECT_EQ(rows[1][0], "2026-06-01T05:00:00+05:00");
  EXPECT_NE(out.text.find("2026-06-01T12:00:00.250+05:00,,61.125,"), std::string::npos);
}

TEST_F(ExportTest, RawTxtHasTheSameRowsTabSeparated) {
  const Exported csv = run_export(*store, request(Resolution::raw, ExportFormat::csv));
  const Exported txt = run_export(*store, request(Resolution::raw, ExportFormat::txt));
  check_raw(txt.text, '\t', stored, {a, b, c}, 0);
  auto csv_rows = parse_delimited(csv.text, ',');
  auto txt_rows = parse_delimited(txt.text, '\t', false);
  ASSERT_EQ(csv_rows.size(), txt_rows.size());
  for (std::size_t i = 1; i < csv_rows.size(); ++i) {
    ASSERT_EQ(csv_rows[i], txt_rows[i]);
  }
  EXPECT_EQ(txt_rows[0][2], "rh, \"inside\" (%RH)");
  EXPECT_EQ(txt.text.find('\r'), std::string::npos);
  EXPECT_EQ(csv.stats.rows, txt.stats.rows);
}

TEST_F(ExportTest, RollupBucketsAreTheStoredMeans) {
  for (const Resolution level : {Resolution::minute, Resolution::hour, Resolution::day}) {
    const Exported out = run_export(*store, request(level, ExportFormat::csv));
    const auto rows = parse_delimited(out.text, ',');
    std::map<TimeMs, std::map<ChannelId, double>> expected;
    for (const ChannelId ch : {a, b, c}) {
      store->query_rollup(ch, level, kStart, kStart + kDays * kMsPerDay,
                          [&](const RollupRow& row) { expected[row.start_ms][ch] = row.mean(); });
    }
    ASSERT_EQ(rows.size() - 1, expected.size()) << resolution_name(level);
    auto it = expected.begin();
    for (std::size_t i = 1; i < rows.size(); ++i, ++it) {
      ASSERT_EQ(parse_iso_time_ms(rows[i][0]), it->first);
      const ChannelId cols[] = {a, b, c};
      for (std::size_t k = 0; k < 3; ++k) {
        const auto found = it->second.find(cols[k]);
        if (found == it->second.end()) {
          ASSERT_EQ(rows[i][k + 1], "");
        } else {
          ASSERT_EQ(std::strtod(rows[i][k + 1].c_str(), nullptr), found->second);
        }
      }
    }
  }
  // Hours: 72 buckets of a, minus none; b's 5-hour gap leaves a alone in those rows.
  const auto hours =
      parse_delimited(run_export(*store, request(Resolution::hour, ExportFormat::csv)).text, ',');
  EXPECT_EQ(hours.size() - 1, 72U);
  EXPECT_EQ(hours[1 + 24 + 11][2], "");  // day 2, 11:00 UTC: in b's gap
}

TEST_F(ExportTest, LocalDaysAreMergedFromHoursWithTheOffset) {
  ExportRequest r = request(Resolution::day, ExportFormat::csv);
  r.utc_offset_min = 300;  // Kazakhstan: a day is 19:00Z to 19:00Z
  const auto rows = parse_delimited(run_export(*store, r).text, ',');
  // Local days with data: 06-01 (from 05:00 local), 06-02, 06-03, 06-04 (until 05:00 local);
  // from = 00:00Z = 05:00 local, so the first bucket starting at or after it is 06-02 00:00+05.
  ASSERT_EQ(rows.size() - 1, 3U);
  EXPECT_EQ(rows[1][0], "2026-06-02T00:00:00+05:00");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const TimeMs day_start = *parse_iso_time_ms(rows[i][0]);
    const ChannelId cols[] = {a, b, c};
    for (std::size_t k = 0; k < 3; ++k) {
      double sum = 0.0;
      int count = 0;
      for (const Reading& reading : stored) {
        if (reading.channel == cols[k] && reading.t_ms >= day_start &&
            reading.t_ms < day_start + kMsPerDay && counts_in_rollups(reading)) {
          sum += reading.value;
          ++count;
        }
      }
      if (count == 0) {
        EXPECT_EQ(rows[i][k + 1], "");
      } else {
        const double got = std::strtod(rows[i][k + 1].c_str(), nullptr);
        EXPECT_NEAR(got, sum / count, 1e-12 * std::abs(sum / count)) << rows[i][0] << " " << k;
      }
    }
  }
}

TEST_F(ExportTest, FlaggedReadingsAreExportedRawButLeftOutOfBuckets) {
  ExportRequest r = request(Resolution::raw, ExportFormat::csv);
  r.columns = {{c, "co2"}};
  const auto raw = parse_delimited(run_export(*store, r).text, ',');
  EXPECT_EQ(raw.size() - 1, 144U);
  EXPECT_EQ(std::strtod(raw[1][1].c_str(), nullptr), 401.0);  // flagged, exported
  r.resolution = Resolution::minute;
  const auto minutes = parse_delimited(run_export(*store, r).text, ',');
  EXPECT_EQ(minutes.size() - 1, 144U - 144U / 5 - 1);  // readings 0, 5, …, 140 left out
}

TEST_F(ExportTest, WindowLengthNeverChangesTheRows) {
  for (const Resolution level :
       {Resolution::raw, Resolution::minute, Resolution::hour, Resolution::day}) {
    for (const int offset : {0, 300, -330}) {
      ExportRequest single = request(level, ExportFormat::csv);
      single.utc_offset_min = offset;
      single.from_ms = kStart - 7 * kMsPerHour + 13 * kMsPerMinute;  // not aligned
      single.to_ms = kStart + kDays * kMsPerDay + 3 * kMsPerHour;
      single.window_ms = 10 * kMsPerDay;  // the whole range in one window
      const std::string expected = run_export(*store, single).text;
      const TimeMs bucket = level == Resolution::raw ? kMsPerMinute : bucket_ms(level);
      for (const TimeMs window : {bucket, 7 * bucket, kMsPerDay, 0 * bucket}) {
        if (level == Resolution::day && window == 7 * bucket) {
          continue;
        }
        ExportRequest windowed = single;
        windowed.window_ms = (window / bucket) * bucket;
        if (level == Resolution::raw && window == bucket) {
          windowed.window_ms = 37 * kMsPerSecond + 1;  // odd length, straddles readings
        }
        ASSERT_EQ(run_export(*store, windowed).text, expected)
            << resolution_name(level) << " offset " << offset << " window " << windowed.window_ms;
      }
    }
  }
}

TEST_F(ExportTest, OutputIsStreamedInBoundedChunks) {
  const Exported out = run_export(*store, request(Resolution::raw, ExportFormat::csv));
  EXPECT_GT(out.text.size(), 200U * 1024U);
  EXPECT_LE(out.largest_chunk, 64U * 1024U + 1024U);
}

TEST_F(ExportTest, BadRequestsAreInputErrors) {
  auto sink = [](std::string_view) {};
  ExportRequest r = request(Resolution::raw, ExportFormat::csv);
  r.columns.clear();
  EXPECT_THROW(export_series(*store, r, sink), InputError);
  r = request(Resolution::raw, ExportFormat::csv);
  r.columns.assign(1001, {a, "x"});
  EXPECT_THROW(export_series(*store, r, sink), InputError);
  r = request(Resolution::raw, ExportFormat::csv);
  r.to_ms = r.from_ms;
  EXPECT_THROW(export_series(*store, r, sink), InputError);
  r = request(Resolution::hour, ExportFormat::csv);
  r.window_ms = 90 * kMsPerMinute;
  EXPECT_THROW(export_series(*store, r, sink), InputError);
  r = request(Resolution::hour, ExportFormat::csv);
  r.utc_offset_min = 15 * 60;
  try {
    export_series(*store, r, sink);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.where().field, "utc_offset_min");
    EXPECT_NE(std::string(error.what()).find("-840 to 840"), std::string::npos);
  }
  r = request(Resolution::raw, ExportFormat::csv);
  r.columns.assign(1000, {a, "x"});
  r.to_ms = r.from_ms + kMsPerHour;
  EXPECT_EQ(export_series(*store, r, sink).rows, 60);
}

// ---- XLSX, read back with openpyxl -------------------------------------------------------------

/// Debian's python3 (it has python3-openpyxl); the first `python3` on PATH may be another one.
std::string python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return out;
  }
  char buffer[65536];
  std::size_t got = 0;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    out.append(buffer, got);
  }
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

class TempPath {
 public:
  explicit TempPath(const std::string& suffix) {
    path_ = (std::filesystem::temp_directory_path() /
             ("egin-export-test-" + std::to_string(::getpid()) + suffix))
                .string();
  }
  ~TempPath() { std::filesystem::remove(path_); }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string write_to_file(TimeSeriesStore& store, const ExportRequest& r, const std::string& path,
                          ExportStats* stats) {
  std::ofstream file(path, std::ios::binary);
  *stats = export_series(store, r, [&file](std::string_view chunk) {
    file.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  });
  return path;
}

// Prints every row of every sheet: the time as ms since 1970 (local wall clock, as Excel holds
// it) and each cell as repr(float) or "" — one CSV line per row, sheets separated by "#sheet".
constexpr const char* kReadXlsx = R"PY(
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
epoch = datetime.datetime(1970, 1, 1)
for ws in wb.worksheets:
    print("#sheet " + ws.title + " " + str(ws.freeze_panes))
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i == 0:
            print(",".join(str(v) for v in row))
            continue
        t = row[0]
        assert isinstance(t, datetime.datetime), t
        ms = round((t - epoch).total_seconds() * 1000)
        print(",".join([str(ms)] + ["" if v is None else repr(float(v)) for v in row[1:]]))
)PY";

TEST_F(ExportTest, XlsxOpensInOpenpyxlWithDatesAndTheStoredValues) {
  ExportRequest r = request(Resolution::raw, ExportFormat::xlsx);
  r.utc_offset_min = 300;
  const TempPath path(".xlsx");
  ExportStats stats;
  write_to_file(*store, r, path.path(), &stats);
  EXPECT_EQ(stats.sheets, 1);
  const TempPath script(".py");
  std::ofstream(script.path()) << kReadXlsx;
  const std::string text = run_command(python() + " " + script.path() + " " + path.path());
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "#sheet data A2");  // header row frozen
  std::getline(lines, line);
  EXPECT_EQ(line, "time (UTC+05:00),t_air (Cel),rh, \"inside\" (%RH),co2 (ppm)");
  std::string rest((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
  // Times in the file are local wall clock: shift back to compare with the stored UTC times.
  std::map<TimeMs, std::map<ChannelId, double>> expected;
  for (const Reading& reading : stored) {
    expected[reading.t_ms][reading.channel] = reading.value;
  }
  const auto rows = parse_delimited(rest, ',');
  ASSERT_EQ(rows.size(), expected.size());
  EXPECT_EQ(stats.rows, static_cast<std::int64_t>(rows.size()));
  auto it = expected.begin();
  const ChannelId cols[] = {a, b, c};
  double worst = 0.0;
  for (std::size_t i = 0; i < rows.size(); ++i, ++it) {
    ASSERT_EQ(std::stoll(rows[i][0]) - 300 * kMsPerMinute, it->first) << i;
    for (std::size_t k = 0; k < 3; ++k) {
      const auto found = it->second.find(cols[k]);
      if (found == it->second.end()) {
        ASSERT_EQ(rows[i][k + 1], "");
      } else {
        const double got = std::strtod(rows[i][k + 1].c_str(), nullptr);
        worst = std::max(worst, std::abs(got - found->second) / std::abs(found->second));
      }
    }
  }
  // libxlsxwriter writes numbers with 16 significant digits ("%.16G"; Excel itself keeps 15):
  // equal to the stored double within one part in 1e15.
  EXPECT_LT(worst, 1e-15);
}

/// A store that holds one reading a second of channel 1 (value = seconds since kStart) without a
/// database: the sheet-limit test needs a million rows, not SQLite's insert time.
class SecondsStore final : public TimeSeriesStore {
 public:
  explicit SecondsStore(std::int64_t n) : n_(n) {}
  [[nodiscard]] std::string_view backend() const override { return "test"; }
  ChannelId ensure_channel(std::string_view /*key*/, std::string_view /*class*/) override {
    return 1;
  }
  std::vector<ChannelEntry> channels() override { return {}; }
  WriteResult write(std::span<const Reading> /*readings*/) override { return {}; }
  void query_raw(ChannelId /*channel*/, TimeMs from_ms, TimeMs to_ms,
                 const std::function<void(const Reading&)>& visit) override {
    const std::int64_t first = std::max<std::int64_t>(0, (from_ms - kStart + 999) / 1000);
    const std::int64_t last = std::min<std::int64_t>(n_, (to_ms - kStart + 999) / 1000);
    for (std::int64_t i = first; i < last; ++i) {
      visit({1, kStart + i * kMsPerSecond, static_cast<double>(i), kFlagNone});
    }
  }
  void query_rollup(ChannelId /*channel*/, Resolution /*level*/, TimeMs /*from_ms*/,
                    TimeMs /*to_ms*/,
                    const std::function<void(const RollupRow&)>& /*visit*/) override {}
  std::optional<Reading> latest(ChannelId /*channel*/) override { return std::nullopt; }
  RetentionResult apply_retention(std::span<const RetentionRule> /*rules*/,
                                  TimeMs /*now_ms*/) override {
    return {};
  }
  StorageUsage usage() override { return {}; }

 private:
  std::int64_t n_;
};

TEST(ExportXlsx, RowsBeyondOneSheetContinueOnTheNext) {
  const std::int64_t n = kXlsxMaxRowsPerSheet + 24;  // header + 1,048,575 rows, then 25 more
  SecondsStore seconds(n);
  TimeSeriesStore* store = &seconds;
  const ChannelId ch = 1;
  ExportRequest r;
  r.columns = {{ch, "t"}};
  r.from_ms = kStart;
  r.to_ms = kStart + n * kMsPerSecond;
  r.format = ExportFormat::xlsx;
  const TempPath path(".xlsx");
  ExportStats stats;
  write_to_file(*store, r, path.path(), &stats);
  EXPECT_EQ(stats.rows, n);
  EXPECT_EQ(stats.sheets, 2);
  // Count the rows of each sheet's XML and read the last cell of each, without loading them all.
  const std::string script =
      "import sys, zipfile, re\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "for name in ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']:\n"
      "    x = z.read(name).decode()\n"
      "    rows = re.findall(r'<row r=\"(\\d+)\"', x)\n"
      "    last = re.findall(r'<v>([^<]*)</v>', x[-2000:])[-1]\n"
      "    print(len(rows), rows[-1], last)\n"
      "print(re.findall(r'<sheet name=\"([^\"]*)\"', z.read('xl/workbook.xml').decode()))\n";
  const TempPath py(".py");
  std::ofstream(py.path()) << script;
  const std::string out = run_command(python() + " " + py.path() + " " + path.path());
  EXPECT_EQ(out,
            "1048576 1048576 1048574\n"  // header + values 0 … 1,048,574
            "26 26 1048599\n"            // header + the 25 values after
            "['data', 'data 2']\n");
}

}  // namespace
}  // namespace egin::store
