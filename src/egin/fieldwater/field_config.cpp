#include "egin/fieldwater/field_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::fieldwater {

namespace {

constexpr double kDefaultHIniM = 0.05;   // a seedling; orchards set h_ini_m
constexpr double kDefaultZrIniM = 0.20;  // FAO-56 Ch. 8: Zr at sowing 0.15-0.20 m

// The index of parameter `name` in parameter_specs(), for ParameterOrigin lines.
std::size_t spec_index(std::string_view name) {
  const auto specs = parameter_specs();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (name == specs[i].name) {
      return i;
    }
  }
  return 0;
}

// An optional override: sets `target` and the origin line of parameter `param`.
struct Overrides {
  const TomlFields& f;
  ParameterOrigin& origin;

  void number(std::string_view key, const char* param, double& target, double min, double max,
              std::string_view unit) const {
    if (const auto v = f.optional_number(key, min, max, unit)) {
      target = *v;
      origin.lines[spec_index(param)] = f.line_of(key);
    }
  }
  void integer(std::string_view key, const char* param, int& target, int min, int max) const {
    if (has(key)) {
      target = f.integer(key, min, max, "d");
      origin.lines[spec_index(param)] = f.line_of(key);
    }
  }
  bool has(std::string_view key) const;
  const toml::table* table = nullptr;
};

bool Overrides::has(std::string_view key) const {
  return table != nullptr && table->get(key) != nullptr;
}

