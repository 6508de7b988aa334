// Soil-side FAO-56 equations (Eqs. 71-75, 82-84, Table 22), AquaCrop Ks, ASCE curve number.
#include "egin/fieldwater/soil_coefficients.hpp"

#include <gtest/gtest.h>

namespace egin::fieldwater {
namespace {

TEST(ExposedWettedFraction, IsTheSmallerOfUncoveredAndWetted) {
  EXPECT_DOUBLE_EQ(exposed_wetted_fraction(0.3, 1.0), 0.7);
  EXPECT_DOUBLE_EQ(exposed_wetted_fraction(0.3, 0.5), 0.5);
  EXPECT_NEAR(exposed_wetted_fraction(0.99, 1.0), 0.01, 1e-15);
  EXPECT_DOUBLE_EQ(exposed_wetted_fraction(1.0, 1.0), 0.01);  // never below 0.01
}

TEST(EvaporationReduction, IsOneInStageOneAndZeroAtTew) {
  EXPECT_DOUBLE_EQ(evaporation_reduction(0.0, 20.0, 9.0), 1.0);
  EXPECT_DOUBLE_EQ(evaporation_reduction(9.0, 20.0, 9.0), 1.0);
  EXPECT_NEAR(evaporation_reduction(14.5, 20.0, 9.0), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(evaporation_reduction(20.0, 20.0, 9.0), 0.0);
}

TEST(EvaporationCoefficient, IsLimitedByEnergyAndByTheWettedArea) {
  EXPECT_NEAR(evaporation_coefficient(1.0, 1.2, 0.15, 1.0), 1.05, 1e-12);
  EXPECT_NEAR(evaporation_coefficient(1.0, 1.2, 0.15, 0.5), 0.6, 1e-12);
  // pyfao56 2013 dry, 2013-116: Kr 1, Kcmax 1.220, Kcb 0.15, few 0.5 → Ke 0.610.
  EXPECT_NEAR(evaporation_coefficient(1.0, 1.220, 0.15, 0.5), 0.610, 1e-12);
}

TEST(RootZone, TawAndPFollowEquation82AndTable22) {
  EXPECT_NEAR(total_available_water_mm(0.225, 0.100, 0.6), 75.0, 1e-9);
  EXPECT_NEAR(depletion_fraction(0.65, 5.0, false), 0.65, 1e-12);
  EXPECT_NEAR(depletion_fraction(0.65, 4.4, false), 0.674, 1e-12);  // 2013-116 p
  EXPECT_DOUBLE_EQ(depletion_fraction(0.65, 0.0, false), 0.8);      // limited to 0.8
  EXPECT_DOUBLE_EQ(depletion_fraction(0.5, 20.0, false), 0.1);      // limited to 0.1
  EXPECT_DOUBLE_EQ(depletion_fraction(0.65, 0.0, true), 0.65);      // constant p
}

TEST(WaterStress, Fao56IsLinearBetweenRawAndTaw) {
  EXPECT_DOUBLE_EQ(water_stress_fao56(0.0, 100.0, 0.5), 1.0);
  EXPECT_DOUBLE_EQ(water_stress_fao56(50.0, 100.0, 0.5), 1.0);
  EXPECT_NEAR(water_stress_fao56(75.0, 100.0, 0.5), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(water_stress_fao56(100.0, 100.0, 0.5), 0.0);
}

TEST(WaterStress, AquaCropShapeIsConvexAndMeetsTheEnds) {
  EXPECT_DOUBLE_EQ(water_stress_aquacrop(40.0, 100.0, 0.5), 1.0);
  EXPECT_NEAR(water_stress_aquacrop(50.0, 100.0, 0.5), 1.0, 1e-12);
  // Drel 0.5: 1 − (e^0.75 − 1)/(e^1.5 − 1) = 0.679179
  EXPECT_NEAR(water_stress_aquacrop(75.0, 100.0, 0.5), 0.679179, 1e-6);
  EXPECT_NEAR(water_stress_aquacrop(100.0, 100.0, 0.5), 0.0, 1e-12);
  for (double dr = 51.0; dr < 100.0; dr += 7.0) {
    EXPECT_GT(water_stress_aquacrop(dr, 100.0, 0.5), water_stress_fao56(dr, 100.0, 0.5)) << dr;
  }
}

TEST(CurveNumber, ConvertsToDryAndWetConditionsLikeTheNrcsTables) {
  // NEH-4 Table 10.1 lists CN1 51 and CN3 85 for CN2 70; the ASCE Eqs. 14-14/15 give 50.57, 84.53.
  EXPECT_NEAR(curve_number(70.0, 20.0, 9.0, 20.0), 50.567, 0.001);  // De ≥ 0.7 REW + 0.3 TEW
  EXPECT_NEAR(curve_number(70.0, 0.0, 9.0, 20.0), 84.531, 0.001);   // De ≤ 0.5 REW
  EXPECT_NEAR(curve_number(70.0, 20.0, 9.0, 20.0), 51.0, 0.5);
  EXPECT_NEAR(curve_number(70.0, 0.0, 9.0, 20.0), 85.0, 0.5);
  // Halfway between the two limits the CN is halfway too (Eq. 14-20).
  const double mid = 0.5 * (0.5 * 9.0 + 0.7 * 9.0 + 0.3 * 20.0025);
  EXPECT_NEAR(curve_number(70.0, mid, 9.0, 20.0025), (50.567074 + 84.530854) / 2.0, 1e-5);
}

TEST(CurveNumber, RunoffOfABigRainOnWetSoil) {
  // CN3 84.531: S = 250 (100/CN − 1) = 45.75 mm, Ia = 9.15 mm;
  // RO = (100 − 9.15)² / (100 + 36.6) = 60.42 mm.
  EXPECT_NEAR(curve_number_runoff_mm(100.0, 84.530854), 60.4226, 1e-3);
  EXPECT_DOUBLE_EQ(curve_number_runoff_mm(9.0, 84.530854), 0.0);  // below initial abstraction
  EXPECT_NEAR(curve_number_runoff_mm(100.0, 50.567074), 8.8436, 1e-3);
  EXPECT_DOUBLE_EQ(curve_number_runoff_mm(0.0, 99.0), 0.0);
  EXPECT_LE(curve_number_runoff_mm(50.0, 100.0), 50.0);
}

}  // namespace
}  // namespace egin::fieldwater
