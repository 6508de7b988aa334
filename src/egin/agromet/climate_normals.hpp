// Monthly climate normals of one station, as data/weather/<name>_normals.toml holds them, and
// their reader. The reader checks syntax, keys, array lengths and physical ranges and throws
// egin::InputError naming the file, line, field and accepted range; it fills what the file
// gives and leaves the rest missing (NaN). Whether the normals suffice for a task (the weather
// generator needs tmax_c, tmin_c, precip_mm and wet_days_ge_1mm) is the task's check, not this
// file's. Layout: docs/user-guide/weather.md "Climate normals files".
//
// | key ([monthly], 12 values, January first) | meaning                               | unit   |
// |-------------------------------------------|---------------------------------------|--------|
// | tmax_c, tmin_c, tmean_c                   | mean daily maximum, minimum, mean     | °C     |
// | precip_mm                                 | mean monthly precipitation total      | mm     |
// | wet_days_ge_1mm                           | mean number of days with ≥ 1 mm       | d      |
// | rs_mj_m2                                  | mean daily global radiation           | MJ m⁻² d⁻¹ |
// | sunshine_h                                | mean monthly TOTAL of bright sunshine | h      |
// | rh_mean_pct                               | mean relative humidity                | %      |
// | wind_m_s                                  | mean wind speed at [site] wind_height_m | m s⁻¹ |
// | record_high_c, record_low_c               | absolute extremes (for people)        | °C     |
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "egin/agromet/weather.hpp"

namespace egin::agromet {

inline constexpr int kMonthsPerYear = 12;
/// One value per month, January first; NaN when the file does not give the quantity.
using MonthlyValues = std::array<double, kMonthsPerYear>;

/// True when all twelve months have a value.
bool has_all_months(const MonthlyValues& values);

struct ClimateNormals {
  std::string source;  // file name, for messages
  std::string name;
  int wmo_index = 0;   // 0 when not given
  std::string period;  // "1991-2020" when given
  SiteMeta site;       // latitude, longitude, elevation NaN when absent
  bool has_wind_height = false;

  MonthlyValues tmax_c{};
  MonthlyValues tmin_c{};
  MonthlyValues tmean_c{};
  MonthlyValues precip_mm{};
  MonthlyValues wet_days_ge_1mm{};
  MonthlyValues rs_mj_m2{};
  MonthlyValues sunshine_h{};
  MonthlyValues rh_mean_pct{};
  MonthlyValues wind_m_s{};
  MonthlyValues record_high_c{};
  MonthlyValues record_low_c{};

  /// Line of a dotted key ("monthly.tmin_c", "site.latitude_deg") or of its table when the
  /// key is absent; 0 if unknown.
  [[nodiscard]] int line_of(std::string_view dotted_key) const;

  std::map<std::string, int, std::less<>> lines;  // dotted key → line
};

/// Parses the TOML text of a normals file; `source` names it in messages.
ClimateNormals parse_climate_normals_toml(std::string_view text, const std::string& source);

/// Reads and parses the file at `path`; an unreadable file throws InputError.
ClimateNormals read_climate_normals(const std::string& path);

}  // namespace egin::agromet
