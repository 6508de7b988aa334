// Field files: the example cotton field resolved against data/crops and data/soils (FAO-56
// Tables 11, 17, 19, 22 values), inline crop and soil, initial water, and every kind of bad
// input named with file, line, key and the accepted range.
#include "egin/fieldwater/field_config.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

const std::string kData = std::string(EGIN_SOURCE_DIR) + "/data";

struct Libraries {
  crops::CropLibrary crops = crops::CropLibrary::load_directory(kData + "/crops");
  soils::SoilLibrary soils = soils::SoilLibrary::load_directory(kData + "/soils");
};

const Libraries& libs() {
  static const Libraries l;
  return l;
}

FieldConfig parse(const std::string& text) {
  return parse_field_config(text, "f.toml", libs().crops, libs().soils);
}

std::string error_of(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const std::string kMinimal = R"(area_ha = 1.0
planting_date = 2025-04-25
[crop]
name = "cotton"
[soil]
texture = "loam"
[irrigation]
method = "furrow"
)";

TEST(FieldConfig, CottonExampleResolvesCropAndSoilTables) {
  const FieldConfig f =
      load_field_config(kData + "/examples/cotton_furrow.toml", libs().crops, libs().soils);
  EXPECT_EQ(f.crop_name, "cotton");
  EXPECT_EQ(f.stage_variant, "egypt-pakistan-california");
  EXPECT_EQ(f.soil_name, "silt_loam");
  EXPECT_EQ(f.planting, *Date::parse("2025-04-25"));
  EXPECT_DOUBLE_EQ(f.area_ha, 12.0);
  // FAO-56 Table 11 (30/50/60/55 d), Table 17 Kcb (midpoints), Table 22 Zr 1.0-1.7 m, p 0.65.
  EXPECT_EQ(f.params.l_ini_d, 30);
  EXPECT_EQ(f.params.l_dev_d, 50);
  EXPECT_EQ(f.params.l_mid_d, 60);
  EXPECT_EQ(f.params.l_end_d, 55);
  EXPECT_EQ(f.harvest(), *Date::parse("2025-11-06"));
  EXPECT_DOUBLE_EQ(f.params.kcb_ini, 0.15);
  EXPECT_DOUBLE_EQ(f.params.kcb_mid, 1.125);
  EXPECT_DOUBLE_EQ(f.params.kcb_end, 0.45);
  EXPECT_DOUBLE_EQ(f.params.kcm_mid, 1.175);
  EXPECT_DOUBLE_EQ(f.params.h_max_m, 1.35);
  EXPECT_DOUBLE_EQ(f.params.zr_max_m, 1.35);
  EXPECT_DOUBLE_EQ(f.params.zr_ini_m, 0.20);
  EXPECT_DOUBLE_EQ(f.params.p_base, 0.65);
  // FAO-56 Table 19 silt loam midpoints, TR-55 CN2; at field capacity after pre-irrigation.
  EXPECT_DOUBLE_EQ(f.params.theta_fc_m3_m3, 0.29);
  EXPECT_DOUBLE_EQ(f.params.theta_wp_m3_m3, 0.15);
  EXPECT_DOUBLE_EQ(f.params.theta0_m3_m3, 0.29);
  EXPECT_DOUBLE_EQ(f.params.rew_mm, 9.5);
  EXPECT_DOUBLE_EQ(f.params.cn2, 78.0);
  EXPECT_EQ(f.method, ApplicationMethod::kFurrow);
  EXPECT_DOUBLE_EQ(f.efficiency_pct, 60.0);
  EXPECT_DOUBLE_EQ(f.fw, 0.8);
  EXPECT_DOUBLE_EQ(f.strategy.efficiency_pct, 60.0);
  EXPECT_EQ(f.strategy.kind, StrategyKind::kRefill);
  EXPECT_DOUBLE_EQ(f.strategy.mad_fraction, 0.75);
  EXPECT_EQ(f.strategy.min_days_between, 7);
  ASSERT_EQ(f.recorded.size(), 3u);
  EXPECT_DOUBLE_EQ(f.recorded[0].depth_mm, 90.0);
  EXPECT_DOUBLE_EQ(f.recorded[0].efficiency_pct, 60.0);
  EXPECT_DOUBLE_EQ(f.recorded[0].fw, 0.8);
  EXPECT_TRUE(f.options.runoff);
  EXPECT_TRUE(f.options.climate_adjust_kcb);
  EXPECT_EQ(f.weather.filename(), "shardara_2025_daily.csv");
  EXPECT_FALSE(f.history_follows_strategy);
}

TEST(FieldConfig, EveryExampleLoads) {
  for (const char* name : {"cotton_furrow", "tomato_drip", "apple_orchard"}) {
    EXPECT_NO_THROW(
        (void)load_field_config(kData + "/examples/" + name + ".toml", libs().crops, libs().soils))
        << name;
  }
}

