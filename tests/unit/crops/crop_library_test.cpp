#include "egin/crops/crop_library.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/crops/crop_toml.hpp"

namespace egin::crops {
namespace {

const std::filesystem::path kCropDir = std::filesystem::path(EGIN_SOURCE_DIR) / "data" / "crops";

class ShippedCrops : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    library_ = new CropLibrary(CropLibrary::load_directory(kCropDir));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  static CropLibrary* library_;
};
CropLibrary* ShippedCrops::library_ = nullptr;

TEST_F(ShippedCrops, HoldsTheSixteenCropsTheBriefNames) {
  for (const char* name :
       {"cotton", "tomato", "cucumber", "sweet_pepper", "eggplant", "melon", "watermelon", "potato",
        "onion", "cabbage", "winter_wheat", "maize", "alfalfa", "grape", "apple", "apricot"}) {
    EXPECT_NE(library_->try_find(name), nullptr) << name;
  }
  EXPECT_EQ(library_->size(), 16u);
}

TEST_F(ShippedCrops, FindsByAliasIgnoringCaseAndSeparators) {
  EXPECT_EQ(library_->find("pepper").name, "sweet_pepper");
  EXPECT_EQ(library_->find("Sweet Pepper").name, "sweet_pepper");
  EXPECT_EQ(library_->find("  SWEET-pepper ").name, "sweet_pepper");
  EXPECT_EQ(library_->find("corn").name, "maize");
  EXPECT_EQ(library_->find("Lucerne").name, "alfalfa");
  EXPECT_EQ(library_->find("мақта").name, "cotton");
}

TEST_F(ShippedCrops, UnknownCropListsTheKnownOnes) {
  try {
    (void)library_->find("banana");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "crop");
    EXPECT_EQ(e.problem(), "unknown crop 'banana'");
    EXPECT_EQ(e.expected(),
              "one of: alfalfa, apple, apricot, cabbage, cotton, cucumber, eggplant, grape, "
              "maize, melon, onion, potato, sweet_pepper, tomato, watermelon, winter_wheat");
  }
}

// Every stage variant's total against the "Total" column of FAO-56 Table 11: catches a
// mistyped stage length (the four lengths are read separately, the total is not in the file).
TEST_F(ShippedCrops, StageTotalsMatchFaoTable11) {
  struct Row {
    const char* crop;
    const char* variant;
    int total_d;
  };
  const Row rows[] = {
      {"cotton", "egypt-pakistan-california", 195},
      {"cotton", "california-desert", 225},
      {"cotton", "yemen", 195},
      {"cotton", "texas", 180},
      {"tomato", "arid-january", 135},
      {"tomato", "california-apr-may", 155},
      {"tomato", "california-desert-january", 155},
      {"tomato", "arid-oct-nov", 180},
      {"tomato", "mediterranean-apr-may", 145},
      {"cucumber", "arid-jun-aug", 105},
      {"cucumber", "arid-nov-feb", 130},
      {"sweet_pepper", "europe-mediterranean-apr-jun", 125},
      {"sweet_pepper", "arid-october", 210},
      {"eggplant", "arid-october", 130},
      {"eggplant", "mediterranean-may-jun", 140},
      {"melon", "mediterranean-may", 120},
      {"melon", "california-march", 140},
      {"melon", "california-desert-august", 135},
      {"melon", "arid-dec-jan", 160},
      {"watermelon", "italy-april", 110},
      {"watermelon", "near-east-desert", 80},
      {"potato", "semiarid-jan-nov", 125},
      {"potato", "continental-may", 130},
      {"potato", "europe-april", 145},
      {"potato", "idaho-apr-may", 165},
      {"potato", "california-desert-december", 140},
      {"onion", "mediterranean-april", 150},
      {"onion", "arid-oct-jan", 210},
      {"cabbage", "california-desert-september", 165},
      {"cabbage", "crucifers-mediterranean-april", 80},
      {"cabbage", "crucifers-mediterranean-february", 95},
      {"cabbage", "crucifers-mediterranean-oct-nov", 195},
      {"winter_wheat", "california-december", 180},
      {"winter_wheat", "mediterranean-november", 240},
      {"winter_wheat", "idaho-october", 335},
      {"maize", "east-africa-april", 180},
      {"maize", "arid-dec-jan", 140},
      {"maize", "nigeria-june", 125},
      {"maize", "india-october", 125},
      {"maize", "spain-california-april", 150},
      {"maize", "idaho-april", 170},
      {"alfalfa", "first-cycle-california", 60},
      {"alfalfa", "first-cycle-idaho", 75},
      {"alfalfa", "other-cycles-california", 30},
      {"alfalfa", "other-cycles-idaho", 45},
      {"grape", "low-latitudes-april", 240},
      {"grape", "california-march", 205},
      {"grape", "high-latitudes-may", 180},
      {"grape", "mid-latitudes-wine-april", 210},
      {"apple", "high-latitudes-march", 210},
      {"apple", "low-latitudes-march", 270},
      {"apple", "california-march", 240},
      {"apricot", "california-march", 240},
  };
  std::size_t variants = 0;
  for (const Crop& crop : library_->crops()) variants += crop.stage_variants.size();
  EXPECT_EQ(variants, std::size(rows) + 2);  // apricot's two other rows equal apple's
  for (const Row& r : rows) {
    EXPECT_EQ(library_->find(r.crop).stages(r.variant).lengths.total_d(), r.total_d)
        << r.crop << " " << r.variant;
  }
}

