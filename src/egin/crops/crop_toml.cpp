#include "egin/crops/crop_toml.hpp"

#include <fstream>
#include <sstream>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::crops {
namespace {

constexpr std::string_view kKcUnit = "(dimensionless)";

StageCoefficients read_triple(const TomlFields& f, std::string_view prefix) {
  const std::string p(prefix);
  StageCoefficients c;
  c.ini = f.number(p + "_ini", kKcMin, kKcMax, kKcUnit);
  c.mid = f.number(p + "_mid", kKcMin, kKcMax, kKcUnit);
  c.end = f.number(p + "_end", kKcMin, kKcMax, kKcUnit);
  return c;
}

std::string read_source(const TomlFields& f, std::string_view key) {
  std::string s = f.text(key);
  if (s.empty()) {
    f.fail(key, "is empty", "the publication, table and row the values come from");
  }
  return s;
}

CoefficientSet read_coefficients(const toml::table& t, const std::string& file,
                                 const std::string& path) {
  const TomlFields f(t, file, path);
  f.reject_unknown_keys({"name", "description", "kc_ini", "kc_mid", "kc_end", "kc_source",
                         "kcb_ini", "kcb_mid", "kcb_end", "kcb_source", "h_max_m", "h_source"});
  CoefficientSet c;
  c.name = f.text("name");
  if (normalize_name(c.name).empty()) {
    f.fail("name", "is empty", "a variant name");
  }
  c.description = f.optional_text("description").value_or("");
  c.kc = read_triple(f, "kc");
  c.kc_source = read_source(f, "kc_source");
  const bool any_kcb = t.contains("kcb_ini") || t.contains("kcb_mid") || t.contains("kcb_end") ||
                       t.contains("kcb_source");
  if (any_kcb) {
    c.kcb = read_triple(f, "kcb");
    c.kcb_source = read_source(f, "kcb_source");
    const std::pair<const char*, std::pair<double, double>> pairs[] = {
        {"kcb_ini", {c.kcb->ini, c.kc.ini}},
        {"kcb_mid", {c.kcb->mid, c.kc.mid}},
        {"kcb_end", {c.kcb->end, c.kc.end}}};
    for (const auto& [key, values] : pairs) {
      if (values.first > values.second + 1e-9) {
        f.fail(key, "basal coefficient exceeds the single Kc of the same stage",
               "Kcb <= Kc (FAO-56: Kc = Kcb + Ke, Ke >= 0)");
      }
    }
  }
  c.h_max_m = f.number("h_max_m", kHeightMinM, kHeightMaxM, "m");
  c.h_source = read_source(f, "h_source");
  return c;
}

StageVariant read_stages(const toml::table& t, const std::string& file, const std::string& path) {
  const TomlFields f(t, file, path);
  f.reject_unknown_keys(
      {"name", "region", "planting", "l_ini_d", "l_dev_d", "l_mid_d", "l_late_d", "source"});
  StageVariant s;
  s.name = f.text("name");
  if (normalize_name(s.name).empty()) {
    f.fail("name", "is empty", "a variant name");
  }
  s.region = f.text("region");
  s.planting = f.text("planting");
  s.lengths.ini_d = f.integer("l_ini_d", kStageMinD, kStageMaxD, "d");
  s.lengths.dev_d = f.integer("l_dev_d", kStageMinD, kStageMaxD, "d");
  s.lengths.mid_d = f.integer("l_mid_d", kStageMinD, kStageMaxD, "d");
  s.lengths.late_d = f.integer("l_late_d", kStageMinD, kStageMaxD, "d");
  s.source = read_source(f, "source");
  return s;
}

YieldResponseFactors read_yield_response(const toml::table& t, const std::string& file) {
  const TomlFields f(t, file, "yield_response");
  f.reject_unknown_keys({"ky_season", "ky_establishment", "ky_vegetative", "ky_flowering",
                         "ky_yield_formation", "ky_ripening", "source", "note"});
  YieldResponseFactors y;
  y.ky_season = f.number("ky_season", kKyMin, kKyMax, "(dimensionless)");
  y.ky_periods.reserve(5);
  for (const YieldPeriod period :
       {YieldPeriod::kEstablishment, YieldPeriod::kVegetative, YieldPeriod::kFlowering,
        YieldPeriod::kYieldFormation, YieldPeriod::kRipening}) {
    const std::string key = "ky_" + std::string(yield_period_name(period));
    if (const auto v = f.optional_number(key, kKyMin, kKyMax, "(dimensionless)")) {
      y.ky_periods.emplace_back(period, *v);
    }
  }
  y.source = read_source(f, "source");
  y.note = f.optional_text("note").value_or("");
  return y;
}

template <typename T>
std::string pick_default(const TomlFields& root, std::string_view key,
                         const std::vector<T>& variants, std::string_view array_key) {
  std::vector<std::string> names;
  names.reserve(variants.size());
  for (const T& v : variants) {
    names.push_back(v.name);
  }
  const std::optional<std::string> chosen = root.optional_text(key);
  if (!chosen) {
    if (variants.size() == 1) {
      return variants.front().name;
    }
    root.fail(key, "missing: [[" + std::string(array_key) + "]] has several entries",
              "one of: " + join_names(names));
  }
  for (const T& v : variants) {
    if (normalize_name(v.name) == normalize_name(*chosen)) {
      return v.name;
    }
  }
  root.fail(key, "names no [[" + std::string(array_key) + "]] entry ('" + *chosen + "')",
            "one of: " + join_names(names));
}

template <typename T>
void reject_duplicate_names(const TomlFields& root, std::string_view array_key,
                            const std::vector<T>& variants) {
  for (std::size_t i = 0; i < variants.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (normalize_name(variants[i].name) == normalize_name(variants[j].name)) {
        root.fail(array_key, "two entries are named '" + variants[i].name + "'",
                  "distinct names (case, '_' and '-' ignored)");
      }
    }
  }
}

}  // namespace

