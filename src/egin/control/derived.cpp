#include "egin/control/derived.hpp"

#include <limits>

#include "egin/control/psychrometrics.hpp"

namespace egin::control {

DerivedValues update_derived(const LightSettings& light, const DerivedInputs& in,
                             DerivedState& state) {
  DerivedValues out;
  if (in.t_air_c && in.rh_air_pct) {
    out.vpd_kpa = vapour_pressure_deficit_kpa(*in.t_air_c, *in.rh_air_pct);
    out.hd_g_m3 = humidity_deficit_g_m3(*in.t_air_c, *in.rh_air_pct);
    out.dew_point_c = dew_point_c(*in.t_air_c, *in.rh_air_pct);
    out.ah_g_m3 = absolute_humidity_g_m3(*in.t_air_c, *in.rh_air_pct);
  } else {
    constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
    out.vpd_kpa = out.hd_g_m3 = out.dew_point_c = out.ah_g_m3 = kNan;
  }
  if (state.radiation_sum_start_ms != in.last_sunrise_ms) {
    state.radiation_sum_start_ms = in.last_sunrise_ms;
    state.radiation_sum_j_cm2 = 0.0;
  }
  if (state.dli_day_days != in.local_day_days) {
    state.dli_day_days = in.local_day_days;
    state.dli_mol_m2 = 0.0;
  }
  if (in.dt_s > 0.0) {
    if (in.iglob_w_m2) {
      state.radiation_sum_j_cm2 += *in.iglob_w_m2 * in.dt_s * 1e-4;  // W m⁻² s → J cm⁻²
    }
    state.dli_mol_m2 += canopy_par_umol_m2_s(light, in.iglob_w_m2, in.par_air_umol_m2_s,
                                             in.lamp_ppfd_umol_m2_s) *
                        in.dt_s * 1e-6;  // µmol → mol
  }
  out.radiation_sum_j_cm2 = state.radiation_sum_j_cm2;
  out.dli_mol_m2 = state.dli_mol_m2;
  return out;
}

}  // namespace egin::control
