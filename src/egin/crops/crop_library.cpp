#include "egin/crops/crop_library.hpp"

#include "egin/crops/crop_toml.hpp"

namespace egin::crops {

CropLibrary CropLibrary::load_directory(const std::filesystem::path& dir) {
  CropLibrary library;
  library.add_directory(dir, [](const std::filesystem::path& file) { return load_crop(file); });
  return library;
}

}  // namespace egin::crops
