// Derived variables of one step: VPD, humidity deficit, dew point and absolute humidity of the
// greenhouse air (psychrometrics.hpp), the outdoor radiation sum since sunrise and the daily
// light integral at the canopy since local midnight (canopy_light.hpp). The two sums are state;
// each step adds the interval just passed with the values read now (rectangle rule).
//
// | output              | meaning                                             | unit          |
// |---------------------|-----------------------------------------------------|---------------|
// | vpd_kpa             | vapour pressure deficit of the air                  | kPa           |
// | hd_g_m3             | humidity deficit                                    | g m⁻³         |
// | dew_point_c         | dew point                                           | °C            |
// | ah_g_m3             | absolute humidity                                   | g m⁻³         |
// | radiation_sum_j_cm2 | Σ Iglob Δt since the last sunrise                   | J cm⁻²        |
// | dli_mol_m2          | Σ canopy PAR Δt since local midnight                | mol m⁻² d⁻¹   |
// Humidity values are NaN when air temperature or humidity is unusable.
#pragma once

#include <optional>

#include "egin/control/canopy_light.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct DerivedState {
  double radiation_sum_j_cm2 = 0.0;
  TimeMs radiation_sum_start_ms = 0;  // the sunrise the sum counts from
  double dli_mol_m2 = 0.0;
  int dli_day_days = 0;  // the local day the DLI counts (days since 1970-01-01)
};

struct DerivedInputs {
  double dt_s = 0.0;
  TimeMs last_sunrise_ms = 0;  // the latest sunrise at or before now
  int local_day_days = 0;
  std::optional<double> t_air_c;
  std::optional<double> rh_air_pct;
  std::optional<double> iglob_w_m2;
  std::optional<double> par_air_umol_m2_s;
  double lamp_ppfd_umol_m2_s = 0.0;  // of the interval just passed (0 if the lamps were off)
};

struct DerivedValues {
  double vpd_kpa = 0.0;
  double hd_g_m3 = 0.0;
  double dew_point_c = 0.0;
  double ah_g_m3 = 0.0;
  double radiation_sum_j_cm2 = 0.0;
  double dli_mol_m2 = 0.0;
};

DerivedValues update_derived(const LightSettings& light, const DerivedInputs& in,
                             DerivedState& state);

}  // namespace egin::control
