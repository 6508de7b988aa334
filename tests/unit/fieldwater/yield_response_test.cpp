#include "egin/fieldwater/yield_response.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

// FAO-56 Eq. 90 by hand: cotton Ky 0.85 (FAO-33), ETa 400 of ETc 500 mm -> 0.85 0.2 = 0.17.
TEST(YieldResponse, SeasonalEquation90) {
  EXPECT_NEAR(yield_reduction_fraction(0.85, 400.0, 500.0), 0.17, 1e-12);
  EXPECT_EQ(yield_reduction_fraction(0.85, 500.0, 500.0), 0.0);  // no deficit, no loss
}

TEST(YieldResponse, BoundedToZeroAndOne) {
  EXPECT_EQ(yield_reduction_fraction(1.5, 0.0, 100.0), 1.0);    // 1.5 would be more than all
  EXPECT_EQ(yield_reduction_fraction(1.0, 120.0, 100.0), 0.0);  // ETa above ETc
  EXPECT_EQ(yield_reduction_fraction(1.0, 0.0, 0.0), 0.0);      // no demand
}

// Maize, FAO-33 periods: vegetative Ky 0.4, flowering 1.5, yield formation 0.5, ripening 0.2.
TEST(YieldResponse, StagesCombinedThreeWays) {
  const std::vector<PeriodWaterUse> periods{
      {0.4, 90.0, 100.0}, {1.5, 60.0, 100.0}, {0.5, 150.0, 200.0}, {0.2, 50.0, 50.0}};
  const YieldReduction r = yield_reduction(periods, 1.25);
  ASSERT_EQ(r.period_fraction.size(), 4u);
  EXPECT_NEAR(r.period_fraction[0], 0.04, 1e-12);   // 0.4 (1 - 0.9)
  EXPECT_NEAR(r.period_fraction[1], 0.60, 1e-12);   // 1.5 (1 - 0.6)
  EXPECT_NEAR(r.period_fraction[2], 0.125, 1e-12);  // 0.5 (1 - 0.75)
  EXPECT_NEAR(r.period_fraction[3], 0.0, 1e-12);
  EXPECT_NEAR(r.multiplicative_fraction, 1.0 - 0.96 * 0.40 * 0.875 * 1.0, 1e-12);  // 0.664
  EXPECT_NEAR(r.minimum_fraction, 0.60, 1e-12);
  EXPECT_NEAR(r.eta_total_mm, 350.0, 1e-12);
  EXPECT_NEAR(r.etc_total_mm, 450.0, 1e-12);
  ASSERT_TRUE(r.season_fraction.has_value());
  EXPECT_NEAR(*r.season_fraction, 1.25 * (1.0 - 350.0 / 450.0), 1e-12);  // 0.2778
  // The multiplicative combination never reduces less than the worst single period.
  EXPECT_GE(r.multiplicative_fraction, r.minimum_fraction);
}

TEST(YieldResponse, NoPeriodsNoReduction) {
  const YieldReduction r = yield_reduction({});
  EXPECT_EQ(r.multiplicative_fraction, 0.0);
  EXPECT_FALSE(r.season_fraction.has_value());
}

TEST(YieldResponse, BadInputIsAnInputError) {
  EXPECT_THROW((void)yield_reduction_fraction(3.0, 1.0, 2.0), InputError);
  EXPECT_THROW((void)yield_reduction_fraction(1.0, -1.0, 2.0), InputError);
  EXPECT_THROW((void)yield_reduction_fraction(1.0, 1.0, std::nan("")), InputError);
  const std::vector<PeriodWaterUse> bad{{0.4, 10.0, 20.0}, {-0.1, 10.0, 20.0}};
  EXPECT_THROW((void)yield_reduction(bad), InputError);
}

}  // namespace
}  // namespace egin::fieldwater
