#include "egin/greenhouse/dense_lu_solver.hpp"

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <Eigen/LU>

#include "egin/greenhouse/scalar.hpp"

namespace egin::greenhouse {
namespace {

using Matrix = Eigen::Matrix<double, kStateCount, kStateCount>;
using Vector = Eigen::Matrix<double, kStateCount, 1>;

struct Content {
  Eigen::PartialPivLU<Matrix> lu;
  sunindextype last_flag = 0;
};

Content* content(SUNLinearSolver s) { return static_cast<Content*>(s->content); }

SUNLinearSolver_Type get_type(SUNLinearSolver /*s*/) { return SUNLINEARSOLVER_DIRECT; }
SUNLinearSolver_ID get_id(SUNLinearSolver /*s*/) { return SUNLINEARSOLVER_CUSTOM; }
int initialize(SUNLinearSolver /*s*/) { return SUNLS_SUCCESS; }

int setup(SUNLinearSolver s, SUNMatrix a) {
  if (SUNDenseMatrix_Rows(a) != kStateCount || SUNDenseMatrix_Columns(a) != kStateCount) {
    return SUNLS_ILL_INPUT;
  }
  const Eigen::Map<const Matrix> m(SUNDenseMatrix_Data(a));  // column-major, as Eigen's default
  Content* c = content(s);
  c->lu.compute(m);
  // A singular matrix (a zero pivot) is recoverable: CVODE retries with a smaller step.
  const double det = c->lu.matrixLU().diagonal().cwiseAbs().minCoeff();
  c->last_flag = det > 0.0 ? 0 : 1;
  return det > 0.0 ? SUNLS_SUCCESS : SUNLS_LUFACT_FAIL;
}

int solve(SUNLinearSolver s, SUNMatrix /*a*/, N_Vector x, N_Vector b, sunrealtype /*tol*/) {
  const Eigen::Map<const Vector> rhs(N_VGetArrayPointer(b));
  Eigen::Map<Vector> out(N_VGetArrayPointer(x));
  out = content(s)->lu.solve(rhs);
  return SUNLS_SUCCESS;
}

sunindextype last_flag(SUNLinearSolver s) { return content(s)->last_flag; }

int free_solver(SUNLinearSolver s) {
  if (s == nullptr) return SUNLS_SUCCESS;
  delete content(s);
  s->content = nullptr;
  SUNLinSolFreeEmpty(s);
  return SUNLS_SUCCESS;
}

}  // namespace

SUNLinearSolver make_dense_lu_solver(SUNContext ctx) {
  SUNLinearSolver s = SUNLinSolNewEmpty(ctx);
  if (s == nullptr) return nullptr;
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