void read_crop(const toml::table* crop_table, const std::string& source,
               const crops::CropLibrary& crops, const WaterBalanceOptions& options,
               FieldConfig& field, ParameterOrigin& origin) {
  if (crop_table == nullptr) {
    throw InputError({source, 0, "crop"}, "missing table [crop]",
                     "[crop] with name = one of the crops in data/crops, or inline values");
  }
  const TomlFields f(*crop_table, source, "crop");
  f.reject_unknown_keys({"name", "stages", "coefficients", "kcb_ini", "kcb_mid", "kcb_end",
                         "kc_ini", "kc_mid", "kc_end", "l_ini_d", "l_dev_d", "l_mid_d", "l_late_d",
                         "h_ini_m", "h_max_m", "zr_ini_m", "zr_max_m", "p"});
  WaterBalanceParameters& p = field.params;
  const int table_line = f.line_of("");
  origin.lines.fill(table_line);

  p.h_ini_m = kDefaultHIniM;
  p.zr_ini_m = kDefaultZrIniM;
  if (const auto name = f.optional_text("name")) {
    const crops::Crop* crop = crops.try_find(*name);
    if (crop == nullptr) {
      f.fail("name", fmt::format("unknown crop '{}'", *name),
             fmt::format("one of: {}", join_names(crops.names())));
    }
    field.crop_name = crop->name;
    field.yield_response = crop->yield_response;
    const std::string stages = f.optional_text("stages").value_or("");
    const std::string coefficients = f.optional_text("coefficients").value_or("");
    const crops::StageVariant* variant = nullptr;
    const crops::CoefficientSet* set = nullptr;
    try {
      variant = &crop->stages(stages);
    } catch (const InputError& e) {
      f.fail("stages", e.problem(), e.expected());
    }
    try {
      set = &crop->coefficients(coefficients);
    } catch (const InputError& e) {
      f.fail("coefficients", e.problem(), e.expected());
    }
    field.stage_variant = variant->name;
    field.coefficient_set = set->name;
    p.l_ini_d = variant->lengths.ini_d;
    p.l_dev_d = variant->lengths.dev_d;
    p.l_mid_d = variant->lengths.mid_d;
    p.l_end_d = variant->lengths.late_d;
    p.kcm_ini = set->kc.ini;
    p.kcm_mid = set->kc.mid;
    p.kcm_end = set->kc.end;
    if (set->kcb) {
      p.kcb_ini = set->kcb->ini;
      p.kcb_mid = set->kcb->mid;
      p.kcb_end = set->kcb->end;
    } else if (!options.single_kc && !(crop_table->get("kcb_ini") && crop_table->get("kcb_mid") &&
                                       crop_table->get("kcb_end"))) {
      f.fail("coefficients",
             fmt::format("coefficient set '{}' of {} has no basal Kcb (FAO-56 Table 17)", set->name,
                         crop->name),
             "options.single_kc = true, or kcb_ini, kcb_mid and kcb_end in [crop]");
    }
    p.h_max_m = set->h_max_m;
    p.zr_max_m = 0.5 * (crop->zr_max_low_m + crop->zr_max_high_m);  // FAO-56 Table 22 midpoint
    p.p_base = crop->p;
  } else {
    for (const char* key : {"stages", "coefficients"}) {
      if (crop_table->get(key) != nullptr) {
        f.fail(key, "a stage variant or coefficient set needs a crop name",
               "name = one of the crops in data/crops");
      }
    }
    // Inline crop: the basal (or single) coefficients, stage lengths, height, roots and p.
    const bool single = options.single_kc;
    for (const char* key :
         {"l_ini_d", "l_dev_d", "l_mid_d", "l_late_d", "h_max_m", "zr_max_m", "p"}) {
      if (crop_table->get(key) == nullptr) {
        f.fail(key, "missing required key (inline crop without a name)",
               "the key, or name = one of the crops in data/crops");
      }
    }
    static constexpr std::array<const char*, 3> kSingle{"kc_ini", "kc_mid", "kc_end"};
    static constexpr std::array<const char*, 3> kBasal{"kcb_ini", "kcb_mid", "kcb_end"};
    for (const char* key : single ? kSingle : kBasal) {
      if (crop_table->get(key) == nullptr) {
        f.fail(key, "missing required key (inline crop without a name)",
               single ? "kc_ini, kc_mid, kc_end (single_kc)" : "kcb_ini, kcb_mid, kcb_end");
      }
    }
  }

  Overrides o{f, origin, crop_table};
  o.number("kcb_ini", "kcb_ini", p.kcb_ini, 0.0, 1.5, "");
  o.number("kcb_mid", "kcb_mid", p.kcb_mid, 0.05, 1.5, "");
  o.number("kcb_end", "kcb_end", p.kcb_end, 0.0, 1.5, "");
  o.number("kc_ini", "kcm_ini", p.kcm_ini, 0.1, 1.5, "");
  o.number("kc_mid", "kcm_mid", p.kcm_mid, 0.1, 1.5, "");
  o.number("kc_end", "kcm_end", p.kcm_end, 0.1, 1.5, "");
  o.integer("l_ini_d", "l_ini_d", p.l_ini_d, 1, 366);
  o.integer("l_dev_d", "l_dev_d", p.l_dev_d, 1, 366);
  o.integer("l_mid_d", "l_mid_d", p.l_mid_d, 1, 366);
  o.integer("l_late_d", "l_end_d", p.l_end_d, 1, 366);
  o.number("h_ini_m", "h_ini_m", p.h_ini_m, 0.01, 30.0, "m");
  o.number("h_max_m", "h_max_m", p.h_max_m, 0.05, 30.0, "m");
  o.number("zr_ini_m", "zr_ini_m", p.zr_ini_m, 0.05, 2.0, "m");
  o.number("zr_max_m", "zr_max_m", p.zr_max_m, 0.1, 4.0, "m");
  o.number("p", "p_base", p.p_base, 0.1, 0.8, "(FAO-56 Table 22 footnote)");
  if (p.h_ini_m > p.h_max_m) {
    f.fail("h_ini_m",
           fmt::format("initial height {} m exceeds the maximum {} m", p.h_ini_m, p.h_max_m),
           "h_ini_m <= h_max_m");
  }
  if (p.zr_ini_m > p.zr_max_m) {
    f.fail("zr_ini_m",
           fmt::format("initial root depth {} m exceeds the maximum {} m", p.zr_ini_m, p.zr_max_m),
           "zr_ini_m <= zr_max_m");
  }
}

