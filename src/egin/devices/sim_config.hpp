// The `egin node-sim` configuration file (TOML; docs/user-guide/devices.md "Simulator"):
//
//   [synthetic]                       # the synthetic value source (sim_environment.hpp)
//   slot_step = 0.0                   # value += slot_step × (slot − 1)
//   amplitude = 0.0                   # sine wave of `period_s` on every value
//   period_s = 3600.0
//   status_cycle = [0, 101, 102, 103] # status codes cycled every status_cycle_s (KOAT data check)
//   status_cycle_s = 5.0
//   status_cycle_slots = [1, 4]       # the slots that cycle (all when absent)
//   base = { "1" = 23.3, "11" = 450.0 }   # value by device code
//   slots = { "1" = 28.8 }                # fixed value by slot
//
//   [[nodes]]
//   slave = 1                         # 1–247
//   type = "sensor"                   # sensor | actuator
//   address_offset = 0                # 0 (register N at wire N) or −1 (N − 1)
//   company_code = 0                  # non-zero: a KS X 3286 node (needs a spec)
//   certification_authority = 0
//   product_code = 0
//   protocol_version = 10
//   serial_number = 1
//   opid_after_done = "echo"          # echo | zero: status OPID after a command ends
//   travel_s = 60.0                   # opener: closed to open
//   device_codes = [1, 2, 11, 14]     # slot codes; absent: the Annex A default
//   drop_commands = 0                 # fault: answer the first N command writes, take none
//
// Errors name the file, line, key and accepted range (InputError).
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "egin/devices/sim_environment.hpp"
#include "egin/devices/sim_node.hpp"

namespace egin::devices {

struct SimConfig {
  SyntheticSettings synthetic;
  std::vector<SimNodeConfig> nodes;
};

SimConfig parse_sim_config(std::string_view text, std::string_view file_name);
SimConfig load_sim_config(const std::filesystem::path& path);

/// "sensor" | "actuator" → product type; nullopt otherwise.
std::optional<std::uint16_t> parse_node_type(std::string_view text);

}  // namespace egin::devices
