// Sky temperature: the Monteith & Unsworth (2013) relations by hand, the cloud fraction of
// Crawford & Duchon (1999), and the estimate against the sky temperatures of the SEL2000 Dutch
// reference year (Breuer & van de Braak 1988), which the file gives.
#include "egin/agromet/sky_temperature.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "egin/agromet/weather_csv.hpp"

namespace egin::agromet {
namespace {

TEST(SkyTemperature, ClearAndOvercastByHand) {
  // Ta = 20 °C: Ld,clear = 213 + 5.5·20 = 323 W m⁻² (Eq. 5.26); (323 / σ)^¼ = 274.73 K.
  EXPECT_NEAR(clear_sky_longwave_w_m2(20.0), 323.0, 1e-12);
  EXPECT_NEAR(sky_temperature_c(20.0, 0.0), 274.730 - 273.15, 0.005);
  // Overcast: ε = 0.16 εclr + 0.84 (Eq. 5.32): Ld = 0.16·323 + 0.84·σ·293.15⁴ = 403.40 W m⁻².
  const double sigma_t4 = 5.67e-8 * std::pow(293.15, 4);
  const double ld = 0.16 * 323.0 + 0.84 * sigma_t4;
  EXPECT_NEAR(sky_temperature_c(20.0, 1.0), std::pow(ld / 5.67e-8, 0.25) - 273.15, 1e-9);
  EXPECT_NEAR(sky_temperature_c(20.0, 1.0), 17.28, 0.01);
  // Cloud is clamped; more cloud, warmer sky; never warmer than the air.
  EXPECT_DOUBLE_EQ(sky_temperature_c(5.0, 1.7), sky_temperature_c(5.0, 1.0));
  EXPECT_DOUBLE_EQ(sky_temperature_c(5.0, -0.3), sky_temperature_c(5.0, 0.0));
  for (double t = -30.0; t <= 48.0; t += 6.0) {
    EXPECT_LT(sky_temperature_c(t, 0.0), sky_temperature_c(t, 0.5));
    EXPECT_LT(sky_temperature_c(t, 0.5), sky_temperature_c(t, 1.0));
    EXPECT_LE(sky_temperature_c(t, 1.0), t);
  }
}

TEST(SkyTemperature, CloudFromClearness) {
  EXPECT_DOUBLE_EQ(cloud_fraction_from_clearness(0.75, 1.0), 0.25);
  EXPECT_DOUBLE_EQ(cloud_fraction_from_clearness(1.2, 1.0), 0.0);  // brighter than clear: 0
  EXPECT_TRUE(is_missing(cloud_fraction_from_clearness(0.0, 0.0)));
}

TEST(SkyTemperature, GivenValuesKeptAndNightCarriesTheDaysCloud) {
  const std::string csv =
      "# latitude_deg: 42.3\n# longitude_deg: 69.6\n# elevation_m: 500\n# wind_height_m: 10\n# "
      "period_s: 3600\n"
      "time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,t_sky_c\n"
      "2025-07-01T03:00+05:00,20,50,0,1,\n"        // night before any sunlit hour: default cloud
      "2025-07-01T13:00+05:00,35,20,880,1,\n"      // sunny noon: cloud from Rs/Rso
      "2025-07-01T14:00+05:00,36,20,850,1,10.5\n"  // given: kept
      "2025-07-01T23:00+05:00,25,40,0,1,\n";       // night: the afternoon's cloud carried
  const PeriodWeatherSeries s = parse_period_weather_csv(csv, "sky.csv");
  const SkyTemperatureEstimate e = estimate_sky_temperatures(s);
  ASSERT_EQ(e.t_sky_c.size(), 4U);
  EXPECT_EQ(e.source[0], SkyTemperatureSource::kDefaultCloud);
  EXPECT_EQ(e.source[1], SkyTemperatureSource::kDayClearness);
  EXPECT_EQ(e.source[2], SkyTemperatureSource::kGiven);
  EXPECT_EQ(e.source[3], SkyTemperatureSource::kCarriedCloud);
  EXPECT_DOUBLE_EQ(e.t_sky_c[2], 10.5);
  EXPECT_DOUBLE_EQ(e.t_sky_c[0], sky_temperature_c(20.0, 0.5));
  EXPECT_EQ(e.estimated, 3U);
  // A clear summer noon in Shymkent is nearly clear: a cold sky, far below the air.
  EXPECT_LT(e.t_sky_c[1], 20.0);
}

TEST(SkyTemperature, Sel2000ReferenceYear) {
  // The SEL2000 year gives the sky temperature for 350 days (hourly); estimate it from the air
  // temperature and radiation alone and compare.
  PeriodWeatherSeries s = read_period_weather_csv(
      std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/greenlight/weather_sep27_350d.csv");
  std::vector<double> given;
  for (PeriodWeather& p : s.periods) {
    given.push_back(p.t_sky_c);
    p.t_sky_c = kMissing;
  }
  const SkyTemperatureEstimate e = estimate_sky_temperatures(s);
  double se = 0.0;
  double bias = 0.0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    se += (e.t_sky_c[i] - given[i]) * (e.t_sky_c[i] - given[i]);
    bias += e.t_sky_c[i] - given[i];
  }
  const double rmse = std::sqrt(se / static_cast<double>(given.size()));
  bias /= static_cast<double>(given.size());
  std::printf("SEL2000 sky temperature: RMSE %.2f K, bias %+.2f K over %zu hours\n", rmse, bias,
              given.size());
  // Reached: RMSE 7.98 K, bias +3.73 K — SEL2000's skies are colder than Monteith & Unsworth's
  // clear-sky line; Brutsaert (1975) with Crawford & Duchon's cloud does worse (9.8 K, +6.7 K).
  EXPECT_LT(rmse, 8.1);
  EXPECT_GT(bias, 3.0);
  EXPECT_LT(bias, 4.0);
}

}  // namespace
}  // namespace egin::agromet
