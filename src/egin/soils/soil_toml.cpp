#include "egin/soils/soil_toml.hpp"

#include <fstream>
#include <sstream>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::soils {
namespace {

constexpr std::string_view kThetaUnit = "m3/m3";

std::string read_source(const TomlFields& f, std::string_view key) {
  std::string s = f.text(key);
  if (s.empty()) {
    f.fail(key, "is empty", "the publication, table and row the values come from");
  }
  return s;
}

// Reads <stem>_low, <stem> and <stem>_high (or only the two ends when `with_mid` is false) and
// checks low <= mid <= high.
void read_range(const TomlFields& f, const std::string& stem, const std::string& unit_suffix,
                double min, double max, std::string_view unit, double* low, double* mid,
                double* high) {
  const std::string low_key = stem + "_low" + unit_suffix;
  const std::string high_key = stem + "_high" + unit_suffix;
  *low = f.number(low_key, min, max, unit);
  *high = f.number(high_key, min, max, unit);
  if (*high < *low) {
    f.fail(high_key, "is below " + low_key, low_key + " <= " + high_key);
  }
  if (mid != nullptr) {
    const std::string mid_key = stem + unit_suffix;
    *mid = f.number(mid_key, min, max, unit);
    if (*mid < *low || *mid > *high) {
      f.fail(mid_key, "lies outside its published range",
             low_key + " <= " + mid_key + " <= " + high_key);
    }
  }
}

}  // namespace

Soil parse_soil_toml(std::string_view text, const std::string& source_name) {
  const toml::table doc = parse_toml_text(text, source_name);
  const TomlFields root(doc, source_name, "");
  root.reject_unknown_keys({"name", "aliases", "description", "water", "evaporation", "runoff"});
  Soil soil;
  soil.source_file = source_name;
  soil.name = root.text("name");
  if (normalize_name(soil.name).empty()) {
    root.fail("name", "is empty", "a texture class name");
  }
  soil.aliases = root.text_list("aliases");
  for (const auto& a : soil.aliases) {
    if (normalize_name(a).empty()) {
      root.fail("aliases", "holds an empty alias", "non-empty names");
    }
  }
  soil.description = root.optional_text("description").value_or("");

  const toml::table* water = root.optional_table("water");
  if (water == nullptr) {
    root.fail("water", "missing table", "[water] with θFC, θWP and their ranges");
  }
  {
    const TomlFields f(*water, source_name, "water");
    f.reject_unknown_keys({"theta_fc_m3_m3", "theta_fc_low_m3_m3", "theta_fc_high_m3_m3",
                           "theta_wp_m3_m3", "theta_wp_low_m3_m3", "theta_wp_high_m3_m3",
                           "awc_low_m3_m3", "awc_high_m3_m3", "source"});
    read_range(f, "theta_fc", "_m3_m3", kThetaMin, kThetaMax, kThetaUnit, &soil.theta_fc_low_m3_m3,
               &soil.theta_fc_m3_m3, &soil.theta_fc_high_m3_m3);
    read_range(f, "theta_wp", "_m3_m3", kThetaMin, kThetaMax, kThetaUnit, &soil.theta_wp_low_m3_m3,
               &soil.theta_wp_m3_m3, &soil.theta_wp_high_m3_m3);
    if (soil.theta_wp_m3_m3 >= soil.theta_fc_m3_m3) {
      f.fail("theta_wp_m3_m3", "is not below theta_fc_m3_m3", "θWP < θFC <= 0.6 m3/m3");
    }
    read_range(f, "awc", "_m3_m3", 0.0, kThetaMax, kThetaUnit, &soil.awc_low_m3_m3, nullptr,
               &soil.awc_high_m3_m3);
    soil.water_source = read_source(f, "source");
  }

  const toml::table* evaporation = root.optional_table("evaporation");
  if (evaporation == nullptr) {
    root.fail("evaporation", "missing table", "[evaporation] with REW, TEW ranges and Ze");
  }
  {
    const TomlFields f(*evaporation, source_name, "evaporation");
    f.reject_unknown_keys({"rew_mm", "rew_low_mm", "rew_high_mm", "tew_low_mm", "tew_high_mm",
                           "source", "ze_m", "ze_source"});
    read_range(f, "rew", "_mm", kRewMinMm, kRewMaxMm, "mm", &soil.rew_low_mm, &soil.rew_mm,
               &soil.rew_high_mm);
    read_range(f, "tew", "_mm", kTewMinMm, kTewMaxMm, "mm", &soil.tew_low_mm, nullptr,
               &soil.tew_high_mm);
    soil.evaporation_source = read_source(f, "source");
    soil.ze_m = f.number("ze_m", kZeMinM, kZeMaxM, "m");
    soil.ze_source = read_source(f, "ze_source");
    if (!(soil.rew_mm < soil.tew_mm())) {  // REW < TEW (FAO-56 Eq. 73 for TEW)
      f.fail("rew_mm",
             "is not below TEW = " + std::to_string(soil.tew_mm()) +
                 " mm (FAO-56 Eq. 73 from θFC, θWP and ze_m)",
             "REW < TEW");
    }
  }

  const toml::table* runoff = root.optional_table("runoff");
  if (runoff == nullptr) {
    root.fail("runoff", "missing table", "[runoff] with hydrologic_soil_group, cn2, source");
  }
  {
    const TomlFields f(*runoff, source_name, "runoff");
    f.reject_unknown_keys({"hydrologic_soil_group", "cn2", "source"});
    const std::string group = f.text("hydrologic_soil_group");
    if (group != "A" && group != "B" && group != "C" && group != "D") {
      f.fail("hydrologic_soil_group", "'" + group + "' is not an SCS hydrologic soil group",
             "A, B, C or D");
    }
    soil.hydrologic_soil_group = group[0];
    soil.cn2 = f.number("cn2", kCn2Min, kCn2Max, "(curve number, AMC II)");
    soil.runoff_source = read_source(f, "source");
  }
  return soil;
}

Soil load_soil(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot open the soil file", "a readable file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_soil_toml(text.str(), path.string());
}

}  // namespace egin::soils
