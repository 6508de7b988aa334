#include "egin/fieldwater/pyfao56_output.hpp"

#include <fmt/format.h>

#include "egin/fieldwater/pyfao56_text.hpp"

namespace egin::fieldwater::pyfao56 {

namespace {

constexpr NumberRule kAnyValue{-1.0e9, 1.0e9, "", true};

bool is_calendar_column(std::string_view name) {
  return name == "Year" || name == "DOY" || name == "DOW" || name == "Date";
}

}  // namespace

const std::vector<double>* OutputFile::column(std::string_view name) const {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c] == name) {
      return &values[c];
    }
  }
  return nullptr;
}

std::optional<double> SummaryFile::find(std::string_view name) const {
  for (const auto& [key, value] : totals) {
    if (key == name) {
      return value;
    }
  }
  return std::nullopt;
}

OutputFile parse_output(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Output Data");
  OutputFile out;
  std::size_t k = 0;
  while (k < doc.body.size() && trim(doc.body[k].text).empty()) {
    ++k;
  }
  if (k == doc.body.size() || !trim(doc.body[k].text).starts_with("Year-DOY")) {
    throw InputError({source, k < doc.body.size() ? doc.body[k].number : 0, "header"},
                     "the column header is missing", "a line starting 'Year-DOY'");
  }
  const TextLine& header = doc.body[k++];
  const auto names = split_fields(header.text);
  std::vector<int> target(names.size(), -1);  // output column of each field, -1 = dropped
  for (std::size_t f = 1; f < names.size(); ++f) {
    if (is_calendar_column(names[f])) {
      continue;
    }
    for (const std::string& seen : out.columns) {
      if (seen == names[f]) {
        throw InputError({source, header.number, std::string(names[f].substr(0, 40))},
                         "column given twice", "each column once");
      }
    }
    target[f] = static_cast<int>(out.columns.size());
    out.columns.emplace_back(names[f]);
  }
  out.values.resize(out.columns.size());
  for (; k < doc.body.size(); ++k) {
    const TextLine& line = doc.body[k];
    if (trim(line.text).empty()) {
      continue;
    }
    const auto fields = split_fields(line.text);
    if (fields.size() != names.size()) {
      throw InputError({source, line.number, "row"},
                       fmt::format("{} fields for {} columns", fields.size(), names.size()),
                       "one value per column of the header");
    }
    out.dates.push_back(parse_year_doy(fields[0], {source, line.number, "Year-DOY"}));
    for (std::size_t f = 1; f < fields.size(); ++f) {
      if (target[f] >= 0) {
        out.values[static_cast<std::size_t>(target[f])].push_back(
            parse_number(fields[f], {source, line.number, std::string(names[f])}, kAnyValue));
      }
    }
  }
  return out;
}

OutputFile read_output(const std::string& path) { return parse_output(read_text_file(path), path); }

SummaryFile parse_summary(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Seasonal Water Balance Summary");
  SummaryFile out;
  for (const TextLine& line : doc.body) {
    const std::string_view t = trim(line.text);
    if (t.empty()) {
      continue;
    }
    const auto colon = t.find(':');
    if (colon == std::string_view::npos) {
      throw InputError({source, line.number, "total"}, "no ':' between value and name",
                       "'value : name', e.g. '1352.490 : ETref'");
    }
    const std::string name(trim(t.substr(colon + 1)));
    const double value =
        parse_number(trim(t.substr(0, colon)), {source, line.number, name}, kAnyValue);
    out.totals.emplace_back(name, value);
  }
  return out;
}

SummaryFile read_summary(const std::string& path) {
  return parse_summary(read_text_file(path), path);
}

}  // namespace egin::fieldwater::pyfao56
