#include "egin/runtime/band_tally.hpp"

#include <algorithm>

#include "egin/control/safety.hpp"

namespace egin::runtime {

namespace {

using control::ActuatorId;

// A position within this of its limit counts as at the limit (the vents' dead band is 0.02).
constexpr double kAtLimitFrac = 0.03;

}  // namespace

std::string_view band_reason_key(BandReason r) {
  switch (r) {
    case BandReason::kControl:
      return "control";
    case BandReason::kHeatingCapacity:
      return "heating_capacity";
    case BandReason::kCoolingCapacity:
      return "cooling_capacity";
    case BandReason::kDehumidificationCapacity:
      return "dehumidification_capacity";
    case BandReason::kEvaporativeCooling:
      return "evaporative_cooling";
    case BandReason::kSafeState:
      return "safe_state";
    case BandReason::kManual:
      return "manual";
    case BandReason::kStuckActuator:
      return "stuck_actuator";
  }
  return "unknown";
}

BandTally::BandTally(const control::ControllerSettings& settings, const ControlsMapping& mapping,
                     BandLimits limits)
    : settings_(&settings), mapping_(mapping), limits_(limits) {}

void BandTally::add(const StepRecord& r) {
  if (r.before == nullptr || r.result == nullptr || r.mean_positions == nullptr) {
    return;
  }
  const control::ControllerSettings& s = *settings_;
  const control::Explanation& ex = r.result->explanation;
  const ActuatorPositions& p = *r.mean_positions;
  const double h = r.dt_s / 3600.0;

  // Conditions that take the actuators out of the rules' hands.
  const std::uint32_t rule_safe_states = control::kSafeHeatingFrost | control::kSafeVentsByOutdoor |
                                         control::kSafeVentsFixed | control::kSafePadFanByOutdoor;
  std::optional<BandReason> overruled;
  if ((ex.safe_states & rule_safe_states) != 0) {
    overruled = BandReason::kSafeState;
  } else if (r.stuck != 0) {
    overruled = BandReason::kStuckActuator;
  } else if (ex.manual_active != 0) {
    overruled = BandReason::kManual;
  }

  const bool heating_full = p.heating_frac >= 1.0 - kAtLimitFrac &&
                            (!mapping_.has_air_heater || p.air_heater_frac >= 1.0 - kAtLimitFrac);
  const bool heating_off = p.heating_frac <= kAtLimitFrac;
  const double lee_limit = std::min(ex.ventilation.lee_cap_frac,
                                    s.ventilation.installed ? s.ventilation.lee_max_frac : 0.0);
  const double wind_limit = std::min(ex.ventilation.wind_cap_frac,
                                     s.ventilation.installed ? s.ventilation.wind_max_frac : 0.0);
  const bool vents_at_caps = p.vent_lee_open_frac >= lee_limit - kAtLimitFrac &&
                             p.vent_wind_open_frac >= wind_limit - kAtLimitFrac;
  const bool fog_at_max =
      !s.cooling.fog.installed || p.fogging_frac >= s.cooling.fog.max_frac - kAtLimitFrac ||
      (ex.interlocks & (control::kInterlockFogCold | control::kInterlockFogHumid |
                        control::kInterlockFogNoSensor)) != 0;
  const bool pad_usable = s.cooling.pad.installed && !ex.cooling.pad_outdoor_humid;
  const bool cooling_full = heating_off && (pad_usable ? p.pad_fan_frac >= 1.0 - kAtLimitFrac
                                                       : vents_at_caps && fog_at_max);

  // Air temperature.
  const double t = r.before->t_air_c;
  const double t_low = ex.setpoints[control::SetpointId::kTHeatC] - limits_.t_below_heat_c;
  const double t_high = ex.t_vent_c + limits_.t_above_vent_c;
  t_air_.hours += h;
  if (t >= t_low && t <= t_high) {
    t_air_.in_band_hours += h;
  } else {
    const bool below = t < t_low;
    (below ? t_air_.below_hours : t_air_.above_hours) += h;
    BandReason reason = BandReason::kControl;
    if (overruled) {
      reason = *overruled;
    } else if (below ? heating_full : cooling_full) {
      reason = below ? BandReason::kHeatingCapacity : BandReason::kCoolingCapacity;
    }
    t_air_.out_hours[static_cast<std::size_t>(reason)] += h;
  }

  // Humidity (an upper limit only).
  const double rh = r.before->rh_air_pct;
  const double rh_high = ex.setpoints[control::SetpointId::kRhMaxPct] + limits_.rh_above_max_pct;
  rh_air_.hours += h;
  if (rh <= rh_high) {
    rh_air_.in_band_hours += h;
  } else {
    rh_air_.above_hours += h;
    BandReason reason = BandReason::kControl;
    if (overruled) {
      reason = *overruled;
    } else if (p.pad_fan_frac > 0.0 || p.fogging_frac > 0.0 ||
               (ex.interlocks & control::kInterlockFogHumid) != 0) {
      reason = BandReason::kEvaporativeCooling;
    } else if (vents_at_caps) {
      reason = BandReason::kDehumidificationCapacity;
    }
    rh_air_.out_hours[static_cast<std::size_t>(reason)] += h;
  }
}

}  // namespace egin::runtime
