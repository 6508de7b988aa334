#include "egin/runtime/zone_climate_loop.hpp"

#include <chrono>
#include <cmath>
#include <exception>

namespace egin::runtime {

namespace {

using control::SensorId;

constexpr std::size_t kFoldedIdsKept = 1024;

bool is_confirmed(devices::CommandResult r) {
  return r == devices::CommandResult::kConfirmed || r == devices::CommandResult::kFinished;
}

std::optional<SensorId> feedback_of(control::ActuatorId id) {
  switch (id) {
    case control::ActuatorId::kVentLee:
      return SensorId::kVentLeeFeedback;
    case control::ActuatorId::kVentWind:
      return SensorId::kVentWindFeedback;
    case control::ActuatorId::kScreenEnergy:
      return SensorId::kScreenEnergyFeedback;
    case control::ActuatorId::kScreenShade:
      return SensorId::kScreenShadeFeedback;
    case control::ActuatorId::kScreenBlackout:
      return SensorId::kScreenBlackoutFeedback;
    default:
      return std::nullopt;
  }
}

}  // namespace

ZoneClimateLoop::ZoneClimateLoop(ClimateWiring wiring, control::ControllerSettings settings,
                                 LiveSite& site, IngestPipeline& pipeline,
                                 ActuatorCommandService& service, Metrics& metrics,
                                 const Clock& clock)
    : wiring_(std::move(wiring)),
      settings_(std::move(settings)),
      site_(site),
      pipeline_(pipeline),
      service_(service),
      clock_(clock),
      steps_total_(metrics.counter("egin_climate_steps_total", "Climate computer steps run",
                                   {{"zone", wiring_.zone}})),
      commands_sent_(metrics.counter("egin_climate_commands_total",
                                     "Climate computer commands by result",
                                     {{"zone", wiring_.zone}, {"result", "confirmed"}})),
      commands_refused_(metrics.counter("egin_climate_commands_total",
                                        "Climate computer commands by result",
                                        {{"zone", wiring_.zone}, {"result", "refused"}})),
      commands_failed_(metrics.counter("egin_climate_commands_total",
                                       "Climate computer commands by result",
                                       {{"zone", wiring_.zone}, {"result", "failed"}})),
      alarms_active_(metrics.gauge("egin_climate_alarms_active",
                                   "Active alarms of the climate computer",
                                   {{"zone", wiring_.zone}})) {
  drives_.resize(wiring_.actuators.size());
  for (std::size_t i = 0; i < wiring_.actuators.size(); ++i) {
    drives_[i].estimate.travel_s = wiring_.actuators[i].travel_s;
  }
  subscription_ =
      service_.subscribe([this](const devices::CommandRecord& r) { this->on_record(r); });
}

ZoneClimateLoop::~ZoneClimateLoop() {
  stop();
  service_.unsubscribe(subscription_);
}

void ZoneClimateLoop::on_record(const devices::CommandRecord& record) {
  if (!is_confirmed(record.result)) {
    return;
  }
  for (const ClimateActuatorWiring& a : wiring_.actuators) {
    if (a.key == record.target) {
      const std::lock_guard lock(records_mutex_);
      records_.push_back(record);
      return;
    }
  }
}

void ZoneClimateLoop::fold_locked(const devices::CommandRecord& r) {
  // A timed switch command that ran down leaves the switch off; everything else is folded once,
  // when first seen confirmed.
  const bool timed_switch_done =
      r.result == devices::CommandResult::kFinished && r.command == "timed_on";
  const std::string fold_id = timed_switch_done ? r.id + "/finished" : r.id;
  if (folded_set_.contains(fold_id)) {
    return;
  }
  folded_set_.insert(fold_id);
  folded_ids_.push_back(fold_id);
  if (folded_ids_.size() > kFoldedIdsKept) {
    folded_set_.erase(folded_ids_.front());
    folded_ids_.pop_front();
  }
  const TimeMs at_ms = r.confirmed_ms != 0 ? r.confirmed_ms : r.requested_ms;
  for (std::size_t i = 0; i < wiring_.actuators.size(); ++i) {
    const ClimateActuatorWiring& a = wiring_.actuators[i];
    if (a.key != r.target) {
      continue;
    }
    ActuatorDrive& d = drives_[i];
    if (a.opener) {
      if (!timed_switch_done) {
        opener_executed(d.estimate, r.command, static_cast<double>(r.time_s), at_ms);
      }
    } else if (timed_switch_done) {
      d.commanded = false;
    } else if (r.command == "on" || r.command == "timed_on") {
      d.commanded = true;
    } else if (r.command == "off") {
      d.commanded = false;
    }
    d.refused.clear();
    if (r.requested_by != requester() && !timed_switch_done) {
      d.manual_until_ms = at_ms + static_cast<TimeMs>(std::llround(wiring_.manual_hold_s * 1000.0));
    }
  }
}

void ZoneClimateLoop::fold_records_locked() {
  std::vector<devices::CommandRecord> records;
  {
    const std::lock_guard lock(records_mutex_);
    records.swap(records_);
  }
  for (const devices::CommandRecord& r : records) {
    fold_locked(r);
  }
}

control::Measurements ZoneClimateLoop::read_locked(TimeMs now_ms) const {
  control::Measurements m;
  for (std::size_t i = 0; i < control::kSensorCount; ++i) {
    const std::string& key = wiring_.sensors[i];
    if (key.empty()) {
      continue;
    }
    control::Reading& reading = m[static_cast<SensorId>(i)];
    const auto channel = site_.lookup(key);
    if (!channel) {
      continue;  // missing: not (yet) a channel of the site
    }
    const auto latest = pipeline_.latest(channel->id);
    if (!latest) {
      continue;
    }
    reading.value = latest->value;
    reading.t_ms = latest->t_ms;
    reading.quality = (latest->flags & store::kFlagsExcludedFromRollups) != 0
                          ? control::Quality::kBad
                          : control::Quality::kGood;
  }
  for (std::size_t i = 0; i < wiring_.actuators.size(); ++i) {
    const ClimateActuatorWiring& a = wiring_.actuators[i];
    const auto feedback = feedback_of(a.output);
    if (!a.opener || !feedback || !wiring_.sensors[control::index_of(*feedback)].empty()) {
      continue;
    }
    if (drives_[i].estimate.known) {
      m[*feedback] = control::good_reading(opener_position(drives_[i].estimate, now_ms), now_ms);
    }
  }
  return m;
}

void ZoneClimateLoop::step(TimeMs now_ms) {
  std::vector<PlannedCommand> plan;
  {
    const std::lock_guard lock(mutex_);
    fold_records_locked();
    measurements_ = read_locked(now_ms);
    const Site site = site_.snapshot();
    control::StepInput input;
    input.now_ms = now_ms;
    input.site = {site.latitude_deg, site.longitude_deg, site.utc_offset_min};
    input.measurements = measurements_;
    last_ = control::step(settings_, input, state_);
    ++steps_;
    steps_total_.add();
    double active = 0.0;
    for (const control::AlarmRecord& r : state_.alarms) {
      active += r.active ? 1.0 : 0.0;
    }
    alarms_active_.set(active);
    plan = plan_climate_commands(wiring_.actuators, drives_, last_->commands, now_ms,
                                 wiring_.deadband_frac);
    if (observer_) {
      observer_(*last_, measurements_);
    }
  }
  // The service blocks until the node confirmed (seconds): without the lock, so snapshots and
  // the service's listener are not held up.
  for (const PlannedCommand& p : plan) {
    ActuatorCommandRequest request;
    request.channel_key = wiring_.actuators[p.actuator].key;
    request.command = p.command;
    request.duration_s = p.duration_s;
    request.requested_by = requester();
    request.origin = "controller";
    request.reason = "climate computer step";
    devices::CommandRecord record;
    try {
      record = service_.submit(request);
    } catch (const std::exception& error) {
      record.result = devices::CommandResult::kFailed;
      record.detail = error.what();
    }
    const std::lock_guard lock(mutex_);
    if (is_confirmed(record.result)) {
      commands_sent_.add();
      fold_locked(record);
    } else if (record.result == devices::CommandResult::kRefused) {
      commands_refused_.add();
      drives_[p.actuator].refused = p.command;
    } else {
      commands_failed_.add();  // tried again at the next step
    }
  }
}

void ZoneClimateLoop::start() {
  if (thread_.joinable()) {
    return;
  }
  {
    const std::lock_guard lock(run_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { run(); });
}

void ZoneClimateLoop::stop() {
  {
    const std::lock_guard lock(run_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void ZoneClimateLoop::run() {
  const auto step_ms = static_cast<TimeMs>(std::llround(settings_.step_s * 1000.0));
  TimeMs next_ms = clock_.now_ms() + step_ms;
  std::unique_lock lock(run_mutex_);
  while (!stopping_) {
    const TimeMs now_ms = clock_.now_ms();
    if (now_ms >= next_ms) {
      lock.unlock();
      try {
        step(now_ms);
      } catch (const std::exception&) {
        // A failed step (the store gone) is retried at the next one.
      }
      lock.lock();
      next_ms += step_ms;
      if (next_ms <= now_ms) {
        next_ms = now_ms + step_ms;  // steps missed (a slow bus): no burst to catch up
      }
      continue;
    }
    // The site clock may run faster than real time: look again often.
    wake_.wait_for(lock, std::chrono::milliseconds(50));
  }
}

std::vector<ActuatorDrive> ZoneClimateLoop::drives() const {
  const std::lock_guard lock(mutex_);
  return drives_;
}

std::optional<control::StepResult> ZoneClimateLoop::last_step() const {
  const std::lock_guard lock(mutex_);
  return last_;
}

control::Measurements ZoneClimateLoop::measurements() const {
  const std::lock_guard lock(mutex_);
  return measurements_;
}

std::size_t ZoneClimateLoop::steps() const {
  const std::lock_guard lock(mutex_);
  return steps_;
}

}  // namespace egin::runtime
