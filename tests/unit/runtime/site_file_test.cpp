// Site file: the demo site loads with the values written in it; every rejection names the file,
// the line and the dotted key; check_site catches the same rules in an edited site; write →
// parse gives the same site; save_site_file replaces the file atomically.
#include "egin/runtime/site_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"
#include "egin/runtime/senml_units.hpp"

namespace egin::runtime {
namespace {

const std::filesystem::path kDemo =
    std::filesystem::path(EGIN_SOURCE_DIR) / "data" / "sites" / "turkistan-demo.toml";

// 27 lines; the line numbers are used by the rejection table below.
const std::string kBase =
    "[site]\n"                          // 1
    "id = \"farm\"\n"                   // 2
    "latitude_deg = 43.3\n"             // 3
    "longitude_deg = 68.25\n"           // 4
    "elevation_m = 210\n"               // 5
    "utc_offset_min = 300\n"            // 6
    "\n"                                // 7
    "[[retention]]\n"                   // 8
    "class = \"default\"\n"             // 9
    "raw_days = 400\n"                  // 10
    "minute_days = 800\n"               // 11
    "hour_days = 3650\n"                // 12
    "day_days = 0\n"                    // 13
    "\n"                                // 14
    "[[zones]]\n"                       // 15
    "id = \"gh1\"\n"                    // 16
    "kind = \"greenhouse\"\n"           // 17
    "\n"                                // 18
    "[[zones.devices]]\n"               // 19
    "id = \"node1\"\n"                  // 20
    "\n"                                // 21
    "[[zones.devices.channels]]\n"      // 22
    "id = \"t_air\"\n"                  // 23
    "quantity = \"air_temperature\"\n"  // 24
    "unit = \"Cel\"\n"                  // 25
    "min = -20\n"                       // 26
    "max = 60\n";                       // 27

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kBase;
  const std::size_t at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "not in the base text: " << from;
    return text;
  }
  return text.replace(at, from.size(), to);
}

TEST(SiteFile, BaseTextIsValid) {
  const Site site = parse_site_toml(kBase, "site.toml");
  EXPECT_EQ(site.id, "farm");
  EXPECT_EQ(site.name, "farm");  // defaults to the id
  ASSERT_EQ(site.zones.size(), 1U);
  const ChannelSpec& ch = site.zones[0].devices[0].channels[0];
  EXPECT_EQ(ch.name, "t_air");
  EXPECT_EQ(ch.kind, ChannelKind::sensor);
  EXPECT_EQ(ch.sampling_period_s, 60.0);
  EXPECT_EQ(ch.channel_class, "default");
  EXPECT_FALSE(ch.max_rate_per_min);
  EXPECT_FALSE(ch.stuck_minutes);
  EXPECT_EQ(site.future_tolerance_s, 300.0);  // no [validation]: defaults
  EXPECT_EQ(site.max_age_days, 30.0);
  EXPECT_EQ(site.zones[0].devices[0].model, "");
}

