#include "egin/devices/link_settings.hpp"

#include <charconv>

#include <fmt/format.h>

#include "egin/core/input_error.hpp"

namespace egin::devices {

std::string_view parity_name(Parity parity) {
  switch (parity) {
    case Parity::kNone:
      return "none";
    case Parity::kEven:
      return "even";
    case Parity::kOdd:
      return "odd";
  }
  return "none";
}

std::string LinkSettings::describe() const {
  if (const auto* tcp = std::get_if<TcpEndpoint>(&where)) {
    return fmt::format("tcp://{}:{}", tcp->host, tcp->port);
  }
  const auto& line = std::get<SerialLine>(where);
  const char parity =
      line.parity == Parity::kNone ? 'N' : (line.parity == Parity::kEven ? 'E' : 'O');
  return fmt::format("rtu:{}@{},{}{}{}", line.device, line.baud, line.data_bits, parity,
                     line.stop_bits);
}

TcpEndpoint parse_tcp_endpoint(std::string_view text, std::string_view field, bool listening) {
  const int min_port = listening ? 0 : 1;
  const std::string expected = fmt::format("HOST:PORT, :PORT or PORT, port {} to 65535", min_port);
  TcpEndpoint endpoint;
  std::string_view port_text = text;
  if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    std::string_view host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);
    }
    if (!host.empty()) {
      endpoint.host = std::string(host);
    }
    port_text = text.substr(colon + 1);
  }
  int port = 0;
  const auto [ptr, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || ptr != port_text.data() + port_text.size() ||
      port < min_port || port > 65535) {
    throw InputError({"", 0, std::string(field)}, fmt::format("'{}' is not an address", text),
                     expected);
  }
  endpoint.port = port;
  return endpoint;
}

Parity parse_parity(std::string_view text, std::string_view field) {
  if (text == "none" || text == "N") {
    return Parity::kNone;
  }
  if (text == "even" || text == "E") {
    return Parity::kEven;
  }
  if (text == "odd" || text == "O") {
    return Parity::kOdd;
  }
  throw InputError({"", 0, std::string(field)}, fmt::format("unknown parity '{}'", text),
                   "none, even or odd");
}

void check_link_settings(const LinkSettings& settings, std::string_view file,
                         std::string_view field_prefix) {
  auto fail = [&](std::string_view key, std::string problem, std::string expected) {
    throw InputError({std::string(file), 0, fmt::format("{}{}", field_prefix, key)},
                     std::move(problem), std::move(expected));
  };
  if (settings.response_timeout_ms < kTimeoutMinMs ||
      settings.response_timeout_ms > kTimeoutMaxMs) {
    fail("response_timeout_ms", fmt::format("{} ms", settings.response_timeout_ms),
         fmt::format("{} to {} ms", kTimeoutMinMs, kTimeoutMaxMs));
  }
  if (settings.byte_timeout_ms < kTimeoutMinMs || settings.byte_timeout_ms > kTimeoutMaxMs) {
    fail("byte_timeout_ms", fmt::format("{} ms", settings.byte_timeout_ms),
         fmt::format("{} to {} ms", kTimeoutMinMs, kTimeoutMaxMs));
  }
  if (!(settings.turnaround_ms >= 0.0 && settings.turnaround_ms <= 1000.0)) {
    fail("turnaround_ms", fmt::format("{} ms", settings.turnaround_ms), "0 to 1000 ms");
  }
  if (const auto* line = std::get_if<SerialLine>(&settings.where)) {
    if (line->device.empty()) {
      fail("rtu", "no serial device", "a device path such as /dev/ttyUSB0");
    }
    if (line->baud < kBaudMin || line->baud > kBaudMax) {
      fail("baud", fmt::format("{} bit/s", line->baud),
           fmt::format("{} to {} bit/s (9600 for KS X 3267 nodes)", kBaudMin, kBaudMax));
    }
    if (line->data_bits < 7 || line->data_bits > 8) {
      fail("data_bits", fmt::format("{}", line->data_bits), "7 or 8");
    }
    if (line->stop_bits < 1 || line->stop_bits > 2) {
      fail("stop_bits", fmt::format("{}", line->stop_bits), "1 or 2");
    }
  }
}

}  // namespace egin::devices
