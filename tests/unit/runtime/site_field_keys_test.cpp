// Field zones' advice keys in the site file: field_file and weather_zone are read, written back
// and compared; only a field zone may have them, and weather_zone must name a weather-station
// zone (each rejection naming the line and key); an API edit of the zone keeps them; and
// field_sources resolves them (relative to the site file) and adds a fields directory's files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/runtime/field_advisor.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/site_file.hpp"

namespace egin::runtime {
namespace {

const std::string kSite =
    "[site]\n"                               // 1
    "id = \"farm\"\n"                        // 2
    "latitude_deg = 43.3\n"                  // 3
    "longitude_deg = 68.25\n"                // 4
    "elevation_m = 210\n"                    // 5
    "utc_offset_min = 300\n"                 // 6
    "\n"                                     // 7
    "[[zones]]\n"                            // 8
    "id = \"ws1\"\n"                         // 9
    "kind = \"weather_station\"\n"           // 10
    "\n"                                     // 11
    "[[zones]]\n"                            // 12
    "id = \"cotton\"\n"                      // 13
    "kind = \"field\"\n"                     // 14
    "field_file = \"fields/cotton.toml\"\n"  // 15
    "weather_zone = \"ws1\"\n";              // 16

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kSite;
  return text.replace(text.find(from), from.size(), to);
}

InputError error_of(const std::string& text) {
  try {
    parse_site_toml(text, "site.toml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return InputError({}, "");
}

TEST(SiteFieldKeys, ReadWrittenAndCompared) {
  const Site site = parse_site_toml(kSite, "site.toml");
  ASSERT_EQ(site.zones.size(), 2U);
  EXPECT_EQ(site.zones[1].field_file, "fields/cotton.toml");
  EXPECT_EQ(site.zones[1].weather_zone, "ws1");
  EXPECT_TRUE(site.zones[0].field_file.empty());
  const Site again = parse_site_toml(write_site_toml(site), "again.toml");
  EXPECT_EQ(first_difference(site, again), "");
  Site other = site;
  other.zones[1].weather_zone.clear();
  EXPECT_EQ(first_difference(site, other), "zones[1].weather_zone");
}

TEST(SiteFieldKeys, OnlyFieldZonesAndOnlyStations) {
  auto e = error_of(replaced("kind = \"field\"\n", "kind = \"greenhouse\"\n"));
  EXPECT_EQ(e.where().field, "zones[1].field_file");
  EXPECT_EQ(e.where().line, 15);
  e = error_of(replaced("weather_zone = \"ws1\"", "weather_zone = \"cotton\""));
  EXPECT_EQ(e.where().field, "zones[1].weather_zone");
  EXPECT_EQ(e.where().line, 16);
  EXPECT_NE(std::string(e.what()).find("is not a weather-station zone"), std::string::npos);
  e = error_of(replaced("weather_zone = \"ws1\"", "weather_zone = \"ws1\"\nfield = 3"));
  EXPECT_EQ(e.where().field, "zones[1].field");
}

TEST(SiteFieldKeys, AnApiEditKeepsThem) {
  auto store = store::open_store("sqlite::memory:");
  LiveSite live(parse_site_toml(kSite, "site.toml"), *store);
  ZoneSpec edit;
  edit.id = "cotton";
  edit.name = "Cotton, renamed";
  edit.kind = ZoneKind::field;
  live.put_zone(edit);
  const Site after = live.snapshot();
  EXPECT_EQ(after.zones[1].name, "Cotton, renamed");
  EXPECT_EQ(after.zones[1].field_file, "fields/cotton.toml");
  EXPECT_EQ(after.zones[1].weather_zone, "ws1");
}

TEST(SiteFieldKeys, FieldSourcesResolveAndAddADirectory) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("egin-fields-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "more");
  std::ofstream(dir / "more" / "melon.toml") << "x";
  std::ofstream(dir / "more" / "cotton.toml") << "x";  // the zone's id wins
  std::ofstream(dir / "more" / "notes.txt") << "x";
  const Site site = parse_site_toml(kSite, "site.toml");
  const auto sources = field_sources(site, dir / "sites", dir / "more");
  ASSERT_EQ(sources.size(), 2U);
  EXPECT_EQ(sources[0].id, "cotton");
  EXPECT_EQ(sources[0].file, dir / "sites" / "fields" / "cotton.toml");
  EXPECT_EQ(sources[0].weather_zone, "ws1");
  EXPECT_EQ(sources[1].id, "melon");
  EXPECT_TRUE(sources[1].weather_zone.empty());
  EXPECT_THROW(field_sources(site, dir, dir / "missing"), InputError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace egin::runtime
