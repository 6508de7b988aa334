// A SUNDIALS direct linear solver for the twin's Newton iterations: LU with partial pivoting of
// the kStateCount × kStateCount iteration matrix M = I − γJ (Golub & Van Loan Alg. 3.4.1), with
// the size fixed at compile time and the file built at -O3 so its loops are vectorised — in
// place of SUNLinSol_Dense's general ones. Same algorithm, same matrix (a SUNDenseMatrix,
// column-major); only faster for this one size (bench_greenhouse). Created with
// make_dense_lu_solver; freed with SUNLinSolFree.
#pragma once

#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>

namespace egin::greenhouse {

/// A linear solver for dense kStateCount × kStateCount systems; nullptr if SUNDIALS cannot
/// allocate one.
SUNLinearSolver make_dense_lu_solver(SUNContext ctx);

}  // namespace egin::greenhouse
