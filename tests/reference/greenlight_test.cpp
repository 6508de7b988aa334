// Parity with GreenLight 2.0.5 (data/greenlight/README.md): the same weather, design and rules,
// egin's twin against GreenLight's own series.
//
//   open loop:   GreenLight's 5-minute control trajectories replayed (linear between samples)
//                — a test of the physics alone, limited by what 5-minute samples of fast
//                controls can carry;
//   closed loop: egin's `greenlight` controller, evaluated inside the model as GreenLight does;
//   season:      350 days from 27 September, LED and HPS, hourly, closed loop.
//
// Compared: relative RMSE, √(Σ(egin − GL)²) / √(Σ GL²), of air temperature, vapour pressure, CO2
// and fruit dry matter (issue 3 targets: 1.5 %, 2 %, 1 %, 1 %), and season totals (3 %). The
// thresholds below are the figures reached, with a margin; where a target is missed the comment
// says so and why.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "egin/agromet/csv_iso_time.hpp"
#include "egin/agromet/weather_csv.hpp"
#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/twin.hpp"

namespace egin::greenhouse {
namespace {

const std::string kDir = std::string(EGIN_REFERENCE_DATA) + "/greenlight/";

struct Series {
  std::vector<double> time_s;
  std::map<std::string, std::vector<double>> columns;
};

Series read_expected(const std::string& name) {
  std::ifstream in(kDir + name);
  std::string line;
  std::vector<std::string> header;
  Series s;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    std::string cell;
    std::vector<std::string> cells;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    s.time_s.push_back(static_cast<double>(agromet::parse_iso_time(cells[0])->utc_s));
    for (std::size_t i = 1; i < cells.size(); ++i)
      s.columns[header[i]].push_back(std::stod(cells[i]));
  }
  return s;
}

struct Fit {
  std::map<std::string, double> rel_rmse_pct;
  double heat_exact_mj = 0.0;
  double lamp_exact_mj = 0.0;
  double co2_exact_kg = 0.0;
  double yield_exact_kg = 0.0;
  // Sums of the samples, both models, at the instants where neither switches lamps (00 and 18 h
  // local): like for like, as GreenLight's own totals are hourly sample sums.
  double heat_samples_mj = 0.0;
  double heat_samples_ref_mj = 0.0;
  double co2_samples_kg = 0.0;
  double co2_samples_ref_kg = 0.0;
};

enum class Mode { kReplay, kClosedLoop };

/// GreenLight 2.0.5's own solver tolerances (rtol 1e-6, atol 1e-3), for the runs that show the
/// model differences alone; the twin's defaults (twin.hpp) are looser and faster.
SolverOptions greenlight_tolerances() {
  SolverOptions o;
  o.rtol = 1e-6;
  o.atol_temperature_k = 1e-3;
  o.atol_light_node_k = 1e-3;
  o.atol_vapour_pa = 1e-2;
  o.atol_co2_mg_m3 = 1e-2;
  o.atol_carbohydrate_mg_m2 = 1e-1;
  return o;
}

Fit run(const std::string& design, const std::string& weather, const std::string& expected,
        const std::string& controls, Mode mode, InitialCrop crop,
        const SolverOptions& solver = {}) {
  const DesignFile df = read_design(design, std::string(EGIN_SOURCE_DIR) + "/data/greenhouses");
  const auto series = agromet::read_period_weather_csv(kDir + weather);
  auto w = std::make_shared<WeatherForcing>(WeatherForcing::from_series(series, df.design.soil));
  const Series ref = read_expected(expected);
  GreenhouseTwin twin(make_model(df.design), w, greenlight_initial_state(crop), ref.time_s.front(),
                      solver);
  std::unique_ptr<Controller> ctl;
  if (mode == Mode::kReplay) {
    ctl = std::make_unique<ReplayController>(ControlsSeries::read(kDir + controls));
  } else {
    ctl = std::make_unique<GreenLightController>(df.greenlight);
  }
  const double dt = ref.time_s[1] - ref.time_s[0];
  std::map<std::string, double> se;
  std::map<std::string, double> ss;
  Fit fit;
  for (std::size_t i = 0; i < ref.time_s.size(); ++i) {
    if (i > 0) twin.advance(dt, *ctl->continuous());
    const Outputs o = twin.outputs();
    const std::map<std::string, double> ours = {{"t_air_c", o.t_air_c},
                                                {"vp_air_pa", o.vp_air_kpa * 1000.0},
                                                {"co2_air_ppm", o.co2_air_ppm},
                                                {"c_fruit_mg_m2", twin.state()[kCFruit]}};
    for (const auto& [name, value] : ours) {
      const double r = ref.columns.at(name)[i];
      se[name] += (value - r) * (value - r);
      ss[name] += r * r;
    }
    const double tod = std::fmod((ref.time_s[i] + w->utc_offset_s()) / 3600.0, 24.0);
    const bool switching = std::abs(tod) < 1e-6 || std::abs(tod - 18.0) < 1e-6;
    if (i > 0 && !switching) {
      fit.heat_samples_mj += o.heating_w_m2 * dt / 1e6;
      fit.heat_samples_ref_mj += ref.columns.at("heat_pipe_w_m2")[i] * dt / 1e6;
      fit.co2_samples_kg += o.co2_dosing_mg_m2_s * dt / 1e6;
      fit.co2_samples_ref_kg += ref.columns.at("co2_dosing_mg_m2_s")[i] * dt / 1e6;
    }
  }
  for (const auto& [name, value] : se) fit.rel_rmse_pct[name] = 100.0 * std::sqrt(value / ss[name]);
  const Totals t = twin.totals();
  fit.heat_exact_mj = (t.heat_pipe_j_m2 + t.heat_grow_pipe_j_m2) / 1e6;
  fit.lamp_exact_mj = t.lamp_j_m2 / 1e6;
  fit.co2_exact_kg = t.co2_dosed_mg_m2 / 1e6;
  fit.yield_exact_kg = t.fruit_harvest_mg_m2 / 1e6 / df.design.crop.fruit_dm_fraction;
  std::printf(
      "%-40s T %.3f %%  VP %.3f %%  CO2 %.3f %%  fruit %.4f %%  heat %.2f MJ (samples %.2f / GL "
      "%.2f)\n",
      expected.c_str(), fit.rel_rmse_pct["t_air_c"], fit.rel_rmse_pct["vp_air_pa"],
      fit.rel_rmse_pct["co2_air_ppm"], fit.rel_rmse_pct["c_fruit_mg_m2"], fit.heat_exact_mj,
      fit.heat_samples_mj, fit.heat_samples_ref_mj);
  return fit;
}

/// GreenLight's daily totals of a run, summed (its own 300-s or hourly sample sums).
std::map<std::string, double> daily_totals(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  std::map<std::string, double> sum;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    std::string cell;
    std::vector<std::string> cells;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    for (std::size_t i = 1; i < cells.size(); ++i) sum[header[i]] += std::stod(cells[i]);
  }
  return sum;
}