void read_soil(const toml::table* soil_table, const std::string& source,
               const soils::SoilLibrary& soils, FieldConfig& field, ParameterOrigin& origin) {
  if (soil_table == nullptr) {
    throw InputError({source, 0, "soil"}, "missing table [soil]",
                     "[soil] with texture = one of the classes in data/soils, or inline values");
  }
  const TomlFields f(*soil_table, source, "soil");
  f.reject_unknown_keys({"texture", "theta_fc_m3_m3", "theta_wp_m3_m3", "rew_mm", "ze_m", "cn2",
                         "initial_depletion_mm", "initial_depletion_fraction", "theta0_m3_m3"});
  WaterBalanceParameters& p = field.params;
  const int table_line = f.line_of("");
  for (const char* name :
       {"theta_fc_m3_m3", "theta_wp_m3_m3", "theta0_m3_m3", "rew_mm", "ze_m", "cn2"}) {
    origin.lines[spec_index(name)] = table_line;
  }
  if (const auto texture = f.optional_text("texture")) {
    const soils::Soil* soil = soils.try_find(*texture);
    if (soil == nullptr) {
      f.fail("texture", fmt::format("unknown soil texture class '{}'", *texture),
             fmt::format("one of: {}", join_names(soils.names())));
    }
    field.soil_name = soil->name;
    p.theta_fc_m3_m3 = soil->theta_fc_m3_m3;
    p.theta_wp_m3_m3 = soil->theta_wp_m3_m3;
    p.rew_mm = soil->rew_mm;
    p.ze_m = soil->ze_m;
    p.cn2 = soil->cn2;
  } else {
    for (const char* key : {"theta_fc_m3_m3", "theta_wp_m3_m3", "rew_mm"}) {
      if (soil_table->get(key) == nullptr) {
        f.fail(key, "missing required key (inline soil without a texture)",
               "the key, or texture = one of the classes in data/soils");
      }
    }
    p.ze_m = 0.10;  // FAO-56 p. 144
    p.cn2 = 78.0;   // TR-55 hydrologic group B, row crops (the loam class's value)
  }
  Overrides o{f, origin, soil_table};
  o.number("theta_fc_m3_m3", "theta_fc_m3_m3", p.theta_fc_m3_m3, 0.05, 0.60, "m3/m3");
  o.number("theta_wp_m3_m3", "theta_wp_m3_m3", p.theta_wp_m3_m3, 0.01, 0.45, "m3/m3");
  o.number("rew_mm", "rew_mm", p.rew_mm, 1.0, 15.0, "mm (FAO-56 Table 19: 2 to 12 mm)");
  o.number("ze_m", "ze_m", p.ze_m, 0.05, 0.25, "m (FAO-56 p. 144: 0.10 to 0.15 m)");
  o.number("cn2", "cn2", p.cn2, 30.0, 98.0, "");
  if (!(p.theta_wp_m3_m3 < p.theta_fc_m3_m3)) {
    f.fail(soil_table->get("theta_wp_m3_m3") ? "theta_wp_m3_m3" : "theta_fc_m3_m3",
           fmt::format("wilting point {} is not below field capacity {}", p.theta_wp_m3_m3,
                       p.theta_fc_m3_m3),
           "theta_wp_m3_m3 < theta_fc_m3_m3");
  }

  // Initial root-zone water: at most one of the three forms; default field capacity.
  const char* given = nullptr;
  int count = 0;
  for (const char* key : {"initial_depletion_mm", "initial_depletion_fraction", "theta0_m3_m3"}) {
    if (soil_table->get(key) != nullptr) {
      given = key;
      ++count;
    }
  }
  if (count > 1) {
    f.fail(given, "more than one initial water content given",
           "one of initial_depletion_mm, initial_depletion_fraction, theta0_m3_m3");
  }
  const double taw_ini_mm = 1000.0 * (p.theta_fc_m3_m3 - p.theta_wp_m3_m3) * p.zr_ini_m;
  p.theta0_m3_m3 = p.theta_fc_m3_m3;
  const std::size_t theta0_index = spec_index("theta0_m3_m3");
  if (const auto v = f.optional_number("initial_depletion_fraction", 0.0, 1.0, "of TAW")) {
    // Dr0 = f · TAW(Zr ini) and θ0 = θFC − Dr0 / (1000 Zr ini), FAO-56 Eq. 87 inverted.
    p.theta0_m3_m3 = p.theta_fc_m3_m3 - *v * taw_ini_mm / (1000.0 * p.zr_ini_m);
    origin.lines[theta0_index] = f.line_of("initial_depletion_fraction");
  }
  if (soil_table->get("initial_depletion_mm") != nullptr) {
    const double v = f.number("initial_depletion_mm", 0.0, taw_ini_mm,
                              "mm (0 to TAW at the initial root depth)");
    p.theta0_m3_m3 = p.theta_fc_m3_m3 - v / (1000.0 * p.zr_ini_m);  // FAO-56 Eq. 87 inverted
    origin.lines[theta0_index] = f.line_of("initial_depletion_mm");
  }
  if (soil_table->get("theta0_m3_m3") != nullptr) {
    p.theta0_m3_m3 =
        f.number("theta0_m3_m3", p.theta_wp_m3_m3, p.theta_fc_m3_m3, "m3/m3 (θWP to θFC)");
    origin.lines[theta0_index] = f.line_of("theta0_m3_m3");
  }
}

