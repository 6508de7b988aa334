// Weather forcing (weather_forcing.hpp): GreenLight's linear interpolation, conversions, filled
// gaps counted and never NaN, defaults reported, missing columns named.
#include "egin/greenhouse/weather_forcing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/greenhouse/physics.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

const std::string kHead =
    "# latitude_deg: 42.3\n# longitude_deg: 69.6\n# elevation_m: 500\n# wind_height_m: 10\n# "
    "period_s: 3600\n";

WeatherForcing forcing(const std::string& csv) {
  return WeatherForcing::from_series(agromet::parse_period_weather_csv(csv, "w.csv"),
                                     test::design("turkistan-korean-multispan").design.soil);
}

TEST(WeatherForcing, InterpolatesLinearlyBetweenRecords) {
  const WeatherForcing f =
      forcing(kHead +
              "time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,co2_out_ppm,t_soil_c,t_sky_c\n"
              "2025-07-01T12:00+05:00,30,40,800,2,420,15,5\n"
              "2025-07-01T13:00+05:00,34,30,900,4,410,15,7\n");
  const double t0 = f.first_utc_s();
  const OutdoorConditions mid = f.at(t0 + 1800.0);
  EXPECT_DOUBLE_EQ(mid.t_out_c, 32.0);
  EXPECT_DOUBLE_EQ(mid.iglob_w_m2, 850.0);
  EXPECT_DOUBLE_EQ(mid.wind_m_s, 3.0);
  EXPECT_DOUBLE_EQ(mid.t_sky_c, 6.0);
  EXPECT_DOUBLE_EQ(mid.co2_out_ppm, 415.0);
  // Vapour pressure from RH with the model's curve; CO2 to mg m⁻³ at the outdoor temperature.
  const OutdoorConditions a = f.at(t0);
  EXPECT_NEAR(a.vp_out_pa, 0.40 * sat_vp_pa(30.0), 1e-9);
  EXPECT_NEAR(a.co2_out_mg_m3, co2_mg_m3(30.0, 420.0), 1e-9);
  // Held beyond the ends; local time of day and day of year (+05:00).
  EXPECT_DOUBLE_EQ(f.at(t0 - 1e5).t_out_c, 30.0);
  EXPECT_DOUBLE_EQ(f.at(t0 + 1e5).t_out_c, 34.0);
  EXPECT_NEAR(mid.time_of_day_h, 12.5, 1e-9);
  EXPECT_NEAR(mid.day_of_year, 182.0 + 12.5 / 24.0, 1e-9);
  EXPECT_DOUBLE_EQ(a.is_day, 1.0);
  // The day's radiation sum: 800 and 900 W/m² for an hour each.
  EXPECT_NEAR(a.day_rad_sum_mj_m2, (800.0 + 900.0) * 3600.0 / 1e6, 1e-9);
  // The pad limit is saturation at the wet bulb: above the outdoor humidity ratio.
  EXPECT_GT(a.x_pad_kg_kg, 18.0 / 29.0 * a.vp_out_pa / (101325.0 - a.vp_out_pa));
  EXPECT_EQ(f.report().lines().size(), 0U);
}

TEST(WeatherForcing, FillsGapsAndReportsDefaults) {
  const WeatherForcing f = forcing(kHead +
                                   "time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s\n"
                                   "2025-01-10T00:00+05:00,-10,80,0,3\n"
                                   "2025-01-10T01:00+05:00,,,0,\n"
                                   "2025-01-10T02:00+05:00,-14,90,0,5\n"
                                   "2025-01-10T06:00+05:00,-16,90,0,5\n");
  const WeatherForcingReport& r = f.report();
  EXPECT_EQ(r.filled_t_out, 1U);
  EXPECT_EQ(r.filled_humidity, 1U);
  EXPECT_EQ(r.filled_wind, 1U);
  EXPECT_EQ(r.time_gaps, 1U);
  EXPECT_NEAR(r.longest_time_gap_s, 3.0 * 3600.0, 1e-9);
  EXPECT_TRUE(r.co2_default);
  EXPECT_TRUE(r.soil_default);
  EXPECT_EQ(r.estimated_sky, 4U);
  EXPECT_GE(r.lines().size(), 5U);
  const OutdoorConditions gap = f.at(f.first_utc_s() + 3600.0);
  EXPECT_DOUBLE_EQ(gap.t_out_c, -12.0);
  EXPECT_DOUBLE_EQ(gap.wind_m_s, 4.0);
  EXPECT_DOUBLE_EQ(gap.co2_out_ppm, kDefaultCo2OutPpm);
  for (double dt = 0.0; dt <= 6.0 * 3600.0; dt += 600.0) {
    const OutdoorConditions o = f.at(f.first_utc_s() + dt);
    for (double v : {o.t_out_c, o.vp_out_pa, o.iglob_w_m2, o.wind_m_s, o.t_sky_c, o.co2_out_mg_m3,
                     o.t_soil_out_c, o.x_pad_kg_kg, o.day_rad_sum_mj_m2}) {
      EXPECT_TRUE(std::isfinite(v));
    }
  }
  // Deep soil: the design's annual wave around 14.5 °C, warmest on day 249, cool in January.
  EXPECT_NEAR(gap.t_soil_out_c,
              14.5 + 5.8 * std::cos(2.0 * 3.141592653589793 * (249.0 - 10.0) / 365.2425), 0.2);
}

TEST(WeatherForcing, MissingColumnsAreNamed) {
  auto message = [&](const std::string& header, const std::string& row) {
    try {
      (void)forcing(kHead + header + "\n" + row + "\n");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_NE(message("time,rh_out_pct,iglob_w_m2,wind_m_s", "2025-01-10T00:00+05:00,80,0,3")
                .find("'t_out_c'"),
            std::string::npos);
  EXPECT_NE(message("time,t_out_c,iglob_w_m2,wind_m_s", "2025-01-10T00:00+05:00,1,0,3")
                .find("'rh_out_pct'"),
            std::string::npos);
  EXPECT_NE(message("time,t_out_c,rh_out_pct,wind_m_s", "2025-01-10T00:00+05:00,1,80,3")
                .find("'iglob_w_m2'"),
            std::string::npos);
  EXPECT_NE(message("time,t_out_c,rh_out_pct,iglob_w_m2", "2025-01-10T00:00+05:00,1,80,0")
                .find("'wind_m_s'"),
            std::string::npos);
  EXPECT_NE(message("time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s", "2025-01-10T00:00+05:00,,80,0,3")
                .find("'t_out_c'"),
            std::string::npos);
}

}  // namespace
}  // namespace egin::greenhouse
