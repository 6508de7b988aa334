#include "egin/runtime/device_driver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "egin/core/input_error.hpp"
#include "egin/devices/discovery.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/libmodbus_link.hpp"
#include "egin/devices/modbus_map.hpp"
#include "egin/devices/opid_store.hpp"
#include "egin/runtime/listeners.hpp"

namespace egin::runtime {

namespace d = egin::devices;
namespace k = egin::ksx3267;
namespace fs = std::filesystem;

namespace {

constexpr double kDefaultPeriodS = 60.0;
constexpr double kStatusMax = 65535.0;
constexpr double kRemainingMaxS = 4294967295.0;

struct NodeRuntime {
  NodeWiring wiring;
  std::optional<d::ModbusMap> generic;  // a commodity device (map = "…")
  std::optional<d::DiscoveredNode> found;
  bool polled = false;
  TimeMs next_discovery_ms = 0;
  std::string problem;
  double period_s = kDefaultPeriodS;
  std::map<std::string, std::string> site_ids;  // node channel id → site channel id
  std::string last_status;                      // last status pack published
  d::NodeCounters reported;                     // counters already added to metrics
};

struct ActuatorTarget {
  std::size_t bus = 0;
  int slave = 0;
  d::ActuatorChannel channel;
};

/// The last status block polled from an actuator.
struct SeenStatus {
  std::uint16_t status = 0;
  std::uint32_t remaining_s = 0;
  TimeMs t_ms = 0;
};

/// A writable coil of a generic map, commanded on/off.
struct OutputTarget {
  std::size_t bus = 0;
  int slave = 0;
  d::MapPoint point;
};

std::string join_key(const std::string& zone, const std::string& device, const std::string& id) {
  return fmt::format("{}/{}/{}", zone, device, id);
}

const ZoneSpec* find_zone(const Site& site, const std::string& id) {
  for (const ZoneSpec& zone : site.zones) {
    if (zone.id == id) {
      return &zone;
    }
  }
  return nullptr;
}

const DeviceSpec* find_device(const ZoneSpec& zone, const std::string& id) {
  for (const DeviceSpec& device : zone.devices) {
    if (device.id == id) {
      return &device;
    }
  }
  return nullptr;
}

bool has_channel(const DeviceSpec* device, const std::string& id) {
  if (device == nullptr) {
    return false;
  }
  return std::any_of(device->channels.begin(), device->channels.end(),
                     [&](const ChannelSpec& c) { return c.id == id; });
}

// Clock rate against the machine's steady clock, so that waits are right under a ScaledClock.
class RateEstimate {
 public:
  explicit RateEstimate(const Clock& clock)
      : clock_(clock), clock0_(clock.now_ms()), steady0_(std::chrono::steady_clock::now()) {}
  [[nodiscard]] double rate() const {
    const double real_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - steady0_)
            .count();
    if (real_ms < 200.0) {
      return 1.0;
    }
    return std::clamp(static_cast<double>(clock_.now_ms() - clock0_) / real_ms, 1e-3, 1e6);
  }

 private:
  const Clock& clock_;
  TimeMs clock0_;
  std::chrono::steady_clock::time_point steady0_;
};

}  // namespace

struct DeviceDrivers::BusState {
  BusWiring wiring;
  std::unique_ptr<d::Bus> bus;
  std::unique_ptr<d::BusPoller> poller;
  std::vector<d::NodeSpec> specs;
  std::vector<NodeRuntime> nodes;
  std::thread thread;
  mutable std::mutex mutex;  // nodes
};

struct DeviceDrivers::Impl {
  Impl(LiveSite& site_in, IngestPipeline& pipeline_in, Metrics& metrics_in, const Clock& clock_in,
       const fs::path& state_dir)
      : site(site_in),
        pipeline(pipeline_in),
        metrics(metrics_in),
        clock(clock_in),
        opids(state_dir / "opid-state"),
        audit(state_dir / "commands.jsonl"),
        tracker(&audit) {}

  LiveSite& site;
  IngestPipeline& pipeline;
  Metrics& metrics;
  const Clock& clock;
  d::OpidFile opids;
  d::CommandAuditLog audit;
  d::CommandIds ids;
  d::CommandTracker tracker;
  d::CommandOptions command_options;
  MqttBridgeWiring bridge_wiring;
  std::atomic<d::MqttBridge*> bridge{nullptr};

  std::vector<std::unique_ptr<BusState>> buses;
  std::atomic<bool> stopping{false};
  std::mutex wake_mutex;
  std::condition_variable wake_cv;
  bool started = false;

