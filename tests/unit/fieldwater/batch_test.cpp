// Batch schedules: every index runs once on any number of threads, field lists from a
// directory or a list file, the examples run with a bad field recorded as an error row (not a
// crash), and the results do not depend on the number of threads.
#include "egin/fieldwater/batch.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "egin/agromet/weather_csv.hpp"
#include "egin/core/input_error.hpp"
#include "egin/fieldwater/field_weather.hpp"

namespace egin::fieldwater {
namespace {

const std::filesystem::path kData = std::filesystem::path(EGIN_SOURCE_DIR) / "data";

TEST(ParallelFor, EveryIndexRunsOnce) {
  for (const int threads : {1, 2, 3, 8}) {
    std::vector<std::atomic<int>> hits(101);
    parallel_for(hits.size(), threads, [&](std::size_t i) { hits[i].fetch_add(1); });
    for (const auto& h : hits) {
      EXPECT_EQ(h.load(), 1) << threads;
    }
  }
  parallel_for(0, 4, [](std::size_t) { FAIL(); });
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("egin_batch_test_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

TEST(ListFieldFiles, DirectoryAndListFile) {
  const auto files = list_field_files(kData / "examples");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].filename(), "apple_orchard.toml");  // sorted
  EXPECT_EQ(files[2].filename(), "tomato_drip.toml");
  TempDir tmp;
  {
    std::ofstream list(tmp.path / "fields.txt");
    list << "# two fields\n\n  a.toml  \nsub/b.toml # the second\n"
         << (kData / "x.toml").string() << "\n";
  }
  const auto listed = list_field_files(tmp.path / "fields.txt");
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0], tmp.path / "a.toml");
  EXPECT_EQ(listed[1], tmp.path / "sub/b.toml");
  EXPECT_EQ(listed[2], kData / "x.toml");
  EXPECT_THROW((void)list_field_files(tmp.path / "missing.txt"), InputError);
}

TEST(RunBatchFiles, ExamplesRunAndABadFieldIsAnErrorRow) {
  const auto crops = crops::CropLibrary::load_directory(kData / "crops");
  const auto soils = soils::SoilLibrary::load_directory(kData / "soils");
  TempDir tmp;
  {
    std::ofstream bad(tmp.path / "bad.toml");
    bad << "area_ha = 1\nplanting_date = 2025-04-25\n[crop]\nname = \"banana\"\n";
  }
  std::vector<std::filesystem::path> files = list_field_files(kData / "examples");
  files.push_back(tmp.path / "bad.toml");
  files.push_back(tmp.path / "absent.toml");
  BatchInputs in;
  in.crops = &crops;
  in.soils = &soils;
  in.request.as_of = *Date::parse("2025-07-14");
  in.request.days_ahead = 3;
  const auto one = run_batch_files(files, in, 1);
  const auto two = run_batch_files(files, in, 2);
  ASSERT_EQ(one.size(), 5u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(one[i].ok) << one[i].file << ": " << one[i].error;
    EXPECT_EQ(one[i].as_of, *Date::parse("2025-07-14"));
    EXPECT_GT(one[i].observed.et_ref_mm, 300.0);  // weeks of an arid summer
    // Same numbers on two threads.
    EXPECT_EQ(one[i].recommendation.gross_mm, two[i].recommendation.gross_mm);
    EXPECT_EQ(one[i].observed.eta_mm, two[i].observed.eta_mm);
    EXPECT_EQ(one[i].state_as_of.dr_mm, two[i].state_as_of.dr_mm);
  }
  EXPECT_EQ(one[1].field, "maktaaral-cotton-07");
  EXPECT_TRUE(one[1].recommendation.irrigate);  // the example's chosen day
  EXPECT_FALSE(one[3].ok);
  EXPECT_NE(one[3].error.find("unknown crop 'banana'"), std::string::npos) << one[3].error;
  EXPECT_FALSE(one[4].ok);
  EXPECT_NE(one[4].error.find("cannot read"), std::string::npos) << one[4].error;
}

TEST(RunBatchFields, InMemoryFieldsMatchTheirOwnSchedules) {
  const auto crops = crops::CropLibrary::load_directory(kData / "crops");
  const auto soils = soils::SoilLibrary::load_directory(kData / "soils");
  const FieldConfig cotton = load_field_config(kData / "examples/cotton_furrow.toml", crops, soils);
  const auto weather = prepare_field_weather(
      agromet::read_daily_weather_csv((kData / "weather/shardara_2025_daily.csv").string()),
      agromet::Et0Method::kFao56, nullptr);
  std::vector<FieldConfig> fields(6, cotton);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    fields[i].area_ha = 1.0 + static_cast<double>(i);
  }
  ScheduleRequest req;
  req.as_of = *Date::parse("2025-07-14");
  const auto rows = run_batch_fields(fields, weather.series, nullptr, req, 2);
  const ScheduleResult alone = run_schedule(cotton, weather.series, nullptr, req);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_TRUE(rows[i].ok) << rows[i].error;
    EXPECT_EQ(rows[i].recommendation.gross_mm, alone.recommendation.gross_mm);
    EXPECT_NEAR(rows[i].recommendation.volume_m3,
                alone.recommendation.gross_mm * 10.0 * fields[i].area_ha, 1e-9);
  }
}

}  // namespace
}  // namespace egin::fieldwater
