// Crop-side FAO-56 equations: stage curves (Eq. 66), climate adjustment (Eqs. 62/70), Kcmax
// (Eq. 72), canopy cover (Eq. 76), height and root depth from Kcb.
#include "egin/fieldwater/crop_coefficients.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace egin::fieldwater {
namespace {

// Cotton, Maricopa 2013 (pyfao56 test01): Lini 31, Ldev 52, Lmid 50, Lend 21.
WaterBalanceParameters cotton() {
  WaterBalanceParameters p;
  p.kcb_ini = 0.15;
  p.kcb_mid = 1.20;
  p.kcb_end = 0.573;
  p.l_ini_d = 31;
  p.l_dev_d = 52;
  p.l_mid_d = 50;
  p.l_end_d = 21;
  p.h_ini_m = 0.05;
  p.h_max_m = 1.2;
  p.zr_ini_m = 0.6;
  p.zr_max_m = 1.7;
  return p;
}

TEST(GrowthStage, BoundariesAreInclusiveAtTheStageEnd) {
  const auto p = cotton();
  EXPECT_EQ(growth_stage(p, 0), GrowthStage::kInitial);
  EXPECT_EQ(growth_stage(p, 31), GrowthStage::kInitial);
  EXPECT_EQ(growth_stage(p, 32), GrowthStage::kDevelopment);
  EXPECT_EQ(growth_stage(p, 83), GrowthStage::kDevelopment);
  EXPECT_EQ(growth_stage(p, 84), GrowthStage::kMid);
  EXPECT_EQ(growth_stage(p, 133), GrowthStage::kMid);
  EXPECT_EQ(growth_stage(p, 134), GrowthStage::kLate);
  EXPECT_EQ(growth_stage(p, 154), GrowthStage::kLate);
  EXPECT_EQ(growth_stage(p, 155), GrowthStage::kAfter);
}

TEST(StageCurve, StepsGiveTheFao56Trapezoid) {
  const auto p = cotton();
  double kcb = p.kcb_ini;
  for (int i = 0; i <= 160; ++i) {
    kcb = next_stage_curve_value(kcb, p.kcb_ini, p.kcb_mid, p.kcb_end, p, i);
    // FAO-56 Eq. 66 in closed form.
    double expected = p.kcb_ini;
    if (i > 31 && i <= 83) {
      expected = p.kcb_ini + (i - 31) * (p.kcb_mid - p.kcb_ini) / 52.0;
    } else if (i > 83 && i <= 133) {
      expected = p.kcb_mid;
    } else if (i > 133 && i <= 154) {
      expected = p.kcb_mid + (i - 133) * (p.kcb_end - p.kcb_mid) / 21.0;
    } else if (i > 154) {
      expected = p.kcb_end;
    }
    ASSERT_NEAR(kcb, expected, 1e-12) << "day " << i;
  }
  // pyfao56 2013 output: day index 32 (2013-145) Kcb 0.170, index 134 (2013-247) 1.170.
  EXPECT_NEAR(next_stage_curve_value(0.15, 0.15, 1.2, 0.573, p, 32), 0.170, 0.0005);
  EXPECT_NEAR(next_stage_curve_value(1.2, 0.15, 1.2, 0.573, p, 134), 1.170, 0.0005);
}

TEST(StageCurve, ContinuesFromAnObservationWithTheStageSlope) {
  const auto p = cotton();
  const double slope = (p.kcb_mid - p.kcb_ini) / p.l_dev_d;
  EXPECT_NEAR(next_stage_curve_value(0.5, p.kcb_ini, p.kcb_mid, p.kcb_end, p, 40), 0.5 + slope,
              1e-12);
  // Mid-season resets to the table value whatever came before.
  EXPECT_DOUBLE_EQ(next_stage_curve_value(0.5, p.kcb_ini, p.kcb_mid, p.kcb_end, p, 100), 1.2);
}

TEST(ClimateAdjustment, IsZeroAtTheFao56StandardClimate) {
  EXPECT_NEAR(climate_adjustment(2.0, 45.0, 1.0), 0.0, 1e-15);
}

TEST(ClimateAdjustment, MatchesEquation70ByHand) {
  // u2 4 m/s, RHmin 25 %, h 3 m: 0.04·2 + 0.004·20 = 0.16, (3/3)^0.3 = 1.
  EXPECT_NEAR(climate_adjustment(4.0, 25.0, 3.0), 0.16, 1e-12);
  // h 0.3 m scales by 0.1^0.3 = 0.50119.
  EXPECT_NEAR(climate_adjustment(4.0, 25.0, 0.3), 0.16 * 0.501187, 1e-6);
  // u2 and RHmin are limited to 1..6 m/s and 20..80 %.
  EXPECT_DOUBLE_EQ(climate_adjustment(10.0, 5.0, 3.0), climate_adjustment(6.0, 20.0, 3.0));
  EXPECT_DOUBLE_EQ(climate_adjustment(0.2, 99.0, 3.0), climate_adjustment(1.0, 80.0, 3.0));
}

TEST(ClimateAdjustment, WeightPhasesInAndOut) {
  const auto p = cotton();
  EXPECT_DOUBLE_EQ(climate_adjustment_weight(p, 10, 0.573), 0.0);
  EXPECT_NEAR(climate_adjustment_weight(p, 31 + 26, 0.573), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(climate_adjustment_weight(p, 100, 0.573), 1.0);
  EXPECT_DOUBLE_EQ(climate_adjustment_weight(p, 200, 0.573), 1.0);  // Kcb end ≥ 0.45
  EXPECT_DOUBLE_EQ(climate_adjustment_weight(p, 200, 0.35), 0.0);   // Kcb end < 0.45
  EXPECT_NEAR(climate_adjustment_weight(p, 133 + 7, 0.35), 2.0 / 3.0, 1e-12);
}

TEST(KcMax, FollowsEquation72) {
  // Standard climate: 1.2; the Kcb + 0.05 floor wins for tall dense crops.
  EXPECT_NEAR(kc_max(0.5, 1.0, 2.0, 45.0, ReferenceCrop::kShort), 1.2, 1e-12);
  EXPECT_NEAR(kc_max(1.2, 1.0, 2.0, 45.0, ReferenceCrop::kShort), 1.25, 1e-12);
  EXPECT_NEAR(kc_max(0.5, 3.0, 4.0, 25.0, ReferenceCrop::kShort), 1.36, 1e-12);
  EXPECT_NEAR(kc_max(0.5, 3.0, 4.0, 25.0, ReferenceCrop::kTall), 1.0, 1e-12);
  EXPECT_NEAR(kc_max(1.1, 3.0, 4.0, 25.0, ReferenceCrop::kTall), 1.15, 1e-12);
}

TEST(CanopyCover, FollowsEquation76) {
  EXPECT_DOUBLE_EQ(canopy_cover_fraction(0.15, 0.15, 1.2, 0.05), 0.0);
  // ((0.8 − 0.15)/(1.25 − 0.15))^(1 + 0.5·1) = 0.590909^1.5 = 0.454236
  EXPECT_NEAR(canopy_cover_fraction(0.8, 0.15, 1.25, 1.0), 0.454236, 1e-6);
  EXPECT_DOUBLE_EQ(canopy_cover_fraction(1.25, 0.15, 1.25, 1.0), 0.99);  // limited to 0.99
  EXPECT_DOUBLE_EQ(canopy_cover_fraction(0.10, 0.15, 1.25, 1.0), 0.0);   // Kcb below Kcb ini
}

TEST(HeightAndRoots, GrowWithKcbAndNeverShrink) {
  const auto p = cotton();
  EXPECT_NEAR(plant_height_m(p, 0.675, 0.0), 0.05 + 1.15 * 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(plant_height_m(p, 1.2, 0.0), 1.2);
  EXPECT_DOUBLE_EQ(plant_height_m(p, 0.6, 1.2), 1.2);  // late season: keeps the maximum
  EXPECT_NEAR(root_depth_m(p, 0.675, 0.0), 0.6 + 1.1 * 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(root_depth_m(p, 0.573, 1.7), 1.7);
}

}  // namespace
}  // namespace egin::fieldwater
