#include "egin/greenhouse/dense_lu_solver.hpp"

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <array>
#include <cmath>
#include <utility>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {
namespace {

constexpr int kN = kStateCount;

/// The factors of M = P L U, kept column-major in `lu` (L below the diagonal, unit diagonal
/// implied; U on and above it), row swaps in `pivot`.
struct Content {
  std::array<double, static_cast<std::size_t>(kN* kN)> lu{};
  std::array<int, kN> pivot{};
  sunindextype last_flag = 0;
};

Content* content(SUNLinearSolver s) { return static_cast<Content*>(s->content); }

/// Right-looking LU with partial pivoting (Golub & Van Loan, Matrix Computations, Alg. 3.4.1),
/// column-major. Returns 0, or k + 1 if the pivot of column k is zero.
int factor(double* a, int* pivot) {
  for (int k = 0; k < kN; ++k) {
    double* col_k = a + static_cast<std::ptrdiff_t>(k) * kN;
    int p = k;
    double largest = std::abs(col_k[k]);
    for (int i = k + 1; i < kN; ++i) {
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
      for (int j = 0; j < kN; ++j) {
        std::swap(a[k + j * kN], a[p + j * kN]);
      }
    }
    const double inv = 1.0 / col_k[k];
    for (int i = k + 1; i < kN; ++i) {
      col_k[i] *= inv;
    }
    for (int j = k + 1; j < kN; ++j) {
      double* col_j = a + static_cast<std::ptrdiff_t>(j) * kN;
      const double f = col_j[k];
      if (f == 0.0) {
        continue;
      }
      for (int i = k + 1; i < kN; ++i) {
        col_j[i] -= f * col_k[i];
      }
    }
  }
  return 0;
}

/// Solves (P L U) x = b in place.
void substitute(const double* a, const int* pivot, double* x) {
  for (int k = 0; k < kN; ++k) {
    if (pivot[k] != k) {
      std::swap(x[k], x[pivot[k]]);
    }
  }
  for (int j = 0; j < kN; ++j) {  // L y = P b, column by column
    const double xj = x[j];
    const double* col = a + static_cast<std::ptrdiff_t>(j) * kN;
    for (int i = j + 1; i < kN; ++i) {
      x[i] -= xj * col[i];
    }
  }
  for (int j = kN - 1; j >= 0; --j) {  // U x = y
    const double* col = a + static_cast<std::ptrdiff_t>(j) * kN;
    x[j] /= col[j];
    const double xj = x[j];
    for (int i = 0; i < j; ++i) {
      x[i] -= xj * col[i];
    }
  }
}

SUNLinearSolver_Type get_type(SUNLinearSolver /*s*/) { return SUNLINEARSOLVER_DIRECT; }
SUNLinearSolver_ID get_id(SUNLinearSolver /*s*/) { return SUNLINEARSOLVER_CUSTOM; }
int initialize(SUNLinearSolver /*s*/) { return SUNLS_SUCCESS; }

int setup(SUNLinearSolver s, SUNMatrix a) {
  if (SUNDenseMatrix_Rows(a) != kN || SUNDenseMatrix_Columns(a) != kN) {
    return SUNLS_ILL_INPUT;
  }
  Content* c = content(s);
  const double* m = SUNDenseMatrix_Data(a);  // column-major
  for (std::size_t i = 0; i < c->lu.size(); ++i) {
    c->lu[i] = m[i];
  }
  c->last_flag = factor(c->lu.data(), c->pivot.data());
  // A zero pivot is recoverable: CVODE retries with a smaller step.
  return c->last_flag == 0 ? SUNLS_SUCCESS : SUNLS_LUFACT_FAIL;
}

int solve(SUNLinearSolver s, SUNMatrix /*a*/, N_Vector x, N_Vector b, sunrealtype /*tol*/) {
  const Content* c = content(s);
  double* out = N_VGetArrayPointer(x);
  const double* in = N_VGetArrayPointer(b);
  if (out != in) {
    for (int i = 0; i < kN; ++i) {
      out[i] = in[i];
    }
  }
  substitute(c->lu.data(), c->pivot.data(), out);
  return SUNLS_SUCCESS;
}

sunindextype last_flag(SUNLinearSolver s) { return content(s)->last_flag; }

int free_solver(SUNLinearSolver s) {
  if (s == nullptr) {
    return SUNLS_SUCCESS;
  }
  delete content(s);
  s->content = nullptr;
  SUNLinSolFreeEmpty(s);
  return SUNLS_SUCCESS;
}

}  // namespace

SUNLinearSolver make_dense_lu_solver(SUNContext ctx) {
  SUNLinearSolver s = SUNLinSolNewEmpty(ctx);
  if (s == nullptr) {
    return nullptr;
  }
  s->ops->gettype = get_type;
  s->ops->getid = get_id;
  s->ops->initialize = initialize;
  s->ops->setup = setup;
  s->ops->solve = solve;
  s->ops->lastflag = last_flag;
  s->ops->free = free_solver;
  s->content = new Content();
  return s;
}

}  // namespace egin::greenhouse
