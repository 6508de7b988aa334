// HttpAddress: the address `egin serve --http ADDR` binds — "HOST:PORT", ":PORT" (all IPv4
// interfaces), "[IPV6]:PORT" or a bare "PORT" (loopback); port 0 asks the kernel for a free one.
// It must not bind sockets.
#pragma once

#include <string>
#include <string_view>

namespace egin::server {

struct HttpAddress {
  std::string host = "127.0.0.1";
  int port = 8080;
};

/// Throws InputError naming `flag` with the accepted forms.
HttpAddress parse_http_address(std::string_view text, std::string_view flag = "--http");

/// "127.0.0.1:8080", "[::1]:8080": the form URLs and logs print.
std::string format_http_address(const HttpAddress& address);

}  // namespace egin::server
