#include "egin/crops/crop_library.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/crops/crop_toml.hpp"
#include "egin/crops/toml_fields.hpp"

namespace egin::crops {
namespace {

std::vector<std::string> keys_of(const Crop& crop) {
  std::vector<std::string> keys{normalize_name(crop.name)};
  for (const auto& a : crop.aliases) keys.push_back(normalize_name(a));
  return keys;
}

}  // namespace

CropLibrary CropLibrary::load_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw InputError({dir.string(), 0, ""}, "not a directory of crop files",
                     "a directory holding <crop>.toml files");
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
  CropLibrary library;
  for (const auto& file : files) library.add(load_crop(file));
  return library;
}

void CropLibrary::add(Crop crop) {
  const auto new_keys = keys_of(crop);
  for (std::size_t i = 0; i < new_keys.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (new_keys[i] == new_keys[j]) {
        throw InputError({crop.source_file, 0, "aliases"},
                         "name or alias '" + new_keys[i] + "' is given twice",
                         "distinct names and aliases");
      }
    }
  }
  for (const Crop& existing : crops_) {
    for (const auto& k : keys_of(existing)) {
      for (const auto& n : new_keys) {
        if (k == n) {
          throw InputError({crop.source_file, 0, "name"},
                           "name or alias '" + n + "' is already used by crop '" + existing.name +
                               "' (" + existing.source_file + ")",
                           "names and aliases unique across the crop directory");
        }
      }
    }
  }
  crops_.push_back(std::move(crop));
}

const Crop* CropLibrary::try_find(std::string_view name) const {
  const std::string key = normalize_name(name);
  for (const Crop& crop : crops_) {
    for (const auto& k : keys_of(crop)) {
      if (k == key) return &crop;
    }
  }
  return nullptr;
}

const Crop& CropLibrary::find(std::string_view name) const {
  if (const Crop* crop = try_find(name)) return *crop;
  throw InputError({"", 0, "crop"}, "unknown crop '" + std::string(name) + "'",
                   "one of: " + join_names(names()));
}

std::vector<std::string> CropLibrary::names() const {
  std::vector<std::string> out;
  for (const Crop& crop : crops_) out.push_back(crop.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace egin::crops
