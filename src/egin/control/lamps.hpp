// Supplementary lamps (on/off): allowed inside a daily window (clock times or sunrise/sunset
// offsets, may cross midnight) and outside expensive tariff blocks, until a daily light sum or a
// daily number of lamp hours is reached; within that, off when the sun is bright (Iglob ≥
// off_above_iglob_w_m2) and on again when it is dull (Iglob ≤ on_below_iglob_w_m2), off when
// the greenhouse is too hot; minimum on and off times protect the lamps. The light day (light
// sum, lamp hours) starts when the window opens.
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
//
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
};

struct LampState {
  bool on = false;
  TimeMs last_switch_ms = 0;
  TimeMs light_day_start_ms = 0;
  double on_s = 0.0;
  double light_sum_mol_m2 = 0.0;
  bool bright = false;
};

enum class LampReason : std::uint8_t {
  kNotInstalled,
  kOutsideWindow,
  kTariffBlock,
  kMaxHours,
  kLightSumReached,
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
};

LampOutput lamps_step(const LampSettings& settings, const LampInputs& in, LampState& state);

}  // namespace egin::control
