// GreenhouseTwin: the greenhouse model integrated in time by SUNDIALS CVODES (CVODE with
// quadratures: variable-order BDF, Newton iteration with a dense direct linear solver) or by the
// one-step ESDIRK integrator of esdirk_integrator.hpp (SolverOptions::integrator: the faster and
// more accurate choice when held controls change at every step), advanced one control step at a
// time so a climate computer can close the loop:
//
//   GreenhouseTwin twin(model, weather, greenlight_initial_state(InitialCrop::kYoung), t0_utc_s);
//   for (...) { Controls u = computer.decide(twin.outputs()); twin.advance(300.0, u); }
//
// Controls are either held constant over a step (advance(dt, Controls) — a sampled controller)
// or evaluated inside the model's rates at every solver evaluation (advance(dt,
// ContinuousController) — GreenLight's own way of closing the loop, continuous in time).
//
// The Jacobian ∂f/∂x is exact, from one forward-mode AutoDiff pass through the templated rates
// (scalar.hpp), or CVODE's dense difference quotients (SolverOptions::jacobian). Season totals
// and the balance terms of balances.hpp are integrated alongside as CVODES quadratures, their
// integrands taken from the solver's last rate evaluation and corrected to the converged state
// by their AutoDiff derivative (twin.cpp, Impl::quad_rhs), not evaluated afresh; with ESDIRK,
// by the method's own quadrature weights over its stages.
//
// Not thread-safe; one twin per thread. Time is seconds since 1970-01-01T00:00Z.
#pragma once

#include <array>
#include <memory>

#include "egin/greenhouse/controls.hpp"
#include "egin/greenhouse/model.hpp"
#include "egin/greenhouse/outputs.hpp"
#include "egin/greenhouse/scalar.hpp"
#include "egin/greenhouse/solver_stats.hpp"
#include "egin/greenhouse/state.hpp"
#include "egin/greenhouse/weather_forcing.hpp"

