#include "egin/greenhouse/twin.hpp"

#include <cvodes/cvodes.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "egin/greenhouse/balances.hpp"
#include "egin/greenhouse/climate_rates.hpp"
#include "egin/greenhouse/dense_lu_solver.hpp"
#include "egin/greenhouse/esdirk_integrator.hpp"

namespace egin::greenhouse {
namespace {

enum Quadrature : int {
  kQHeatPipe = 0,
  kQHeatGrowPipe,
  kQHeatAirHeater,
  kQLamp,
  kQInterlight,
  kQCo2Dosed,
  kQTranspiration,
  kQFruitHarvest,
  kQLeafHarvest,
  kQFogWater,
  kQPadWater,
  kQCondensation,
  kQEnergyBoundary,
  kQEnergyCapacity,
  kQWaterBoundary,
  kQWaterCapacity,
  kQCarbonBoundary,
  kQuadratureCount
};

static_assert(kQuadratureCount == kIntegrandCount, "esdirk_integrator.hpp's integrand count");

constexpr double kFarFutureS = 1e12;  // a stop time that never binds

bool same_controls(const Controls& a, const Controls& b) {
  auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return a.boiler_frac == b.boiler_frac && a.grow_pipe_frac == b.grow_pipe_frac &&
         a.roof_vent_frac == b.roof_vent_frac && a.side_vent_frac == b.side_vent_frac &&
         a.thermal_screen_frac == b.thermal_screen_frac &&
         a.blackout_screen_frac == b.blackout_screen_frac &&
         a.shade_screen_frac == b.shade_screen_frac && a.whitewash_frac == b.whitewash_frac &&
         a.co2_dosing_frac == b.co2_dosing_frac && a.lamp_frac == b.lamp_frac &&
         a.interlight_frac == b.interlight_frac && a.air_heater_frac == b.air_heater_frac &&
         a.fog_frac == b.fog_frac && a.pad_fan_frac == b.pad_fan_frac &&
         a.forced_vent_frac == b.forced_vent_frac && same(a.t_pipe_set_c, b.t_pipe_set_c) &&
         same(a.t_grow_pipe_set_c, b.t_grow_pipe_set_c);
}

void check(int flag, const char* what) {
  if (flag < 0) {
    throw std::runtime_error(std::string("greenhouse twin: ") + what + " failed (" +
                             std::to_string(flag) + ")");
  }
}

/// The integrands of the totals (the quadratures' right-hand sides, per second) from one
/// evaluation of the rates at state x: dx/dt and the fluxes. For double, and for AdScalar to
/// differentiate them (Impl::autodiff_jacobian).
template <typename T>
void totals_integrands(const GreenhouseModel& model, const T* x, const T* dxdt, const Fluxes<T>& f,
                       T* g) {
  g[kQHeatPipe] = f.h_boil_pipe_w_m2;
  g[kQHeatGrowPipe] = f.h_boil_gro_pipe_w_m2;
  g[kQHeatAirHeater] = f.h_blow_air_w_m2;
  g[kQLamp] = f.q_lamp_in_w_m2;
  g[kQInterlight] = f.q_int_lamp_in_w_m2;
  g[kQCo2Dosed] = f.mc_ext_air_mg_m2_s;
  g[kQTranspiration] = f.mv_can_air_kg_m2_s;
  g[kQFruitHarvest] = f.mc_fruit_har_mg_m2_s;
  g[kQLeafHarvest] = f.mc_leaf_har_mg_m2_s;
  g[kQFogWater] = f.mv_fog_air_kg_m2_s;
  g[kQPadWater] = f.mv_pad_evaporation_kg_m2_s;
  g[kQCondensation] = f.mv_condensation_kg_m2_s;
  g[kQEnergyBoundary] = energy_boundary_w_m2(f);
  g[kQEnergyCapacity] = energy_capacity_change_w_m2(model, x, dxdt, f);
  g[kQWaterBoundary] = water_boundary_kg_m2_s(f);
  g[kQWaterCapacity] = water_capacity_change_kg_m2_s(x, dxdt, f);
  g[kQCarbonBoundary] = carbon_boundary_mg_co2_m2_s(model, f);
}

}  // namespace

using JacobianMatrix = Eigen::Matrix<double, kStateCount, kStateCount>;
using IntegrandJacobian = Eigen::Matrix<double, kQuadratureCount, kStateCount>;
using StateColumn = Eigen::Matrix<double, kStateCount, 1>;
using IntegrandColumn = Eigen::Matrix<double, kQuadratureCount, 1>;

struct GreenhouseTwin::Impl {
  GreenhouseModel model;
  std::shared_ptr<const WeatherForcing> weather;
  SolverOptions options;
  double start_utc_s = 0.0;
  double t_rel_s = 0.0;  // solver time: seconds since start_utc_s
  StateVector x{};
  std::array<double, kQuadratureCount> q{};
  Controls held;
  const ContinuousController* controller = nullptr;
  bool started = false;
  bool solver_ahead = false;  // the solver's internal time may be past t_rel_s (no stop time)
  JacobianMatrix saved_jacobian = JacobianMatrix::Zero();
  bool have_jacobian = false;
  // The totals' integrands at the last rate evaluation (a Newton iterate at time last_t_rel_s)
  // and their derivative ∂g/∂x, taken with the Jacobian: quad_rhs (below) reuses them.
  bool last_valid = false;
  double last_t_rel_s = 0.0;
  StateColumn last_x = StateColumn::Zero();
  IntegrandColumn last_g = IntegrandColumn::Zero();
  IntegrandJacobian saved_integrand_jacobian = IntegrandJacobian::Zero();
  bool have_integrand_jacobian = false;
  // The outdoor conditions at the last time asked for: the solver asks at the same time for
  // each Newton iterate, the Jacobian and the quadratures.
  mutable double outdoor_t_rel_s = std::numeric_limits<double>::quiet_NaN();
  mutable OutdoorConditions outdoor_last;
  long jacobian_evaluations = 0;
  // The ESDIRK integrator (SolverOptions::integrator) in place of CVODES: the twin's rates and
  // AutoDiff Jacobian seen through EsdirkProblem.
  struct EsdirkRates final : EsdirkProblem {
    Impl* self = nullptr;
    bool rates(double t, const double* state, double* dxdt, double* integrands) override {
      return self->rates_finite(t, state, dxdt, integrands);
    }
    void jacobian(double t, const double* state, EsdirkJacobian& jac) override {
      self->autodiff_jacobian(t, state, jac, false);
    }
  };
  EsdirkRates esdirk_rates;
  std::unique_ptr<EsdirkIntegrator> esdirk;
  SUNContext ctx = nullptr;
  N_Vector y = nullptr;
  N_Vector yq = nullptr;
  SUNMatrix a = nullptr;
  SUNLinearSolver ls = nullptr;
  void* cvode = nullptr;

