// Soil heat flux against FAO-56 Ch. 3 Example 13 and Ch. 4 Example 19.
#include "egin/agromet/soil_heat_flux.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(SoilHeatFlux, Fao56Example13Monthly) {
  // March 14.1, April 16.1, May 18.8 °C: G_April = 0.33 (Eq. 43), 0.28 (Eq. 44).
  EXPECT_NEAR(soil_heat_flux_monthly_mj_m2(14.1, 18.8), 0.329, 0.0005);
  EXPECT_NEAR(soil_heat_flux_monthly_prev_mj_m2(14.1, 16.1), 0.280, 0.0005);
}

TEST(SoilHeatFlux, DailyIsZero) { EXPECT_EQ(soil_heat_flux_daily_mj_m2(), 0.0); }

TEST(SoilHeatFlux, Fao56Example19HourlyDayAndNight) {
  EXPECT_NEAR(soil_heat_flux_period_mj_m2(1.749, true), 0.175, 0.0005);    // Eq. 45
  EXPECT_NEAR(soil_heat_flux_period_mj_m2(-0.100, false), -0.050, 1e-12);  // Eq. 46
  EXPECT_NEAR(soil_heat_flux_period_mj_m2(1.0, true, kSoilHeatFluxRatiosTall), 0.04, 1e-12);
  EXPECT_NEAR(soil_heat_flux_period_mj_m2(-1.0, false, kSoilHeatFluxRatiosTall), -0.2, 1e-12);
}

}  // namespace
}  // namespace egin::agromet