struct Case {
  const char* weather;
  const char* stem;
  InitialCrop crop;
};

const Case kCases[] = {
    {"weather_jan01_11d.csv", "led_jan01_young", InitialCrop::kYoung},
    {"weather_jan01_11d.csv", "led_jan01_mature", InitialCrop::kMature},
    {"weather_jun01_11d.csv", "led_jun01_young", InitialCrop::kYoung},
    {"weather_jun01_11d.csv", "led_jun01_mature", InitialCrop::kMature},
};

TEST(GreenLight, OpenLoopReplayOfItsControls) {
  // Reached (rel. RMSE %, T / VP / CO2 / fruit): winter young 0.67 / 0.55 / 1.37 / 0.89,
  // winter mature 1.09 / 1.17 / 1.17 / 0.004, summer young 0.05 / 0.04 / 0.64 / 0.02, summer
  // mature 0.02 / 0.03 / 0.50 / 0.0003. CO2 misses the 1 % target in winter: GreenLight's CO2
  // valve and heating valve move within minutes (P-bands of 100 ppm and 1 K inside the model)
  // and 5-minute samples, interpolated, do not carry that; closed loop (below) meets it by far.
  for (const Case& c : kCases) {
    const Fit f = run("greenlight-venlo", c.weather, std::string(c.stem) + "_expected.csv",
                      std::string(c.stem) + "_controls.csv", Mode::kReplay, c.crop);
    EXPECT_LT(f.rel_rmse_pct.at("t_air_c"), 1.2) << c.stem;
    EXPECT_LT(f.rel_rmse_pct.at("vp_air_pa"), 1.3) << c.stem;
    EXPECT_LT(f.rel_rmse_pct.at("co2_air_ppm"), 1.5) << c.stem;
    EXPECT_LT(f.rel_rmse_pct.at("c_fruit_mg_m2"), 1.0) << c.stem;
  }
}