  ~Impl() {
    if (cvode != nullptr) {
      CVodeFree(&cvode);
    }
    if (ls != nullptr) {
      SUNLinSolFree(ls);
    }
    if (a != nullptr) {
      SUNMatDestroy(a);
    }
    if (yq != nullptr) {
      N_VDestroy(yq);
    }
    if (y != nullptr) {
      N_VDestroy(y);
    }
    if (ctx != nullptr) {
      SUNContext_Free(&ctx);
    }
  }

  [[nodiscard]] const OutdoorConditions& outdoor_at(double t_rel) const {
    if (t_rel != outdoor_t_rel_s) {
      outdoor_last = weather->at(start_utc_s + t_rel);
      outdoor_t_rel_s = t_rel;
    }
    return outdoor_last;
  }

  [[nodiscard]] Controls controls_at(const double* state, const OutdoorConditions& w) const {
    return controller != nullptr ? controller->controls(state, w) : held;
  }

  void rates(double t_rel, const double* state, double* dxdt, Fluxes<double>* fluxes) const {
    const OutdoorConditions& w = outdoor_at(t_rel);
    const Controls u = controls_at(state, w);
    climate_rates(model, state, w, u, dxdt, fluxes);
  }

  /// The rates and, with `integrands` not null, the totals' integrands from the same fluxes;
  /// false if a rate is not finite. Both integrators' right-hand side.
  bool rates_finite(double t_rel, const double* state, double* dxdt, double* integrands) const {
    if (integrands != nullptr) {
      Fluxes<double> f;
      rates(t_rel, state, dxdt, &f);
      totals_integrands(model, state, dxdt, f, integrands);
    } else {
      rates(t_rel, state, dxdt, nullptr);
    }
    for (int i = 0; i < kStateCount; ++i) {
      if (!std::isfinite(dxdt[i])) {
        return false;
      }
    }
    return true;
  }

