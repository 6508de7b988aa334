#include "egin/server/http_address.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::server {
namespace {

TEST(HttpAddress, ParsesTheForms) {
  auto a = parse_http_address("127.0.0.1:8080");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
  a = parse_http_address(":9000");
  EXPECT_EQ(a.host, "0.0.0.0");
  EXPECT_EQ(a.port, 9000);
  a = parse_http_address("[::1]:8081");
  EXPECT_EQ(a.host, "::1");
  EXPECT_EQ(a.port, 8081);
  a = parse_http_address("7000");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 7000);
  a = parse_http_address("localhost:0");
  EXPECT_EQ(a.port, 0);
}

TEST(HttpAddress, FormatsForUrls) {
  EXPECT_EQ(format_http_address({"127.0.0.1", 8080}), "127.0.0.1:8080");
  EXPECT_EQ(format_http_address({"::1", 80}), "[::1]:80");
}

TEST(HttpAddress, RejectsBadAddressesNamingTheFlag) {
  for (const char* bad : {"", "host:", "host:http", "host:65536", "host:-1", "::1:80", "[::1]80",
                          "[]:80", "1.2.3.4:80x"}) {
    try {
      parse_http_address(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("--http"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace egin::server
