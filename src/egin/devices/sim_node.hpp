// SimNode: one simulated KS X 3267 node with the default register map (Annex A), as faithful as
// the reference allows (§1.3–1.6): the node-information block and device codes, sensor slots
// (float32 CDAB value + status) or actuator slots (status block [OPID, status, remain-time],
// command block [command, OPID, time]), and the node's behaviour:
//   - a command is activated when the OPID in its command block changes (same OPID re-written:
//     ignored; OPID 0: ignored), and the status block then echoes the OPID;
//   - timed commands (202, 303, 304) count remain-time down in whole seconds and return to
//     READY at expiry, leaving the OPID echoed or 0 (`opid_after_done`, both seen in the field);
//   - openers move at 100 % per `travel_s` and stop (READY) at their ends;
//   - writes to read-only registers (node info, device codes, status) → exception 0x02;
//     level-2 codes (203, 305, 306) to level-1 devices, and codes that do not fit the device →
//     exception 0x03, node state unchanged (SPS-7466 as cited in reference §1.6).
// Registers live in a libmodbus modbus_mapping_t (wire address = register + address_offset, so
// the simulator can play an N−1 node too); sim_server.hpp replies with modbus_reply().
// Not thread-safe: the server holds its lock around every call.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <modbus/modbus.h>

#include "egin/core/clock.hpp"
#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/sim_environment.hpp"

namespace egin::devices {

enum class OpidAfterDone { kEcho, kZero };

struct SimNodeConfig {
  int slave = 1;
  std::uint16_t product_type = ksx3267::kProductSensorNode;
  std::uint16_t certification_authority = 0;
  std::uint16_t company_code = 0;
  std::uint16_t product_code = 0;
  std::uint16_t protocol_version = ksx3267::kProtocolKsx3267;
  std::uint32_t serial_number = 1;
  int address_offset = 0;  // 0: register N at wire N; −1: at N − 1 (interop trap §1.9)
  /// Device code per slot; empty: the Annex A default (30 sensors / 16 switches + 8 openers).
  std::vector<std::uint16_t> device_codes;
  OpidAfterDone opid_after_done = OpidAfterDone::kEcho;
  double travel_s = 60.0;  // opener: closed to open
  /// Fault injection: the first N command writes are answered but not taken (a node busy with
  /// its own refresh, a write lost inside the node), so that the master must write again.
  int drop_commands = 0;
};

/// The Annex A default device codes: sensor slots 1–30 (§1.5), or 16 × 102 then 8 × 112 (§1.6).
std::vector<std::uint16_t> default_device_codes(std::uint16_t product_type);

class SimNode {
 public:
  SimNode(SimNodeConfig config, NodeEnvironment& environment, TimeMs now_ms);
  ~SimNode();
  SimNode(const SimNode&) = delete;
  SimNode& operator=(const SimNode&) = delete;

  [[nodiscard]] const SimNodeConfig& config() const { return config_; }
  [[nodiscard]] modbus_mapping_t* mapping() { return mapping_; }

  /// Exception code (0x02, 0x03) a write of `values` at wire `address` must get, or 0.
  [[nodiscard]] std::uint8_t check_write(int address,
                                         const std::vector<std::uint16_t>& values) const;
  /// Writes `values` at wire `address` (a write check_write accepted).
  void write(int address, const std::vector<std::uint16_t>& values);
  /// After the registers were written: activates commands whose OPID changed.
  void after_write(int address, int count, TimeMs now_ms);
  /// Brings time-dependent registers (values, remain-time, opener motion) to `now_ms`.
  void refresh(TimeMs now_ms);

  /// The register as the node holds it (register number, not wire address).
  [[nodiscard]] std::uint16_t reg(int number) const;

 private:
  struct Actuator {
    int slot = 0;
    ksx3267::ActuatorKind kind = ksx3267::ActuatorKind::kSwitch;
    int level = 1;
    std::uint16_t last_command_opid = 0;
    std::uint16_t status_opid = 0;
    std::uint16_t status = 0;
    ksx3267::Command command = ksx3267::Command::kOffOrStop;
    TimeMs end_ms = 0;  // timed commands
    int motion = 0;
    double position_pct = 0.0;
    TimeMs moved_ms = 0;
  };
  void set_reg(int number, std::uint16_t value);
  void activate(Actuator& actuator, const ksx3267::CommandBlock& block, TimeMs now_ms);
  void settle(Actuator& actuator, TimeMs now_ms);
  void publish(const Actuator& actuator, TimeMs now_ms);
  [[nodiscard]] bool writable(int number) const;
  [[nodiscard]] int last_reg() const;

  SimNodeConfig config_;
  NodeEnvironment& environment_;
  modbus_mapping_t* mapping_ = nullptr;
  std::vector<Actuator> actuators_;
  std::uint16_t node_command_opid_ = 0;
};

}  // namespace egin::devices
