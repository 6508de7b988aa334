// Reading an ISO 8601 / RFC 3339 time stamp with its UTC offset, as the `time` column of a
// sub-daily weather CSV writes it: "2025-07-01T13:00+05:00", "2025-07-01T08:00:00Z". The offset
// is required (a local time without one is ambiguous). Also the inverse, for writers. Holds no
// time-zone database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace egin::agromet {

struct IsoTime {
  std::int64_t utc_s = 0;  // seconds since 1970-01-01T00:00Z
  int utc_offset_s = 0;    // the offset written in the stamp (+05:00 → 18000; Z → 0)
};

/// Accepts YYYY-MM-DD, then 'T' (or 't' or one space), HH:MM, optional :SS, then 'Z' (or 'z') or
/// ±HH:MM (offset at most 14:00). No fractional seconds, no 24:00, no leap second. nullopt if the
/// text is anything else or the day does not exist.
std::optional<IsoTime> parse_iso_time(std::string_view text);

/// The stamp parse_iso_time reads back: "2025-07-01T13:00+05:00" (local time at the offset),
/// "…T08:00Z" for offset 0; seconds are written (":SS") only when not zero.
std::string format_iso_time(std::int64_t utc_s, int utc_offset_s);

}  // namespace egin::agromet
