#include "egin/devices/mqtt_bridge.hpp"

#include <mosquitto.h>

#include <atomic>
#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

namespace egin::devices {

MqttCommand parse_mqtt_command(std::string_view zone, std::string_view device,
                               std::string_view payload, double now_s) {
  MqttCommand command;
  command.zone = std::string(zone);
  command.device = std::string(device);
  SenmlPack pack;
  try {
    pack = parse_senml_json(payload, now_s, 64);
  } catch (const SenmlError& error) {
    command.problem = fmt::format("not a SenML pack: {}", error.what());
    return command;
  }
  if (!pack.errors.empty()) {
    command.problem =
        fmt::format("record {}: {}", pack.errors.front().index, pack.errors.front().reason);
    return command;
  }
  for (const SenmlRecord& r : pack.records) {
    if (r.name == "requested_by" && r.string_value) {
      command.requested_by = *r.string_value;
    } else if (r.name == "request_id" && r.string_value) {
      command.request_id = *r.string_value;
    } else if (r.name.ends_with("/duration") && r.value) {
      command.duration_s = *r.value;
    } else if (r.string_value && r.name.find('/') == std::string::npos) {
      if (!command.actuator.empty()) {
        command.problem = "more than one command in the pack (send one per message)";
        return command;
      }
      command.actuator = r.name;
      command.command = *r.string_value;
    } else {
      command.problem = fmt::format("record '{}' is not part of a command", r.name);
      return command;
    }
  }
  if (command.actuator.empty()) {
    command.problem = "no command: expected a record {\"n\":\"<actuator>\",\"vs\":\"<command>\"}";
  } else if (command.duration_s && command.duration_s.value() < 0.0) {
    command.problem = "duration below 0 s";
  }
  return command;
}

std::string mqtt_ack_payload(const CommandRecord& record) {
  std::vector<SenmlRecord> records;
  const double t = static_cast<double>(record.finished_ms != 0    ? record.finished_ms
                                       : record.confirmed_ms != 0 ? record.confirmed_ms
                                                                  : record.requested_ms) /
                   1000.0;
  auto add = [&](const std::string& name, auto value, const std::string& unit = {}) {
    SenmlRecord r;
    r.name = record.actuator + "/" + name;
    r.unit = unit;
    r.time_s = t;
    if constexpr (std::is_same_v<decltype(value), std::string>) {
      r.string_value = value;
    } else {
      r.value = static_cast<double>(value);
    }
    records.push_back(std::move(r));
  };
  add("result", std::string(command_result_name(record.result)));
  add("command", record.command);
  add("opid", record.opid);
  add("status", record.status);
  add("remaining", record.remaining_s, "s");
  add("request_id", record.request_id);
  add("command_id", record.id);
  add("detail", record.detail);
  return write_senml_json(records, record.actuator + "/");
}

struct MqttBridge::Impl {
  MqttBridgeOptions options;
  CommandHandler handler;
  mosquitto* mosq = nullptr;
  std::atomic<bool> is_connected{false};
  bool started = false;
  std::string cmd_pattern;
  std::string state_topic;

  void on_connect(int rc) {
    if (rc != 0) {
      return;
    }
    is_connected = true;
    mosquitto_subscribe(mosq, nullptr, cmd_pattern.c_str(), 1);
    mosquitto_publish(mosq, nullptr, state_topic.c_str(), 6, "online", 1, true);
  }

