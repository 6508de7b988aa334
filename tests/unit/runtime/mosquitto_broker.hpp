// Test support for MQTT: a REAL private Mosquitto broker (tests/support/mosquitto.sh: its own
// config in a temp dir, 127.0.0.1 and a free port, anonymous, large session queues), a QoS 1
// publisher on libmosquitto, and a reader of retained messages. It must not mock the broker.
#pragma once

#include <mosquitto.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace egin::testing {

/// A mosquitto process on 127.0.0.1:port(), started by the constructor and stopped (and its
/// directory removed) by the destructor. stop()/kill() and start() again keep the port.
class MosquittoBroker {
 public:
  MosquittoBroker() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egin-mosquitto-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    start();
  }
  ~MosquittoBroker() {
    run("stop");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  void start() {
    run("start", port_ > 0 ? std::to_string(port_) : std::string());
    std::ifstream in(dir_ / "port");
    in >> port_;
    if (port_ <= 0) throw std::runtime_error("mosquitto.sh wrote no port");
  }
  void stop() { run("stop"); }  // SIGTERM: clean shutdown
  void kill() { run("kill"); }  // SIGKILL

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string log() const {
    std::ifstream in(dir_ / "mosquitto.log");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  void run(const std::string& command, const std::string& extra = {}) const {
    const std::string line = "bash '" EGIN_SOURCE_DIR "/tests/support/mosquitto.sh' " + command +
                             " '" + dir_.string() + "' " + extra + " >/dev/null";
    if (std::system(line.c_str()) != 0) {
      throw std::runtime_error("failed: " + line + "\n" + log());
    }
  }

  std::filesystem::path dir_;
  int port_ = 0;
};

/// A libmosquitto client for tests: connects (clean session), publishes with QoS 1 and waits for
/// the broker's PUBACKs, and collects messages of topics it subscribed to.
class MqttTestClient {
 public:
  MqttTestClient(int port, const std::string& client_id) {
    mosquitto_lib_init();
    mosq_ = mosquitto_new(client_id.c_str(), true, this);
    if (mosq_ == nullptr) throw std::runtime_error("mosquitto_new failed");
    mosquitto_max_inflight_messages_set(mosq_, 100);
    mosquitto_connect_callback_set(mosq_, [](mosquitto*, void* obj, int rc) {
      auto& self = *static_cast<MqttTestClient*>(obj);
      const std::lock_guard lock(self.mutex_);
      self.connected_ = rc == 0;
      self.cv_.notify_all();
    });
    mosquitto_publish_callback_set(mosq_, [](mosquitto*, void* obj, int) {
      auto& self = *static_cast<MqttTestClient*>(obj);
      const std::lock_guard lock(self.mutex_);
      ++self.acked_;
      self.cv_.notify_all();
    });
    mosquitto_message_callback_set(mosq_, [](mosquitto*, void* obj, const mosquitto_message* m) {
      auto& self = *static_cast<MqttTestClient*>(obj);
      const std::lock_guard lock(self.mutex_);
      self.last_[m->topic] = std::string(static_cast<const char*>(m->payload),
                                         static_cast<std::size_t>(m->payloadlen));
      self.cv_.notify_all();
    });
    if (mosquitto_connect(mosq_, "127.0.0.1", port, 30) != MOSQ_ERR_SUCCESS ||
        mosquitto_loop_start(mosq_) != MOSQ_ERR_SUCCESS) {
      throw std::runtime_error("test client cannot connect to port " + std::to_string(port));
    }
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, std::chrono::seconds(10), [&] { return connected_; })) {
      throw std::runtime_error("test client: no CONNACK");
    }
  }
  ~MqttTestClient() {
    mosquitto_disconnect(mosq_);
    mosquitto_loop_stop(mosq_, false);
    mosquitto_destroy(mosq_);
  }
  MqttTestClient(const MqttTestClient&) = delete;
  MqttTestClient& operator=(const MqttTestClient&) = delete;

  void publish(const std::string& topic, const std::string& payload, bool retain = false) {
    {
      const std::lock_guard lock(mutex_);
      ++published_;
    }
    const int rc = mosquitto_publish(mosq_, nullptr, topic.c_str(),
                                     static_cast<int>(payload.size()), payload.data(), 1, retain);
    if (rc != MOSQ_ERR_SUCCESS) throw std::runtime_error("publish failed: " + std::to_string(rc));
  }
  /// True when the broker acknowledged everything published so far.
  bool wait_acked(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return acked_ >= published_; });
  }

  void subscribe(const std::string& pattern) {
    mosquitto_subscribe(mosq_, nullptr, pattern.c_str(), 1);
  }
  /// Waits until the last message seen on `topic` equals `payload` (retained ones arrive at
  /// subscribe). Returns the last payload seen, or nullopt when none came.
  std::optional<std::string> wait_for(
      const std::string& topic, const std::string& payload,
      std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, timeout, [&] {
      const auto it = last_.find(topic);
      return it != last_.end() && it->second == payload;
    });
    const auto it = last_.find(topic);
    if (it == last_.end()) return std::nullopt;
    return it->second;
  }

 private:
  mosquitto* mosq_ = nullptr;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool connected_ = false;
  std::size_t published_ = 0;
  std::size_t acked_ = 0;
  std::map<std::string, std::string> last_;
};

}  // namespace egin::testing