void read_irrigation(const toml::table* table, const std::string& source, FieldConfig& field) {
  if (table == nullptr) {
    throw InputError(
        {source, 0, "irrigation"}, "missing table [irrigation]",
        fmt::format("[irrigation] with method = one of: {}", application_method_names()));
  }
  const TomlFields f(*table, source, "irrigation");
  f.reject_unknown_keys({"method", "efficiency_pct", "fw", "history", "events"});
  const std::string method = f.text("method");
  const ApplicationMethodInfo* info = find_application_method(method);
  if (info == nullptr) {
    f.fail("method", fmt::format("unknown irrigation method '{}'", method),
           fmt::format("one of: {}", application_method_names()));
  }
  field.method = info->method;
  field.efficiency_pct =
      f.optional_number("efficiency_pct", 10.0, 100.0, "%").value_or(info->efficiency_pct);
  field.fw = f.optional_number("fw", 0.01, 1.0, "(FAO-56 Table 20)").value_or(info->fw);
  if (const auto history = f.optional_text("history")) {
    if (*history != "recorded" && *history != "strategy") {
      f.fail("history", fmt::format("unknown value '{}'", *history),
             "\"recorded\" (only the listed events happened) or \"strategy\" (the farm follows "
             "the strategy; listed events apply too)");
    }
    field.history_follows_strategy = *history == "strategy";
  }

  const auto events = f.table_array("events");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const TomlFields e(*events[i], source, fmt::format("irrigation.events[{}]", i));
    e.reject_unknown_keys({"date", "depth_mm", "efficiency_pct", "fw"});
    IrrigationEvent ev;
    ev.date = e.date("date");
    ev.depth_mm = e.number("depth_mm", 0.0, 500.0, "mm (gross, as applied)");
    ev.efficiency_pct =
        e.optional_number("efficiency_pct", 10.0, 100.0, "%").value_or(field.efficiency_pct);
    ev.fw = e.optional_number("fw", 0.01, 1.0, "").value_or(field.fw);
    ev.line = e.line_of("date");
    if (!field.recorded.empty() && !(field.recorded.back().date < ev.date)) {
      e.fail("date",
             fmt::format("{} is not after the previous event's date {}", ev.date.iso(),
                         field.recorded.back().date.iso()),
             "events in date order, at most one per day");
    }
    field.recorded.push_back(ev);
  }
}

