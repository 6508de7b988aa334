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

#include "egin/soils/soil.hpp"

namespace egin::soils {

class SoilLibrary final {
 public:
  SoilLibrary() = default;

  /// Loads every *.toml file of `dir` (sorted by file name). A bad file, a missing directory,
  /// or two soils sharing a name or alias throw egin::InputError.
  static SoilLibrary load_directory(const std::filesystem::path& dir);

  /// Adds a soil; a name or alias already taken throws egin::InputError naming both files.
  void add(Soil soil);

  /// The soil called `name` (or with that alias). Unknown names throw egin::InputError listing
  /// the known soils.
  [[nodiscard]] const Soil& find(std::string_view name) const;
  /// nullptr when no soil has that name or alias.
  [[nodiscard]] const Soil* try_find(std::string_view name) const;

  /// Soil names, sorted.
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] std::size_t size() const { return soils_.size(); }
  [[nodiscard]] const std::vector<Soil>& soils() const { return soils_; }

 private:
  std::vector<Soil> soils_;
};

}  // namespace egin::soils
