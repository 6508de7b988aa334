#include "egin/greenhouse/controls_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/csv_number.hpp"
#include "egin/agromet/csv_records.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::greenhouse {
namespace {

struct ColumnSpec {
  std::string_view name;
  double Controls::*field;
  double lo;
  double hi;
  std::string_view unit;
};

constexpr std::string_view kShare = "(share, 0 to 1)";
constexpr std::array kColumns = {
    ColumnSpec{"boiler_frac", &Controls::boiler_frac, 0.0, 1.0, kShare},
    ColumnSpec{"grow_pipe_frac", &Controls::grow_pipe_frac, 0.0, 1.0, kShare},
    ColumnSpec{"roof_vent_frac", &Controls::roof_vent_frac, 0.0, 1.0, kShare},
    ColumnSpec{"side_vent_frac", &Controls::side_vent_frac, 0.0, 1.0, kShare},
    ColumnSpec{"thermal_screen_frac", &Controls::thermal_screen_frac, 0.0, 1.0, kShare},
    ColumnSpec{"blackout_screen_frac", &Controls::blackout_screen_frac, 0.0, 1.0, kShare},
    ColumnSpec{"shade_screen_frac", &Controls::shade_screen_frac, 0.0, 1.0, kShare},
    ColumnSpec{"whitewash_frac", &Controls::whitewash_frac, 0.0, 1.0, kShare},
    ColumnSpec{"co2_dosing_frac", &Controls::co2_dosing_frac, 0.0, 1.0, kShare},
    ColumnSpec{"lamp_frac", &Controls::lamp_frac, 0.0, 1.0, kShare},
    ColumnSpec{"interlight_frac", &Controls::interlight_frac, 0.0, 1.0, kShare},
    ColumnSpec{"air_heater_frac", &Controls::air_heater_frac, 0.0, 1.0, kShare},
    ColumnSpec{"fog_frac", &Controls::fog_frac, 0.0, 1.0, kShare},
    ColumnSpec{"pad_fan_frac", &Controls::pad_fan_frac, 0.0, 1.0, kShare},
    ColumnSpec{"forced_vent_frac", &Controls::forced_vent_frac, 0.0, 1.0, kShare},
    ColumnSpec{"t_pipe_c", &Controls::t_pipe_set_c, -30.0, 150.0, "°C"},
    ColumnSpec{"t_grow_pipe_c", &Controls::t_grow_pipe_set_c, -30.0, 150.0, "°C"},
};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) {
    return {};
  }
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> column_names() {
  std::vector<std::string> out;
  out.reserve(kColumns.size());
  for (const ColumnSpec& c : kColumns) {
    out.emplace_back(c.name);
  }
  return out;
}

}  // namespace

