#include "egin/devices/sim_config.hpp"

#include <fstream>
#include <sstream>

#include "egin/core/input_error.hpp"
#include "egin/devices/ksx3267_registers.hpp"
#include "egin/devices/toml_lists.hpp"

namespace egin::devices {

namespace k = ksx3267;

std::optional<std::uint16_t> parse_node_type(std::string_view text) {
  if (text == "sensor") {
    return k::kProductSensorNode;
  }
  if (text == "actuator") {
    return k::kProductActuatorNode;
  }
  return std::nullopt;
}

SimConfig parse_sim_config(std::string_view text, std::string_view file_name) {
  const std::string file(file_name);
  const toml::table root = parse_toml_text(text, file);
  const TomlFields top(root, file, "");
  top.reject_unknown_keys({"synthetic", "nodes"});
  SimConfig config;
  if (const toml::table* s = top.optional_table("synthetic")) {
    const TomlFields f(*s, file, "synthetic");
    f.reject_unknown_keys({"slot_step", "amplitude", "period_s", "status_cycle", "status_cycle_s",
                           "status_cycle_slots", "base", "slots"});
    SyntheticSettings& syn = config.synthetic;
    syn.slot_step = f.optional_number("slot_step", -1e6, 1e6, "").value_or(0.0);
    syn.amplitude = f.optional_number("amplitude", -1e6, 1e6, "").value_or(0.0);
    syn.period_s = f.optional_number("period_s", 1.0, 1e9, "s").value_or(3600.0);
    for (const long long code : integer_list(f, *s, "status_cycle", 0, 65535)) {
      syn.status_cycle.push_back(static_cast<std::uint16_t>(code));
    }
    syn.status_cycle_s = f.optional_number("status_cycle_s", 0.1, 1e6, "s").value_or(5.0);
    for (const long long slot : integer_list(f, *s, "status_cycle_slots", 1, k::kMaxChannels)) {
      syn.status_cycle_slots.push_back(static_cast<int>(slot));
    }
    for (const auto& [code, value] : numbers_by_integer_key(f, *s, "base", 1, 65535)) {
      syn.base[static_cast<std::uint16_t>(code)] = value;
    }
    syn.slot_value = numbers_by_integer_key(f, *s, "slots", 1, k::kMaxChannels);
  }
  const auto nodes = top.table_array("nodes");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const TomlFields f(*nodes[i], file, "nodes[" + std::to_string(i) + "]");
    f.reject_unknown_keys({"slave", "type", "address_offset", "company_code",
                           "certification_authority", "product_code", "protocol_version",
                           "serial_number", "opid_after_done", "travel_s", "device_codes",
                           "drop_commands"});
    SimNodeConfig node;
    node.slave = f.integer("slave", 1, 247, "");
    const std::string type = f.text("type");
    const auto product = parse_node_type(type);
    if (!product) {
      f.fail("type", "unknown node type '" + type + "'", "sensor or actuator");
    }
    node.product_type = *product;
    if (const toml::node* offset = nodes[i]->get("address_offset")) {
      (void)offset;
      node.address_offset = f.integer("address_offset", -1, 0, "");
    }
    auto u16 = [&](std::string_view key, int fallback) {
      return static_cast<std::uint16_t>(nodes[i]->contains(key) ? f.integer(key, 0, 65535, "")
                                                                : fallback);
    };
    node.company_code = u16("company_code", 0);
    node.certification_authority = u16("certification_authority", 0);
    node.product_code = u16("product_code", 0);
    node.protocol_version = u16("protocol_version", k::kProtocolKsx3267);
    if (nodes[i]->contains("serial_number")) {
      node.serial_number = static_cast<std::uint32_t>(
          f.optional_number("serial_number", 0, 4294967295.0, "").value_or(1.0));
    }
    if (const auto after = f.optional_text("opid_after_done")) {
      if (*after == "echo") {
        node.opid_after_done = OpidAfterDone::kEcho;
      } else if (*after == "zero") {
        node.opid_after_done = OpidAfterDone::kZero;
      } else {
        f.fail("opid_after_done", "unknown value '" + *after + "'", "echo or zero");
      }
    }
    node.travel_s = f.optional_number("travel_s", 1.0, 3600.0, "s").value_or(60.0);
    if (nodes[i]->contains("drop_commands")) {
      node.drop_commands = f.integer("drop_commands", 0, 1000, "");
    }
    for (const long long code : integer_list(f, *nodes[i], "device_codes", 0, 65535)) {
      node.device_codes.push_back(static_cast<std::uint16_t>(code));
    }
    if (node.device_codes.size() > static_cast<std::size_t>(k::kMaxChannels)) {
      f.fail("device_codes", "more than 100 slots", "at most 100 device codes");
    }
    for (const SimNodeConfig& other : config.nodes) {
      if (other.slave == node.slave) {
        f.fail("slave", "slave address used twice", "unique slaves");
      }
    }
    config.nodes.push_back(std::move(node));
  }
  return config;
}

SimConfig load_sim_config(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the file", "a readable TOML file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_sim_config(text.str(), path.string());
}

}  // namespace egin::devices
