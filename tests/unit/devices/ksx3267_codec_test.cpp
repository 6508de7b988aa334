#include "egin/devices/ksx3267_codec.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "egin/devices/ksx3267_registers.hpp"

namespace egin::ksx3267 {
namespace {

// Reference §1.3: real capture of a default sensor node's registers 1–8 [S6c]:
// 00 00 | 00 00 | 00 01 | 00 00 | 00 0A | 00 1E | 00 01 00 00.
const std::vector<std::uint16_t> kCapturedInfo{0x0000, 0x0000, 0x0001, 0x0000,
                                               0x000A, 0x001E, 0x0001, 0x0000};

TEST(Ksx3267Codec, CapturedNodeInformation) {
  const auto info = decode_node_info(kCapturedInfo);
  ASSERT_TRUE(info) << info.problem;
  EXPECT_EQ(info.value->certification_authority, 0);
  EXPECT_EQ(info.value->company_code, 0);
  EXPECT_EQ(info.value->product_type, kProductSensorNode);
  EXPECT_EQ(info.value->product_code, 0);
  EXPECT_EQ(info.value->protocol_version, kProtocolKsx3267);
  EXPECT_EQ(info.value->channel_count, 30);
  EXPECT_EQ(info.value->serial_number, 1U);  // CDAB: low word 0x0001 first
  EXPECT_TRUE(info.value->uses_default_map());
}

// Interop trap §1.9: a node whose register N sits at wire N − 1, read from wire 1, gives regs
// 2..9; read from wire 0 on a wire-N node gives reg 0..7. Neither parses.
TEST(Ksx3267Codec, ShiftedNodeInformationDoesNotParse) {
  std::vector<std::uint16_t> late(kCapturedInfo.begin() + 1, kCapturedInfo.end());
  late.push_back(0);
  const auto a = decode_node_info(late);
  EXPECT_FALSE(a);
  EXPECT_NE(a.problem.find("product type 0"), std::string::npos) << a.problem;
  std::vector<std::uint16_t> early{0};
  early.insert(early.end(), kCapturedInfo.begin(), kCapturedInfo.end() - 1);
  EXPECT_FALSE(decode_node_info(early));
}

TEST(Ksx3267Codec, NodeInformationRanges) {
  auto regs = kCapturedInfo;
  regs[5] = 0;  // no channels
  EXPECT_FALSE(decode_node_info(regs));
  regs[5] = 101;
  EXPECT_FALSE(decode_node_info(regs));
  regs[5] = 24;
  regs[4] = 99;  // unknown protocol
  EXPECT_FALSE(decode_node_info(regs));
  regs[4] = kProtocolKsx3288;
  EXPECT_TRUE(decode_node_info(regs));
  EXPECT_FALSE(decode_node_info(std::vector<std::uint16_t>(7, 0)));
  regs[1] = 8877;  // Korea-Digital's company code [S4]
  EXPECT_FALSE(decode_node_info(regs).value->uses_default_map());
}

TEST(Ksx3267Codec, NodeInformationRoundTrip) {
  NodeInfo info;
  info.product_type = kProductActuatorNode;
  info.protocol_version = kProtocolKsx3267;
  info.channel_count = 24;
  info.serial_number = 0x12345678U;
  const auto regs = encode_node_info(info);
  EXPECT_EQ(regs[6], 0x5678);  // low word first
  EXPECT_EQ(regs[7], 0x1234);
  const auto back = decode_node_info(regs);
  ASSERT_TRUE(back);
  EXPECT_EQ(back.value->serial_number, 0x12345678U);
  EXPECT_EQ(back.value->channel_count, 24);
}

// Reference §1.2 [S6c]: sensor channel 1 answered 5C FA 41 BA (23.2954, "23.3 °C").
TEST(Ksx3267Codec, SensorSlot) {
  const std::vector<std::uint16_t> slot{0x5CFA, 0x41BA, kStatusNeedCalibration};
  const auto sample = decode_sensor_slot(slot);
  ASSERT_TRUE(sample);
  EXPECT_NEAR(sample.value->value, 23.2954F, 1e-4F);
  EXPECT_EQ(sample.value->status, 102);
  EXPECT_EQ(sample.value->quality(), Quality::kNeedsCalibration);
  EXPECT_FALSE(decode_sensor_slot(std::vector<std::uint16_t>{0x0000, 0x7FC0, 0}));  // NaN
  EXPECT_FALSE(decode_sensor_slot(std::vector<std::uint16_t>{1, 2}));
}

TEST(Ksx3267Codec, ActuatorStatusAndCommandBlocks) {
  // Status block [OPID, status, remain-time uint32 CDAB]: OPID 7, ON, 70000 s = 0x00011170.
  const std::vector<std::uint16_t> status{7, kStatusSwitchOn, 0x1170, 0x0001};
  const auto s = decode_actuator_status(status);
  ASSERT_TRUE(s);
  EXPECT_EQ(s.value->opid, 7);
  EXPECT_EQ(s.value->status, 201);
  EXPECT_EQ(s.value->remaining_s, 70000U);
  // Command block [command, OPID, time]: timed open, OPID 513, 90 s.
  const auto block = encode_command(Command::kTimedOpen, 513, 90);
  EXPECT_EQ(block, (std::array<std::uint16_t, 4>{303, 513, 90, 0}));
  const auto back = decode_command_block(block);
  ASSERT_TRUE(back);
  EXPECT_EQ(back.value->code, 303);
  EXPECT_EQ(back.value->opid, 513);
  EXPECT_EQ(back.value->time_s, 90U);
}

TEST(Ksx3267Codec, ReadResponsePdu) {
  const std::vector<std::uint8_t> ok{0x03, 0x04, 0x5C, 0xFA, 0x41, 0xBA};  // the capture
  const auto regs = parse_read_response_pdu(ok, 2);
  ASSERT_TRUE(regs) << regs.problem;
  EXPECT_EQ(*regs.value, (std::vector<std::uint16_t>{0x5CFA, 0x41BA}));
  EXPECT_FALSE(parse_read_response_pdu(ok, 3));
  const auto exception = parse_read_response_pdu(std::vector<std::uint8_t>{0x83, 0x02});
  EXPECT_FALSE(exception);
  EXPECT_EQ(exception.problem, "exception 0x02");
  EXPECT_FALSE(parse_read_response_pdu(std::vector<std::uint8_t>{0x03, 0x05, 1, 2, 3, 4, 5}));
  EXPECT_FALSE(parse_read_response_pdu(std::vector<std::uint8_t>{0x03, 0x04, 1, 2}));
  EXPECT_FALSE(parse_read_response_pdu(std::vector<std::uint8_t>{0x04, 0x02, 1, 2}));
  EXPECT_FALSE(parse_read_response_pdu(std::vector<std::uint8_t>{}));
}

}  // namespace
}  // namespace egin::ksx3267
