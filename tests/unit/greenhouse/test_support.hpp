// Shared by the greenhouse unit tests: the shipped designs and reference weather, read from the
// source tree, and a few fixed states and conditions.
#pragma once

#include <memory>
#include <string>

#include "egin/agromet/weather_csv.hpp"
#include "egin/greenhouse/design_toml.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/outdoor.hpp"
#include "egin/greenhouse/twin.hpp"
#include "egin/greenhouse/weather_forcing.hpp"

namespace egin::greenhouse::test {

inline std::string source_path(const std::string& relative) {
  return std::string(EGIN_SOURCE_DIR) + "/" + relative;
}

inline DesignFile design(const std::string& name) {
  return read_design(name, source_path("data/greenhouses"));
}

inline GreenhouseModel venlo() { return make_model(design("greenlight-venlo").design); }

/// GreenLight's SEL2000 weather (tests/reference/data/greenlight): "jan01_11d", "jun01_11d".
inline std::shared_ptr<const WeatherForcing> sel2000(const std::string& which) {
  const auto series = agromet::read_period_weather_csv(
      source_path("tests/reference/data/greenlight/weather_" + which + ".csv"));
  return std::make_shared<WeatherForcing>(
      WeatherForcing::from_series(series, design("greenlight-venlo").design.soil));
}

/// Solver tolerances far tighter than the twin's defaults, for runs that must converge to the
/// solution (balances, integrators against each other): relative `rtol`, and absolute ones that
/// many times 0.1 K, 10 Pa, 1 mg CO2/m³ and 10 mg CH2O/m².
inline SolverOptions tight_solver(double rtol, Integrator integrator = Integrator::kCvodesBdf) {
  SolverOptions o;
  o.rtol = rtol;
  o.atol_temperature_k = 1e3 * rtol;
  o.atol_light_node_k = 1e3 * rtol;
  o.atol_vapour_pa = 1e5 * rtol;
  o.atol_co2_mg_m3 = 1e4 * rtol;
  o.atol_carbohydrate_mg_m2 = 1e5 * rtol;
  o.integrator = integrator;
  return o;
}

/// A winter night and a summer noon, for tests that need fixed outdoor conditions.
inline OutdoorConditions winter_night() {
  OutdoorConditions w;
  w.t_out_c = -5.0;
  w.vp_out_pa = 350.0;
  w.iglob_w_m2 = 0.0;
  w.wind_m_s = 4.0;
  w.t_sky_c = -20.0;
  w.co2_out_mg_m3 = 780.0;
  w.t_soil_out_c = 8.0;
  w.x_pad_kg_kg = 0.003;
  w.time_of_day_h = 2.0;
  w.day_of_year = 15.0;
  return w;
}

inline OutdoorConditions summer_noon() {
  OutdoorConditions w;
  w.t_out_c = 32.0;
  w.vp_out_pa = 1500.0;
  w.iglob_w_m2 = 850.0;
  w.wind_m_s = 2.0;
  w.t_sky_c = 10.0;
  w.co2_out_mg_m3 = 740.0;
  w.t_soil_out_c = 18.0;
  w.x_pad_kg_kg = 0.0135;
  w.is_day = 1.0;
  w.is_day_smooth = 1.0;
  w.day_rad_sum_mj_m2 = 26.0;
  w.time_of_day_h = 12.5;
  w.day_of_year = 190.0;
  return w;
}

}  // namespace egin::greenhouse::test