  /// CVODE's right-hand side. With the totals on and the controls held, the fluxes come along
  /// and the totals' integrands are kept for quad_rhs.
  static int rhs(sunrealtype t, N_Vector yv, N_Vector ydot, void* user) {
    auto* self = static_cast<Impl*>(user);
    const double* state = N_VGetArrayPointer(yv);
    double* dxdt = N_VGetArrayPointer(ydot);
    self->last_valid = false;
    const bool keep = self->options.totals && self->controller == nullptr;
    if (!self->rates_finite(t, state, dxdt, keep ? self->last_g.data() : nullptr)) {
      return 1;  // recoverable: smaller step
    }
    if (keep) {
      self->last_x = Eigen::Map<const StateColumn>(state);
      self->last_t_rel_s = t;
    }
    self->last_valid = keep;
    return 0;
  }

  /// The quadratures' right-hand side g(t, y) at the converged state y of a step. The last rate
  /// evaluation was at a Newton iterate x_m of the same time, so
  ///   g(y) = g(x_m) + ∂g/∂x (y − x_m) + O(|y − x_m|²),
  /// with ∂g/∂x from the last Jacobian (reused, as J is, while CVODE keeps it: its error enters
  /// at second order too). |y − x_m| is the last Newton correction, within the error
  /// tolerance; the balances still close to solver tolerance (balances_test). Saves a full
  /// evaluation of the rates per step. Only with held controls: a continuous controller's
  /// P-bands make g (the heating) a steep function of the state whose derivative changes within
  /// the life of a reused Jacobian (the season's heating moved by 0.09 %). Otherwise — a
  /// controller, another time, no AutoDiff Jacobian — g is evaluated afresh.
  static int quad_rhs(sunrealtype t, N_Vector yv, N_Vector qdot, void* user) {
    const auto* self = static_cast<const Impl*>(user);
    const double* state = N_VGetArrayPointer(yv);
    double* qd = N_VGetArrayPointer(qdot);
    if (self->last_valid && self->last_t_rel_s == t && self->have_integrand_jacobian) {
      Eigen::Map<IntegrandColumn> g(qd);
      g = self->last_g +
          self->saved_integrand_jacobian * (Eigen::Map<const StateColumn>(state) - self->last_x);
      return 0;
    }
    StateVector dxdt{};
    Fluxes<double> f;
    self->rates(t, state, dxdt.data(), &f);
    totals_integrands(self->model, state, dxdt.data(), f, qd);
    return 0;
  }

  /// ∂f/∂x at (t, state) by one AutoDiff pass through the rates (and the controller); with the
  /// totals on, ∂g/∂x of their integrands from the same pass.
  void autodiff_jacobian(double t, const double* state, JacobianMatrix& jac,
                         bool with_integrands = true) {
    std::array<AdScalar, kStateCount> xa;
    for (int i = 0; i < kStateCount; ++i) {
      xa[static_cast<std::size_t>(i)] = AdScalar(state[i], kStateCount, i);
    }
    const OutdoorConditions& w = outdoor_at(t);
    const ControlsT<AdScalar> u =
        controller != nullptr ? controller->controls(xa.data(), w) : cast_controls<AdScalar>(held);
    std::array<AdScalar, kStateCount> fa;
    Fluxes<AdScalar> fluxes;
    const bool integrands = options.totals && with_integrands;
    climate_rates(model, xa.data(), w, u, fa.data(), integrands ? &fluxes : nullptr);
    auto derivative = [](const AdScalar& v, int j) {
      const double d = v.derivatives().size() == kStateCount ? v.derivatives()[j] : 0.0;
      return std::isfinite(d) ? d : 0.0;
    };
    for (int i = 0; i < kStateCount; ++i) {
      for (int j = 0; j < kStateCount; ++j) {
        jac(i, j) = derivative(fa[static_cast<std::size_t>(i)], j);
      }
    }
    if (integrands) {
      std::array<AdScalar, kQuadratureCount> ga;
      totals_integrands(model, xa.data(), fa.data(), fluxes, ga.data());
      for (int i = 0; i < kQuadratureCount; ++i) {
        for (int j = 0; j < kStateCount; ++j) {
          saved_integrand_jacobian(i, j) = derivative(ga[static_cast<std::size_t>(i)], j);
        }
      }
      have_integrand_jacobian = true;
    }
  }

