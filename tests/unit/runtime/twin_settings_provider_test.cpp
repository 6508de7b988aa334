// TwinSettingsProvider over the Turkistan greenhouse twin: the shipped tomato settings as a
// document with their schema and TOML text; a bad value is refused at its JSON Pointer with the
// reader's accepted range and changes nothing; a stale revision conflicts; a good update is
// written to the file (a second provider reading it sees the same revision and value) and is
// the controller's working heating set-point from its next step.
#include "egin/runtime/twin_settings_provider.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "egin/control/setpoints.hpp"
#include "twin_loop_support.hpp"

namespace egin::runtime {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

double working(const LoopSnapshot& s, const std::string& key) {
  for (const NamedValue& v : s.setpoints) {
    if (v.name == key) {
      return v.value;
    }
  }
  ADD_FAILURE() << "no set-point " << key;
  return 0.0;
}

class TwinSettingsProviderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("egin-settings-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    file_ = dir_ / "controller-gh1.toml";
    fs::copy_file(test::source_path("data/controllers/turkistan-korean-tomato.toml"), file_,
                  fs::copy_options::overwrite_existing);
    TwinClimateLoopConfig c = test::turkistan_config("2025-07-10T12:00+05:00");  // the day band
    c.step_s = 60.0;
    c.settings = control::load_controller_settings(file_.string());
    greenhouse_ = std::make_unique<TwinGreenhouse>(std::move(c));
    greenhouse_->advance_to(greenhouse_->now_ms() + 5 * kMsPerMinute);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fs::path file_;
  std::unique_ptr<TwinGreenhouse> greenhouse_;
};

TEST_F(TwinSettingsProviderTest, GetValidateAndUpdate) {
  TwinSettingsProvider provider(*greenhouse_, "gh1", file_);
  EXPECT_EQ(provider.zones(), std::vector<std::string>{"gh1"});
  EXPECT_FALSE(provider.get("gh2"));
  const ControllerSettings s = *provider.get("gh1");
  EXPECT_EQ(s.values["bands"][1]["name"], "day");
  EXPECT_DOUBLE_EQ(s.values["bands"][1]["t_heat_c"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(
      s.schema["properties"]["heating"]["properties"]["p_band_c"]["maximum"].get<double>(), 20.0);
  EXPECT_NE(s.text.find("[[bands]]"), std::string::npos);
  EXPECT_EQ(s.revision.size(), 16u);
  EXPECT_EQ(s.revision, settings_revision(s.text));

  // A value out of range: one issue at its pointer, with the range; nothing changes.
  json bad = s.values;
  bad["heating"]["p_band_c"] = 35.0;
  const std::vector<SettingsIssue> issues = provider.validate("gh1", bad);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "/heating/p_band_c");
  EXPECT_EQ(issues[0].problem, "heating.p_band_c: value 35 is out of range");
  EXPECT_EQ(issues[0].expected, "0.1 to 20 °C");
  SettingsUpdateResult r = provider.update("gh1", bad, s.revision, "admin", 1000);
  EXPECT_EQ(r.status, SettingsUpdateStatus::kInvalid);
  EXPECT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(provider.get("gh1")->revision, s.revision);
  EXPECT_TRUE(provider.validate("gh1", s.values).empty());
  EXPECT_EQ(provider.validate("gh2", s.values).size(), 1u);
  EXPECT_EQ(provider.update("gh2", s.values, s.revision, "admin", 1000).status,
            SettingsUpdateStatus::kNotFound);

  // Every band's heating set-point 3 °C up: the working set-point follows from the next step.
  const double before = working(greenhouse_->snapshot(), "t_heat_c");
  json good = s.values;
  for (json& band : good["bands"]) {
    band["t_heat_c"] = band["t_heat_c"].get<double>() + 3.0;
  }
  EXPECT_EQ(provider.update("gh1", good, "0000000000000000", "admin", 1000).status,
            SettingsUpdateStatus::kConflict);
  const TimeMs now = greenhouse_->now_ms();
  r = provider.update("gh1", good, s.revision, "admin", now);
  ASSERT_EQ(r.status, SettingsUpdateStatus::kApplied);
  ASSERT_TRUE(r.settings);
  EXPECT_NE(r.settings->revision, s.revision);
  EXPECT_EQ(r.settings->updated_by, "admin");
  EXPECT_EQ(r.settings->updated_ms, now);
  EXPECT_DOUBLE_EQ(r.settings->values["bands"][1]["t_heat_c"].get<double>(), 23.0);
  EXPECT_DOUBLE_EQ(working(greenhouse_->snapshot(), "t_heat_c"), before);  // not yet stepped
  greenhouse_->advance_to(now + kMsPerMinute);
  EXPECT_NEAR(working(greenhouse_->snapshot(), "t_heat_c"), before + 3.0, 1e-9);
  EXPECT_NEAR(greenhouse_->settings().bands[1].setpoints[control::SetpointId::kTHeatC], 23.0, 0);

  // The file holds it: a restart reads the same settings.
  TwinSettingsProvider again(*greenhouse_, "gh1", file_);
  EXPECT_EQ(again.get("gh1")->revision, r.settings->revision);
  EXPECT_DOUBLE_EQ(again.get("gh1")->values["bands"][1]["t_heat_c"].get<double>(), 23.0);
  EXPECT_NE(again.get("gh1")->text.find("set by admin"), std::string::npos);
}

}  // namespace
}  // namespace egin::runtime