TEST(SiteFile, DemoSiteLoads) {
  const Site site = load_site_file(kDemo);
  EXPECT_EQ(site.id, "turkistan-demo");
  EXPECT_DOUBLE_EQ(site.latitude_deg, 43.30);
  EXPECT_DOUBLE_EQ(site.longitude_deg, 68.25);
  EXPECT_DOUBLE_EQ(site.elevation_m, 210.0);
  EXPECT_EQ(site.utc_offset_min, 300);
  ASSERT_EQ(site.zones.size(), 5U);
  EXPECT_EQ(site.zones[0].kind, ZoneKind::greenhouse);
  EXPECT_EQ(site.zones[1].kind, ZoneKind::weather_station);
  for (std::size_t z = 2; z < 5; ++z) {
    EXPECT_EQ(site.zones[z].kind, ZoneKind::field) << z;
  }
  ASSERT_EQ(site.retention.size(), 2U);
  EXPECT_EQ(site.retention[0].raw_days, 400);
  EXPECT_EQ(site.retention[1].channel_class, "actuator");

  const auto t_air = find_channel(site, "gh1/climate/t_air");
  ASSERT_TRUE(t_air);
  EXPECT_EQ(t_air->zone->id, "gh1");
  EXPECT_EQ(t_air->device->model, "KS X 3267 sensor node");
  EXPECT_EQ(t_air->channel->unit, "Cel");
  EXPECT_EQ(t_air->channel->min, -20.0);
  EXPECT_EQ(t_air->channel->max, 60.0);
  EXPECT_EQ(t_air->channel->max_rate_per_min, 5.0);
  EXPECT_EQ(t_air->channel->stuck_minutes, 120.0);

  const auto vent = find_channel(site, "gh1/actuators/vent_roof");
  ASSERT_TRUE(vent);
  EXPECT_EQ(vent->channel->kind, ChannelKind::actuator);
  EXPECT_EQ(vent->channel->channel_class, "actuator");

  // The weather station has what ET0 needs (FAO-56 Eq. 6 inputs at 2 m).
  for (const char* key : {"ws1/mast/t_air", "ws1/mast/rh", "ws1/mast/rs", "ws1/mast/u2"}) {
    EXPECT_TRUE(find_channel(site, key)) << key;
  }
  EXPECT_EQ(find_channel(site, "ws1/mast/rs")->channel->unit, "W/m2");
  EXPECT_EQ(find_channel(site, "ws1/mast/u2")->channel->unit, "m/s");
  EXPECT_EQ(find_channel(site, "ws1/mast/rain")->channel->unit, "mm");
  EXPECT_TRUE(find_channel(site, "cotton-07/inlet/flow"));
  EXPECT_TRUE(find_channel(site, "tomato-03/drip/valve"));
  EXPECT_TRUE(find_channel(site, "apple-02/soil/tension_30cm"));
  EXPECT_FALSE(find_channel(site, "gh1/climate"));
  EXPECT_FALSE(find_channel(site, "gh1/climate/t_air/x"));
  EXPECT_FALSE(find_channel(site, "gh2/climate/t_air"));

  std::size_t channels = 0;
  for (const ZoneSpec& zone : site.zones) {
    for (const DeviceSpec& device : zone.devices) {
      for (const ChannelSpec& ch : device.channels) {
        ++channels;
        EXPECT_EQ(ch.sampling_period_s, 60.0) << ch.id;  // KOAT: 1-minute collection
        EXPECT_TRUE(is_known_unit(ch.unit)) << ch.unit;
        EXPECT_LT(ch.min, ch.max);
        const auto back = find_channel(site, channel_key(zone, device, ch));
        ASSERT_TRUE(back);
        EXPECT_EQ(back->channel, &ch);
      }
    }
  }
  EXPECT_EQ(channels, 38U);
}

TEST(SiteFile, DemoSiteRoundTrips) {
  const Site site = load_site_file(kDemo);
  const std::string text = write_site_toml(site);
  const Site back = parse_site_toml(text, "written.toml");
  EXPECT_EQ(first_difference(site, back), "");
  EXPECT_EQ(write_site_toml(back), text);
}

TEST(SiteFile, AwkwardValuesRoundTrip) {
  Site site = parse_site_toml(kBase, "site.toml");
  site.name = "quote \" backslash \\ newline \n tab \t bell \x07 del \x7f T\xc3\xbcrkistan";
  site.latitude_deg = -0.0;
  site.longitude_deg = 0.1;
  site.elevation_m = 1e-9;
  site.future_tolerance_s = 0.0;
  site.max_age_days = 0.001;
  ChannelSpec& ch = site.zones[0].devices[0].channels[0];
  ch.min = -1e12;
  ch.max = 123456.78901234567;
  ch.max_rate_per_min = 1e-9;
  ch.stuck_minutes = 525600.0;
  ch.sampling_period_s = 86400.0;
  const Site back = parse_site_toml(write_site_toml(site), "written.toml");
  EXPECT_EQ(first_difference(site, back), "");
  EXPECT_EQ(back.name, site.name);
  EXPECT_EQ(back.zones[0].devices[0].channels[0].max, 123456.78901234567);
}

struct Rejection {
  std::string text;
  int line;
  std::string field;
  std::string problem;  // part of what()
};

