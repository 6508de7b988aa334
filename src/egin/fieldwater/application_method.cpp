#include "egin/fieldwater/application_method.hpp"

#include <array>
#include <cctype>
#include <string>

namespace egin::fieldwater {

namespace {

constexpr const char* kFaoManual4 =
    "FAO Irrigation Water Management Training Manual No. 4 (Brouwer, Prins, Heibloem 1989): "
    "field application efficiency";

constexpr std::array<ApplicationMethodInfo, 9> kMethods{{
    {ApplicationMethod::kFurrow, "furrow", "furrow, every furrow, narrow bed", 0.8,
     "FAO-56 Table 20: furrow (every furrow), narrow bed 0.6-1.0 (midpoint)", 60.0, kFaoManual4},
    {ApplicationMethod::kFurrowWideBed, "furrow-wide-bed", "furrow, every furrow, wide bed", 0.5,
     "FAO-56 Table 20: furrow (every furrow), wide bed 0.4-0.6 (midpoint)", 60.0, kFaoManual4},
    {ApplicationMethod::kFurrowAlternate, "furrow-alternate", "furrow, alternate furrows", 0.4,
     "FAO-56 Table 20: furrow (alternated furrows) 0.3-0.5 (midpoint)", 60.0, kFaoManual4},
    {ApplicationMethod::kBasin, "basin", "basin (check) irrigation", 1.0,
     "FAO-56 Table 20: basin 1.0", 60.0, kFaoManual4},
    {ApplicationMethod::kBorder, "border", "border (strip) irrigation", 1.0,
     "FAO-56 Table 20: border 1.0", 60.0, kFaoManual4},
    {ApplicationMethod::kSprinkler, "sprinkler", "sprinkler, field crops", 1.0,
     "FAO-56 Table 20: sprinkler irrigation, field crops 1.0", 75.0, kFaoManual4},
    {ApplicationMethod::kSprinklerOrchard, "sprinkler-orchard", "sprinkler, orchards", 0.85,
     "FAO-56 Table 20: sprinkler irrigation, orchards 0.7-1.0 (midpoint)", 75.0, kFaoManual4},
    {ApplicationMethod::kMicroSprinkler, "micro-sprinkler", "micro-sprinkler (micro-spray)", 0.5,
     "not in FAO-56 Table 20: egin's estimate between trickle (0.3-0.4) and sprinkler (1.0)", 85.0,
     "no FAO figure: egin's estimate between FAO's sprinkler 75 % and drip 90 %"},
    {ApplicationMethod::kDrip, "drip", "drip (trickle)", 0.35,
     "FAO-56 Table 20: trickle (drip) irrigation 0.3-0.4 (midpoint)", 90.0, kFaoManual4},
}};

// Lower case without '-', '_' and spaces: "Micro_Sprinkler" → "microsprinkler".
std::string squash(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '\t') {
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::span<const ApplicationMethodInfo> application_methods() { return kMethods; }

const ApplicationMethodInfo& application_method_info(ApplicationMethod method) {
  for (const ApplicationMethodInfo& m : kMethods) {
    if (m.method == method) {
      return m;
    }
  }
  return kMethods.front();  // unreachable: every enumerator has an entry
}

const ApplicationMethodInfo* find_application_method(std::string_view name) {
  const std::string key = squash(name);
  if (key == "trickle") {
    return &application_method_info(ApplicationMethod::kDrip);
  }
  if (key == "micro" || key == "microspray") {
    return &application_method_info(ApplicationMethod::kMicroSprinkler);
  }
  for (const ApplicationMethodInfo& m : kMethods) {
    if (squash(m.name) == key) {
      return &m;
    }
  }
  return nullptr;
}

std::string application_method_names() {
  std::string out;
  for (const ApplicationMethodInfo& m : kMethods) {
    if (!out.empty()) {
      out += ", ";
    }
    out += m.name;
  }
  return out;
}

double gross_depth_mm(double net_mm, double efficiency_pct) {
  return net_mm / (efficiency_pct / 100.0);
}

double net_depth_mm(double gross_mm, double efficiency_pct) {
  return gross_mm * efficiency_pct / 100.0;
}

double volume_m3(double depth_mm, double area_ha) {
  // 1 mm = 0.001 m over 10 000 m² = 10 m³.
  return depth_mm * 10.0 * area_ha;
}

}  // namespace egin::fieldwater
