#include "egin/devices/discovery.hpp"

#include <fmt/format.h>

#include "egin/devices/address_probe.hpp"
#include "egin/devices/ksx3267_registers.hpp"

namespace egin::devices {

namespace k = ksx3267;

std::string_view map_kind_name(MapKind kind) {
  switch (kind) {
    case MapKind::kDefault:
      return "default";
    case MapKind::kSpec:
      return "spec";
    case MapKind::kNeedsSpec:
      return "needs_spec";
    case MapKind::kUnsupported:
      return "unsupported";
  }
  return "unsupported";
}

std::optional<DiscoveredNode> discover_node(Bus& bus, int slave, const ScanOptions& options,
                                            std::string* problem) {
  const ProbeResult probe = probe_address_offset(bus, slave, options.offsets);
  if (!probe.offset) {
    if (problem != nullptr) {
      *problem = probe.problem;
    }
    return std::nullopt;
  }
  bus.set_address_offset(slave, *probe.offset);
  DiscoveredNode node;
  node.slave = slave;
  node.address_offset = *probe.offset;
  node.info = probe.info;

  node.device_codes.assign(node.info.channel_count, 0);
  const TransferResult codes = bus.read(slave, k::kRegDeviceCodeFirst, node.device_codes);
  if (!codes.ok()) {
    if (problem != nullptr) {
      *problem = fmt::format("node information read, device codes not: {}", codes.message);
    }
    return std::nullopt;
  }

  const bool pollable_type = node.info.product_type == k::kProductSensorNode ||
                             node.info.product_type == k::kProductActuatorNode;
  const bool pollable_protocol = node.info.protocol_version == k::kProtocolKsx3267 ||
                                 node.info.protocol_version == k::kProtocolKsx3267v2018;
  const NodeSpec* spec = options.specs != nullptr ? find_spec(*options.specs, node.info) : nullptr;
  if (spec != nullptr) {
    node.kind = MapKind::kSpec;
    node.map = spec->map;
  } else if (!pollable_type || !pollable_protocol) {
    node.kind = MapKind::kUnsupported;
    node.note = fmt::format(
        "{} node, protocol {} ({}): no default map egin can poll; give a KS X "
        "3286 spec",
        k::product_type_name(node.info.product_type), node.info.protocol_version,
        k::protocol_name(node.info.protocol_version));
  } else if (node.info.uses_default_map()) {
    node.kind = MapKind::kDefault;
    node.map = default_node_map(node.info, node.device_codes, &node.skipped_slots);
  } else {
    node.kind = MapKind::kNeedsSpec;
    node.map = default_node_map(node.info, node.device_codes, &node.skipped_slots);
    node.note = fmt::format(
        "certification authority {}, company {}, product {}: an auto-registration node that "
        "needs a KS X 3286 spec (--spec FILE); the Annex A map is only a fallback",
        node.info.certification_authority, node.info.company_code, node.info.product_code);
  }
  return node;
}

std::vector<DiscoveredNode> scan_bus(Bus& bus, const ScanOptions& options,
                                     const std::function<void(int, bool)>& progress) {
  std::vector<DiscoveredNode> nodes;
  for (int slave = options.first_slave; slave <= options.last_slave; ++slave) {
    auto node = discover_node(bus, slave, options);
    if (progress) {
      progress(slave, node.has_value());
    }
    if (node) {
      nodes.push_back(std::move(*node));
    }
  }
  return nodes;
}

NodeRead read_node(Bus& bus, int slave, const NodeMap& map, BusPriority priority) {
  NodeRead read;
  for (const ReadBlock& block : map.blocks) {
    std::vector<std::uint16_t> regs(static_cast<std::size_t>(block.count));
    const TransferResult transfer = bus.read(slave, block.first_reg, regs, priority);
    if (!transfer.ok()) {
      read.transfer = transfer;
      break;
    }
    read.transfer.elapsed_ms += transfer.elapsed_ms;
    read.image.add(block.first_reg, regs);
  }
  read.reading = decode_node(map, read.image);
  return read;
}

}  // namespace egin::devices
