// Reading a crop parameter set from TOML (data/crops/<name>.toml; layout in
// docs/formats/crops-and-soils.md) into crops::Crop, with every range and relation checked.
// Bad input throws egin::InputError naming the file, the line, the dotted key and the accepted
// range; unknown keys are rejected with the list of accepted ones. No other exception escapes
// for any input text (fuzz/fuzz_crop_toml.cpp checks that). It holds no lookup by name
// (crop_library.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "egin/crops/crop.hpp"

namespace egin::crops {

/// Accepted ranges, shared by the reader and the documentation.
inline constexpr double kKcMin = 0.0;
inline constexpr double kKcMax = 2.0;
inline constexpr double kHeightMinM = 0.01;
inline constexpr double kHeightMaxM = 30.0;
inline constexpr int kStageMinD = 1;
inline constexpr int kStageMaxD = 400;
inline constexpr double kRootMinM = 0.05;
inline constexpr double kRootMaxM = 5.0;
inline constexpr double kDepletionMin = 0.05;
inline constexpr double kDepletionMax = 0.95;
inline constexpr double kKyMin = 0.0;
inline constexpr double kKyMax = 2.5;

/// Parses crop TOML `text`; `source_name` (a path or "<string>") is used in messages.
Crop parse_crop_toml(std::string_view text, const std::string& source_name);

/// Reads and parses the file at `path`; an unreadable file is an InputError too.
Crop load_crop(const std::filesystem::path& path);

}  // namespace egin::crops
