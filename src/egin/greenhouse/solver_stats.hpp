// Counters of a time integrator's work, the same for CVODES's BDF and the ESDIRK integrator
// (twin.hpp, esdirk_integrator.hpp).
#pragma once

namespace egin::greenhouse {

struct SolverStats {
  long steps = 0;
  long rhs_evaluations = 0;
  long jacobian_evaluations = 0;
  long linear_setups = 0;  // factorizations of I − γJ
  long error_test_failures = 0;
  long nonlinear_failures = 0;
};

}  // namespace egin::greenhouse