  mutable std::mutex index_mutex;
  std::map<std::string, ActuatorTarget> actuators;  // site channel key → target
  std::map<std::string, OutputTarget> outputs;      // generic coils: site channel key → target
  std::map<std::string, SeenStatus> seen;           // actuator key → last status polled
  Listeners<d::CommandRecord> listeners;

  // ---- channels ----

  double period_for(const NodeWiring& wiring) const {
    if (wiring.period_s > 0.0) {
      return wiring.period_s;
    }
    const Site snapshot = site.snapshot();
    double period = 0.0;
    if (const ZoneSpec* zone = find_zone(snapshot, wiring.zone)) {
      if (const DeviceSpec* device = find_device(*zone, wiring.device)) {
        for (const ChannelSpec& c : device->channels) {
          if (c.kind == ChannelKind::sensor && (period == 0.0 || c.sampling_period_s < period)) {
            period = c.sampling_period_s;
          }
        }
      }
    }
    return period > 0.0 ? period : kDefaultPeriodS;
  }

  /// Adds what the node gives to the site device (when missing: one site save for the whole
  /// device) and remembers the site ids.
  void bind_channels(BusState& bus, NodeRuntime& node, std::size_t bus_index) {
    const d::DiscoveredNode& found = *node.found;
    const NodeWiring& w = node.wiring;
    const Site snapshot = site.snapshot();
    const ZoneSpec* zone = find_zone(snapshot, w.zone);
    if (zone == nullptr) {
      throw InputError({"", 0, "zone"}, fmt::format("zone '{}' is missing", w.zone));
    }
    DeviceSpec merged;
    bool changed = false;
    if (const DeviceSpec* existing = find_device(*zone, w.device)) {
      merged = *existing;
    } else {
      merged.id = w.device;
      merged.name = w.device;
      merged.model = fmt::format("KS X 3267 {} node (slave {} on {}, {})",
                                 k::product_type_name(found.info.product_type), w.slave,
                                 bus.wiring.id, found.map.source);
      changed = true;
    }
    auto add_channel = [&](ChannelSpec spec) {
      if (has_channel(&merged, spec.id) || !w.auto_channels) {
        return;
      }
      merged.channels.push_back(std::move(spec));
      changed = true;
    };
    auto site_id = [&](const std::string& id) {
      const auto it = w.channels.find(id);
      return it != w.channels.end() ? it->second : id;
    };
    for (const d::SensorChannel& s : found.map.sensors) {
      const std::string id = site_id(s.id);
      node.site_ids[s.id] = id;
      const auto kind = k::sensor_kind(s.code);
      if (!kind) {
        continue;
      }
      ChannelSpec spec;
      spec.id = id;
      spec.name = fmt::format("{} (slot {}, code {})", s.id, s.slot, s.code);
      spec.quantity = std::string(kind->quantity);
      spec.unit = std::string(kind->unit);
      spec.min = kind->min;
      spec.max = kind->max;
      spec.sampling_period_s = node.period_s;
      add_channel(spec);
      if (w.store_status) {
        add_channel(status_spec(id, node.period_s));
      }
    }
    for (const d::ActuatorChannel& a : found.map.actuators) {
      const std::string id = site_id(a.id);
      node.site_ids[a.id] = id;
      ChannelSpec spec;
      spec.id = id;
      spec.name = fmt::format("{} (slot {}, code {}, level {})", a.id, a.slot, a.code, a.level);
      spec.kind = ChannelKind::actuator;
      spec.unit = "/";
      if (a.kind == k::ActuatorKind::kSwitch) {
        spec.quantity = "switch_state";
        spec.min = 0.0;
        spec.max = 1.0;
      } else {
        spec.quantity = "opener_motion";
        spec.min = -1.0;
        spec.max = 1.0;
      }
      spec.sampling_period_s = node.period_s;
      add_channel(spec);
      if (w.store_status) {
        add_channel(status_spec(id, node.period_s));
      }
      ChannelSpec remaining;
      remaining.id = id + "_remaining";
      remaining.name = id + " remaining time";
      remaining.quantity = "remaining_time";
      remaining.unit = "s";
      remaining.min = 0.0;
      remaining.max = kRemainingMaxS;
      remaining.sampling_period_s = node.period_s;
      add_channel(remaining);
    }
    if (changed) {
      site.put_device(w.zone, merged);
    }
    const std::lock_guard lock(index_mutex);
    for (const d::ActuatorChannel& a : found.map.actuators) {
      actuators[join_key(w.zone, w.device, node.site_ids[a.id])] =
          ActuatorTarget{bus_index, w.slave, a};
    }
  }