TEST(FieldConfig, MethodDefaultsAndOverrides) {
  FieldConfig f = parse(kMinimal);
  EXPECT_EQ(f.name, "f");                             // the file's stem
  EXPECT_EQ(f.strategy.kind, StrategyKind::kRefill);  // the default strategy
  f = parse(kMinimal + "efficiency_pct = 70\nfw = 0.5\n");
  EXPECT_DOUBLE_EQ(f.efficiency_pct, 70.0);
  EXPECT_DOUBLE_EQ(f.strategy.fw, 0.5);
}

TEST(FieldConfig, InitialWaterForms) {
  // Loam θFC 0.25, θWP 0.12, Zr ini 0.20 m: TAW ini = 1000 · 0.13 · 0.2 = 26 mm.
  // Depletion 13 mm → θ0 = 0.25 − 13 / 200 = 0.185 (FAO-56 Eq. 87 inverted).
  const std::string soil = "[soil]\ntexture = \"loam\"\n";
  const std::string base = R"(area_ha = 1.0
planting_date = "2025-04-25"
[crop]
name = "cotton"
[irrigation]
method = "drip"
)";
  EXPECT_NEAR(parse(base + soil + "initial_depletion_mm = 13\n").params.theta0_m3_m3, 0.185, 1e-12);
  EXPECT_NEAR(parse(base + soil + "initial_depletion_fraction = 0.5\n").params.theta0_m3_m3, 0.185,
              1e-12);
  EXPECT_NEAR(parse(base + soil + "theta0_m3_m3 = 0.2\n").params.theta0_m3_m3, 0.2, 1e-12);
  const std::string m = error_of(base + soil + "initial_depletion_mm = 30\n");
  EXPECT_NE(m.find("0 to 26"), std::string::npos) << m;
  EXPECT_NE(error_of(base + soil + "theta0_m3_m3 = 0.2\ninitial_depletion_mm = 3\n")
                .find("more than one"),
            std::string::npos);
}

TEST(FieldConfig, InlineCropAndSoil) {
  const FieldConfig f = parse(R"(area_ha = 3
planting_date = 2025-05-01
[crop]
kcb_ini = 0.2
kcb_mid = 1.0
kcb_end = 0.6
l_ini_d = 20
l_dev_d = 30
l_mid_d = 40
l_late_d = 20
h_max_m = 1.0
zr_max_m = 1.0
p = 0.5
[soil]
theta_fc_m3_m3 = 0.30
theta_wp_m3_m3 = 0.14
rew_mm = 9
[irrigation]
method = "sprinkler"
)");
  EXPECT_TRUE(f.crop_name.empty());
  EXPECT_TRUE(f.soil_name.empty());
  EXPECT_EQ(f.season_length_d(), 110);
  EXPECT_DOUBLE_EQ(f.params.kcb_mid, 1.0);
  EXPECT_DOUBLE_EQ(f.params.theta_fc_m3_m3, 0.30);
  EXPECT_DOUBLE_EQ(f.params.ze_m, 0.10);
  EXPECT_DOUBLE_EQ(f.efficiency_pct, 75.0);
  EXPECT_NE(error_of("area_ha = 1\nplanting_date = 2025-05-01\n[crop]\nkcb_ini = 0.2\n"
                     "[soil]\ntexture = \"loam\"\n[irrigation]\nmethod = \"drip\"\n")
                .find("inline crop"),
            std::string::npos);
}

