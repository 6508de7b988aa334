// A SUNDIALS direct linear solver for the twin's Newton iterations: LU with partial pivoting of
// the fixed-size kStateCount × kStateCount iteration matrix M = I − γJ by Eigen
// (Eigen::PartialPivLU on a fixed-size matrix, unrolled and vectorised), in place of
// SUNLinSol_Dense's general loops. Same algorithm, same matrix (a SUNDenseMatrix, column-major);
// only faster for this one size. Created with make_dense_lu_solver; freed with SUNLinSolFree.
#pragma once

#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>

namespace egin::greenhouse {

/// A linear solver for dense kStateCount × kStateCount systems; nullptr if SUNDIALS cannot
/// allocate one.
SUNLinearSolver make_dense_lu_solver(SUNContext ctx);

}  // namespace egin::greenhouse
