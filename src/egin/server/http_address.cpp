#include "egin/server/http_address.hpp"

#include <charconv>
#include <string>

#include "egin/core/input_error.hpp"

namespace egin::server {

namespace {

constexpr int kMaxPort = 65535;

[[noreturn]] void fail(std::string_view text, std::string_view flag, const std::string& problem) {
  throw InputError({"", 0, std::string(flag)}, "'" + std::string(text) + "': " + problem,
                   "HOST:PORT, :PORT, [IPV6]:PORT or PORT with PORT 0 to 65535");
}

int parse_port(std::string_view digits, std::string_view text, std::string_view flag) {
  int port = -1;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || port < 0 ||
      port > kMaxPort) {
    fail(text, flag, "the port is not a number from 0 to 65535");
  }
  return port;
}

}  // namespace

HttpAddress parse_http_address(std::string_view text, std::string_view flag) {
  HttpAddress address;
  if (text.empty()) {
    fail(text, flag, "empty address");
  }
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      fail(text, flag, "an IPv6 address needs the form [ADDR]:PORT");
    }
    address.host = std::string(text.substr(1, close - 1));
    address.port = parse_port(text.substr(close + 2), text, flag);
    if (address.host.empty()) {
      fail(text, flag, "empty IPv6 address");
    }
    return address;
  }
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    address.port = parse_port(text, text, flag);
    return address;
  }
  if (text.find(':') != colon) {
    fail(text, flag, "write an IPv6 address in brackets");
  }
  const std::string_view host = text.substr(0, colon);
  address.host = host.empty() ? "0.0.0.0" : std::string(host);
  address.port = parse_port(text.substr(colon + 1), text, flag);
  return address;
}

std::string format_http_address(const HttpAddress& address) {
  const bool v6 = address.host.find(':') != std::string::npos;
  return (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

}  // namespace egin::server
