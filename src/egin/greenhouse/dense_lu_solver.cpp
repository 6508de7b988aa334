#include "egin/greenhouse/dense_lu_solver.hpp"

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <array>
#include <cmath>
#include <utility>

#include "egin/greenhouse/dense_lu.hpp"
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
  c->last_flag = lu_factor(c->lu.data(), c->pivot.data());
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
  lu_substitute(c->lu.data(), c->pivot.data(), out);
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
