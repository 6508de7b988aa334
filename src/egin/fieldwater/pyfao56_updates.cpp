#include "egin/fieldwater/pyfao56_updates.hpp"

#include <fmt/format.h>

#include <vector>

#include "egin/fieldwater/pyfao56_text.hpp"

namespace egin::fieldwater::pyfao56 {

UpdateFile parse_updates(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Update Data");
  UpdateFile out;
  out.comment = doc.comment;
  std::size_t k = 0;
  while (k < doc.body.size() && trim(doc.body[k].text).empty()) {
    ++k;
  }
  const std::string expected_header = "a line 'Year-DOY    Kcb      h     fc'";
  if (k == doc.body.size()) {
    throw InputError({source, doc.body.empty() ? 0 : doc.body.back().number, "header"},
                     "the column header is missing", expected_header);
  }
  const TextLine& header = doc.body[k++];
  const auto names = split_fields(header.text);
  if (names.size() != 4 || names[0] != "Year-DOY" || names[1] != "Kcb" || names[2] != "h" ||
      names[3] != "fc") {
    throw InputError({source, header.number, "header"}, "unexpected column header",
                     expected_header);
  }
  std::vector<CanopyObservation> observations;
  for (; k < doc.body.size(); ++k) {
    const TextLine& line = doc.body[k];
    if (trim(line.text).empty()) {
      continue;
    }
    const auto fields = split_fields(line.text);
    if (fields.size() != 4) {
      throw InputError({source, line.number, "row"},
                       fmt::format("{} fields for 4 columns", fields.size()),
                       "Year-DOY, Kcb, h, fc (NaN where there is no update)");
    }
    CanopyObservation o;
    o.line = line.number;
    o.date = parse_year_doy(fields[0], {source, line.number, "Year-DOY"});
    if (!observations.empty() && !(observations.back().date < o.date)) {
      throw InputError({source, line.number, "Year-DOY"},
                       fmt::format("date {} does not follow {}", o.date.year_doy(),
                                   observations.back().date.year_doy()),
                       "dates in increasing order, each once");
    }
    o.kcb = parse_number(fields[1], {source, line.number, "Kcb"}, {0.0, 2.0, "", true});
    o.h_m = parse_number(fields[2], {source, line.number, "h"}, {0.0, 30.0, "m", true});
    o.fc = parse_number(fields[3], {source, line.number, "fc"}, {0.0, 1.0, "", true});
    observations.push_back(o);
  }
  out.updates = CanopyUpdates(std::move(observations));
  return out;
}

UpdateFile read_updates(const std::string& path) {
  return parse_updates(read_text_file(path), path);
}

}  // namespace egin::fieldwater::pyfao56
