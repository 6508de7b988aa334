// Hargreaves (FAO-56 Eq. 52) against the HARG-1 worked example and FAO-56 Example 20's Lyon day.
#include "egin/agromet/hargreaves.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(Hargreaves, Harg1WorkedExample) {
  // Tmin 28, Tmax 38, Tmean 35 (given), Ra 38.93715 MJ m⁻² d⁻¹ → 6.1 mm d⁻¹ (6.10).
  EXPECT_NEAR(hargreaves_mm(38.0, 28.0, 35.0, 38.93715), 6.10, 0.005);
}

TEST(Hargreaves, Fao56Example20Lyon) {
  // Tmax 26.6, Tmin 14.8, Ra 40.55 → 5.03 mm d⁻¹ (README recomputation).
  EXPECT_NEAR(hargreaves_mm(26.6, 14.8, 20.7, 40.55), 5.03, 0.01);
}

TEST(Hargreaves, NoRangeNoEvaporation) {
  EXPECT_EQ(hargreaves_mm(20.0, 20.0, 20.0, 40.0), 0.0);
  EXPECT_EQ(hargreaves_mm(18.0, 20.0, 19.0, 40.0), 0.0);
}

}  // namespace
}  // namespace egin::agromet