  /// CVODE's linear-system callback: M = I − γ J, with J kept between calls while CVODE says it
  /// may be reused (jok), so only the cheap update runs at most steps.
  static int linear_system(sunrealtype t, N_Vector yv, N_Vector /*fy*/, SUNMatrix m,
                           sunbooleantype jok, sunbooleantype* jcur, sunrealtype gamma, void* user,
                           N_Vector /*tmp1*/, N_Vector /*tmp2*/, N_Vector /*tmp3*/) {
    auto* self = static_cast<Impl*>(user);
    if (jok == SUNFALSE || !self->have_jacobian) {
      self->autodiff_jacobian(t, N_VGetArrayPointer(yv), self->saved_jacobian);
      self->have_jacobian = true;
      ++self->jacobian_evaluations;
      *jcur = SUNTRUE;
    } else {
      *jcur = SUNFALSE;
    }
    Eigen::Map<JacobianMatrix> out(SUNDenseMatrix_Data(m));
    out = -gamma * self->saved_jacobian;
    out.diagonal().array() += 1.0;
    return 0;
  }

  [[nodiscard]] StateColumn absolute_tolerances() const {
    StateColumn atol;
    for (int i = 0; i < kStateCount; ++i) {
      double v = options.atol_temperature_k;
      if (i == kVpAir || i == kVpTop) {
        v = options.atol_vapour_pa;
      }
      if (i == kCo2Air || i == kCo2Top) {
        v = options.atol_co2_mg_m3;
      }
      if (i == kCBuf || i == kCLeaf || i == kCStem || i == kCFruit) {
        v = options.atol_carbohydrate_mg_m2;
      }
      if (i == kTCanSum) {
        v = options.atol_temperature_sum_c_d;
      }
      if (i == kTLamp || i == kTIntLamp || i == kTThScr || i == kTBlScr) {
        v = options.atol_light_node_k;
      }
      atol[i] = v;
    }
    return atol;
  }

  void init_esdirk() {
    if (options.jacobian != JacobianMethod::kAutoDiff) {
      throw std::invalid_argument(
          "greenhouse twin: the ESDIRK integrator needs the AutoDiff Jacobian");
    }
    EsdirkOptions o;
    o.rtol = options.rtol;
    o.atol = absolute_tolerances();
    o.max_step_s = options.max_step_s;
    o.integrands = options.totals;
    esdirk_rates.self = this;
    esdirk = std::make_unique<EsdirkIntegrator>(esdirk_rates, o);
  }

  void init() {
    if (options.integrator == Integrator::kEsdirk) {
      init_esdirk();
      return;
    }
    check(SUNContext_Create(nullptr, &ctx), "SUNContext_Create");
    y = N_VNew_Serial(kStateCount, ctx);
    yq = N_VNew_Serial(kQuadratureCount, ctx);
    for (int i = 0; i < kStateCount; ++i) {
      NV_Ith_S(y, i) = x[static_cast<std::size_t>(i)];
    }
    N_VConst(0.0, yq);
    cvode = CVodeCreate(CV_BDF, ctx);
    if (cvode == nullptr) {
      throw std::runtime_error("greenhouse twin: CVodeCreate failed");
    }
    check(CVodeInit(cvode, &Impl::rhs, 0.0, y), "CVodeInit");
    check(CVodeSetUserData(cvode, this), "CVodeSetUserData");
    N_Vector atol = N_VNew_Serial(kStateCount, ctx);
    const StateColumn atol_values = absolute_tolerances();
    for (int i = 0; i < kStateCount; ++i) {
      NV_Ith_S(atol, i) = atol_values[i];
    }
    check(CVodeSVtolerances(cvode, options.rtol, atol), "CVodeSVtolerances");
    N_VDestroy(atol);
    a = SUNDenseMatrix(kStateCount, kStateCount, ctx);
    ls = options.linear_solver == LinearSolver::kFixedSizeLu ? make_dense_lu_solver(ctx)
                                                             : SUNLinSol_Dense(y, a, ctx);
    if (ls == nullptr) {
      throw std::runtime_error("greenhouse twin: no linear solver");
    }
    check(CVodeSetLinearSolver(cvode, ls, a), "CVodeSetLinearSolver");
    if (options.jacobian == JacobianMethod::kAutoDiff) {
      check(CVodeSetLinSysFn(cvode, &Impl::linear_system), "CVodeSetLinSysFn");
    }
    check(CVodeSetMaxStep(cvode, options.max_step_s), "CVodeSetMaxStep");
    check(CVodeSetMaxOrd(cvode, options.max_order), "CVodeSetMaxOrd");
    check(CVodeSetDeltaGammaMaxLSetup(cvode, options.delta_gamma_max),
          "CVodeSetDeltaGammaMaxLSetup");
    if (options.initial_step_s > 0.0) {
      check(CVodeSetInitStep(cvode, options.initial_step_s), "CVodeSetInitStep");
    }
    check(CVodeSetMaxNumSteps(cvode, 100000), "CVodeSetMaxNumSteps");
    if (options.totals) {
      check(CVodeQuadInit(cvode, &Impl::quad_rhs, yq), "CVodeQuadInit");
      check(CVodeSetQuadErrCon(cvode, SUNFALSE), "CVodeSetQuadErrCon");
    }
  }

