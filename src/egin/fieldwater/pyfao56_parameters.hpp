// Reading pyfao56 parameter files (.par): after the header block, one "value Name, description"
// line per parameter (Kcmini … CN2, see parameter_specs() for names and ranges). Lines are
// matched by name, in any order; unknown names, duplicates, missing required parameters and
// out-of-range values throw egin::InputError naming the file, line, parameter and its range.
// Reads and validates only; the model is in water_balance.hpp.
#pragma once

#include <string>
#include <string_view>

#include "egin/fieldwater/parameters.hpp"

namespace egin::fieldwater::pyfao56 {

struct ParameterFile {
  WaterBalanceParameters parameters;
  ParameterOrigin origin;  // file name and line of each parameter
  std::string comment;
};

/// Parses the text of a .par file; `source` names it in messages.
[[nodiscard]] ParameterFile parse_parameters(std::string_view text, const std::string& source);

/// Reads and parses the file at `path`.
[[nodiscard]] ParameterFile read_parameters(const std::string& path);

}  // namespace egin::fieldwater::pyfao56
