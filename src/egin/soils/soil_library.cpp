#include "egin/soils/soil_library.hpp"

#include "egin/soils/soil_toml.hpp"

namespace egin::soils {

SoilLibrary SoilLibrary::load_directory(const std::filesystem::path& dir) {
  SoilLibrary library;
  library.add_directory(dir, [](const std::filesystem::path& file) { return load_soil(file); });
  return library;
}

}  // namespace egin::soils
