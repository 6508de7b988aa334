// Tests of the weather CSV reader (docs/formats/weather-csv.md): valid daily and sub-daily files,
// metadata and overrides, and one test per error kind asserting the line and field it names.
#include "egin/agromet/weather_csv.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

// Runs `parse`, expects an InputError at `line` for `field` whose message holds `fragment`.
template <typename Parse>
void expect_error(Parse parse, int line, const std::string& field, const std::string& fragment) {
  try {
    parse();
    ADD_FAILURE() << "no InputError; expected one at line " << line << " field '" << field << "'";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().field, field) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message: " << e.what() << "\nmissing: " << fragment;
  }
}

void expect_daily_error(const std::string& text, int line, const std::string& field,
                        const std::string& fragment, const WeatherCsvOverrides& ov = {}) {
  expect_error([&] { parse_daily_weather_csv(text, "w.csv", ov); }, line, field, fragment);
}

void expect_period_error(const std::string& text, int line, const std::string& field,
                         const std::string& fragment, const WeatherCsvOverrides& ov = {}) {
  expect_error([&] { parse_period_weather_csv(text, "h.csv", ov); }, line, field, fragment);
}

constexpr const char* kDaily =
    "# name: Shymkent test\n"
    "# latitude_deg: 42.32\n"
    "# longitude_deg: 69.70\n"
    "# elevation_m: 604\n"
    "# wind_height_m: 10\n"
    "# source: written by hand for this test\n"
    "date,tmax_c,tmin_c,rh_max_pct,rh_min_pct,rs_mj_m2,wind_m_s,precip_mm,sunshine_h,et0_mm\n"
    "2025-07-01,38.5,21.0,55,18,29.4,3.2,0,13.1,\n"
    "2025-07-02,37.0,20.5,60,20,,2.8,1.5,12.0,7.1\n"
    "2025-07-04,36.2,19.9,58,19,28.0,,0,NaN,6.9\n";

TEST(WeatherCsvDaily, ReadsValuesMetadataAndGaps) {
  const DailyWeatherSeries s = parse_daily_weather_csv(kDaily, "w.csv");
  EXPECT_EQ(s.source, "w.csv");
  EXPECT_EQ(s.site.name, "Shymkent test");
  EXPECT_DOUBLE_EQ(s.site.latitude_deg, 42.32);
  EXPECT_DOUBLE_EQ(s.site.longitude_deg, 69.70);
  EXPECT_DOUBLE_EQ(s.site.elevation_m, 604.0);
  EXPECT_DOUBLE_EQ(s.site.wind_height_m, 10.0);
  ASSERT_EQ(s.days.size(), 3U);
  const DailyWeather& d0 = s.days[0];
  EXPECT_EQ(d0.date, Date(2025, 7, 1));
  EXPECT_EQ(d0.line, 8);
  EXPECT_DOUBLE_EQ(d0.tmax_c, 38.5);
  EXPECT_DOUBLE_EQ(d0.tmin_c, 21.0);
  EXPECT_DOUBLE_EQ(d0.rh_max_pct, 55.0);
  EXPECT_DOUBLE_EQ(d0.rh_min_pct, 18.0);
  EXPECT_DOUBLE_EQ(d0.rs_mj_m2, 29.4);
  EXPECT_DOUBLE_EQ(d0.wind_m_s, 3.2);
  EXPECT_DOUBLE_EQ(d0.precip_mm, 0.0);
  EXPECT_DOUBLE_EQ(d0.sunshine_h, 13.1);
  EXPECT_TRUE(is_missing(d0.et0_mm));   // empty last cell
  EXPECT_TRUE(is_missing(d0.tmean_c));  // column absent
  EXPECT_TRUE(is_missing(d0.tdew_c));
  EXPECT_TRUE(is_missing(s.days[1].rs_mj_m2));
  EXPECT_DOUBLE_EQ(s.days[1].et0_mm, 7.1);
  EXPECT_TRUE(is_missing(s.days[2].wind_m_s));
  EXPECT_TRUE(is_missing(s.days[2].sunshine_h));  // "NaN" is missing too
  EXPECT_EQ(s.days[2].date, Date(2025, 7, 4));    // a gap is allowed
  EXPECT_EQ(s.find(Date(2025, 7, 2)), &s.days[1]);
  EXPECT_EQ(s.find(Date(2025, 7, 3)), nullptr);
}

