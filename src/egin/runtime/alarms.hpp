// Alarms as the API and the dashboard see them — raised by the climate computer's alarm logic,
// device faults or data checks; each has a severity, words with its numbers, when it was raised
// and cleared, and who acknowledged it — and AlarmProvider, the interface the climate computer
// implements and `egin serve` registers (providers.hpp). Until one is registered the alarm
// routes answer 503 "not configured".
//
// Life of one alarm: raised (active, unacknowledged) → acknowledged by a person and/or cleared
// when the condition is gone. It stays listed while active or unacknowledged; acknowledging a
// cleared alarm closes it. Acknowledging twice keeps the first acknowledgement.
// It must not evaluate conditions or store anything itself: implementations do.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::runtime {

enum class AlarmSeverity { kInfo, kWarning, kCritical };
std::string_view alarm_severity_name(AlarmSeverity severity);  // "info", "warning", "critical"

struct Alarm {
  std::string id;      // unique, stable for this occurrence
  std::string zone;    // zone id; "" for the whole site
  std::string source;  // a channel key, a device, or a controller ("gh1/controller")
  std::string code;    // short label: "t_air_high", "sensor_stale", "node_error"
  AlarmSeverity severity = AlarmSeverity::kWarning;
  std::string message;  // words with numbers: "air 41.2 °C above the 38 °C limit for 5 min"
  TimeMs raised_ms = 0;
  std::optional<TimeMs> cleared_ms;
  std::optional<TimeMs> acknowledged_ms;
  std::string acknowledged_by;
  std::string note;  // the acknowledgement's words
  [[nodiscard]] bool active() const { return !cleared_ms.has_value(); }
  [[nodiscard]] bool open() const { return active() || !acknowledged_ms.has_value(); }
};

struct AlarmQuery {
  bool open_only = true;  // active or unacknowledged; false: the history too
  std::optional<std::string> zone;
  std::optional<TimeMs> from_ms;  // raised_ms >= from
  std::optional<TimeMs> to_ms;    // raised_ms < to
  std::size_t limit = 200;        // newest first
};

class AlarmProvider {
 public:
  virtual ~AlarmProvider() = default;
  AlarmProvider() = default;
  AlarmProvider(const AlarmProvider&) = delete;
  AlarmProvider& operator=(const AlarmProvider&) = delete;

  /// Newest first.
  virtual std::vector<Alarm> list(const AlarmQuery& query) = 0;
  virtual std::optional<Alarm> find(std::string_view id) = 0;
  /// Acknowledges alarm `id` for `user` with `note` at `now_ms`; the alarm as it is then, or
  /// nullopt when there is no such alarm.
  virtual std::optional<Alarm> acknowledge(std::string_view id, std::string_view user,
                                           std::string_view note, TimeMs now_ms) = 0;

  /// Called with the alarm each time one is raised, cleared or acknowledged (the live
  /// dashboard's "alarm" events). Quick; must not throw. Listeners<Alarm> helps.
  virtual std::size_t subscribe(std::function<void(const Alarm&)> listener) = 0;
  virtual void unsubscribe(std::size_t id) = 0;
};

}  // namespace egin::runtime
