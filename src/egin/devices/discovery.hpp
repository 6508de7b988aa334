// Discovery: finds the KS X 3267 nodes on a bus and what they hold — for each slave address,
// probe the address offset (address_probe.hpp), read the node information, classify node type
// and protocol version, read the device codes (regs 101..100+channels) and build the node's
// map: Annex A for default-map nodes (certification authority and company 0, §1.3), a loaded
// KS X 3286 spec when one fits, else the node is reported as needing a spec (with the default
// map as a flagged fallback, interop trap §1.9 "non-zero company code on a default-map node").
// Also reads one node's blocks (read_node), the step every poll repeats.
// It must not schedule or store anything.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "egin/devices/bus.hpp"
#include "egin/devices/ksx3286_spec.hpp"
#include "egin/devices/node_map.hpp"

namespace egin::devices {

enum class MapKind {
  kDefault,      // Annex A
  kSpec,         // a KS X 3286 spec
  kNeedsSpec,    // non-default node without a spec; `map` is the Annex A fallback
  kUnsupported,  // node type or protocol egin cannot poll (e.g. KS X 3288 nutrient nodes)
};
std::string_view map_kind_name(MapKind kind);  // "default", "spec", "needs_spec", "unsupported"

struct DiscoveredNode {
  int slave = 0;
  int address_offset = 0;
  ksx3267::NodeInfo info;
  std::vector<std::uint16_t> device_codes;  // slot i at [i − 1]
  MapKind kind = MapKind::kDefault;
  NodeMap map;
  std::vector<int> skipped_slots;  // codes the map could not place
  std::string note;                // for people: why needs_spec / unsupported
};

struct ScanOptions {
  int first_slave = 1;  // KS X 3267 unicast addresses 1–247 [S7]
  int last_slave = 247;
  std::vector<int> offsets{0, -1};  // candidates, first preferred
  const std::vector<NodeSpec>* specs = nullptr;
};

/// Discovers the node at `slave`; nullopt (and `problem` set) when nothing parses there.
std::optional<DiscoveredNode> discover_node(Bus& bus, int slave, const ScanOptions& options,
                                            std::string* problem = nullptr);

/// Scans first_slave..last_slave; `progress` (may be empty) is told each address tried.
std::vector<DiscoveredNode> scan_bus(
    Bus& bus, const ScanOptions& options,
    const std::function<void(int slave, bool found)>& progress = {});

/// Reads every block of `map` from the node; the first failed transfer is returned in
/// `transfer` (and what was read before it is still decoded).
struct NodeRead {
  TransferResult transfer;
  NodeReading reading;
  RegisterImage image;
};
NodeRead read_node(Bus& bus, int slave, const NodeMap& map,
                   BusPriority priority = BusPriority::kPoll);

}  // namespace egin::devices
