#include "egin/greenhouse/simulation.hpp"

#include <cmath>
#include <stdexcept>

namespace egin::greenhouse {

SeasonSummary run_simulation(const GreenhouseModel& model,
                             const std::shared_ptr<const WeatherForcing>& weather,
                             Controller& controller, const SimulationOptions& options,
                             const StepObserver& on_step, const ProgressObserver& on_progress) {
  if (!(options.step_s > 0.0)) {
    throw std::invalid_argument("simulation: the step must be positive");
  }
  const double start =
      std::isnan(options.start_utc_s) ? weather->first_utc_s() : options.start_utc_s;
  const double duration =
      std::isnan(options.duration_s) ? weather->end_utc_s() - start : options.duration_s;
  if (!(duration > 0.0)) {
    throw std::invalid_argument("simulation: nothing to simulate");
  }
  const auto steps = static_cast<long>(std::ceil(duration / options.step_s - 1e-9));

  const ContinuousController* continuous = options.sampled ? nullptr : controller.continuous();
  SolverOptions solver = options.solver;
  if (options.integrator_by_loop) {
    solver.integrator = continuous != nullptr ? Integrator::kCvodesBdf : Integrator::kEsdirk;
  }
  GreenhouseTwin twin(model, weather, greenlight_initial_state(options.crop), start, solver);

  SeasonSummary s;
  double t_sum = 0.0;
  double rh_sum = 0.0;
  double weight_sum = 0.0;
  Outputs now = continuous != nullptr
                    ? twin.outputs(continuous->controls(twin.state().data(), twin.outdoor()))
                    : twin.outputs();
  if (on_step) {
    on_step(now);
  }
  for (long i = 0; i < steps; ++i) {
    const double dt = std::min(options.step_s, duration - static_cast<double>(i) * options.step_s);
    // The state over this step is judged by the sensors at its start.
    const double h = dt / 3600.0;
    if (now.t_air_c < options.t_band_low_c) {
      s.hours_below_t_band += h;
    }
    if (now.t_air_c > options.t_band_high_c) {
      s.hours_above_t_band += h;
    }
    if (now.rh_air_pct > options.rh_band_high_pct) {
      s.hours_above_rh_band += h;
    }
    t_sum += now.t_air_c * dt;
    rh_sum += now.rh_air_pct * dt;
    weight_sum += dt;
    if (continuous != nullptr) {
      twin.advance(dt, *continuous);
    } else {
      twin.advance(dt, controller.decide(now, dt));
    }
    now = twin.outputs();
    if (on_step) {
      on_step(now);
    }
    if (on_progress) {
      on_progress(static_cast<double>(i + 1) / static_cast<double>(steps));
    }
  }
  const Totals t = twin.totals();
  s.totals = t;
  s.solver = twin.stats();
  s.days = duration / 86400.0;
  s.heating_mj_m2 = (t.heat_pipe_j_m2 + t.heat_grow_pipe_j_m2 + t.heat_air_heater_j_m2) / 1e6;
  s.lamp_electricity_mj_m2 = (t.lamp_j_m2 + t.interlight_j_m2) / 1e6;
  s.co2_dosed_kg_m2 = t.co2_dosed_mg_m2 / 1e6;
  s.transpiration_l_m2 = t.transpiration_kg_m2;
  s.fresh_fruit_kg_m2 = t.fruit_harvest_mg_m2 / 1e6 / model.design.crop.fruit_dm_fraction;
  s.fog_water_l_m2 = t.fog_water_kg_m2;
  s.pad_water_l_m2 = t.pad_water_kg_m2;
  s.mean_t_air_c = weight_sum > 0.0 ? t_sum / weight_sum : now.t_air_c;
  s.mean_rh_air_pct = weight_sum > 0.0 ? rh_sum / weight_sum : now.rh_air_pct;
  return s;
}

}  // namespace egin::greenhouse
