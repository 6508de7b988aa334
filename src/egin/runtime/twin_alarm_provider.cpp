#include "egin/runtime/twin_alarm_provider.hpp"

#include <algorithm>
#include <vector>

#include "egin/control/alarms.hpp"

namespace egin::runtime {

AlarmSeverity severity_of_priority(int priority) {
  if (priority <= 1) {
    return AlarmSeverity::kCritical;
  }
  return priority == 2 ? AlarmSeverity::kWarning : AlarmSeverity::kInfo;
}

TwinAlarmProvider::TwinAlarmProvider(TwinGreenhouse& greenhouse, std::string zone,
                                     std::size_t history)
    : greenhouse_(greenhouse), zone_(std::move(zone)), history_(std::max<std::size_t>(history, 1)) {
  greenhouse_.set_step_observer(
      [this](const StepRecord& record, const TwinClimateLoop& loop) { on_step(record, loop); });
}

TwinAlarmProvider::~TwinAlarmProvider() { greenhouse_.set_step_observer(nullptr); }

void TwinAlarmProvider::on_step(const StepRecord& record, const TwinClimateLoop& loop) {
  if (record.result == nullptr) {
    return;
  }
  const control::AlarmEvents& events = record.result->alarm_events;
  if (events.raised.none() && events.cleared.none()) {
    return;
  }
  const control::AlarmBoard& board = loop.controller_state().alarms;
  const control::AlarmSettings& settings = loop.settings().alarms;
  std::vector<Alarm> changed;
  {
    const std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < control::kAlarmCount; ++i) {
      const control::AlarmId id = control::alarm_id_at(i);
      const control::AlarmRecord& r = board[i];
      const std::string key = control::alarm_key(id);
      if (events.cleared.test(i)) {
        const auto it = open_.find(key);
        if (it != open_.end()) {
          for (Alarm& a : alarms_) {
            if (a.id == it->second) {
              a.cleared_ms = r.cleared_ms;
              changed.push_back(a);
            }
          }
          open_.erase(it);
        }
      }
      if (events.raised.test(i)) {
        Alarm a;
        a.id = zone_ + "." + key + "." + std::to_string(r.raised_ms / 1000);
        a.zone = zone_;
        a.source = zone_ + "/controller";
        a.code = key;
        a.severity = severity_of_priority(control::alarm_priority(settings, id));
        a.message = control::alarm_message(id, r);
        a.raised_ms = r.raised_ms;
        open_[key] = a.id;
        changed.push_back(a);
        alarms_.push_back(std::move(a));
      }
    }
    // Forget the oldest closed occurrences beyond the history kept.
    for (auto it = alarms_.begin(); alarms_.size() > history_ && it != alarms_.end();) {
      it = it->open() ? std::next(it) : alarms_.erase(it);
    }
  }
  for (const Alarm& a : changed) {
    listeners_.notify(a);
  }
}

std::vector<Alarm> TwinAlarmProvider::list(const AlarmQuery& query) {
  const std::lock_guard lock(mutex_);
  std::vector<Alarm> out;
  for (auto it = alarms_.rbegin(); it != alarms_.rend() && out.size() < query.limit; ++it) {
    const Alarm& a = *it;
    if ((query.open_only && !a.open()) || (query.zone && *query.zone != a.zone) ||
        (query.from_ms && a.raised_ms < *query.from_ms) ||
        (query.to_ms && a.raised_ms >= *query.to_ms)) {
      continue;
    }
    out.push_back(a);
  }
  // Newest first: occurrences enter in step order, and one step may raise several.
  std::stable_sort(out.begin(), out.end(),
                   [](const Alarm& a, const Alarm& b) { return a.raised_ms > b.raised_ms; });
  return out;
}

std::optional<Alarm> TwinAlarmProvider::find(std::string_view id) {
  const std::lock_guard lock(mutex_);
  for (const Alarm& a : alarms_) {
    if (a.id == id) {
      return a;
    }
  }
  return std::nullopt;
}

std::optional<Alarm> TwinAlarmProvider::acknowledge(std::string_view id, std::string_view user,
                                                    std::string_view note, TimeMs now_ms) {
  std::string key;
  bool active = false;
  {
    const std::lock_guard lock(mutex_);
    const auto it =
        std::find_if(alarms_.begin(), alarms_.end(), [id](const Alarm& a) { return a.id == id; });
    if (it == alarms_.end()) {
      return std::nullopt;
    }
    if (it->acknowledged_ms) {
      return *it;  // the first acknowledgement stays
    }
    key = it->code;
    active = it->active();
  }
  // Outside this object's lock: a step holds the greenhouse's lock and then takes this one.
  if (active) {
    greenhouse_.acknowledge(key);
  }
  Alarm out;
  {
    const std::lock_guard lock(mutex_);
    const auto it =
        std::find_if(alarms_.begin(), alarms_.end(), [id](const Alarm& a) { return a.id == id; });
    if (it == alarms_.end()) {
      return std::nullopt;
    }
    if (!it->acknowledged_ms) {
      it->acknowledged_ms = now_ms;
      it->acknowledged_by = std::string(user);
      it->note = std::string(note);
    }
    out = *it;
  }
  listeners_.notify(out);
  return out;
}

}  // namespace egin::runtime