  static ChannelSpec status_spec(const std::string& id, double period_s) {
    ChannelSpec spec;
    spec.id = id + "_status";
    spec.name = id + " status (KS X 3267 Annex B.2)";
    spec.quantity = "device_status";
    spec.unit = "/";
    spec.min = 0.0;
    spec.max = kStatusMax;
    spec.sampling_period_s = period_s;
    return spec;
  }

  // ---- discovery and polling ----

  /// A generic-map device: its points become channels (settings — writable registers — do not).
  void bind_generic(BusState& bus, NodeRuntime& node, std::size_t bus_index) {
    const NodeWiring& w = node.wiring;
    const Site snapshot = site.snapshot();
    const ZoneSpec* zone = find_zone(snapshot, w.zone);
    if (zone == nullptr) {
      throw InputError({"", 0, "zone"}, fmt::format("zone '{}' is missing", w.zone));
    }
    DeviceSpec merged;
    bool changed = false;
    if (const DeviceSpec* existing = find_device(*zone, w.device)) {
      merged = *existing;
    } else {
      merged.id = w.device;
      merged.name = w.device;
      merged.model = fmt::format("{} (slave {} on {})", node.generic->name, w.slave, bus.wiring.id);
      changed = true;
    }
    for (const d::MapPoint& p : node.generic->points) {
      const bool setting = p.writable && p.table != d::RegisterTable::kCoil;
      if (setting) {
        continue;
      }
      const auto it = w.channels.find(p.id);
      const std::string id = it != w.channels.end() ? it->second : p.id;
      node.site_ids[p.id] = id;
      if (has_channel(&merged, id) || !w.auto_channels) {
        continue;
      }
      ChannelSpec spec;
      spec.id = id;
      spec.name = fmt::format("{} ({} {} {})", p.id, d::register_table_name(p.table), p.address,
                              d::point_type_name(p.type));
      spec.quantity = p.quantity;
      spec.unit = p.unit;
      spec.min = p.min;
      spec.max = p.max;
      spec.kind = p.table == d::RegisterTable::kCoil && p.writable ? ChannelKind::actuator
                                                                   : ChannelKind::sensor;
      spec.sampling_period_s = node.period_s;
      merged.channels.push_back(std::move(spec));
      changed = true;
    }
    if (changed) {
      site.put_device(w.zone, merged);
    }
    const std::lock_guard lock(index_mutex);
    for (const d::MapPoint& p : node.generic->points) {
      if (p.table == d::RegisterTable::kCoil && p.writable) {
        outputs[join_key(w.zone, w.device, node.site_ids[p.id])] =
            OutputTarget{bus_index, w.slave, p};
      }
    }
  }

  void discover(BusState& bus, NodeRuntime& node, std::size_t bus_index, TimeMs now) {
    if (node.generic) {
      node.period_s = period_for(node.wiring);
      node.next_discovery_ms = now + std::llround(bus.wiring.rediscover_s * 1000.0);
      try {
        bind_generic(bus, node, bus_index);
      } catch (const InputError& error) {
        node.problem = fmt::format("channels not added: {}", error.what());
        return;
      }
      d::DiscoveredNode found;
      found.slave = node.wiring.slave;
      found.note = node.generic->name;
      node.found = found;  // a generic device is "found" by configuration
      node.polled = true;
      bus.poller->add_map_node(node.wiring.slave, *node.generic, node.period_s);
      std::fprintf(stderr, "egin: devices: bus %s slave %d: %s, %zu points, polled every %g s\n",
                   bus.wiring.id.c_str(), node.wiring.slave, node.generic->name.c_str(),
                   node.generic->points.size(), node.period_s);
      return;
    }
    d::ScanOptions options;
    options.specs = &bus.specs;
    if (node.wiring.address_offset) {
      options.offsets = {*node.wiring.address_offset};
    }
    std::string problem;
    auto found = d::discover_node(*bus.bus, node.wiring.slave, options, &problem);
    node.next_discovery_ms = now + std::llround(bus.wiring.rediscover_s * 1000.0);
    if (!found) {
      node.problem = "not found: " + problem;
      return;
    }
    node.found = std::move(found);
    const bool pollable =
        node.found->kind == d::MapKind::kDefault || node.found->kind == d::MapKind::kSpec ||
        (node.found->kind == d::MapKind::kNeedsSpec && node.wiring.assume_default_map);
    if (!pollable) {
      node.problem = node.found->note;
      std::fprintf(stderr, "egin: devices: bus %s slave %d: not polled: %s\n",
                   bus.wiring.id.c_str(), node.wiring.slave, node.problem.c_str());
      return;
    }
    node.period_s = period_for(node.wiring);
    try {
      bind_channels(bus, node, bus_index);
    } catch (const InputError& error) {
      node.problem = fmt::format("channels not added: {}", error.what());
      std::fprintf(stderr, "egin: devices: bus %s slave %d: %s\n", bus.wiring.id.c_str(),
                   node.wiring.slave, node.problem.c_str());
      node.found.reset();
      return;
    }
    node.problem.clear();
    node.polled = true;
    bus.poller->add_node(node.wiring.slave, node.found->map, node.period_s);
    metrics
        .gauge("egin_modbus_bus_utilisation",
               "Share of the bus's time polling takes (budget model)", {{"bus", bus.wiring.id}})
        .set(bus.poller->budget().effective_utilisation);
    std::fprintf(stderr,
                 "egin: devices: bus %s slave %d: %s node, %s map, offset %d, %zu sensors, %zu "
                 "actuators, polled every %g s\n",
                 bus.wiring.id.c_str(), node.wiring.slave,
                 std::string(k::product_type_name(node.found->info.product_type)).c_str(),
                 std::string(d::map_kind_name(node.found->kind)).c_str(),
                 node.found->address_offset, node.found->map.sensors.size(),
                 node.found->map.actuators.size(), node.period_s);
  }

