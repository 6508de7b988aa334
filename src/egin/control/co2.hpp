// CO2 dosing: the band's set-point, lowered as the vents open (dosing into an open house feeds
// the outside), a P-band on the shortfall, the injection capacity, and a daily quota. Dosing is
// allowed only in light (sun up with Iglob ≥ min_iglob_w_m2, or lamps on) when only_in_light.
//
// | setting                       | meaning                                                 | unit        |
// |-------------------------------|---------------------------------------------------------|-------------|
// | capacity_kg_ha_h              | injection capacity of the dosing system                 | kg ha⁻¹ h⁻¹ |
// | p_band_ppm                    | shortfall below the set-point for full capacity         | ppm         |
// | vent_reduction_start_frac     | vent opening at which the set-point starts to fall      | 0–1         |
// | vent_reduction_end_frac       | vent opening at which it reaches reduced_setpoint_ppm   | 0–1         |
// | reduced_setpoint_ppm          | the set-point with the vents wide open                  | ppm         |
// | daily_quota_kg_ha             | most CO2 dosed per local day (0 = no quota)             | kg ha⁻¹ d⁻¹ |
// | only_in_light, min_iglob_w_m2 | dose only in light (sun or lamps)                       | —, W m⁻²    |
//
// setpoint_eff = lerp(setpoint, min(setpoint, reduced), ramp(vent; start, end));
// frac = p_band(setpoint_eff − CO2, p_band_ppm); rate = frac capacity, then limited so that
// the remaining quota lasts at least one nominal step. The amount dosed is counted from the
// command actually sent (after the safety layer), by co2_account(), the step after.
#pragma once

#include <cstdint>
#include <optional>

#include "egin/core/date.hpp"

namespace egin::control {

struct Co2Settings {
  bool installed = false;
  double capacity_kg_ha_h = 100.0;
  double p_band_ppm = 100.0;
  double vent_reduction_start_frac = 0.05;
  double vent_reduction_end_frac = 0.3;
  double reduced_setpoint_ppm = 450.0;
  double daily_quota_kg_ha = 0.0;
  bool only_in_light = true;
  double min_iglob_w_m2 = 5.0;
};

struct Co2Inputs {
  double setpoint_ppm = 800.0;  // band
  std::optional<double> co2_air_ppm;
  double vent_open_frac = 0.0;  // the larger vent, command or feedback
  bool in_light = false;        // sun up with enough radiation, or lamps on
  double nominal_step_s = 300.0;
};

struct Co2State {
  int day_days = 0;  // the local day the quota counts (days since 1970-01-01)
  double dosed_today_kg_ha = 0.0;
};

enum class Co2Reason : std::uint8_t {
  kNotInstalled,
  kDark,
  kNoSensor,
  kAtSetpoint,
  kDosing,
  kQuotaReached,
};

struct Co2Output {
  double setpoint_eff_ppm = 0.0;
  double co2_dosing_frac = 0.0;
  double co2_dosing_kg_ha_h = 0.0;
  double dosed_today_kg_ha = 0.0;
  Co2Reason reason = Co2Reason::kNotInstalled;
};

/// Counts the dosing of the last interval: `rate_kg_ha_h` (the command sent) for `dt_s`, and
/// starts a new count on a new local day `today`.
void co2_account(Co2State& state, Date today, double rate_kg_ha_h, double dt_s);

Co2Output co2_step(const Co2Settings& settings, const Co2Inputs& in, const Co2State& state);

}  // namespace egin::control
