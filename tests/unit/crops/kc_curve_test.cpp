#include "egin/crops/kc_curve.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/core/input_error.hpp"

namespace egin::crops {
namespace {

// FAO-56 Eq. 66 spot value EQ-KCDEV (reference/fao56_examples/fao56_equation_spot_values.csv):
// L_ini 30, L_dev 50, day 45, Kcb_ini 0.15, Kcb_mid 1.2 -> 0.465.
TEST(KcCurve, DevelopmentStageSpotValueEqKcdev) {
  const StageLengths l{30, 50, 40, 30};
  const StageCoefficients kcb{0.15, 1.2, 0.5};
  EXPECT_NEAR(coefficient_on_day(l, kcb, 45.0), 0.465, 1e-12);
  EXPECT_EQ(growth_stage(l, 45.0), GrowthStage::kDevelopment);
}

// Cotton, FAO-56 Table 11 (Egypt; Pakistan; Calif.: 30/50/60/55) with Table 17 midpoints.
class CottonCurve : public ::testing::Test {
 protected:
  StageLengths l{30, 50, 60, 55};
  StageCoefficients kcb{0.15, 1.125, 0.45};
};

TEST_F(CottonCurve, StageBoundariesTakeTheTabulatedValues) {
  EXPECT_DOUBLE_EQ(coefficient_on_day(l, kcb, 0.0), 0.15);
  EXPECT_DOUBLE_EQ(coefficient_on_day(l, kcb, 30.0), 0.15);    // end of initial
  EXPECT_DOUBLE_EQ(coefficient_on_day(l, kcb, 80.0), 1.125);   // end of development
  EXPECT_DOUBLE_EQ(coefficient_on_day(l, kcb, 140.0), 1.125);  // end of mid-season
  EXPECT_DOUBLE_EQ(coefficient_on_day(l, kcb, 195.0), 0.45);   // end of season
  EXPECT_EQ(growth_stage(l, 30.0), GrowthStage::kInitial);
  EXPECT_EQ(growth_stage(l, 30.5), GrowthStage::kDevelopment);
  EXPECT_EQ(growth_stage(l, 80.0), GrowthStage::kDevelopment);
  EXPECT_EQ(growth_stage(l, 81.0), GrowthStage::kMidSeason);
  EXPECT_EQ(growth_stage(l, 140.0), GrowthStage::kMidSeason);
  EXPECT_EQ(growth_stage(l, 141.0), GrowthStage::kLateSeason);
  EXPECT_EQ(growth_stage(l, 195.0), GrowthStage::kLateSeason);
}

TEST_F(CottonCurve, LateSeasonInterpolatesLinearly) {
  // Day 167.5 is half-way through the 55-day late season: (1.125 + 0.45) / 2.
  EXPECT_NEAR(coefficient_on_day(l, kcb, 167.5), 0.7875, 1e-12);
  // Day 55 in development, by hand: 0.15 + (55 - 30)/50 (1.125 - 0.15).
  EXPECT_NEAR(coefficient_on_day(l, kcb, 55.0), 0.15 + 0.5 * 0.975, 1e-12);
}

TEST_F(CottonCurve, RisesThroughDevelopmentFallsThroughLateSeasonAndIsContinuous) {
  double previous = coefficient_on_day(l, kcb, 0.0);
  for (double day = 0.25; day <= 195.0; day += 0.25) {
    const double v = coefficient_on_day(l, kcb, day);
    if (day <= 80.0) {
      EXPECT_GE(v, previous - 1e-12) << day;
    } else if (day > 140.0) {
      EXPECT_LE(v, previous + 1e-12) << day;
    } else {
      EXPECT_DOUBLE_EQ(v, 1.125) << day;
    }
    // Continuity: a quarter day moves the curve by at most one quarter-day slope.
    EXPECT_LE(std::abs(v - previous), 0.25 * (1.125 - 0.15) / 50.0 + 1e-12) << day;
    EXPECT_GE(v, 0.15 - 1e-12);
    EXPECT_LE(v, 1.125 + 1e-12);
    previous = v;
  }
}

TEST(KcCurve, EndAboveMidRisesInLateSeason) {
  // Kc_end > Kc_mid happens (e.g. green-harvested crops); Eq. 66 then rises in the late stage.
  const StageLengths l{10, 10, 10, 10};
  const StageCoefficients c{0.5, 1.0, 1.2};
  EXPECT_NEAR(coefficient_on_day(l, c, 35.0), 1.1, 1e-12);
}

TEST(KcCurve, RejectsDaysOutsideTheSeasonAndEmptyStages) {
  const StageLengths l{30, 50, 60, 55};
  const StageCoefficients c{0.35, 1.175, 0.6};
  EXPECT_THROW((void)coefficient_on_day(l, c, -1.0), InputError);
  EXPECT_THROW((void)coefficient_on_day(l, c, 195.5), InputError);
  EXPECT_THROW((void)coefficient_on_day(l, c, std::nan("")), InputError);
  EXPECT_THROW((void)coefficient_on_day(StageLengths{30, 0, 60, 55}, c, 10.0), InputError);
  try {
    (void)growth_stage(l, 400.0);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "day_after_planting");
    EXPECT_EQ(e.expected(), "0 to 195 d");
  }
}

}  // namespace
}  // namespace egin::crops
