// The settings document (settings_document.hpp) and its schema (settings_schema.hpp) for the
// shipped Turkistan tomato settings: the schema's ranges and units are the reader's own (checked
// against settings_toml.cpp's calls and setpoint_info), every value of the document lies within
// its schema, the document survives TOML and back unchanged, and a bad value is refused by the
// reader at the document's path.
#include "egin/control/settings_schema.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "egin/control/settings_document.hpp"
#include "egin/control/settings_toml.hpp"
#include "egin/core/input_error.hpp"

namespace egin::control {
namespace {

using nlohmann::json;

std::string tomato_text() {
  std::ifstream in(std::string(EGIN_SOURCE_DIR) + "/data/controllers/turkistan-korean-tomato.toml");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SettingsSchema, RangesAndUnitsAreTheReaders) {
  const ReadSettings r = read_settings_with_schema(tomato_text(), "tomato.toml");
  const json& s = r.schema;
  EXPECT_EQ(s["type"], "object");
  EXPECT_EQ(s["title"], r.settings.name);
  const json& p_band = s["properties"]["heating"]["properties"]["p_band_c"];
  EXPECT_EQ(p_band["type"], "number");
  EXPECT_DOUBLE_EQ(p_band["minimum"].get<double>(), 0.1);
  EXPECT_DOUBLE_EQ(p_band["maximum"].get<double>(), 20.0);
  EXPECT_EQ(p_band["x-unit"], "°C");
  const json& heating_required = s["properties"]["heating"]["required"];
  EXPECT_NE(std::find(heating_required.begin(), heating_required.end(), "p_band_c"),
            heating_required.end());
  // [[bands]]: an array whose items carry the set-points with setpoint_info's ranges.
  const json& bands = s["properties"]["bands"];
  EXPECT_EQ(bands["type"], "array");
  const SetpointInfo& heat = setpoint_info(SetpointId::kTHeatC);
  const json& t_heat = bands["items"]["properties"]["t_heat_c"];
  EXPECT_DOUBLE_EQ(t_heat["minimum"].get<double>(), heat.min);
  EXPECT_DOUBLE_EQ(t_heat["maximum"].get<double>(), heat.max);
  EXPECT_EQ(bands["items"]["properties"]["name"]["type"], "string");
  // Integers, descriptions from the unit's words, nested tables.
  const json& priority =
      s["properties"]["alarms"]["properties"]["t_air_high"]["properties"]["priority"];
  EXPECT_EQ(priority["type"], "integer");
  EXPECT_EQ(priority["minimum"], 1);
  EXPECT_EQ(priority["maximum"], 3);
  EXPECT_EQ(priority["description"], "1 urgent, 2 high, 3 low");
  const json& lee_max = s["properties"]["ventilation"]["properties"]["lee_max_frac"];
  EXPECT_EQ(lee_max["description"], "fraction 0–1");
  EXPECT_FALSE(lee_max.contains("x-unit"));
  EXPECT_EQ(s["properties"]["co2"]["properties"]["only_in_light"]["type"], "boolean");
  // An optional key the file leaves out is not in the schema; a table it lacks neither.
  EXPECT_FALSE(s["properties"].contains("lamps"));
}

TEST(SettingsSchema, EveryValueOfTheDocumentIsWithinItsSchema) {
  const std::string text = tomato_text();
  const json doc = settings_document_of_toml(text, "tomato.toml");
  const json schema = read_settings_with_schema(text, "tomato.toml").schema;
  int checked = 0;
  std::function<void(const json&, const json&, const std::string&)> walk =
      [&](const json& value, const json& sch, const std::string& where) {
        if (value.is_object()) {
          for (const auto& [key, v] : value.items()) {
            if (sch.contains("properties") && sch["properties"].contains(key)) {
              walk(v, sch["properties"][key], where + "/" + key);
            }
          }
        } else if (value.is_array() && sch.contains("items")) {
          for (std::size_t i = 0; i < value.size(); ++i) {
            walk(value[i], sch["items"], where + "/" + std::to_string(i));
          }
        } else if (value.is_number()) {
          ++checked;
          EXPECT_GE(value.get<double>(), sch.value("minimum", -1e300)) << where;
          EXPECT_LE(value.get<double>(), sch.value("maximum", 1e300)) << where;
          if (sch["type"] == "integer") {
            EXPECT_TRUE(value.is_number_integer()) << where;
          }
        }
      };
  walk(doc, schema, "");
  EXPECT_GT(checked, 150);  // the file's numbers, each checked against its range
}

TEST(SettingsDocument, RoundTripThroughTomlKeepsTheDocument) {
  const std::string text = tomato_text();
  const json doc = settings_document_of_toml(text, "tomato.toml");
  EXPECT_EQ(doc["controller"]["step_s"], 300);
  EXPECT_EQ(doc["bands"][1]["name"], "day");
  EXPECT_DOUBLE_EQ(doc["bands"][1]["t_heat_c"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(doc["alarms"]["t_air_high"]["limit_c"].get<double>(), 38.0);
  const std::string again = settings_toml_of_document(doc);
  EXPECT_EQ(settings_document_of_toml(again, "again.toml"), doc);
  const ControllerSettings a = parse_controller_settings(text, "tomato.toml");
  const ControllerSettings b = parse_controller_settings(again, "again.toml");
  ASSERT_EQ(a.bands.size(), b.bands.size());
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    EXPECT_EQ(a.bands[i].setpoints.values, b.bands[i].setpoints.values);
  }
  EXPECT_EQ(a.alarms.t_air_high.limit, b.alarms.t_air_high.limit);
  EXPECT_EQ(a.ventilation.storm_m_s, b.ventilation.storm_m_s);
  EXPECT_EQ(a.calendar.size(), b.calendar.size());
}

TEST(SettingsDocument, BadValueIsRefusedAtItsPath) {
  json doc = settings_document_of_toml(tomato_text(), "tomato.toml");
  doc["heating"]["p_band_c"] = 99.0;
  try {
    (void)parse_controller_settings(settings_toml_of_document(doc), "gh1 settings");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "heating.p_band_c");
    EXPECT_EQ(e.problem(), "value 99 is out of range");
    EXPECT_EQ(e.expected(), "0.1 to 20 °C");
    EXPECT_EQ(json_pointer_of_key_path(e.where().field), "/heating/p_band_c");
  }
  doc = settings_document_of_toml(tomato_text(), "tomato.toml");
  doc["bands"][2]["t_heat_c"] = nullptr;  // null: absent
  try {
    (void)parse_controller_settings(settings_toml_of_document(doc), "gh1 settings");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "bands[2].t_heat_c");
    EXPECT_EQ(e.problem(), "missing required key");
  }
  EXPECT_THROW((void)settings_toml_of_document(json::array()), InputError);
  doc["bands"].push_back(3);
  EXPECT_THROW((void)settings_toml_of_document(doc), InputError);
}

TEST(SettingsDocument, KeyPathsAsJsonPointers) {
  EXPECT_EQ(json_pointer_of_key_path("calendar[1].points[0].date"), "/calendar/1/points/0/date");
  EXPECT_EQ(json_pointer_of_key_path("alarms.t_air_high.limit_c"), "/alarms/t_air_high/limit_c");
  EXPECT_EQ(json_pointer_of_key_path("a/b~c"), "/a~1b~0c");
  EXPECT_EQ(json_pointer_of_key_path(""), "");
}

}  // namespace
}  // namespace egin::control
