// Field weather: missing ET0 filled with agromet's calculator for the field's method (given
// values kept), the fallbacks named in the notes, and rain replaced by its effective part.
#include "egin/fieldwater/field_weather.hpp"

#include <gtest/gtest.h>

#include <string>

namespace egin::fieldwater {
namespace {

agromet::DailyWeatherSeries july_week() {
  agromet::DailyWeatherSeries w;
  w.source = "w.csv";
  w.site.latitude_deg = 42.3;
  w.site.elevation_m = 506.0;
  for (int k = 0; k < 7; ++k) {
    agromet::DailyWeather d;
    d.date = *Date::parse("2025-07-01") + k;
    d.tmax_c = 35.0 + k;
    d.tmin_c = 19.0;
    d.precip_mm = k == 3 ? 20.0 : 0.0;
    w.days.push_back(d);
  }
  w.days[2].et0_mm = 4.25;  // a value the file gives is kept
  return w;
}

TEST(FieldWeather, FillsMissingEt0WithTheFieldsMethod) {
  const auto raw = july_week();
  const PreparedWeather p = prepare_field_weather(raw, agromet::Et0Method::kHargreaves, nullptr);
  EXPECT_EQ(p.et0_computed_days, 6);
  EXPECT_DOUBLE_EQ(p.series.days[2].et0_mm, 4.25);
  agromet::Et0Options o;
  o.method = agromet::Et0Method::kHargreaves;
  o.rso = agromet::default_rso_form(o.method);
  const agromet::DailyEt0Calculator calc(raw.site, o, raw.source);
  for (std::size_t i = 0; i < raw.days.size(); ++i) {
    if (i == 2) {
      continue;
    }
    EXPECT_DOUBLE_EQ(p.series.days[i].et0_mm, calc.compute(raw.days[i]).et0_mm) << i;
    EXPECT_GT(p.series.days[i].et0_mm, 4.0);  // a hot July week
    EXPECT_LT(p.series.days[i].et0_mm, 9.0);
  }
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_NE(p.notes[0].find("hargreaves) on 6 of 7 days"), std::string::npos) << p.notes[0];
}

TEST(FieldWeather, PenmanMonteithNamesItsFallbacks) {
  const PreparedWeather p = prepare_field_weather(july_week(), agromet::Et0Method::kFao56, nullptr);
  ASSERT_EQ(p.notes.size(), 1u);
  EXPECT_NE(p.notes[0].find("rs_from_temperature"), std::string::npos) << p.notes[0];
  EXPECT_NE(p.notes[0].find("wind_default"), std::string::npos) << p.notes[0];
}

TEST(FieldWeather, EffectiveRainReplacesRain) {
  // Fixed percentage 80 %: the month's ratio 0.8 goes to each rainy day (CROPWAT 8).
  EffectiveRainSettings s;
  s.method = EffectiveRainMethod::kFixedPercentage;
  s.fixed_fraction = 0.8;
  const PreparedWeather p = prepare_field_weather(july_week(), agromet::Et0Method::kFao56, &s);
  EXPECT_NEAR(p.series.days[3].precip_mm, 16.0, 1e-12);
  EXPECT_DOUBLE_EQ(p.series.days[0].precip_mm, 0.0);
  ASSERT_EQ(p.notes.size(), 2u);
  EXPECT_NE(p.notes[1].find("16.0 of 20.0 mm"), std::string::npos) << p.notes[1];
}

TEST(FieldWeather, NothingToDoWhenEt0IsGiven) {
  auto w = july_week();
  for (auto& d : w.days) {
    d.et0_mm = 6.0;
  }
  w.site = {};  // no latitude needed then
  const PreparedWeather p = prepare_field_weather(w, agromet::Et0Method::kFao56, nullptr);
  EXPECT_EQ(p.et0_computed_days, 0);
  EXPECT_TRUE(p.notes.empty());
}

}  // namespace
}  // namespace egin::fieldwater
