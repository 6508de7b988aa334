// LinkSettings: where and how a Modbus bus is reached — Modbus TCP (host:port) or Modbus RTU on
// a serial device (baud, parity, data and stop bits; KOAT tests use 9600 8N1 [S6b]) — and the
// timeouts of one transaction. Parsed from CLI flags and the devices file with the accepted
// ranges in every error. It must not open anything (libmodbus_link.hpp does).
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace egin::devices {

struct TcpEndpoint {
  std::string host = "127.0.0.1";
  int port = 502;  // Modbus TCP (Modbus Messaging on TCP/IP V1.0b §4.1)
};

enum class Parity { kNone, kEven, kOdd };
std::string_view parity_name(Parity parity);  // "none", "even", "odd"

struct SerialLine {
  std::string device;  // "/dev/ttyUSB0", a pseudo-terminal
  int baud = 9600;
  Parity parity = Parity::kNone;
  int data_bits = 8;
  int stop_bits = 1;
  /// Bits on the wire per character: start + data + parity + stop (8N1: 10).
  [[nodiscard]] int bits_per_char() const {
    return 1 + data_bits + (parity == Parity::kNone ? 0 : 1) + stop_bits;
  }
};

struct LinkSettings {
  std::variant<TcpEndpoint, SerialLine> where;
  int response_timeout_ms = 500;  // from the request's end to the response's first byte
  int byte_timeout_ms = 50;       // between two bytes of one response (RTU)
  /// Node turnaround used by the time-budget model (bus_schedule.hpp), not a timeout.
  double turnaround_ms = 5.0;

  [[nodiscard]] bool is_tcp() const { return std::holds_alternative<TcpEndpoint>(where); }
  /// "tcp://127.0.0.1:1502" or "rtu:/dev/ttyUSB0@9600,8N1".
  [[nodiscard]] std::string describe() const;
};

inline constexpr int kTimeoutMinMs = 1;
inline constexpr int kTimeoutMaxMs = 60000;
inline constexpr int kBaudMin = 300;
inline constexpr int kBaudMax = 921600;

/// "host:port", ":port", "port" (host 127.0.0.1), "[::1]:502"; InputError naming `field`.
/// Port 0 (any free port) only when `listening`.
TcpEndpoint parse_tcp_endpoint(std::string_view text, std::string_view field,
                               bool listening = false);
/// "none" | "even" | "odd" | "N" | "E" | "O"; InputError naming `field`.
Parity parse_parity(std::string_view text, std::string_view field);
/// Checks ranges (baud, bits, timeouts); InputError naming `field_prefix` + the key.
void check_link_settings(const LinkSettings& settings, std::string_view file,
                         std::string_view field_prefix);

}  // namespace egin::devices
