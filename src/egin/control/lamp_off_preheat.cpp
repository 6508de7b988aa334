#include "egin/control/lamp_off_preheat.hpp"

#include <algorithm>

namespace egin::control {

double lamp_off_preheat_frac(const LampOffPreheatSettings& settings,
                             const LampOffPreheatInputs& in) {
  if (settings.pipe_excess_c <= 0.0) {
    return 0.0;
  }
  const double lead_s = settings.lead_min * 60.0;
  const double hold_s = settings.hold_min * 60.0;
  if (in.lamps_on) {
    if (!in.to_off_s || lead_s <= 0.0 || *in.to_off_s < 0.0 || *in.to_off_s > lead_s) {
      return 0.0;
    }
    return std::clamp(1.0 - *in.to_off_s / lead_s, 0.0, 1.0);
  }
  if (in.sun_up || !in.since_off_s || hold_s <= 0.0 || *in.since_off_s < 0.0 ||
      *in.since_off_s >= hold_s) {
    return 0.0;
  }
  return std::clamp(1.0 - *in.since_off_s / hold_s, 0.0, 1.0);
}

}  // namespace egin::control
