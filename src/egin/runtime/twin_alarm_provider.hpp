// TwinAlarmProvider: the AlarmProvider (alarms.hpp) of a climate computer running on the
// greenhouse twin (twin_greenhouse.hpp) — the demo farm's greenhouse. It watches every control
// step (TwinGreenhouse::set_step_observer) and turns the controller's alarm events
// (control/alarms.hpp: raised and cleared bits, the board's times, values and limits) into the
// API's alarms:
//
// | API Alarm         | from the climate computer                                        |
// |-------------------|------------------------------------------------------------------|
// | id                | "<zone>.<key>.<raised, s since 1970>": one per occurrence        |
// | zone, source      | the zone given; "<zone>/controller"                               |
// | code              | the alarm's key: "t_air_high", "sensor_missing.co2_air_ppm"       |
// | severity          | priority 1 → critical, 2 → warning, 3 → info (alarm_priority)     |
// | message           | control::alarm_message when raised ("… 36.4 °C (limit 35 °C)")    |
// | raised, cleared   | the board's raised_ms and cleared_ms: the loop's (site) time      |
// | acknowledged (by) | acknowledge(): the person, the note and the caller's (site) time  |
//
// Acknowledging an active alarm acknowledges it in the controller too (its snapshot shows it);
// a cleared one is only closed here. The newest `history` occurrences are kept (in memory: a
// restart forgets cleared ones; active ones come back at the controller's next step). Listeners
// hear every raise, clear and acknowledgement. Thread-safe; the greenhouse must outlive it.
// It must not judge conditions: the climate computer does.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "egin/runtime/alarms.hpp"
#include "egin/runtime/listeners.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::runtime {

class TwinAlarmProvider final : public AlarmProvider {
 public:
  TwinAlarmProvider(TwinGreenhouse& greenhouse, std::string zone, std::size_t history = 500);
  ~TwinAlarmProvider() override;

  std::vector<Alarm> list(const AlarmQuery& query) override;
  std::optional<Alarm> find(std::string_view id) override;
  std::optional<Alarm> acknowledge(std::string_view id, std::string_view user,
                                   std::string_view note, TimeMs now_ms) override;
  std::size_t subscribe(std::function<void(const Alarm&)> listener) override {
    return listeners_.add(std::move(listener));
  }
  void unsubscribe(std::size_t id) override { listeners_.remove(id); }

 private:
  void on_step(const StepRecord& record, const TwinClimateLoop& loop);

  TwinGreenhouse& greenhouse_;
  std::string zone_;
  std::size_t history_;
  std::mutex mutex_;
  std::deque<Alarm> alarms_;                 // oldest first
  std::map<std::string, std::string> open_;  // alarm key → id of its active occurrence
  Listeners<Alarm> listeners_;
};

/// The API's severity of a climate computer's priority (1 urgent, 2 high, 3 low).
AlarmSeverity severity_of_priority(int priority);

}  // namespace egin::runtime