  void count_transactions(BusState& bus, NodeRuntime& node) {
    const d::NodeCounters now = bus.bus->counters(node.wiring.slave);
    const MetricLabels base{{"bus", bus.wiring.id}, {"slave", std::to_string(node.wiring.slave)}};
    auto add = [&](const char* result, std::uint64_t total, std::uint64_t before) {
      if (total == before) {
        return;
      }
      MetricLabels labels = base;
      labels.emplace_back("result", result);
      metrics
          .counter("egin_modbus_transactions_total",
                   "Modbus transactions per node, by outcome (ok, timeout, crc, exception, "
                   "bad_frame, io)",
                   labels)
          .add(static_cast<double>(total - before));
    };
    add("ok", now.ok, node.reported.ok);
    add("timeout", now.timeouts, node.reported.timeouts);
    add("crc", now.crc_errors, node.reported.crc_errors);
    add("exception", now.exceptions, node.reported.exceptions);
    add("bad_frame", now.bad_frames, node.reported.bad_frames);
    add("io", now.io_errors, node.reported.io_errors);
    node.reported = now;
  }

  void on_poll(BusState& bus, const d::PolledNode& polled) {
    NodeRuntime* node = nullptr;
    {
      const std::lock_guard lock(bus.mutex);
      for (NodeRuntime& n : bus.nodes) {
        if (n.wiring.slave == polled.slave) {
          node = &n;
        }
      }
      if (node == nullptr) {
        return;
      }
      count_transactions(bus, *node);
      node->problem = polled.ok ? std::string() : polled.transfer.message;
    }
    const MetricLabels labels{{"bus", bus.wiring.id}, {"slave", std::to_string(polled.slave)}};
    const d::NodeHealth health = bus.poller->health(polled.slave);
    metrics.gauge("egin_modbus_node_up", "1 while the node answers its polls", labels)
        .set(health.online ? 1.0 : 0.0);
    if (polled.went_offline || polled.back_online) {
      std::fprintf(stderr, "egin: devices: bus %s slave %d %s\n", bus.wiring.id.c_str(),
                   polled.slave, polled.back_online ? "is back online" : "went offline");
    }
    const std::string& zone = node->wiring.zone;
    const std::string& device = node->wiring.device;
    d::MqttBridge* mqtt = bridge.load();
    if (!polled.ok) {
      publish_status(mqtt, *node, polled, health.online);
      return;
    }
    std::vector<SenmlRecord> records;
    const double t_s = static_cast<double>(polled.t_ms) / 1000.0;
    auto add = [&](const std::string& id, double value, const std::string& unit) {
      SenmlRecord r;
      r.index = records.size();
      r.name = join_key(zone, device, id);
      r.unit = unit;
      r.time_s = t_s;
      r.value = value;
      records.push_back(std::move(r));
    };
    for (const d::PointReading& p : polled.points) {
      const auto it = node->site_ids.find(p.point->id);
      if (it == node->site_ids.end() || !p.value) {
        continue;
      }
      add(it->second, *p.value, p.point->unit);
    }
    for (const d::SlotReading& s : polled.reading.sensors) {
      const auto it = node->site_ids.find(s.channel->id);
      if (it == node->site_ids.end()) {
        continue;
      }
      const auto kind = k::sensor_kind(s.channel->code);
      if (s.value && kind && k::quality_keeps_value(s.quality)) {
        add(it->second, d::float_as_decimal(*s.value), std::string(kind->unit));
      }
      if (node->wiring.store_status) {
        add(it->second + "_status", s.status, "/");
      }
    }
    for (const d::ActuatorReading& a : polled.reading.actuators) {
      const auto it = node->site_ids.find(a.channel->id);
      if (it == node->site_ids.end()) {
        continue;
      }
      double state = 0.0;
      if (a.channel->kind == k::ActuatorKind::kSwitch) {
        state = a.status.status == k::kStatusSwitchOn ? 1.0 : 0.0;
      } else if (a.status.status == k::kStatusOpening) {
        state = 1.0;
      } else if (a.status.status == k::kStatusClosing) {
        state = -1.0;
      }
      add(it->second, state, "/");
      if (node->wiring.store_status) {
        add(it->second + "_status", a.status.status, "/");
      }
      add(it->second + "_remaining", a.status.remaining_s, "s");
      const std::lock_guard lock(index_mutex);
      seen[join_key(zone, device, it->second)] =
          SeenStatus{a.status.status, a.status.remaining_s, polled.t_ms};
    }
    if (!records.empty()) {
      try {
        const IngestResult result = pipeline.ingest(records, "", IngestSource::driver);
        metrics
            .counter("egin_modbus_readings_total", "Readings from device polls, by outcome",
                     {{"bus", bus.wiring.id}, {"result", "stored"}})
            .add(static_cast<double>(result.accepted + result.duplicates));
        if (result.rejected > 0) {
          metrics
              .counter("egin_modbus_readings_total", "Readings from device polls, by outcome",
                       {{"bus", bus.wiring.id}, {"result", "rejected"}})
              .add(static_cast<double>(result.rejected));
        }
      } catch (const std::exception& error) {
        metrics
            .counter("egin_modbus_readings_total", "Readings from device polls, by outcome",
                     {{"bus", bus.wiring.id}, {"result", "store_failed"}})
            .add(static_cast<double>(records.size()));
        std::fprintf(stderr, "egin: devices: readings of bus %s slave %d not stored: %s\n",
                     bus.wiring.id.c_str(), polled.slave, error.what());
      }
    }
    if (mqtt != nullptr && bridge_wiring.publish_obs) {
      std::vector<SenmlRecord> obs;
      for (SenmlRecord r : records) {
        r.name = r.name.substr(zone.size() + device.size() + 2);  // channel id under the device
        obs.push_back(std::move(r));
      }
      mqtt->publish_obs(zone, device, obs);
    }
    publish_status(mqtt, *node, polled, true);
  }