ControlsSeries ControlsSeries::parse(std::string_view text, const std::string& source) {
  ControlsSeries s;
  agromet::CsvRecords records(text, source);
  agromet::CsvRecord rec;
  bool have_header = false;
  std::vector<const ColumnSpec*> specs;  // per file column; nullptr for `time`
  std::size_t time_column = 0;
  Controls current;
  while (records.next(rec)) {
    if (rec.is_comment) {
      if (have_header) {
        continue;
      }
      const std::string body = trim(rec.comment);
      const auto colon = body.find(':');
      if (colon == std::string::npos) {
        continue;
      }
      const std::string key = trim(std::string_view(body).substr(0, colon));
      const std::string value = trim(std::string_view(body).substr(colon + 1));
      if (key == "interpolation") {
        if (value == "hold") {
          s.interpolation_ = ControlsInterpolation::kHold;
        } else if (value == "linear") {
          s.interpolation_ = ControlsInterpolation::kLinear;
        } else {
          throw InputError({source, rec.line, "interpolation"},
                           "unknown interpolation '" + value + "'", "hold or linear");
        }
      }
      continue;
    }
    if (!have_header) {
      have_header = true;
      bool has_time = false;
      for (std::size_t i = 0; i < rec.cells.size(); ++i) {
        const std::string name(rec.cells[i]);
        if (name == "time") {
          if (has_time) {
            throw InputError({source, rec.line, "time"}, "column given twice", "one time column");
          }
          has_time = true;
          time_column = i;
          specs.push_back(nullptr);
          continue;
        }
        const auto it = std::find_if(kColumns.begin(), kColumns.end(),
                                     [&](const ColumnSpec& c) { return c.name == name; });
        if (it == kColumns.end()) {
          throw InputError({source, rec.line, name}, "unknown column",
                           "time and any of: " + join_names(column_names()));
        }
        if (std::find(specs.begin(), specs.end(), &*it) != specs.end()) {
          throw InputError({source, rec.line, name}, "column given twice", "each column once");
        }
        specs.push_back(&*it);
        s.columns_.push_back(name);
      }
      if (!has_time) {
        throw InputError({source, rec.line, "time"}, "no time column",
                         "a header with 'time' and control columns");
      }
      continue;
    }
    if (rec.cells.size() != specs.size()) {
      throw InputError(
          {source, rec.line, ""},
          fmt::format("row has {} cells, the header {}", rec.cells.size(), specs.size()),
          "one cell per header column");
    }
    const auto t = agromet::parse_iso_time(rec.cells[time_column]);
    if (!t) {
      throw InputError({source, rec.line, "time"},
                       "'" + std::string(rec.cells[time_column]) + "' is not a time",
                       "ISO 8601 with its offset, e.g. 2025-07-01T13:00+05:00");
    }
    const double t_s = static_cast<double>(t->utc_s);
    if (!s.time_s_.empty() && t_s <= s.time_s_.back()) {
      throw InputError({source, rec.line, "time"}, "time is not after the previous row's",
                       "strictly increasing times");
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const ColumnSpec* c = specs[i];
      if (c == nullptr) {
        continue;
      }
      const agromet::CsvNumber v = agromet::parse_csv_number(rec.cells[i]);
      if (v.status == agromet::CsvNumberStatus::kAbsent) {
        continue;  // keeps the previous value
      }
      if (v.status == agromet::CsvNumberStatus::kInvalid) {
        throw InputError({source, rec.line, std::string(c->name)},
                         "'" + agromet::quote_for_message(rec.cells[i]) + "' is not a number",
                         fmt::format("{} to {} {}", c->lo, c->hi, c->unit));
      }
      if (v.value < c->lo || v.value > c->hi) {
        throw InputError({source, rec.line, std::string(c->name)},
                         fmt::format("value {} is out of range", v.value),
                         fmt::format("{} to {} {}", c->lo, c->hi, c->unit));
      }
      current.*(c->field) = v.value;
    }
    s.time_s_.push_back(t_s);
    s.rows_.push_back(current);
  }
  if (s.time_s_.empty()) {
    throw InputError({source, records.line(), "time"}, "no rows", "at least one row of controls");
  }
  return s;
}

ControlsSeries ControlsSeries::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, ""}, "cannot read the controls file", "a readable CSV file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  return parse(text, path);
}

Controls ControlsSeries::at(double t_utc_s) const {
  if (t_utc_s <= time_s_.front()) {
    return rows_.front();
  }
  if (t_utc_s >= time_s_.back()) {
    return rows_.back();
  }
  const auto it = std::upper_bound(time_s_.begin(), time_s_.end(), t_utc_s);
  const auto i = static_cast<std::size_t>(it - time_s_.begin()) - 1;
  if (interpolation_ == ControlsInterpolation::kHold) {
    return rows_[i];
  }
  const double a = (t_utc_s - time_s_[i]) / (time_s_[i + 1] - time_s_[i]);
  Controls out = rows_[i];
  for (const ColumnSpec& c : kColumns) {
    const double v0 = rows_[i].*(c.field);
    const double v1 = rows_[i + 1].*(c.field);
    if (std::isnan(v0) || std::isnan(v1)) {
      continue;
    }
    out.*(c.field) = v0 + a * (v1 - v0);
  }
  return out;
}

}  // namespace egin::greenhouse