void read_strategy(const toml::table* table, const std::string& source, FieldConfig& field) {
  StrategySettings& s = field.strategy;
  if (table == nullptr) {
    s.kind = StrategyKind::kRefill;
    return;
  }
  const TomlFields f(*table, source, "strategy");
  f.reject_unknown_keys({"kind", "mad_fraction_of_raw", "mad_fraction_of_taw", "interval_days",
                         "depth_mm", "refill_fraction", "replace_every_days", "replacement_pct",
                         "replace", "min_days_between", "max_depth_mm", "stop_days_before_harvest",
                         "skip_if_rain_mm", "rain_window_days"});
  if (const auto kind = f.optional_text("kind")) {
    const auto k = parse_strategy_kind(*kind);
    if (!k) {
      f.fail("kind", fmt::format("unknown strategy '{}'", *kind),
             fmt::format("one of: {}", strategy_kind_names()));
    }
    s.kind = *k;
  }
  if (table->get("mad_fraction_of_raw") && table->get("mad_fraction_of_taw")) {
    f.fail("mad_fraction_of_taw", "both mad_fraction_of_raw and mad_fraction_of_taw given",
           "one of them");
  }
  if (const auto v = f.optional_number("mad_fraction_of_raw", 0.1, 1.5, "of RAW")) {
    s.trigger_basis = TriggerBasis::kRaw;
    s.mad_fraction = *v;
  }
  if (const auto v = f.optional_number("mad_fraction_of_taw", 0.05, 1.0, "of TAW")) {
    s.trigger_basis = TriggerBasis::kTaw;
    s.mad_fraction = *v;
  }
  if (const toml::node* node = table->get("interval_days")) {
    constexpr const char* kExpected =
        "an integer 0 to 60 d, or 4 of them for the initial, development, mid and late stage";
    if (node->is_integer()) {
      s.interval_days.fill(f.integer("interval_days", 0, 60, "d"));
    } else if (const auto* array = node->as_array(); array != nullptr && array->size() == 4) {
      for (std::size_t i = 0; i < 4; ++i) {
        const auto v = (*array)[i].value<std::int64_t>();
        if (!(*array)[i].is_integer() || !v || *v < 0 || *v > 60) {
          f.fail("interval_days", fmt::format("element {} is not an integer 0 to 60", i + 1),
                 kExpected);
        }
        s.interval_days[i] = static_cast<int>(*v);
      }
    } else {
      f.fail("interval_days", "is neither an integer nor an array of 4", kExpected);
    }
  }
  if (const auto v = f.optional_number("depth_mm", 1.0, 300.0, "mm (net)")) {
    s.depth_mm = *v;
  }
  s.refill_fraction =
      f.optional_number("refill_fraction", 0.0, 1.0, "").value_or(s.refill_fraction);
  if (table->get("replace_every_days")) {
    s.replace_every_days = f.integer("replace_every_days", 1, 60, "d");
  }
  s.replacement_pct =
      f.optional_number("replacement_pct", 0.0, 200.0, "%").value_or(s.replacement_pct);
  if (const auto v = f.optional_text("replace")) {
    if (*v == "etc") {
      s.replace_eta = false;
    } else if (*v == "eta") {
      s.replace_eta = true;
    } else {
      f.fail("replace", fmt::format("unknown value '{}'", *v), "\"etc\" or \"eta\"");
    }
  }
  if (table->get("min_days_between")) {
    s.min_days_between = f.integer("min_days_between", 0, 60, "d");
  }
  if (const auto v = f.optional_number("max_depth_mm", 1.0, 500.0, "mm (gross)")) {
    s.max_depth_mm = *v;
  }
  if (table->get("stop_days_before_harvest")) {
    s.stop_days_before_harvest = f.integer("stop_days_before_harvest", 0, 120, "d");
  }
  if (const auto v = f.optional_number("skip_if_rain_mm", 0.1, 200.0, "mm")) {
    s.skip_if_rain_mm = *v;
  }
  if (table->get("rain_window_days")) {
    s.rain_window_days = f.integer("rain_window_days", 1, 16, "d");
  }
  // Kind-specific requirements, reported at the kind's line.
  if (s.kind == StrategyKind::kFixedDepth && agromet::is_missing(s.depth_mm)) {
    f.fail("depth_mm", "fixed-depth needs a depth", "a net depth 1 to 300 mm");
  }
  if (s.kind == StrategyKind::kFixedInterval &&
      std::all_of(s.interval_days.begin(), s.interval_days.end(), [](int d) { return d == 0; })) {
    f.fail("interval_days", "fixed-interval needs an interval in at least one stage",
           "an integer 1 to 60 d, or 4 of them (0: none in that stage)");
  }
}

void read_options(const toml::table* table, const std::string& source, FieldConfig& field) {
  WaterBalanceOptions& o = field.options;
  o.climate_adjust_kcb = true;  // FAO-56 Eq. 70: Table 17 is for RHmin 45 %, u2 2 m/s
  o.climate_adjust_kc = true;   // FAO-56 Eq. 62/65, used in single-Kc mode
  if (table == nullptr) {
    return;
  }
  const TomlFields f(*table, source, "options");
  f.reject_unknown_keys(
      {"runoff", "constant_p", "aquacrop_ks", "single_kc", "climate_adjust", "et0_method"});
  o.runoff = f.optional_boolean("runoff").value_or(o.runoff);
  o.constant_p = f.optional_boolean("constant_p").value_or(o.constant_p);
  o.aquacrop_ks = f.optional_boolean("aquacrop_ks").value_or(o.aquacrop_ks);
  o.single_kc = f.optional_boolean("single_kc").value_or(o.single_kc);
  const bool adjust = f.optional_boolean("climate_adjust").value_or(true);
  o.climate_adjust_kcb = adjust;
  o.climate_adjust_kc = adjust;
  if (const auto m = f.optional_text("et0_method")) {
    const auto method = agromet::parse_et0_method(*m);
    if (!method || *method == agromet::Et0Method::kAsceEtr) {
      f.fail("et0_method", fmt::format("unknown or unsuitable ET0 method '{}'", *m),
             "fao56, asce-eto or hargreaves (a short-grass reference: the Kc tables are for it)");
    }
    field.et0_method = *method;
  }
}

