#include "egin/runtime/twin_settings_provider.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "egin/control/settings_document.hpp"
#include "egin/control/settings_schema.hpp"
#include "egin/core/input_error.hpp"

namespace egin::runtime {

namespace fs = std::filesystem;
using nlohmann::json;

std::string settings_revision(std::string_view text) {
  // FNV-1a, 64-bit (Fowler, Noll, Vo; IETF draft-eastlake-fnv).
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

struct TwinSettingsProvider::Checked {
  std::vector<SettingsIssue> issues;
  std::string text;
  control::ReadSettings read;
};

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InputError({file.string(), 0, ""}, "cannot read the file",
                     "a readable controller settings file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

SettingsIssue issue_of(const InputError& e) {
  const std::string& field = e.where().field;
  std::string problem = e.problem();
  if (!field.empty()) {
    problem = field + ": " + problem;
  }
  return {control::json_pointer_of_key_path(field), problem, e.expected()};
}

}  // namespace

TwinSettingsProvider::TwinSettingsProvider(TwinGreenhouse& greenhouse, std::string zone,
                                           fs::path file)
    : greenhouse_(greenhouse), zone_(std::move(zone)), file_(std::move(file)) {
  text_ = read_text(file_);
  const control::ReadSettings read = control::read_settings_with_schema(text_, file_.string());
  values_ = control::settings_document_of_toml(text_, file_.string());
  schema_ = read.schema;
  revision_ = settings_revision(text_);
}

TwinSettingsProvider::Checked TwinSettingsProvider::check(const json& values) const {
  Checked c;
  const std::string source = zone_ + " controller settings";
  try {
    c.text = control::settings_toml_of_document(values);
    c.read = control::read_settings_with_schema(c.text, source);
  } catch (const InputError& e) {
    c.issues.push_back(issue_of(e));
  }
  return c;
}

ControllerSettings TwinSettingsProvider::current() const {
  ControllerSettings s;
  s.zone = zone_;
  s.revision = revision_;
  s.values = values_;
  s.schema = schema_;
  s.text = text_;
  s.updated_ms = updated_ms_;
  s.updated_by = updated_by_;
  return s;
}

std::optional<ControllerSettings> TwinSettingsProvider::get(std::string_view zone) {
  if (zone != zone_) {
    return std::nullopt;
  }
  const std::lock_guard lock(mutex_);
  return current();
}

std::vector<SettingsIssue> TwinSettingsProvider::validate(std::string_view zone,
                                                          const json& values) {
  if (zone != zone_) {
    return {{"", "no controller for zone '" + std::string(zone) + "'", "the zone " + zone_}};
  }
  return check(values).issues;
}

SettingsUpdateResult TwinSettingsProvider::update(std::string_view zone, const json& values,
                                                  std::string_view expected_revision,
                                                  std::string_view user, TimeMs now_ms) {
  SettingsUpdateResult result;
  if (zone != zone_) {
    result.status = SettingsUpdateStatus::kNotFound;
    return result;
  }
  Checked c = check(values);
  const std::lock_guard lock(mutex_);
  if (expected_revision != revision_) {
    result.status = SettingsUpdateStatus::kConflict;
    result.settings = current();
    return result;
  }
  if (!c.issues.empty()) {
    result.status = SettingsUpdateStatus::kInvalid;
    result.issues = std::move(c.issues);
    result.settings = current();
    return result;
  }
  // The file first (a restart keeps what is in force), then the controller.
  const std::string text = fmt::format(
      "# {} — written by egin serve: set by {} at {} (site time). Docs: "
      "docs/formats/controller-settings.md\n\n{}",
      c.read.settings.name, user, format_iso_utc(now_ms), c.text);
  const fs::path tmp = fs::path(file_.string() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      throw std::runtime_error("cannot write " + tmp.string());
    }
  }
  fs::rename(tmp, file_);
  greenhouse_.set_settings(std::move(c.read.settings));
  text_ = text;
  values_ = control::settings_document_of_toml(text_, file_.string());
  schema_ = std::move(c.read.schema);
  revision_ = settings_revision(text_);
  updated_ms_ = now_ms;
  updated_by_ = std::string(user);
  result.status = SettingsUpdateStatus::kApplied;
  result.settings = current();
  return result;
}

}  // namespace egin::runtime
