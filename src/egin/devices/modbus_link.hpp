// ModbusLink: one Modbus master connection (a serial line or a TCP socket) that performs one
// transaction at a time and says how it went — done, timed out, CRC error, Modbus exception,
// malformed frame, or an I/O failure (the link reconnects on the next call). Implemented on
// libmodbus (libmodbus_link.hpp). Not thread-safe: Bus (bus.hpp) serialises its users.
// It must not know KS X 3267 or count per node (the bus does).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace egin::devices {

enum class TransferStatus {
  kOk,
  kTimeout,    // no (complete) answer within the response / byte timeout
  kCrcError,   // RTU frame whose CRC does not match (noise, missing common ground)
  kException,  // the node answered with a Modbus exception (code in exception_code)
  kBadFrame,   // an answer that is not a valid response to the request (wrong slave, length…)
  kIoError,    // the device or socket failed (unplugged adapter, connection refused/reset)
};
std::string_view transfer_status_name(TransferStatus status);  // "ok", "timeout", "crc", …

/// Modbus exception codes (Modbus Application Protocol V1.1b3 §7).
inline constexpr std::uint8_t kExceptionIllegalFunction = 0x01;
inline constexpr std::uint8_t kExceptionIllegalDataAddress = 0x02;
inline constexpr std::uint8_t kExceptionIllegalDataValue = 0x03;
inline constexpr std::uint8_t kExceptionServerFailure = 0x04;
inline constexpr std::uint8_t kExceptionGatewayTargetFailed = 0x0B;

struct TransferResult {
  TransferStatus status = TransferStatus::kOk;
  std::uint8_t exception_code = 0;  // with kException
  std::string message;              // for people; empty on success
  double elapsed_ms = 0.0;          // wall time of the transaction
  [[nodiscard]] bool ok() const { return status == TransferStatus::kOk; }
};

class ModbusLink {
 public:
  virtual ~ModbusLink() = default;
  /// FC 0x03 Read Holding Registers: out.size() registers from wire address `address`.
  virtual TransferResult read_holding(int slave, int address, std::span<std::uint16_t> out) = 0;
  /// FC 0x04 Read Input Registers (commodity devices; KS X 3267 uses 0x03 only).
  virtual TransferResult read_input(int slave, int address, std::span<std::uint16_t> out) = 0;
  /// FC 0x10 Write Multiple Registers.
  virtual TransferResult write_registers(int slave, int address,
                                         std::span<const std::uint16_t> values) = 0;
  /// FC 0x01 Read Coils (out[i] = 0/1) and FC 0x05 Write Single Coil (relay boards).
  virtual TransferResult read_coils(int slave, int address, std::span<std::uint8_t> out) = 0;
  virtual TransferResult write_coil(int slave, int address, bool on) = 0;
  /// "tcp://host:port" or "rtu:/dev/ttyUSB0@9600,8N1".
  [[nodiscard]] virtual std::string describe() const = 0;
};

}  // namespace egin::devices