  void publish_status(d::MqttBridge* mqtt, NodeRuntime& node, const d::PolledNode& polled,
                      bool online) {
    if (mqtt == nullptr || !bridge_wiring.publish_status) {
      return;
    }
    std::vector<SenmlRecord> records;
    auto add = [&](const std::string& name, double value) {
      SenmlRecord r;
      r.name = name;
      r.value = value;
      records.push_back(std::move(r));
    };
    {
      SenmlRecord r;
      r.name = "online";
      r.bool_value = online;
      records.push_back(r);
    }
    if (polled.ok) {
      if (polled.reading.node_status) {
        add("node_status", *polled.reading.node_status);
      }
      for (const d::SlotReading& s : polled.reading.sensors) {
        if (const auto it = node.site_ids.find(s.channel->id); it != node.site_ids.end()) {
          add(it->second + "_status", s.status);
        }
      }
      for (const d::ActuatorReading& a : polled.reading.actuators) {
        if (const auto it = node.site_ids.find(a.channel->id); it != node.site_ids.end()) {
          add(it->second + "_status", a.status.status);
          add(it->second + "_remaining", a.status.remaining_s);
        }
      }
    }
    const std::string text = write_senml_json(records);
    if (text == node.last_status) {
      return;  // retained: publish on change only
    }
    const double t_s = static_cast<double>(polled.t_ms) / 1000.0;
    for (SenmlRecord& r : records) {
      r.time_s = t_s;
    }
    if (mqtt->publish_status(node.wiring.zone, node.wiring.device, records)) {
      node.last_status = text;
    }
  }

