// Supplementary lamps (on/off): allowed inside a daily window (clock times or sunrise/sunset
// offsets, may cross midnight) and outside expensive tariff blocks, until a daily light sum or a
// daily number of lamp hours is reached; within that, off when the sun is bright (Iglob ≥
// off_above_iglob_w_m2) and on again when it is dull (Iglob ≤ on_below_iglob_w_m2), off when
// the greenhouse is too hot; minimum on and off times protect the lamps. The light day (light
// sum, lamp hours, outdoor radiation sum) starts when the window opens.
//
// Daily radiation-sum limit (GreenLight's lampRadSumLimit, Katzin 2021 PhD thesis ch. 4 p. 120
// and Katzin, Marcelis & Van Mourik 2021, Applied Energy 281: 116019, Table 1: lamps stay off all
// day when the day's outdoor global radiation sum is expected above 10 MJ m⁻² d⁻¹): the lamps stay
// off for the light day once its expected outdoor radiation sum reaches rad_sum_limit_mj_m2. The
// expected sum is max(forecast of the day's sum, the sum measured since the light day began) — a
// forecast (GreenLight assumes a perfect one) decides at dawn; without one the rule acts only
// when the measured sum gets there, later in the day.
//
// | setting                   | meaning                                                  | unit          |
// |---------------------------|----------------------------------------------------------|---------------|
// | window_start, window_end  | the daily window in which lamps may burn                 | time of day   |
// | off_above_iglob_w_m2      | lamps off at or above this outdoor radiation             | W m⁻²         |
// | on_below_iglob_w_m2       | and on again at or below this (< off_above)              | W m⁻²         |
// | light_sum_target_mol_m2   | off once the light day's PAR sum reaches it (0 = none)   | mol m⁻² d⁻¹   |
// | max_on_h                  | most lamp hours per light day                            | h             |
// | tariff_blocks             | clock intervals with lamps off (expensive electricity)   | time of day   |
// | min_on_min, min_off_min   | shortest on and off periods                              | min           |
// | ppfd_umol_m2_s            | the lamps' PPFD at the canopy (for the light sum)        | µmol m⁻² s⁻¹  |
// | hot_off_excess_c          | lamps off at T ≥ T_vent + this (0 = no rule)             | °C            |
// | rad_sum_limit_mj_m2       | off for the light day once its expected outdoor global    | MJ m⁻² d⁻¹    |
// |                           | radiation sum reaches it (0 = none)                      |               |
//
// Radiation sum: ∫ Iglob dt over the light day, rectangle rule over each step.
// Light sum: ∫ PAR dt over the light day, PAR from canopy_light.hpp (the sensor, or the estimate
// from Iglob plus the lamps' PPFD while they burn), rectangle rule over each step. Window end, tariff blocks, lamp hours and the hot rule switch
// off at once; the radiation and light-sum rules wait for the minimum on time, and switching on
// waits for the minimum off time.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "egin/control/canopy_light.hpp"
#include "egin/control/time_of_day.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct TariffBlock {
  TimeOfDay start;  // clock times
  TimeOfDay end;
};

struct LampSettings {
  bool installed = false;
  TimeOfDay window_start;
  TimeOfDay window_end;
  double off_above_iglob_w_m2 = 400.0;
  double on_below_iglob_w_m2 = 300.0;
  double light_sum_target_mol_m2 = 0.0;
  double max_on_h = 24.0;
  std::vector<TariffBlock> tariff_blocks;
  double min_on_min = 0.0;
  double min_off_min = 0.0;
  double ppfd_umol_m2_s = 200.0;
  double hot_off_excess_c = 0.0;
  double rad_sum_limit_mj_m2 = 0.0;
};

struct LampInputs {
  TimeMs now_ms = 0;
  double dt_s = 0.0;                       // since the last step
  std::optional<TimeMs> window_opened_ms;  // nullopt: outside the window
  bool in_tariff_block = false;
  std::optional<double> iglob_w_m2;
  std::optional<double> par_air_umol_m2_s;
  std::optional<double> t_air_c;
  double t_vent_c = 25.0;
  LightSettings light;
  /// Forecast outdoor global radiation sum of the current local day; nullopt: no forecast.
  std::optional<double> forecast_rad_sum_mj_m2;
};

struct LampState {
  bool on = false;
  TimeMs last_switch_ms = 0;
  TimeMs light_day_start_ms = 0;
  double on_s = 0.0;
  double light_sum_mol_m2 = 0.0;
  double rad_sum_mj_m2 = 0.0;  // outdoor global radiation measured since the light day began
  bool bright = false;
};

enum class LampReason : std::uint8_t {
  kNotInstalled,
  kOutsideWindow,
  kTariffBlock,
  kMaxHours,
  kLightSumReached,
  kRadSumLimit,  // the day's expected outdoor radiation sum reaches rad_sum_limit_mj_m2
  kHot,
  kBright,
  kOn,
  kMinOnHold,   // would switch off, waits for the minimum on time
  kMinOffHold,  // would switch on, waits for the minimum off time
};

struct LampOutput {
  bool lamps_on = false;
  LampReason reason = LampReason::kNotInstalled;
  double light_sum_mol_m2 = 0.0;
  double on_h = 0.0;
  double expected_rad_sum_mj_m2 = 0.0;  // max(forecast, measured so far)
};

LampOutput lamps_step(const LampSettings& settings, const LampInputs& in, LampState& state);

}  // namespace egin::control
