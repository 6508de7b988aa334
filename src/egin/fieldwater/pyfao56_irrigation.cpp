#include "egin/fieldwater/pyfao56_irrigation.hpp"

#include <fmt/format.h>

#include "egin/fieldwater/pyfao56_text.hpp"

namespace egin::fieldwater::pyfao56 {

IrrigationFile parse_irrigation(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Irrigation Data");
  IrrigationFile out;
  out.comment = doc.comment;
  std::size_t k = 0;
  while (k < doc.body.size() && trim(doc.body[k].text).empty()) {
    ++k;
  }
  const std::string expected_header = "a line 'Year-DOY  Depth     fw IrrEff'";
  if (k == doc.body.size()) {
    throw InputError({source, doc.body.empty() ? 0 : doc.body.back().number, "header"},
                     "the column header is missing", expected_header);
  }
  const TextLine& header = doc.body[k++];
  const auto names = split_fields(header.text);
  const bool with_efficiency = names.size() == 4 && names[3] == "IrrEff";
  if (names.size() < 3 || names[0] != "Year-DOY" || names[1] != "Depth" || names[2] != "fw" ||
      (names.size() == 4 && !with_efficiency) || names.size() > 4) {
    throw InputError({source, header.number, "header"}, "unexpected column header",
                     expected_header);
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
                       "Year-DOY, Depth, fw" + std::string(with_efficiency ? ", IrrEff" : ""));
    }
    IrrigationEvent e;
    e.line = line.number;
    e.date = parse_year_doy(fields[0], {source, line.number, "Year-DOY"});
    if (!out.events.empty() && !(out.events.back().date < e.date)) {
      throw InputError({source, line.number, "Year-DOY"},
                       fmt::format("date {} does not follow {}", e.date.year_doy(),
                                   out.events.back().date.year_doy()),
                       "dates in increasing order, each once");
    }
    e.depth_mm =
        parse_number(fields[1], {source, line.number, "Depth"}, {0.0, 1000.0, "mm", false});
    e.fw = parse_number(fields[2], {source, line.number, "fw"}, {0.01, 1.0, "", false});
    if (with_efficiency) {
      e.efficiency_pct =
          parse_number(fields[3], {source, line.number, "IrrEff"}, {1.0, 100.0, "%", false});
    }
    out.events.push_back(e);
  }
  return out;
}

IrrigationFile read_irrigation(const std::string& path) {
  return parse_irrigation(read_text_file(path), path);
}

}  // namespace egin::fieldwater::pyfao56