TEST(WeatherCsvDaily, U2ColumnMeansTwoMetres) {
  const auto s = parse_daily_weather_csv(
      "date,u2_m_s,tdew_c,ea_kpa,tmean_c,rh_mean_pct\n"
      "2025-01-01,1.5,-3.5,0.48,2.0,70\n",
      "w.csv");
  EXPECT_DOUBLE_EQ(s.site.wind_height_m, 2.0);
  EXPECT_DOUBLE_EQ(s.days[0].wind_m_s, 1.5);
  EXPECT_DOUBLE_EQ(s.days[0].tdew_c, -3.5);
  EXPECT_DOUBLE_EQ(s.days[0].ea_kpa, 0.48);
  EXPECT_DOUBLE_EQ(s.days[0].tmean_c, 2.0);
  EXPECT_DOUBLE_EQ(s.days[0].rh_mean_pct, 70.0);
  EXPECT_TRUE(is_missing(s.site.latitude_deg));  // no metadata: missing
}

TEST(WeatherCsvDaily, OverridesWinOverTheFile) {
  WeatherCsvOverrides ov;
  ov.latitude_deg = 43.30;
  ov.elevation_m = 210.0;
  ov.wind_height_m = 2.5;
  const auto s = parse_daily_weather_csv(kDaily, "w.csv", ov);
  EXPECT_DOUBLE_EQ(s.site.latitude_deg, 43.30);
  EXPECT_DOUBLE_EQ(s.site.longitude_deg, 69.70);  // not overridden: the file's
  EXPECT_DOUBLE_EQ(s.site.elevation_m, 210.0);
  EXPECT_DOUBLE_EQ(s.site.wind_height_m, 2.5);
}

TEST(WeatherCsvDaily, CrlfBomQuotesBlankLinesAndComments) {
  const std::string text =
      "\xEF\xBB\xBF# latitude_deg : 42.3\r\n"
      "# a free comment without a key\r\n"
      "# Note, see: the README\r\n"
      "\r\n"
      "\"date\",\"tmax_c\",tmin_c\r\n"
      "2025-03-01,\"12.5\",  3.0 \r\n"
      "\r\n"
      "# a comment between rows\r\n"
      "2025-03-02,14,+4\r\n";
  const auto s = parse_daily_weather_csv(text, "w.csv");
  EXPECT_DOUBLE_EQ(s.site.latitude_deg, 42.3);
  ASSERT_EQ(s.days.size(), 2U);
  EXPECT_DOUBLE_EQ(s.days[0].tmax_c, 12.5);
  EXPECT_DOUBLE_EQ(s.days[0].tmin_c, 3.0);
  EXPECT_EQ(s.days[0].line, 6);
  EXPECT_EQ(s.days[1].line, 9);
  EXPECT_DOUBLE_EQ(s.days[1].tmin_c, 4.0);
}

