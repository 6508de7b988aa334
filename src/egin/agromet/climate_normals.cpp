#include "egin/agromet/climate_normals.hpp"

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::agromet {
namespace {

constexpr std::array<const char*, kMonthsPerYear> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
// The longest each month can be: February 29 days, so a normal of 28.25 wet days passes.
constexpr std::array<double, kMonthsPerYear> kMaxDays = {31, 29, 31, 30, 31, 30,
                                                         31, 31, 30, 31, 30, 31};

int line_of_node(const toml::node& node) {
  const auto line = node.source().begin.line;
  return line > 1'000'000'000u ? 0 : static_cast<int>(line);
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

/// Range of one monthly quantity. `max_per_day` > 0 scales the upper bound by the month's
/// length (sunshine hours, wet days).
struct MonthlySpec {
  std::string_view key;
  double lo;
  double hi;
  std::string_view unit;
  MonthlyValues ClimateNormals::*field;
  double max_per_day = 0.0;
};

// Plausibility limits: a value outside is a unit or typing error, not climate.
constexpr std::array kMonthlySpecs = {
    MonthlySpec{"tmax_c", -60.0, 60.0, "°C", &ClimateNormals::tmax_c},
    MonthlySpec{"tmin_c", -60.0, 60.0, "°C", &ClimateNormals::tmin_c},
    MonthlySpec{"tmean_c", -60.0, 60.0, "°C", &ClimateNormals::tmean_c},
    MonthlySpec{"precip_mm", 0.0, 2000.0, "mm per month", &ClimateNormals::precip_mm},
    MonthlySpec{"wet_days_ge_1mm", 0.0, 31.0, "days", &ClimateNormals::wet_days_ge_1mm, 1.0},
    MonthlySpec{"rs_mj_m2", 0.0, 45.0, "MJ/m² per day (monthly mean)", &ClimateNormals::rs_mj_m2},
    MonthlySpec{"sunshine_h", 0.0, 744.0, "h per month (monthly total)",
                &ClimateNormals::sunshine_h, 24.0},
    MonthlySpec{"rh_mean_pct", 0.0, 100.0, "%", &ClimateNormals::rh_mean_pct},
    MonthlySpec{"wind_m_s", 0.0, 75.0, "m/s", &ClimateNormals::wind_m_s},
    MonthlySpec{"record_high_c", -60.0, 65.0, "°C", &ClimateNormals::record_high_c},
    MonthlySpec{"record_low_c", -90.0, 60.0, "°C", &ClimateNormals::record_low_c},
};

MonthlyValues all_missing() {
  MonthlyValues v;
  v.fill(kMissing);
  return v;
}

class NormalsReader final {
 public:
  NormalsReader(const toml::table& root, std::string source)
      : root_(root), source_(std::move(source)) {
    out_.source = source_;
    for (const auto& spec : kMonthlySpecs) {
      out_.*spec.field = all_missing();
    }
  }

  ClimateNormals read() {
    const TomlFields top(root_, source_, "");
    top.reject_unknown_keys({"site", "monthly", "annual", "partial"});
    read_site(top);
    if (const toml::table* monthly = top.optional_table("monthly")) {
      out_.lines["monthly"] = line_of_node(*monthly);
      read_monthly(*monthly);
    }
    if (const toml::table* annual = top.optional_table("annual")) {
      read_annual(*annual);
    }
    // [partial] holds values for people (a month or two of a quantity); egin does not read it.
    (void)top.optional_table("partial");
    check_consistency();
    return std::move(out_);
  }

 private:
  void read_site(const TomlFields& top) {
    const toml::table* site = top.optional_table("site");
    if (site == nullptr) {
      throw InputError({source_, 0, "site"}, "the [site] table is missing",
                       "a [site] table with at least name");
    }
    out_.lines["site"] = line_of_node(*site);
    const TomlFields f(*site, source_, "site");
    f.reject_unknown_keys({"name", "wmo_index", "wmo_normals_period", "latitude_deg",
                           "longitude_deg", "elevation_m", "wind_height_m"});
    out_.name = f.text("name");
    out_.site.name = out_.name;
    if (const auto v = f.optional_number("wmo_index", 1, 99999, "")) {
      if (*v != std::floor(*v)) {
        f.fail("wmo_index", "is not a whole number", "a WMO station index such as 38198");
      }
      out_.wmo_index = static_cast<int>(*v);
    }
    out_.period = f.optional_text("wmo_normals_period").value_or("");
    out_.site.latitude_deg = f.optional_number("latitude_deg", -90, 90, "°").value_or(kMissing);
    out_.site.longitude_deg =
        f.optional_number("longitude_deg", -180, 180, "° east").value_or(kMissing);
    out_.site.elevation_m = f.optional_number("elevation_m", -500, 9000, "m").value_or(kMissing);
    if (const auto h = f.optional_number("wind_height_m", 0.5, 100, "m")) {
      out_.site.wind_height_m = *h;
      out_.has_wind_height = true;
    }
    for (const char* key : {"name", "wmo_index", "wmo_normals_period", "latitude_deg",
                            "longitude_deg", "elevation_m", "wind_height_m"}) {
      out_.lines[std::string("site.") + key] = f.line_of(key);
    }
  }

  void read_monthly(const toml::table& monthly) {
    const TomlFields f(monthly, source_, "monthly");
    for (const auto& [key, node] : monthly) {
      bool known = false;
      for (const auto& spec : kMonthlySpecs) {
        known = known || spec.key == key.str();
      }
      if (!known) {
        std::string list;
        for (const auto& spec : kMonthlySpecs) {
          list += (list.empty() ? "" : ", ") + std::string(spec.key);
        }
        throw InputError({source_, line_of_node(node), "monthly." + std::string(key.str())},
                         "unknown key", "one of: " + list);
      }
    }
    for (const auto& spec : kMonthlySpecs) {
      const toml::node* node = monthly.get(spec.key);
      if (node == nullptr) {
        continue;
      }
      out_.*spec.field = read_array(*node, spec);
    }
  }

  MonthlyValues read_array(const toml::node& node, const MonthlySpec& spec) {
    const std::string field = "monthly." + std::string(spec.key);
    out_.lines[field] = line_of_node(node);
    const toml::array* array = node.as_array();
    if (array == nullptr || array->size() != kMonthsPerYear) {
      throw InputError(
          {source_, line_of_node(node), field},
          array == nullptr ? "is not an array" : "has " + std::to_string(array->size()) + " values",
          "an array of 12 numbers, January first");
    }
    MonthlyValues values{};
    for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
      const toml::node& item = *array->get(m);
      const auto v = item.value<double>();
      if (!item.is_number() || !v || !std::isfinite(*v)) {
        throw InputError({source_, line_of_node(item), field},
                         std::string("the value for ") + kMonthNames[m] + " is not a number",
                         "an array of 12 numbers, January first");
      }
      double hi = spec.hi;
      if (spec.max_per_day > 0.0) {
        hi = spec.max_per_day * kMaxDays[m];
      }
      if (*v < spec.lo || *v > hi) {
        throw InputError(
            {source_, line_of_node(item), field},
            std::string("value ") + number_text(*v) + " for " + kMonthNames[m] + " is out of range",
            number_text(spec.lo) + " to " + number_text(hi) + " " + std::string(spec.unit));
      }
      values[m] = *v;
    }
    return values;
  }

  void read_annual(const toml::table& annual) {
    const TomlFields f(annual, source_, "annual");
    f.reject_unknown_keys({"tmax_c", "tmean_c", "tmin_c", "precip_mm", "wet_days_ge_1mm",
                           "rs_mj_m2", "sunshine_h", "rh_mean_pct", "wind_m_s"});
    // Annual values are for people; they are range-checked so a typo is caught, not used.
    (void)f.optional_number("tmax_c", -60, 60, "°C");
    (void)f.optional_number("tmean_c", -60, 60, "°C");
    (void)f.optional_number("tmin_c", -60, 60, "°C");
    (void)f.optional_number("precip_mm", 0, 15000, "mm per year");
    (void)f.optional_number("wet_days_ge_1mm", 0, 366, "days");
    (void)f.optional_number("rs_mj_m2", 0, 45, "MJ/m² per day");
    (void)f.optional_number("sunshine_h", 0, 8784, "h per year");
    (void)f.optional_number("rh_mean_pct", 0, 100, "%");
    (void)f.optional_number("wind_m_s", 0, 75, "m/s");
  }

  void check_consistency() const {
    for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
      if (!is_missing(out_.tmax_c[m]) && !is_missing(out_.tmin_c[m]) &&
          out_.tmin_c[m] > out_.tmax_c[m]) {
        throw InputError({source_, out_.line_of("monthly.tmin_c"), "monthly.tmin_c"},
                         std::string("the mean minimum of ") + kMonthNames[m] + " (" +
                             number_text(out_.tmin_c[m]) + " °C) is above its mean maximum (" +
                             number_text(out_.tmax_c[m]) + " °C)",
                         "tmin_c ≤ tmax_c in every month");
      }
    }
    if (has_all_months(out_.wind_m_s) && !out_.has_wind_height) {
      throw InputError({source_, out_.line_of("site"), "site.wind_height_m"},
                       "monthly.wind_m_s is given but not the height it was measured at",
                       "wind_height_m in [site], 0.5 to 100 m (10 m at WMO stations)");
    }
  }

  const toml::table& root_;
  std::string source_;
  ClimateNormals out_;
};

}  // namespace

bool has_all_months(const MonthlyValues& values) {
  for (const double v : values) {
    if (is_missing(v)) {
      return false;
    }
  }
  return true;
}

int ClimateNormals::line_of(std::string_view dotted_key) const {
  if (const auto it = lines.find(dotted_key); it != lines.end() && it->second > 0) {
    return it->second;
  }
  const auto dot = dotted_key.find('.');
  if (dot != std::string_view::npos) {
    if (const auto it = lines.find(dotted_key.substr(0, dot)); it != lines.end()) {
      return it->second;
    }
  }
  return 0;
}

ClimateNormals parse_climate_normals_toml(std::string_view text, const std::string& source) {
  const toml::table root = parse_toml_text(text, source);
  return NormalsReader(root, source).read();
}

ClimateNormals read_climate_normals(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path, 0, ""}, "cannot read the file", "a readable climate normals TOML file");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_climate_normals_toml(buffer.str(), path);
}

}  // namespace egin::agromet
