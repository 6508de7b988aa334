// pyfao56 file readers: the reference files parse to the values they print, and every kind of
// malformed line fails with an InputError naming file, line, field and the accepted range.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_output.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_text.hpp"
#include "egin/fieldwater/pyfao56_updates.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"

namespace egin::fieldwater::pyfao56 {
namespace {

const std::string kData = std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/pyfao56/";

std::string header(const char* kind) {
  return std::string(72, '*') + "\npyfao56: FAO-56 Evapotranspiration in Python\n" + kind +
         "\nTimestamp: 02/09/2026 17:10:43\n" + std::string(72, '*') + "\nComments: test\n" +
         std::string(72, '*') + "\n";
}

// The full text of cotton2013.par with one line replaced (line numbers as in the file: the
// parameters start on line 8).
std::string par_with(int line, const std::string& replacement) {
  std::string text = read_text_file(kData + "test01_cotton2013/cotton2013.par");
  std::size_t pos = 0;
  for (int i = 1; i < line; ++i) {
    pos = text.find('\n', pos) + 1;
  }
  const std::size_t end = text.find('\n', pos);
  return text.replace(pos, end == std::string::npos ? std::string::npos : end - pos, replacement);
}

// Runs f and returns the InputError message ("" if none was thrown).
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Pyfao56Parameters, ReadsTheCotton2013File) {
  const ParameterFile f = read_parameters(kData + "test01_cotton2013/cotton2013.par");
  const WaterBalanceParameters& p = f.parameters;
  EXPECT_EQ(f.comment, "2013 Cotton Wet");
  EXPECT_DOUBLE_EQ(p.kcm_ini, 0.35);
  EXPECT_DOUBLE_EQ(p.kcb_mid, 1.2);
  EXPECT_DOUBLE_EQ(p.kcb_end, 0.573);
  EXPECT_EQ(p.l_ini_d, 31);
  EXPECT_EQ(p.l_end_d, 21);
  EXPECT_DOUBLE_EQ(p.theta_fc_m3_m3, 0.225);
  EXPECT_DOUBLE_EQ(p.zr_max_m, 1.7);
  EXPECT_DOUBLE_EQ(p.ze_m, 0.1143);
  EXPECT_DOUBLE_EQ(p.rew_mm, 9.0);
  EXPECT_DOUBLE_EQ(p.cn2, 70.0);
  EXPECT_EQ(f.origin.lines[0], 8);  // Kcmini
}

TEST(Pyfao56Parameters, MalformedLinesNameFileLineFieldAndRange) {
  const std::string src = "cotton.par";
  // Out of range.
  std::string m =
      error_of([&] { (void)parse_parameters(par_with(11, "   3.2000 Kcbini, x"), src); });
  EXPECT_NE(
      m.find("cotton.par:11: field 'Kcbini': value 3.2 is out of range (expected a number 0 to 2)"),
      std::string::npos)
      << m;
  // Not a number.
  m = error_of([&] { (void)parse_parameters(par_with(20, "   0.2x50 thetaFC, x"), src); });
  EXPECT_NE(m.find("cotton.par:20: field 'thetaFC': '0.2x50' is not a number"), std::string::npos)
      << m;
  // A stage length must be a positive integer.
  m = error_of([&] { (void)parse_parameters(par_with(14, "      0 Lini, x"), src); });
  EXPECT_NE(m.find(":14: field 'Lini': value 0 is out of range (expected an integer 1 to 366 d)"),
            std::string::npos)
      << m;
  m = error_of([&] { (void)parse_parameters(par_with(14, "   31.5 Lini, x"), src); });
  EXPECT_NE(m.find("not an integer"), std::string::npos) << m;
  // Unknown and duplicated names, missing value.
  m = error_of([&] { (void)parse_parameters(par_with(14, "   31 Linit, x"), src); });
  EXPECT_NE(m.find(":14: field 'Linit': unknown parameter name"), std::string::npos) << m;
  m = error_of([&] { (void)parse_parameters(par_with(15, "   31 Lini, again"), src); });
  EXPECT_NE(m.find(":15: field 'Lini': given twice (first on line 14)"), std::string::npos) << m;
  m = error_of([&] { (void)parse_parameters(par_with(15, "Ldev"), src); });
  EXPECT_NE(m.find(":15: field 'parameter'"), std::string::npos) << m;
  // A required parameter left out.
  m = error_of([&] { (void)parse_parameters(par_with(28, ""), src); });
  EXPECT_NE(m.find("field 'CN2': required parameter is missing"), std::string::npos) << m;
  // Cross-parameter checks keep the .par names and lines.
  m = error_of([&] { (void)parse_parameters(par_with(21, "   0.3000 thetaWP, x"), src); });
  EXPECT_NE(m.find("cotton.par:21: field 'thetaWP': wilting point 0.3 is not below field "
                   "capacity 0.225"),
            std::string::npos)
      << m;
  m = error_of([&] { (void)parse_parameters(par_with(27, "  25.0000 REW, x"), src); });
  EXPECT_NE(m.find(":27: field 'REW'"), std::string::npos) << m;
  // Not a parameter file at all.
  m = error_of([&] { (void)parse_parameters("Kcbini 0.15\n", src); });
  EXPECT_NE(m.find("cotton.par:1: field 'header'"), std::string::npos) << m;
  m = error_of([&] { (void)parse_parameters(header("Weather Data"), src); });
  EXPECT_NE(m.find("this is a 'Weather Data' file"), std::string::npos) << m;
}

TEST(Pyfao56Parameters, SingleKcValuesMayBeLeftOutTogether) {
  std::string text = par_with(8, "");
  text = error_of([&] { (void)parse_parameters(text, "p.par"); });
  EXPECT_NE(text.find("'Kcmini'"), std::string::npos) << text;  // one of three missing: error
  std::string all = read_text_file(kData + "test01_cotton2013/cotton2013.par");
  for (const char* name : {"Kcmini", "Kcmmid", "Kcmend"}) {
    const auto pos = all.find(name);
    const auto start = all.rfind('\n', pos) + 1;
    all.erase(start, all.find('\n', pos) - start + 1);
  }
  const ParameterFile f = parse_parameters(all, "p.par");
  EXPECT_FALSE(f.parameters.has_single_kc());
}

TEST(Pyfao56Weather, ReadsTheCotton2013File) {
  const WeatherFile w = read_weather(kData + "test01_cotton2013/cotton2013.wth");
  EXPECT_EQ(w.reference, ReferenceCrop::kShort);
  EXPECT_DOUBLE_EQ(w.series.site.elevation_m, 361.0);
  EXPECT_DOUBLE_EQ(w.series.site.latitude_deg, 33.069);
  EXPECT_DOUBLE_EQ(w.series.site.wind_height_m, 3.0);
  ASSERT_EQ(w.series.days.size(), 365u);
  const agromet::DailyWeather& d1 = w.series.days[0];  // 2013-001
  EXPECT_EQ(d1.date.year_doy(), "2013-001");
  EXPECT_EQ(d1.line, 15);
  EXPECT_DOUBLE_EQ(d1.rs_mj_m2, 11.43);
  EXPECT_DOUBLE_EQ(d1.tmin_c, -3.1);
  EXPECT_TRUE(std::isnan(d1.ea_kpa));
  EXPECT_DOUBLE_EQ(d1.rh_min_pct, 27.3);
  EXPECT_DOUBLE_EQ(d1.precip_mm, 0.25);
  EXPECT_DOUBLE_EQ(d1.et0_mm, 1.36);
  EXPECT_FALSE(w.predicted[0]);
}

TEST(Pyfao56Weather, MalformedLinesNameFileLineFieldAndRange) {
  const std::string site =
      "           S Reference crop\n 361.0 elevation\n  33.0 latitude\n   3.0 wind height\n\n"
      "Daily weather data:\n"
      "Year-DOY   Srad   Tmax   Tmin   Vapr   Tdew  RHmax  RHmin  Wndsp   Rain  ETref   MorP\n";
  const std::string good =
      "2013-001  11.43  12.40  -3.10    NaN  -2.50  92.20  27.30   1.20   0.25   1.36      M\n";
  const std::string base = header("Weather Data") + site;  // rows start on line 15
  EXPECT_NO_THROW((void)parse_weather(base + good, "w.wth"));
  std::string m = error_of([&] {
    (void)parse_weather(base +
                            "2013-001  11.43  12.40  -3.10    NaN  -2.50 192.20  27.30   1.20   "
                            "0.25   1.36      M\n",
                        "w.wth");
  });
  EXPECT_NE(m.find("w.wth:15: field 'RHmax': value 192.2 is out of range (expected a number 0 to "
                   "100 %, or NaN if missing)"),
            std::string::npos)
      << m;
  m = error_of([&] { (void)parse_weather(base + good + "2013-003  11.43  12.40\n", "w.wth"); });
  EXPECT_NE(m.find("w.wth:16: field 'row': 3 fields for 12 columns"), std::string::npos) << m;
  m = error_of([&] { (void)parse_weather(base + good + good, "w.wth"); });
  EXPECT_NE(m.find("w.wth:16: field 'Year-DOY': date 2013-001 does not follow 2013-001"),
            std::string::npos)
      << m;
  m = error_of([&] {
    (void)parse_weather(base +
                            "2013-400  11.43  12.40  -3.10    NaN  -2.50  92.20  27.30   1.20   "
                            "0.25   1.36      M\n",
                        "w.wth");
  });
  EXPECT_NE(m.find("w.wth:15: field 'Year-DOY': '2013-400' is not a valid date"), std::string::npos)
      << m;
  m = error_of([&] {
    (void)parse_weather(base +
                            "2013-001  11.43  12.40  -3.10    NaN  -2.50  92.20  27.30   1.20   "
                            "0.25   1.36      X\n",
                        "w.wth");
  });
  EXPECT_NE(m.find("field 'MorP': unknown value (expected M (measured) or P (predicted))"),
            std::string::npos)
      << m;
  std::string bad_site = site;
  bad_site.replace(bad_site.find("S Ref"), 1, "Q");
  m = error_of([&] { (void)parse_weather(header("Weather Data") + bad_site + good, "w.wth"); });
  EXPECT_NE(m.find("w.wth:8: field 'reference crop': unknown reference crop (expected S or T)"),
            std::string::npos)
      << m;
  bad_site = site;
  bad_site.replace(bad_site.find("   3.0 wind"), 6, "   0.0");
  m = error_of([&] { (void)parse_weather(header("Weather Data") + bad_site + good, "w.wth"); });
  EXPECT_NE(m.find("w.wth:11: field 'wind height': value 0 is out of range"), std::string::npos)
      << m;
  bad_site = site;
  bad_site.replace(bad_site.find("Srad"), 4, "Sun ");
  m = error_of([&] { (void)parse_weather(header("Weather Data") + bad_site + good, "w.wth"); });
  EXPECT_NE(m.find("field 'Sun': unknown column"), std::string::npos) << m;
}

TEST(Pyfao56Irrigation, ReadsTheDryTreatment) {
  const IrrigationFile f = read_irrigation(kData + "test01_cotton2013/cottondry2013.irr");
  ASSERT_EQ(f.events.size(), 51u);
  EXPECT_EQ(f.events[0].date.year_doy(), "2013-115");
  EXPECT_DOUBLE_EQ(f.events[0].depth_mm, 33.0);
  EXPECT_DOUBLE_EQ(f.events[0].fw, 0.5);
  EXPECT_DOUBLE_EQ(f.events[2].fw, 0.2);
  EXPECT_DOUBLE_EQ(f.events[0].efficiency_pct, 100.0);
  double total = 0.0;
  for (const auto& e : f.events) {
    total += e.depth_mm;
  }
  EXPECT_NEAR(total, 754.4, 1e-9);  // cottondry2013.sum Irrig
}

TEST(Pyfao56Irrigation, MalformedLines) {
  const std::string base = header("Irrigation Data") + "Year-DOY  Depth     fw IrrEff\n";
  EXPECT_EQ(
      parse_irrigation(base + "2013-115  33.00   0.50   80.0\n", "i.irr").events[0].efficiency_pct,
      80.0);
  std::string m =
      error_of([&] { (void)parse_irrigation(base + "2013-115  33.00   0.00  100.0\n", "i.irr"); });
  EXPECT_NE(m.find("i.irr:9: field 'fw': value 0 is out of range (expected a number 0.01 to 1)"),
            std::string::npos)
      << m;
  m = error_of([&] { (void)parse_irrigation(base + "2013-115  -3.00   0.50  100.0\n", "i.irr"); });
  EXPECT_NE(m.find("i.irr:9: field 'Depth'"), std::string::npos) << m;
  m = error_of([&] { (void)parse_irrigation(base + "2013-115  33.00   0.50  180.0\n", "i.irr"); });
  EXPECT_NE(m.find("i.irr:9: field 'IrrEff'"), std::string::npos) << m;
  m = error_of([&] { (void)parse_irrigation(base + "2013-115  NaN   0.50  100.0\n", "i.irr"); });
  EXPECT_NE(m.find("value is missing (NaN)"), std::string::npos) << m;
  m = error_of([&] {
    (void)parse_irrigation(header("Irrigation Data") + "Year-DOY Depth\n2013-115 3\n", "i.irr");
  });
  EXPECT_NE(m.find("i.irr:8: field 'header': unexpected column header"), std::string::npos) << m;
  // Files before pyfao56 1.3 have no IrrEff column: 100 %.
  const auto old = parse_irrigation(
      header("Irrigation Data") + "Year-DOY  Depth     fw\n2013-115  33.00   0.50\n", "i.irr");
  EXPECT_DOUBLE_EQ(old.events[0].efficiency_pct, 100.0);
}

TEST(Pyfao56Updates, ReadsTheCotton2019FileWithNaNs) {
  const UpdateFile f = read_updates(kData + "test03_cotton2019_kcb_update/cotton2019.upd");
  const auto& obs = f.updates.observations();
  ASSERT_EQ(obs.size(), 171u);
  EXPECT_EQ(obs[2].date.year_doy(), "2019-110");
  EXPECT_DOUBLE_EQ(obs[2].kcb, 0.152);
  EXPECT_TRUE(std::isnan(obs[2].h_m));
  EXPECT_DOUBLE_EQ(obs[2].fc, 0.0018);
  ASSERT_NE(f.updates.find(*Date::parse("2019-278")), nullptr);
  EXPECT_EQ(f.updates.find(*Date::parse("2019-279")), nullptr);
}

TEST(Pyfao56Updates, MalformedLines) {
  const std::string base = header("Update Data") + "Year-DOY    Kcb      h     fc\n";
  std::string m =
      error_of([&] { (void)parse_updates(base + "2019-108 0.1500    NaN 1.5000\n", "u.upd"); });
  EXPECT_NE(m.find("u.upd:9: field 'fc': value 1.5 is out of range (expected a number 0 to 1, or "
                   "NaN if missing)"),
            std::string::npos)
      << m;
  m = error_of([&] { (void)parse_updates(base + "2019-108 abc    NaN 0.5\n", "u.upd"); });
  EXPECT_NE(m.find("u.upd:9: field 'Kcb': 'abc' is not a number"), std::string::npos) << m;
}

TEST(Pyfao56Output, ReadsDailyOutputAndSummary) {
  const OutputFile o = read_output(kData + "test01_cotton2013/cottondry2013.out");
  ASSERT_EQ(o.dates.size(), 200u);
  const std::vector<double>* dr = o.column("Dr");
  ASSERT_NE(dr, nullptr);
  EXPECT_DOUBLE_EQ((*dr)[2], 42.0);  // 2013-115
  EXPECT_EQ(o.column("DOW"), nullptr);
  const SummaryFile s = read_summary(kData + "test01_cotton2013/cottondry2013.sum");
  EXPECT_DOUBLE_EQ(*s.find("ETref"), 1352.49);
  EXPECT_DOUBLE_EQ(*s.find("Dr_end"), 208.208);
  EXPECT_FALSE(s.find("nothing").has_value());
}

TEST(Pyfao56Text, HeaderWithoutCommentBlockIsAccepted) {
  const std::string old = std::string(72, '*') + "\npyfao56: FAO-56 in Python\nUpdate Data\n" +
                          std::string(72, '*') +
                          "\nYear-DOY    Kcb      h     fc\n2019-108 0.15 NaN 0.0\n";
  EXPECT_EQ(parse_updates(old, "u.upd").updates.observations().size(), 1u);
  const std::string unclosed = std::string(72, '*') + "\nUpdate Data\n";
  EXPECT_NE(error_of([&] { (void)parse_updates(unclosed, "u.upd"); }).find("never ends"),
            std::string::npos);
}

}  // namespace
}  // namespace egin::fieldwater::pyfao56
