// TwinSettingsProvider: the ControllerSettingsProvider (controller_settings.hpp) of a climate
// computer running on the greenhouse twin (twin_greenhouse.hpp) — the demo farm's greenhouse.
// The settings live in one TOML file (docs/formats/controller-settings.md); the API sees them as
// the file's tree in JSON (control/settings_document.hpp), with the JSON Schema the reader
// generates (control/settings_schema.hpp) and the TOML text itself.
//
// | call       | what                                                                       |
// |------------|----------------------------------------------------------------------------|
// | get        | values, schema, TOML text, revision (a digest of the text), who and when   |
// | validate   | the document as TOML through parse_controller_settings: its first problem  |
// |            | as an issue at the field's JSON Pointer, with the accepted range           |
// | update     | when valid and at the revision: the file rewritten (atomically, so a       |
// |            | restart keeps it), then the controller's settings replaced — in force from |
// |            | its next step                                                               |
// The reader stops at the first problem, so validate() reports one issue at a time. Comments of
// the file are not kept by an update (a header says who changed it and when). Thread-safe; the
// greenhouse must outlive it. It must not judge settings itself: the reader does.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "egin/runtime/controller_settings.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::runtime {

class TwinSettingsProvider final : public ControllerSettingsProvider {
 public:
  /// Reads `file` (the settings the greenhouse runs with); InputError when it is not valid.
  TwinSettingsProvider(TwinGreenhouse& greenhouse, std::string zone, std::filesystem::path file);

  std::vector<std::string> zones() override { return {zone_}; }
  std::optional<ControllerSettings> get(std::string_view zone) override;
  std::vector<SettingsIssue> validate(std::string_view zone, const nlohmann::json& values) override;
  SettingsUpdateResult update(std::string_view zone, const nlohmann::json& values,
                              std::string_view expected_revision, std::string_view user,
                              TimeMs now_ms) override;

 private:
  struct Checked;
  [[nodiscard]] Checked check(const nlohmann::json& values) const;
  [[nodiscard]] ControllerSettings current() const;

  TwinGreenhouse& greenhouse_;
  std::string zone_;
  std::filesystem::path file_;
  std::mutex mutex_;
  std::string text_;
  nlohmann::json values_;
  nlohmann::json schema_;
  std::string revision_;
  TimeMs updated_ms_ = 0;
  std::string updated_by_;
};

/// The revision of a settings text: FNV-1a 64 of its bytes, 16 hex digits.
std::string settings_revision(std::string_view text);

}  // namespace egin::runtime
