// Humidity measures against FAO-56 Table 2.3 (saturation vapour pressure), the standard table of
// saturation vapour density (17.3 g/m³ at 20 °C, 30.4 g/m³ at 30 °C; e.g. Monteith & Unsworth
// 2013, Table A.4) and their defining identities.
#include "egin/control/psychrometrics.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/agromet/humidity.hpp"

namespace egin::control {
namespace {

TEST(Psychrometrics, VpdIsSaturationTimesDryFraction) {
  // FAO-56 Table 2.3: e°(25 °C) = 3.168 kPa.
  EXPECT_NEAR(vapour_pressure_deficit_kpa(25.0, 50.0), 0.5 * 3.168, 0.001);
  EXPECT_NEAR(vapour_pressure_deficit_kpa(25.0, 100.0), 0.0, 1e-12);
  EXPECT_NEAR(vapour_pressure_deficit_kpa(25.0, 0.0), 3.168, 0.001);
  // RH outside 0–100 % is limited.
  EXPECT_EQ(vapour_pressure_deficit_kpa(25.0, 120.0), 0.0);
}

TEST(Psychrometrics, SaturationVapourDensityMatchesTable) {
  EXPECT_NEAR(absolute_humidity_g_m3(20.0, 100.0), 17.3, 0.05);
  EXPECT_NEAR(absolute_humidity_g_m3(30.0, 100.0), 30.4, 0.1);
  EXPECT_NEAR(absolute_humidity_g_m3(20.0, 50.0), 0.5 * absolute_humidity_g_m3(20.0, 100.0), 1e-9);
}

TEST(Psychrometrics, HumidityDeficitIsSaturatedMinusActual) {
  for (const double t : {5.0, 15.0, 25.0, 35.0}) {
    for (const double rh : {0.0, 40.0, 85.0, 100.0}) {
      EXPECT_NEAR(humidity_deficit_g_m3(t, rh),
                  absolute_humidity_g_m3(t, 100.0) - absolute_humidity_g_m3(t, rh), 1e-9);
    }
  }
  // A common grower reference: 20 °C, 85 % → about 2.6 g/m³.
  EXPECT_NEAR(humidity_deficit_g_m3(20.0, 85.0), 0.15 * 17.28, 0.02);
}

TEST(Psychrometrics, DewPointInvertsSaturation) {
  for (const double t : {-5.0, 10.0, 24.0, 40.0}) {
    for (const double rh : {10.0, 55.0, 99.0}) {
      const double td = dew_point_c(t, rh);
      EXPECT_NEAR(agromet::saturation_vapour_pressure_kpa(td), agromet::ea_from_rh_kpa(t, rh),
                  1e-9);
      EXPECT_LT(td, t);
    }
  }
  EXPECT_NEAR(dew_point_c(20.0, 100.0), 20.0, 1e-9);
  // FAO-56 Table 2.3: e°(14 °C) = 1.599 kPa ≈ 0.5 e°(25 °C) = 1.584 → Tdew ≈ 13.8 °C.
  EXPECT_NEAR(dew_point_c(25.0, 50.0), 13.85, 0.05);
  EXPECT_TRUE(std::isnan(dew_point_c(20.0, 0.0)));
}

}  // namespace
}  // namespace egin::control
