#include "egin/runtime/validator.hpp"

#include <cmath>
#include <sstream>

#include "egin/store/time_series_store.hpp"

namespace egin::runtime {
namespace {

constexpr double kMsPerMinuteD = 60000.0;
constexpr double kMsPerDayD = 86400000.0;
// TimeMs is int64: keep well inside it so that differences cannot overflow.
constexpr double kMaxAbsTimeMs = 9.0e18;

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string with_unit(double v, const std::string& unit) {
  return unit.empty() ? number_text(v) : number_text(v) + " " + unit;
}

Verdict reject(std::string code, std::string reason) {
  Verdict verdict;
  verdict.accepted = false;
  verdict.reason_code = std::move(code);
  verdict.reason = std::move(reason);
  return verdict;
}

std::string time_text(const SenmlRecord& record) {
  const std::optional<TimeMs> t_ms = reading_time_ms(record);
  return t_ms ? format_iso_utc(*t_ms) : "t=" + number_text(record.time_s) + " s";
}

}  // namespace

std::optional<double> reading_value(const ChannelSpec& spec, const SenmlRecord& record) {
  if (record.value) {
    return std::isfinite(*record.value) ? record.value : std::nullopt;
  }
  if (record.bool_value && spec.kind == ChannelKind::actuator) {
    return *record.bool_value ? 1.0 : 0.0;
  }
  return std::nullopt;
}

std::optional<TimeMs> reading_time_ms(const SenmlRecord& record) {
  const double t_ms = std::round(record.time_s * 1000.0);
  if (!std::isfinite(t_ms) || std::fabs(t_ms) > kMaxAbsTimeMs) {
    return std::nullopt;
  }
  return static_cast<TimeMs>(t_ms);
}

Verdict validate_reading(const ChannelSpec& spec, const SenmlRecord& record,
                         ChannelHistory& history, const ValidationContext& ctx) {
  const std::optional<double> value = reading_value(spec, record);
  if (!value) {
    return reject("no_value", spec.kind == ChannelKind::actuator
                                  ? "no numeric value (v) or boolean (vb)"
                                  : "no numeric value (v)");
  }
  if (!record.unit.empty() && record.unit != spec.unit) {
    return reject("unit_mismatch",
                  "unit " + record.unit + " is not the channel's unit " + spec.unit);
  }
  if (!(*value >= spec.min && *value <= spec.max)) {
    return reject("out_of_range", number_text(*value) + " outside " + number_text(spec.min) +
                                      " to " + with_unit(spec.max, spec.unit));
  }
  const std::optional<TimeMs> t_ms = reading_time_ms(record);
  const double now_ms = static_cast<double>(ctx.now_ms);
  const double latest_ms = now_ms + ctx.future_tolerance_s * 1000.0;
  const double earliest_ms = now_ms - ctx.max_age_days * kMsPerDayD;
  if ((!t_ms && record.time_s > 0.0) || (t_ms && static_cast<double>(*t_ms) > latest_ms)) {
    return reject("future_time", "time " + time_text(record) + " is later than now (" +
                                     format_iso_utc(ctx.now_ms) + ") + " +
                                     number_text(ctx.future_tolerance_s) + " s");
  }
  if (!t_ms || static_cast<double>(*t_ms) < earliest_ms) {
    return reject("too_old", "time " + time_text(record) + " is more than " +
                                 number_text(ctx.max_age_days) + " days before now (" +
                                 format_iso_utc(ctx.now_ms) + ")");
  }

  Verdict verdict;
  verdict.accepted = true;
  if (history.last_t_ms && *t_ms <= *history.last_t_ms) {
    return verdict;  // late or repeated: stored (duplicates are the store's), history untouched
  }
  if (history.last_t_ms) {
    const double dt_min = static_cast<double>(*t_ms - *history.last_t_ms) / kMsPerMinuteD;
    const double rate_per_min = std::fabs(*value - history.last_value) / dt_min;
    if (spec.max_rate_per_min && rate_per_min > *spec.max_rate_per_min) {
      verdict.flags |= store::kFlagSpike;
      verdict.reason_code = "spike";
      verdict.reason = "changed " + number_text(*value - history.last_value) + " " + spec.unit +
                       " in " + number_text(dt_min) + " min: " + number_text(rate_per_min) + " " +
                       spec.unit + "/min above the limit " + number_text(*spec.max_rate_per_min) +
                       " " + spec.unit + "/min";
      return verdict;  // a spike is not the new baseline
    }
    if (*value == history.last_value) {
      const TimeMs flat_since = history.flat_since_ms.value_or(*history.last_t_ms);
      history.flat_since_ms = flat_since;
      const double flat_min = static_cast<double>(*t_ms - flat_since) / kMsPerMinuteD;
      if (spec.stuck_minutes && flat_min > *spec.stuck_minutes) {
        verdict.flags |= store::kFlagStuck;
        verdict.reason_code = "stuck";
        verdict.reason = "unchanged at " + with_unit(*value, spec.unit) + " for " +
                         number_text(flat_min) + " min (limit " + number_text(*spec.stuck_minutes) +
                         " min)";
      }
    } else {
      history.flat_since_ms = *t_ms;
    }
  } else {
    history.flat_since_ms = *t_ms;
  }
  history.last_t_ms = *t_ms;
  history.last_value = *value;
  return verdict;
}

}  // namespace egin::runtime
