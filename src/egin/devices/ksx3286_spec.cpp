#include "egin/devices/ksx3286_spec.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "egin/core/input_error.hpp"
#include "egin/devices/ksx3267_registers.hpp"

namespace egin::devices {

namespace k = ksx3267;
using nlohmann::json;

std::optional<int> ksx3286_item_size(std::string_view item) {
  // JiNong KSX3267Mate._KEYWORDS [S3] (reference §1.8).
  static const std::map<std::string_view, int> kSizes{
      {"value", 2}, {"status", 1},   {"opid", 1},        {"state-hold-time", 2},
      {"ratio", 1}, {"position", 1}, {"remain-time", 2}, {"control", 1},
      {"area", 1},  {"alert", 1},    {"hold-time", 2},   {"operation", 1},
      {"time", 2},  {"opentime", 1}, {"closetime", 1},   {"EC", 2},
      {"pH", 2},    {"on-sec", 1},   {"start-area", 1},  {"stop-area", 1},
      {"epoch", 2}, {"vfloat", 2},   {"vint", 2}};
  const auto it = kSizes.find(item);
  if (it == kSizes.end()) {
    return std::nullopt;
  }
  return it->second;
}

namespace {

class SpecReader {
 public:
  explicit SpecReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& path, std::string problem,
                         std::string expected = {}) const {
    throw InputError({file_, 0, path}, std::move(problem), std::move(expected));
  }

  const json& member(const json& object, const std::string& path, const char* key) const {
    if (!object.is_object() || !object.contains(key)) {
      fail(path + "." + key, "missing");
    }
    return object.at(key);
  }

  int integer(const json& object, const std::string& path, const char* key, int min,
              int max) const {
    const json& value = member(object, path, key);
    if (!value.is_number_integer() || value.get<long long>() < min ||
        value.get<long long>() > max) {
      fail(path + "." + key, fmt::format("'{}' is not an integer in range", value.dump()),
           fmt::format("{} to {}", min, max));
    }
    return static_cast<int>(value.get<long long>());
  }

  /// Offsets of the items of a read/write block: item → offset; total length in *length.
  std::map<std::string, int> items(const json& block, const std::string& path, int& first,
                                   int& length) const {
    first = integer(block, path, "starting-register", 1, 65535);
    const json& list = member(block, path, "items");
    if (!list.is_array() || list.empty()) {
      fail(path + ".items", "not a list of item names");
    }
    std::map<std::string, int> offsets;
    int offset = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string item_path = fmt::format("{}.items[{}]", path, i);
      if (!list[i].is_string()) {
        fail(item_path, "not a string");
      }
      const std::string name = list[i].get<std::string>();
      const auto size = ksx3286_item_size(name);
      if (!size) {
        fail(item_path, fmt::format("unknown item '{}'", name),
             "value, status, opid, remain-time, operation, hold-time, time, state-hold-time, "
             "ratio, position, control, …");
      }
      offsets.emplace(name, offset);
      offset += *size;
    }
    length = offset;
    if (length > k::kMaxReadRegisters) {
      fail(path + ".items", "block longer than 125 registers");
    }
    return offsets;
  }

