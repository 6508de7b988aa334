// MqttIngest: readings arriving through an MQTT broker (Mosquitto) on the DESIGN.md topic tree
// egin/{site}/{zone}/{device}/obs, SenML packs, QoS 1 in a persistent session (clean session off,
// fixed client id), so readings published while egin is down are delivered when it is back.
// Each message goes through the IngestPipeline and is acknowledged (PUBACK) only after ingest()
// returned, i.e. after its accepted readings are durable. Publishes the retained
// egin/{site}/$state ("online", last will "offline").
// It must not validate or store by itself, and never crashes on a bad message (counted, logged).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/metrics.hpp"

namespace egin::runtime {

struct MqttOptions {
  std::string host = "localhost";
  int port = 1883;
  std::string username;
  std::string password;
  std::string client_id;  // default "egin-{site}"; must stay the same across restarts
  int keepalive_s = 30;
};

/// "mqtt://[user[:password]@]host[:port]" → options; throws InputError naming the flag --mqtt.
MqttOptions parse_mqtt_url(std::string_view url);

class MqttIngest {
 public:
  MqttIngest(MqttOptions options, std::string site_id, IngestPipeline& pipeline, Metrics& metrics);
  ~MqttIngest();  // stop()
  MqttIngest(const MqttIngest&) = delete;
  MqttIngest& operator=(const MqttIngest&) = delete;

  /// Connects (retrying in the background until the broker answers) and subscribes.
  void start();
  /// Publishes "offline", disconnects and joins the network thread.
  void stop();
  [[nodiscard]] bool connected() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace egin::runtime
