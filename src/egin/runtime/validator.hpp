// Validator: decides whether one resolved SenML record is a good reading of one channel — value
// present, unit, valid range, time window — and flags the suspicious ones it keeps (spike,
// stuck sensor) using a small per-channel history the caller keeps. It must not store readings,
// resolve channel names or count metrics: the ingest pipeline does.
//
// Rules, in order (the first failing one rejects):
//   no_value      no numeric `v` (a boolean `vb` counts as 1/0 on actuator channels only)
//   unit_mismatch the record names a unit and it is not the channel's
//   out_of_range  value outside [min, max] (the limits themselves are valid)
//   future_time   time > now + future_tolerance_s
//   too_old       time < now − max_age_days
// Then, only for an accepted reading newer than history.last_t_ms:
//   spike  |Δvalue| / Δt(min) > max_rate_per_min   → flags kFlagSpike
//   stuck  value == previous value and the run of equal values lasts > stuck_minutes → kFlagStuck
//
// History: every accepted reading newer than the last one becomes the new baseline EXCEPT a
// spike-flagged one. A lone outlier thus gets flagged alone (the next good value is compared
// with the value before the outlier, not with the outlier), and a real step change is flagged
// only until enough time has passed for the step to fit the rate limit. Readings at or before
// history.last_t_ms (late or duplicate) are accepted without spike/stuck checks and leave the
// history alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "egin/core/clock.hpp"
#include "egin/core/senml.hpp"
#include "egin/runtime/site.hpp"

namespace egin::runtime {

struct ValidationContext {
  TimeMs now_ms = 0;
  double future_tolerance_s = 300.0;
  double max_age_days = 30.0;
};

/// Kept per channel by the caller (one per channel, updated by validate_reading).
struct ChannelHistory {
  std::optional<TimeMs> last_t_ms;      // time of the newest baseline reading
  double last_value = 0.0;              // its value
  std::optional<TimeMs> flat_since_ms;  // first time of the current run of equal values
};

struct Verdict {
  bool accepted = false;
  std::uint32_t flags = 0;  // egin::store::kFlagSpike | kFlagStuck (store/time_series_store.hpp)
  std::string reason_code;  // "" when accepted unflagged; the rule's label otherwise
  std::string reason;       // for people: "130 outside -40 to 60 Cel"
};

/// The number a record carries for `spec`: v, or vb as 1/0 on an actuator channel; nullopt when
/// there is none (or it is not finite). The value the pipeline stores for an accepted reading.
std::optional<double> reading_value(const ChannelSpec& spec, const SenmlRecord& record);

/// The reading's time in ms since the epoch (record.time_s rounded to the millisecond), or
/// nullopt when it does not fit TimeMs.
std::optional<TimeMs> reading_time_ms(const SenmlRecord& record);

Verdict validate_reading(const ChannelSpec& spec, const SenmlRecord& record,
                         ChannelHistory& history, const ValidationContext& ctx);

}  // namespace egin::runtime
