// Site file: the site TOML layout of docs/formats/site-file.md ([site], [validation],
// [[retention]], [[zones]], [[zones.devices]], [[zones.devices.channels]]) read into a Site with
// every value and relation checked, written back (write → parse gives the same Site), and saved
// atomically. check_site holds the one set of rules, used again when the API edits a site.
// Bad input throws egin::InputError naming the file, the line, the dotted key and the accepted
// range; no other exception escapes parse_site_toml for any text (fuzz/fuzz_site_toml.cpp).
// It must not start anything, hold readings or know the store.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "egin/runtime/site.hpp"

namespace egin::runtime {

/// Accepted ranges, shared by the reader, check_site and the documentation.
inline constexpr std::size_t kMaxIdBytes = 64;
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxPathBytes = 1024;  // a field zone's field_file
inline constexpr double kLatitudeMaxDeg = 90.0;
inline constexpr double kLongitudeMaxDeg = 180.0;
inline constexpr double kElevationMinM = -500.0;
inline constexpr double kElevationMaxM = 9000.0;
inline constexpr int kUtcOffsetMinMin = -720;  // UTC−12:00
inline constexpr int kUtcOffsetMaxMin = 840;   // UTC+14:00
inline constexpr double kFutureToleranceMaxS = 86400.0;
inline constexpr double kMaxAgeMinDays = 0.001;
inline constexpr double kMaxAgeMaxDays = 36500.0;
inline constexpr double kChannelLimitAbs = 1e12;  // |min|, |max|
inline constexpr double kSamplingMinS = 1.0;
inline constexpr double kSamplingMaxS = 86400.0;
inline constexpr double kMaxRateMinPerMin = 1e-9;  // > 0
inline constexpr double kMaxRateMaxPerMin = 1e12;
inline constexpr double kStuckMinMinutes = 1.0;
inline constexpr double kStuckMaxMinutes = 525600.0;  // a year
inline constexpr int kRawMinDays = 30;                // KOAT 116/117: ≥ 30 days kept
inline constexpr int kRetentionMaxDays = 36500;       // 0 = forever at every level

/// [a-z][a-z0-9_-]*, at most kMaxIdBytes.
bool is_valid_id(std::string_view id);

/// Reads a site file; InputError when it cannot be read or is not a valid site.
Site load_site_file(const std::filesystem::path& path);

/// Parses site TOML text; `file_name` names the source in errors.
Site parse_site_toml(std::string_view text, std::string_view file_name);

/// The site as TOML in the layout parse_site_toml reads (every key written, defaults too).
std::string write_site_toml(const Site& site);

/// Writes the site next to `path` (same directory, temporary name), flushes it to disk (fsync),
/// renames it over `path` and flushes the directory: readers see the old or the new file, never
/// a part. Throws std::system_error when the machine cannot write.
void save_site_file(const Site& site, const std::filesystem::path& path);

/// Checks a whole site (ids and their uniqueness at each level, units, ranges, min < max,
/// retention classes). InputError names `file_name`, line 0 and the dotted key
/// ("zones[1].devices[0].channels[2].max").
void check_site(const Site& site, std::string_view file_name);

/// The first field in which two sites differ ("zones[0].devices[1].channels[2].max"), or ""
/// when they are equal in every field. For round-trip checks and change logs.
std::string first_difference(const Site& a, const Site& b);

}  // namespace egin::runtime
