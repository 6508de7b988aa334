#include "egin/agromet/weather_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <span>
#include <sstream>
#include <utility>
#include <vector>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/csv_number.hpp"
#include "egin/agromet/csv_records.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

// ---------------------------------------------------------------------------------------------
// Columns. Ranges are physical plausibility limits (docs/formats/weather-csv.md gives the
// reasons); a value outside is a unit or sensor error, never weather.

enum class Special {
  kNone,
  kWindAt2m,      // u2_m_s: wind at 2 m; fixes the wind height
  kWindAtHeight,  // wind_m_s: wind at the site's wind height, which must then be given
  kIglob,         // iglob_w_m2: period mean irradiance, converted to rs_mj_m2 over the period
  kPeriodRs,      // rs_mj_m2 of a sub-daily period: its upper bound depends on the period
};

struct ColumnSpec {
  std::string_view name;
  double lo;
  double hi;
  std::string_view unit;
  double DailyWeather::*daily = nullptr;
  double PeriodWeather::*period = nullptr;
  Special special = Special::kNone;
};

constexpr double kTempLo = -60.0;
constexpr double kTempHi = 60.0;
constexpr double kWindHi = 75.0;
constexpr double kIglobHi = 1500.0;  // W/m², above the solar constant (1361) with cloud edges

constexpr std::array kDailyColumns = {
    ColumnSpec{"tmax_c", kTempLo, kTempHi, "°C", &DailyWeather::tmax_c},
    ColumnSpec{"tmin_c", kTempLo, kTempHi, "°C", &DailyWeather::tmin_c},
    ColumnSpec{"tmean_c", kTempLo, kTempHi, "°C", &DailyWeather::tmean_c},
    ColumnSpec{"rh_max_pct", 0.0, 100.0, "%", &DailyWeather::rh_max_pct},
    ColumnSpec{"rh_min_pct", 0.0, 100.0, "%", &DailyWeather::rh_min_pct},
    ColumnSpec{"rh_mean_pct", 0.0, 100.0, "%", &DailyWeather::rh_mean_pct},
    ColumnSpec{"tdew_c", kTempLo, kTempHi, "°C", &DailyWeather::tdew_c},
    ColumnSpec{"ea_kpa", 0.0, 10.0, "kPa", &DailyWeather::ea_kpa},
    ColumnSpec{"rs_mj_m2", 0.0, 45.0, "MJ/m² per day", &DailyWeather::rs_mj_m2},
    ColumnSpec{"sunshine_h", 0.0, 24.0, "h", &DailyWeather::sunshine_h},
    ColumnSpec{"u2_m_s", 0.0, kWindHi, "m/s", &DailyWeather::wind_m_s, nullptr, Special::kWindAt2m},
    ColumnSpec{"wind_m_s", 0.0, kWindHi, "m/s", &DailyWeather::wind_m_s, nullptr,
               Special::kWindAtHeight},
    ColumnSpec{"precip_mm", 0.0, 1000.0, "mm per day", &DailyWeather::precip_mm},
    ColumnSpec{"et0_mm", 0.0, 30.0, "mm per day", &DailyWeather::et0_mm},
};

constexpr std::array kPeriodColumns = {
    ColumnSpec{"t_out_c", kTempLo, kTempHi, "°C", nullptr, &PeriodWeather::t_out_c},
    ColumnSpec{"rh_out_pct", 0.0, 100.0, "%", nullptr, &PeriodWeather::rh_out_pct},
    ColumnSpec{"tdew_c", kTempLo, kTempHi, "°C", nullptr, &PeriodWeather::tdew_c},
    ColumnSpec{"ea_kpa", 0.0, 10.0, "kPa", nullptr, &PeriodWeather::ea_kpa},
    ColumnSpec{"iglob_w_m2", 0.0, kIglobHi, "W/m²", nullptr, &PeriodWeather::rs_mj_m2,
               Special::kIglob},
    // Bounded here by a day at 1500 W/m²; by the row's own period once that is known.
    ColumnSpec{"rs_mj_m2", 0.0, kIglobHi * 86400.0 / 1e6, "MJ/m² per period", nullptr,
               &PeriodWeather::rs_mj_m2, Special::kPeriodRs},
    ColumnSpec{"u2_m_s", 0.0, kWindHi, "m/s", nullptr, &PeriodWeather::wind_m_s,
               Special::kWindAt2m},
    ColumnSpec{"wind_m_s", 0.0, kWindHi, "m/s", nullptr, &PeriodWeather::wind_m_s,
               Special::kWindAtHeight},
    ColumnSpec{"precip_mm", 0.0, 400.0, "mm per period", nullptr, &PeriodWeather::precip_mm},
    ColumnSpec{"t_sky_c", -100.0, kTempHi, "°C", nullptr, &PeriodWeather::t_sky_c},
    ColumnSpec{"co2_out_ppm", 0.0, 5000.0, "ppm", nullptr, &PeriodWeather::co2_out_ppm},
    ColumnSpec{"t_soil_c", kTempLo, 80.0, "°C", nullptr, &PeriodWeather::t_soil_c},
};