// Spot values of FAO-56 Tables 12, 17 and 22 and FAO-33, one per group and crop family.
TEST_F(ShippedCrops, SpotValuesOfTheFaoTables) {
  const Crop& cotton = library_->find("cotton");
  EXPECT_DOUBLE_EQ(cotton.coefficients().kc.ini, 0.35);
  EXPECT_DOUBLE_EQ(cotton.coefficients().kcb->mid, 1.125);  // 1.10-1.15
  EXPECT_DOUBLE_EQ(cotton.p, 0.65);
  EXPECT_DOUBLE_EQ(cotton.yield_response->ky_season, 0.85);
  EXPECT_EQ(cotton.stages().lengths.total_d(), 195);

  const Crop& tomato = library_->find("tomato");
  EXPECT_DOUBLE_EQ(tomato.coefficients().kc.mid, 1.15);
  EXPECT_DOUBLE_EQ(tomato.zr_max_low_m, 0.7);
  EXPECT_DOUBLE_EQ(tomato.zr_max_high_m, 1.5);
  EXPECT_DOUBLE_EQ(tomato.p, 0.40);

  const Crop& apple = library_->find("apple");
  EXPECT_EQ(apple.coefficient_sets.size(), 4u);
  EXPECT_DOUBLE_EQ(apple.coefficients().kc.mid, 0.95);
  EXPECT_DOUBLE_EQ(apple.coefficients("active ground cover, killing frost").kc.mid, 1.20);
  EXPECT_DOUBLE_EQ(apple.coefficients("active-ground-cover-no-frosts").kcb->ini, 0.75);
  EXPECT_DOUBLE_EQ(apple.coefficients().h_max_m, 4.0);

  const Crop& alfalfa = library_->find("alfalfa");
  EXPECT_FALSE(alfalfa.coefficients("averaged-cutting-effects").kcb.has_value());
  EXPECT_DOUBLE_EQ(alfalfa.coefficients().kcb->mid, 1.15);

  const Crop& maize = library_->find("maize");
  EXPECT_DOUBLE_EQ(maize.yield_response->ky(YieldPeriod::kFlowering).value(), 1.5);
  EXPECT_DOUBLE_EQ(maize.coefficients("harvested-wet").kc.end, 0.60);

  EXPECT_FALSE(library_->find("cucumber").yield_response.has_value());
  EXPECT_DOUBLE_EQ(library_->find("watermelon").coefficients().kc.ini, 0.4);
  EXPECT_DOUBLE_EQ(library_->find("onion").zr_max_high_m, 0.6);
  EXPECT_DOUBLE_EQ(library_->find("potato").p, 0.35);
}

// Every group of every shipped crop cites its source.
TEST_F(ShippedCrops, EveryValueGroupCitesItsSource) {
  for (const Crop& crop : library_->crops()) {
    for (const auto& c : crop.coefficient_sets) {
      EXPECT_EQ(c.kc_source.rfind("FAO-56 Table 12", 0), 0u) << crop.name;
      EXPECT_EQ(c.h_source.rfind("FAO-56 Table 12", 0), 0u) << crop.name;
      if (c.kcb) {
        EXPECT_EQ(c.kcb_source.rfind("FAO-56 Table 17", 0), 0u) << crop.name;
      }
    }
    for (const auto& s : crop.stage_variants) {
      EXPECT_EQ(s.source.rfind("FAO-56 Table 11", 0), 0u) << crop.name;
    }
    EXPECT_EQ(crop.roots_source.rfind("FAO-56 Table 22", 0), 0u) << crop.name;
    EXPECT_EQ(crop.depletion_source.rfind("FAO-56 Table 22", 0), 0u) << crop.name;
    if (crop.yield_response) {
      EXPECT_EQ(crop.yield_response->source.rfind("FAO-33 Table 24", 0), 0u) << crop.name;
    }
  }
}

TEST(CropLibrary, RejectsADuplicateAliasAcrossFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "egin_crop_library_dup";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kCropDir / "maize.toml", dir / "a_maize.toml");
  {
    std::ifstream in(kCropDir / "maize.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("name = \"maize\""), 14, "name = \"maize2\"");
    std::ofstream(dir / "b_maize2.toml") << text;  // keeps the alias "corn"
  }
  try {
    (void)CropLibrary::load_directory(dir);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'maize grain' is already used by crop 'maize'"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(dir);
  EXPECT_THROW((void)CropLibrary::load_directory(dir), InputError);
  EXPECT_THROW((void)load_crop(dir / "none.toml"), InputError);
}

}  // namespace
}  // namespace egin::crops
