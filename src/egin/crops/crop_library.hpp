// CropLibrary: the crops of a directory (data/crops/*.toml), found by name or alias with case,
// '_', '-' and extra spaces ignored ("Sweet Pepper", "pepper" and "sweet_pepper" find the same
// crop). It owns the loaded crops; it holds no parsing rules (crop_toml.hpp) and no defaults
// of its own. Not a singleton: each caller loads the directory it is given.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "egin/crops/crop.hpp"

namespace egin::crops {

class CropLibrary final {
 public:
  CropLibrary() = default;

  /// Loads every *.toml file of `dir` (sorted by file name). A bad file, a missing directory,
  /// or two crops sharing a name or alias throw egin::InputError.
  static CropLibrary load_directory(const std::filesystem::path& dir);

  /// Adds a crop; a name or alias already taken throws egin::InputError naming both files.
  void add(Crop crop);

  /// The crop called `name` (or with that alias). Unknown names throw egin::InputError listing
  /// the known crops.
  [[nodiscard]] const Crop& find(std::string_view name) const;
  /// nullptr when no crop has that name or alias.
  [[nodiscard]] const Crop* try_find(std::string_view name) const;

  /// Crop names, sorted.
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] std::size_t size() const { return crops_.size(); }
  [[nodiscard]] const std::vector<Crop>& crops() const { return crops_; }

 private:
  std::vector<Crop> crops_;
};

}  // namespace egin::crops
