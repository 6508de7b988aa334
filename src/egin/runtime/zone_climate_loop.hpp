// ZoneClimateLoop: the climate computer (control/climate_controller.hpp) driving a zone's real
// devices under `egin serve` — the live counterpart of the twin's loop (twin_climate_loop.hpp).
// Configured by a [[climate]] section of the devices file (climate_wiring.hpp). Every step_s of
// the settings (site clock) it
//
//   1. folds the commands the nodes confirmed since the last step into its memory (the
//      service's audit records): an opener's position estimate (opener_estimate.hpp) and a
//      switch's state, whoever sent them; a command not sent by "climate:<zone>" (an operator,
//      MQTT) puts its actuator in manual for manual_hold_s;
//   2. reads the latest value of every wired channel with its time stamp (IngestPipeline's
//      cache; a flagged reading — spike, stuck, device status — as bad, none as missing), and
//      for an opener feedback that no channel gives, the opener's estimate: the controller's
//      sensor checks and safety layer judge stale, missing and implausible readings;
//   3. runs the controller (rules, safe states, interlocks, travel limits, alarms);
//   4. sends only the commands that change something (climate_command_plan.hpp) through the
//      ActuatorCommandService with requested_by "climate:<zone>", origin "controller" — each
//      in the audit trail.
//
// Counts in /metrics: egin_climate_steps_total{zone}, egin_climate_commands_total{zone,result},
// egin_climate_alarms_active{zone}. One thread per loop after start(); step(now) runs one step
// in the caller's thread (tests). The site, pipeline, service and clock must outlive it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "egin/control/climate_controller.hpp"
#include "egin/control/settings.hpp"
#include "egin/core/clock.hpp"
#include "egin/runtime/actuator_command_service.hpp"
#include "egin/runtime/climate_command_plan.hpp"
#include "egin/runtime/climate_wiring.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"

namespace egin::runtime {

class ZoneClimateLoop final {
 public:
  ZoneClimateLoop(ClimateWiring wiring, control::ControllerSettings settings, LiveSite& site,
                  IngestPipeline& pipeline, ActuatorCommandService& service, Metrics& metrics,
                  const Clock& clock);
  ~ZoneClimateLoop();  // stop()
  ZoneClimateLoop(const ZoneClimateLoop&) = delete;
  ZoneClimateLoop& operator=(const ZoneClimateLoop&) = delete;

  /// Starts the thread: the first step one step_s from now.
  void start();
  void stop();
  /// One step at `now_ms` (site time).
  void step(TimeMs now_ms);

  [[nodiscard]] const ClimateWiring& wiring() const { return wiring_; }
  [[nodiscard]] std::string requester() const { return "climate:" + wiring_.zone; }
  [[nodiscard]] std::vector<ActuatorDrive> drives() const;
  [[nodiscard]] std::optional<control::StepResult> last_step() const;
  [[nodiscard]] control::Measurements measurements() const;
  [[nodiscard]] std::size_t steps() const;
  /// f(result, measurements) after every decision, on the loop's thread (logs); set before
  /// start().
  void set_step_observer(
      std::function<void(const control::StepResult&, const control::Measurements&)> observer) {
    observer_ = std::move(observer);
  }

 private:
  void on_record(const devices::CommandRecord& record);
  void fold_records_locked();
  void fold_locked(const devices::CommandRecord& record);
  [[nodiscard]] control::Measurements read_locked(TimeMs now_ms) const;
  void run();

  ClimateWiring wiring_;
  control::ControllerSettings settings_;
  LiveSite& site_;
  IngestPipeline& pipeline_;
  ActuatorCommandService& service_;
  const Clock& clock_;
  Counter& steps_total_;
  Counter& commands_sent_;
  Counter& commands_refused_;
  Counter& commands_failed_;
  Gauge& alarms_active_;

  mutable std::mutex mutex_;  // the controller's state and memory below
  control::ControllerState state_;
  std::vector<ActuatorDrive> drives_;
  control::Measurements measurements_;
  std::optional<control::StepResult> last_;
  std::size_t steps_ = 0;
  std::deque<std::string> folded_ids_;  // confirmed records already folded (newest last)
  std::set<std::string> folded_set_;

  std::function<void(const control::StepResult&, const control::Measurements&)> observer_;

  std::mutex records_mutex_;  // filled by the service's listener
  std::vector<devices::CommandRecord> records_;
  std::size_t subscription_ = 0;

  std::mutex run_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace egin::runtime
