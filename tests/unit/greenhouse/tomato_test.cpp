// The simplified Vanthoor tomato (tomato.hpp): carbon bookkeeping, the switches of Vanthoor
// 2011 §9.7.2, and GreenLight's initial rates.
#include "egin/greenhouse/tomato.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace egin::greenhouse {
namespace {

TomatoInputs<double> young(double par, double co2_ppm, double t_can) {
  return {t_can, t_can, 0.0, par, co2_ppm, 20e3, 4368.0, 1560.0, 312.0};
}

TEST(Tomato, CarbonIsBookedOnceBetweenBufferAndOrgans) {
  const TomatoParameters p;
  for (double par : {0.0, 150.0, 900.0}) {
    TomatoInputs<double> in{22.0, 20.0, 1500.0, par, 800.0, 12e3, 9e4, 2.5e5, 2.9e5};
    const TomatoRates<double> r = tomato_rates(p, in);
    const double organs = r.d_c_buf + r.d_c_leaf + r.d_c_stem + r.d_c_fruit;
    const double net = r.mc_air_buf_mg_m2_s - r.mc_buf_air_mg_m2_s - r.mc_leaf_air_mg_m2_s -
                       r.mc_stem_air_mg_m2_s - r.mc_fruit_air_mg_m2_s - r.mc_fruit_har_mg_m2_s -
                       r.mc_leaf_har_mg_m2_s;
    EXPECT_NEAR(organs, net, 1e-12);
    // CO2 taken from the air is the net assimilate as CO2 (44/30), harvest not included.
    EXPECT_NEAR(r.mc_air_can_mg_co2_m2_s,
                44.0 / 30.0 * (net + r.mc_fruit_har_mg_m2_s + r.mc_leaf_har_mg_m2_s), 1e-12);
  }
}

TEST(Tomato, DarkCropRespiresAndLightCropAssimilates) {
  const TomatoParameters p;
  const TomatoRates<double> dark = tomato_rates(p, young(0.0, 400.0, 20.0));
  EXPECT_DOUBLE_EQ(dark.mc_air_buf_mg_m2_s, 0.0);
  EXPECT_LT(dark.mc_air_can_mg_co2_m2_s, 0.0);  // respiration releases CO2
  // A grown crop (LAI 1.06) with room in its buffer takes up CO2 in the light.
  TomatoInputs<double> grown = young(500.0, 400.0, 20.0);
  grown.c_leaf_mg_m2 = 4e4;
  grown.c_buf_mg_m2 = 5e3;
  const TomatoRates<double> lit = tomato_rates(p, grown);
  EXPECT_GT(lit.mc_air_can_mg_co2_m2_s, 0.0);
  // More CO2, more photosynthesis (Vanthoor Eq. 9.12), saturating.
  grown.co2_air_ppm = 1000.0;
  const TomatoRates<double> rich = tomato_rates(p, grown);
  EXPECT_GT(rich.mc_air_buf_mg_m2_s, lit.mc_air_buf_mg_m2_s);
  EXPECT_LT(rich.mc_air_buf_mg_m2_s, 2.5 * lit.mc_air_buf_mg_m2_s);
  // LAI by Eq. 9.5: GreenLight's initial 0.116189.
  EXPECT_NEAR(dark.lai, 0.116189, 1e-6);
}

TEST(Tomato, HarvestAndPruningSwitchAtTheirLimits) {
  const TomatoParameters p;
  // Katzin 2021 Eq. 7.45: half the maximum rate at the limit, ~1 % one smoothing width below.
  EXPECT_NEAR(smooth_harvest(300e3, 300e3, 1e4, 5e4), 2.5e4, 1e-9);
  EXPECT_NEAR(smooth_harvest(290e3, 300e3, 1e4, 5e4), 5e4 * 1e-4 / (1e-4 + 1.0), 1.0);
  // GreenLight 2.0's first output: fruit harvest 6.66454e-116 for 312 mg m⁻² of fruit.
  const TomatoRates<double> r = tomato_rates(p, young(0.0, 400.0, 20.5));
  EXPECT_NEAR(r.mc_fruit_har_mg_m2_s / 6.66454e-116, 1.0, 1e-5);
  // The leaf limit is lai_max / sla = 112782 mg m⁻².
  TomatoInputs<double> big = young(0.0, 400.0, 20.0);
  big.c_leaf_mg_m2 = p.lai_max / p.sla_m2_mg;
  EXPECT_NEAR(tomato_rates(p, big).mc_leaf_har_mg_m2_s, 0.5e5, 1e-6);
}

TEST(Tomato, TemperatureInhibitsFruitGrowth) {
  const TomatoParameters p;
  TomatoInputs<double> in{22.0, 20.0, 2000.0, 300.0, 700.0, 15e3, 9e4, 2.5e5, 2e5};
  const double ok = tomato_rates(p, in).mc_buf_fruit_mg_m2_s;
  in.t_can_c = 5.0;  // 5 K below t_can_min: 1 / (1 + e^(0.869·5)) = 1.3 % of the flow (Eq. B.2)
  EXPECT_NEAR(tomato_rates(p, in).mc_buf_fruit_mg_m2_s / ok, 1.0 / (1.0 + std::exp(0.869 * 5.0)),
              1e-3);
  in.t_can_c = 22.0;
  in.t_can_sum_c_d = 0.0;  // vegetative: no fruit growth yet (Eq. 9.27)
  EXPECT_LT(tomato_rates(p, in).mc_buf_fruit_mg_m2_s, 0.01 * ok);
  in.t_can_sum_c_d = 2000.0;
  in.t_can24_c = 30.0;  // 24-h mean above t_can24_max (Eq. B.3)
  EXPECT_LT(tomato_rates(p, in).mc_buf_fruit_mg_m2_s, 0.02 * ok);
}

}  // namespace
}  // namespace egin::greenhouse
