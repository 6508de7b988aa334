// Vapour pressure relations against FAO-56 Ch. 3 Examples 3–6 and Annex 2 Table 2.3/2.4.
#include "egin/agromet/humidity.hpp"

#include <gtest/gtest.h>

#include "egin/agromet/atmosphere.hpp"

namespace egin::agromet {
namespace {

TEST(Humidity, Fao56Example3SaturationVapourPressure) {
  EXPECT_NEAR(saturation_vapour_pressure_kpa(24.5), 3.075, 0.0005);
  EXPECT_NEAR(saturation_vapour_pressure_kpa(15.0), 1.705, 0.0005);
  EXPECT_NEAR(mean_saturation_vapour_pressure_kpa(24.5, 15.0), 2.39, 0.005);
  // The wrong way (e° at Tmean) gives 2.30, lower: es is not e°(Tmean).
  EXPECT_NEAR(saturation_vapour_pressure_kpa(19.75), 2.30, 0.005);
}

TEST(Humidity, Annex2Table23And24SpotValues) {
  // FAO-56 Annex 2 Table 2.3 (e°) and Table 2.4 (Δ).
  EXPECT_NEAR(saturation_vapour_pressure_kpa(1.0), 0.657, 0.0005);
  EXPECT_NEAR(saturation_vapour_pressure_kpa(30.0), 4.243, 0.0005);
  EXPECT_NEAR(saturation_slope_kpa_c(1.0), 0.047, 0.0005);
  EXPECT_NEAR(saturation_slope_kpa_c(30.0), 0.243, 0.0005);
  EXPECT_NEAR(saturation_slope_kpa_c(16.9), 0.122, 0.0005);  // FAO-56 Ex. 18
}

TEST(Humidity, AsceSlopeRoundsTheCoefficient) {
  // ASCE-EWRI Eq. 5 uses 2503 for 4098 × 0.6108 = 2503.0584: relative difference 2.3e-5.
  for (double t : {-20.0, 0.0, 16.9, 30.2, 45.0}) {
    EXPECT_NEAR(saturation_slope_asce_kpa_c(t) / saturation_slope_kpa_c(t), 2503.0 / 2503.0584,
                1e-12);
  }
}

TEST(Humidity, Fao56Example4Psychrometer) {
  const double p = atmospheric_pressure_kpa(1200.0);  // Ex. 4: 87.9 kPa
  EXPECT_NEAR(p, 87.9, 0.05);
  EXPECT_NEAR(psychrometer_coefficient_per_c(PsychrometerVentilation::kVentilated) * p, 0.0582,
              0.00005);
  EXPECT_NEAR(saturation_vapour_pressure_kpa(19.5), 2.267, 0.0005);
  EXPECT_NEAR(ea_from_psychrometer_kpa(25.6, 19.5, p, PsychrometerVentilation::kVentilated), 1.91,
              0.005);
  // Worse ventilation, larger coefficient, lower ea for the same readings.
  EXPECT_DOUBLE_EQ(psychrometer_coefficient_per_c(PsychrometerVentilation::kNatural), 0.0008);
  EXPECT_DOUBLE_EQ(psychrometer_coefficient_per_c(PsychrometerVentilation::kIndoor), 0.0012);
  EXPECT_LT(ea_from_psychrometer_kpa(25.6, 19.5, p, PsychrometerVentilation::kIndoor),
            ea_from_psychrometer_kpa(25.6, 19.5, p, PsychrometerVentilation::kNatural));
}

TEST(Humidity, Fao56Example5ActualVapourPressureFromRh) {
  EXPECT_NEAR(saturation_vapour_pressure_kpa(18.0), 2.064, 0.0005);
  EXPECT_NEAR(saturation_vapour_pressure_kpa(25.0), 3.168, 0.0005);
  EXPECT_NEAR(ea_from_rh_max_min_kpa(25.0, 18.0, 82.0, 54.0), 1.70, 0.005);  // Eq. 17
  EXPECT_NEAR(ea_from_rh_max_kpa(18.0, 82.0), 1.69, 0.005);                  // Eq. 18
  EXPECT_NEAR(ea_from_rh_mean_kpa(25.0, 18.0, 68.0), 1.78, 0.005);           // Eq. 19
}

TEST(Humidity, Fao56Example6VapourPressureDeficit) {
  const double es = mean_saturation_vapour_pressure_kpa(25.0, 18.0);
  EXPECT_NEAR(es, 2.616, 0.0005);
  EXPECT_NEAR(es - ea_from_rh_max_min_kpa(25.0, 18.0, 82.0, 54.0), 0.914, 0.001);
}

TEST(Humidity, DewPointAndTminForms) {
  EXPECT_DOUBLE_EQ(ea_from_tdew_kpa(12.0), saturation_vapour_pressure_kpa(12.0));  // Eq. 14
  EXPECT_NEAR(ea_from_tmin_kpa(14.8), 1.684, 0.0005);  // FAO-56 Ex. 20 (Lyon)
  EXPECT_NEAR(ea_from_tmin_kpa(14.8, 2.0), saturation_vapour_pressure_kpa(12.8), 1e-12);
  // FAO-56 Ex. 19: T = 28 °C, RH 90 % → ea = 3.402; T = 38, RH 52 → 3.445 (Eq. 54).
  EXPECT_NEAR(ea_from_rh_kpa(28.0, 90.0), 3.402, 0.0005);
  EXPECT_NEAR(ea_from_rh_kpa(38.0, 52.0), 3.445, 0.0005);
}

}  // namespace
}  // namespace egin::agromet
