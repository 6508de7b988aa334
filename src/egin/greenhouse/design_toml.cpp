#include "egin/greenhouse/design_toml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::greenhouse {
namespace {

namespace fs = std::filesystem;

/// Reads the keys of one section into a design's fields, remembering which keys it knows so it
/// can reject the rest. With `optional_keys` (a design with a base), absent keys keep the value
/// already in the field.
class SectionReader {
 public:
  SectionReader(const toml::table& table, const std::string& file, std::string path,
                bool optional_keys)
      : table_(table), fields_(table, file, std::move(path)), optional_(optional_keys) {}

  void number(std::string_view key, double& out, double min, double max, std::string_view unit) {
    known_.emplace_back(key);
    if (optional_) {
      if (const auto v = fields_.optional_number(key, min, max, unit)) {
        out = *v;
      }
    } else {
      out = fields_.number(key, min, max, unit);
    }
  }

  void boolean(std::string_view key, bool& out) {
    known_.emplace_back(key);
    if (const auto v = fields_.optional_boolean(key)) {
      out = *v;
    } else if (!optional_) {
      fields_.fail(key, "missing required key", "true or false");
    }
  }

  /// A dimensionless share in [0, 1].
  void share(std::string_view key, double& out) { number(key, out, 0.0, 1.0, "(share, 0 to 1)"); }

  /// PAR and NIR transmission and reflection, FIR transmission, and FIR reflection when
  /// `with_fir_reflection` (the screens' FIR exchange uses their emissivity instead).
  void optics(OpticalProperties& o, bool with_fir_reflection = true) {
    share("tau_par", o.tau_par);
    share("rho_par", o.rho_par);
    share("tau_nir", o.tau_nir);
    share("rho_nir", o.rho_nir);
    share("tau_fir", o.tau_fir);
    if (with_fir_reflection) {
      share("rho_fir", o.rho_fir);
    }
    check_sum("rho_par", o.tau_par + o.rho_par);
    check_sum("rho_nir", o.tau_nir + o.rho_nir);
    if (with_fir_reflection) {
      check_sum("rho_fir", o.tau_fir + o.rho_fir);
    }
  }

  void check_sum(std::string_view key, double sum) const {
    if (sum > 1.0 + 1e-12) {
      fields_.fail(key, fmt::format("transmission plus reflection is {:.4g}", sum),
                   "tau + rho <= 1 (the rest is absorbed)");
    }
  }

  void fail(std::string_view key, std::string problem, std::string expected) const {
    fields_.fail(key, std::move(problem), std::move(expected));
  }

  /// Rejects keys this reader did not ask for.
  void finish() const {
    for (const auto& [key, node] : table_) {
      const std::string_view k = key.str();
      if (std::find(known_.begin(), known_.end(), k) == known_.end()) {
        std::vector<std::string> names(known_.begin(), known_.end());
        fields_.fail(k, "unknown key", "one of: " + join_names(names));
      }
    }
  }

  [[nodiscard]] const TomlFields& fields() const { return fields_; }

