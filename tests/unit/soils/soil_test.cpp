#include "egin/soils/soil.hpp"

#include <gtest/gtest.h>

namespace egin::soils {
namespace {

// FAO-56 Eq. 73 spot value EQ-TEW (reference/fao56_examples/fao56_equation_spot_values.csv):
// θFC 0.225, θWP 0.100, Ze 0.10 m -> 17.5 mm.
TEST(TotalEvaporableWater, SpotValueEqTew) {
  EXPECT_NEAR(total_evaporable_water_mm(0.225, 0.100, 0.10), 17.5, 1e-12);
}

TEST(TotalEvaporableWater, ScalesWithLayerDepth) {
  Soil s;
  s.theta_fc_m3_m3 = 0.25;
  s.theta_wp_m3_m3 = 0.12;
  s.ze_m = 0.10;
  EXPECT_NEAR(s.tew_mm(), 19.0, 1e-12);  // 1000 (0.25 - 0.06) 0.10
  EXPECT_NEAR(s.tew_mm(0.15), 1.5 * s.tew_mm(), 1e-12);
}

}  // namespace
}  // namespace egin::soils
