// A one-step integrator for the twin: an explicit-first-stage, singly diagonally implicit
// Runge–Kutta method (ESDIRK) with an embedded error estimate, its Butcher table ARKODE's
// ARK324L2SA_DIRK_4_2_3 (Kennedy & Carpenter 2003, "Additive Runge–Kutta schemes for
// convection–diffusion–reaction equations", Appl. Numer. Math. 44: the implicit half
// of ARK3(2)4L[2]SA: order 3, embedded order 2, L-stable, stiffly accurate), loaded from
// libsundials-arkode rather than copied.
//
// Why a second integrator beside CVODES's BDF: with controls held over 5-minute steps the rates
// jump at every step boundary. A multistep method's history then describes the old rates: BDF
// stays at order 1–2 and takes ~4.9 steps per 5 minutes (docs/benchmarks.md). A one-step method
// has no history to lose: it takes ~1.3 steps per 5 minutes at the same tolerances.
//
// Per step (Hairer & Wanner, Solving ODEs II, §IV.8): stage 1 is k₁ = f(tₙ, xₙ) (reused from
// the last stage when the rates did not change — the table is stiffly accurate); each later
// stage solves Yᵢ = xₙ + h Σⱼ<ᵢ aᵢⱼ kⱼ + h γ f(tₙ + cᵢh, Yᵢ) by a simplified Newton iteration
// with M = I − hγJ (one LU for all stages, J kept over steps); kᵢ = f(Yᵢ) at the converged
// stage. xₙ₊₁ = Y_s; the error estimate h Σ (bⱼ − b̂ⱼ) kⱼ in the weighted RMS norm of
// CVODE's (rtol·|x| + atol) is kept ≤ 1 by an elementary step-size controller
// h ← h · 0.9 · err^(−1/(p̂+1)). Integrals of the problem's integrands g (the twin's totals) are
// carried by the same quadrature weights: qₙ₊₁ = qₙ + h Σ bⱼ g(Yⱼ).
#pragma once

#include <Eigen/Core>

#include <array>

#include "egin/greenhouse/scalar.hpp"
#include "egin/greenhouse/solver_stats.hpp"

namespace egin::greenhouse {

inline constexpr int kIntegrandCount = 17;  // the twin's totals (twin.cpp)

using EsdirkState = Eigen::Matrix<double, kStateCount, 1>;
using EsdirkIntegrands = Eigen::Matrix<double, kIntegrandCount, 1>;
using EsdirkJacobian = Eigen::Matrix<double, kStateCount, kStateCount>;

/// The right-hand side the integrator advances.
class EsdirkProblem {
 public:
  virtual ~EsdirkProblem() = default;
  /// dx/dt at (t, x); with `integrands` not null, the integrands of the totals too. False when
  /// a rate is not finite (the step is retried smaller).
  virtual bool rates(double t, const double* x, double* dxdt, double* integrands) = 0;
  /// ∂f/∂x at (t, x), column-major.
  virtual void jacobian(double t, const double* x, EsdirkJacobian& jac) = 0;
};

struct EsdirkOptions {
  double rtol = 1e-5;
  EsdirkState atol = EsdirkState::Constant(1e-2);
  double max_step_s = 3600.0;
  bool integrands = true;  // integrate the problem's integrands
  /// Newton: converged when the correction's weighted norm, scaled by the observed rate, is
  /// below this share of the error tolerance (ARKODE's default nlscoef 0.1).
  double newton_coefficient = 0.1;
  int newton_max_iterations = 4;
  /// Refactor M when hγ moved by more than this share since its last factorisation.
  double delta_gamma_max = 0.2;
  /// Re-evaluate J after this many steps even when Newton converges.
  int jacobian_max_age_steps = 50;
};

class EsdirkIntegrator final {
 public:
  EsdirkIntegrator(EsdirkProblem& problem, const EsdirkOptions& options);
  ~EsdirkIntegrator() = default;
  EsdirkIntegrator(const EsdirkIntegrator&) = delete;
  EsdirkIntegrator& operator=(const EsdirkIntegrator&) = delete;

  /// The rates changed at the current time (new held controls): the next step evaluates its
  /// first stage afresh.
  void rates_changed() { first_stage_valid_ = false; }

  /// Integrates from t_s to exactly t_end_s, updating x and the integrals q. Throws
  /// std::runtime_error if the step size falls below 1e-9 s.
  void advance(double& t_s, double t_end_s, EsdirkState& x, EsdirkIntegrands& q);

  [[nodiscard]] const SolverStats& stats() const { return stats_; }

 private:
  static constexpr int kMaxStages = 4;
  bool try_step(double t_s, double h_s, const EsdirkState& x, const EsdirkState& weights,
                double& error_norm);
  bool solve_stage(int i, double t_s, double h_s, const EsdirkState& z, const EsdirkState& weights,
                   EsdirkState& y, const EsdirkState* f_at_y);
  bool ensure_matrix(double t_s, const EsdirkState& x, double h_s, bool fresh_jacobian);

  EsdirkProblem& problem_;
  EsdirkOptions options_;
  // The Butcher table (ARKODE's), copied in: A, b, b̂ (embedding), c; s stages, γ = a_ii.
  int stages_ = 0;
  int embedding_order_ = 0;
  std::array<std::array<double, kMaxStages>, kMaxStages> a_{};
  std::array<double, kMaxStages> b_{};
  std::array<double, kMaxStages> b_hat_{};
  std::array<double, kMaxStages> c_{};
  double gamma_ = 0.0;

  std::array<EsdirkState, kMaxStages> k_{};
  std::array<EsdirkIntegrands, kMaxStages> g_{};
  bool first_stage_valid_ = false;
  double h_s_ = 0.0;  // the step size to try next (0: estimate)

  EsdirkJacobian jacobian_ = EsdirkJacobian::Zero();
  bool have_jacobian_ = false;
  int jacobian_age_steps_ = 0;
  std::array<double, static_cast<std::size_t>(kStateCount* kStateCount)> lu_{};
  std::array<int, kStateCount> pivot_{};
  double lu_h_gamma_ = 0.0;   // hγ of the factored matrix; 0: none
  double newton_rate_ = 1.0;  // the Newton iteration's last observed convergence rate

  SolverStats stats_;
};

}  // namespace egin::greenhouse