TEST(WeatherCsvDaily, ErrorsNameLineFieldAndRange) {
  const std::string head = "date,tmax_c,tmin_c,rh_max_pct,rh_min_pct\n";
  expect_daily_error(head + "2025-01-01,10,2,90,40\n2025-01-02,130,2,90,40\n", 3, "tmax_c",
                     "w.csv:3: field 'tmax_c': value 130 is out of range (expected -60 to 60 °C)");
  expect_daily_error(head + "2025-01-01,10,2,101,40\n", 2, "rh_max_pct",
                     "value 101 is out of range (expected 0 to 100 %)");
  expect_daily_error(head + "2025-01-01,12.3abc,2,90,40\n", 2, "tmax_c",
                     "'12.3abc' is not a number");
  expect_daily_error(head + "2025-01-01,ten,2,90,40\n", 2, "tmax_c", "'ten' is not a number");
  expect_daily_error(head + "2025-01-01,10,12,90,40\n", 2, "tmin_c",
                     "tmin_c 12 is above tmax_c 10 (expected tmin_c <= tmax_c)");
  expect_daily_error(head + "2025-01-01,10,2,40,90\n", 2, "rh_min_pct",
                     "rh_min_pct 90 is above rh_max_pct 40");
  expect_daily_error(head + "2025-01-01,10,2,90\n", 2, "",
                     "the row has 4 cells but the header names 5 columns");
  expect_daily_error(head + "2025-01-01,10,2,90,40,\n", 2, "", "has 6 cells");
  expect_daily_error(head + "2025-01-02,10,2,90,40\n2025-01-02,11,2,90,40\n", 3, "date",
                     "the date 2025-01-02 appears twice (first on line 2)");
  expect_daily_error(head + "2025-01-02,10,2,90,40\n2025-01-01,11,2,90,40\n", 3, "date",
                     "2025-01-01 comes after 2025-01-02 (line 2)");
  expect_daily_error(head + "2025-02-30,10,2,90,40\n", 2, "date", "'2025-02-30' is not a date");
  expect_daily_error(head + "01/02/2025,10,2,90,40\n", 2, "date", "(expected a day as YYYY-MM-DD");
  expect_daily_error(head + "2025-032,10,2,90,40\n", 2, "date", "is not a date");
  expect_daily_error(head + ",10,2,90,40\n", 2, "date", "the date is empty");
  expect_daily_error(head + "2025-01-01,inf,2,90,40\n", 2, "tmax_c", "'inf' is not a number");
  expect_daily_error(head + "2025-01-01,-9999,2,90,40\n", 2, "tmax_c",
                     "value -9999 is out of range");
}

TEST(WeatherCsvDaily, EveryColumnIsRangeChecked) {
  struct Case {
    const char* column;
    const char* bad;
    const char* range;
  };
  for (const Case& c :
       {Case{"tmean_c", "-61", "-60 to 60 °C"}, Case{"rh_mean_pct", "-1", "0 to 100 %"},
        Case{"tdew_c", "61", "-60 to 60 °C"}, Case{"ea_kpa", "10.5", "0 to 10 kPa"},
        Case{"rs_mj_m2", "45.1", "0 to 45 MJ/m²"}, Case{"sunshine_h", "24.5", "0 to 24 h"},
        Case{"u2_m_s", "-0.1", "0 to 75 m/s"}, Case{"precip_mm", "1001", "0 to 1000 mm"},
        Case{"et0_mm", "31", "0 to 30 mm"}}) {
    const std::string text = std::string("date,") + c.column + "\n2025-01-01," + c.bad + "\n";
    expect_daily_error(text, 2, c.column, std::string("(expected ") + c.range);
  }
}

TEST(WeatherCsvDaily, HeaderErrors) {
  // A column without its unit is not silently ignored.
  expect_daily_error("date,tmax,tmin_c\n2025-01-01,1,0\n", 1, "tmax",
                     "unknown column; did you mean 'tmax_c'? (units are part of the name) "
                     "(expected one of date, tmax_c, tmin_c,");
  expect_daily_error("date,tmx_c\n", 1, "tmx_c", "did you mean 'tmax_c'?");
  expect_daily_error("date,TMAX_C\n", 1, "TMAX_C", "names are lower case: 'tmax_c'");
  expect_daily_error("date,t_out_c\n", 1, "t_out_c", "use 'tmean_c'");
  expect_daily_error("date,solar\n", 1, "solar", "unknown column (expected one of date,");
  expect_daily_error("date,tmax_c,tmax_c\n", 1, "tmax_c",
                     "the column appears twice (columns 2 and 3)");
  expect_daily_error("date,u2_m_s,wind_m_s\n", 1, "wind_m_s", "both 'u2_m_s' and 'wind_m_s'");
  expect_daily_error("tmax_c,tmin_c\n1,0\n", 1, "date", "the column is missing");
  expect_daily_error("date,,tmin_c\n", 1, "", "column 2 of the header has no name");
  expect_daily_error("date;tmax_c;tmin_c\n", 1, "date;tmax_c;tmin_c", "separated by ';'");
  expect_daily_error("time,t_out_c\n", 1, "time", "makes this a sub-daily file");
  expect_daily_error("# only comments\n\n", 0, "", "no header row");
  expect_daily_error("", 0, "", "no header row");
  expect_daily_error("# x: 1\ndate,tmax_c\n", 2, "", "no data rows");
}

