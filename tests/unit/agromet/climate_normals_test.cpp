// The climate normals reader: the shipped files parse with their values; every kind of bad
// input throws InputError naming the file, the line, the field and the accepted range.
#include "egin/agromet/climate_normals.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

const std::string kDir = std::string(EGIN_SOURCE_DIR) + "/data/weather/";

const char* kMinimal = R"(# comment
[site]
name = "Test"
latitude_deg = 41.0
longitude_deg = 68.0
elevation_m = 300

[monthly]
tmax_c = [3, 6, 14, 22, 29, 34, 37, 35, 29, 21, 12, 5]
tmin_c = [-3, -2, 4, 10, 16, 21, 22, 20, 15, 8, 2, -2]
precip_mm = [28, 36, 36, 29, 21, 5, 2, 1, 2, 9, 28, 31]
wet_days_ge_1mm = [6, 6, 6, 5, 3.5, 1.4, 0.5, 0.4, 0.5, 2, 5, 5.4]
)";

InputError parse_error(const std::string& text) {
  try {
    (void)parse_climate_normals_toml(text, "bad.toml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return InputError({}, "none");
}

TEST(ClimateNormals, ShardaraFileValues) {
  const ClimateNormals n = read_climate_normals(kDir + "shardara_normals.toml");
  EXPECT_EQ(n.name, "Shardara, Turkistan region");
  EXPECT_EQ(n.period, "1991-2020");
  EXPECT_DOUBLE_EQ(n.site.latitude_deg, 41.25);
  EXPECT_DOUBLE_EQ(n.site.elevation_m, 250.0);
  EXPECT_DOUBLE_EQ(n.tmax_c[6], 36.6);
  EXPECT_DOUBLE_EQ(n.tmin_c[0], -3.1);
  EXPECT_DOUBLE_EQ(n.precip_mm[1], 36.8);
  EXPECT_DOUBLE_EQ(n.wet_days_ge_1mm[7], 0.4);
  EXPECT_DOUBLE_EQ(n.record_high_c[6], 45.7);
  EXPECT_TRUE(has_all_months(n.tmax_c));
  EXPECT_FALSE(has_all_months(n.rs_mj_m2));
  EXPECT_FALSE(has_all_months(n.rh_mean_pct));
}

TEST(ClimateNormals, EveryShippedFileParses) {
  for (const char* name : {"shardara", "shymkent", "turkistan"}) {
    const ClimateNormals n = read_climate_normals(kDir + name + "_normals.toml");
    EXPECT_FALSE(n.name.empty()) << name;
  }
  const ClimateNormals shymkent = read_climate_normals(kDir + "shymkent_normals.toml");
  EXPECT_EQ(shymkent.wmo_index, 38328);
  EXPECT_TRUE(has_all_months(shymkent.tmax_c));
}

TEST(ClimateNormals, OptionalQuantitiesAndLines) {
  const std::string text = std::string(kMinimal) +
                           "sunshine_h = [120, 130, 170, 220, 300, 350, 370, 350, 300, 230, "
                           "150, 110]\n"
                           "rh_mean_pct = [78, 75, 68, 60, 48, 35, 32, 34, 40, 55, 70, 79]\n"
                           "wind_m_s = [2, 2.2, 2.5, 2.6, 2.4, 2.3, 2.2, 2.1, 1.9, 1.8, 1.9, 2]\n"
                           "[annual]\nprecip_mm = 228\n";
  const std::string with_height = [&] {
    std::string t = text;
    t.replace(t.find("elevation_m = 300"), 17, "elevation_m = 300\nwind_height_m = 10");
    return t;
  }();
  const ClimateNormals n = parse_climate_normals_toml(with_height, "ok.toml");
  EXPECT_DOUBLE_EQ(n.sunshine_h[6], 370.0);
  EXPECT_DOUBLE_EQ(n.site.wind_height_m, 10.0);
  EXPECT_TRUE(n.has_wind_height);
  EXPECT_EQ(n.line_of("monthly.tmax_c"), 10);
  EXPECT_EQ(n.line_of("site.latitude_deg"), 4);
  EXPECT_EQ(n.line_of("monthly.rs_mj_m2"), 9);  // absent: the [monthly] table's line
}

TEST(ClimateNormals, BadInputNamesLineFieldAndRange) {
  {
    const InputError e = parse_error(std::string(kMinimal) + "rh_mean_pct = [70, 70, 70]\n");
    EXPECT_EQ(e.where().field, "monthly.rh_mean_pct");
    EXPECT_EQ(e.where().line, 13);
    EXPECT_NE(std::string(e.what()).find("has 3 values"), std::string::npos) << e.what();
  }
  {
    std::string t = kMinimal;
    t.replace(t.find("[3, 6, 14"), 9, "[3, 6, 140");
    const InputError e = parse_error(t);
    EXPECT_EQ(e.where().field, "monthly.tmax_c");
    EXPECT_EQ(e.where().line, 9);
    EXPECT_NE(std::string(e.what()).find("value 140 for March is out of range"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("-60 to 60"), std::string::npos) << e.what();
  }
  {
    std::string t = kMinimal;
    t.replace(t.find("5, 3.5, 1.4"), 11, "5, 33, 1.4");  // 33 wet days in May
    const InputError e = parse_error(t);
    EXPECT_EQ(e.where().field, "monthly.wet_days_ge_1mm");
    EXPECT_NE(std::string(e.what()).find("0 to 31"), std::string::npos) << e.what();
  }
  {
    std::string t = kMinimal;
    t.replace(t.find("[-3, -2, 4"), 10, "[-3, 9, 4");  // February tmin above tmax
    const InputError e = parse_error(t);
    EXPECT_EQ(e.where().field, "monthly.tmin_c");
    EXPECT_NE(std::string(e.what()).find("February"), std::string::npos) << e.what();
  }
  {
    const InputError e = parse_error(std::string(kMinimal) + "tmax = [1]\n");
    EXPECT_EQ(e.where().field, "monthly.tmax");
    EXPECT_NE(std::string(e.what()).find("unknown key"), std::string::npos);
  }
  {
    const InputError e = parse_error(std::string(kMinimal) + "precip_mm = [1]\n");
    EXPECT_GT(e.where().line, 0);  // TOML: a key given twice is a syntax error at its line
  }
  {
    const InputError e = parse_error("[monthly]\ntmax_c = [1,2,3,4,5,6,7,8,9,10,11,12]\n");
    EXPECT_EQ(e.where().field, "site");
  }
  {
    std::string t = kMinimal;
    t.replace(t.find("latitude_deg = 41.0"), 19, "latitude_deg = 141.0");
    const InputError e = parse_error(t);
    EXPECT_EQ(e.where().field, "site.latitude_deg");
    EXPECT_EQ(e.where().line, 4);
  }
  {
    const InputError e =
        parse_error(std::string(kMinimal) + "wind_m_s = [2,2,2,2,2,2,2,2,2,2,2,2]\n");
    EXPECT_EQ(e.where().field, "site.wind_height_m");
  }
  {
    std::string t = kMinimal;
    t.replace(t.find("[28, 36"), 7, "[\"28\", 36");
    const InputError e = parse_error(t);
    EXPECT_EQ(e.where().field, "monthly.precip_mm");
    EXPECT_NE(std::string(e.what()).find("January is not a number"), std::string::npos);
  }
  {
    const InputError e = parse_error("[site\nname = 1");
    EXPECT_EQ(e.where().line, 1);
  }
}

}  // namespace
}  // namespace egin::agromet