  void on_message(const mosquitto_message& message) {
    const std::string_view topic = message.topic != nullptr ? message.topic : "";
    // egin/{site}/{zone}/{device}/cmd
    std::vector<std::string_view> levels;
    std::size_t start = 0;
    for (;;) {
      const std::size_t slash = topic.find('/', start);
      levels.push_back(topic.substr(
          start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
      if (slash == std::string_view::npos) {
        break;
      }
      start = slash + 1;
    }
    if (levels.size() != 5 || levels[4] != "cmd") {
      return;
    }
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   static_cast<std::size_t>(message.payloadlen));
    const double now_s =
        static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count()) /
        1000.0;
    const MqttCommand command = parse_mqtt_command(levels[2], levels[3], payload, now_s);
    CommandRecord record;
    try {
      record = handler(command);
    } catch (const std::exception& error) {
      record.actuator = command.actuator.empty() ? "command" : command.actuator;
      record.request_id = command.request_id;
      record.result = CommandResult::kFailed;
      record.detail = error.what();
    }
    const std::string ack = fmt::format("egin/{}/{}/{}/ack", options.site_id, levels[2], levels[3]);
    const std::string body = mqtt_ack_payload(record);
    mosquitto_publish(mosq, nullptr, ack.c_str(), static_cast<int>(body.size()), body.data(), 1,
                      false);
  }
};

MqttBridge::MqttBridge(MqttBridgeOptions options, CommandHandler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  if (impl_->options.client_id.empty()) {
    impl_->options.client_id = "egin-bridge-" + impl_->options.site_id;
  }
  impl_->cmd_pattern = fmt::format("egin/{}/+/+/cmd", impl_->options.site_id);
  impl_->state_topic =
      fmt::format("egin/{}/$bridge/{}", impl_->options.site_id, impl_->options.client_id);
}

MqttBridge::~MqttBridge() { stop(); }

void MqttBridge::start() {
  Impl& p = *impl_;
  if (p.started) {
    return;
  }
  mosquitto_lib_init();  // idempotent; never cleaned up (other clients may live in the process)
  p.mosq = mosquitto_new(p.options.client_id.c_str(), true, &p);
  if (p.mosq == nullptr) {
    throw std::runtime_error("mosquitto_new failed");
  }
  // No mosquitto_threaded_set: mosquitto_loop_start refuses a handle already marked threaded.
  if (!p.options.username.empty()) {
    mosquitto_username_pw_set(p.mosq, p.options.username.c_str(),
                              p.options.password.empty() ? nullptr : p.options.password.c_str());
  }
  mosquitto_will_set(p.mosq, p.state_topic.c_str(), 7, "offline", 1, true);
  mosquitto_connect_callback_set(
      p.mosq, [](mosquitto*, void* self, int rc) { static_cast<Impl*>(self)->on_connect(rc); });
  mosquitto_disconnect_callback_set(
      p.mosq, [](mosquitto*, void* self, int) { static_cast<Impl*>(self)->is_connected = false; });
  mosquitto_message_callback_set(p.mosq, [](mosquitto*, void* self, const mosquitto_message* m) {
    if (m != nullptr) {
      static_cast<Impl*>(self)->on_message(*m);
    }
  });
  mosquitto_reconnect_delay_set(p.mosq, 1, 10, true);
  // Non-blocking: the loop thread connects and keeps reconnecting while the broker is away.
  mosquitto_connect_async(p.mosq, p.options.host.c_str(), p.options.port, p.options.keepalive_s);
  mosquitto_loop_start(p.mosq);
  p.started = true;
}

void MqttBridge::stop() {
  Impl& p = *impl_;
  if (!p.started) {
    return;
  }
  p.started = false;
  if (p.is_connected) {
    mosquitto_publish(p.mosq, nullptr, p.state_topic.c_str(), 7, "offline", 1, true);
  }
  mosquitto_disconnect(p.mosq);
  mosquitto_loop_stop(p.mosq, false);
  mosquitto_destroy(p.mosq);
  p.mosq = nullptr;
}

bool MqttBridge::connected() const { return impl_->is_connected; }

namespace {

bool publish(mosquitto* mosq, const std::string& topic, const std::string& body, bool retain) {
  return mosq != nullptr &&
         mosquitto_publish(mosq, nullptr, topic.c_str(), static_cast<int>(body.size()), body.data(),
                           1, retain) == MOSQ_ERR_SUCCESS;
}

}  // namespace

bool MqttBridge::publish_obs(std::string_view zone, std::string_view device,
                             const std::vector<SenmlRecord>& records) {
  if (!impl_->is_connected) {
    return false;
  }
  return publish(impl_->mosq,
                 fmt::format("egin/{}/{}/{}/obs", impl_->options.site_id, zone, device),
                 write_senml_json(records), false);
}

bool MqttBridge::publish_status(std::string_view zone, std::string_view device,
                                const std::vector<SenmlRecord>& records) {
  if (!impl_->is_connected) {
    return false;
  }
  return publish(impl_->mosq,
                 fmt::format("egin/{}/{}/{}/status", impl_->options.site_id, zone, device),
                 write_senml_json(records), true);
}

bool MqttBridge::publish_ack(std::string_view zone, std::string_view device,
                             const CommandRecord& record) {
  if (!impl_->is_connected) {
    return false;
  }
  return publish(impl_->mosq,
                 fmt::format("egin/{}/{}/{}/ack", impl_->options.site_id, zone, device),
                 mqtt_ack_payload(record), false);
}

}  // namespace egin::devices