TEST(WeatherCsvDaily, MetadataErrors) {
  expect_daily_error("# latitude_deg: 95\ndate\n2025-01-01\n", 1, "latitude_deg",
                     "value 95 is out of range (expected -90 to 90 degrees");
  expect_daily_error("# longitude_deg: east\ndate\n2025-01-01\n", 1, "longitude_deg",
                     "'east' is not a number");
  expect_daily_error("# x\n# elevation_m: 9500\ndate\n2025-01-01\n", 2, "elevation_m",
                     "(expected -500 to 9000 m)");
  expect_daily_error("# wind_height_m: 0.2\ndate\n2025-01-01\n", 1, "wind_height_m",
                     "(expected 0.5 to 100 m)");
  expect_daily_error("# elevation_m: 1\n# elevation_m: 2\ndate\n2025-01-01\n", 2, "elevation_m",
                     "given twice (first on line 1)");
  expect_daily_error("# elevation_m:\ndate\n2025-01-01\n", 1, "elevation_m", "the value is empty");
}

TEST(WeatherCsvDaily, WindHeightRules) {
  // wind_m_s needs a height from the file or the flag.
  expect_daily_error("date,wind_m_s\n2025-01-01,2\n", 1, "wind_m_s",
                     "the wind measurement height is not given");
  WeatherCsvOverrides ov;
  ov.wind_height_m = 10.0;
  EXPECT_DOUBLE_EQ(
      parse_daily_weather_csv("date,wind_m_s\n2025-01-01,2\n", "w.csv", ov).site.wind_height_m,
      10.0);
  // u2_m_s contradicts any other height.
  expect_daily_error("# wind_height_m: 10\ndate,u2_m_s\n2025-01-01,2\n", 1, "wind_height_m",
                     "the wind height is 10 m (in the file) but the column u2_m_s is wind at 2 m");
  expect_daily_error("date,u2_m_s\n2025-01-01,2\n", 0, "wind_height_m", "(on the command line)",
                     ov);
  // No wind column: the given height is kept, else 2 m.
  EXPECT_DOUBLE_EQ(
      parse_daily_weather_csv("# wind_height_m: 3\ndate\n2025-01-01\n", "w.csv").site.wind_height_m,
      3.0);
}

TEST(WeatherCsvDaily, OverridesAreRangeChecked) {
  WeatherCsvOverrides ov;
  ov.latitude_deg = 91.0;
  try {
    parse_daily_weather_csv("date\n2025-01-01\n", "w.csv", ov);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "field 'latitude_deg': the value 91 given on the command line is out of range "
                 "(expected -90 to 90 degrees (+ north))");
  }
}

constexpr const char* kHourly =
    "# name: greenhouse roof station\n"
    "# latitude_deg: 43.30\n"
    "# elevation_m: 210\n"
    "time,t_out_c,rh_out_pct,iglob_w_m2,u2_m_s,precip_mm,t_sky_c,co2_out_ppm,t_soil_c,tdew_c,ea_"
    "kpa\n"
    "2025-07-01T13:00+05:00,35.0,25,500,2.0,0,-5,420,30,12.1,1.41\n"
    "2025-07-01T14:00:00+05:00,36.0,22,800,2.5,0.2,-4,421,31,11.5,1.36\n"
    "2025-07-01T10:00Z,36.5,21,,3.0,,,,,,\n";

