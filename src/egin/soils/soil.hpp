// Soil: one soil texture class's water-holding and surface-evaporation parameters as loaded from
// data/soils/<texture>.toml (FAO-56 Table 19), its default evaporation layer depth and its
// runoff curve number, each group with its source; and FAO-56 Eq. 73 (TEW). It holds data only:
// no file parsing (soil_toml.hpp), no lookup by name (soil_library.hpp), no water balance.
//
// | member                          | meaning                                  | unit  | source       |
// |---------------------------------|------------------------------------------|-------|--------------|
// | theta_fc_m3_m3 (+ low/high)     | water content at field capacity          | m3/m3 | FAO-56 T. 19 |
// | theta_wp_m3_m3 (+ low/high)     | water content at wilting point           | m3/m3 | FAO-56 T. 19 |
// | awc_low/high_m3_m3              | published range of θFC − θWP             | m3/m3 | FAO-56 T. 19 |
// | rew_mm (+ low/high)             | readily evaporable water                 | mm    | FAO-56 T. 19 |
// | tew_low/high_mm                 | published TEW range for Ze = 0.10 m      | mm    | FAO-56 T. 19 |
// | ze_m                            | depth of the surface evaporation layer   | m     | FAO-56 p. 144|
// | hydrologic_soil_group, cn2      | SCS group and curve number (AMC II)      | -     | TR-55        |
// The single values theta_fc_m3_m3, theta_wp_m3_m3 and rew_mm are the midpoints of FAO's ranges.
#pragma once

#include <string>
#include <vector>

namespace egin::soils {

/// Total evaporable water of the surface layer, FAO-56 Eq. 73:
///   TEW = 1000 (θFC − 0.5 θWP) Ze   [mm; θ in m3/m3, Ze in m]
[[nodiscard]] double total_evaporable_water_mm(double theta_fc_m3_m3, double theta_wp_m3_m3,
                                               double ze_m);

struct Soil {
  std::string name;  // the texture class as in the file, e.g. "silty_clay_loam"
  std::vector<std::string> aliases;
  std::string description;
  std::string source_file;

  double theta_fc_m3_m3 = 0.0;
  double theta_fc_low_m3_m3 = 0.0;
  double theta_fc_high_m3_m3 = 0.0;
  double theta_wp_m3_m3 = 0.0;
  double theta_wp_low_m3_m3 = 0.0;
  double theta_wp_high_m3_m3 = 0.0;
  double awc_low_m3_m3 = 0.0;
  double awc_high_m3_m3 = 0.0;
  std::string water_source;

  double rew_mm = 0.0;
  double rew_low_mm = 0.0;
  double rew_high_mm = 0.0;
  double tew_low_mm = 0.0;   // as published for Ze = 0.10 m
  double tew_high_mm = 0.0;  // as published for Ze = 0.10 m
  std::string evaporation_source;
  double ze_m = 0.10;
  std::string ze_source;

  char hydrologic_soil_group = 'B';  // 'A'..'D'
  double cn2 = 0.0;
  std::string runoff_source;

  /// TEW (FAO-56 Eq. 73) from the mid θFC, θWP and this soil's Ze.
  [[nodiscard]] double tew_mm() const {
    return total_evaporable_water_mm(theta_fc_m3_m3, theta_wp_m3_m3, ze_m);
  }
  /// The same for another layer depth `ze_m` (FAO-56 suggests 0.10-0.15 m).
  [[nodiscard]] double tew_mm(double layer_ze_m) const {
    return total_evaporable_water_mm(theta_fc_m3_m3, theta_wp_m3_m3, layer_ze_m);
  }
};

}  // namespace egin::soils
