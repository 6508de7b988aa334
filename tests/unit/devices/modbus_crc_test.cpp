#include "egin/devices/modbus_crc.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace egin::devices {
namespace {

// Modbus over Serial Line V1.02 §6.2.2 worked example: the frame 02 07 has CRC 0x1241, sent
// low byte first (41 12).
TEST(ModbusCrc, SpecificationExample) {
  const std::vector<std::uint8_t> frame{0x02, 0x07};
  EXPECT_EQ(modbus_crc16(frame), 0x1241);
  EXPECT_TRUE(modbus_crc_ok(std::vector<std::uint8_t>{0x02, 0x07, 0x41, 0x12}));
}

// The read request of reference §1.3's capture: slave 1, FC 03, from 1, 8 registers; and the
// classic "01 03 00 00 00 01 84 0A".
TEST(ModbusCrc, ReadRequests) {
  EXPECT_TRUE(
      modbus_crc_ok(std::vector<std::uint8_t>{0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A}));
  const std::vector<std::uint8_t> request{0x01, 0x03, 0x00, 0x01, 0x00, 0x08};
  const std::uint16_t crc = modbus_crc16(request);
  std::vector<std::uint8_t> frame = request;
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
  EXPECT_TRUE(modbus_crc_ok(frame));
  frame[3] ^= 0x01;  // one bit of noise
  EXPECT_FALSE(modbus_crc_ok(frame));
}

// Waveshare Modbus RTU Relay manual (data/modbus/README.md): "Open Relay 0: 01 05 00 00 FF 00
// 8C 3A", "Close Relay 0: 01 05 00 00 00 00 CD CA".
TEST(ModbusCrc, RelayBoardFrames) {
  EXPECT_TRUE(
      modbus_crc_ok(std::vector<std::uint8_t>{0x01, 0x05, 0x00, 0x00, 0xFF, 0x00, 0x8C, 0x3A}));
  EXPECT_TRUE(
      modbus_crc_ok(std::vector<std::uint8_t>{0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0xCD, 0xCA}));
  EXPECT_TRUE(
      modbus_crc_ok(std::vector<std::uint8_t>{0x01, 0x05, 0x00, 0x03, 0x55, 0x00, 0x02, 0x9A}));
}

TEST(ModbusCrc, TooShortIsNotOk) {
  EXPECT_FALSE(modbus_crc_ok(std::vector<std::uint8_t>{0xFF, 0xFF}));
  EXPECT_FALSE(modbus_crc_ok(std::vector<std::uint8_t>{}));
}

}  // namespace
}  // namespace egin::devices
