#include "egin/runtime/devices_file.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "egin/core/input_error.hpp"
#include "egin/core/toml_fields.hpp"
#include "egin/runtime/site_file.hpp"

namespace egin::runtime {

namespace {

int line_of(const toml::table& table) {
  const auto line = table.source().begin.line;
  return line > 1'000'000'000U ? 0 : static_cast<int>(line);
}

std::optional<int> offset_of(const TomlFields& f, const toml::table& table) {
  const toml::node* node = table.get("address_offset");
  if (node == nullptr) {
    return std::nullopt;
  }
  if (const auto* text = node->as_string()) {
    if (text->get() == "auto") {
      return std::nullopt;
    }
    f.fail("address_offset", fmt::format("'{}' is not an offset", text->get()),
           "\"auto\", 0 or -1");
  }
  return f.integer("address_offset", -1, 0, "");
}

}  // namespace

DevicesConfig parse_devices_toml(std::string_view text, std::string_view file_name,
                                 const std::filesystem::path& base_dir) {
  const std::string file(file_name);
  const toml::table root = parse_toml_text(text, file);
  const TomlFields top(root, file, "");
  top.reject_unknown_keys({"buses", "commands", "mqtt_bridge", "climate"});
  DevicesConfig config;
  config.file = file;

  if (const toml::table* c = top.optional_table("commands")) {
    const TomlFields f(*c, file, "commands");
    f.reject_unknown_keys({"confirm_timeout_ms", "confirm_interval_ms", "max_attempts"});
    if (c->contains("confirm_timeout_ms")) {
      config.commands.confirm_timeout_ms = f.integer("confirm_timeout_ms", 100, 60000, "ms");
    }
    if (c->contains("confirm_interval_ms")) {
      config.commands.confirm_interval_ms = f.integer("confirm_interval_ms", 10, 10000, "ms");
    }
    if (c->contains("max_attempts")) {
      config.commands.max_attempts = f.integer("max_attempts", 1, 10, "");
    }
  }

  if (const toml::table* m = top.optional_table("mqtt_bridge")) {
    const TomlFields f(*m, file, "mqtt_bridge");
    f.reject_unknown_keys({"publish_obs", "publish_status", "commands", "allow", "requesters"});
    MqttBridgeWiring& b = config.mqtt_bridge;
    b.present = true;
    b.publish_obs = f.optional_boolean("publish_obs").value_or(false);
    b.publish_status = f.optional_boolean("publish_status").value_or(true);
    b.commands = f.optional_boolean("commands").value_or(true);
    b.authorisation.targets = f.text_list("allow");
    b.authorisation.requesters = f.text_list("requesters");
  }

  std::set<std::string> bus_ids;
  const auto buses = top.table_array("buses");
  for (std::size_t i = 0; i < buses.size(); ++i) {
    const std::string prefix = fmt::format("buses[{}]", i);
    const TomlFields f(*buses[i], file, prefix);
    f.reject_unknown_keys({"id", "tcp", "rtu", "baud", "parity", "data_bits", "stop_bits",
                           "response_timeout_ms", "byte_timeout_ms", "turnaround_ms", "retry_s",
                           "offline_after", "offline_retry_s", "budget_fraction", "rediscover_s",
                           "specs", "nodes"});
    BusWiring bus;
    bus.line = line_of(*buses[i]);
    bus.id = f.text("id");
    if (!is_valid_id(bus.id)) {
      f.fail("id", fmt::format("'{}' is not an id", bus.id), "[a-z][a-z0-9_-]*");
    }
    if (!bus_ids.insert(bus.id).second) {
      f.fail("id", "bus id used twice", "a unique bus id");
    }
    const auto tcp = f.optional_text("tcp");
    const auto rtu = f.optional_text("rtu");
    if (tcp.has_value() == rtu.has_value()) {
      f.fail(tcp ? "rtu" : "tcp", "give exactly one of tcp and rtu",
             "tcp = \"HOST:PORT\" or rtu = \"/dev/ttyUSB0\"");
    }
    if (tcp) {
      try {
        bus.link.where = devices::parse_tcp_endpoint(*tcp, "tcp");
      } catch (const InputError& error) {
        f.fail("tcp", error.problem(), error.expected());
      }
    } else {
      devices::SerialLine line;
      line.device = *rtu;
      if (buses[i]->contains("baud")) {
        line.baud = f.integer("baud", devices::kBaudMin, devices::kBaudMax, "bit/s");
      }
      if (const auto parity = f.optional_text("parity")) {
        try {
          line.parity = devices::parse_parity(*parity, "parity");
        } catch (const InputError& error) {
          f.fail("parity", error.problem(), error.expected());
        }
      }
      if (buses[i]->contains("data_bits")) {
        line.data_bits = f.integer("data_bits", 7, 8, "");
      }
      if (buses[i]->contains("stop_bits")) {
        line.stop_bits = f.integer("stop_bits", 1, 2, "");
      }
      bus.link.where = line;
    }
    if (buses[i]->contains("response_timeout_ms")) {
      bus.link.response_timeout_ms =
          f.integer("response_timeout_ms", devices::kTimeoutMinMs, devices::kTimeoutMaxMs, "ms");
    }
    if (buses[i]->contains("byte_timeout_ms")) {
      bus.link.byte_timeout_ms =
          f.integer("byte_timeout_ms", devices::kTimeoutMinMs, devices::kTimeoutMaxMs, "ms");
    }
    bus.link.turnaround_ms = f.optional_number("turnaround_ms", 0.0, 1000.0, "ms").value_or(5.0);
    bus.poller.retry_s = f.optional_number("retry_s", 0.01, 3600.0, "s").value_or(2.0);
    if (buses[i]->contains("offline_after")) {
      bus.poller.offline_after = f.integer("offline_after", 1, 100, "");
    }
    bus.poller.offline_retry_s =
        f.optional_number("offline_retry_s", 0.01, 3600.0, "s").value_or(3.0);
    bus.poller.budget_fraction = f.optional_number("budget_fraction", 0.05, 1.0, "").value_or(0.8);
    bus.rediscover_s = f.optional_number("rediscover_s", 0.01, 86400.0, "s").value_or(10.0);
    for (const std::string& spec : f.text_list("specs")) {
      const std::filesystem::path path(spec);
      bus.specs.push_back(path.is_absolute() || base_dir.empty() ? path : base_dir / path);
    }

    std::set<int> slaves;
    const auto nodes = f.table_array("nodes");
    for (std::size_t j = 0; j < nodes.size(); ++j) {
      const TomlFields n(*nodes[j], file, fmt::format("{}.nodes[{}]", prefix, j));
      n.reject_unknown_keys({"slave", "zone", "device", "address_offset", "period_s",
                             "auto_channels", "store_status", "assume_default_map", "channels",
                             "map"});
      NodeWiring node;
      node.line = line_of(*nodes[j]);
      node.slave = n.integer("slave", 1, 247, "");
      if (!slaves.insert(node.slave).second) {
        n.fail("slave", "slave address used twice on the bus", "unique slaves");
      }
      node.zone = n.text("zone");
      node.device = n.text("device");
      if (!is_valid_id(node.device)) {
        n.fail("device", fmt::format("'{}' is not an id", node.device), "[a-z][a-z0-9_-]*");
      }
      node.address_offset = offset_of(n, *nodes[j]);
      node.period_s =
          n.optional_number("period_s", kSamplingMinS, kSamplingMaxS, "s").value_or(0.0);
      node.auto_channels = n.optional_boolean("auto_channels").value_or(true);
      node.store_status = n.optional_boolean("store_status").value_or(true);
      node.assume_default_map = n.optional_boolean("assume_default_map").value_or(false);
      if (const auto map_file = n.optional_text("map")) {
        const std::filesystem::path path(*map_file);
        node.map = path.is_absolute() || base_dir.empty() ? path : base_dir / path;
      }
      if (const toml::table* map = n.optional_table("channels")) {
        for (const auto& [key, value] : *map) {
          const auto* target = value.as_string();
          if (target == nullptr || !is_valid_id(target->get())) {
            n.fail("channels", fmt::format("'{}' does not name a site channel id", key.str()),
                   "node channel = \"site channel id\"");
          }
          node.channels[std::string(key.str())] = target->get();
        }
      }
      bus.nodes.push_back(std::move(node));
    }
    config.buses.push_back(std::move(bus));
  }

  std::set<std::string> climate_zones;
  const auto climate = top.table_array("climate");
  for (std::size_t i = 0; i < climate.size(); ++i) {
    const TomlFields f(*climate[i], file, fmt::format("climate[{}]", i));
    ClimateWiring wiring = parse_climate_wiring(f, line_of(*climate[i]), base_dir);
    if (!climate_zones.insert(wiring.zone).second) {
      f.fail("zone", "two climate computers for one zone", "one [[climate]] per zone");
    }
    config.climate.push_back(std::move(wiring));
  }
  return config;
}

DevicesConfig load_devices_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the file", "a readable TOML file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_devices_toml(text.str(), path.string(), path.parent_path());
}

