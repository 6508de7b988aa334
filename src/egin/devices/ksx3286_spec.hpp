// Ksx3286Spec: node specifications of auto-registration nodes (KS X 3286), the JSON that tells
// a controller where a non-default node keeps its devices' registers (reference §1.8). A spec
// names the node it is for (company code, product type, product code — the fields of the node
// information block) and lists its devices, each with a slot, a device code and a CommSpec:
//
//   { "CompanyCode": 8877, "ProductType": 1, "ProductCode": 3, "Model": "…",
//     "Devices": [
//       { "Slot": 1, "DeviceCode": 1, "Class": "sensor", "Name": "온도",
//         "CommSpec": { "KS-X-3267:2018": {
//           "read": { "starting-register": 203, "items": ["value", "status"] } } } },
//       { "Slot": 2, "DeviceCode": 102, "Class": "actuator", "Type": "switch/level1",
//         "CommSpec": { "KS-X-3267:2018": {
//           "read":  { "starting-register": 207, "items": ["opid", "status", "remain-time"] },
//           "write": { "starting-register": 503, "items": ["operation", "opid", "hold-time"] } } } } ] }
//
// Register addresses are `starting-register` plus the sizes of the items before (item sizes of
// JiNong's KSX3267Mate._KEYWORDS [S3]: value 2, status 1, opid 1, remain-time 2, operation 1,
// hold-time 2, time 2, state-hold-time 2, ratio 1, position 1, control 1, …). A file holds one
// spec or an array of them. Bad input throws InputError naming the file and the JSON path.
// It must not do I/O beyond reading the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/node_map.hpp"

namespace egin::devices {

struct NodeSpec {
  std::uint16_t company_code = 0;
  std::uint16_t product_type = 0;
  std::uint16_t product_code = 0;
  std::string model;
  std::string file;
  NodeMap map;  // source "KS X 3286 spec <file>"
};

/// Size in registers of a CommSpec item keyword; nullopt for an unknown keyword.
std::optional<int> ksx3286_item_size(std::string_view item);

/// Parses the specs in `text`; `file_name` names the source in errors.
std::vector<NodeSpec> parse_ksx3286_specs(std::string_view text, std::string_view file_name);
std::vector<NodeSpec> load_ksx3286_specs(const std::filesystem::path& path);

/// The spec for a node, by company, product type and product code; nullptr when none fits.
const NodeSpec* find_spec(const std::vector<NodeSpec>& specs, const ksx3267::NodeInfo& info);

}  // namespace egin::devices
