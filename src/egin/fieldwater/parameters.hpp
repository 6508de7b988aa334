// WaterBalanceParameters: the crop and soil constants of the FAO-56 field water balance (dual and
// single crop coefficient), one plain struct with units in the names, and their validation.
// It holds numbers and their accepted ranges only: no file format (pyfao56_parameters reads .par
// files), no weather, no state.
//
// | field               | meaning                                          | unit  | source      |
// |---------------------|--------------------------------------------------|-------|-------------|
// | kcm_ini/mid/end     | single crop coefficient, initial/mid/end stage   | -     | FAO-56 T.12 |
// | kcb_ini/mid/end     | basal crop coefficient, initial/mid/end stage    | -     | FAO-56 T.17 |
// | l_ini/dev/mid/end_d | lengths of the four growth stages                | d     | FAO-56 T.11 |
// | h_ini_m, h_max_m    | plant height at the start, its maximum           | m     | FAO-56 T.12 |
// | theta_fc_m3_m3      | volumetric water content at field capacity       | m3/m3 | FAO-56 T.19 |
// | theta_wp_m3_m3      | volumetric water content at wilting point        | m3/m3 | FAO-56 T.19 |
// | theta0_m3_m3        | initial volumetric water content, root zone      | m3/m3 |             |
// | zr_ini_m, zr_max_m  | rooting depth at the start, its maximum          | m     | FAO-56 T.22 |
// | p_base              | depletion fraction without stress at ETc = 5 mm  | -     | FAO-56 T.22 |
// | ze_m                | depth of the surface (evaporation) layer         | m     | FAO-56 p144 |
// | rew_mm              | readily evaporable water (stage 1 evaporation)   | mm    | FAO-56 T.19 |
// | cn2                 | runoff curve number, average moisture (AMC II)   | -     | ASCE MOP 70 |
//
// (ASCE MOP 70 = ASCE Manual 70, 2nd ed., 2016, Table 14-3.)
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>

#include "egin/agromet/weather.hpp"

namespace egin::fieldwater {

struct WaterBalanceParameters {
  double kcm_ini = agromet::kMissing;  // single Kc; may stay missing when single Kc is not used
  double kcm_mid = agromet::kMissing;
  double kcm_end = agromet::kMissing;
  double kcb_ini = 0.15;
  double kcb_mid = 1.10;
  double kcb_end = 0.50;
  int l_ini_d = 25;
  int l_dev_d = 50;
  int l_mid_d = 50;
  int l_end_d = 25;
  double h_ini_m = 0.05;
  double h_max_m = 1.20;
  double theta_fc_m3_m3 = 0.250;
  double theta_wp_m3_m3 = 0.100;
  double theta0_m3_m3 = 0.100;
  double zr_ini_m = 0.20;
  double zr_max_m = 1.40;
  double p_base = 0.50;
  double ze_m = 0.10;
  double rew_mm = 8.0;
  double cn2 = 70.0;

  [[nodiscard]] bool has_single_kc() const {
    return !agromet::is_missing(kcm_ini) && !agromet::is_missing(kcm_mid) &&
           !agromet::is_missing(kcm_end);
  }
};

/// One parameter's name in C++ and in pyfao56 .par files, its accepted range and unit.
struct ParameterSpec {
  const char* name;          // the C++ member, e.g. "theta_fc_m3_m3"
  const char* pyfao56_name;  // the .par name, e.g. "thetaFC"
  double min;
  double max;
  const char* unit;
  bool integer;   // stage lengths
  bool optional;  // may be missing (the single-Kc set)
  double WaterBalanceParameters::*member_double;
  int WaterBalanceParameters::*member_int;
};

/// Every parameter, in pyfao56 .par order.
std::span<const ParameterSpec> parameter_specs();

/// The value of `spec` in `p` as a double.
double parameter_value(const WaterBalanceParameters& p, const ParameterSpec& spec);

/// Where each parameter came from, for messages: `source` (a file name) and the line of each
/// parameter, indexed like parameter_specs() (0 = unknown).
struct ParameterOrigin {
  std::string source;
  std::array<int, 21> lines{};
  bool pyfao56_names =
      false;  // name parameters as the .par file does (thetaFC, not theta_fc_m3_m3)
};

/// Checks every range and the relations between parameters (θwp < θfc, θ0 ≤ θfc,
/// zr_ini ≤ zr_max, h_ini ≤ h_max, kcb_mid > kcb_ini, REW < TEW from FAO-56 Eq. 73); throws
/// egin::InputError naming the parameter, its line when known, and the accepted range.
void validate_parameters(const WaterBalanceParameters& p, const ParameterOrigin& origin = {});

/// Total evaporable water of the surface layer: TEW = 1000 (θfc − 0.5 θwp) Ze, mm
/// (FAO-56 Eq. 73).
[[nodiscard]] double total_evaporable_water_mm(const WaterBalanceParameters& p);

}  // namespace egin::fieldwater
