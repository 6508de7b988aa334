#include "egin/greenhouse/controller.hpp"

#include "egin/greenhouse/physics.hpp"
#include "egin/greenhouse/state.hpp"

namespace egin::greenhouse {

Controls GreenLightController::decide(const Outputs& now, double /*dt_s*/) {
  const RuleInputs<double> in{now.t_air_c, now.vp_air_kpa * 1000.0,
                              co2_mg_m3(now.t_air_c, now.co2_air_ppm)};
  return greenlight_rule_controls(rules_, in, now.outdoor);
}

Controls GreenLightController::controls(const double* x, const OutdoorConditions& w) const {
  return greenlight_rule_controls(rules_, RuleInputs<double>{x[kTAir], x[kVpAir], x[kCo2Air]}, w);
}

ControlsT<AdScalar> GreenLightController::controls(const AdScalar* x,
                                                   const OutdoorConditions& w) const {
  return greenlight_rule_controls(rules_, RuleInputs<AdScalar>{x[kTAir], x[kVpAir], x[kCo2Air]}, w);
}

Controls ReplayController::decide(const Outputs& now, double /*dt_s*/) {
  return series_.at(now.time_utc_s);
}

Controls ReplayController::controls(const double* /*x*/, const OutdoorConditions& w) const {
  return series_.at(w.time_utc_s);
}

ControlsT<AdScalar> ReplayController::controls(const AdScalar* /*x*/,
                                               const OutdoorConditions& w) const {
  return cast_controls<AdScalar>(series_.at(w.time_utc_s));
}

}  // namespace egin::greenhouse