TEST(WeatherCsvSubDaily, ReadsOffsetsZuluAndPeriods) {
  const PeriodWeatherSeries s = parse_period_weather_csv(kHourly, "h.csv");
  EXPECT_EQ(s.site.name, "greenhouse roof station");
  EXPECT_DOUBLE_EQ(s.site.latitude_deg, 43.30);
  EXPECT_DOUBLE_EQ(s.site.wind_height_m, 2.0);
  ASSERT_EQ(s.periods.size(), 3U);
  const PeriodWeather& p0 = s.periods[0];
  EXPECT_EQ(p0.start_utc_s, 1751356800);  // 2025-07-01T08:00Z
  EXPECT_EQ(p0.utc_offset_s, 18000);
  EXPECT_EQ(p0.line, 5);
  EXPECT_DOUBLE_EQ(p0.period_s, 3600.0);
  EXPECT_DOUBLE_EQ(p0.t_out_c, 35.0);
  EXPECT_DOUBLE_EQ(p0.rh_out_pct, 25.0);
  EXPECT_DOUBLE_EQ(p0.wind_m_s, 2.0);
  EXPECT_DOUBLE_EQ(p0.t_sky_c, -5.0);
  EXPECT_DOUBLE_EQ(p0.co2_out_ppm, 420.0);
  EXPECT_DOUBLE_EQ(p0.t_soil_c, 30.0);
  EXPECT_DOUBLE_EQ(p0.tdew_c, 12.1);
  EXPECT_DOUBLE_EQ(p0.ea_kpa, 1.41);
  // iglob (period mean, W/m²) → rs (period sum, MJ/m²) = W/m² × period_s / 1e6.
  EXPECT_DOUBLE_EQ(p0.rs_mj_m2, 500.0 * 3600.0 / 1e6);  // 1.8
  EXPECT_DOUBLE_EQ(s.periods[1].rs_mj_m2, 2.88);
  EXPECT_DOUBLE_EQ(s.periods[1].precip_mm, 0.2);
  EXPECT_EQ(s.periods[2].start_utc_s, 1751356800 + 7200);  // 10:00Z
  EXPECT_EQ(s.periods[2].utc_offset_s, 0);
  EXPECT_DOUBLE_EQ(s.periods[2].period_s, 3600.0);  // the last repeats the step before
  EXPECT_TRUE(is_missing(s.periods[2].rs_mj_m2));
  EXPECT_TRUE(is_missing(s.periods[2].t_sky_c));
}

TEST(WeatherCsvSubDaily, FiveMinutePeriodsAndPeriodMetadata) {
  const auto s = parse_period_weather_csv(
      "time,iglob_w_m2\n2025-07-01T12:00Z,300\n2025-07-01T12:05Z,600\n", "h.csv");
  EXPECT_DOUBLE_EQ(s.periods[0].period_s, 300.0);
  EXPECT_DOUBLE_EQ(s.periods[1].period_s, 300.0);
  EXPECT_DOUBLE_EQ(s.periods[0].rs_mj_m2, 0.09);  // 300 W/m² × 300 s
  EXPECT_DOUBLE_EQ(s.periods[1].rs_mj_m2, 0.18);
  // With period_s given, gaps keep every period at period_s.
  const auto g = parse_period_weather_csv(
      "# period_s: 3600\ntime,iglob_w_m2\n2025-07-01T12:00Z,250\n2025-07-01T15:00Z,250\n", "h.csv");
  EXPECT_DOUBLE_EQ(g.periods[0].period_s, 3600.0);
  EXPECT_DOUBLE_EQ(g.periods[0].rs_mj_m2, 0.9);
  EXPECT_DOUBLE_EQ(g.periods[1].rs_mj_m2, 0.9);
  // A single row needs period_s.
  const auto one = parse_period_weather_csv(
      "# period_s: 900\ntime,rs_mj_m2\n2025-07-01T12:00+05:00,0.8\n", "h.csv");
  EXPECT_DOUBLE_EQ(one.periods[0].period_s, 900.0);
  EXPECT_DOUBLE_EQ(one.periods[0].rs_mj_m2, 0.8);  // a sum is kept as given
}

