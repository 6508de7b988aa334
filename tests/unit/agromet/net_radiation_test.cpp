// Radiation balance against FAO-56 Ch. 3 Examples 11–12 and Ch. 4 Examples 17–19, and the REF-ET
// check ASCE-FALN-D's Rnl.
#include "egin/agromet/net_radiation.hpp"

#include <gtest/gtest.h>

namespace egin::agromet {
namespace {

TEST(NetRadiation, Fao56Example11NetLongwave) {
  // Tmax 25.1, Tmin 19.1, ea 2.1, Rs 14.5, Rso 18.8 → Rnl = 3.5 MJ m⁻² d⁻¹.
  const double fcd = cloudiness_factor(14.5, 18.8);
  EXPECT_NEAR(fcd, 1.35 * 14.5 / 18.8 - 0.35, 1e-12);
  EXPECT_NEAR(net_longwave_daily_mj_m2(25.1, 19.1, 2.1, fcd), 3.53, 0.005);
  EXPECT_NEAR(net_emissivity(2.1), 0.137, 0.0005);
}

TEST(NetRadiation, Fao56Example12NetRadiation) {
  EXPECT_NEAR(net_shortwave_mj_m2(14.5), 11.17, 0.005);
  EXPECT_NEAR(net_radiation_mj_m2(net_shortwave_mj_m2(14.5), 3.5), 7.67, 0.005);
}

TEST(NetRadiation, Fao56Examples17And18) {
  // Bangkok April: Rs 22.65, Rso 28.54, Tmax 34.8, Tmin 25.6, ea 2.85 → Rnl 3.11, Rn 14.33.
  const double rnl17 = net_longwave_daily_mj_m2(34.8, 25.6, 2.85, cloudiness_factor(22.65, 28.54));
  EXPECT_NEAR(rnl17, 3.11, 0.01);
  EXPECT_NEAR(net_radiation_mj_m2(net_shortwave_mj_m2(22.65), rnl17), 14.33, 0.01);
  // Uccle 6 July: Rs 22.07, Rso 30.90, Tmax 21.5, Tmin 12.3, ea 1.409 → Rns 17.00, Rnl 3.71.
  EXPECT_NEAR(net_shortwave_mj_m2(22.07), 17.00, 0.01);  // 16.99 unrounded
  EXPECT_NEAR(net_longwave_daily_mj_m2(21.5, 12.3, 1.409, cloudiness_factor(22.07, 30.90)), 3.71,
              0.01);
}

TEST(NetRadiation, Fao56Example19Hourly) {
  // Day hour: T 38, ea 3.445, Rs 2.450, Rso 2.658 → Rnl 0.137, Rn 1.749.
  const double rnl = net_longwave_period_mj_m2(38.0, 3.445, cloudiness_factor(2.450, 2.658));
  EXPECT_NEAR(rnl, 0.137, 0.0005);
  EXPECT_NEAR(net_radiation_mj_m2(net_shortwave_mj_m2(2.450), rnl), 1.749, 0.0005);
  // Night hour: T 28, ea 3.402, Rs/Rso taken as 0.8 → Rnl 0.100.
  EXPECT_NEAR(net_longwave_period_mj_m2(28.0, 3.402, 1.35 * 0.8 - 0.35), 0.100, 0.0005);
}

TEST(NetRadiation, AsceFallonDailyAndHourlyNetLongwave) {
  // ASCE-FALN (RefET v0.5 tests, ASCE-EWRI σ): 2015-07-01, Tmax 102.80 °F, Tmin 66.65 °F,
  // ea 1.2206674, Rs 674.07 Ly, Rso 31.565939 → fcd 0.856986, Rnl 6.556534 MJ m⁻² d⁻¹ (an
  // earlier RefET used 273.15 K and got 6.555670; FAO-56 Eq. 39 says 273.16);
  // hour 18–19 UTC: T 91.80 °F, ea 1.1990100, fcd 0.681614 → Rnl 0.228979 MJ m⁻² h⁻¹.
  const double tmax = (102.80 - 32.0) / 1.8;
  const double tmin = (66.65 - 32.0) / 1.8;
  const double fcd = cloudiness_factor(674.07 * 0.041868, 31.565939444861765);
  EXPECT_NEAR(fcd, 0.8569860867772078, 1e-9);
  EXPECT_NEAR(
      net_longwave_daily_mj_m2(tmax, tmin, 1.2206674169951346, fcd, kStefanBoltzmannAsceDay),
      6.556534, 1e-6);
  EXPECT_NEAR(cloudiness_factor(61.16 * 0.041868, 3.350936122776373), 0.6816142001345745, 1e-9);
  EXPECT_NEAR(net_longwave_period_mj_m2((91.80 - 32.0) / 1.8, 1.1990099614301906,
                                        0.6816142001345745, kStefanBoltzmannAsceHour),
              0.22897874401150786, 1e-8);
}

TEST(NetRadiation, CloudinessLimits) {
  EXPECT_DOUBLE_EQ(cloudiness_factor(30.0, 25.0), 1.0);     // Rs/Rso ≤ 1.0
  EXPECT_NEAR(cloudiness_factor(1.0, 25.0), 0.055, 1e-12);  // Rs/Rso ≥ 0.3 → fcd 0.055
  EXPECT_NEAR(kStefanBoltzmannFao56Hour * 24.0, kStefanBoltzmannFao56Day, 2e-12);
}

}  // namespace
}  // namespace egin::agromet