  TimeMs run_bus(BusState& bus, std::size_t bus_index) {
    const TimeMs now = clock.now_ms();
    TimeMs next = now + kMsPerSecond;
    {
      // Discovery runs with the node list locked only between nodes.
      for (std::size_t i = 0;; ++i) {
        NodeRuntime* node = nullptr;
        {
          const std::lock_guard lock(bus.mutex);
          if (i >= bus.nodes.size()) {
            break;
          }
          node = &bus.nodes[i];
          if (node->found || node->next_discovery_ms > now) {
            if (!node->found) {
              next = std::min(next, node->next_discovery_ms);
            }
            continue;
          }
        }
        discover(bus, *node, bus_index, now);
        if (!node->found) {
          next = std::min(next, node->next_discovery_ms);
        }
      }
    }
    const TimeMs poll_next = bus.poller->step([&](const d::PolledNode& p) { on_poll(bus, p); });
    return std::min(next, poll_next);
  }

  void wait_until(TimeMs due, const RateEstimate& rate) {
    const TimeMs now = clock.now_ms();
    if (due <= now) {
      return;
    }
    const double real_ms = std::clamp(static_cast<double>(due - now) / rate.rate(), 1.0, 200.0);
    std::unique_lock lock(wake_mutex);
    wake_cv.wait_for(lock, std::chrono::duration<double, std::milli>(real_ms),
                     [&] { return stopping.load(); });
  }

  // ---- commands ----

  d::CommandRecord refuse(const ActuatorCommandRequest& request, std::string detail) {
    d::CommandRecord record;
    record.requested_ms = clock.now_ms();
    record.id = ids.next(record.requested_ms);
    record.requested_by = request.requested_by;
    record.origin = request.origin;
    record.request_id = request.request_id;
    record.reason = request.reason;
    record.target = request.channel_key;
    const auto slash = request.channel_key.rfind('/');
    record.actuator =
        slash == std::string::npos ? request.channel_key : request.channel_key.substr(slash + 1);
    record.command = request.command;
    record.result = d::CommandResult::kRefused;
    record.detail = std::move(detail);
    audit.record(record);
    count_command(record);
    listeners.notify(record);
    return record;
  }

  /// on/off of a generic relay coil: written with FC 0x05, confirmed by reading it back (no OPID:
  /// commodity boards have none).
  d::CommandRecord switch_output(const ActuatorCommandRequest& request,
                                 const OutputTarget& target) {
    if (request.command != "on" && request.command != "off") {
      return refuse(request, fmt::format("'{}' is not a command of a relay output (on, off)",
                                         request.command));
    }
    BusState& bus = *buses[target.bus];
    d::CommandRecord record;
    record.requested_ms = clock.now_ms();
    record.id = ids.next(record.requested_ms);
    record.requested_by = request.requested_by;
    record.origin = request.origin;
    record.request_id = request.request_id;
    record.reason = request.reason;
    record.target = request.channel_key;
    record.bus = bus.wiring.id;
    record.slave = target.slave;
    record.actuator = target.point.id;
    record.command = request.command;
    const double want = request.command == "on" ? 1.0 : 0.0;
    record.attempts = 1;
    const d::TransferResult written = d::write_point(*bus.bus, target.slave, target.point, want);
    if (!written.ok()) {
      record.result = d::CommandResult::kFailed;
      record.detail = written.message;
    } else {
      record.sent_ms = clock.now_ms();
      std::vector<std::uint8_t> bit(1);
      const d::TransferResult back = bus.bus->read_coils_wire(target.slave, target.point.address,
                                                              bit, d::BusPriority::kCommand);
      if (back.ok() && (bit[0] != 0) == (want != 0.0)) {
        record.confirmed_ms = record.finished_ms = clock.now_ms();
        record.result = d::CommandResult::kFinished;
        record.detail = fmt::format("coil {} reads {}", target.point.address, bit[0]);
      } else {
        record.result = d::CommandResult::kFailed;
        record.detail = back.ok()
                            ? fmt::format("coil {} still reads {}", target.point.address, bit[0])
                            : back.message;
      }
    }
    audit.record(record);
    count_command(record);
    listeners.notify(record);
    return record;
  }

  void count_command(const d::CommandRecord& record) {
    metrics
        .counter("egin_commands_total", "Actuator commands by result",
                 {{"result", std::string(d::command_result_name(record.result))}})
        .add();
  }
};

