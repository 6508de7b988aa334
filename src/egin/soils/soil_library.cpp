#include "egin/soils/soil_library.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/soils/soil_toml.hpp"
#include "egin/soils/toml_fields.hpp"

namespace egin::soils {
namespace {

std::vector<std::string> keys_of(const Soil& soil) {
  std::vector<std::string> keys{normalize_name(soil.name)};
  for (const auto& a : soil.aliases) keys.push_back(normalize_name(a));
  return keys;
}

}  // namespace

SoilLibrary SoilLibrary::load_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw InputError({dir.string(), 0, ""}, "not a directory of soil files",
                     "a directory holding <texture>.toml files");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    throw InputError({dir.string(), 0, ""}, "cannot list the directory: " + ec.message(),
                     "a readable directory");
  }
  std::sort(files.begin(), files.end());
  SoilLibrary library;
  for (const auto& file : files) library.add(load_soil(file));
  return library;
}

void SoilLibrary::add(Soil soil) {
  const auto new_keys = keys_of(soil);
  for (std::size_t i = 0; i < new_keys.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (new_keys[i] == new_keys[j]) {
        throw InputError({soil.source_file, 0, "aliases"},
                         "name or alias '" + new_keys[i] + "' is given twice",
                         "distinct names and aliases");
      }
    }
  }
  for (const Soil& existing : soils_) {
    for (const auto& k : keys_of(existing)) {
      for (const auto& n : new_keys) {
        if (k == n) {
          throw InputError({soil.source_file, 0, "name"},
                           "name or alias '" + n + "' is already used by soil '" + existing.name +
                               "' (" + existing.source_file + ")",
                           "names and aliases unique across the soil directory");
        }
      }
    }
  }
  soils_.push_back(std::move(soil));
}

const Soil* SoilLibrary::try_find(std::string_view name) const {
  const std::string key = normalize_name(name);
  for (const Soil& soil : soils_) {
    for (const auto& k : keys_of(soil)) {
      if (k == key) return &soil;
    }
  }
  return nullptr;
}

const Soil& SoilLibrary::find(std::string_view name) const {
  if (const Soil* soil = try_find(name)) return *soil;
  throw InputError({"", 0, "soil"}, "unknown soil '" + std::string(name) + "'",
                   "one of: " + join_names(names()));
}

std::vector<std::string> SoilLibrary::names() const {
  std::vector<std::string> out;
  for (const Soil& soil : soils_) out.push_back(soil.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace egin::soils
