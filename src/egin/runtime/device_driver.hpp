// DeviceDrivers: the devices layer wired into the runtime. For each bus of the devices file
// (devices_file.hpp): open the link, find the configured nodes (discovery; a node not found is
// looked for again every rediscover_s), add their channels to the site device when missing,
// poll them with the bus's scheduler (devices/bus_poller.hpp) and feed every reading into the
// IngestPipeline as IngestSource::driver — values of slots whose status keeps them
// (ksx3267::quality_keeps_value), each slot's status as "<channel>_status", each actuator's
// state ("<id>": switch 1/0, opener +1/0/−1), status and remaining time. Counts per node in
// /metrics (egin_modbus_*). Implements ActuatorCommandService: commands go to the bus in the
// caller's thread, before waiting polls, with OPIDs persisted in <state-dir>/opid-state and the
// audit trail in <state-dir>/commands.jsonl. With an MqttBridge attached it publishes status
// (and, if asked, observations) and answers MQTT commands that the configuration authorises.
//
// Channels of a node: sensor slots "<stem>_<k>" (Annex A labels, node_map.hpp) unless the
// node's `channels` table maps them to site ids; quantity, SenML unit and range from the device
// code (ksx3267_codes.hpp); sampling period = the poll period.
// Threads: one per bus after start(); run_once() does one pass without threads (tests with a
// ManualClock). It must not parse wire formats or serve HTTP.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/mqtt_bridge.hpp"
#include "egin/runtime/actuator_command_service.hpp"
#include "egin/runtime/devices_file.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"

namespace egin::runtime {

/// One configured node as the driver sees it.
struct DriverNodeState {
  std::string bus;
  int slave = 0;
  std::string zone;
  std::string device;
  bool discovered = false;
  bool polled = false;  // discovered and being polled (needs_spec nodes are not, by default)
  bool online = false;
  std::string kind;  // devices::map_kind_name
  int address_offset = 0;
  std::string problem;  // why not found / not polled / last failure
  TimeMs last_ok_ms = 0;
};

class DeviceDrivers final : public ActuatorCommandService {
 public:
  /// Opens nothing yet. `state_dir` holds opid-state and commands.jsonl.
  DeviceDrivers(DevicesConfig config, LiveSite& site, IngestPipeline& pipeline, Metrics& metrics,
                const Clock& clock, const std::filesystem::path& state_dir);
  ~DeviceDrivers() override;  // stop()
  DeviceDrivers(const DeviceDrivers&) = delete;
  DeviceDrivers& operator=(const DeviceDrivers&) = delete;

  /// Starts one thread per bus.
  void start();
  void stop();
  /// One pass over every bus in the caller's thread: discovery that is due, polls that are due.
  /// Returns the earliest time more work is due.
  TimeMs run_once();

  /// Publishes through `bridge` from now on (status, observations if configured, acks); null
  /// detaches. The bridge's command handler should call handle_mqtt_command.
  void attach_bridge(devices::MqttBridge* bridge);
  devices::CommandRecord handle_mqtt_command(const devices::MqttCommand& command);

  [[nodiscard]] std::vector<DriverNodeState> nodes() const;
  [[nodiscard]] const DevicesConfig& config() const { return config_; }

  // ActuatorCommandService
  devices::CommandRecord submit(const ActuatorCommandRequest& request) override;
  [[nodiscard]] std::vector<devices::CommandRecord> recent(std::size_t limit) const override;
  [[nodiscard]] std::optional<devices::CommandRecord> find(std::string_view id) const override;
  [[nodiscard]] std::vector<ActuatorInfo> actuators() const override;
  std::size_t subscribe(std::function<void(const devices::CommandRecord&)> listener) override;
  void unsubscribe(std::size_t id) override;

 private:
  struct BusState;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  DevicesConfig config_;
};

}  // namespace egin::runtime