Crop parse_crop_toml(std::string_view text, const std::string& source_name) {
  const toml::table doc = parse_toml_text(text, source_name);
  const TomlFields root(doc, source_name, "");
  root.reject_unknown_keys({"name", "aliases", "description", "notes", "default_coefficients",
                            "default_stages", "coefficients", "stages", "roots", "depletion",
                            "yield_response"});
  Crop crop;
  crop.source_file = source_name;
  crop.name = root.text("name");
  if (normalize_name(crop.name).empty()) {
    root.fail("name", "is empty", "a crop name");
  }
  crop.aliases = root.text_list("aliases");
  for (const auto& a : crop.aliases) {
    if (normalize_name(a).empty()) {
      root.fail("aliases", "holds an empty alias", "non-empty names");
    }
  }
  crop.description = root.optional_text("description").value_or("");
  crop.notes = root.optional_text("notes").value_or("");

  const auto coefficient_tables = root.table_array("coefficients");
  if (coefficient_tables.empty()) {
    root.fail("coefficients", "missing: at least one [[coefficients]] entry is required",
              "[[coefficients]] with kc_ini, kc_mid, kc_end, h_max_m and their sources");
  }
  for (std::size_t i = 0; i < coefficient_tables.size(); ++i) {
    crop.coefficient_sets.push_back(read_coefficients(*coefficient_tables[i], source_name,
                                                      "coefficients[" + std::to_string(i) + "]"));
  }
  reject_duplicate_names(root, "coefficients", crop.coefficient_sets);
  crop.default_coefficients =
      pick_default(root, "default_coefficients", crop.coefficient_sets, "coefficients");

  const auto stage_tables = root.table_array("stages");
  if (stage_tables.empty()) {
    root.fail("stages", "missing: at least one [[stages]] entry is required",
              "[[stages]] with l_ini_d, l_dev_d, l_mid_d, l_late_d and their source");
  }
  for (std::size_t i = 0; i < stage_tables.size(); ++i) {
    crop.stage_variants.push_back(
        read_stages(*stage_tables[i], source_name, "stages[" + std::to_string(i) + "]"));
  }
  reject_duplicate_names(root, "stages", crop.stage_variants);
  crop.default_stages = pick_default(root, "default_stages", crop.stage_variants, "stages");

  const toml::table* roots = root.optional_table("roots");
  if (roots == nullptr) {
    root.fail("roots", "missing table", "[roots] with zr_max_low_m, zr_max_high_m, source");
  }
  {
    const TomlFields f(*roots, source_name, "roots");
    f.reject_unknown_keys({"zr_max_low_m", "zr_max_high_m", "source"});
    crop.zr_max_low_m = f.number("zr_max_low_m", kRootMinM, kRootMaxM, "m");
    crop.zr_max_high_m = f.number("zr_max_high_m", kRootMinM, kRootMaxM, "m");
    if (crop.zr_max_high_m < crop.zr_max_low_m) {
      f.fail("zr_max_high_m", "is below zr_max_low_m", "zr_max_low_m <= zr_max_high_m <= 5 m");
    }
    crop.roots_source = read_source(f, "source");
  }

  const toml::table* depletion = root.optional_table("depletion");
  if (depletion == nullptr) {
    root.fail("depletion", "missing table", "[depletion] with p, source");
  }
  {
    const TomlFields f(*depletion, source_name, "depletion");
    f.reject_unknown_keys({"p", "source"});
    crop.p = f.number("p", kDepletionMin, kDepletionMax, "(fraction of TAW)");
    crop.depletion_source = read_source(f, "source");
  }

  if (const toml::table* y = root.optional_table("yield_response")) {
    crop.yield_response = read_yield_response(*y, source_name);
  }
  return crop;
}

Crop load_crop(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot open the crop file", "a readable file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_crop_toml(text.str(), path.string());
}

}  // namespace egin::crops