TEST(FieldConfig, UnknownCropListsTheKnownOnes) {
  std::string text = kMinimal;
  text.replace(text.find("\"cotton\""), 8, "\"cottn\"");
  const std::string m = error_of(text);
  EXPECT_NE(m.find("f.toml:4"), std::string::npos) << m;
  EXPECT_NE(m.find("crop.name"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown crop 'cottn'"), std::string::npos) << m;
  EXPECT_NE(m.find("cotton, cucumber"), std::string::npos) << m;
}

TEST(FieldConfig, UnknownVariantSoilAndMethod) {
  std::string text = kMinimal + "";
  text.insert(text.find("[soil]"), "stages = \"mars\"\n");
  const std::string m = error_of(text);
  EXPECT_NE(m.find("crop.stages"), std::string::npos) << m;
  EXPECT_NE(m.find("texas"), std::string::npos) << m;  // lists the variants
  std::string soil = kMinimal;
  soil.replace(soil.find("\"loam\""), 6, "\"peat\"");
  EXPECT_NE(error_of(soil).find("silt_loam"), std::string::npos);
  std::string method = kMinimal;
  method.replace(method.find("\"furrow\""), 8, "\"flood\"");
  const std::string mm = error_of(method);
  EXPECT_NE(mm.find("f.toml:8"), std::string::npos) << mm;
  EXPECT_NE(mm.find("micro-sprinkler"), std::string::npos) << mm;
}

TEST(FieldConfig, OutOfRangeNamesLineKeyAndRange) {
  std::string text = kMinimal;
  text.replace(0, 12, "area_ha = -3");
  std::string m = error_of(text);
  EXPECT_NE(m.find("f.toml:1: field 'area_ha'"), std::string::npos) << m;
  EXPECT_NE(m.find("0.001 to 100000 ha"), std::string::npos) << m;
  m = error_of(kMinimal + "[strategy]\nmad_fraction_of_raw = 2.5\n");
  EXPECT_NE(m.find("f.toml:10"), std::string::npos) << m;
  EXPECT_NE(m.find("strategy.mad_fraction_of_raw"), std::string::npos) << m;
  EXPECT_NE(m.find("0.1 to 1.5"), std::string::npos) << m;
  std::string p = kMinimal;
  p.insert(p.find("[soil]"), "p = 0.95\n");
  m = error_of(p);
  EXPECT_NE(m.find("crop.p"), std::string::npos) << m;
}

TEST(FieldConfig, UnknownKeysAreRejected) {
  std::string m = error_of(kMinimal + "[strategy]\nkind = \"refill\"\nmad = 0.5\n");
  EXPECT_NE(m.find("mad"), std::string::npos) << m;
  EXPECT_NE(m.find("mad_fraction_of_raw"), std::string::npos) << m;  // lists the accepted keys
  m = error_of("colour = \"red\"\n" + kMinimal);
  EXPECT_NE(m.find("colour"), std::string::npos) << m;
}

TEST(FieldConfig, StrategyKindsAndTheirSettings) {
  FieldConfig f = parse(kMinimal +
                        "[strategy]\nkind = \"fixed-interval\"\n"
                        "interval_days = [12, 10, 7, 10]\n");
  EXPECT_EQ(f.strategy.kind, StrategyKind::kFixedInterval);
  EXPECT_EQ(f.strategy.interval_days[2], 7);
  f = parse(kMinimal + "[strategy]\nkind = \"fixed-interval\"\ninterval_days = 9\n");
  EXPECT_EQ(f.strategy.interval_days[0], 9);
  EXPECT_EQ(f.strategy.interval_days[3], 9);
  EXPECT_NE(error_of(kMinimal + "[strategy]\nkind = \"fixed-depth\"\n").find("strategy.depth_mm"),
            std::string::npos);
  EXPECT_NE(
      error_of(kMinimal + "[strategy]\nkind = \"fixed-interval\"\n").find("strategy.interval_days"),
      std::string::npos);
  EXPECT_NE(error_of(kMinimal + "[strategy]\nkind = \"often\"\n").find("et-replacement"),
            std::string::npos);
  f = parse(kMinimal +
            "[strategy]\nkind = \"deficit\"\nrefill_fraction = 0.6\n"
            "mad_fraction_of_taw = 0.4\n");
  EXPECT_EQ(f.strategy.trigger_basis, TriggerBasis::kTaw);
  EXPECT_DOUBLE_EQ(f.strategy.mad_fraction, 0.4);
}

TEST(FieldConfig, RecordedEventsInOrderAfterPlanting) {
  const std::string events = R"([[irrigation.events]]
date = 2025-06-01
depth_mm = 80
[[irrigation.events]]
date = 2025-05-20
depth_mm = 80
)";
  std::string m = error_of(kMinimal + events);
  EXPECT_NE(m.find("irrigation.events[1].date"), std::string::npos) << m;
  EXPECT_NE(m.find("not after"), std::string::npos) << m;
  m = error_of(kMinimal + "[[irrigation.events]]\ndate = 2025-04-01\ndepth_mm = 50\n");
  EXPECT_NE(m.find("before planting"), std::string::npos) << m;
  EXPECT_NE(m.find("f.toml:10: field 'irrigation.events[0].date'"), std::string::npos) << m;
  m = error_of(kMinimal + "[[irrigation.events]]\ndate = \"June 1\"\ndepth_mm = 50\n");
  EXPECT_NE(m.find("not a date"), std::string::npos) << m;
}

TEST(FieldConfig, MissingPlantingDateAndSyntaxErrors) {
  std::string text = kMinimal;
  text.erase(text.find("planting_date"), 27);
  EXPECT_NE(error_of(text).find("planting_date"), std::string::npos);
  EXPECT_NE(error_of("area_ha = = 1\n").find("f.toml:1"), std::string::npos);
}

}  // namespace
}  // namespace egin::fieldwater
