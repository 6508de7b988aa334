#include "egin/greenhouse/esdirk_integrator.hpp"

#include <arkode/arkode_butcher_dirk.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "egin/greenhouse/dense_lu.hpp"

namespace egin::greenhouse {
namespace {

constexpr double kSafety = 0.9;         // step-size controller (Hairer & Wanner II, IV.8)
constexpr double kGrowthMax = 10.0;     // largest step increase
constexpr double kShrinkMin = 0.1;      // smallest factor after a failed error test
constexpr double kNewtonShrink = 0.25;  // step factor after a Newton failure
constexpr double kDivergence = 2.0;     // correction growing by more: diverging
constexpr double kMinStepS = 1e-9;

double wrms(const EsdirkState& v, const EsdirkState& weights) {
  return std::sqrt((v.cwiseProduct(weights)).squaredNorm() / kStateCount);
}

}  // namespace

EsdirkIntegrator::EsdirkIntegrator(EsdirkProblem& problem, const EsdirkOptions& options)
    : problem_(problem), options_(options) {
  ARKodeButcherTable t = ARKodeButcherTable_LoadDIRK(ARKODE_ARK324L2SA_DIRK_4_2_3);
  if (t == nullptr || t->stages > kMaxStages || t->d == nullptr) {
    if (t != nullptr) {
      ARKodeButcherTable_Free(t);
    }
    throw std::runtime_error("greenhouse twin: ARKODE's ARK324L2SA_DIRK_4_2_3 table unavailable");
  }
  stages_ = t->stages;
  embedding_order_ = t->p;
  for (int i = 0; i < stages_; ++i) {
    for (int j = 0; j < stages_; ++j) {
      a_[i][j] = t->A[i][j];
    }
    b_[i] = t->b[i];
    b_hat_[i] = t->d[i];
    c_[i] = t->c[i];
  }
  gamma_ = a_[1][1];
  ARKodeButcherTable_Free(t);
  // The method as used relies on: an explicit first stage, one γ on the diagonal, and the last
  // stage being the solution (stiffly accurate: b is A's last row).
  bool ok = a_[0][0] == 0.0;
  for (int i = 1; i < stages_; ++i) {
    ok = ok && a_[i][i] == gamma_;
  }
  for (int j = 0; j < stages_; ++j) {
    ok = ok && a_[stages_ - 1][j] == b_[j];
  }
  if (!ok) {
    throw std::runtime_error("greenhouse twin: the DIRK table is not a stiffly accurate ESDIRK");
  }
}

bool EsdirkIntegrator::ensure_matrix(double t_s, const EsdirkState& x, double h_s,
                                     bool fresh_jacobian) {
  if (fresh_jacobian || !have_jacobian_) {
    problem_.jacobian(t_s, x.data(), jacobian_);
    ++stats_.jacobian_evaluations;
    have_jacobian_ = true;
    jacobian_age_steps_ = 0;
    lu_h_gamma_ = 0.0;
  }
  const double hg = h_s * gamma_;
  if (lu_h_gamma_ > 0.0 && std::abs(hg / lu_h_gamma_ - 1.0) <= options_.delta_gamma_max) {
    return true;
  }
  Eigen::Map<EsdirkJacobian> m(lu_.data());
  m = -hg * jacobian_;
  m.diagonal().array() += 1.0;
  ++stats_.linear_setups;
  newton_rate_ = 1.0;
  if (lu_factor(lu_.data(), pivot_.data()) != 0) {
    lu_h_gamma_ = 0.0;
    return false;
  }
  lu_h_gamma_ = hg;
  return true;
}

// Simplified Newton for stage i: Y = z + hγ f(tₙ + cᵢh, Y). The factored M = I − hγ_lu J is an
// approximation of the iteration matrix (J kept, hγ_lu within delta_gamma_max of hγ); the
// residual uses the true hγ, so only the convergence rate, not the solution, depends on it.
bool EsdirkIntegrator::solve_stage(int i, double t_s, double h_s, const EsdirkState& z,
                                   const EsdirkState& weights, EsdirkState& y,
                                   const EsdirkState* f_at_y) {
  const double ti = t_s + c_[i] * h_s;
  const double hg = h_s * gamma_;
  EsdirkState f;
  double* g = options_.integrands ? g_[i].data() : nullptr;
  double previous = 0.0;
  const int first = f_at_y != nullptr ? -1 : 0;
  for (int m = first; m < options_.newton_max_iterations; ++m) {
    if (m < 0) {
      f = *f_at_y;
    } else {
      ++stats_.rhs_evaluations;
      if (!problem_.rates(ti, y.data(), f.data(), g)) {
        return false;
      }
    }
    EsdirkState delta = z + hg * f - y;
    lu_substitute(lu_.data(), pivot_.data(), delta.data());
    y += delta;
    const double norm = wrms(delta, weights);
    if (m < 0) {
      previous = norm;
      continue;
    }
    if (m > first) {
      newton_rate_ = std::max(0.3 * newton_rate_, norm / previous);
    }
    // Converged when the correction, scaled by the convergence rate observed (kept from stage to
    // stage and step to step until M is refactored, as CVODE and ARKODE keep theirs), is a
    // small share of the tolerance.
    if (norm * std::min(1.0, newton_rate_) <= options_.newton_coefficient) {
      // The stage's slope from the stage equation, kᵢ = (Yᵢ − z)/(hγ), not f(Yᵢ): f would
      // amplify the remaining Newton error by the stiff eigenvalues (Hairer & Wanner II,
      // §IV.8). The integrands stay those of the last iterate: their
      // error is second order in the last correction, within the Newton tolerance.
      k_[i] = (y - z) / hg;
      return true;
    }
    if (m > first && norm > kDivergence * std::max(previous, options_.newton_coefficient)) {
      return false;  // diverging
    }
    previous = norm;
  }
  return false;
}

bool EsdirkIntegrator::try_step(double t_s, double h_s, const EsdirkState& x,
                                const EsdirkState& weights, double& error_norm) {
  double* g_out = options_.integrands ? g_[0].data() : nullptr;
  if (!first_stage_valid_) {
    ++stats_.rhs_evaluations;
    if (!problem_.rates(t_s, x.data(), k_[0].data(), g_out)) {
      return false;
    }
    first_stage_valid_ = true;
  }
  EsdirkState y = x;
  for (int i = 1; i < stages_; ++i) {
    EsdirkState z = x;
    for (int j = 0; j < i; ++j) {
      z += (h_s * a_[i][j]) * k_[j];
    }
    // Predictors: the first implicit stage starts from xₙ, where f is k₁ already (its first
    // Newton correction costs no evaluation: a linearly implicit Euler step); later stages from
    // z + hγ kᵢ₋₁. (An explicit-Euler start for the first stage failed to converge after
    // control changes twice as often: bench_greenhouse.)
    if (i == 1) {
      y = x;
    } else {
      y = z + (h_s * gamma_) * k_[i - 1];
    }
    if (!solve_stage(i, t_s, h_s, z, weights, y, i == 1 ? &k_[0] : nullptr)) {
      return false;
    }
  }
  EsdirkState e = EsdirkState::Zero();
  for (int j = 0; j < stages_; ++j) {
    e += (h_s * (b_[j] - b_hat_[j])) * k_[j];
  }
  // The error weights from the larger of |xₙ| and |xₙ₊₁| (y is xₙ₊₁).
  EsdirkState w;
  for (int i = 0; i < kStateCount; ++i) {
    w[i] = 1.0 / (options_.rtol * std::max(std::abs(x[i]), std::abs(y[i])) + options_.atol[i]);
  }
  error_norm = wrms(e, w);
  return std::isfinite(error_norm);
}

void EsdirkIntegrator::advance(double& t_s, double t_end_s, EsdirkState& x, EsdirkIntegrands& q) {
  while (t_end_s - t_s > 1e-9 * std::max(1.0, std::abs(t_end_s))) {
    EsdirkState weights;
    for (int i = 0; i < kStateCount; ++i) {
      weights[i] = 1.0 / (options_.rtol * std::abs(x[i]) + options_.atol[i]);
    }
    if (h_s_ <= 0.0) {
      // First step: 1 % of the time the state takes to change by its tolerance.
      if (!first_stage_valid_) {
        ++stats_.rhs_evaluations;
        if (!problem_.rates(t_s, x.data(), k_[0].data(),
                            options_.integrands ? g_[0].data() : nullptr)) {
          throw std::runtime_error("greenhouse twin: rates not finite at the start");
        }
        first_stage_valid_ = true;
      }
      const double fn = wrms(k_[0], weights);
      h_s_ = fn > 0.0 ? std::clamp(0.01 / fn, 1e-3, options_.max_step_s) : options_.max_step_s;
    }
    const double wanted = std::min(h_s_, options_.max_step_s);
    const double remaining = t_end_s - t_s;
    // Land on t_end: the last step takes what remains, and a remainder under two steps is
    // split in two equal ones rather than leaving a sliver.
    double h = wanted;
    if (wanted >= remaining * (1.0 - 1e-12)) {
      h = remaining;
    } else if (2.0 * wanted > remaining) {
      h = 0.5 * remaining;
    }
    bool fresh_jacobian = false;
    for (;;) {
      if (h_s_ < kMinStepS) {
        throw std::runtime_error("greenhouse twin: ESDIRK step size below 1e-9 s at t = " +
                                 std::to_string(t_s));
      }
      double error_norm = 0.0;
      const double hh = std::min(h, h_s_);
      bool ok = ensure_matrix(t_s, x, hh, fresh_jacobian);
      if (ok) {
        ok = try_step(t_s, hh, x, weights, error_norm);
      }
      if (!ok) {
        ++stats_.nonlinear_failures;
        if (!fresh_jacobian && jacobian_age_steps_ > 0) {
          fresh_jacobian = true;  // retry with a current J first
        } else {
          h_s_ = hh * kNewtonShrink;
          fresh_jacobian = false;
        }
        continue;
      }
      fresh_jacobian = false;
      const double factor = error_norm > 0.0
                                ? kSafety * std::pow(error_norm, -1.0 / (embedding_order_ + 1))
                                : kGrowthMax;
      if (error_norm > 1.0) {
        ++stats_.error_test_failures;
        h_s_ = hh * std::max(kShrinkMin, factor);
        continue;
      }
      // Accept: xₙ₊₁ = Y_s (stiffly accurate), its slope is the next step's first stage.
      EsdirkState next = x;
      for (int j = 0; j < stages_; ++j) {
        next += (hh * b_[j]) * k_[j];
      }
      x = next;
      if (options_.integrands) {
        for (int j = 0; j < stages_; ++j) {
          q += (hh * b_[j]) * g_[j];
        }
      }
      k_[0] = k_[stages_ - 1];
      g_[0] = g_[stages_ - 1];
      t_s = (hh == remaining) ? t_end_s : t_s + hh;
      ++stats_.steps;
      ++jacobian_age_steps_;
      if (jacobian_age_steps_ >= options_.jacobian_max_age_steps) {
        have_jacobian_ = false;
      }
      // A step shortened to land on t_end says nothing against the longer one wanted.
      const double proposed = hh * std::min(kGrowthMax, factor);
      h_s_ = (hh < wanted) ? std::max(proposed, wanted) : proposed;
      break;
    }
  }
}

}  // namespace egin::greenhouse