 private:
  const toml::table& table_;
  TomlFields fields_;
  bool optional_;
  std::vector<std::string> known_;
};

constexpr double kBig = 1e12;

void read_construction(SectionReader& r, ConstructionDesign& c) {
  r.number("floor_area_m2", c.floor_area_m2, 1.0, 1e8, "m²");
  r.number("cover_area_m2", c.cover_area_m2, 1.0, 2e8, "m²");
  r.number("air_height_m", c.air_height_m, 0.5, 50.0, "m");
  r.number("mean_height_m", c.mean_height_m, 0.5, 50.0, "m");
  r.number("cover_slope_deg", c.cover_slope_deg, 0.0, 80.0, "°");
  r.number("eta_glob_air", c.eta_glob_air, 0.0, 0.5, "(share)");
  r.number("elevation_m", c.elevation_m, -500.0, 5000.0, "m");
}

void check_construction(SectionReader& r, const ConstructionDesign& c) {
  if (c.mean_height_m <= c.air_height_m) {
    r.fail("mean_height_m",
           fmt::format("mean height {} m is not above the air height {} m", c.mean_height_m,
                       c.air_height_m),
           "mean_height_m > air_height_m (the top compartment above the screens)");
  }
  if (c.cover_area_m2 < c.floor_area_m2) {
    r.fail("cover_area_m2", "cover area smaller than the floor area",
           "cover_area_m2 >= floor_area_m2");
  }
}

void read_cover(SectionReader& r, CoverDesign& c) {
  r.optics(c.optics);
  r.number("density_kg_m3", c.density_kg_m3, 1.0, 1e4, "kg/m³");
  r.number("specific_heat_j_kg_k", c.specific_heat_j_kg_k, 1.0, 1e4, "J/(kg K)");
  r.number("thickness_m", c.thickness_m, 1e-5, 1.0, "m");
  r.number("conductivity_w_m_k", c.conductivity_w_m_k, 1e-4, kBig, "W/(m K)");
  r.number("c_hec_in_w_m2_k", c.c_hec_in_w_m2_k, 0.0, 50.0, "W/(m² K^1.33)");
  r.number("c_hec_out1_w_m2_k", c.c_hec_out1_w_m2_k, 0.0, 50.0, "W/(m² K)");
  r.number("c_hec_out2_j_m3_k", c.c_hec_out2_j_m3_k, 0.0, 50.0, "J/(m³ K)");
  r.number("c_hec_out3", c.c_hec_out3, 0.0, 2.0, "(exponent)");
}

void read_whitewash(SectionReader& r, WhitewashDesign& w) {
  r.optics(w.optics);
  r.number("density_kg_m3", w.density_kg_m3, 0.0, 1e4, "kg/m³");
  r.number("specific_heat_j_kg_k", w.specific_heat_j_kg_k, 0.0, 1e4, "J/(kg K)");
  r.number("thickness_m", w.thickness_m, 0.0, 0.1, "m");
  r.number("conductivity_w_m_k", w.conductivity_w_m_k, 1e-4, kBig, "W/(m K)");
}

void read_shade_screen(SectionReader& r, ShadeScreenDesign& s) {
  r.optics(s.optics);
  r.share("eta_discharge", s.eta_discharge);
  r.share("eta_wind", s.eta_wind);
}

void read_screen(SectionReader& r, ScreenDesign& s) {
  r.optics(s.optics, false);
  r.share("eps_fir", s.eps_fir);
  r.number("density_kg_m3", s.density_kg_m3, 1.0, 1e4, "kg/m³");
  r.number("specific_heat_j_kg_k", s.specific_heat_j_kg_k, 1.0, 1e4, "J/(kg K)");
  r.number("thickness_m", s.thickness_m, 1e-6, 0.1, "m");
  r.number("flux_coef_m3_m2_k_s", s.flux_coef_m3_m2_k_s, 0.0, 0.1, "m³/(m² K^0.66 s)");
}

void read_floor(SectionReader& r, FloorDesign& f) {
  r.share("eps_fir", f.eps_fir);
  r.share("rho_par", f.rho_par);
  r.share("rho_nir", f.rho_nir);
  r.number("density_kg_m3", f.density_kg_m3, 1.0, 1e4, "kg/m³");
  r.number("specific_heat_j_kg_k", f.specific_heat_j_kg_k, 1.0, 1e4, "J/(kg K)");
  r.number("thickness_m", f.thickness_m, 1e-3, 1.0, "m");
  r.number("conductivity_w_m_k", f.conductivity_w_m_k, 1e-3, 100.0, "W/(m K)");
}

void read_soil(SectionReader& r, SoilDesign& s) {
  r.number("volumetric_heat_capacity_j_m3_k", s.volumetric_heat_capacity_j_m3_k, 1e5, 1e7,
           "J/(m³ K)");
  r.number("conductivity_w_m_k", s.conductivity_w_m_k, 0.01, 10.0, "W/(m K)");
  r.number("deep_mean_c", s.deep_mean_c, -20.0, 40.0, "°C");
  r.number("deep_amplitude_k", s.deep_amplitude_k, 0.0, 30.0, "K");
  r.number("deep_peak_doy", s.deep_peak_doy, 1.0, 366.0, "day of year");
}

void read_pipes(SectionReader& r, PipeDesign& p) {
  r.share("eps_fir", p.eps_fir);
  r.number("outer_diameter_m", p.outer_diameter_m, 1e-3, 0.5, "m");
  r.number("inner_diameter_m", p.inner_diameter_m, 0.0, 0.5, "m");
  r.number("length_m_m2", p.length_m_m2, 1e-3, 20.0, "m per m² floor");
  r.number("capacity_w_m2", p.capacity_w_m2, 0.0, 2000.0, "W/m²");
  if (p.inner_diameter_m >= p.outer_diameter_m) {
    r.fail("inner_diameter_m", "inner diameter not below the outer one",
           "inner_diameter_m < outer_diameter_m");
  }
}

void read_lamps(SectionReader& r, LampDesign& l) {
  r.number("max_input_w_m2", l.max_input_w_m2, 0.0, 1000.0, "W/m²");
  r.share("area_m2_m2", l.area_m2_m2);
  r.share("tau_par", l.tau_par);
  r.share("rho_par", l.rho_par);
  r.share("tau_nir", l.tau_nir);
  r.share("rho_nir", l.rho_nir);
  r.share("tau_fir", l.tau_fir);
  r.share("eta_par", l.eta_par);
  r.share("eta_nir", l.eta_nir);
  r.number("par_umol_j", l.par_umol_j, 0.0, 10.0, "µmol/J");
  r.number("heat_capacity_j_k_m2", l.heat_capacity_j_k_m2, 0.1, 1e5, "J/(K m²)");
  r.number("c_hec_air_w_m2_k", l.c_hec_air_w_m2_k, 0.0, 50.0, "W/(m² K)");
  r.share("eps_top", l.eps_top);
  r.share("eps_bottom", l.eps_bottom);
  r.share("eta_cool", l.eta_cool);
  if (l.eta_par + l.eta_nir + l.eta_cool > 1.0 + 1e-12) {
    r.fail("eta_cool", "PAR, NIR and cooling shares exceed the electrical input",
           "eta_par + eta_nir + eta_cool <= 1");
  }
}

void read_interlights(SectionReader& r, InterlightDesign& l) {
  r.number("max_input_w_m2", l.max_input_w_m2, 0.0, 1000.0, "W/m²");
  r.share("area_m2_m2", l.area_m2_m2);
  r.share("eta_par", l.eta_par);
  r.share("eta_nir", l.eta_nir);
  r.number("par_umol_j", l.par_umol_j, 0.0, 10.0, "µmol/J");
  r.number("heat_capacity_j_k_m2", l.heat_capacity_j_k_m2, 0.1, 1e5, "J/(K m²)");
  r.number("c_hec_air_w_m2_k", l.c_hec_air_w_m2_k, 0.0, 50.0, "W/(m² K)");
  r.share("eps", l.eps);
  r.share("tau_fir", l.tau_fir);
  r.share("down_fraction", l.down_fraction);
  r.number("k1_par", l.k1_par, 0.0, 5.0, "(extinction coefficient)");
  r.number("k2_par", l.k2_par, 0.0, 5.0, "(extinction coefficient)");
  r.number("k_fir", l.k_fir, 0.0, 5.0, "(extinction coefficient)");
  r.number("k_nir", l.k_nir, 0.0, 5.0, "(extinction coefficient)");
  r.share("vertical_position", l.vertical_position);
}

void read_ventilation(SectionReader& r, VentilationDesign& v) {
  r.number("roof_area_m2", v.roof_area_m2, 0.0, 1e8, "m²");
  r.number("side_area_m2", v.side_area_m2, 0.0, 1e8, "m²");
  r.number("vent_height_m", v.vent_height_m, 0.0, 20.0, "m");
  r.number("side_roof_height_m", v.side_roof_height_m, 0.0, 50.0, "m");
  r.number("discharge_coef", v.discharge_coef, 0.0, 1.5, "(dimensionless)");
  r.number("wind_pressure_coef", v.wind_pressure_coef, 0.0, 1.0, "(dimensionless)");
  r.number("leakage_coef", v.leakage_coef, 0.0, 0.01, "m³/(m² m)");
  r.share("leak_top_fraction", v.leak_top_fraction);
  r.share("insect_screen_porosity", v.insect_screen_porosity);
  r.number("forced_capacity_m3_m2_s", v.forced_capacity_m3_m2_s, 0.0, 1.0, "m³/(m² s)");
}

void read_crop(SectionReader& r, TomatoParameters& p) {
  r.number("lai_max", p.lai_max, 0.1, 10.0, "m²/m²");
  r.number("sla_m2_mg", p.sla_m2_mg, 1e-6, 1e-4, "m² per mg CH2O");
  r.number("j25_leaf_max_umol_m2_s", p.j25_leaf_max_umol_m2_s, 1.0, 1000.0, "µmol/(m² s)");
  r.number("c_fruit_max_mg_m2", p.c_fruit_max_mg_m2, 1e3, 1e7, "mg CH2O/m²");
  r.number("fruit_dm_fraction", p.fruit_dm_fraction, 0.01, 0.5, "(share)");
  r.number("t_end_sum_c_d", p.t_end_sum_c_d, 1.0, 1e5, "°C d");
  r.number("rg_fruit_mg_m2_s", p.rg_fruit_mg_m2_s, 0.0, 10.0, "mg/(m² s)");
  r.number("rg_leaf_mg_m2_s", p.rg_leaf_mg_m2_s, 0.0, 10.0, "mg/(m² s)");
  r.number("rg_stem_mg_m2_s", p.rg_stem_mg_m2_s, 0.0, 10.0, "mg/(m² s)");
}

void read_greenlight(SectionReader& r, GreenLightRules& g) {
  r.number("t_sp_day_c", g.t_sp_day_c, -10.0, 40.0, "°C");
  r.number("t_sp_night_c", g.t_sp_night_c, -10.0, 40.0, "°C");
  r.number("heat_dead_zone_c", g.heat_dead_zone_c, 0.0, 30.0, "K");
  r.number("rh_max_pct", g.rh_max_pct, 10.0, 100.0, "%");
  r.number("th_scr_sp_day_c", g.th_scr_sp_day_c, -40.0, 40.0, "°C");
  r.number("th_scr_sp_night_c", g.th_scr_sp_night_c, -40.0, 40.0, "°C");
  r.boolean("use_blackout_screen", g.use_bl_scr);
  r.number("lamp_on_h", g.lamp_on_h, -1.0, 25.0, "h");
  r.number("lamp_off_h", g.lamp_off_h, -1.0, 25.0, "h");
  r.number("lamps_off_sun_w_m2", g.lamps_off_sun_w_m2, 0.0, 2000.0, "W/m²");
  r.number("lamp_rad_sum_limit_mj_m2", g.lamp_rad_sum_limit_mj_m2, 0.0, 100.0, "MJ/m² per day");
  r.number("co2_sp_day_ppm", g.co2_sp_day_ppm, 0.0, 5000.0, "ppm");
}

// Inert parameters for equipment a design lacks (GreenLight 2.0's "assume no ..." values, with
// capacities kept above zero so the unused states stay defined).
void make_inert(GreenhouseDesign& d) {
  d.whitewash = WhitewashDesign{};
  d.shade_screen = ShadeScreenDesign{};
  d.thermal_screen.optics = OpticalProperties{};
  d.thermal_screen.eps_fir = 0.67;
  d.thermal_screen.density_kg_m3 = 200.0;
  d.thermal_screen.specific_heat_j_kg_k = 1800.0;
  d.thermal_screen.thickness_m = 0.35e-3;
  d.thermal_screen.flux_coef_m3_m2_k_s = 5e-5;
  d.blackout_screen = d.thermal_screen;
  d.grow_pipes = PipeDesign{0.0, 35e-3, 33.8e-3, 1.655, 0.0};
  d.lamps = LampDesign{};
  d.interlights = InterlightDesign{};
  d.hot_climate = HotClimateDesign{};
}

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the design file", "a readable TOML file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

DesignFile parse_design_toml(std::string_view text, const std::string& source,
                             const DesignBaseResolver& resolve_base) {
  const toml::table root = parse_toml_text(text, source);
  SectionReader top(root, source, "", true);
  DesignFile out;
  const TomlFields& rf = top.fields();
  const std::optional<std::string> base = rf.optional_text("base");
  const bool has_base = base.has_value();
  if (has_base) {
    out = resolve_base(*base, source);
    out.design.source.clear();
  } else {
    make_inert(out.design);
  }
  GreenhouseDesign& d = out.design;
  d.name = rf.text("name");
  d.description = rf.optional_text("description").value_or(d.description);
  d.source = rf.text("source");
  if (d.source.empty()) {
    rf.fail("source", "is empty", "the publications the values come from");
  }

  const std::vector<std::string> sections = {
      "construction",    "cover",       "whitewash",   "shade_screen",  "thermal_screen",
      "blackout_screen", "floor",       "soil",        "heating_pipes", "grow_pipes",
      "lamps",           "interlights", "ventilation", "co2",           "air_heater",
      "fogging",         "pad_fan",     "crop",        "controller"};
  for (const auto& [key, node] : root) {
    const std::string k(key.str());
    if (k == "name" || k == "description" || k == "source" || k == "base") {
      continue;
    }
    if (std::find(sections.begin(), sections.end(), k) == sections.end()) {
      rf.fail(k, "unknown key",
              "name, description, source, base or a section: " + join_names(sections));
    }
    if (!node.is_table()) {
      rf.fail(k, "is not a table", "a [" + k + "] section");
    }
  }

  // section(name, required, read): reads a present section; an absent one keeps the base's
  // values, or is an error when required and there is no base.
  auto section = [&](const char* name, bool required, auto&& read) -> bool {
    const toml::table* t = rf.optional_table(name);
    if (t == nullptr) {
      if (required && !has_base) {
        rf.fail(name, "missing required section", fmt::format("a [{}] table", name));
      }
      return false;
    }
    SectionReader r(*t, source, name, has_base);
    read(r);
    r.finish();
    return true;
  };

  section("construction", true, [&](SectionReader& r) {
    read_construction(r, d.construction);
    check_construction(r, d.construction);
  });
  section("cover", true, [&](SectionReader& r) { read_cover(r, d.cover); });
  InstalledEquipment& eq = d.installed;
  if (section("whitewash", false, [&](SectionReader& r) { read_whitewash(r, d.whitewash); })) {
    eq.whitewash = true;
  }
  if (section("shade_screen", false,
              [&](SectionReader& r) { read_shade_screen(r, d.shade_screen); })) {
    eq.shade_screen = true;
  }
  if (section("thermal_screen", false,
              [&](SectionReader& r) { read_screen(r, d.thermal_screen); })) {
    eq.thermal_screen = true;
  }
  if (section("blackout_screen", false,
              [&](SectionReader& r) { read_screen(r, d.blackout_screen); })) {
    eq.blackout_screen = true;
  }
  section("floor", true, [&](SectionReader& r) { read_floor(r, d.floor); });
  section("soil", true, [&](SectionReader& r) { read_soil(r, d.soil); });
  section("heating_pipes", true, [&](SectionReader& r) { read_pipes(r, d.pipes); });
  if (section("grow_pipes", false, [&](SectionReader& r) { read_pipes(r, d.grow_pipes); })) {
    eq.grow_pipes = true;
  }
  if (section("lamps", false, [&](SectionReader& r) { read_lamps(r, d.lamps); })) {
    eq.lamps = true;
  }
  if (section("interlights", false,
              [&](SectionReader& r) { read_interlights(r, d.interlights); })) {
    eq.interlights = true;
  }
  section("ventilation", true, [&](SectionReader& r) { read_ventilation(r, d.ventilation); });
  section("co2", true, [&](SectionReader& r) {
    r.number("capacity_mg_m2_s", d.co2_capacity_mg_m2_s, 0.0, 100.0, "mg/(m² s)");
  });
  HotClimateDesign& hc = d.hot_climate;
  if (section("air_heater", false, [&](SectionReader& r) {
        r.number("capacity_w_m2", hc.air_heater_capacity_w_m2, 0.0, 2000.0, "W/m²");
        r.number("co2_mg_j", hc.air_heater_co2_mg_j, 0.0, 0.1, "mg CO2 per J");
        r.number("vapour_kg_j", hc.air_heater_vapour_kg_j, 0.0, 1e-6, "kg water per J");
      })) {
    eq.air_heater = true;
  }
  if (section("fogging", false, [&](SectionReader& r) {
        double g_m2_h = hc.fog_capacity_kg_m2_s * 1000.0 * 3600.0;
        r.number("capacity_g_m2_h", g_m2_h, 0.0, 2000.0, "g water per m² floor per hour");
        hc.fog_capacity_kg_m2_s = g_m2_h / 1000.0 / 3600.0;
      })) {
    eq.fogging = true;
  }
  if (section("pad_fan", false, [&](SectionReader& r) {
        r.number("air_flow_m3_m2_s", hc.pad_air_flow_m3_m2_s, 0.0, 1.0,
                 "m³ air per m² floor per s");
        r.share("efficiency", hc.pad_efficiency);
      })) {
    eq.pad_fan = true;
  }
  section("crop", false, [&](SectionReader& r) { read_crop(r, d.crop); });
  if (const toml::table* ctrl = rf.optional_table("controller")) {
    const TomlFields cf(*ctrl, source, "controller");
    for (const auto& [key, node] : *ctrl) {
      if (key.str() != "greenlight") {
        cf.fail(key.str(), "unknown controller", "greenlight");
      }
    }
    if (const toml::table* g = cf.optional_table("greenlight")) {
      SectionReader r(*g, source, "controller.greenlight", true);
      read_greenlight(r, out.greenlight);
      r.finish();
    }
  }
  return out;
}

DesignFile read_design(const std::string& name_or_path, const fs::path& designs_dir) {
  // A path (has a separator or ends in .toml) or a name in the designs directory.
  auto locate = [&](const std::string& what, const fs::path& near) -> fs::path {
    fs::path p(what);
    const bool looks_like_path = p.has_parent_path() || p.extension() == ".toml";
    if (looks_like_path) {
      if (p.is_relative() && !near.empty() && fs::exists(near / p)) {
        return near / p;
      }
      return p;
    }
    fs::path named = designs_dir / (what + ".toml");
    if (fs::exists(named)) {
      return named;
    }
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(designs_dir, ec)) {
      if (e.path().extension() == ".toml") {
        names.push_back(e.path().stem().string());
      }
    }
    std::sort(names.begin(), names.end());
    throw InputError({"", 0, "--design"}, "unknown greenhouse design '" + what + "'",
                     names.empty() ? "a design file (.toml)"
                                   : "a design file (.toml) or one of: " + join_names(names));
  };
  std::vector<fs::path> chain;  // to refuse a base that includes itself
  DesignBaseResolver resolve;
  resolve = [&](const std::string& base, const std::string& from_file) -> DesignFile {
    const fs::path path = locate(base, fs::path(from_file).parent_path());
    const fs::path canonical = fs::weakly_canonical(path);
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
      throw InputError({from_file, 0, "base"}, "design '" + base + "' is its own base",
                       "a chain of bases without loops");
    }
    chain.push_back(canonical);
    DesignFile f = parse_design_toml(read_text_file(path), path.string(), resolve);
    chain.pop_back();
    return f;
  };
  const fs::path path = locate(name_or_path, {});
  chain.push_back(fs::weakly_canonical(path));
  return parse_design_toml(read_text_file(path), path.string(), resolve);
}

}  // namespace egin::greenhouse
