// SoilLibrary: the soil texture classes of a directory (data/soils/*.toml), found by name or
// alias with case, '_', '-' and extra spaces ignored ("Silt Loam", "silt_loam" and "SiL" find
// the same soil). It owns the loaded soils; it holds no parsing rules (soil_toml.hpp). Not a
// singleton: each caller loads the directory it is given.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/named_library.hpp"
#include "egin/soils/soil.hpp"

namespace egin::soils {

class SoilLibrary final : public NamedLibrary<Soil> {
 public:
  SoilLibrary() : NamedLibrary<Soil>("soil") {}

  /// Loads every *.toml file of `dir` (sorted by file name). A bad file, a missing directory,
  /// or two soils sharing a name or alias throw egin::InputError.
  static SoilLibrary load_directory(const std::filesystem::path& dir);

  [[nodiscard]] const std::vector<Soil>& soils() const { return items(); }
};

}  // namespace egin::soils
