// Irrigation of substrate-grown crops by radiation sum: the first start of the day when the
// irrigation window opens (an offset from sunrise, or a clock time), then a start each time the
// outdoor radiation summed since the last start reaches radiation_sum_j_cm2 — but not sooner
// than min_interval_min after the last start, and at the latest max_interval_min after it — and
// no start after the window's last start time. Each start gives dose_l_m2.
//
// | setting              | meaning                                                      | unit     |
// |----------------------|--------------------------------------------------------------|----------|
// | radiation_sum_j_cm2  | radiation summed since the last start that triggers a start  | J cm⁻²   |
// | min_interval_min     | shortest time between starts                                 | min      |
// | max_interval_min     | longest time between starts within the window                | min      |
// | first_start          | the window opens, with the day's first start                 | time of day |
// | last_start           | no start after this                                          | time of day |
// | dose_l_m2            | water per start (1 L m⁻² = 1 mm)                             | L m⁻²    |
//
// Radiation sum: Σ Iglob Δt · 10⁻⁴ (1 W m⁻² for 1 s = 10⁻⁴ J cm⁻²). Triggering soilless
// irrigation by the solar radiation integral is reviewed by Nikolaou et al. 2019 (Irrigation of
// greenhouse crops, Horticulturae 5(1): 7); the threshold and dose are the grower's
// settings. A lost radiation sensor stops the sum; the maximum interval then keeps the crop
// watered.
#pragma once

#include <cstdint>
#include <optional>

#include "egin/control/time_of_day.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct IrrigationSettings {
  bool installed = false;
  double radiation_sum_j_cm2 = 100.0;
  double min_interval_min = 20.0;
  double max_interval_min = 120.0;
  TimeOfDay first_start{TimeAnchor::kSunrise, 60.0};
  TimeOfDay last_start{TimeAnchor::kSunset, -60.0};
  double dose_l_m2 = 0.25;
};

struct IrrigationInputs {
  TimeMs now_ms = 0;
  double dt_s = 0.0;
  TimeMs first_start_ms = 0;  // today's, resolved by the caller
  TimeMs last_start_ms = 0;
  std::optional<double> iglob_w_m2;
};

struct IrrigationState {
  double sum_j_cm2 = 0.0;  // since the last start
  TimeMs last_start_ms = 0;
  int starts_today = 0;
  TimeMs day_first_start_ms = 0;  // the first start time of the day starts_today counts
};

enum class IrrigationReason : std::uint8_t {
  kNotInstalled,
  kOutsideWindow,
  kWaiting,
  kFirstStart,
  kRadiationSum,
  kMaxInterval,
  kMinIntervalHold,  // the sum is reached, the minimum interval not yet
};

struct IrrigationOutput {
  bool irrigation_start = false;
  double irrigation_dose_l_m2 = 0.0;
  IrrigationReason reason = IrrigationReason::kNotInstalled;
  double sum_j_cm2 = 0.0;
  int starts_today = 0;
};

IrrigationOutput irrigation_step(const IrrigationSettings& settings, const IrrigationInputs& in,
                                 IrrigationState& state);

/// Records a start made outside the rule (manual): resets the sum and the interval.
void irrigation_record_start(IrrigationState& state, TimeMs now_ms);

}  // namespace egin::control