  /// Integrates to t_rel_s + dt_s. With `stop` the solver may not step past that time (held
  /// controls change there); without, it steps on and interpolates (controls continuous).
  void step_to(double dt_s, bool stop) {
    if (!(dt_s > 0.0)) {
      throw std::invalid_argument("greenhouse twin: a step must be positive");
    }
    const double t_out = t_rel_s + dt_s;
    if (esdirk) {
      Eigen::Map<StateColumn> xs(x.data());
      Eigen::Map<IntegrandColumn> qs(q.data());
      StateColumn xn = xs;
      IntegrandColumn qn = qs;
      esdirk->advance(t_rel_s, t_out, xn, qn);
      xs = xn;
      qs = qn;
      return;
    }
    // CVODES 6.4 keeps a stop time until it is moved: without one, move it out of the way.
    check(CVodeSetStopTime(cvode, stop ? t_out : t_out + kFarFutureS), "CVodeSetStopTime");
    solver_ahead = !stop;
    sunrealtype t_ret = t_rel_s;
    const int flag = CVode(cvode, t_out, y, &t_ret, CV_NORMAL);
    if (flag < 0) {
      throw std::runtime_error(
          "greenhouse twin: CVODE failed at t = " + std::to_string(start_utc_s + t_ret) +
          " s (flag " + std::to_string(flag) + ")");
    }
    t_rel_s = t_ret;
    for (int i = 0; i < kStateCount; ++i) {
      x[static_cast<std::size_t>(i)] = NV_Ith_S(y, i);
    }
    if (options.totals) {
      check(CVodeGetQuad(cvode, &t_ret, yq), "CVodeGetQuad");
    }
    for (int i = 0; i < kQuadratureCount; ++i) {
      q[static_cast<std::size_t>(i)] = NV_Ith_S(yq, i);
    }
  }

