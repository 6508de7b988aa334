// Parameter validation: ranges and relations, with C++ names when not from a .par file.
#include "egin/fieldwater/parameters.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

std::string error_of(const WaterBalanceParameters& p) {
  try {
    validate_parameters(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Parameters, DefaultsAreValidAndEveryParameterHasASpec) {
  EXPECT_EQ(error_of(WaterBalanceParameters{}), "");
  EXPECT_EQ(parameter_specs().size(), ParameterOrigin{}.lines.size());
}

TEST(Parameters, RangesAndRelationsAreChecked) {
  WaterBalanceParameters p;
  p.l_dev_d = 0;
  EXPECT_NE(error_of(p).find("field 'l_dev_d': value 0 is out of range (expected an integer 1 to "
                             "366 d)"),
            std::string::npos)
      << error_of(p);
  p = {};
  p.theta_wp_m3_m3 = 0.3;
  EXPECT_NE(error_of(p).find("field 'theta_wp_m3_m3'"), std::string::npos);
  p = {};
  p.theta0_m3_m3 = 0.3;
  EXPECT_NE(error_of(p).find("'theta0_m3_m3': initial water content"), std::string::npos);
  p = {};
  p.zr_ini_m = 2.0;
  EXPECT_NE(error_of(p).find("'zr_ini_m'"), std::string::npos);
  p = {};
  p.kcb_mid = 0.1;
  EXPECT_NE(error_of(p).find("'kcb_mid'"), std::string::npos);
  p = {};
  p.rew_mm = 25.0;  // TEW = 1000 (0.25 − 0.05) 0.1 = 20 mm
  EXPECT_NE(error_of(p).find("REW 25 mm is not below TEW 20.000 mm"), std::string::npos)
      << error_of(p);
  p = {};
  p.kcm_mid = 1.1;  // one single-Kc value without the others
  EXPECT_NE(error_of(p).find("'kcm_ini': missing while other single-Kc values are given"),
            std::string::npos)
      << error_of(p);
  p.kcm_ini = 0.4;
  p.kcm_end = 0.5;
  EXPECT_EQ(error_of(p), "");
  EXPECT_TRUE(p.has_single_kc());
}

TEST(Parameters, TotalEvaporableWaterFollowsEquation73) {
  WaterBalanceParameters p;
  p.theta_fc_m3_m3 = 0.225;
  p.theta_wp_m3_m3 = 0.1;
  p.ze_m = 0.1143;
  EXPECT_NEAR(total_evaporable_water_mm(p), 20.0025, 1e-9);
}

}  // namespace
}  // namespace egin::fieldwater
