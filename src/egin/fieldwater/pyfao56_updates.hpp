// Reading pyfao56 update files (.upd) into canopy observations: after the header block, a column
// header "Year-DOY Kcb h fc" and one row per date with the observed basal crop coefficient
// (0..2), plant height (m, 0..30) and canopy cover (0..1); "NaN" means "no update of that
// variable that day". A bad line throws egin::InputError naming file, line, column and range.
// Reads only (the model's use of updates: water_balance.hpp).
#pragma once

#include <string>
#include <string_view>

#include "egin/fieldwater/canopy_updates.hpp"

namespace egin::fieldwater::pyfao56 {

struct UpdateFile {
  CanopyUpdates updates;
  std::string comment;
};

[[nodiscard]] UpdateFile parse_updates(std::string_view text, const std::string& source);
[[nodiscard]] UpdateFile read_updates(const std::string& path);

}  // namespace egin::fieldwater::pyfao56