TEST(GreenLight, ClosedLoopTenDays) {
  // At GreenLight's tolerances. Reached: T ≤ 0.26 %, VP ≤ 0.23 %, CO2 ≤ 0.05 %, fruit ≤ 0.03 %
  // (the largest in the winter mature run, where the thermal screen and vents hover at their
  // switch points); heating within 3 % of GreenLight's 300-s sample sums (its totals), and the
  // samples themselves within 0.1 %; lamps within 0.1 %. The same with the ESDIRK integrator
  // (twin.hpp, Integrator), which must meet the same bounds.
  for (const Integrator integrator : {Integrator::kCvodesBdf, Integrator::kEsdirk}) {
    SolverOptions solver = greenlight_tolerances();
    solver.integrator = integrator;
    for (const Case& c : kCases) {
      const Fit f = run("greenlight-venlo", c.weather, std::string(c.stem) + "_expected.csv", "",
                        Mode::kClosedLoop, c.crop, solver);
      std::printf("%s %s: T %.3f %%, VP %.3f %%, CO2 %.3f %%, fruit %.3f %%\n",
                  integrator == Integrator::kEsdirk ? "ESDIRK" : "BDF", c.stem,
                  f.rel_rmse_pct.at("t_air_c"), f.rel_rmse_pct.at("vp_air_pa"),
                  f.rel_rmse_pct.at("co2_air_ppm"), f.rel_rmse_pct.at("c_fruit_mg_m2"));
      EXPECT_LT(f.rel_rmse_pct.at("t_air_c"), 0.4) << c.stem;
      EXPECT_LT(f.rel_rmse_pct.at("vp_air_pa"), 0.4) << c.stem;
      EXPECT_LT(f.rel_rmse_pct.at("co2_air_ppm"), 0.1) << c.stem;
      EXPECT_LT(f.rel_rmse_pct.at("c_fruit_mg_m2"), 0.05) << c.stem;
      const std::string daily =
          std::string(EGIN_REFERENCE_DATA) + "/greenlight/" + c.stem + "_daily_expected.csv";
      const auto gl = daily_totals(daily);
      EXPECT_NEAR(f.heat_exact_mj, gl.at("heat_MJ_m2"), 0.03 * gl.at("heat_MJ_m2")) << c.stem;
      if (gl.at("lamp_MJ_m2") > 0.0) {
        EXPECT_NEAR(f.lamp_exact_mj, gl.at("lamp_MJ_m2"), 0.01 * gl.at("lamp_MJ_m2")) << c.stem;
      }
      EXPECT_NEAR(f.co2_exact_kg, gl.at("co2_kg_m2"), 0.03 * gl.at("co2_kg_m2")) << c.stem;
      if (gl.at("yield_kgFW_m2") > 0.1) {
        EXPECT_NEAR(f.yield_exact_kg, gl.at("yield_kgFW_m2"), 0.03 * gl.at("yield_kgFW_m2"))
            << c.stem;
      }
    }
  }
}

TEST(GreenLight, Season350DaysLedAndHps) {
  // With the twin's default tolerances (a 350-day season in about a second). Reached (rel.
  // RMSE): T 0.39 %, VP 0.35 %, CO2 0.27 %, fruit < 0.001 % (at GreenLight's tolerances: 0.04,
  // 0.03, 0.01 %); yield and lamp energy within 0.5 % of GreenLight's published totals. GreenLight's heating and CO2 totals
  // (1027.8 MJ/m², 47.8 kg/m² LED) are sums of its hourly samples, and at 00:00 and 18:00 its
  // lamps are sampled on (its clock is an integrated state, a hair past the hour) where egin's
  // are off; the exact integrals are 4–5 % below those sums. Like for like — both models'
  // samples at the other hours — heating and CO2 agree within 1.3 %.
  struct Season {
    const char* design;
    const char* stem;
    double heat_gl;
    double lamp_gl;
    double yield_gl;
  };
  for (const Season& s : {Season{"greenlight-venlo", "led_350d", 1027.8, 874.3, 87.0},
                          Season{"greenlight-venlo-hps", "hps_350d", 809.4, 1453.3, 87.0}}) {
    const Fit f = run(s.design, "weather_sep27_350d.csv", std::string(s.stem) + "_expected.csv", "",
                      Mode::kClosedLoop, InitialCrop::kYoung);
    EXPECT_LT(f.rel_rmse_pct.at("t_air_c"), 0.5) << s.stem;
    EXPECT_LT(f.rel_rmse_pct.at("vp_air_pa"), 0.5) << s.stem;
    EXPECT_LT(f.rel_rmse_pct.at("co2_air_ppm"), 0.4) << s.stem;
    EXPECT_LT(f.rel_rmse_pct.at("c_fruit_mg_m2"), 0.01) << s.stem;
    EXPECT_NEAR(f.lamp_exact_mj, s.lamp_gl, 0.01 * s.lamp_gl) << s.stem;
    EXPECT_NEAR(f.yield_exact_kg, s.yield_gl, 0.01 * s.yield_gl) << s.stem;
    EXPECT_NEAR(f.heat_samples_mj, f.heat_samples_ref_mj, 0.015 * f.heat_samples_ref_mj) << s.stem;
    EXPECT_NEAR(f.co2_samples_kg, f.co2_samples_ref_kg, 0.015 * f.co2_samples_ref_kg) << s.stem;
    // The published (sampled) heating total is above the exact integral, by less than 6 %.
    EXPECT_GT(s.heat_gl, f.heat_exact_mj);
    EXPECT_LT(s.heat_gl, 1.06 * f.heat_exact_mj);
    std::printf(
        "%s: heating exact %.1f MJ/m2 (GL samples %.1f), lamps %.1f (GL %.1f), yield %.2f kg/m2 "
        "(GL %.1f), CO2 %.2f kg/m2\n",
        s.stem, f.heat_exact_mj, s.heat_gl, f.lamp_exact_mj, s.lamp_gl, f.yield_exact_kg,
        s.yield_gl, f.co2_exact_kg);
  }
}

}  // namespace
}  // namespace egin::greenhouse
