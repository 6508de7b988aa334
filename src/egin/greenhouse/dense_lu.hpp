// LU with partial pivoting of a dense kStateCount × kStateCount matrix, column-major, the size
// fixed at compile time so the loops vectorise (this header's functions are inline: each user
// compiles them at its own optimisation, -O3 for the twin's solver files). The twin's Newton
// matrices I − γJ are factored with it by both integrators (dense_lu_solver.hpp for CVODES,
// esdirk_integrator.hpp).
#pragma once

#include <cmath>
#include <cstddef>
#include <utility>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {

inline constexpr int kLuN = kStateCount;  // the matrices' order

/// Right-looking LU with partial pivoting (Golub & Van Loan, Matrix Computations, Alg. 3.4.1),
/// column-major. Returns 0, or k + 1 if the pivot of column k is zero.
inline int lu_factor(double* a, int* pivot) {
  for (int k = 0; k < kLuN; ++k) {
    double* col_k = a + static_cast<std::ptrdiff_t>(k) * kLuN;
    int p = k;
    double largest = std::abs(col_k[k]);
    for (int i = k + 1; i < kLuN; ++i) {
      const double v = std::abs(col_k[i]);
      if (v > largest) {
        largest = v;
        p = i;
      }
    }
    pivot[k] = p;
    if (largest == 0.0) {
      return k + 1;
    }
    if (p != k) {
      for (int j = 0; j < kLuN; ++j) {
        std::swap(a[k + j * kLuN], a[p + j * kLuN]);
      }
    }
    const double inv = 1.0 / col_k[k];
    for (int i = k + 1; i < kLuN; ++i) {
      col_k[i] *= inv;
    }
    for (int j = k + 1; j < kLuN; ++j) {
      double* col_j = a + static_cast<std::ptrdiff_t>(j) * kLuN;
      const double f = col_j[k];
      if (f == 0.0) {
        continue;
      }
      for (int i = k + 1; i < kLuN; ++i) {
        col_j[i] -= f * col_k[i];
      }
    }
  }
  return 0;
}

/// Solves (P L U) x = b in place.
inline void lu_substitute(const double* a, const int* pivot, double* x) {
  for (int k = 0; k < kLuN; ++k) {
    if (pivot[k] != k) {
      std::swap(x[k], x[pivot[k]]);
    }
  }
  for (int j = 0; j < kLuN; ++j) {  // L y = P b, column by column
    const double xj = x[j];
    const double* col = a + static_cast<std::ptrdiff_t>(j) * kLuN;
    for (int i = j + 1; i < kLuN; ++i) {
      x[i] -= xj * col[i];
    }
  }
  for (int j = kLuN - 1; j >= 0; --j) {  // U x = y
    const double* col = a + static_cast<std::ptrdiff_t>(j) * kLuN;
    x[j] /= col[j];
    const double xj = x[j];
    for (int i = 0; i < j; ++i) {
      x[i] -= xj * col[i];
    }
  }
}

}  // namespace egin::greenhouse
