// The combination equation against FAO-56 Ch. 4 Examples 17–19, fed the examples' intermediates.
#include "egin/agromet/penman_monteith.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(PenmanMonteith, Fao56Example17MonthlyBangkok) {
  // Δ 0.246, Rn 14.33, G 0.14, γ 0.0674, T 30.2, u2 2.0, es 4.42, ea 2.85 → ETo 5.72 mm d⁻¹.
  EXPECT_NEAR(penman_monteith_mm(0.246, 14.33, 0.14, 0.0674, 30.2, 2.0, 4.42, 2.85, kFao56Daily),
              5.72, 0.01);
}

TEST(PenmanMonteith, Fao56Example18DailyBrussels) {
  // Δ 0.122, Rn 13.28, G 0, γ 0.0666, T 16.9, u2 2.078, es 1.997, ea 1.409 → 3.9 (3.88).
  EXPECT_NEAR(penman_monteith_mm(0.122, 13.28, 0.0, 0.0666, 16.9, 2.078, 1.997, 1.409, kFao56Daily),
              3.88, 0.01);
}

TEST(PenmanMonteith, Fao56Example19Hourly) {
  // 14–15 h: Δ 0.358, Rn 1.749, G 0.175, γ 0.0673, T 38, u2 3.3, es 6.625, ea 3.445 → 0.63.
  EXPECT_NEAR(
      penman_monteith_mm(0.358, 1.749, 0.175, 0.0673, 38.0, 3.3, 6.625, 3.445, kFao56Hourly), 0.63,
      0.005);
  // 2–3 h: Δ 0.220, Rn −0.100, G −0.050, T 28, u2 1.9, es 3.780, ea 3.402 → 0.00 (0.004).
  const double night =
      penman_monteith_mm(0.220, -0.100, -0.050, 0.0673, 28.0, 1.9, 3.780, 3.402, kFao56Hourly);
  EXPECT_NEAR(night, 0.004, 0.002);
}

TEST(PenmanMonteith, ReferenceSurfacesAndProperties) {
  const double eto = penman_monteith_mm(0.2, 15.0, 0.0, 0.06, 25.0, 3.0, 3.2, 1.2, kAsceEtosDaily);
  const double etr = penman_monteith_mm(0.2, 15.0, 0.0, 0.06, 25.0, 3.0, 3.2, 1.2, kAsceEtrsDaily);
  EXPECT_GT(etr, eto);
  // Without wind only the radiation term is left: 0.408 Δ (Rn − G) / (Δ + γ).
  EXPECT_NEAR(penman_monteith_mm(0.2, 15.0, 1.0, 0.06, 25.0, 0.0, 3.2, 1.2, kAsceEtrsDaily),
              0.408 * 0.2 * 14.0 / 0.26, 1e-12);
  // Saturated air and no net energy: no evaporation.
  EXPECT_DOUBLE_EQ(penman_monteith_mm(0.2, 0.0, 0.0, 0.06, 25.0, 3.0, 2.0, 2.0, kFao56Daily), 0.0);
}

}  // namespace
}  // namespace egin::agromet