namespace egin::greenhouse {

/// A controller the solver evaluates inside the model's rates: controls as functions of the
/// state and the outdoor conditions, for both scalar types (the AdScalar one gives the Jacobian
/// the controller's feedback).
class ContinuousController {
 public:
  virtual ~ContinuousController() = default;
  [[nodiscard]] virtual Controls controls(const double* x, const OutdoorConditions& w) const = 0;
  [[nodiscard]] virtual ControlsT<AdScalar> controls(const AdScalar* x,
                                                     const OutdoorConditions& w) const = 0;
};

enum class JacobianMethod { kAutoDiff, kDifferenceQuotient };
/// Factorisation of the Newton matrix: the twin's fixed-size LU (dense_lu_solver.hpp) or
/// SUNLinSol_Dense; the same algorithm (LU with partial pivoting).
enum class LinearSolver { kFixedSizeLu, kSundialsDense };
/// The time integrator: CVODES's variable-order BDF (the default; GreenLight's parity and the
/// balances are established with it), or the one-step ESDIRK of esdirk_integrator.hpp — about
/// twice as fast when held controls change at every step, as in a climate computer's loop,
/// because a one-step method loses no history at the jumps (docs/benchmarks.md). ESDIRK needs
/// the AutoDiff Jacobian and ignores `linear_solver`, `max_order` and `reinit_on_control_change`.
enum class Integrator { kCvodesBdf, kEsdirk };

struct SolverOptions {
  // Defaults: GreenLight 2.0.5's own series are matched to < 0.1 % (tests/reference); GreenLight
  // solves with rtol 1e-6 and atol 1e-3 for every state.
  double rtol = 1e-5;
  double atol_temperature_k = 1e-2;
  /// For the light nodes with small heat capacity (lamps, interlights, screens): their fast
  /// transients after a switch need no more accuracy than the air they heat.
  double atol_light_node_k = 1e-2;
  double atol_vapour_pa = 1.0;
  double atol_co2_mg_m3 = 1.0;  // 0.55 ppm
  double atol_carbohydrate_mg_m2 = 1.0;
  double atol_temperature_sum_c_d = 1e-2;
  double max_step_s = 3600.0;
  JacobianMethod jacobian = JacobianMethod::kAutoDiff;
  LinearSolver linear_solver = LinearSolver::kFixedSizeLu;
  /// Restart the BDF history when held controls change between steps (exact for step inputs,
  /// slower); otherwise the error test absorbs the jump.
  bool reinit_on_control_change = false;
  /// First step after a (re)start, s; 0 lets CVODE estimate it.
  double initial_step_s = 0.0;
  /// Integrate the totals (twin.totals(): heating, lamps, CO2, water, harvest, balances) as
  /// quadratures. Off, totals() stays zero and a step costs about 15 % less (CVODES's work on
  /// the quadrature history; docs/benchmarks.md).
  bool totals = true;
  /// Highest BDF order (CVODE allows 1–5).
  int max_order = 5;
  /// Refactor the Newton matrix when γ = h β0 changed by more than this share (CVODE: 0.3).
  double delta_gamma_max = 0.3;
  Integrator integrator = Integrator::kCvodesBdf;
};

/// Integrals since the start (per m² floor). The balance terms: balances.hpp.
struct Totals {
  double heat_pipe_j_m2 = 0.0;
  double heat_grow_pipe_j_m2 = 0.0;
  double heat_air_heater_j_m2 = 0.0;
  double lamp_j_m2 = 0.0;
  double interlight_j_m2 = 0.0;
  double co2_dosed_mg_m2 = 0.0;
  double transpiration_kg_m2 = 0.0;
  double fruit_harvest_mg_m2 = 0.0;  // CH2O
  double leaf_harvest_mg_m2 = 0.0;   // CH2O
  double fog_water_kg_m2 = 0.0;
  double pad_water_kg_m2 = 0.0;
  double condensation_kg_m2 = 0.0;
  double energy_boundary_j_m2 = 0.0;
  double energy_capacity_change_j_m2 = 0.0;
  double water_boundary_kg_m2 = 0.0;
  double water_capacity_change_kg_m2 = 0.0;
  double carbon_boundary_mg_co2_m2 = 0.0;
};

class GreenhouseTwin final {
 public:
  /// `weather` must cover the times the twin is advanced to (it is held beyond its ends).
  GreenhouseTwin(GreenhouseModel model, std::shared_ptr<const WeatherForcing> weather,
                 const StateVector& initial, double start_utc_s, SolverOptions options = {});
  ~GreenhouseTwin();
  GreenhouseTwin(const GreenhouseTwin&) = delete;
  GreenhouseTwin& operator=(const GreenhouseTwin&) = delete;
  GreenhouseTwin(GreenhouseTwin&&) noexcept;
  GreenhouseTwin& operator=(GreenhouseTwin&&) noexcept;

  /// Advances by dt_s with `controls` held constant. Throws std::runtime_error if the solver
  /// fails (the state stays at the last good time).
  void advance(double dt_s, const Controls& controls);
  /// Advances by dt_s with `controller` evaluated inside the rates.
  void advance(double dt_s, const ContinuousController& controller);

  [[nodiscard]] double time_utc_s() const;
  [[nodiscard]] const StateVector& state() const;
  /// The controls in force at the current time (the last held ones, or the controller's value).
  [[nodiscard]] Controls controls() const;
  [[nodiscard]] Outputs outputs() const;
  /// Outputs as they would be under `controls` (e.g. a controller's first decision).
  [[nodiscard]] Outputs outputs(const Controls& controls) const;
  [[nodiscard]] OutdoorConditions outdoor() const;
  [[nodiscard]] Totals totals() const;
  [[nodiscard]] SolverStats stats() const;
  [[nodiscard]] const GreenhouseModel& model() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::greenhouse
