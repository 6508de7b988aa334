// The ESDIRK integrator (esdirk_integrator.hpp) on a problem with a known solution: the
// Prothero–Robinson equation y' = λ (y − φ(t)) + φ'(t), whose solution from y(0) = φ(0) is φ for
// every λ (Hairer & Wanner, Solving ODEs II, §IV.15), one λ per component from −10⁻⁴ (not stiff)
// to −10⁴ s⁻¹ (very stiff), φ(t) = 20 + 5 sin(ω t). Its integrands are φ' and y, whose integrals
// are known too.
#include "egin/greenhouse/esdirk_integrator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace egin::greenhouse {
namespace {

constexpr double kOmega = 2.0 * std::numbers::pi / 86400.0;  // one period a day

double phi(double t) { return 20.0 + 5.0 * std::sin(kOmega * t); }
double phi_dot(double t) { return 5.0 * kOmega * std::cos(kOmega * t); }

class ProtheroRobinson final : public EsdirkProblem {
 public:
  ProtheroRobinson() {
    for (int i = 0; i < kStateCount; ++i) {
      lambda_[i] = -std::pow(10.0, -4.0 + 8.0 * i / (kStateCount - 1));
    }
  }
  bool rates(double t, const double* x, double* dxdt, double* integrands) override {
    ++evaluations;
    for (int i = 0; i < kStateCount; ++i) dxdt[i] = lambda_[i] * (x[i] - phi(t)) + phi_dot(t);
    if (integrands != nullptr) {
      for (int j = 0; j < kIntegrandCount; ++j) integrands[j] = 0.0;
      integrands[0] = phi_dot(t);
      integrands[1] = x[kStateCount - 1];  // the stiffest component
      integrands[2] = x[0];                // the least stiff
    }
    if (fail_evaluations > 0) {
      --fail_evaluations;
      return false;
    }
    return true;
  }
  void jacobian(double /*t*/, const double* /*x*/, EsdirkJacobian& jac) override {
    jac = EsdirkJacobian::Zero();
    for (int i = 0; i < kStateCount; ++i) jac(i, i) = lambda_[i];
  }
  long evaluations = 0;
  long fail_evaluations = 0;  // report this many evaluations as not finite

 private:
  EsdirkState lambda_;
};

double phi_integral(double t) { return 20.0 * t - 5.0 / kOmega * (std::cos(kOmega * t) - 1.0); }

TEST(EsdirkIntegrator, FollowsTheSolutionAtEveryStiffness) {
  ProtheroRobinson p;
  EsdirkOptions o;
  o.rtol = 1e-6;
  o.atol = EsdirkState::Constant(1e-6);
  EsdirkIntegrator integrator(p, o);
  double t = 0.0;
  EsdirkState x = EsdirkState::Constant(phi(0.0));
  EsdirkIntegrands q = EsdirkIntegrands::Zero();
  double worst = 0.0;
  for (int step = 1; step <= 288; ++step) {  // a day in 5-minute calls
    integrator.advance(t, 300.0 * step, x, q);
    ASSERT_DOUBLE_EQ(t, 300.0 * step);
    for (int i = 0; i < kStateCount; ++i) worst = std::max(worst, std::abs(x[i] - phi(t)));
  }
  // The global error stays at the order of the tolerance (20 °C × 1e-6 = 2e-5) for every λ.
  EXPECT_LT(worst, 2e-4);
  EXPECT_NEAR(q[0], phi(t) - phi(0.0), 1e-9);
  EXPECT_NEAR(q[1], phi_integral(t), 1e-5 * phi_integral(t));
  EXPECT_NEAR(q[2], phi_integral(t), 1e-5 * phi_integral(t));
  // A smooth problem: few steps, no error-test failures to speak of.
  EXPECT_LT(integrator.stats().steps, 2000);
  EXPECT_GT(integrator.stats().jacobian_evaluations, 0);
}

TEST(EsdirkIntegrator, ErrorFallsWithTheTolerance) {
  // A tolerance 1000 times tighter cuts the error by more than 10 (the stiff components' order
  // drops towards the stage order, Hairer & Wanner II §IV.15, so not by the full 1000).
  auto error_at = [](double tol) {
    ProtheroRobinson p;
    EsdirkOptions o;
    o.rtol = tol;
    o.atol = EsdirkState::Constant(tol);
    o.max_step_s = 30000.0;
    EsdirkIntegrator integrator(p, o);
    double t = 0.0;
    EsdirkState x = EsdirkState::Constant(phi(0.0));
    EsdirkIntegrands q = EsdirkIntegrands::Zero();
    integrator.advance(t, 30000.0, x, q);  // one call: the steps are the controller's own
    double worst = 0.0;
    for (int i = 0; i < kStateCount; ++i) worst = std::max(worst, std::abs(x[i] - phi(t)));
    return worst;
  };
  const double loose = error_at(1e-5);
  const double tight = error_at(1e-8);
  EXPECT_GT(loose, 0.0);
  EXPECT_LT(tight, loose / 10.0);
}

TEST(EsdirkIntegrator, RetriesSmallerWhenTheRatesAreNotFinite) {
  ProtheroRobinson p;
  EsdirkIntegrator integrator(p, EsdirkOptions{});
  double t = 0.0;
  EsdirkState x = EsdirkState::Constant(phi(0.0));
  EsdirkIntegrands q = EsdirkIntegrands::Zero();
  integrator.advance(t, 600.0, x, q);
  p.fail_evaluations = 2;  // a step fails, then goes on
  integrator.advance(t, 1200.0, x, q);
  EXPECT_DOUBLE_EQ(t, 1200.0);
  EXPECT_NEAR(x[0], phi(t), 1e-3);
  EXPECT_GE(integrator.stats().nonlinear_failures, 1);
  p.fail_evaluations = 1L << 40;  // never finite again: the step shrinks to nothing
  EXPECT_THROW(integrator.advance(t, 1800.0, x, q), std::runtime_error);
}

}  // namespace
}  // namespace egin::greenhouse
