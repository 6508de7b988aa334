// Lumped cover layers (Vanthoor 2011 §8.4 with Katzin 2020 Eq. A4–A6): two layers, 1 above 2,
// combine into one with
//
//   τ12   = τ1 τ2 / (1 − ρ1↓ ρ2↑)                       (Vanthoor Eq. 8.14; Katzin 2020 Eq. A4)
//   ρ12↑  = ρ1↑ + τ1² ρ2↑ / (1 − ρ1↓ ρ2↑)                 (Eq. 8.15; Katzin 2020 Eq. A5)
//   ρ12↓  = ρ2↓ + τ2² ρ1↓ / (1 − ρ1↓ ρ2↑)                 (Eq. 8.15; Katzin 2020 Eq. A6)
//
// and a movable layer (screen, whitewash) closed to a share u acts as τ = 1 − u (1 − τ_screen),
// ρ = u ρ_screen (Vanthoor p. 208). Separately for PAR, NIR and FIR.
#pragma once

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

template <typename T>
struct Layer {
  T tau;
  T rho_up;
  T rho_dn;
};

/// A fixed layer with equal reflection up and down.
template <typename T>
Layer<T> fixed_layer(double tau, double rho) {
  return {T(tau), T(rho), T(rho)};
}

/// A movable layer closed to share `u`.
template <typename T>
Layer<T> movable_layer(const T& u, double tau, double rho) {
  const T r = u * rho;
  return {T(1.0 - u * (1.0 - tau)), r, r};
}

/// Layer `top` above layer `bottom`, as one layer.
template <typename T>
Layer<T> combine(const Layer<T>& top, const Layer<T>& bottom) {
  const T denom = 1.0 - top.rho_dn * bottom.rho_up;
  return {T(top.tau * bottom.tau / denom),
          T(top.rho_up + top.tau * top.tau * bottom.rho_up / denom),
          T(bottom.rho_dn + bottom.tau * bottom.tau * top.rho_dn / denom)};
}

}  // namespace egin::greenhouse