// Names people write for a quantity that egin spells otherwise, per kind: {written, use instead}.
struct Hint {
  std::string_view written;
  std::string_view advice;
};

constexpr std::array kDailyHints = {
    Hint{"t_out_c", "'tmean_c' (daily files name air temperature tmax_c, tmin_c, tmean_c)"},
    Hint{"rh_out_pct", "'rh_mean_pct' (daily files: rh_max_pct, rh_min_pct, rh_mean_pct)"},
    Hint{"iglob_w_m2", "'rs_mj_m2' (the daily sum in MJ/m²; W/m² only in sub-daily files)"},
    Hint{"rs_mj_m2_d", "'rs_mj_m2'"},
    Hint{"eto_mm", "'et0_mm'"},
    Hint{"etref_mm", "'et0_mm'"},
    Hint{"rain_mm", "'precip_mm'"},
    Hint{"u10_m_s", "'wind_m_s' with '# wind_height_m: 10'"},
};

constexpr std::array kPeriodHints = {
    Hint{"t_c", "'t_out_c'"},
    Hint{"tmean_c", "'t_out_c' (sub-daily files name air temperature t_out_c)"},
    Hint{"t_air_c", "'t_out_c'"},
    Hint{"tmax_c", "'t_out_c' (sub-daily files give one air temperature per period)"},
    Hint{"tmin_c", "'t_out_c' (sub-daily files give one air temperature per period)"},
    Hint{"rh_pct", "'rh_out_pct'"},
    Hint{"rh_mean_pct", "'rh_out_pct' (sub-daily files name humidity rh_out_pct)"},
    Hint{"co2_ppm", "'co2_out_ppm'"},
    Hint{"rs_w_m2", "'iglob_w_m2' (period mean in W/m²) or 'rs_mj_m2' (period sum in MJ/m²)"},
    Hint{"rain_mm", "'precip_mm'"},
    Hint{"u10_m_s", "'wind_m_s' with '# wind_height_m: 10'"},
};

std::string format_number(double value) {
  std::array<char, 32> buf{};
  const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return std::string(buf.data(), result.ptr);
}

std::string range_text(double lo, double hi, std::string_view unit) {
  return format_number(lo) + " to " + format_number(hi) + " " + std::string(unit);
}

// ---------------------------------------------------------------------------------------------
// Metadata: `# key: value` comment lines before the header.

struct MetaValue {
  std::optional<double> value;
  int line = 0;
};

struct Metadata {
  std::string name;
  MetaValue latitude_deg;
  MetaValue longitude_deg;
  MetaValue elevation_m;
  MetaValue wind_height_m;
  MetaValue period_s;
};

struct MetaSpec {
  std::string_view key;
  double lo;
  double hi;
  std::string_view unit;
  MetaValue Metadata::*member;
};