TEST(SiteFile, EveryRejectionNamesFileLineAndField) {
  const std::string ch = "zones[0].devices[0].channels[0].";
  const std::vector<Rejection> cases = {
      {replaced("id = \"farm\"", "id = \"Farm\""), 2, "site.id", "'Farm' is not a valid id"},
      {replaced("latitude_deg = 43.3", "latitude_deg = 91"), 3, "site.latitude_deg",
       "expected -90 to 90 deg"},
      {replaced("longitude_deg = 68.25", "longitude_deg = -180.5"), 4, "site.longitude_deg",
       "expected -180 to 180 deg"},
      {replaced("elevation_m = 210", "elevation_m = 9001"), 5, "site.elevation_m",
       "expected -500 to 9000 m"},
      {replaced("utc_offset_min = 300", "utc_offset_min = 841"), 6, "site.utc_offset_min",
       "expected -720 to 840 min"},
      {replaced("utc_offset_min = 300", "utc_offset_min = 300.5"), 6, "site.utc_offset_min",
       "not an integer"},
      {replaced("utc_offset_min = 300", "utc_offset_min = 300\nacres = 3"), 7, "site.acres",
       "unknown key"},
      {replaced("raw_days = 400", "raw_days = 29"), 10, "retention[0].raw_days",
       "expected 30 to 36500 d (0 = forever)"},
      {replaced("minute_days = 800", "minute_days = -1"), 11, "retention[0].minute_days",
       "expected 0 to 36500 d (0 = forever)"},
      {replaced("class = \"default\"", "class = \"Default Class\""), 9, "retention[0].class",
       "not a valid id"},
      {replaced("id = \"gh1\"", "id = \"1gh\""), 16, "zones[0].id", "not a valid id"},
      {replaced("kind = \"greenhouse\"", "kind = \"barn\""), 17, "zones[0].kind",
       "unknown zone kind 'barn' (expected greenhouse, field or weather_station)"},
      {replaced("id = \"node1\"", "id = \"node 1\""), 20, "zones[0].devices[0].id",
       "not a valid id"},
      {replaced("id = \"t_air\"", "id = \"t-air-\"\nid2 = 1"), 24, ch + "id2", "unknown key"},
      {replaced("quantity = \"air_temperature\"", "quantity = \"Air temperature\""), 24,
       ch + "quantity", "not a valid id"},
      {replaced("unit = \"Cel\"", "unit = \"degC\""), 25, ch + "unit", "unknown unit 'degC'"},
      {replaced("unit = \"Cel\"", "unit = 5"), 25, ch + "unit", "not a string"},
      {replaced("min = -20", "min = \"low\""), 26, ch + "min", "not a number"},
      {replaced("max = 60", "max = -20"), 27, ch + "max", "max -20 is not above min -20"},
      {replaced("max = 60", "max = 2e12"), 27, ch + "max", "expected -1e+12 to 1e+12 Cel"},
      {kBase + "sampling_period_s = 0.5\n", 28, ch + "sampling_period_s", "expected 1 to 86400 s"},
      {kBase + "sampling_period_s = 86401\n", 28, ch + "sampling_period_s", "out of range"},
      {kBase + "max_rate_per_min = 0\n", 28, ch + "max_rate_per_min", "Cel/min"},
      {kBase + "stuck_minutes = 0.5\n", 28, ch + "stuck_minutes", "expected 1 to 525600 min"},
      {kBase + "kind = \"motor\"\n", 28, ch + "kind", "expected sensor or actuator"},
      {kBase + "class = \"fast\"\n", 28, ch + "class",
       "retention class 'fast' is not defined (expected one of: default"},
      {kBase + "\n[[zones.devices.channels]]\nid = \"t_air\"\nquantity = \"q\"\nunit = \"%\"\n"
               "min = 0\nmax = 1\n",
       30, "zones[0].devices[0].channels[1].id",
       "channel id 't_air' is used twice in device gh1/node1"},
      {kBase + "\n[[zones.devices]]\nid = \"node1\"\n", 30, "zones[0].devices[1].id",
       "device id 'node1' is used twice in zone gh1"},
      {kBase + "\n[[zones]]\nid = \"gh1\"\nkind = \"field\"\n", 30, "zones[1].id",
       "zone id 'gh1' is used twice in the site"},
      {kBase + "\n[[retention]]\nclass = \"default\"\nraw_days = 30\nminute_days = 0\n"
               "hour_days = 0\nday_days = 0\n",
       30, "retention[1].class", "retention class 'default' is listed twice"},
      {kBase + "\n[validation]\nfuture_tolerance_s = -1\n", 30, "validation.future_tolerance_s",
       "expected 0 to 86400 s"},
      {kBase + "\n[validation]\nmax_age_days = 0\n", 30, "validation.max_age_days",
       "expected 0.001 to 36500 d"},
      {replaced("unit = \"Cel\"\n", ""), 22, ch + "unit", "missing required key"},
      {replaced("[site]\n", "[farm]\n"), 1, "farm", "unknown key"},
      {replaced("max = 60", "max = 60 60"), 27, "", "TOML syntax error"},
      {replaced("[[zones.devices]]", "[zones.devices]"), 19, "zones[0].devices",
       "not an array of tables"},
  };
  for (const Rejection& c : cases) {
    try {
      (void)parse_site_toml(c.text, "site.toml");
      ADD_FAILURE() << "accepted: " << c.field << "\n" << c.text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "site.toml") << e.what();
      EXPECT_EQ(e.where().line, c.line) << e.what();
      EXPECT_EQ(e.where().field, c.field) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.problem), std::string::npos)
          << e.what() << "\n  wanted: " << c.problem;
      EXPECT_FALSE(e.expected().empty()) << e.what();
    }
  }
}

