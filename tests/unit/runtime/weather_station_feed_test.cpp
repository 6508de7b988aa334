// WeatherStationFeed (weather_station_feed.hpp): a minute's station records from an hourly file —
// linear values as the twin's forcing takes them, radiation and rain keeping the file's sums,
// pressure by FAO-56 Eq. 7 (Example 2), the one-year sample reused for any year.
#include "egin/runtime/weather_station_feed.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "egin/agromet/weather_csv.hpp"

namespace egin::runtime {
namespace {

const std::string kCsv =
    "# latitude_deg: 43.3\n# longitude_deg: 68.25\n# elevation_m: 210\n# wind_height_m: 2\n# "
    "period_s: 3600\n"
    "time,t_out_c,rh_out_pct,iglob_w_m2,wind_m_s,precip_mm\n"
    "2025-07-01T12:00+05:00,30,40,800,2,1.2\n"
    "2025-07-01T13:00+05:00,34,30,900,4,0\n"
    "2025-07-01T14:00+05:00,35,,850,4,0\n";

constexpr TimeMs kT0 = 1'751'353'200'000;  // 2025-07-01T12:00+05:00 = 07:00Z

std::map<std::string, double> values(const WeatherStationFeed& feed, TimeMs t_ms) {
  std::map<std::string, double> out;
  for (const SenmlRecord& r : feed.minute(t_ms)) {
    EXPECT_EQ(r.time_s, static_cast<double>(t_ms) / 1000.0);
    out[r.name] = *r.value;
  }
  return out;
}

WeatherStationFeed feed(double elevation_m = 210.0) {
  return WeatherStationFeed(agromet::parse_period_weather_csv(kCsv, "w.csv"), elevation_m);
}

TEST(WeatherStationFeed, ValuesAtAndBetweenRecords) {
  const WeatherStationFeed f = feed();
  auto v = values(f, kT0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/t_air"), 30.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/rh"), 40.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/u2"), 2.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/rs"), 800.0);  // the period's mean
  v = values(f, kT0 + 30 * kMsPerMinute);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/t_air"), 32.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/rh"), 35.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/u2"), 3.0);
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/rs"), 800.0);
  // A missing cell leaves the channel out of that minute, the others stay.
  v = values(f, kT0 + 2 * kMsPerHour + 5 * kMsPerMinute);
  EXPECT_FALSE(v.contains("ws1/mast/rh"));
  EXPECT_DOUBLE_EQ(v.at("ws1/mast/t_air"), 35.0);
}

TEST(WeatherStationFeed, RadiationAndRainKeepTheFilesSums) {
  const WeatherStationFeed f = feed();
  double rs_j_m2 = 0.0;
  double rain_mm = 0.0;
  for (int m = 0; m < 60; ++m) {
    const auto v = values(f, kT0 + m * kMsPerMinute);
    rs_j_m2 += v.at("ws1/mast/rs") * 60.0;
    rain_mm += v.at("ws1/mast/rain");
  }
  EXPECT_NEAR(rs_j_m2, 800.0 * 3600.0, 1e-6);  // the hour's sum, 2.88 MJ m⁻²
  EXPECT_NEAR(rain_mm, 1.2, 1e-12);
  EXPECT_DOUBLE_EQ(values(f, kT0 + 61 * kMsPerMinute).at("ws1/mast/rain"), 0.0);
}

TEST(WeatherStationFeed, PressureFromElevationFao56Example2) {
  // FAO-56 Chapter 3, Example 2: z = 1800 m gives P = 81.8 kPa.
  EXPECT_NEAR(values(feed(1800.0), kT0).at("ws1/mast/p_air"), 818.0, 0.5);
  // At sea level 101.3 kPa (Eq. 7).
  EXPECT_NEAR(values(feed(0.0), kT0).at("ws1/mast/p_air"), 1013.0, 1e-9);
}

TEST(WeatherStationFeed, OtherYearsReuseTheSample) {
  const WeatherStationFeed f = feed();
  constexpr TimeMs kYearMs = 365 * kMsPerDay;
  EXPECT_EQ(values(f, kT0 + kYearMs + 30 * kMsPerMinute).at("ws1/mast/t_air"), 32.0);
  EXPECT_EQ(values(f, kT0 - 2 * kYearMs + 30 * kMsPerMinute).at("ws1/mast/t_air"), 32.0);
}

TEST(WeatherStationFeed, RejectsAnEmptySeries) {
  EXPECT_THROW(WeatherStationFeed(agromet::PeriodWeatherSeries{}, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace egin::runtime