constexpr std::array kMetaKeys = {
    MetaSpec{"latitude_deg", -90.0, 90.0, "degrees (+ north)", &Metadata::latitude_deg},
    MetaSpec{"longitude_deg", -180.0, 180.0, "degrees (+ east)", &Metadata::longitude_deg},
    MetaSpec{"elevation_m", -500.0, 9000.0, "m", &Metadata::elevation_m},
    MetaSpec{"wind_height_m", 0.5, 100.0, "m", &Metadata::wind_height_m},
    MetaSpec{"period_s", 60.0, 86400.0, "s", &Metadata::period_s},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool is_key(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

double number_or_throw(std::string_view cell, double lo, double hi, std::string_view unit,
                       const InputLocation& where) {
  const CsvNumber n = parse_csv_number(cell);
  if (n.status == CsvNumberStatus::kInvalid) {
    throw InputError(where, quote_for_message(cell) + " is not a number",
                     "a decimal number, " + range_text(lo, hi, unit));
  }
  if (n.status == CsvNumberStatus::kAbsent) {
    throw InputError(where, "the value is empty", range_text(lo, hi, unit));
  }
  if (n.value < lo || n.value > hi) {
    throw InputError(where, "value " + std::string(cell) + " is out of range",
                     range_text(lo, hi, unit));
  }
  return n.value;
}

void read_metadata_line(std::string_view comment, int line, const std::string& source,
                        Metadata& meta) {
  const std::size_t colon = comment.find(':');
  if (colon == std::string_view::npos) {
    return;  // a plain comment
  }
  const std::string_view key = trim(comment.substr(0, colon));
  const std::string_view value = trim(comment.substr(colon + 1));
  if (!is_key(key)) {
    return;  // prose such as "# Note, see: …"
  }
  if (key == "name") {
    meta.name = std::string(value);
    return;
  }
  for (const MetaSpec& spec : kMetaKeys) {
    if (key == spec.key) {
      MetaValue& slot = meta.*spec.member;
      if (slot.value) {
        throw InputError({source, line, std::string(key)},
                         "given twice (first on line " + std::to_string(slot.line) + ")",
                         "each metadata key once");
      }
      slot.value =
          number_or_throw(value, spec.lo, spec.hi, spec.unit, {source, line, std::string(key)});
      slot.line = line;
      return;
    }
  }
  // Any other key (station, source, licence, timezone, …) is documentation for people.
}

// ---------------------------------------------------------------------------------------------
// Header.

struct Prologue {
  Metadata meta;
  int header_line = 0;
  std::vector<std::string> names;
};

Prologue read_prologue(CsvRecords& reader, CsvRecord& rec, const std::string& source) {
  Prologue p;
  while (reader.next(rec)) {
    if (rec.is_comment) {
      read_metadata_line(rec.comment, rec.line, source, p.meta);
      continue;
    }
    p.header_line = rec.line;
    p.names.reserve(rec.cells.size());
    for (const std::string_view cell : rec.cells) {
      p.names.emplace_back(cell);
    }
    return p;
  }
  throw InputError({source, 0, ""}, "no header row",
                   "a header row naming the columns, e.g. 'date,tmax_c,tmin_c' or "
                   "'time,t_out_c,rh_out_pct'");
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// `text` as quote_for_message shows it, without the quotes (for a field name).
std::string printable(std::string_view text) {
  const std::string quoted = quote_for_message(text);
  return quoted.substr(1, quoted.size() - 2);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// "did you mean …?" for an unknown column, or "" if nothing is close.
std::string suggestion(std::string_view written, std::string_view time_column,
                       std::span<const ColumnSpec> columns, std::span<const Hint> hints) {
  const std::string low = lower(written);
  for (const Hint& h : hints) {
    if (low == h.written) {
      return "; use " + std::string(h.advice);
    }
  }
  std::vector<std::string_view> names{time_column};
  for (const ColumnSpec& c : columns) {
    names.push_back(c.name);
  }
  std::string_view best;
  std::size_t best_distance = 3;  // suggest only names at most 2 edits away…
  for (const std::string_view name : names) {
    if (low == name) {
      return "; names are lower case: '" + std::string(name) + "'";
    }
    // …or that start with what was written plus a unit ("tmax" → "tmax_c").
    if (name.size() > low.size() && name.substr(0, low.size()) == low && name[low.size()] == '_') {
      return "; did you mean '" + std::string(name) + "'? (units are part of the name)";
    }
    const std::size_t d = edit_distance(low, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best.empty() ? std::string() : "; did you mean '" + std::string(best) + "'?";
}

std::string accepted_list(std::string_view time_column, std::span<const ColumnSpec> columns) {
  std::string out = "one of " + std::string(time_column);
  for (const ColumnSpec& c : columns) {
    out += ", ";
    out += c.name;
  }
  return out;
}

// Where each column goes. time_col is the index of `date` or `time`.
struct Layout {
  std::size_t time_col = 0;
  std::vector<const ColumnSpec*> specs;  // per column; nullptr at time_col
  const ColumnSpec* wind = nullptr;
  const ColumnSpec* radiation = nullptr;  // sub-daily: iglob_w_m2 or rs_mj_m2
};

Layout read_layout(const Prologue& p, const std::string& source, WeatherCsvKind kind,
                   std::span<const ColumnSpec> columns, std::span<const Hint> hints) {
  const std::string_view time_column = kind == WeatherCsvKind::kDaily ? "date" : "time";
  const std::string_view other_time = kind == WeatherCsvKind::kDaily ? "time" : "date";
  Layout layout;
  layout.specs.assign(p.names.size(), nullptr);
  std::optional<std::size_t> time_col;
  const auto where = [&](std::string_view name) {
    return InputLocation{source, p.header_line, printable(name)};
  };
  for (std::size_t i = 0; i < p.names.size(); ++i) {
    const std::string& name = p.names[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (!name.empty() && p.names[j] == name) {
        throw InputError(where(name),
                         "the column appears twice (columns " + std::to_string(j + 1) + " and " +
                             std::to_string(i + 1) + ")",
                         "each column once");
      }
    }
    if (name == time_column) {
      time_col = i;
      continue;
    }
    if (name == other_time) {
      throw InputError(where(name),
                       kind == WeatherCsvKind::kDaily
                           ? "a 'time' column makes this a sub-daily file, read as daily"
                           : "a 'date' column makes this a daily file, read as sub-daily",
                       "'" + std::string(time_column) + "' as the time column of this kind");
    }
    const auto spec = std::find_if(columns.begin(), columns.end(),
                                   [&](const ColumnSpec& c) { return c.name == name; });
    if (spec == columns.end()) {
      if (name.empty()) {
        throw InputError({source, p.header_line, ""},
                         "column " + std::to_string(i + 1) + " of the header has no name",
                         "a name for every column");
      }
      std::string problem = "unknown column" + suggestion(name, time_column, columns, hints);
      if (p.names.size() == 1 &&
          (name.find(';') != std::string::npos || name.find('\t') != std::string::npos)) {
        problem = "the header has one column; the file seems to be separated by ';' or tabs";
      }
      throw InputError({source, p.header_line, printable(name)}, problem,
                       accepted_list(time_column, columns));
    }
    if (spec->special == Special::kWindAt2m || spec->special == Special::kWindAtHeight) {
      if (layout.wind != nullptr) {
        throw InputError(
            where(name),
            "both '" + std::string(layout.wind->name) + "' and '" + name + "' are given",
            "one wind column: u2_m_s (at 2 m) or wind_m_s (at wind_height_m)");
      }
      layout.wind = &*spec;
    }
    if (spec->special == Special::kIglob || spec->special == Special::kPeriodRs) {
      if (layout.radiation != nullptr) {
        throw InputError(
            where(name),
            "both '" + std::string(layout.radiation->name) + "' and '" + name + "' are given",
            "one radiation column: iglob_w_m2 (period mean) or rs_mj_m2 (period "
            "sum)");
      }
      layout.radiation = &*spec;
    }
    layout.specs[i] = &*spec;
  }
  if (!time_col) {
    throw InputError({source, p.header_line, std::string(time_column)}, "the column is missing",
                     "a '" + std::string(time_column) + "' column in the header");
  }
  layout.time_col = *time_col;
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Site: metadata, then overrides; the wind height must agree with the wind column.

void check_override(const std::optional<double>& value, std::string_view key) {
  if (!value) {
    return;
  }
  for (const MetaSpec& spec : kMetaKeys) {
    if (spec.key == key && !(*value >= spec.lo && *value <= spec.hi)) {
      throw InputError({"", 0, std::string(key)},
                       "the value " + format_number(*value) +
                           " given on the command line is "
                           "out of range",
                       range_text(spec.lo, spec.hi, spec.unit));
    }
  }
}

SiteMeta resolve_site(const Metadata& meta, const WeatherCsvOverrides& ov, const Layout& layout,
                      const std::string& source, int header_line) {
  check_override(ov.latitude_deg, "latitude_deg");
  check_override(ov.longitude_deg, "longitude_deg");
  check_override(ov.elevation_m, "elevation_m");
  check_override(ov.wind_height_m, "wind_height_m");
  SiteMeta site;
  site.name = meta.name;
  site.latitude_deg = ov.latitude_deg.value_or(meta.latitude_deg.value.value_or(kMissing));
  site.longitude_deg = ov.longitude_deg.value_or(meta.longitude_deg.value.value_or(kMissing));
  site.elevation_m = ov.elevation_m.value_or(meta.elevation_m.value.value_or(kMissing));
  const std::optional<double> height =
      ov.wind_height_m ? ov.wind_height_m : meta.wind_height_m.value;
  if (layout.wind != nullptr && layout.wind->special == Special::kWindAt2m) {
    if (height && *height != 2.0) {
      const bool from_flag = ov.wind_height_m.has_value();
      throw InputError({source, from_flag ? 0 : meta.wind_height_m.line, "wind_height_m"},
                       "the wind height is " + format_number(*height) + " m (" +
                           (from_flag ? "on the command line" : "in the file") +
                           ") but the column u2_m_s is wind at 2 m",
                       "no wind height or 2 m with u2_m_s; or name the column wind_m_s");
    }
    site.wind_height_m = 2.0;
  } else if (layout.wind != nullptr) {
    if (!height) {
      throw InputError({source, header_line, "wind_m_s"},
                       "the wind measurement height is not given",
                       "a '# wind_height_m: <m>' line or the wind-height option (0.5 to 100 m), "
                       "or the column named u2_m_s for wind at 2 m");
    }
    site.wind_height_m = *height;
  } else {
    site.wind_height_m = height.value_or(2.0);
  }
  return site;
}

// ---------------------------------------------------------------------------------------------
// Rows.

void check_cell_count(const CsvRecord& rec, std::size_t expected, const std::string& source) {
  if (rec.cells.size() != expected) {
    throw InputError(
        {source, rec.line, ""},
        "the row has " + std::to_string(rec.cells.size()) + " cells but the header names " +
            std::to_string(expected) + " columns",
        std::to_string(expected) + " comma-separated cells, empty for a missing value");
  }
}

// The value of one cell, NaN when missing; throws for text or a value outside [lo, hi].
double cell_value(std::string_view cell, const ColumnSpec& spec, const std::string& source,
                  int line) {
  const CsvNumber n = parse_csv_number(cell);
  if (n.status == CsvNumberStatus::kAbsent) {
    return kMissing;
  }
  if (n.status == CsvNumberStatus::kInvalid) {
    throw InputError({source, line, std::string(spec.name)},
                     quote_for_message(cell) + " is not a number",
                     "a decimal number in " + range_text(spec.lo, spec.hi, spec.unit) +
                         ", or an empty cell for a missing value");
  }
  if (n.value < spec.lo || n.value > spec.hi) {
    throw InputError({source, line, std::string(spec.name)},
                     "value " + std::string(cell) + " is out of range",
                     range_text(spec.lo, spec.hi, spec.unit));
  }
  return n.value;
}

void check_order(double low, double high, std::string_view low_name, std::string_view high_name,
                 const std::string& source, int line) {
  if (!is_missing(low) && !is_missing(high) && low > high) {
    throw InputError({source, line, std::string(low_name)},
                     std::string(low_name) + " " + format_number(low) + " is above " +
                         std::string(high_name) + " " + format_number(high),
                     std::string(low_name) + " <= " + std::string(high_name));
  }
}

std::string time_text_expected() {
  return "an ISO 8601 time with its UTC offset, e.g. 2025-07-01T13:00+05:00 or "
         "2025-07-01T08:00:00Z";
}

std::string duration_text(std::int64_t seconds) {
  if (seconds % 86400 == 0) {
    return std::to_string(seconds / 86400) + " d";
  }
  if (seconds % 3600 == 0) {
    return std::to_string(seconds / 3600) + " h";
  }
  return std::to_string(seconds) + " s";
}

// An upper bound of the rows (to reserve once; a year of hourly records is ~1 MB).
std::size_t line_count(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, ""}, "cannot open the file", "a readable weather CSV file");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    throw InputError({path, 0, ""}, "cannot read the file", "a readable weather CSV file");
  }
  return std::move(buffer).str();
}

}  // namespace

WeatherCsvKind detect_weather_csv_kind(std::string_view text, const std::string& source) {
  CsvRecords reader(text, source);
  CsvRecord rec;
  const Prologue p = read_prologue(reader, rec, source);
  const bool has_date = std::find(p.names.begin(), p.names.end(), "date") != p.names.end();
  const bool has_time = std::find(p.names.begin(), p.names.end(), "time") != p.names.end();
  if (has_date && has_time) {
    throw InputError({source, p.header_line, "time"}, "the header has both 'date' and 'time'",
                     "'date' for a daily file or 'time' for a sub-daily one");
  }
  if (!has_date && !has_time) {
    throw InputError({source, p.header_line, ""},
                     "the header has no time column (first: " +
                         quote_for_message(p.names.empty() ? "" : p.names.front()) + ")",
                     "'date' (YYYY-MM-DD) for a daily file or 'time' (ISO 8601 with offset) for "
                     "a sub-daily one");
  }
  return has_date ? WeatherCsvKind::kDaily : WeatherCsvKind::kSubDaily;
}

DailyWeatherSeries parse_daily_weather_csv(std::string_view text, const std::string& source,
                                           const WeatherCsvOverrides& overrides) {
  CsvRecords reader(text, source);
  CsvRecord rec;
  const Prologue p = read_prologue(reader, rec, source);
  const Layout layout = read_layout(p, source, WeatherCsvKind::kDaily, kDailyColumns, kDailyHints);
  DailyWeatherSeries series;
  series.source = source;
  series.site = resolve_site(p.meta, overrides, layout, source, p.header_line);
  series.days.reserve(line_count(text));
  const std::size_t ncols = p.names.size();
  while (reader.next(rec)) {
    if (rec.is_comment) {
      continue;
    }
    check_cell_count(rec, ncols, source);
    DailyWeather day;
    day.line = rec.line;
    const std::string_view date_text = rec.cells[layout.time_col];
    const std::optional<Date> date =
        date_text.size() == 10 ? Date::parse(date_text) : std::optional<Date>();
    if (!date) {
      throw InputError(
          {source, rec.line, "date"},
          date_text.empty() ? "the date is empty" : quote_for_message(date_text) + " is not a date",
          "a day as YYYY-MM-DD, e.g. 2025-04-23");
    }
    day.date = *date;
    if (!series.days.empty() && !(series.days.back().date < day.date)) {
      const DailyWeather& prev = series.days.back();
      throw InputError({source, rec.line, "date"},
                       prev.date == day.date
                           ? "the date " + day.date.iso() + " appears twice (first on line " +
                                 std::to_string(prev.line) + ")"
                           : "the date " + day.date.iso() + " comes after " + prev.date.iso() +
                                 " (line " + std::to_string(prev.line) + ")",
                       "dates in strictly increasing order");
    }
    for (std::size_t i = 0; i < ncols; ++i) {
      const ColumnSpec* spec = layout.specs[i];
      if (spec != nullptr) {
        day.*(spec->daily) = cell_value(rec.cells[i], *spec, source, rec.line);
      }
    }
    check_order(day.tmin_c, day.tmax_c, "tmin_c", "tmax_c", source, rec.line);
    check_order(day.rh_min_pct, day.rh_max_pct, "rh_min_pct", "rh_max_pct", source, rec.line);
    series.days.push_back(day);
  }
  if (series.days.empty()) {
    throw InputError({source, p.header_line, ""}, "no data rows after the header",
                     "one row per day");
  }
  return series;
}

PeriodWeatherSeries parse_period_weather_csv(std::string_view text, const std::string& source,
                                             const WeatherCsvOverrides& overrides) {
  CsvRecords reader(text, source);
  CsvRecord rec;
  const Prologue p = read_prologue(reader, rec, source);
  const Layout layout =
      read_layout(p, source, WeatherCsvKind::kSubDaily, kPeriodColumns, kPeriodHints);
  PeriodWeatherSeries series;
  series.source = source;
  series.site = resolve_site(p.meta, overrides, layout, source, p.header_line);
  series.periods.reserve(line_count(text));
  const std::size_t ncols = p.names.size();
  while (reader.next(rec)) {
    if (rec.is_comment) {
      continue;
    }
    check_cell_count(rec, ncols, source);
    PeriodWeather period;
    period.line = rec.line;
    const std::string_view time_text = rec.cells[layout.time_col];
    const std::optional<IsoTime> time = parse_iso_time(time_text);
    if (!time) {
      throw InputError(
          {source, rec.line, "time"},
          time_text.empty() ? "the time is empty" : quote_for_message(time_text) + " is not a time",
          time_text_expected());
    }
    period.start_utc_s = time->utc_s;
    period.utc_offset_s = time->utc_offset_s;
    if (!series.periods.empty() && series.periods.back().start_utc_s >= period.start_utc_s) {
      const PeriodWeather& prev = series.periods.back();
      throw InputError({source, rec.line, "time"},
                       prev.start_utc_s == period.start_utc_s
                           ? "the time " + std::string(time_text) +
                                 " appears twice (first on line " + std::to_string(prev.line) + ")"
                           : "the time " + std::string(time_text) + " is before the row on line " +
                                 std::to_string(prev.line),
                       "times in strictly increasing order");
    }
    for (std::size_t i = 0; i < ncols; ++i) {
      const ColumnSpec* spec = layout.specs[i];
      if (spec == nullptr) {
        continue;
      }
      // rs_mj_m2 per period is bounded below by 0 here and above once the period is known.
      period.*(spec->period) = cell_value(rec.cells[i], *spec, source, rec.line);
    }
    series.periods.push_back(period);
  }
  std::vector<PeriodWeather>& rows = series.periods;
  if (rows.empty()) {
    throw InputError({source, p.header_line, ""}, "no data rows after the header",
                     "one row per period");
  }
  // Period lengths: `# period_s:` if given, else the step to the next row (the last row repeats
  // the step before it).
  const MetaValue& given = p.meta.period_s;
  if (!given.value && rows.size() == 1) {
    throw InputError({source, rows.front().line, "time"},
                     "a single row: its period length cannot be inferred",
                     "a '# period_s: <seconds>' line, or two rows or more");
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 < rows.size()) {
      const std::int64_t step = rows[i + 1].start_utc_s - rows[i].start_utc_s;
      if (given.value) {
        if (static_cast<double>(step) < *given.value) {
          throw InputError({source, rows[i + 1].line, "time"},
                           "the row starts " + duration_text(step) + " after the row on line " +
                               std::to_string(rows[i].line) + ", inside its period",
                           "rows at least period_s = " + format_number(*given.value) +
                               " s apart (line " + std::to_string(given.line) + ")");
        }
        rows[i].period_s = *given.value;
      } else {
        if (step > 86400) {
          throw InputError({source, rows[i + 1].line, "time"},
                           "the row starts " + duration_text(step) + " after the row on line " +
                               std::to_string(rows[i].line) +
                               ", which would make that period longer than a day",
                           "at most 1 d between rows; for data with gaps give "
                           "'# period_s: <seconds>'");
        }
        if (step < 60) {
          throw InputError({source, rows[i + 1].line, "time"},
                           "the row starts " + duration_text(step) + " after the row on line " +
                               std::to_string(rows[i].line),
                           "periods of 60 s to 1 d");
        }
        rows[i].period_s = static_cast<double>(step);
      }
    } else {
      rows[i].period_s = given.value ? *given.value : rows[i - 1].period_s;
    }
  }
  if (layout.radiation != nullptr) {
    for (PeriodWeather& row : rows) {
      if (is_missing(row.rs_mj_m2)) {
        continue;
      }
      if (layout.radiation->special == Special::kIglob) {
        row.rs_mj_m2 = row.rs_mj_m2 * row.period_s / 1e6;  // W/m² × s = J/m²; / 1e6 → MJ/m²
      } else {
        const double hi = kIglobHi * row.period_s / 1e6;
        if (row.rs_mj_m2 > hi) {
          throw InputError({source, row.line, "rs_mj_m2"},
                           "value " + format_number(row.rs_mj_m2) + " is out of range for a " +
                               duration_text(static_cast<std::int64_t>(row.period_s)) + " period",
                           range_text(0.0, hi, "MJ/m² (1500 W/m² over the period)"));
        }
      }
    }
  }
  return series;
}

WeatherCsvSeries parse_weather_csv(std::string_view text, const std::string& source,
                                   const WeatherCsvOverrides& overrides) {
  if (detect_weather_csv_kind(text, source) == WeatherCsvKind::kDaily) {
    return parse_daily_weather_csv(text, source, overrides);
  }
  return parse_period_weather_csv(text, source, overrides);
}

DailyWeatherSeries read_daily_weather_csv(const std::string& path,
                                          const WeatherCsvOverrides& overrides) {
  return parse_daily_weather_csv(read_file(path), path, overrides);
}

PeriodWeatherSeries read_period_weather_csv(const std::string& path,
                                            const WeatherCsvOverrides& overrides) {
  return parse_period_weather_csv(read_file(path), path, overrides);
}

WeatherCsvSeries read_weather_csv(const std::string& path, const WeatherCsvOverrides& overrides) {
  return parse_weather_csv(read_file(path), path, overrides);
}

}  // namespace egin::agromet
