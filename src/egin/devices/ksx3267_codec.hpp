// KS X 3267 codec: turns blocks of holding registers (as read with FC 0x03) into node
// information, device codes, sensor values with their statuses and actuator status blocks, and
// builds the command blocks written with FC 0x10. 32-bit fields are in the standard's word
// order, low word first (CDAB, §4.3.3), unless a KS X 3286 spec says otherwise. Pure functions
// on spans: any input (a short block, garbage) gives a result or a reason, never a crash
// (fuzz/fuzz_modbus_response.cpp).
// It must not do I/O or know addresses' offsets on the wire (address_probe.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/word_order.hpp"

namespace egin::ksx3267 {

/// Registers 1–8 (reference §1.3).
struct NodeInfo {
  std::uint16_t certification_authority = 0;
  std::uint16_t company_code = 0;
  std::uint16_t product_type = 0;
  std::uint16_t product_code = 0;
  std::uint16_t protocol_version = 0;
  std::uint16_t channel_count = 0;
  std::uint32_t serial_number = 0;

  /// Decision rule of §1.3: certification authority 0 and company 0 ⇒ the default map (Annex A).
  [[nodiscard]] bool uses_default_map() const {
    return certification_authority == 0 && company_code == 0;
  }
};

/// A decoded value or why there is none.
template <typename T>
struct Decoded {
  std::optional<T> value;
  std::string problem;  // empty when value is set
  [[nodiscard]] explicit operator bool() const { return value.has_value(); }
};

/// Decodes regs 1–8. A block "parses" when it has 8 registers, a product type 1–4, a known
/// protocol version (10, 20, 101, 201) and 1..100 channels — the test of the address auto-probe
/// (§1.9): read one register early or late and the type lands on a code/company (0) or product
/// field and fails.
Decoded<NodeInfo> decode_node_info(std::span<const std::uint16_t> regs,
                                   devices::WordOrder order = devices::WordOrder::kCdab);

/// One sensor slot: value (float32) and status (B.2).
struct SensorSample {
  float value = 0.0F;
  std::uint16_t status = 0;
  [[nodiscard]] Quality quality() const { return status_quality(status); }
};

/// Decodes the 3-register slot block [value lo, value hi, status] at `regs`.
Decoded<SensorSample> decode_sensor_slot(std::span<const std::uint16_t> regs,
                                         devices::WordOrder order = devices::WordOrder::kCdab);

/// An actuator's status block (§1.6): [OPID, status, remain-time uint32 s].
struct ActuatorStatus {
  std::uint16_t opid = 0;
  std::uint16_t status = 0;
  std::uint32_t remaining_s = 0;
};
Decoded<ActuatorStatus> decode_actuator_status(
    std::span<const std::uint16_t> regs, devices::WordOrder order = devices::WordOrder::kCdab);

/// The command block [command, OPID, time uint32 s] (§1.6).
std::array<std::uint16_t, 4> encode_command(Command command, std::uint16_t opid,
                                            std::uint32_t time_s,
                                            devices::WordOrder order = devices::WordOrder::kCdab);

/// A command block as a node reads it back (the simulator's side).
struct CommandBlock {
  std::uint16_t code = 0;
  std::uint16_t opid = 0;
  std::uint32_t time_s = 0;
};
Decoded<CommandBlock> decode_command_block(std::span<const std::uint16_t> regs,
                                           devices::WordOrder order = devices::WordOrder::kCdab);

/// Registers 1–8 as a node holds them (the simulator's side; round trip with decode_node_info).
std::array<std::uint16_t, 8> encode_node_info(const NodeInfo& info,
                                              devices::WordOrder order = devices::WordOrder::kCdab);

/// The payload of an FC 0x03 response PDU: [0x03, byte count, data…] → registers (big-endian
/// words, Modbus Application Protocol V1.1b3 §6.3). An exception PDU [0x83, code] gives the
/// problem "exception 0x02". `expected_count` 0 accepts any count the byte count gives.
Decoded<std::vector<std::uint16_t>> parse_read_response_pdu(std::span<const std::uint8_t> pdu,
                                                            std::size_t expected_count = 0);

}  // namespace egin::ksx3267
