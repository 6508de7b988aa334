// Atmospheric parameters against FAO-56 Ch. 3 Example 2 and Annex 2 Table 2.2.
#include "egin/agromet/atmosphere.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(Atmosphere, Fao56Example2PressureAndGammaAt1800m) {
  const double p = atmospheric_pressure_kpa(1800.0);  // FAO-56 Ex. 2: P = 81.8 kPa
  EXPECT_NEAR(p, 81.8, 0.05);
  EXPECT_NEAR(psychrometric_constant_kpa_c(p), 0.0544, 0.0001);  // Ex. 2: γ = 0.054
}

TEST(Atmosphere, SeaLevelAndAnnex2Table) {
  EXPECT_NEAR(atmospheric_pressure_kpa(0.0), 101.3, 1e-12);
  // FAO-56 Annex 2 Table 2.2 (3 decimals): γ at z = 0 is 0.067, at 1000 m 0.060, at 2000 m 0.053.
  EXPECT_NEAR(psychrometric_constant_kpa_c(atmospheric_pressure_kpa(0.0)), 0.067, 0.0005);
  EXPECT_NEAR(psychrometric_constant_kpa_c(atmospheric_pressure_kpa(1000.0)), 0.060, 0.0005);
  EXPECT_NEAR(psychrometric_constant_kpa_c(atmospheric_pressure_kpa(2000.0)), 0.053, 0.0005);
  // ASCE-FALN (RefET test_calcs, 'asce'): P at 1208.5 m = 87.80710537212929 kPa.
  EXPECT_NEAR(atmospheric_pressure_kpa(1208.5), 87.80710537212929, 1e-9);
  // FAO-56 Ex. 19: z = 8 m gives P = 101.2 kPa, γ = 0.0673.
  EXPECT_NEAR(atmospheric_pressure_kpa(8.0), 101.2, 0.05);
}

TEST(Atmosphere, RefEtPressureExponent) {
  // REF-ET 4.1 (RefET tests, method 'refet'): P at 1208.5 m = 87.81876435813037 kPa.
  EXPECT_NEAR(atmospheric_pressure_kpa(1208.5, kPressureExponentRefEt), 87.81876435813037, 1e-9);
  EXPECT_NEAR(kPressureExponentRefEt, 5.26, 0.005);
}

TEST(Atmosphere, GammaIsThe0665Coefficient) {
  // ASCE-EWRI 2005 Eq. 4: γ = 0.000665 P.
  EXPECT_DOUBLE_EQ(psychrometric_constant_kpa_c(100.0), 0.0665);
  // cp P / (ε λ) with FAO-56's constants is the same to 0.04 %.
  EXPECT_NEAR(kSpecificHeatMjKgC / (kMolecularWeightRatio * kLatentHeatMjKg), 0.665e-3, 0.0003e-3);
}

TEST(Atmosphere, LatentHeatAt20CIsTheStandard245) {
  EXPECT_NEAR(latent_heat_mj_kg(20.0), kLatentHeatMjKg, 0.005);  // FAO-56 Annex 3
  EXPECT_LT(latent_heat_mj_kg(30.0), latent_heat_mj_kg(10.0));
  EXPECT_NEAR(1.0 / kLatentHeatMjKg, kMmPerMjM2, 0.0005);  // FAO-56 Eq. 20
}

}  // namespace
}  // namespace egin::agromet
