#include "egin/crops/crop_toml.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::crops {
namespace {

// A small valid crop; tests replace one line to make it wrong. Line numbers matter below.
const std::string kValid = R"(name = "test_crop"
aliases = ["tc", "Test Crop Alias"]
default_stages = "long"

[[coefficients]]
name = "standard"
kc_ini = 0.35
kc_mid = 1.15
kc_end = 0.6
kc_source = "FAO-56 Table 12"
kcb_ini = 0.15
kcb_mid = 1.1
kcb_end = 0.45
kcb_source = "FAO-56 Table 17"
h_max_m = 1.2
h_source = "FAO-56 Table 12"

[[stages]]
name = "short"
region = "Texas, USA"
planting = "April"
l_ini_d = 30
l_dev_d = 50
l_mid_d = 55
l_late_d = 45
source = "FAO-56 Table 11"

[[stages]]
name = "long"
region = "Egypt"
planting = "March"
l_ini_d = 30
l_dev_d = 50
l_mid_d = 60
l_late_d = 55
source = "FAO-56 Table 11"

[roots]
zr_max_low_m = 1.0
zr_max_high_m = 1.7
source = "FAO-56 Table 22"

[depletion]
p = 0.65
source = "FAO-56 Table 22"

[yield_response]
ky_season = 0.85
ky_flowering = 0.5
source = "FAO-33 Table 24"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

InputError parse_error(const std::string& text) {
  try {
    (void)parse_crop_toml(text, "bad.toml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, "none");
}

TEST(CropToml, ReadsEveryGroup) {
  const Crop c = parse_crop_toml(kValid, "ok.toml");
  EXPECT_EQ(c.name, "test_crop");
  ASSERT_EQ(c.aliases.size(), 2u);
  EXPECT_EQ(c.source_file, "ok.toml");
  EXPECT_EQ(c.default_coefficients, "standard");  // the only entry
  EXPECT_EQ(c.default_stages, "long");
  EXPECT_DOUBLE_EQ(c.coefficients().kc.mid, 1.15);
  ASSERT_TRUE(c.coefficients().kcb.has_value());
  EXPECT_DOUBLE_EQ(c.coefficients().kcb->end, 0.45);
  EXPECT_DOUBLE_EQ(c.coefficients().h_max_m, 1.2);
  EXPECT_EQ(c.stages().lengths.total_d(), 195);
  EXPECT_EQ(c.stages("SHORT").lengths.total_d(), 180);
  EXPECT_DOUBLE_EQ(c.zr_max_high_m, 1.7);
  EXPECT_DOUBLE_EQ(c.p, 0.65);
  ASSERT_TRUE(c.yield_response.has_value());
  EXPECT_DOUBLE_EQ(c.yield_response->ky_season, 0.85);
  EXPECT_EQ(c.yield_response->ky(YieldPeriod::kFlowering), 0.5);
  EXPECT_FALSE(c.yield_response->ky(YieldPeriod::kVegetative).has_value());
}

TEST(CropToml, UnknownVariantListsTheKnownOnes) {
  const Crop c = parse_crop_toml(kValid, "ok.toml");
  try {
    (void)c.stages("medium");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.expected(), "one of: short, long");
  }
}

TEST(CropToml, OutOfRangeNamesFileLineKeyAndRange) {
  const InputError e = parse_error(replace(kValid, "kc_mid = 1.15", "kc_mid = 2.5"));
  EXPECT_EQ(e.where().file, "bad.toml");
  EXPECT_EQ(e.where().line, 8);
  EXPECT_EQ(e.where().field, "coefficients[0].kc_mid");
  EXPECT_EQ(e.expected(), "0 to 2 (dimensionless)");
}

TEST(CropToml, RangesOfStagesRootsAndDepletion) {
  EXPECT_EQ(parse_error(replace(kValid, "l_dev_d = 50\nl_mid_d = 60", "l_dev_d = 0\nl_mid_d = 60"))
                .where()
                .field,
            "stages[1].l_dev_d");
  EXPECT_EQ(parse_error(replace(kValid, "l_late_d = 45", "l_late_d = 401")).expected(),
            "1 to 400 d");
  EXPECT_EQ(parse_error(replace(kValid, "l_late_d = 45", "l_late_d = 45.0")).problem(),
            "is a number, not an integer");
  EXPECT_EQ(parse_error(replace(kValid, "p = 0.65", "p = 0.99")).where().line, 44);
  EXPECT_EQ(parse_error(replace(kValid, "zr_max_high_m = 1.7", "zr_max_high_m = 0.9")).problem(),
            "is below zr_max_low_m");
  EXPECT_EQ(parse_error(replace(kValid, "zr_max_low_m = 1.0", "zr_max_low_m = 6.0")).expected(),
            "0.05 to 5 m");
  EXPECT_EQ(parse_error(replace(kValid, "h_max_m = 1.2", "h_max_m = nan")).where().field,
            "coefficients[0].h_max_m");
  EXPECT_EQ(parse_error(replace(kValid, "ky_season = 0.85", "ky_season = -0.1")).where().field,
            "yield_response.ky_season");
}

TEST(CropToml, UnknownKeyListsTheAcceptedOnes) {
  const InputError e = parse_error(replace(kValid, "p = 0.65", "p = 0.65\np_adjusted = 0.5"));
  EXPECT_EQ(e.where().field, "depletion.p_adjusted");
  EXPECT_EQ(e.where().line, 45);
  EXPECT_EQ(e.problem(), "unknown key");
  EXPECT_EQ(e.expected(), "one of: p, source");
  EXPECT_EQ(parse_error("colour = \"green\"\n" + kValid).where().field, "colour");
}

TEST(CropToml, MissingKeysAndTables) {
  const InputError e = parse_error(replace(kValid, "kc_end = 0.6\n", ""));
  EXPECT_EQ(e.where().field, "coefficients[0].kc_end");
  EXPECT_EQ(e.problem(), "missing required key");
  EXPECT_EQ(
      parse_error(replace(kValid, "[depletion]\np = 0.65\nsource = \"FAO-56 Table 22\"\n", ""))
          .where()
          .field,
      "depletion");
  EXPECT_EQ(parse_error(replace(kValid, "kc_source = \"FAO-56 Table 12\"", "kc_source = \"\""))
                .where()
                .field,
            "coefficients[0].kc_source");
}

TEST(CropToml, DefaultsMustNameAnEntry) {
  EXPECT_EQ(parse_error(replace(kValid, "default_stages = \"long\"\n", "")).where().field,
            "default_stages");
  const InputError e =
      parse_error(replace(kValid, "default_stages = \"long\"", "default_stages = \"x\""));
  EXPECT_EQ(e.expected(), "one of: short, long");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(parse_error(replace(kValid, "name = \"short\"", "name = \"Long\"")).where().field,
            "stages");
}

TEST(CropToml, BasalCoefficientMayNotExceedSingleKc) {
  EXPECT_EQ(parse_error(replace(kValid, "kcb_mid = 1.1", "kcb_mid = 1.2")).where().field,
            "coefficients[0].kcb_mid");
  // Kcb is optional as a group, but a partial group is an error.
  const Crop c = parse_crop_toml(
      replace(kValid,
              "kcb_ini = 0.15\nkcb_mid = 1.1\nkcb_end = 0.45\nkcb_source = \"FAO-56 Table 17\"\n",
              ""),
      "ok.toml");
  EXPECT_FALSE(c.coefficients().kcb.has_value());
  EXPECT_EQ(parse_error(replace(kValid, "kcb_end = 0.45\n", "")).where().field,
            "coefficients[0].kcb_end");
}

TEST(CropToml, WrongTypesAndSyntaxErrors) {
  EXPECT_EQ(parse_error(replace(kValid, "kc_ini = 0.35", "kc_ini = \"0.35\"")).problem(),
            "is a string, not a number");
  EXPECT_EQ(parse_error(replace(kValid, "aliases = [\"tc\", \"Test Crop Alias\"]", "aliases = [1]"))
                .where()
                .field,
            "aliases");
  EXPECT_EQ(parse_error("roots = 3\n" + replace(kValid,
                                                "[roots]\nzr_max_low_m = 1.0\nzr_max_high_m = "
                                                "1.7\nsource = \"FAO-56 Table 22\"\n",
                                                ""))
                .problem(),
            "is an integer, not a table");
  const InputError e = parse_error(replace(kValid, "p = 0.65", "p = = 0.65"));
  EXPECT_EQ(e.where().line, 44);
  EXPECT_NE(e.problem().find("TOML syntax error"), std::string::npos);
  EXPECT_EQ(parse_error("").where().field, "name");
}

}  // namespace
}  // namespace egin::crops
