// Design files (design_toml.hpp): the shipped designs read with GreenLight's values, inheritance
// from a base, and every kind of bad input named by file, line and key.
#include "egin/greenhouse/design_toml.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"
#include "test_support.hpp"

namespace egin::greenhouse {
namespace {

DesignFile parse(const std::string& text) {
  return parse_design_toml(text, "bad.toml", [](const std::string& base, const std::string& from) {
    if (base == "greenlight-venlo") return test::design("greenlight-venlo");
    throw InputError({from, 0, "base"}, "unknown base", "greenlight-venlo");
  });
}

std::string message_of(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(DesignToml, GreenLightVenloHasGreenLightsParameters) {
  const DesignFile f = test::design("greenlight-venlo");
  const GreenhouseDesign& d = f.design;
  EXPECT_EQ(d.name, "greenlight-venlo");
  EXPECT_DOUBLE_EQ(d.construction.floor_area_m2, 4e4);
  EXPECT_DOUBLE_EQ(d.construction.air_height_m, 6.3);
  EXPECT_DOUBLE_EQ(d.cover.optics.tau_par, 0.85);
  EXPECT_DOUBLE_EQ(d.pipes.capacity_w_m2, 300.0);
  EXPECT_NEAR(d.lamps.max_input_w_m2, 200.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(d.co2_capacity_mg_m2_s, 5.14);
  EXPECT_DOUBLE_EQ(d.ventilation.roof_area_m2, 4676.0);
  EXPECT_TRUE(d.installed.thermal_screen);
  EXPECT_TRUE(d.installed.lamps);
  EXPECT_FALSE(d.installed.whitewash);
  EXPECT_FALSE(d.installed.fogging);
  EXPECT_DOUBLE_EQ(f.greenlight.t_sp_day_c, 19.5);
  // Derived (Vanthoor Eq. 8.22–8.23): air 6.3 m × 1.2 × 1000 J K⁻¹ m⁻².
  const GreenhouseModel m = make_model(d);
  EXPECT_NEAR(m.derived.cap_air_j_k_m2, 7560.0, 1e-9);
  EXPECT_NEAR(m.derived.cap_top_j_k_m2, 720.0, 1e-9);
}

TEST(DesignToml, HpsInheritsAndOverridesTheLamps) {
  const GreenhouseDesign hps = test::design("greenlight-venlo-hps").design;
  EXPECT_NEAR(hps.lamps.max_input_w_m2, 200.0 / 1.8, 1e-9);
  EXPECT_DOUBLE_EQ(hps.lamps.heat_capacity_j_k_m2, 100.0);
  EXPECT_DOUBLE_EQ(hps.lamps.area_m2_m2, 0.02);           // from the base
  EXPECT_DOUBLE_EQ(hps.construction.floor_area_m2, 4e4);  // from the base
}

TEST(DesignToml, TurkistanHasItsHotClimateEquipment) {
  const DesignFile f = test::design("turkistan-korean-multispan");
  const GreenhouseDesign& d = f.design;
  EXPECT_TRUE(d.installed.fogging);
  EXPECT_TRUE(d.installed.pad_fan);
  EXPECT_TRUE(d.installed.shade_screen);
  EXPECT_TRUE(d.installed.air_heater);
  EXPECT_FALSE(d.installed.lamps);
  EXPECT_FALSE(d.installed.blackout_screen);
  EXPECT_NEAR(d.hot_climate.fog_capacity_kg_m2_s, 0.2 / 3600.0, 1e-15);
  EXPECT_DOUBLE_EQ(d.ventilation.side_area_m2, 190.0);
  EXPECT_DOUBLE_EQ(f.greenlight.t_sp_night_c, 16.0);
  EXPECT_DOUBLE_EQ(f.greenlight.t_sp_day_c, 19.5);  // not set: the default
}

TEST(DesignToml, BadInputNamesFileLineAndKey) {
  const std::string head = "name = \"x\"\nsource = \"test\"\nbase = \"greenlight-venlo\"\n";
  EXPECT_EQ(message_of(head + "[cover]\ntau_par = 1.3\n"),
            "bad.toml:5: field 'cover.tau_par': value 1.3 is out of range (expected 0 to 1 (share, "
            "0 to 1))");
  EXPECT_NE(message_of(head + "[cover]\ntau_pr = 0.8\n")
                .find("bad.toml:5: field 'cover.tau_pr': unknown key"),
            std::string::npos);
  EXPECT_NE(message_of(head + "[roof]\nx = 1\n").find("field 'roof': unknown key"),
            std::string::npos);
  EXPECT_NE(message_of(head + "[cover]\ntau_par = 0.9\nrho_par = 0.2\n")
                .find("transmission plus reflection"),
            std::string::npos);
  EXPECT_NE(message_of(head + "[construction]\nmean_height_m = 6.0\n").find("mean_height_m"),
            std::string::npos);
  EXPECT_NE(
      message_of(head + "[heating_pipes]\ninner_diameter_m = 0.06\n").find("inner_diameter_m"),
      std::string::npos);
  EXPECT_NE(
      message_of(head + "[controller.greenlight]\nt_sp_day_c = \"warm\"\n").find("not a number"),
      std::string::npos);
  // Without a base every required section must be there.
  EXPECT_NE(message_of("name = \"x\"\nsource = \"s\"\n").find("missing required section"),
            std::string::npos);
  EXPECT_NE(message_of("source = \"s\"\nbase = \"greenlight-venlo\"\n").find("field 'name'"),
            std::string::npos);
  EXPECT_NE(message_of("name = \"x\"\nsource = \"s\"\nbase = \"nowhere\"\n").find("unknown base"),
            std::string::npos);
  EXPECT_NE(message_of("name = [\n").find("bad.toml"), std::string::npos);  // TOML syntax
}

TEST(DesignToml, UnknownDesignNameListsTheKnownOnes) {
  try {
    read_design("no-such-house", test::source_path("data/greenhouses"));
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("unknown greenhouse design 'no-such-house'"), std::string::npos);
    EXPECT_NE(m.find("greenlight-venlo"), std::string::npos);
    EXPECT_NE(m.find("turkistan-korean-multispan"), std::string::npos);
  }
}

}  // namespace
}  // namespace egin::greenhouse
