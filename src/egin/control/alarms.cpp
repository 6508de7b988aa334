#include "egin/control/alarms.hpp"

#include <cmath>

#include <fmt/format.h>

namespace egin::control {
namespace {

constexpr std::array<std::string_view, kFeedbackCount> kFeedbackKeys{
    "vent_lee", "vent_wind", "screen_energy", "screen_shade", "screen_blackout", "heating_pipe"};
constexpr std::array<std::string_view, kFeedbackCount> kFeedbackLabels{
    "lee vent",     "windward vent",   "energy screen",
    "shade screen", "blackout screen", "heating pipe temperature"};
constexpr std::array<SensorId, kFeedbackCount> kFeedbackSensor{
    SensorId::kVentLeeFeedback,        SensorId::kVentWindFeedback,
    SensorId::kScreenEnergyFeedback,   SensorId::kScreenShadeFeedback,
    SensorId::kScreenBlackoutFeedback, SensorId::kTPipe};

constexpr std::size_t kSensorBase = kProcessAlarmCount;
constexpr std::size_t kFeedbackBase = kProcessAlarmCount + 3 * kSensorCount;

/// A condition judged at one step.
enum class Verdict : std::uint8_t {
  kUnknown,  // cannot be judged: hold everything
  kRaise,    // the condition holds
  kHold,     // inside the hysteresis band: no new raise, no clear
  kClear,
};

struct Judged {
  Verdict verdict = Verdict::kUnknown;
  double value = std::numeric_limits<double>::quiet_NaN();
  double limit = std::numeric_limits<double>::quiet_NaN();
};

Judged judge_high(const ProcessAlarmSettings& s, std::optional<double> v) {
  if (!s.enabled || !v) {
    return {s.enabled ? Verdict::kUnknown : Verdict::kClear, v.value_or(NAN), s.limit};
  }
  const Verdict verdict = *v >= s.limit                  ? Verdict::kRaise
                          : *v <= s.limit - s.hysteresis ? Verdict::kClear
                                                         : Verdict::kHold;
  return {verdict, *v, s.limit};
}

Judged judge_low(const ProcessAlarmSettings& s, std::optional<double> v) {
  if (!s.enabled || !v) {
    return {s.enabled ? Verdict::kUnknown : Verdict::kClear, v.value_or(NAN), s.limit};
  }
  const Verdict verdict = *v <= s.limit                  ? Verdict::kRaise
                          : *v >= s.limit + s.hysteresis ? Verdict::kClear
                                                         : Verdict::kHold;
  return {verdict, *v, s.limit};
}

void apply(const Judged& j, double delay_s, TimeMs now_ms, AlarmRecord& r, std::size_t index,
           AlarmEvents& events) {
  if (j.verdict == Verdict::kUnknown) {
    r.pending = false;
    return;
  }
  if (j.verdict == Verdict::kRaise) {
    r.value = j.value;
    r.limit = j.limit;
    if (!r.pending) {
      r.pending = true;
      r.pending_since_ms = now_ms;
    }
    const auto delay_ms = static_cast<TimeMs>(std::llround(delay_s * 1000.0));
    if (!r.active && now_ms - r.pending_since_ms >= delay_ms) {
      r.active = true;
      r.acknowledged = false;
      r.raised_ms = now_ms;
      events.raised.set(index);
    }
    return;
  }
  r.pending = false;
  if (r.active) {
    r.value = j.value;
  }
  if (j.verdict == Verdict::kClear && r.active) {
    r.active = false;
    r.acknowledged = false;
    r.cleared_ms = now_ms;
    events.cleared.set(index);
  }
}

std::string minutes_text(double seconds) { return fmt::format("{:.0f} min", seconds / 60.0); }

}  // namespace

std::size_t alarm_index(AlarmId id) {
  switch (id.kind) {
    case AlarmKind::kTAirHigh:
      return 0;
    case AlarmKind::kTAirLow:
      return 1;
    case AlarmKind::kRhAirHigh:
      return 2;
    case AlarmKind::kCo2AirHigh:
      return 3;
    case AlarmKind::kSensorMissing:
      return kSensorBase + id.subject;
    case AlarmKind::kSensorOutOfRange:
      return kSensorBase + kSensorCount + id.subject;
    case AlarmKind::kSensorStale:
      return kSensorBase + 2 * kSensorCount + id.subject;
    case AlarmKind::kNotFollowing:
      return kFeedbackBase + id.subject;
  }
  return 0;
}

AlarmId alarm_id_at(std::size_t index) {
  if (index < kProcessAlarmCount) {
    return {static_cast<AlarmKind>(index), 0};
  }
  if (index < kFeedbackBase) {
    const std::size_t k = (index - kSensorBase) / kSensorCount;
    const auto subject = static_cast<std::uint8_t>((index - kSensorBase) % kSensorCount);
    const AlarmKind kinds[] = {AlarmKind::kSensorMissing, AlarmKind::kSensorOutOfRange,
                               AlarmKind::kSensorStale};
    return {kinds[k], subject};
  }
  return {AlarmKind::kNotFollowing, static_cast<std::uint8_t>(index - kFeedbackBase)};
}

AlarmId sensor_alarm(AlarmKind kind, SensorId sensor) {
  return {kind, static_cast<std::uint8_t>(sensor)};
}

AlarmId feedback_alarm(FeedbackId actuator) {
  return {AlarmKind::kNotFollowing, static_cast<std::uint8_t>(actuator)};
}

std::string_view feedback_key(FeedbackId id) { return kFeedbackKeys[static_cast<std::size_t>(id)]; }

std::string alarm_key(AlarmId id) {
  const auto sensor = [&] { return std::string(sensor_key(static_cast<SensorId>(id.subject))); };
  switch (id.kind) {
    case AlarmKind::kTAirHigh:
      return "t_air_high";
    case AlarmKind::kTAirLow:
      return "t_air_low";
    case AlarmKind::kRhAirHigh:
      return "rh_air_high";
    case AlarmKind::kCo2AirHigh:
      return "co2_air_high";
    case AlarmKind::kSensorMissing:
      return "sensor_missing." + sensor();
    case AlarmKind::kSensorOutOfRange:
      return "sensor_out_of_range." + sensor();
    case AlarmKind::kSensorStale:
      return "sensor_stale." + sensor();
    case AlarmKind::kNotFollowing:
      return "not_following." + std::string(kFeedbackKeys[id.subject]);
  }
  return {};
}

bool alarm_from_key(std::string_view key, AlarmId& id) {
  for (std::size_t i = 0; i < kAlarmCount; ++i) {
    const AlarmId candidate = alarm_id_at(i);
    if (alarm_key(candidate) == key) {
      id = candidate;
      return true;
    }
  }
  return false;
}

int alarm_priority(const AlarmSettings& s, AlarmId id) {
  switch (id.kind) {
    case AlarmKind::kTAirHigh:
      return s.t_air_high.priority;
    case AlarmKind::kTAirLow:
      return s.t_air_low.priority;
    case AlarmKind::kRhAirHigh:
      return s.rh_air_high.priority;
    case AlarmKind::kCo2AirHigh:
      return s.co2_air_high.priority;
    case AlarmKind::kNotFollowing:
      return s.feedback_priority;
    default:
      return s.sensor_priority;
  }
}

AlarmEvents update_alarms(const AlarmSettings& s, const AlarmInputs& in, AlarmBoard& board) {
  AlarmEvents events;
  const SensorView& view = *in.sensors;
  const auto process = [&](AlarmKind kind, const Judged& j, double delay_s) {
    const std::size_t i = alarm_index({kind, 0});
    apply(j, delay_s, in.now_ms, board[i], i, events);
  };
  process(AlarmKind::kTAirHigh, judge_high(s.t_air_high, view.get(SensorId::kTAir)),
          s.t_air_high.delay_s);
  process(AlarmKind::kTAirLow, judge_low(s.t_air_low, view.get(SensorId::kTAir)),
          s.t_air_low.delay_s);
  process(AlarmKind::kRhAirHigh, judge_high(s.rh_air_high, view.get(SensorId::kRhAir)),
          s.rh_air_high.delay_s);
  process(AlarmKind::kCo2AirHigh, judge_high(s.co2_air_high, view.get(SensorId::kCo2Air)),
          s.co2_air_high.delay_s);

  // Sensor alarms: one of the three kinds holds, the others clear.
  for (std::size_t k = 0; k < kSensorCount; ++k) {
    const auto sensor = static_cast<SensorId>(k);
    const SensorStatus status = view.status[k];
    const Reading& reading = (*in.measurements)[sensor];
    const double age_s = static_cast<double>(in.now_ms - reading.t_ms) / 1000.0;
    const double stale_s = (*in.sensor_settings)[k].stale_after_s;
    const struct {
      AlarmKind kind;
      SensorStatus status;
      double value;
      double limit;
    } kinds[] = {
        {AlarmKind::kSensorMissing, SensorStatus::kMissing, NAN, NAN},
        {AlarmKind::kSensorOutOfRange, SensorStatus::kOutOfRange, reading.value, NAN},
        {AlarmKind::kSensorStale, SensorStatus::kStale, age_s, stale_s},
    };
    for (const auto& kind : kinds) {
      const std::size_t i = alarm_index(sensor_alarm(kind.kind, sensor));
      const Judged j{status == kind.status ? Verdict::kRaise : Verdict::kClear, kind.value,
                     kind.limit};
      apply(j, s.sensor_delay_s, in.now_ms, board[i], i, events);
    }
  }

  // Feedback alarms.
  for (std::size_t k = 0; k < kFeedbackCount; ++k) {
    const std::size_t i = kFeedbackBase + k;
    Judged j;
    const auto feedback = view.get(kFeedbackSensor[k]);
    if (!in.feedback.installed[k] || !view.installed(kFeedbackSensor[k])) {
      j.verdict = Verdict::kClear;
    } else if (feedback) {
      const double command = in.feedback.command[k];
      j.value = *feedback;
      j.limit = command;
      if (static_cast<FeedbackId>(k) == FeedbackId::kHeatingPipe) {
        const double below = command - *feedback;
        j.verdict = in.feedback.heating_frac <= 0.0     ? Verdict::kClear
                    : below > s.pipe_tolerance_c        ? Verdict::kRaise
                    : below <= 0.5 * s.pipe_tolerance_c ? Verdict::kClear
                                                        : Verdict::kHold;
      } else {
        const double off = std::abs(command - *feedback);
        j.verdict = off > s.feedback_tolerance_frac          ? Verdict::kRaise
                    : off <= 0.5 * s.feedback_tolerance_frac ? Verdict::kClear
                                                             : Verdict::kHold;
      }
    }
    const bool pipe = static_cast<FeedbackId>(k) == FeedbackId::kHeatingPipe;
    apply(j, pipe ? s.pipe_delay_s : s.feedback_delay_s, in.now_ms, board[i], i, events);
  }
  return events;
}

bool acknowledge_alarm(AlarmBoard& board, AlarmId id) {
  AlarmRecord& r = board[alarm_index(id)];
  if (!r.active) {
    return false;
  }
  r.acknowledged = true;
  return true;
}

std::string alarm_message(AlarmId id, const AlarmRecord& r) {
  const auto sensor = static_cast<SensorId>(id.subject);
  switch (id.kind) {
    case AlarmKind::kTAirHigh:
      return fmt::format("air temperature high: {:.1f} °C (limit {:g} °C)", r.value, r.limit);
    case AlarmKind::kTAirLow:
      return fmt::format("air temperature low: {:.1f} °C (limit {:g} °C)", r.value, r.limit);
    case AlarmKind::kRhAirHigh:
      return fmt::format("air humidity high: {:.0f} % (limit {:g} %)", r.value, r.limit);
    case AlarmKind::kCo2AirHigh:
      return fmt::format("CO2 high: {:.0f} ppm (limit {:g} ppm)", r.value, r.limit);
    case AlarmKind::kSensorMissing:
      return fmt::format("sensor missing: {} ({}) gives no reading", sensor_label(sensor),
                         sensor_key(sensor));
    case AlarmKind::kSensorOutOfRange:
      return fmt::format("sensor implausible: {} ({}) reads {:g} {}, flagged or outside its range",
                         sensor_label(sensor), sensor_key(sensor), r.value, sensor_unit(sensor));
    case AlarmKind::kSensorStale:
      return fmt::format("sensor stale: {} ({}) last reported {} ago (limit {})",
                         sensor_label(sensor), sensor_key(sensor), minutes_text(r.value),
                         minutes_text(r.limit));
    case AlarmKind::kNotFollowing:
      if (static_cast<FeedbackId>(id.subject) == FeedbackId::kHeatingPipe) {
        return fmt::format("heating not following: pipe at {:.1f} °C, set-point {:.1f} °C", r.value,
                           r.limit);
      }
      return fmt::format("{} not following: commanded {:.2f}, at {:.2f}",
                         kFeedbackLabels[id.subject], r.limit, r.value);
  }
  return {};
}

}  // namespace egin::control
