// The scalar types the greenhouse model is instantiated for, and the few non-smooth helpers the
// model needs written once so that both types get them right:
//
// | type       | what                                                                  |
// |------------|-----------------------------------------------------------------------|
// | double     | plain evaluation (the solver's right-hand side)                        |
// | AdScalar   | Eigen forward-mode AutoDiff with one derivative per state: one pass of |
// |            | the rates gives the exact Jacobian ∂f/∂x (unsupported/Eigen/AutoDiff)  |
//
// Helpers (GreenLight defines min, max and ifElse the same way; Katzin 2021 Eq. 4.4 is the
// logistic of the P-band controller): value_of, if_else, min_of, max_of, logistic, pow_abs,
// sqrt_nonneg. pow_abs and sqrt_nonneg return a zero derivative where |x|^p has an infinite one
// (x = 0, e.g. equal temperatures on both sides of a convective film): the value is exact, the
// Jacobian finite. Nothing here knows about greenhouses.
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

namespace egin::greenhouse {

/// Number of model states (state.hpp checks it against the state list).
inline constexpr int kStateCount = 27;

using AdDerivatives = Eigen::Matrix<double, kStateCount, 1>;
using AdScalar = Eigen::AutoDiffScalar<AdDerivatives>;

inline double value_of(double x) { return x; }
inline double value_of(const AdScalar& x) { return x.value(); }

/// `condition ? a : b`, with the condition decided on values (GreenLight's ifElse).
template <typename T>
T if_else(bool condition, const T& a, const T& b) {
  return condition ? a : b;
}

/// GreenLight's min(a, b) = (a<b)·a + (b<=a)·b.
template <typename T>
T min_of(const T& a, const T& b) {
  return value_of(a) < value_of(b) ? a : b;
}
/// GreenLight's max(a, b) = (a>b)·a + (b>=a)·b.
template <typename T>
T max_of(const T& a, const T& b) {
  return value_of(a) > value_of(b) ? a : b;
}

/// 1 / (1 + exp(−z)), evaluated without overflow for large |z| (also in its derivative).
template <typename T>
T logistic(const T& z) {
  using std::exp;
  if (value_of(z) >= 0.0) {
    return T(1.0) / (T(1.0) + exp(-z));
  }
  const T e = exp(z);
  return e / (T(1.0) + e);
}

/// |x|^p for p in (0, 1): exact value, derivative set to 0 where it is infinite (|x| < 1e-12).
template <typename T>
T pow_abs(const T& x, double p) {
  using std::abs;
  using std::pow;
  if (std::abs(value_of(x)) < 1e-12) {
    return T(std::pow(std::abs(value_of(x)), p));
  }
  return pow(abs(x), p);
}

/// (x² + ε²)^(p/2): |x|^p made smooth through x = 0 (differs from |x|^p only for |x| ≲ ε).
template <typename T>
T pow_abs_smooth(const T& x, double p, double eps) {
  using std::pow;
  return pow(T(x * x + eps * eps), 0.5 * p);
}

/// √x for x ≥ 0 (negative x is taken as 0): derivative set to 0 where it is infinite.
template <typename T>
T sqrt_nonneg(const T& x) {
  using std::sqrt;
  if (value_of(x) < 1e-300) {
    return T(0.0);
  }
  return sqrt(x);
}

}  // namespace egin::greenhouse