  NodeSpec spec(const json& node, const std::string& path) const {
    if (!node.is_object()) {
      fail(path, "not an object");
    }
    NodeSpec spec;
    spec.file = file_;
    spec.company_code = static_cast<std::uint16_t>(integer(node, path, "CompanyCode", 0, 65535));
    spec.product_type = static_cast<std::uint16_t>(integer(node, path, "ProductType", 1, 4));
    spec.product_code = static_cast<std::uint16_t>(integer(node, path, "ProductCode", 0, 65535));
    if (node.contains("Model") && node.at("Model").is_string()) {
      spec.model = node.at("Model").get<std::string>();
    }
    spec.map.source = fmt::format("KS X 3286 spec {}", file_);
    if (node.contains("NodeStatusRegister")) {
      spec.map.node_status_reg = integer(node, path, "NodeStatusRegister", 1, 65535);
    }
    const json& devices = member(node, path, "Devices");
    if (!devices.is_array()) {
      fail(path + ".Devices", "not a list");
    }
    std::vector<ReadBlock> ranges;
    if (spec.map.node_status_reg > 0) {
      ranges.push_back({spec.map.node_status_reg, 1});
    }
    std::map<std::uint16_t, int> ordinal;
    int switches = 0;
    int openers = 0;
    for (std::size_t i = 0; i < devices.size(); ++i) {
      const std::string dpath = fmt::format("{}.Devices[{}]", path, i);
      const json& device = devices[i];
      const int slot = integer(device, dpath, "Slot", 1, k::kMaxChannels);
      const auto code = static_cast<std::uint16_t>(integer(device, dpath, "DeviceCode", 1, 65535));
      const json& comm =
          member(member(device, dpath, "CommSpec"), dpath + ".CommSpec", "KS-X-3267:2018");
      const std::string cpath = dpath + ".CommSpec.KS-X-3267:2018";
      int first = 0;
      int length = 0;
      const auto read = items(member(comm, cpath, "read"), cpath + ".read", first, length);
      if (const auto kind = k::sensor_kind(code)) {
        if (!read.contains("value") || !read.contains("status")) {
          fail(cpath + ".read.items", "a sensor's read block needs 'value' and 'status'");
        }
        SensorChannel channel;
        channel.slot = slot;
        channel.code = code;
        channel.id = fmt::format("{}_{}", kind->stem, ++ordinal[code]);
        channel.value_reg = first + read.at("value");
        channel.status_reg = first + read.at("status");
        ranges.push_back({first, length});
        spec.map.sensors.push_back(std::move(channel));
      } else if (const auto actuator = k::actuator_device(code)) {
        if (!read.contains("opid") || !read.contains("status")) {
          fail(cpath + ".read.items", "an actuator's read block needs 'opid' and 'status'");
        }
        int wfirst = 0;
        int wlength = 0;
        const auto write = items(member(comm, cpath, "write"), cpath + ".write", wfirst, wlength);
        if (!write.contains("operation") || !write.contains("opid")) {
          fail(cpath + ".write.items", "an actuator's write block needs 'operation' and 'opid'");
        }
        ActuatorChannel channel;
        channel.slot = slot;
        channel.code = code;
        channel.kind = actuator->kind;
        channel.level = actuator->level;
        channel.index = actuator->kind == k::ActuatorKind::kSwitch ? ++switches : ++openers;
        channel.id = fmt::format("{}_{}", k::actuator_kind_name(actuator->kind), channel.index);
        channel.status_first = first;
        channel.status_length = length;
        channel.status_opid = read.at("opid");
        channel.status_code = read.at("status");
        channel.status_remain = read.contains("remain-time") ? read.at("remain-time") : -1;
        channel.command_first = wfirst;
        channel.command_length = wlength;
        channel.command_code = write.at("operation");
        channel.command_opid = write.at("opid");
        channel.command_time = write.contains("hold-time")
                                   ? write.at("hold-time")
                                   : (write.contains("time") ? write.at("time") : -1);
        ranges.push_back({first, length});
        spec.map.actuators.push_back(std::move(channel));
      } else {
        fail(dpath + ".DeviceCode", fmt::format("device code {} is not known", code),
             "sensor codes 1–18, actuator codes 101–103 (switch), 111–113 (opener)");
      }
    }
    spec.map.blocks = plan_read_blocks(std::move(ranges));
    return spec;
  }

 private:
  std::string file_;
};

}  // namespace

std::vector<NodeSpec> parse_ksx3286_specs(std::string_view text, std::string_view file_name) {
  const SpecReader reader{std::string(file_name)};
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& error) {  // parse_error; out_of_range for 1e999
    throw InputError({std::string(file_name), 0, ""}, fmt::format("not JSON: {}", error.what()),
                     "a KS X 3286 node spec (object) or a list of them");
  }
  std::vector<NodeSpec> specs;
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.size(); ++i) {
      specs.push_back(reader.spec(root[i], fmt::format("[{}]", i)));
    }
  } else {
    specs.push_back(reader.spec(root, "$"));
  }
  return specs;
}

std::vector<NodeSpec> load_ksx3286_specs(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw InputError({path.string(), 0, ""}, "cannot read the file", "a readable JSON file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_ksx3286_specs(text.str(), path.string());
}

const NodeSpec* find_spec(const std::vector<NodeSpec>& specs, const k::NodeInfo& info) {
  for (const NodeSpec& spec : specs) {
    if (spec.company_code == info.company_code && spec.product_type == info.product_type &&
        spec.product_code == info.product_code) {
      return &spec;
    }
  }
  return nullptr;
}

}  // namespace egin::devices
