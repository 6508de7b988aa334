// The elementary laws (physics.hpp), the lumped cover layers (cover_optics.hpp) and the pad's
// wet-bulb limit (pad_cooling.hpp): published values, hand calculations and conservation.
#include "egin/greenhouse/physics.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/agromet/humidity.hpp"
#include "egin/greenhouse/cover_optics.hpp"
#include "egin/greenhouse/pad_cooling.hpp"

namespace egin::greenhouse {
namespace {

TEST(Physics, SaturationVapourPressure) {
  EXPECT_DOUBLE_EQ(sat_vp_pa(0.0), 610.78);
  // GreenLight's curve (17.2694, 238.3) by hand, and within 1.5 % of FAO-56 Eq. 11 (Tetens) over
  // the greenhouse range: 2326 against 2338 Pa at 20 °C.
  EXPECT_NEAR(sat_vp_pa(20.0), 610.78 * std::exp(17.2694 * 20.0 / 258.3), 1e-9);
  EXPECT_NEAR(sat_vp_pa(20.0), 2325.98, 0.01);
  for (double t = -20.0; t <= 50.0; t += 5.0) {
    EXPECT_NEAR(sat_vp_pa(t) / (1000.0 * agromet::saturation_vapour_pressure_kpa(t)), 1.0, 0.015)
        << t;
  }
  // GreenLight 2.0's initial state: 1681.91 Pa at 16.5 °C is 90.0 % RH (the reference output).
  EXPECT_NEAR(100.0 * 1681.91 / sat_vp_pa(16.5), 90.0, 0.001);
}

TEST(Physics, Co2Conversions) {
  // GreenLight 2.0's initial 722 mg m⁻³ at 16.5 °C is the 389.921 ppm of its output.
  EXPECT_NEAR(co2_ppm(16.5, 722.0), 389.921, 0.001);
  for (double t = -30.0; t <= 48.0; t += 13.0) {
    EXPECT_NEAR(co2_ppm(t, co2_mg_m3(t, 415.0)), 415.0, 1e-9);
  }
}

TEST(Physics, ProportionalControllerBand) {
  // Katzin 2021 Eq. 4.4: 1/101 (≈1 %) at the set point, 100/101 (≈99 %) at set point + band,
  // 50 % in the middle.
  EXPECT_NEAR(proportional(20.0, 20.0, 2.0, 0.0, 1.0), 1.0 / 101.0, 1e-12);
  EXPECT_NEAR(proportional(22.0, 20.0, 2.0, 0.0, 1.0), 100.0 / 101.0, 1e-12);
  EXPECT_NEAR(proportional(21.0, 20.0, 2.0, 0.0, 1.0), 0.5, 1e-12);
  // A negative band rises as the value falls (heating).
  EXPECT_NEAR(proportional(18.0, 19.0, -1.0, 0.0, 1.0), 100.0 / 101.0, 1e-12);
  EXPECT_NEAR(proportional(19.0, 19.0, -1.0, 0.0, 1.0), 1.0 / 101.0, 1e-12);
  // Far outside the band the logistic does not overflow.
  EXPECT_DOUBLE_EQ(proportional(1e4, 0.0, 1.0, 0.0, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(proportional(-1e4, 0.0, 1.0, 0.0, 1.0), 0.0);
}

TEST(Physics, RadiationAndConvectionAreAntisymmetric) {
  // Vanthoor Eq. 8.38 by hand: a = 1, ε = 1, F = 1, 20 °C to 0 °C: σ (293.15⁴ − 273.15⁴).
  const double r = fir(1.0, 1.0, 1.0, 1.0, 20.0, 0.0);
  EXPECT_NEAR(r, 5.67e-8 * (std::pow(293.15, 4) - std::pow(273.15, 4)), 1e-9);
  EXPECT_NEAR(r, 103.10, 0.01);
  EXPECT_DOUBLE_EQ(fir(0.3, 0.9, 0.8, 0.5, 10.0, 25.0), -fir(0.3, 0.8, 0.9, 0.5, 25.0, 10.0));
  EXPECT_DOUBLE_EQ(sensible(-3.0, 20.0, 18.0), 6.0);  // |h| (T1 − T2), Eq. 8.40
  // Condensation (Eq. 8.43–8.44): only onto a colder surface, ≈ 6.4e-9 h Δvp when far above.
  EXPECT_NEAR(condensation(2.0, 1500.0, 1000.0), 6.4e-9 * 2.0 * 500.0, 1e-15);
  EXPECT_NEAR(condensation(2.0, 1000.0, 1500.0), 0.0, 1e-20);
}

TEST(CoverOptics, NonAbsorbingLayersConserveLight) {
  // Two layers that absorb nothing: transmission + reflection of the pair is 1 (Eq. 8.14–8.15).
  const Layer<double> a = fixed_layer<double>(0.7, 0.3);
  const Layer<double> b = fixed_layer<double>(0.6, 0.4);
  const Layer<double> ab = combine(a, b);
  EXPECT_NEAR(ab.tau + ab.rho_up, 1.0, 1e-12);
  EXPECT_NEAR(ab.tau + ab.rho_dn, 1.0, 1e-12);
  // By hand: τ = 0.42 / (1 − 0.3·0.4) = 0.47727.
  EXPECT_NEAR(ab.tau, 0.42 / 0.88, 1e-12);
  // An open screen changes nothing; a closed one is the screen itself.
  const Layer<double> open = movable_layer(0.0, 0.6, 0.35);
  EXPECT_DOUBLE_EQ(combine(a, open).tau, a.tau);
  EXPECT_DOUBLE_EQ(combine(a, open).rho_up, a.rho_up);
  const Layer<double> closed = movable_layer(1.0, 0.6, 0.35);
  EXPECT_DOUBLE_EQ(closed.tau, 0.6);
  EXPECT_DOUBLE_EQ(closed.rho_up, 0.35);
}

TEST(PadCooling, WetBulbAgainstThePsychrometricChart) {
  // Psychrometric chart (thermodynamic wet bulb, sea level): 30 °C / 50 % → 22.0 °C;
  // 35 °C / 20 % → 19.0 °C (the Turkistan summer afternoon a pad is for); saturated air is its
  // own wet bulb.
  EXPECT_NEAR(wet_bulb_temperature_c(30.0, 0.5 * sat_vp_pa(30.0)), 22.0, 0.2);
  EXPECT_NEAR(wet_bulb_temperature_c(35.0, 0.2 * sat_vp_pa(35.0)), 19.0, 0.2);
  EXPECT_NEAR(wet_bulb_temperature_c(25.0, sat_vp_pa(25.0)), 25.0, 1e-6);
  // The pad's limit is more humid than the air but never beyond saturation at the dry bulb.
  const double x_air = humidity_ratio_kg_kg(0.2 * sat_vp_pa(35.0));
  const double x_pad = pad_saturation_humidity_ratio_kg_kg(35.0, 0.2 * sat_vp_pa(35.0));
  EXPECT_GT(x_pad, x_air);
  EXPECT_LT(x_pad, humidity_ratio_kg_kg(sat_vp_pa(35.0)));
  // Evaporative cooling is isenthalpic: cp ΔT = ΔH Δx (Vanthoor Eq. 8.58–8.60 with η = 1):
  // the air leaving a perfect pad is at the wet bulb within the psychrometer's approximation.
  const double t_wb = wet_bulb_temperature_c(35.0, 0.2 * sat_vp_pa(35.0));
  const double t_leave = 35.0 - 2.45e6 * (x_pad - x_air) / 1000.0;
  EXPECT_NEAR(t_leave, t_wb, 1.0);
}

}  // namespace
}  // namespace egin::greenhouse