DeviceDrivers::DeviceDrivers(DevicesConfig config, LiveSite& site, IngestPipeline& pipeline,
                             Metrics& metrics, const Clock& clock, const fs::path& state_dir)
    : impl_(std::make_unique<Impl>(site, pipeline, metrics, clock, state_dir)),
      config_(std::move(config)) {
  check_devices_against_site(config_, site.snapshot());
  impl_->command_options = config_.commands;
  impl_->bridge_wiring = config_.mqtt_bridge;
  for (const BusWiring& wiring : config_.buses) {
    auto bus = std::make_unique<BusState>();
    bus->wiring = wiring;
    for (const fs::path& spec : wiring.specs) {
      auto loaded = d::load_ksx3286_specs(spec);
      bus->specs.insert(bus->specs.end(), loaded.begin(), loaded.end());
    }
    bus->bus = std::make_unique<d::Bus>(wiring.id, d::open_libmodbus_link(wiring.link));
    bus->poller = std::make_unique<d::BusPoller>(*bus->bus, d::FrameTiming::of(wiring.link), clock,
                                                 wiring.poller, &impl_->tracker);
    for (const NodeWiring& node : wiring.nodes) {
      NodeRuntime runtime;
      runtime.wiring = node;
      if (!node.map.empty()) {
        runtime.generic = d::load_modbus_map(node.map);
      }
      bus->nodes.push_back(std::move(runtime));
    }
    impl_->buses.push_back(std::move(bus));
  }
  impl_->tracker.set_listener([this](const d::CommandRecord& record) {
    impl_->count_command(record);
    impl_->listeners.notify(record);
    if (d::MqttBridge* mqtt = impl_->bridge.load()) {
      const auto first = record.target.find('/');
      const auto second = record.target.find('/', first + 1);
      if (first != std::string::npos && second != std::string::npos) {
        mqtt->publish_ack(record.target.substr(0, first),
                          record.target.substr(first + 1, second - first - 1), record);
      }
    }
  });
}

DeviceDrivers::~DeviceDrivers() { stop(); }

void DeviceDrivers::start() {
  if (impl_->started) {
    return;
  }
  impl_->started = true;
  impl_->stopping = false;
  for (std::size_t i = 0; i < impl_->buses.size(); ++i) {
    BusState& bus = *impl_->buses[i];
    bus.thread = std::thread([this, &bus, i] {
      const RateEstimate rate(impl_->clock);
      while (!impl_->stopping) {
        const TimeMs next = impl_->run_bus(bus, i);
        impl_->wait_until(next, rate);
      }
    });
  }
}

void DeviceDrivers::stop() {
  if (!impl_->started) {
    return;
  }
  {
    const std::lock_guard lock(impl_->wake_mutex);
    impl_->stopping = true;
  }
  impl_->wake_cv.notify_all();
  for (auto& bus : impl_->buses) {
    if (bus->thread.joinable()) {
      bus->thread.join();
    }
  }
  impl_->started = false;
}

TimeMs DeviceDrivers::run_once() {
  TimeMs next = impl_->clock.now_ms() + kMsPerSecond;
  for (std::size_t i = 0; i < impl_->buses.size(); ++i) {
    next = std::min(next, impl_->run_bus(*impl_->buses[i], i));
  }
  return next;
}

void DeviceDrivers::attach_bridge(d::MqttBridge* bridge) { impl_->bridge = bridge; }

d::CommandRecord DeviceDrivers::handle_mqtt_command(const d::MqttCommand& command) {
  ActuatorCommandRequest request;
  request.channel_key = join_key(command.zone, command.device, command.actuator);
  request.command = command.command;
  request.duration_s = command.duration_s;
  request.requested_by = command.requested_by.empty() ? "mqtt" : command.requested_by;
  request.origin = "mqtt";
  request.request_id = command.request_id;
  if (!command.problem.empty()) {
    return impl_->refuse(request, command.problem);
  }
  if (!impl_->bridge_wiring.commands) {
    return impl_->refuse(request, "commands through MQTT are off ([mqtt_bridge] commands = false)");
  }
  if (std::string why =
          impl_->bridge_wiring.authorisation.check(request.channel_key, request.requested_by);
      !why.empty()) {
    return impl_->refuse(request, std::move(why));
  }
  return submit(request);
}