void read_effective_rain(const toml::table* table, const std::string& source, FieldConfig& field) {
  if (table == nullptr) {
    return;
  }
  const TomlFields f(*table, source, "effective_rain");
  f.reject_unknown_keys({"method", "fixed_fraction", "a", "b_mm", "c", "d_mm", "z_mm"});
  EffectiveRainSettings& e = field.effective_rain;
  const std::string method = f.text("method");
  try {
    e.method = parse_effective_rain_method(method);
  } catch (const InputError& err) {
    f.fail("method", err.problem(), err.expected());
  }
  field.effective_rain_enabled = e.method != EffectiveRainMethod::kNone;
  e.fixed_fraction = f.optional_number("fixed_fraction", 0.0, 1.0, "").value_or(e.fixed_fraction);
  e.empirical.a = f.optional_number("a", 0.0, 1.5, "").value_or(e.empirical.a);
  e.empirical.b_mm = f.optional_number("b_mm", -100.0, 100.0, "mm").value_or(e.empirical.b_mm);
  e.empirical.c = f.optional_number("c", 0.0, 1.5, "").value_or(e.empirical.c);
  e.empirical.d_mm = f.optional_number("d_mm", -100.0, 100.0, "mm").value_or(e.empirical.d_mm);
  e.empirical.z_mm = f.optional_number("z_mm", 1.0, 1000.0, "mm").value_or(e.empirical.z_mm);
  try {
    validate(e);
  } catch (const InputError& err) {
    f.fail("method", err.problem(), err.expected());
  }
}

}  // namespace

FieldConfig parse_field_config(std::string_view text, const std::string& source,
                               const crops::CropLibrary& crops, const soils::SoilLibrary& soils) {
  const toml::table root = parse_toml_text(text, source);
  const TomlFields f(root, source, "");
  f.reject_unknown_keys({"name", "description", "area_ha", "planting_date", "weather", "crop",
                         "soil", "irrigation", "strategy", "options", "effective_rain"});
  FieldConfig field;
  field.source = source;
  field.name = f.optional_text("name").value_or(std::filesystem::path(source).stem().string());
  field.description = f.optional_text("description").value_or("");
  field.area_ha = f.number("area_ha", 0.001, 100000.0, "ha");
  field.planting = f.date("planting_date");
  if (const auto weather = f.optional_text("weather")) {
    const std::filesystem::path w(*weather);
    field.weather = w.is_absolute() ? w : std::filesystem::path(source).parent_path() / w;
  }

  // Options first: single_kc changes what an inline crop must give.
  read_options(f.optional_table("options"), source, field);
  ParameterOrigin origin;
  origin.source = source;
  read_crop(f.optional_table("crop"), source, crops, field.options, field, origin);
  read_soil(f.optional_table("soil"), source, soils, field, origin);
  validate_parameters(field.params, origin);
  if (field.options.single_kc && !field.params.has_single_kc()) {
    throw InputError({source, f.line_of("options"), "options.single_kc"},
                     "single-Kc mode needs kc_ini, kc_mid and kc_end", "them in [crop]");
  }
  read_irrigation(f.optional_table("irrigation"), source, field);
  read_strategy(f.optional_table("strategy"), source, field);
  read_effective_rain(f.optional_table("effective_rain"), source, field);
  field.strategy.efficiency_pct = field.efficiency_pct;
  field.strategy.fw = field.fw;
  validate_strategy_settings(field.strategy, source, f.line_of("strategy"));
  for (std::size_t i = 0; i < field.recorded.size(); ++i) {
    const IrrigationEvent& e = field.recorded[i];
    if (e.date < field.planting) {
      throw InputError(
          {source, e.line, fmt::format("irrigation.events[{}].date", i)},
          fmt::format("{} is before planting ({})", e.date.iso(), field.planting.iso()),
          "dates on or after planting_date");
    }
  }
  return field;
}

FieldConfig load_field_config(const std::filesystem::path& path, const crops::CropLibrary& crops,
                              const soils::SoilLibrary& soils) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the field file", "a readable FIELD.toml");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_field_config(text.str(), path.string(), crops, soils);
}

IrrigationStrategy make_field_strategy(const FieldConfig& field,
                                       std::optional<Date> strategy_from) {
  IrrigationStrategy strategy(field.strategy);
  // "Never the strategy" is a start date beyond any weather.
  strategy.set_recorded(field.recorded, strategy_from.value_or(Date::from_days(INT_MAX / 2)));
  return strategy;
}

}  // namespace egin::fieldwater
