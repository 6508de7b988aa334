// Reading pyfao56 irrigation files (.irr) into recorded irrigation events: after the header block,
// a column header "Year-DOY Depth fw IrrEff" (IrrEff may be absent in files older than pyfao56
// 1.3: then 100 %) and one row per event — gross depth (mm, 0..1000), fraction wetted fw
// (0 < fw ≤ 1, FAO-56 Table 20), application efficiency (%, 0 < eff ≤ 100). A bad line throws
// egin::InputError naming file, line, column and range. Reads only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "egin/fieldwater/irrigation_source.hpp"

namespace egin::fieldwater::pyfao56 {

struct IrrigationFile {
  std::vector<IrrigationEvent> events;  // strictly increasing dates
  std::string comment;
};

[[nodiscard]] IrrigationFile parse_irrigation(std::string_view text, const std::string& source);
[[nodiscard]] IrrigationFile read_irrigation(const std::string& path);

}  // namespace egin::fieldwater::pyfao56
