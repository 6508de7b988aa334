// The weather CSV writer against the reader: what is written reads back (the round trip) to the
// written precision, with its metadata, time stamps and offsets; and the time stamp formatter
// is the inverse of the parser.
#include "egin/agromet/weather_csv_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/agromet/weather_disaggregator.hpp"
#include "egin/agromet/weather_generator.hpp"

namespace egin::agromet {
namespace {

const std::string kDir = std::string(EGIN_SOURCE_DIR) + "/data/weather/";

TEST(WeatherCsvWriter, IsoTimeRoundTrip) {
  for (const std::int64_t utc : {std::int64_t{0}, std::int64_t{1751328000}, std::int64_t{-86399},
                                 std::int64_t{951782400 + 59 * 60 + 7}}) {
    for (const int offset : {0, 5 * 3600, -3 * 3600 - 1800, 14 * 3600}) {
      const std::string text = format_iso_time(utc, offset);
      const auto back = parse_iso_time(text);
      ASSERT_TRUE(back) << text;
      EXPECT_EQ(back->utc_s, utc) << text;
      EXPECT_EQ(back->utc_offset_s, offset) << text;
    }
  }
  EXPECT_EQ(format_iso_time(1751328000, 5 * 3600), "2025-07-01T05:00+05:00");
  EXPECT_EQ(format_iso_time(1751328000, 0), "2025-07-01T00:00Z");
  EXPECT_EQ(format_iso_time(1751328007, -9000), "2025-06-30T21:30:07-02:30");
}

TEST(WeatherCsvWriter, DailyRoundTrip) {
  const ClimateNormals n = read_climate_normals(kDir + "shardara_normals.toml");
  WeatherGeneratorOptions o;
  o.years = 2;
  o.seed = 3;
  const GeneratedWeather g = generate_daily_weather(n, o);
  std::ostringstream out;
  write_daily_weather_csv(out, g.series, {{"synthetic", "yes"}});
  const std::string text = out.str();
  EXPECT_EQ(text.find("# name: Shardara"), 0u);
  EXPECT_NE(text.find("# synthetic: yes\n"), std::string::npos);
  EXPECT_NE(text.find("\ndate,tmax_c,tmin_c,precip_mm\n"), std::string::npos);
  const DailyWeatherSeries back = parse_daily_weather_csv(text, "rt.csv");
  ASSERT_EQ(back.days.size(), g.series.days.size());
  EXPECT_DOUBLE_EQ(back.site.latitude_deg, 41.25);
  EXPECT_DOUBLE_EQ(back.site.longitude_deg, 67.94);
  EXPECT_DOUBLE_EQ(back.site.elevation_m, 250.0);
  for (std::size_t i = 0; i < back.days.size(); ++i) {
    const DailyWeather& a = g.series.days[i];
    const DailyWeather& b = back.days[i];
    EXPECT_EQ(a.date, b.date);
    EXPECT_NEAR(a.tmax_c, b.tmax_c, 0.05 + 1e-9);
    EXPECT_NEAR(a.tmin_c, b.tmin_c, 0.05 + 1e-9);
    EXPECT_NEAR(a.precip_mm, b.precip_mm, 0.05 + 1e-9);
    EXPECT_LT(b.tmin_c, b.tmax_c);
    EXPECT_TRUE(is_missing(b.rs_mj_m2));
  }
}

TEST(WeatherCsvWriter, SubDailyRoundTripKeepsDailySums) {
  DailyWeatherSeries daily;
  daily.source = "d.csv";
  daily.site.name = "Roof";
  daily.site.latitude_deg = 43.3;
  daily.site.longitude_deg = 68.25;
  daily.site.elevation_m = 210;
  daily.site.wind_height_m = 10;
  for (int i = 0; i < 3; ++i) {
    DailyWeather d;
    d.date = Date(2025, 12, 30) + i;  // across the new year
    d.tmax_c = 2.0 + i;
    d.tmin_c = -6.0 + i;
    d.rs_mj_m2 = 6.5;
    d.ea_kpa = 0.35;
    d.wind_m_s = 4.0;
    d.precip_mm = i == 0 ? 3.2 : 0.0;
    daily.days.push_back(d);
  }
  for (const int step : {300, 3600}) {
    DisaggregationOptions o;
    o.step_s = step;
    const DisaggregationResult r = disaggregate_daily_weather(daily, o);
    std::ostringstream out;
    write_period_weather_csv(out, r.series, {{"fallbacks", "none"}});
    const std::string text = out.str();
    EXPECT_NE(text.find("# period_s: " + std::to_string(step) + "\n"), std::string::npos);
    EXPECT_NE(text.find("# wind_height_m: 10\n"), std::string::npos);
    EXPECT_NE(text.find("time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,precip_mm\n"),
              std::string::npos);
    EXPECT_NE(text.find("\n2025-12-30T00:00+05:00,"), std::string::npos);
    const PeriodWeatherSeries back = parse_period_weather_csv(text, "rt.csv");
    ASSERT_EQ(back.periods.size(), r.series.periods.size());
    EXPECT_DOUBLE_EQ(back.site.wind_height_m, 10.0);
    const std::size_t per_day = static_cast<std::size_t>(86400 / step);
    for (std::size_t d = 0; d < 3; ++d) {
      double rs = 0.0;
      double rain = 0.0;
      for (std::size_t k = 0; k < per_day; ++k) {
        const PeriodWeather& a = r.series.periods[d * per_day + k];
        const PeriodWeather& b = back.periods[d * per_day + k];
        EXPECT_EQ(a.start_utc_s, b.start_utc_s);
        EXPECT_EQ(b.utc_offset_s, 5 * 3600);
        EXPECT_EQ(b.period_s, step);
        EXPECT_NEAR(a.t_out_c, b.t_out_c, 0.005 + 1e-9);
        EXPECT_NEAR(a.rh_out_pct, b.rh_out_pct, 0.05 + 1e-9);
        EXPECT_NEAR(a.wind_m_s, b.wind_m_s, 1e-9);
        rs += b.rs_mj_m2;
        rain += b.precip_mm;
      }
      EXPECT_NEAR(rs, 6.5, 0.005 * 86400.0 / 1e6 + 1e-9);  // iglob at 0.01 W/m²
      EXPECT_NEAR(rain, d == 0 ? 3.2 : 0.0, 1e-9);         // exact in 0.001 mm units
    }
  }
}

}  // namespace
}  // namespace egin::agromet