d::CommandRecord DeviceDrivers::submit(const ActuatorCommandRequest& request) {
  std::optional<ActuatorTarget> target;
  std::optional<OutputTarget> output;
  {
    const std::lock_guard lock(impl_->index_mutex);
    if (const auto it = impl_->actuators.find(request.channel_key); it != impl_->actuators.end()) {
      target = it->second;
    }
    if (const auto it = impl_->outputs.find(request.channel_key); it != impl_->outputs.end()) {
      output = it->second;
    }
  }
  if (output) {
    return impl_->switch_output(request, *output);
  }
  if (!target) {
    return impl_->refuse(request, fmt::format("no actuator '{}' on the buses (known: a discovered "
                                              "node's zone/device/channel)",
                                              request.channel_key));
  }
  const auto command = k::parse_command(request.command, target->channel.kind);
  if (!command) {
    return impl_->refuse(request, fmt::format("'{}' is not a {} command", request.command,
                                              k::actuator_kind_name(target->channel.kind)));
  }
  d::CommandRequest r;
  r.command = *command;
  if (request.duration_s) {
    const double s = *request.duration_s;
    r.time_s = s >= 0.0 && s < 4.0e9 ? static_cast<std::uint32_t>(std::llround(s)) : 0;
  }
  r.requested_by = request.requested_by;
  r.origin = request.origin;
  r.request_id = request.request_id;
  r.reason = request.reason;
  r.target = request.channel_key;
  BusState& bus = *impl_->buses[target->bus];
  d::CommandRecord record =
      d::execute_command(*bus.bus, target->slave, target->channel, r, impl_->opids, &impl_->audit,
                         impl_->clock, impl_->ids, impl_->command_options);
  if (record.result == d::CommandResult::kConfirmed ||
      record.result == d::CommandResult::kFinished) {
    impl_->tracker.track(record);
  }
  impl_->count_command(record);
  impl_->listeners.notify(record);
  return record;
}

std::vector<d::CommandRecord> DeviceDrivers::recent(std::size_t limit) const {
  return impl_->audit.recent(limit);
}

std::optional<d::CommandRecord> DeviceDrivers::find(std::string_view id) const {
  return impl_->audit.find(id);
}

std::vector<ActuatorInfo> DeviceDrivers::actuators() const {
  std::vector<ActuatorInfo> out;
  const std::lock_guard lock(impl_->index_mutex);
  for (const auto& [key, target] : impl_->actuators) {
    ActuatorInfo info;
    info.channel_key = key;
    info.kind = std::string(k::actuator_kind_name(target.channel.kind));
    info.level = target.channel.level;
    for (const int code : {0, 201, 202, 203, 301, 302, 303, 304, 305, 306}) {
      const auto command = static_cast<k::Command>(code);
      if (k::command_fits(command, target.channel.kind) &&
          k::command_level(command) <= target.channel.level) {
        info.commands.emplace_back(k::command_name(command, target.channel.kind));
      }
    }
    info.online = impl_->buses[target.bus]->poller->health(target.slave).online;
    if (const auto it = impl_->seen.find(key); it != impl_->seen.end()) {
      info.status = it->second.status;
      info.remaining_s = it->second.remaining_s;
      info.status_ms = it->second.t_ms;
    }
    if (const auto active = impl_->tracker.active(impl_->buses[target.bus]->wiring.id, target.slave,
                                                  target.channel.slot)) {
      info.command_id = active->id;
    }
    out.push_back(std::move(info));
  }
  for (const auto& [key, target] : impl_->outputs) {
    ActuatorInfo info;
    info.channel_key = key;
    info.kind = "relay";
    info.level = 0;
    info.commands = {"off", "on"};
    info.online = impl_->buses[target.bus]->poller->health(target.slave).online;
    out.push_back(std::move(info));
  }
  return out;
}

std::size_t DeviceDrivers::subscribe(std::function<void(const d::CommandRecord&)> listener) {
  return impl_->listeners.add(std::move(listener));
}

void DeviceDrivers::unsubscribe(std::size_t id) { impl_->listeners.remove(id); }

std::vector<DriverNodeState> DeviceDrivers::nodes() const {
  std::vector<DriverNodeState> out;
  for (const auto& bus : impl_->buses) {
    const std::lock_guard lock(bus->mutex);
    for (const NodeRuntime& node : bus->nodes) {
      DriverNodeState state;
      state.bus = bus->wiring.id;
      state.slave = node.wiring.slave;
      state.zone = node.wiring.zone;
      state.device = node.wiring.device;
      state.discovered = node.found.has_value();
      state.polled = node.polled;
      if (node.found) {
        state.kind = std::string(d::map_kind_name(node.found->kind));
        state.address_offset = node.found->address_offset;
      }
      const d::NodeHealth health = bus->poller->health(node.wiring.slave);
      state.online = health.online;
      state.last_ok_ms = health.last_ok_ms;
      state.problem = node.problem;
      out.push_back(std::move(state));
    }
  }
  return out;
}

}  // namespace egin::runtime
