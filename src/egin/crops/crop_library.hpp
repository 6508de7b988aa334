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

#include "egin/core/named_library.hpp"
#include "egin/crops/crop.hpp"

namespace egin::crops {

class CropLibrary final : public NamedLibrary<Crop> {
 public:
  CropLibrary() : NamedLibrary<Crop>("crop") {}

  /// Loads every *.toml file of `dir` (sorted by file name). A bad file, a missing directory,
  /// or two crops sharing a name or alias throw egin::InputError.
  static CropLibrary load_directory(const std::filesystem::path& dir);

  [[nodiscard]] const std::vector<Crop>& crops() const { return items(); }
};

}  // namespace egin::crops
