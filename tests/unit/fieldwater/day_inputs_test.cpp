// Day inputs from weather records: wind to 2 m (FAO-56 Eq. 47, Example 14) and the pyfao56
// fallbacks for missing wind and RHmin.
#include "egin/fieldwater/day_inputs.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/agromet/wind_speed.hpp"
#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

TEST(DayInputs, RhMinFallsBackToTdewThenTminThen45) {
  agromet::DailyWeather w;
  w.rh_min_pct = 27.3;
  EXPECT_DOUBLE_EQ(minimum_relative_humidity_pct(w), 27.3);
  w.rh_min_pct = agromet::kMissing;
  w.tmax_c = 30.0;
  w.tdew_c = 10.0;
  // e°(10) / e°(30) = 1.228 / 4.243 kPa (FAO-56 Annex 2 Table 2.3)
  EXPECT_NEAR(minimum_relative_humidity_pct(w), 100.0 * 1.228 / 4.243, 0.02);
  w.tdew_c = agromet::kMissing;
  w.tmin_c = 10.0;
  EXPECT_NEAR(minimum_relative_humidity_pct(w), 100.0 * 1.228 / 4.243, 0.02);
  w.tmin_c = agromet::kMissing;
  EXPECT_DOUBLE_EQ(minimum_relative_humidity_pct(w), 45.0);
}

TEST(DayInputs, FromWeatherUsesTheSiteWindHeight) {
  agromet::DailyWeather w;
  w.date = *Date::parse("2013-113");
  w.et0_mm = 6.97;
  w.precip_mm = 0.0;
  w.wind_m_s = 3.0;
  w.rh_min_pct = 10.0;
  agromet::SiteMeta site;
  site.wind_height_m = 3.0;
  const DayInputs d = day_inputs_from_weather(w, site, "x.wth");
  EXPECT_NEAR(d.u2_m_s, 3.0 * 4.87 / std::log(67.8 * 3.0 - 5.42), 1e-12);
  EXPECT_DOUBLE_EQ(d.et_ref_mm, 6.97);
  w.wind_m_s = agromet::kMissing;  // pyfao56: 2 m/s at the measurement height
  EXPECT_NEAR(day_inputs_from_weather(w, site, "x.wth").u2_m_s,
              agromet::wind_speed_2m_m_s(2.0, 3.0), 1e-12);
  w.precip_mm = agromet::kMissing;
  EXPECT_THROW((void)day_inputs_from_weather(w, site, "x.wth"), InputError);
}

}  // namespace
}  // namespace egin::fieldwater
