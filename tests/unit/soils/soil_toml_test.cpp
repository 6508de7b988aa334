#include "egin/soils/soil_toml.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::soils {
namespace {

const std::string kValid = R"(name = "loam"
aliases = ["L"]

[water]
theta_fc_m3_m3 = 0.25
theta_fc_low_m3_m3 = 0.20
theta_fc_high_m3_m3 = 0.30
theta_wp_m3_m3 = 0.12
theta_wp_low_m3_m3 = 0.07
theta_wp_high_m3_m3 = 0.17
awc_low_m3_m3 = 0.13
awc_high_m3_m3 = 0.18
source = "FAO-56 Table 19"

[evaporation]
rew_mm = 9
rew_low_mm = 8
rew_high_mm = 10
tew_low_mm = 16
tew_high_mm = 22
source = "FAO-56 Table 19"
ze_m = 0.10
ze_source = "FAO-56 p. 144"

[runoff]
hydrologic_soil_group = "B"
cn2 = 78
source = "TR-55 Table 2-2b"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

InputError parse_error(const std::string& text) {
  try {
    (void)parse_soil_toml(text, "bad.toml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, "none");
}

TEST(SoilToml, ReadsEveryGroup) {
  const Soil s = parse_soil_toml(kValid, "ok.toml");
  EXPECT_EQ(s.name, "loam");
  EXPECT_DOUBLE_EQ(s.theta_fc_m3_m3, 0.25);
  EXPECT_DOUBLE_EQ(s.theta_wp_high_m3_m3, 0.17);
  EXPECT_DOUBLE_EQ(s.awc_low_m3_m3, 0.13);
  EXPECT_DOUBLE_EQ(s.rew_mm, 9.0);  // TOML integer read as a number
  EXPECT_DOUBLE_EQ(s.tew_high_mm, 22.0);
  EXPECT_DOUBLE_EQ(s.ze_m, 0.10);
  EXPECT_EQ(s.hydrologic_soil_group, 'B');
  EXPECT_DOUBLE_EQ(s.cn2, 78.0);
  EXPECT_NEAR(s.tew_mm(), 19.0, 1e-12);
}

TEST(SoilToml, WiltingPointMustBeBelowFieldCapacity) {
  const std::string text =
      replace(replace(kValid, "theta_wp_m3_m3 = 0.12", "theta_wp_m3_m3 = 0.26"),
              "theta_wp_high_m3_m3 = 0.17", "theta_wp_high_m3_m3 = 0.30");
  const InputError e = parse_error(text);
  EXPECT_EQ(e.where().field, "water.theta_wp_m3_m3");
  EXPECT_EQ(e.where().line, 8);
  EXPECT_EQ(e.expected(), "θWP < θFC <= 0.6 m3/m3");
}

TEST(SoilToml, RangesAndOrderOfLowMidHigh) {
  EXPECT_EQ(parse_error(replace(kValid, "theta_fc_high_m3_m3 = 0.30", "theta_fc_high_m3_m3 = 0.65"))
                .expected(),
            "0.01 to 0.6 m3/m3");
  const InputError mid =
      parse_error(replace(kValid, "theta_fc_m3_m3 = 0.25", "theta_fc_m3_m3 = 0.31"));
  EXPECT_EQ(mid.where().field, "water.theta_fc_m3_m3");
  EXPECT_EQ(mid.problem(), "lies outside its published range");
  EXPECT_EQ(parse_error(replace(kValid, "tew_high_mm = 22", "tew_high_mm = 15")).where().field,
            "evaporation.tew_high_mm");
  EXPECT_EQ(parse_error(replace(kValid, "ze_m = 0.10", "ze_m = 0.5")).expected(), "0.05 to 0.3 m");
  EXPECT_EQ(parse_error(replace(kValid, "cn2 = 78", "cn2 = 101")).where().line, 27);
  EXPECT_EQ(
      parse_error(replace(kValid, "hydrologic_soil_group = \"B\"", "hydrologic_soil_group = \"E\""))
          .expected(),
      "A, B, C or D");
}

TEST(SoilToml, ReadilyEvaporableWaterMustBeBelowTotal) {
  // With Ze = 0.05 m, TEW = 9.5 mm < REW 10 mm.
  const InputError e = parse_error(
      replace(replace(kValid, "ze_m = 0.10", "ze_m = 0.05"), "rew_mm = 9", "rew_mm = 10"));
  EXPECT_EQ(e.where().field, "evaporation.rew_mm");
  EXPECT_EQ(e.expected(), "REW < TEW");
}

TEST(SoilToml, UnknownAndMissingKeys) {
  const InputError e = parse_error(replace(kValid, "cn2 = 78", "cn2 = 78\ncn3 = 90"));
  EXPECT_EQ(e.where().field, "runoff.cn3");
  EXPECT_EQ(e.expected(), "one of: hydrologic_soil_group, cn2, source");
  EXPECT_EQ(parse_error(replace(kValid, "awc_low_m3_m3 = 0.13\n", "")).problem(),
            "missing required key");
  EXPECT_EQ(parse_error(replace(kValid, "[runoff]", "[runof]")).where().field, "runof");
  EXPECT_NE(parse_error("name = \"x\n").problem().find("TOML syntax error"), std::string::npos);
}

}  // namespace
}  // namespace egin::soils
