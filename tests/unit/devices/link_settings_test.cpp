#include "egin/devices/link_settings.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::devices {
namespace {

TEST(LinkSettings, TcpEndpoints) {
  EXPECT_EQ(parse_tcp_endpoint("192.168.1.50:502", "--tcp").host, "192.168.1.50");
  EXPECT_EQ(parse_tcp_endpoint("192.168.1.50:502", "--tcp").port, 502);
  EXPECT_EQ(parse_tcp_endpoint("1502", "--tcp").host, "127.0.0.1");
  EXPECT_EQ(parse_tcp_endpoint(":1502", "--tcp").port, 1502);
  EXPECT_EQ(parse_tcp_endpoint("[::1]:502", "--tcp").host, "::1");
  EXPECT_THROW(parse_tcp_endpoint("host:0", "--tcp"), InputError);
  EXPECT_EQ(parse_tcp_endpoint("host:0", "--tcp", true).port, 0);
  EXPECT_THROW(parse_tcp_endpoint("host:70000", "--tcp"), InputError);
  EXPECT_THROW(parse_tcp_endpoint("host:", "--tcp"), InputError);
  EXPECT_THROW(parse_tcp_endpoint("host:5x", "--tcp"), InputError);
}

TEST(LinkSettings, SerialLines) {
  EXPECT_EQ(parse_parity("E", "--parity"), Parity::kEven);
  EXPECT_EQ(parse_parity("none", "--parity"), Parity::kNone);
  EXPECT_THROW(parse_parity("mark", "--parity"), InputError);
  LinkSettings settings;
  SerialLine line;
  line.device = "/dev/ttyUSB0";
  settings.where = line;
  EXPECT_EQ(settings.describe(), "rtu:/dev/ttyUSB0@9600,8N1");
  EXPECT_EQ(std::get<SerialLine>(settings.where).bits_per_char(), 10);
  EXPECT_NO_THROW(check_link_settings(settings, "f", "buses[0]."));
  std::get<SerialLine>(settings.where).baud = 100;
  try {
    check_link_settings(settings, "f", "buses[0].");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "buses[0].baud");
  }
  settings.where = TcpEndpoint{"h", 502};
  settings.response_timeout_ms = 0;
  EXPECT_THROW(check_link_settings(settings, "f", ""), InputError);
  settings.response_timeout_ms = 500;
  EXPECT_EQ(settings.describe(), "tcp://h:502");
}

}  // namespace
}  // namespace egin::devices
