// Controller settings as the API and the dashboard's editor see them: one JSON document per zone
// with a controller (set-points, P-bands, time bands, limits — whatever the climate computer
// has), the JSON Schema that describes it (so the editor renders fields with their units and
// ranges and checks them before sending), a revision for safe concurrent edits, and
// ControllerSettingsProvider — the interface the climate computer implements and `egin serve`
// registers (providers.hpp). Until one is registered the settings routes answer 503.
//
// Schema: a subset of JSON Schema 2020-12 the dashboard renders — "type" (object, array,
// number, integer, boolean, string), "properties", "required", "items", "minimum", "maximum",
// "enum", "title", "description", "default", and "x-unit" (a SenML or egin unit: "Cel", "%",
// "ppm", "W/m2", "min"). The provider's validate() is the authority; the editor's own checks
// only save a round trip.
//
// Set-points on charts: a channel whose quantity is "<q>_setpoint" (e.g.
// "air_temperature_setpoint") is drawn as the set-point of the chart of quantity <q> in its zone;
// a controller publishes its working set-points that way (ingested as readings).
// It must not control anything or store anything itself: implementations do.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::runtime {

/// One problem of a settings document: where (a JSON Pointer, RFC 6901: "/heating/day_c"),
/// what is wrong, and what would be accepted.
struct SettingsIssue {
  std::string path;
  std::string problem;
  std::string expected;
};

struct ControllerSettings {
  std::string zone;
  std::string revision;   // opaque; changes with every applied update
  nlohmann::json values;  // the settings document
  nlohmann::json schema;  // JSON Schema of `values` (subset above)
  std::string text;       // the settings as their file holds them (TOML); "" when none
  TimeMs updated_ms = 0;
  std::string updated_by;
};

enum class SettingsUpdateStatus {
  kApplied,   // valid and the revision matched: in force now
  kInvalid,   // issues say why; nothing changed
  kConflict,  // expected_revision is not the current one: reload, edit again
  kNotFound,  // no controller for the zone
};

struct SettingsUpdateResult {
  SettingsUpdateStatus status = SettingsUpdateStatus::kInvalid;
  std::vector<SettingsIssue> issues;
  std::optional<ControllerSettings> settings;  // as they are after the call (when found)
};

class ControllerSettingsProvider {
 public:
  virtual ~ControllerSettingsProvider() = default;
  ControllerSettingsProvider() = default;
  ControllerSettingsProvider(const ControllerSettingsProvider&) = delete;
  ControllerSettingsProvider& operator=(const ControllerSettingsProvider&) = delete;

  /// The zones that have a controller, in site order.
  virtual std::vector<std::string> zones() = 0;
  virtual std::optional<ControllerSettings> get(std::string_view zone) = 0;
  /// The problems of `values` for `zone` (empty: it would be accepted); changes nothing.
  /// An unknown zone gives one issue at path "".
  virtual std::vector<SettingsIssue> validate(std::string_view zone,
                                              const nlohmann::json& values) = 0;
  /// Applies `values` when they are valid and `expected_revision` is the current revision;
  /// records `user` and `now_ms` with them.
  virtual SettingsUpdateResult update(std::string_view zone, const nlohmann::json& values,
                                      std::string_view expected_revision, std::string_view user,
                                      TimeMs now_ms) = 0;
};

}  // namespace egin::runtime