TEST(SiteFile, MissingSiteTableAndUnreadableFile) {
  try {
    (void)parse_site_toml("[[zones]]\nid = \"a\"\nkind = \"field\"\n", "x.toml");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "site");
    EXPECT_EQ(e.problem(), "missing required table");
  }
  EXPECT_THROW((void)load_site_file("/nonexistent/site.toml"), InputError);
}

TEST(SiteFile, CheckSiteAppliesTheSameRulesToAnEditedSite) {
  const Site good = parse_site_toml(kBase, "site.toml");
  EXPECT_NO_THROW(check_site(good, "api"));
  const auto rejected_field = [](const Site& site) -> std::string {
    try {
      check_site(site, "api");
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "api");
      EXPECT_EQ(e.where().line, 0);
      return e.where().field;
    }
    return "(accepted)";
  };
  Site s = good;
  s.zones[0].devices[0].channels[0].min = 100.0;
  EXPECT_EQ(rejected_field(s), "zones[0].devices[0].channels[0].max");
  s = good;
  s.zones.push_back(s.zones[0]);
  EXPECT_EQ(rejected_field(s), "zones[1].id");
  s = good;
  s.zones[0].devices[0].channels[0].unit = "Celsius";
  EXPECT_EQ(rejected_field(s), "zones[0].devices[0].channels[0].unit");
  s = good;
  s.zones[0].devices[0].channels[0].max_rate_per_min = -1.0;
  EXPECT_EQ(rejected_field(s), "zones[0].devices[0].channels[0].max_rate_per_min");
  s = good;
  s.retention[0].raw_days = 7;
  EXPECT_EQ(rejected_field(s), "retention[0].raw_days");
  s.retention[0].raw_days = 0;  // forever is fine
  EXPECT_EQ(rejected_field(s), "(accepted)");
  s = good;
  s.zones[0].name = std::string(201, 'n');
  EXPECT_EQ(rejected_field(s), "zones[0].name");
  s = good;
  s.utc_offset_min = -721;
  EXPECT_EQ(rejected_field(s), "site.utc_offset_min");
  s = good;
  s.max_age_days = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(rejected_field(s), "validation.max_age_days");
}

TEST(SiteFile, IdsAndDifferences) {
  EXPECT_TRUE(is_valid_id("a"));
  EXPECT_TRUE(is_valid_id("gh1_north-2"));
  EXPECT_TRUE(is_valid_id(std::string(64, 'x')));
  EXPECT_FALSE(is_valid_id(std::string(65, 'x')));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("1a"));
  EXPECT_FALSE(is_valid_id("_a"));
  EXPECT_FALSE(is_valid_id("aB"));
  EXPECT_FALSE(is_valid_id("a/b"));
  EXPECT_FALSE(is_valid_id("a b"));

  const Site a = parse_site_toml(kBase, "site.toml");
  Site b = a;
  EXPECT_EQ(first_difference(a, b), "");
  b.zones[0].devices[0].channels[0].stuck_minutes = 30.0;
  EXPECT_EQ(first_difference(a, b), "zones[0].devices[0].channels[0].stuck_minutes");
  b = a;
  b.retention.clear();
  EXPECT_EQ(first_difference(a, b), "retention.size");
}

TEST(SiteFile, SaveReplacesTheFileAtomically) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("egin-site-file-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / "site.toml";

  Site site = load_site_file(kDemo);
  save_site_file(site, path);
  EXPECT_EQ(first_difference(load_site_file(path), site), "");

  site.zones[0].devices[0].channels[0].max = 55.0;
  save_site_file(site, path);
  EXPECT_EQ(load_site_file(path).zones[0].devices[0].channels[0].max, 55.0);

  // An invalid site is refused and the file keeps the last good one.
  Site bad = site;
  bad.zones[0].devices[0].channels[0].unit = "Fahrenheit";
  EXPECT_THROW(save_site_file(bad, path), InputError);
  EXPECT_EQ(first_difference(load_site_file(path), site), "");

  // Only the file itself is left: no temporary files.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
  }
  EXPECT_EQ(files, 1U);

  EXPECT_THROW(save_site_file(site, dir / "missing-dir" / "site.toml"), std::system_error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace egin::runtime
