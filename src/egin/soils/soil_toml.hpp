// Reading a soil texture class from TOML (data/soils/<texture>.toml; layout in
// docs/formats/crops-and-soils.md) into soils::Soil, with every range and relation checked
// (θWP < θFC <= 0.6, low <= mid <= high, REW < TEW, ...). Bad input throws egin::InputError
// naming the file, the line, the dotted key and the accepted range; unknown keys are rejected
// with the list of accepted ones; no other exception escapes for any input text. It holds no
// lookup by name (soil_library.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "egin/soils/soil.hpp"

namespace egin::soils {

inline constexpr double kThetaMin = 0.01;
inline constexpr double kThetaMax = 0.60;
inline constexpr double kRewMinMm = 0.5;
inline constexpr double kRewMaxMm = 30.0;
inline constexpr double kTewMinMm = 1.0;
inline constexpr double kTewMaxMm = 80.0;
inline constexpr double kZeMinM = 0.05;
inline constexpr double kZeMaxM = 0.30;
inline constexpr double kCn2Min = 30.0;
inline constexpr double kCn2Max = 100.0;

/// Parses soil TOML `text`; `source_name` (a path or "<string>") is used in messages.
Soil parse_soil_toml(std::string_view text, const std::string& source_name);

/// Reads and parses the file at `path`; an unreadable file is an InputError too.
Soil load_soil(const std::filesystem::path& path);

}  // namespace egin::soils
