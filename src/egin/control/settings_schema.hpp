// The JSON Schema of a greenhouse's controller settings (the subset runtime/controller_settings.hpp
// names, which the dashboard's editor renders), generated from what the settings reader itself
// asked for while reading them (settings_toml.hpp with a FieldLog): every key with its kind,
// accepted range and unit, so the schema and the reader cannot disagree. The schema is that of
// one settings document — the tables the greenhouse has and the optional keys it sets — not of
// every file the reader would accept.
//
// | FieldRecord                  | schema                                                      |
// |------------------------------|-------------------------------------------------------------|
// | path "a.b", "a[0].b"         | nested "properties"; an index makes "a" an array, its items  |
// |                              | the union of the indexed tables' keys                        |
// | kind number / integer        | "type" number / integer, "minimum", "maximum"                |
// | kind text / boolean          | "type" string / boolean                                      |
// | unit "°C"                    | "x-unit": "°C"                                               |
// | unit "kg/ha/d (0 = none)"    | "x-unit": "kg/ha/d", "description": "0 = none"               |
// | unit "(fraction 0–1)"        | "description": "fraction 0–1"                                |
// | required                     | listed in its object's "required"                            |
// | items with different ranges  | the widest (the reader still checks each item's own)         |
// Keys are titled by their names.
// It must not read TOML: settings_toml.hpp does.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "egin/control/settings.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::control {

nlohmann::json settings_schema(const FieldLog& log, std::string_view title);

/// The settings in `text` and their schema (parse_controller_settings with a log).
struct ReadSettings {
  ControllerSettings settings;
  nlohmann::json schema;
};
ReadSettings read_settings_with_schema(std::string_view text, const std::string& source_name);

}  // namespace egin::control
