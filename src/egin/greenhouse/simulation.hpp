// A season (or any stretch) of the twin under one controller: the loop a climate computer would
// run — every control step it reads the sensors (Outputs), decides, and the twin advances — with
// a time series and the season summary:
//
// | summary                | unit     | what                                                  |
// |------------------------|----------|-------------------------------------------------------|
// | heating_mj_m2          | MJ m⁻²   | boiler heat to pipes and grow pipes + air heater      |
// | lamp_electricity_mj_m2 | MJ m⁻²   | top lights + interlights                              |
// | co2_dosed_kg_m2        | kg m⁻²   | CO2 supplied                                          |
// | transpiration_l_m2     | L m⁻²    | canopy transpiration                                  |
// | fresh_fruit_kg_m2      | kg m⁻²   | harvest as fresh fruit (6 % dry matter, GreenLight)   |
// | hours outside bands    | h        | air temperature below/above, RH above the bands       |
// | fog, pad water         | L m⁻²    | water evaporated by fogging and the pad               |
//
// Totals are integrals of the model's fluxes (CVODES quadratures), not sums of samples.
#pragma once

#include <functional>
#include <limits>
#include <memory>

#include "egin/greenhouse/controller.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/state.hpp"
#include "egin/greenhouse/twin.hpp"
#include "egin/greenhouse/weather_forcing.hpp"

namespace egin::greenhouse {

struct SimulationOptions {
  double start_utc_s = std::numeric_limits<double>::quiet_NaN();  // NaN: the weather's start
  double duration_s = std::numeric_limits<double>::quiet_NaN();   // NaN: to the weather's end
  double step_s = 300.0;                                          // control and output step
  /// Use a controller's sampled form even when it offers a continuous one.
  bool sampled = false;
  InitialCrop crop = InitialCrop::kYoung;
  SolverOptions solver;
  /// Choose solver.integrator by the loop: the one-step ESDIRK when the controls are held over
  /// each step (a sampled controller, a replay), CVODES's BDF for a controller evaluated inside
  /// the rates (twin.hpp, Integrator). False: solver.integrator as given.
  bool integrator_by_loop = true;
  double t_band_low_c = 15.0;
  double t_band_high_c = 30.0;
  double rh_band_high_pct = 90.0;
};

struct SeasonSummary {
  double days = 0.0;
  double heating_mj_m2 = 0.0;
  double lamp_electricity_mj_m2 = 0.0;
  double co2_dosed_kg_m2 = 0.0;
  double transpiration_l_m2 = 0.0;
  double fresh_fruit_kg_m2 = 0.0;
  double fog_water_l_m2 = 0.0;
  double pad_water_l_m2 = 0.0;
  double mean_t_air_c = 0.0;
  double mean_rh_air_pct = 0.0;
  double hours_below_t_band = 0.0;
  double hours_above_t_band = 0.0;
  double hours_above_rh_band = 0.0;
  Totals totals;
  SolverStats solver;
};

/// Called with the outputs at the start and after every step.
using StepObserver = std::function<void(const Outputs&)>;
/// Called after every step with the share of the run done (0–1).
using ProgressObserver = std::function<void(double done)>;

/// Runs `controller` on the twin of `model` in `weather`. Throws std::runtime_error if the solver
/// fails, std::invalid_argument for a bad time span (the command checks its flags first).
SeasonSummary run_simulation(const GreenhouseModel& model,
                             const std::shared_ptr<const WeatherForcing>& weather,
                             Controller& controller, const SimulationOptions& options,
                             const StepObserver& on_step = {},
                             const ProgressObserver& on_progress = {});

}  // namespace egin::greenhouse