void check_devices_against_site(const DevicesConfig& config, const Site& site) {
  for (std::size_t i = 0; i < config.buses.size(); ++i) {
    for (std::size_t j = 0; j < config.buses[i].nodes.size(); ++j) {
      const NodeWiring& node = config.buses[i].nodes[j];
      bool found = false;
      std::vector<std::string> zones;
      for (const ZoneSpec& zone : site.zones) {
        zones.push_back(zone.id);
        found = found || zone.id == node.zone;
      }
      if (!found) {
        throw InputError({config.file, node.line, fmt::format("buses[{}].nodes[{}].zone", i, j)},
                         fmt::format("zone '{}' is not in site '{}'", node.zone, site.id),
                         zones.empty() ? std::string("a zone of the site (the site has none)")
                                       : "one of " + join_names(zones));
      }
    }
  }
  for (std::size_t i = 0; i < config.climate.size(); ++i) {
    const ClimateWiring& c = config.climate[i];
    std::vector<std::string> zones;
    bool found = false;
    for (const ZoneSpec& zone : site.zones) {
      zones.push_back(zone.id);
      found = found || (zone.id == c.zone && zone.kind == ZoneKind::greenhouse);
    }
    if (!found) {
      throw InputError({config.file, c.line, fmt::format("climate[{}].zone", i)},
                       fmt::format("'{}' is not a greenhouse zone of site '{}'", c.zone, site.id),
                       zones.empty() ? std::string("a zone of the site (the site has none)")
                                     : "one of " + join_names(zones));
    }
  }
}

}  // namespace egin::runtime