TEST(WeatherCsvSubDaily, Errors) {
  expect_period_error("time,t_out_c\n2025-07-01T13:00,30\n", 2, "time",
                      "'2025-07-01T13:00' is not a time (expected an ISO 8601 time with its "
                      "UTC offset");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,30\n2025-07-01T12:00Z,30\n", 3, "time",
                      "is before the row on line 2");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,30\n2025-07-01T18:00+05:00,31\n", 3, "time",
                      "appears twice (first on line 2)");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,30\n", 2, "time",
                      "a single row: its period length cannot be inferred");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,30\n2025-07-03T13:00Z,30\n", 3, "time",
                      "the row starts 2 d after the row on line 2");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,30\n2025-07-01T13:00:30Z,30\n", 3, "time",
                      "periods of 60 s to 1 d");
  expect_period_error(
      "# period_s: 3600\ntime,t_out_c\n2025-07-01T13:00Z,30\n2025-07-01T13:30Z,30\n", 4, "time",
      "the row starts 1800 s after the row on line 3, inside its period");
  expect_period_error("# period_s: 30\ntime\n", 1, "period_s", "(expected 60 to 86400 s)");
  expect_period_error("time,iglob_w_m2\n2025-07-01T13:00Z,1600\n2025-07-01T14:00Z,1\n", 2,
                      "iglob_w_m2", "value 1600 is out of range (expected 0 to 1500 W/m²)");
  expect_period_error("time,rs_mj_m2\n2025-07-01T13:00Z,1.0\n2025-07-01T13:10Z,1.0\n", 2,
                      "rs_mj_m2", "value 1 is out of range for a 600 s period (expected 0 to 0.9");
  expect_period_error("time,iglob_w_m2,rs_mj_m2\n", 1, "rs_mj_m2",
                      "both 'iglob_w_m2' and 'rs_mj_m2'");
  expect_period_error("time,t_out_c\n2025-07-01T13:00Z,70\n", 2, "t_out_c",
                      "(expected -60 to 60 °C)");
  expect_period_error("time,co2_out_ppm\n2025-07-01T13:00Z,6000\n", 2, "co2_out_ppm",
                      "(expected 0 to 5000 ppm)");
  expect_period_error("time,t_sky_c\n2025-07-01T13:00Z,-101\n", 2, "t_sky_c",
                      "(expected -100 to 60 °C)");
  expect_period_error("time,precip_mm\n2025-07-01T13:00Z,401\n", 2, "precip_mm",
                      "(expected 0 to 400 mm per period)");
  expect_period_error("time,tmean_c\n", 1, "tmean_c", "use 't_out_c'");
  expect_period_error("time,sunshine_h\n", 1, "sunshine_h", "unknown column");
  expect_period_error("date,tmax_c\n", 1, "date", "makes this a daily file");
  expect_period_error("time,t_out_c\n,30\n", 2, "time", "the time is empty");
}

TEST(WeatherCsvDetect, KindFromTheHeader) {
  EXPECT_EQ(detect_weather_csv_kind(kDaily, "w.csv"), WeatherCsvKind::kDaily);
  EXPECT_EQ(detect_weather_csv_kind(kHourly, "h.csv"), WeatherCsvKind::kSubDaily);
  expect_error([] { detect_weather_csv_kind("day,tmax_c\n", "x.csv"); }, 1, "",
               "the header has no time column (first: 'day')");
  expect_error([] { detect_weather_csv_kind("date,time\n", "x.csv"); }, 1, "time",
               "both 'date' and 'time'");
  const WeatherCsvSeries any = parse_weather_csv(kHourly, "h.csv");
  ASSERT_TRUE(std::holds_alternative<PeriodWeatherSeries>(any));
  EXPECT_EQ(std::get<PeriodWeatherSeries>(any).periods.size(), 3U);
  EXPECT_TRUE(std::holds_alternative<DailyWeatherSeries>(parse_weather_csv(kDaily, "w.csv")));
}

TEST(WeatherCsvFiles, ReadsAFileAndNamesAMissingOne) {
  const std::string path = ::testing::TempDir() + "egin_weather_csv_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << kDaily;
  }
  const auto s = read_daily_weather_csv(path);
  EXPECT_EQ(s.source, path);
  EXPECT_EQ(s.days.size(), 3U);
  EXPECT_TRUE(std::holds_alternative<DailyWeatherSeries>(read_weather_csv(path)));
  std::remove(path.c_str());
  expect_error([&] { read_daily_weather_csv(path); }, 0, "", "cannot open the file");
  expect_error([&] { read_period_weather_csv(path); }, 0, "", "cannot open the file");
}

