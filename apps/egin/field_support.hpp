// What the commands that read egin field files share (schedule, batch, water-balance --field):
// finding and loading the crop and soil libraries, reading a field's weather and making it ready
// (ET0, effective rain), and date flags. It holds no command and prints nothing.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "egin/core/date.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/field_weather.hpp"
#include "egin/soils/soil_library.hpp"

namespace egin::cli {

struct FieldLibraries {
  std::filesystem::path data_dir;  // holds crops/ and soils/
  crops::CropLibrary crops;
  soils::SoilLibrary soils;
};

/// The data directory: `flag` when given; else $EGIN_DATA_DIR; else the first of `near`'s
/// directory and its parents, then the working directory, that holds crops/ and soils/ (or
/// data/crops and data/soils). Throws InputError (field "--data") when none is found.
[[nodiscard]] std::filesystem::path find_data_dir(const std::string& flag,
                                                  const std::filesystem::path& near);

/// Loads data_dir/crops and data_dir/soils.
[[nodiscard]] std::shared_ptr<const FieldLibraries> load_field_libraries(
    const std::filesystem::path& data_dir);

/// Reads a daily weather file (egin CSV) and prepares it for `field` (ET0 by the field's
/// method where the file has no et0_mm; effective rain when the field asks for it).
[[nodiscard]] fieldwater::PreparedWeather load_field_weather(const std::filesystem::path& path,
                                                             const fieldwater::FieldConfig& field);

/// Parses a date flag (YYYY-MM-DD or YYYY-DOY); InputError naming `flag` otherwise.
[[nodiscard]] Date parse_date_option(const std::string& text, const char* flag);

}  // namespace egin::cli
