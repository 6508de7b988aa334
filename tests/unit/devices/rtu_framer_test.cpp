#include "egin/devices/rtu_framer.hpp"

#include <gtest/gtest.h>

#include "egin/devices/modbus_crc.hpp"

namespace egin::devices {
namespace {

std::vector<std::uint8_t> with_crc(std::vector<std::uint8_t> frame) {
  const std::uint16_t crc = modbus_crc16(frame);
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
  return frame;
}

TEST(RtuFramer, RequestLengths) {
  EXPECT_EQ(RtuRequestFramer::request_length(std::vector<std::uint8_t>{1}), 0);
  EXPECT_EQ(RtuRequestFramer::request_length(std::vector<std::uint8_t>{1, 3}), 8);
  EXPECT_EQ(RtuRequestFramer::request_length(std::vector<std::uint8_t>{1, 0x10, 0, 1, 0}), 0);
  EXPECT_EQ(RtuRequestFramer::request_length(std::vector<std::uint8_t>{1, 0x10, 1, 247, 0, 4, 8}),
            17);
  EXPECT_EQ(RtuRequestFramer::request_length(std::vector<std::uint8_t>{1, 0x2B}), -1);
}

TEST(RtuFramer, SplitsBackToBackFramesAndBytewiseFeeds) {
  const auto read = with_crc({0x01, 0x03, 0x00, 0x01, 0x00, 0x08});
  const auto write = with_crc({0x02, 0x10, 0x01, 0xF7, 0x00, 0x02, 0x04, 0x00, 0xC9, 0x00, 0x05});
  RtuRequestFramer framer;
  std::vector<std::uint8_t> stream = read;
  stream.insert(stream.end(), write.begin(), write.end());
  for (const std::uint8_t byte : stream) {
    framer.feed(std::span<const std::uint8_t>(&byte, 1));
  }
  EXPECT_EQ(framer.take(), read);
  EXPECT_EQ(framer.take(), write);
  EXPECT_FALSE(framer.take());
  EXPECT_EQ(framer.buffered(), 0U);
}

TEST(RtuFramer, NoiseIsDroppedAndTheNextFrameStillParses) {
  auto bad = with_crc({0x01, 0x03, 0x00, 0xCA, 0x00, 0x5B});
  bad[4] ^= 0x10;
  RtuRequestFramer framer;
  framer.feed(bad);
  EXPECT_FALSE(framer.take());
  EXPECT_EQ(framer.crc_errors(), 1U);
  EXPECT_EQ(framer.buffered(), 0U);
  // A truncated frame waits, then goes at the silence.
  framer.feed(std::vector<std::uint8_t>{0x01, 0x10, 0x00});
  EXPECT_FALSE(framer.take());
  EXPECT_FALSE(framer.silence());
  EXPECT_EQ(framer.buffered(), 0U);
  const auto good = with_crc({0x01, 0x03, 0x00, 0xCA, 0x00, 0x5B});
  framer.feed(good);
  EXPECT_EQ(framer.take(), good);
}

TEST(RtuFramer, UnknownFunctionIsPassedOnAtTheSilence) {
  const auto report = with_crc({0x01, 0x11});  // FC 0x11 Report Slave ID
  RtuRequestFramer framer;
  framer.feed(report);
  EXPECT_FALSE(framer.take());
  EXPECT_EQ(framer.silence(), report);
}

}  // namespace
}  // namespace egin::devices
