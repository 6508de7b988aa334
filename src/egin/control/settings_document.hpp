// The controller settings as a JSON document — what the HTTP API and the dashboard's editor
// exchange — and back to the TOML text settings_toml.hpp reads, so that the one reader stays
// the authority on what is valid. The document is the TOML file's tree as JSON: tables are
// objects, arrays of tables ([[bands]]) arrays of objects, TOML integers JSON integers, floats
// numbers, strings and booleans themselves (dates and times, unused by the settings, as strings).
// A null member means the key is absent. Comments do not survive the round trip.
// It must not check ranges: parse_controller_settings does.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace egin::control {

/// The settings text as a JSON document; InputError (at `source_name`) for a TOML syntax error.
nlohmann::json settings_document_of_toml(std::string_view text, const std::string& source_name);

/// The document as TOML text; InputError naming the member for a document that has no TOML form
/// (not an object at the top, a null or mixed array, an array of arrays of tables).
std::string settings_toml_of_document(const nlohmann::json& document);

/// A dotted key path as settings_toml.hpp names fields ("bands[0].t_heat_c") as a JSON Pointer
/// into the document (RFC 6901: "/bands/0/t_heat_c"); "" stays "".
std::string json_pointer_of_key_path(std::string_view key_path);

}  // namespace egin::control
