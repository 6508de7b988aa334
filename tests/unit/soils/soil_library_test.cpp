#include "egin/soils/soil_library.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "egin/core/input_error.hpp"

namespace egin::soils {
namespace {

const std::filesystem::path kSoilDir = std::filesystem::path(EGIN_SOURCE_DIR) / "data" / "soils";

// FAO-56 Table 19 rows: θFC, θWP, θFC−θWP, REW and TEW ranges (Ze = 0.10 m).
struct Table19Row {
  const char* name;
  double fc_low, fc_high, wp_low, wp_high, awc_low, awc_high, rew_low, rew_high, tew_low, tew_high;
  char group;
};
constexpr Table19Row kTable19[] = {
    {"sand", 0.07, 0.17, 0.02, 0.07, 0.05, 0.11, 2, 7, 6, 12, 'A'},
    {"loamy_sand", 0.11, 0.19, 0.03, 0.10, 0.06, 0.12, 4, 8, 9, 14, 'A'},
    {"sandy_loam", 0.18, 0.28, 0.06, 0.16, 0.11, 0.15, 6, 10, 15, 20, 'A'},
    {"loam", 0.20, 0.30, 0.07, 0.17, 0.13, 0.18, 8, 10, 16, 22, 'B'},
    {"silt_loam", 0.22, 0.36, 0.09, 0.21, 0.13, 0.19, 8, 11, 18, 25, 'B'},
    {"silt", 0.28, 0.36, 0.12, 0.22, 0.16, 0.20, 8, 11, 22, 26, 'B'},
    {"silty_clay_loam", 0.30, 0.37, 0.17, 0.24, 0.13, 0.18, 8, 11, 22, 27, 'D'},
    {"silty_clay", 0.30, 0.42, 0.17, 0.29, 0.13, 0.19, 8, 12, 22, 28, 'D'},
    {"clay", 0.32, 0.40, 0.20, 0.24, 0.12, 0.20, 8, 12, 22, 29, 'D'},
};

TEST(ShippedSoils, MatchFaoTable19AndTr55) {
  const SoilLibrary lib = SoilLibrary::load_directory(kSoilDir);
  EXPECT_EQ(lib.size(), std::size(kTable19));
  for (const auto& r : kTable19) {
    const Soil& s = lib.find(r.name);
    EXPECT_DOUBLE_EQ(s.theta_fc_low_m3_m3, r.fc_low) << r.name;
    EXPECT_DOUBLE_EQ(s.theta_fc_high_m3_m3, r.fc_high) << r.name;
    EXPECT_DOUBLE_EQ(s.theta_wp_low_m3_m3, r.wp_low) << r.name;
    EXPECT_DOUBLE_EQ(s.theta_wp_high_m3_m3, r.wp_high) << r.name;
    EXPECT_DOUBLE_EQ(s.awc_low_m3_m3, r.awc_low) << r.name;
    EXPECT_DOUBLE_EQ(s.awc_high_m3_m3, r.awc_high) << r.name;
    EXPECT_DOUBLE_EQ(s.rew_low_mm, r.rew_low) << r.name;
    EXPECT_DOUBLE_EQ(s.rew_high_mm, r.rew_high) << r.name;
    EXPECT_DOUBLE_EQ(s.tew_low_mm, r.tew_low) << r.name;
    EXPECT_DOUBLE_EQ(s.tew_high_mm, r.tew_high) << r.name;
    // Single values are the midpoints.
    EXPECT_NEAR(s.theta_fc_m3_m3, 0.5 * (r.fc_low + r.fc_high), 1e-12) << r.name;
    EXPECT_NEAR(s.theta_wp_m3_m3, 0.5 * (r.wp_low + r.wp_high), 1e-12) << r.name;
    EXPECT_NEAR(s.rew_mm, 0.5 * (r.rew_low + r.rew_high), 1e-12) << r.name;
    // Eq. 73 from the midpoints at Ze = 0.10 m falls inside Table 19's TEW range: the table
    // and the equation agree.
    EXPECT_DOUBLE_EQ(s.ze_m, 0.10) << r.name;
    EXPECT_GE(s.tew_mm(), r.tew_low) << r.name;
    EXPECT_LE(s.tew_mm(), r.tew_high) << r.name;
    // TR-55 Table 2-2b row crops, straight row, good: A 67, B 78, C 85, D 89.
    EXPECT_EQ(s.hydrologic_soil_group, r.group) << r.name;
    const double cn2 = r.group == 'A' ? 67 : r.group == 'B' ? 78 : r.group == 'C' ? 85 : 89;
    EXPECT_DOUBLE_EQ(s.cn2, cn2) << r.name;
  }
}

TEST(ShippedSoils, FindByAliasAndListTheKnownOnes) {
  const SoilLibrary lib = SoilLibrary::load_directory(kSoilDir);
  EXPECT_EQ(lib.find("SiCL").name, "silty_clay_loam");
  EXPECT_EQ(lib.find("Silty Clay Loam").name, "silty_clay_loam");
  EXPECT_EQ(lib.find("silty-clay").name, "silty_clay");
  try {
    (void)lib.find("clay loam");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "soil");
    EXPECT_EQ(e.expected(),
              "one of: clay, loam, loamy_sand, sand, sandy_loam, silt, silt_loam, silty_clay, "
              "silty_clay_loam");
  }
  EXPECT_THROW((void)SoilLibrary::load_directory(kSoilDir / "missing"), InputError);
}

}  // namespace
}  // namespace egin::soils
