#include "egin/runtime/live_site.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "egin/core/input_error.hpp"
#include "egin/runtime/site_file.hpp"

namespace egin::runtime {
namespace {

std::filesystem::path demo_site_path() {
  return std::filesystem::path(EGIN_SOURCE_DIR) / "data" / "sites" / "turkistan-demo.toml";
}

class LiveSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("egin-live-site-") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy_file(demo_site_path(), dir_ / "site.toml");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string db_url() const { return "sqlite:" + (dir_ / "egin.db").string(); }

  std::filesystem::path dir_;
};

TEST_F(LiveSiteTest, EveryChannelGetsADistinctIdThatSurvivesARestart) {
  std::map<std::string, store::ChannelId> first;
  {
    auto store = store::open_store(db_url());
    LiveSite site(load_site_file(dir_ / "site.toml"), *store, dir_ / "site.toml");
    for (const auto& info : site.channels()) first[info.key] = info.id;
  }
  ASSERT_GT(first.size(), 10U);
  std::set<store::ChannelId> distinct;
  for (const auto& [key, id] : first) distinct.insert(id);
  EXPECT_EQ(distinct.size(), first.size());

  auto store = store::open_store(db_url());
  // A restart with the channels in another order keeps every id.
  Site reordered = load_site_file(dir_ / "site.toml");
  std::reverse(reordered.zones.begin(), reordered.zones.end());
  LiveSite site(reordered, *store);
  for (const auto& [key, id] : first) {
    const auto info = site.find(key);
    ASSERT_TRUE(info.has_value()) << key;
    EXPECT_EQ(info->id, id) << key;
    EXPECT_EQ(site.find(id)->key, key);
  }
}

TEST_F(LiveSiteTest, EditsAreCheckedThenSavedToTheSiteFile) {
  auto store = store::open_store(db_url());
  LiveSite site(load_site_file(dir_ / "site.toml"), *store, dir_ / "site.toml");
  const Site before = site.snapshot();
  const ZoneSpec& zone = before.zones.front();
  const DeviceSpec& device = zone.devices.front();

  ChannelSpec added;
  added.id = "leaf_wetness";
  added.name = "leaf wetness";
  added.quantity = "leaf_wetness";
  added.unit = "%";
  added.min = 0.0;
  added.max = 100.0;
  site.put_channel(zone.id, device.id, added);
  const std::string key = zone.id + "/" + device.id + "/leaf_wetness";
  ASSERT_TRUE(site.find(key).has_value());
  // The file on disk now holds the channel, and reloads to the same site.
  const Site reloaded = load_site_file(dir_ / "site.toml");
  EXPECT_EQ(first_difference(reloaded, site.snapshot()), "");
  ASSERT_TRUE(find_channel(reloaded, key).has_value());

  // An invalid edit (max below min) is refused with the field named, and nothing changes.
  ChannelSpec bad = added;
  bad.min = 50.0;
  bad.max = 10.0;
  try {
    site.put_channel(zone.id, device.id, bad);
    FAIL() << "an inverted range was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("max"), std::string::npos) << error.what();
  }
  EXPECT_DOUBLE_EQ(site.find(key)->spec.max, 100.0);
  EXPECT_THROW(site.put_channel("no-such-zone", device.id, added), InputError);

  EXPECT_TRUE(site.remove_channel(key));
  EXPECT_FALSE(site.find(key).has_value());
  EXPECT_FALSE(site.remove_channel(key));
  EXPECT_FALSE(find_channel(load_site_file(dir_ / "site.toml"), key).has_value());
}

TEST_F(LiveSiteTest, LookupPointerOutlivesAnEdit) {
  auto store = store::open_store(db_url());
  LiveSite site(load_site_file(dir_ / "site.toml"), *store);
  const auto channels = site.channels();
  const auto held = site.lookup(channels.front().key);
  ASSERT_NE(held, nullptr);
  ChannelSpec changed = held->spec;
  changed.max = held->spec.max + 1.0;
  site.put_channel(held->zone_id, held->device_id, changed);
  EXPECT_DOUBLE_EQ(site.lookup(channels.front().key)->spec.max, changed.max);
  EXPECT_DOUBLE_EQ(held->spec.max, changed.max - 1.0);  // the old description, still valid
}

}  // namespace
}  // namespace egin::runtime
