// Devices file: the field buses `egin serve --devices FILE` polls and which site devices their
// nodes feed (docs/formats/devices-file.md). A separate TOML file beside the site file — the
// site file is rewritten by API edits, the wiring is the integrator's:
//
//   [[buses]]                       one RS485 line or Modbus TCP endpoint
//   id = "rs485-1"
//   rtu = "/dev/ttyUSB0"            or  tcp = "192.168.1.50:502"
//   baud = 9600  parity = "none"  data_bits = 8  stop_bits = 1
//   response_timeout_ms = 500  byte_timeout_ms = 50  turnaround_ms = 5
//   retry_s = 2  offline_after = 3  offline_retry_s = 3  budget_fraction = 0.8
//   rediscover_s = 10               how often a node not found yet is looked for
//   specs = ["vendor-node.json"]    KS X 3286 specs (paths relative to this file)
//   [[buses.nodes]]
//   slave = 1
//   zone = "gh1"                    a zone of the site
//   device = "climate"              the site device it feeds (added when missing)
//   address_offset = "auto"         "auto" (probe 0, then −1), 0 or −1
//   period_s = 60                   poll period (default: the device's smallest sampling period
//                                   in the site, else 60)
//   auto_channels = true            add the node's channels to the site device when missing
//   store_status = true             also store each slot's status as "<channel>_status"
//   assume_default_map = false      poll a node that needs a KS X 3286 spec with Annex A
//   channels = { temperature_1 = "t_air" }   node channel → site channel id
//   map = "xy-md02.toml"            a commodity device of a generic Modbus map (modbus_map.hpp,
//                                   relative to this file) instead of a KS X 3267 node
//
//   [commands]                      the OPID handshake's limits (actuator_commands.hpp)
//   confirm_timeout_ms = 3000  confirm_interval_ms = 100  max_attempts = 3
//
//   [mqtt_bridge]                   with `egin serve --mqtt URL`
//   publish_obs = false             also publish readings on …/obs (they are stored directly)
//   publish_status = true           retained …/status per node
//   commands = true                 accept …/cmd, answer on …/ack
//   allow = ["gh1/vents/*"]         zone/device/actuator patterns that may be commanded
//   requesters = []                 requested_by patterns (empty: any)
//
//   [[climate]]                     a live climate computer of a zone (climate_wiring.hpp)
//
// Errors name the file, the line, the dotted key and the accepted range (InputError).
// It must not open buses (device_driver.hpp does).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/devices/actuator_commands.hpp"
#include "egin/devices/bus_poller.hpp"
#include "egin/devices/command_authorisation.hpp"
#include "egin/devices/link_settings.hpp"
#include "egin/runtime/climate_wiring.hpp"
#include "egin/runtime/site.hpp"

namespace egin::runtime {

struct NodeWiring {
  int slave = 1;
  std::string zone;
  std::string device;
  std::optional<int> address_offset;  // nullopt: auto-probe
  double period_s = 0.0;              // 0: from the site
  bool auto_channels = true;
  bool store_status = true;
  bool assume_default_map = false;
  std::map<std::string, std::string> channels;  // node channel id → site channel id
  std::filesystem::path map;                    // generic Modbus map; empty: KS X 3267
  int line = 0;
};

struct BusWiring {
  std::string id;
  devices::LinkSettings link;
  devices::PollerOptions poller;
  double rediscover_s = 10.0;
  std::vector<std::filesystem::path> specs;
  std::vector<NodeWiring> nodes;
  int line = 0;
};

struct MqttBridgeWiring {
  bool present = false;
  bool publish_obs = false;
  bool publish_status = true;
  bool commands = true;
  devices::CommandAuthorisation authorisation;
};

struct DevicesConfig {
  std::string file;
  std::vector<BusWiring> buses;
  devices::CommandOptions commands;
  MqttBridgeWiring mqtt_bridge;
  std::vector<ClimateWiring> climate;
};

DevicesConfig parse_devices_toml(std::string_view text, std::string_view file_name,
                                 const std::filesystem::path& base_dir = {});
DevicesConfig load_devices_file(const std::filesystem::path& path);

/// Every node's and climate computer's zone exists in the site; InputError naming the devices file, line and key.
void check_devices_against_site(const DevicesConfig& config, const Site& site);

}  // namespace egin::runtime