// The sample year data/weather/shardara_2025_daily.csv (made by data/weather/make_sample.py) must
// read, cover 2025, and reproduce the monthly normals it was built from (NOAA 1991–2020 for
// Shardara, data/weather/shardara_normals.toml): mean tmax/tmin to 0.05 °C, precipitation sums.
TEST(WeatherCsvFiles, TheSampleShardaraYearReadsAndKeepsItsNormals) {
  const auto s = read_daily_weather_csv(std::string(EGIN_SOURCE_DIR) +
                                        "/data/weather/shardara_2025_daily.csv");
  ASSERT_EQ(s.days.size(), 365U);
  EXPECT_EQ(s.days.front().date, Date(2025, 1, 1));
  EXPECT_EQ(s.days.back().date, Date(2025, 12, 31));
  EXPECT_NE(s.site.name.find("Shardara"), std::string::npos);
  EXPECT_DOUBLE_EQ(s.site.latitude_deg, 41.25);
  EXPECT_DOUBLE_EQ(s.site.longitude_deg, 67.94);
  EXPECT_DOUBLE_EQ(s.site.elevation_m, 250.0);
  constexpr double kTmax[12] = {3.7,  6.8,  14.4, 22.0, 28.7, 34.4,
                                36.6, 35.1, 29.3, 21.6, 12.1, 5.0};
  constexpr double kTmin[12] = {-3.1, -1.7, 4.2,  10.5, 16.2, 20.8,
                                22.5, 20.6, 14.7, 8.5,  2.5,  -1.9};
  constexpr double kPrecip[12] = {28.1, 36.8, 36.3, 29.1, 20.8, 5.5,
                                  1.7,  1.0,  2.2,  9.2,  28.4, 31.0};
  double tmax[12] = {};
  double tmin[12] = {};
  double precip[12] = {};
  int n[12] = {};
  int wet_days = 0;
  for (const DailyWeather& d : s.days) {
    const unsigned m = d.date.month() - 1;
    tmax[m] += d.tmax_c;
    tmin[m] += d.tmin_c;
    precip[m] += d.precip_mm;
    ++n[m];
    wet_days += d.precip_mm >= 1.0 ? 1 : 0;
    EXPECT_LE(d.tmin_c, d.tmax_c - 1.9) << d.date.iso();
  }
  for (int m = 0; m < 12; ++m) {
    EXPECT_NEAR(tmax[m] / n[m], kTmax[m], 0.05) << "month " << m + 1;
    EXPECT_NEAR(tmin[m] / n[m], kTmin[m], 0.05) << "month " << m + 1;
    EXPECT_NEAR(precip[m], kPrecip[m], 0.05) << "month " << m + 1;
  }
  EXPECT_EQ(wet_days, 42);  // 42.2 days with >= 1 mm a year, rounded
}

// A year of hourly data, as a size and speed check (the figure is reported, not asserted:
// DESIGN.md §3 — performance lives in bench/).
TEST(WeatherCsvSubDaily, AYearOfHourlyRows) {
  std::string text = "# latitude_deg: 42.3\ntime,t_out_c,rh_out_pct,iglob_w_m2,u2_m_s,precip_mm\n";
  const auto start = parse_iso_time("2025-01-01T00:00+05:00");
  ASSERT_TRUE(start);
  for (int h = 0; h < 8760; ++h) {
    const int day = h / 24 + 1;
    const Date d = Date::from_year_doy(2025, day);
    char line[160];
    std::snprintf(line, sizeof line, "%sT%02d:00+05:00,%.1f,%d,%d,%.1f,0\n", d.iso().c_str(),
                  h % 24, -5.0 + 0.004 * h, 30 + h % 60, (h % 24 >= 6 && h % 24 <= 18) ? 400 : 0,
                  1.0 + 0.1 * (h % 20));
    text += line;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto s = parse_period_weather_csv(text, "year.csv");
  const auto t1 = std::chrono::steady_clock::now();
  ASSERT_EQ(s.periods.size(), 8760U);
  EXPECT_EQ(s.periods.back().start_utc_s - s.periods.front().start_utc_s, 8759 * 3600);
  EXPECT_EQ(s.periods.front().start_utc_s, start->utc_s);
  double rs_sum = 0.0;
  for (const auto& p : s.periods) {
    rs_sum += p.rs_mj_m2;
  }
  EXPECT_NEAR(rs_sum, 365.0 * 13 * 400 * 3600 / 1e6, 1e-6);  // 13 sunlit hours a day at 400 W/m²
  RecordProperty("parse_ms",
                 std::to_string(std::chrono::duration<double, std::milli>(t1 - t0).count()));
  std::printf("8760 hourly rows parsed in %.2f ms\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count());
}

}  // namespace
}  // namespace egin::agromet
