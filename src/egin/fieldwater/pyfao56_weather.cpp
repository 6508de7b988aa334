#include "egin/fieldwater/pyfao56_weather.hpp"

#include <fmt/format.h>

#include <array>

#include "egin/fieldwater/pyfao56_text.hpp"

namespace egin::fieldwater::pyfao56 {

namespace {

using agromet::DailyWeather;

struct ColumnSpec {
  const char* name;
  NumberRule rule;
  double DailyWeather::*member;  // nullptr for MorP
};

constexpr std::array<ColumnSpec, 11> kColumns{{
    {"Srad", {0.0, 50.0, "MJ/m2", true}, &DailyWeather::rs_mj_m2},
    {"Tmax", {-60.0, 65.0, "degC", true}, &DailyWeather::tmax_c},
    {"Tmin", {-60.0, 65.0, "degC", true}, &DailyWeather::tmin_c},
    {"Vapr", {0.0, 10.0, "kPa", true}, &DailyWeather::ea_kpa},
    {"Tdew", {-80.0, 50.0, "degC", true}, &DailyWeather::tdew_c},
    {"RHmax", {0.0, 100.0, "%", true}, &DailyWeather::rh_max_pct},
    {"RHmin", {0.0, 100.0, "%", true}, &DailyWeather::rh_min_pct},
    {"Wndsp", {0.0, 60.0, "m/s", true}, &DailyWeather::wind_m_s},
    {"Rain", {0.0, 1000.0, "mm", true}, &DailyWeather::precip_mm},
    {"ETref", {0.0, 30.0, "mm", true}, &DailyWeather::et0_mm},
    {"MorP", {0, 0, "", true}, nullptr},
}};

std::string column_names() {
  std::string s = "Year-DOY";
  for (const ColumnSpec& c : kColumns) {
    s += ' ';
    s += c.name;
  }
  return s;
}

}  // namespace

WeatherFile parse_weather(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Weather Data");
  WeatherFile out;
  out.comment = doc.comment;
  out.series.source = source;
  std::size_t k = 0;
  const auto next_nonblank = [&]() -> const TextLine* {
    while (k < doc.body.size() && trim(doc.body[k].text).empty()) {
      ++k;
    }
    return k < doc.body.size() ? &doc.body[k++] : nullptr;
  };
  const int last_line = doc.body.empty() ? 0 : doc.body.back().number;

  // Site block: four "value description" lines.
  struct SiteLine {
    const char* field;
    const char* expected;
  };
  const std::array<SiteLine, 4> site_lines{{
      {"reference crop", "'S' (short, grass) or 'T' (tall, alfalfa) and a description"},
      {"elevation", "the station elevation in m and a description"},
      {"latitude", "the station latitude in decimal degrees and a description"},
      {"wind height", "the wind measurement height in m and a description"},
  }};
  for (std::size_t s = 0; s < site_lines.size(); ++s) {
    const TextLine* line = next_nonblank();
    if (line == nullptr) {
      throw InputError({source, last_line, site_lines[s].field}, "the site block is incomplete",
                       site_lines[s].expected);
    }
    const auto fields = split_fields(line->text);
    const InputLocation where{source, line->number, site_lines[s].field};
    if (fields.size() < 2) {
      throw InputError(where, "a value and a description are needed", site_lines[s].expected);
    }
    switch (s) {
      case 0:
        if (fields[0] == "S") {
          out.reference = ReferenceCrop::kShort;
        } else if (fields[0] == "T") {
          out.reference = ReferenceCrop::kTall;
        } else {
          throw InputError(where, "unknown reference crop", "S or T");
        }
        break;
      case 1:
        out.series.site.elevation_m = parse_number(fields[0], where, {-500.0, 9000.0, "m", false});
        break;
      case 2:
        out.series.site.latitude_deg =
            parse_number(fields[0], where, {-90.0, 90.0, "degrees", false});
        break;
      default:
        // FAO-56 Eq. 47 needs z > 0.1 m; below 0.5 m no station measures wind.
        out.series.site.wind_height_m = parse_number(fields[0], where, {0.5, 100.0, "m", false});
        break;
    }
  }

  // "Daily weather data:" (optional) then the column header.
  const TextLine* header = next_nonblank();
  if (header != nullptr && trim(header->text).starts_with("Daily weather data")) {
    header = next_nonblank();
  }
  if (header == nullptr || !trim(header->text).starts_with("Year-DOY")) {
    throw InputError({source, header != nullptr ? header->number : last_line, "header"},
                     "the column header is missing", "a line '" + column_names() + "'");
  }
  const auto names = split_fields(header->text);
  std::vector<const ColumnSpec*> columns;  // per field after Year-DOY
  for (std::size_t c = 1; c < names.size(); ++c) {
    const ColumnSpec* spec = nullptr;
    for (const ColumnSpec& cs : kColumns) {
      if (names[c] == cs.name) {
        spec = &cs;
      }
    }
    if (spec == nullptr) {
      throw InputError({source, header->number, std::string(names[c].substr(0, 40))},
                       "unknown column", "columns of '" + column_names() + "'");
    }
    for (const ColumnSpec* seen : columns) {
      if (seen == spec) {
        throw InputError({source, header->number, spec->name}, "column given twice",
                         "each column once");
      }
    }
    columns.push_back(spec);
  }

  for (; k < doc.body.size(); ++k) {
    const TextLine& line = doc.body[k];
    if (trim(line.text).empty()) {
      continue;
    }
    const auto fields = split_fields(line.text);
    if (fields.size() != names.size()) {
      throw InputError({source, line.number, "row"},
                       fmt::format("{} fields for {} columns", fields.size(), names.size()),
                       "one value per column of the header (NaN if missing)");
    }
    DailyWeather day;
    day.line = line.number;
    day.date = parse_year_doy(fields[0], {source, line.number, "Year-DOY"});
    if (!out.series.days.empty() && !(out.series.days.back().date < day.date)) {
      throw InputError({source, line.number, "Year-DOY"},
                       fmt::format("date {} does not follow {}", day.date.year_doy(),
                                   out.series.days.back().date.year_doy()),
                       "dates in increasing order, each once");
    }
    bool predicted = false;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const ColumnSpec& spec = *columns[c];
      const std::string_view token = fields[c + 1];
      const InputLocation where{source, line.number, spec.name};
      if (spec.member == nullptr) {
        if (token == "P") {
          predicted = true;
        } else if (token != "M" && token != "NaN") {
          throw InputError(where, "unknown value", "M (measured) or P (predicted)");
        }
      } else {
        day.*spec.member = parse_number(token, where, spec.rule);
      }
    }
    out.series.days.push_back(day);
    out.predicted.push_back(predicted);
  }
  return out;
}

WeatherFile read_weather(const std::string& path) {
  return parse_weather(read_text_file(path), path);
}

}  // namespace egin::fieldwater::pyfao56
