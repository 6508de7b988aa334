#include "egin/fieldwater/pyfao56_parameters.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "egin/fieldwater/pyfao56_text.hpp"

namespace egin::fieldwater::pyfao56 {

namespace {

std::string known_names() {
  std::string names;
  for (const ParameterSpec& s : parameter_specs()) {
    if (!names.empty()) {
      names += ", ";
    }
    names += s.pyfao56_name;
  }
  return names;
}

}  // namespace

ParameterFile parse_parameters(std::string_view text, const std::string& source) {
  const Document doc = split_document(text, source, "Parameter Data");
  const auto specs = parameter_specs();
  ParameterFile out;
  out.origin.source = source;
  out.origin.pyfao56_names = true;
  out.comment = doc.comment;
  WaterBalanceParameters& p = out.parameters;
  for (const ParameterSpec& s : specs) {  // every parameter starts missing
    if (s.member_double != nullptr) {
      p.*s.member_double = std::numeric_limits<double>::quiet_NaN();
    } else {
      p.*s.member_int = 0;
    }
  }
  for (const TextLine& line : doc.body) {
    const std::string_view t = trim(line.text);
    if (t.empty()) {
      continue;
    }
    const auto fields = split_fields(t);
    if (fields.size() < 2) {
      throw InputError({source, line.number, "parameter"},
                       "a parameter line needs a value and a name",
                       "'value Name, description', e.g. '   0.1500 Kcbini, Kcb Initial'");
    }
    std::string_view name = fields[1];
    if (const auto comma = name.find(','); comma != std::string_view::npos) {
      name = name.substr(0, comma);
    }
    std::size_t index = specs.size();
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (name == specs[i].pyfao56_name) {
        index = i;
      }
    }
    if (index == specs.size()) {
      throw InputError({source, line.number, std::string(name.substr(0, 40))},
                       "unknown parameter name", "one of " + known_names());
    }
    const ParameterSpec& s = specs[index];
    if (out.origin.lines[index] != 0) {
      throw InputError({source, line.number, s.pyfao56_name},
                       fmt::format("given twice (first on line {})", out.origin.lines[index]),
                       "each parameter once");
    }
    out.origin.lines[index] = line.number;
    const InputLocation where{source, line.number, s.pyfao56_name};
    if (s.integer) {
      p.*s.member_int =
          parse_integer(fields[0], where, static_cast<int>(s.min), static_cast<int>(s.max), s.unit);
    } else {
      p.*s.member_double = parse_number(fields[0], where, {s.min, s.max, s.unit, false});
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const ParameterSpec& s = specs[i];
    if (out.origin.lines[i] == 0 && !s.optional) {
      throw InputError(
          {source, 0, s.pyfao56_name}, "required parameter is missing",
          fmt::format("a line 'value {}, …' with {} to {}", s.pyfao56_name, s.min, s.max));
    }
  }
  validate_parameters(p, out.origin);
  return out;
}

ParameterFile read_parameters(const std::string& path) {
  return parse_parameters(read_text_file(path), path);
}

}  // namespace egin::fieldwater::pyfao56