  void reinit() {
    if (esdirk) {
      esdirk->rates_changed();
      solver_ahead = false;
      return;
    }
    for (int i = 0; i < kStateCount; ++i) {
      NV_Ith_S(y, i) = x[static_cast<std::size_t>(i)];
    }
    check(CVodeReInit(cvode, t_rel_s, y), "CVodeReInit");
    for (int i = 0; i < kQuadratureCount; ++i) {
      NV_Ith_S(yq, i) = q[static_cast<std::size_t>(i)];
    }
    if (options.totals) {
      check(CVodeQuadReInit(cvode, yq), "CVodeQuadReInit");
    }
    if (options.initial_step_s > 0.0) {
      check(CVodeSetInitStep(cvode, options.initial_step_s), "CVodeSetInitStep");
    }
    solver_ahead = false;
  }
};

GreenhouseTwin::GreenhouseTwin(GreenhouseModel model, std::shared_ptr<const WeatherForcing> weather,
                               const StateVector& initial, double start_utc_s,
                               SolverOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (!weather) {
    throw std::invalid_argument("greenhouse twin: no weather");
  }
  impl_->model = std::move(model);
  impl_->weather = std::move(weather);
  impl_->options = options;
  impl_->start_utc_s = start_utc_s;
  impl_->x = initial;
  impl_->init();
}

GreenhouseTwin::~GreenhouseTwin() = default;
GreenhouseTwin::GreenhouseTwin(GreenhouseTwin&&) noexcept = default;
GreenhouseTwin& GreenhouseTwin::operator=(GreenhouseTwin&&) noexcept = default;

void GreenhouseTwin::advance(double dt_s, const Controls& controls) {
  Impl& s = *impl_;
  s.last_valid = false;  // the integrands kept were for the controls before
  const bool changed = s.controller != nullptr || !same_controls(controls, s.held);
  s.controller = nullptr;
  s.held = controls;
  // After continuous steps the solver may have integrated past now with the controller's rates:
  // restart from the current state.
  if (s.esdirk) {
    if (changed) {
      s.esdirk->rates_changed();  // a one-step method restarts at no cost
    }
  } else if (s.solver_ahead || (s.started && changed && s.options.reinit_on_control_change)) {
    s.reinit();
  }
  s.started = true;
  s.step_to(dt_s, true);
}

void GreenhouseTwin::advance(double dt_s, const ContinuousController& controller) {
  Impl& s = *impl_;
  s.last_valid = false;
  const bool changed = s.controller != &controller;
  s.controller = &controller;
  // A new controller's rates differ from those the solver may have integrated ahead with.
  if (s.esdirk) {
    if (changed) {
      s.esdirk->rates_changed();
    }
  } else if (s.started && changed && (s.solver_ahead || s.options.reinit_on_control_change)) {
    s.reinit();
  }
  s.started = true;
  s.step_to(dt_s, false);
}

double GreenhouseTwin::time_utc_s() const { return impl_->start_utc_s + impl_->t_rel_s; }
const StateVector& GreenhouseTwin::state() const { return impl_->x; }
const GreenhouseModel& GreenhouseTwin::model() const { return impl_->model; }

OutdoorConditions GreenhouseTwin::outdoor() const { return impl_->outdoor_at(impl_->t_rel_s); }

Controls GreenhouseTwin::controls() const { return impl_->controls_at(impl_->x.data(), outdoor()); }

Outputs GreenhouseTwin::outputs() const {
  const OutdoorConditions w = outdoor();
  return make_outputs(impl_->model, time_utc_s(), impl_->x, impl_->controls_at(impl_->x.data(), w),
                      w);
}

Outputs GreenhouseTwin::outputs(const Controls& controls) const {
  return make_outputs(impl_->model, time_utc_s(), impl_->x, controls, outdoor());
}

Totals GreenhouseTwin::totals() const {
  const auto& q = impl_->q;
  Totals t;
  t.heat_pipe_j_m2 = q[kQHeatPipe];
  t.heat_grow_pipe_j_m2 = q[kQHeatGrowPipe];
  t.heat_air_heater_j_m2 = q[kQHeatAirHeater];
  t.lamp_j_m2 = q[kQLamp];
  t.interlight_j_m2 = q[kQInterlight];
  t.co2_dosed_mg_m2 = q[kQCo2Dosed];
  t.transpiration_kg_m2 = q[kQTranspiration];
  t.fruit_harvest_mg_m2 = q[kQFruitHarvest];
  t.leaf_harvest_mg_m2 = q[kQLeafHarvest];
  t.fog_water_kg_m2 = q[kQFogWater];
  t.pad_water_kg_m2 = q[kQPadWater];
  t.condensation_kg_m2 = q[kQCondensation];
  t.energy_boundary_j_m2 = q[kQEnergyBoundary];
  t.energy_capacity_change_j_m2 = q[kQEnergyCapacity];
  t.water_boundary_kg_m2 = q[kQWaterBoundary];
  t.water_capacity_change_kg_m2 = q[kQWaterCapacity];
  t.carbon_boundary_mg_co2_m2 = q[kQCarbonBoundary];
  return t;
}

SolverStats GreenhouseTwin::stats() const {
  SolverStats s;
  if (impl_->esdirk) {
    return impl_->esdirk->stats();
  }
  void* mem = impl_->cvode;
  CVodeGetNumSteps(mem, &s.steps);
  CVodeGetNumRhsEvals(mem, &s.rhs_evaluations);
  CVodeGetNumJacEvals(mem, &s.jacobian_evaluations);
  if (impl_->options.jacobian == JacobianMethod::kAutoDiff) {
    s.jacobian_evaluations = impl_->jacobian_evaluations;
  }
  CVodeGetNumLinSolvSetups(mem, &s.linear_setups);
  CVodeGetNumErrTestFails(mem, &s.error_test_failures);
  CVodeGetNumNonlinSolvConvFails(mem, &s.nonlinear_failures);
  return s;
}

}  // namespace egin::greenhouse
