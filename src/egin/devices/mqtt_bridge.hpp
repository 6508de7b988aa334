// MqttBridge: the devices' side of the DESIGN.md MQTT contract on libmosquitto. Publishes
// observations (SenML, QoS 1) on egin/{site}/{zone}/{device}/obs and status (SenML, retained)
// on …/status; subscribes to egin/{site}/+/+/cmd, parses each command pack and hands it to the
// command handler, and publishes the handler's answers on …/ack. A retained
// egin/{site}/$bridge/{client} says "online" (last will "offline").
//
// Command pack (one command per message; names under the device's topic):
//   [{"n":"switch_3","vs":"timed_on"},          the actuator and the command
//    {"n":"switch_3/duration","u":"s","v":30},  timed commands: seconds
//    {"n":"requested_by","vs":"panel-1"},       who asks (checked against configuration)
//    {"n":"request_id","vs":"r-17"}]            echoed in every ack
// Ack pack (one per step: confirmed/refused/failed at once, finished/superseded later):
//   [{"bn":"switch_3/","n":"result","vs":"confirmed"},{"n":"opid","v":12},
//    {"n":"status","v":201},{"n":"remaining","u":"s","v":30},{"n":"request_id","vs":"r-17"},
//    {"n":"command_id","vs":"…"},{"n":"detail","vs":"…"}]
// Connection: background reconnect (mosquitto_loop_start). It must not authorise or execute
// commands (the handler does) or know the bus.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/senml.hpp"
#include "egin/devices/command_audit.hpp"

namespace egin::devices {

struct MqttBridgeOptions {
  std::string host = "localhost";
  int port = 1883;
  std::string username;
  std::string password;
  std::string client_id;  // default "egin-bridge-{site}"
  int keepalive_s = 30;
  std::string site_id;
};

/// A command as it arrived on egin/{site}/{zone}/{device}/cmd.
struct MqttCommand {
  std::string zone;
  std::string device;
  std::string actuator;
  std::string command;
  std::optional<double> duration_s;
  std::string requested_by;
  std::string request_id;
  std::string problem;  // set when the pack could not be understood (an ack says so)
};

/// Parses a command pack; `problem` is set on anything unexpected. Pure (unit tests, fuzzing).
MqttCommand parse_mqtt_command(std::string_view zone, std::string_view device,
                               std::string_view payload, double now_s);
/// The ack pack of a command record.
std::string mqtt_ack_payload(const CommandRecord& record);

class MqttBridge {
 public:
  /// Called on the MQTT thread for each command; returns the first record (refused, failed,
  /// confirmed or finished). Later steps are published with publish_ack().
  using CommandHandler = std::function<CommandRecord(const MqttCommand&)>;

  MqttBridge(MqttBridgeOptions options, CommandHandler handler);
  ~MqttBridge();
  MqttBridge(const MqttBridge&) = delete;
  MqttBridge& operator=(const MqttBridge&) = delete;

  void start();
  void stop();
  [[nodiscard]] bool connected() const;

  /// QoS 1 on …/obs; false when not connected (the caller keeps its own copy: the store).
  bool publish_obs(std::string_view zone, std::string_view device,
                   const std::vector<SenmlRecord>& records);
  /// Retained, QoS 1 on …/status.
  bool publish_status(std::string_view zone, std::string_view device,
                      const std::vector<SenmlRecord>& records);
  /// On egin/{site}/{zone}/{device}/ack; `target` is "zone/device/actuator".
  bool publish_ack(std::string_view zone, std::string_view device, const CommandRecord& record);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::devices
