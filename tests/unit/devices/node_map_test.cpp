#include "egin/devices/node_map.hpp"

#include <gtest/gtest.h>

#include "egin/devices/ksx3267_registers.hpp"
#include "egin/devices/sim_node.hpp"

namespace egin::devices {
namespace {

namespace k = ksx3267;

k::NodeInfo info(std::uint16_t type, std::uint16_t channels) {
  k::NodeInfo i;
  i.product_type = type;
  i.protocol_version = k::kProtocolKsx3267;
  i.channel_count = channels;
  return i;
}

// Reference §1.5: 30 slots, value 203 + 3(i−1), status 205 + 3(i−1); slot order and codes.
TEST(NodeMap, DefaultSensorNode) {
  const auto codes = default_device_codes(k::kProductSensorNode);
  ASSERT_EQ(codes.size(), 30U);
  const NodeMap map = default_node_map(info(1, 30), codes);
  ASSERT_EQ(map.sensors.size(), 30U);
  EXPECT_EQ(map.sensors[0].value_reg, 203);
  EXPECT_EQ(map.sensors[0].status_reg, 205);
  EXPECT_EQ(map.sensors[0].id, "temperature_1");
  EXPECT_EQ(map.sensors[3].id, "humidity_1");
  EXPECT_EQ(map.sensors[3].value_reg, 212);  // table: slot 4 value 212
  EXPECT_EQ(map.sensors[12].id, "co2_1");
  EXPECT_EQ(map.sensors[12].value_reg, 239);  // slot 13 value 239, status 241
  EXPECT_EQ(map.sensors[12].status_reg, 241);
  EXPECT_EQ(map.sensors[19].id, "temperature_4");  // slot 20: temperature 4
  EXPECT_EQ(map.sensors[25].id, "temperature_10");
  EXPECT_EQ(map.sensors[29].id, "weight_2");
  EXPECT_EQ(map.sensors[29].value_reg, 290);
  EXPECT_EQ(map.sensors[29].status_reg, 292);
  // One read of 201..292: the real node answered 91 registers from 202 [S6c]; egin adds 201.
  ASSERT_EQ(map.blocks.size(), 1U);
  EXPECT_EQ(map.blocks[0].first_reg, 201);
  EXPECT_EQ(map.blocks[0].count, 92);
}

// Reference §1.6: switch k status 203+4(k−1), opener j 267+4(j−1); commands 503…/567….
TEST(NodeMap, DefaultActuatorNode) {
  const auto codes = default_device_codes(k::kProductActuatorNode);
  const NodeMap map = default_node_map(info(2, 24), codes);
  ASSERT_EQ(map.actuators.size(), 24U);
  int switches = 0;
  int openers = 0;
  for (const ActuatorChannel& a : map.actuators) {
    (a.kind == k::ActuatorKind::kSwitch ? switches : openers)++;
  }
  EXPECT_EQ(switches, 16);
  EXPECT_EQ(openers, 8);
  EXPECT_EQ(map.actuators[0].id, "switch_1");
  EXPECT_EQ(map.actuators[0].status_first, 203);
  EXPECT_EQ(map.actuators[0].command_first, 503);
  EXPECT_EQ(map.actuators[15].status_first, 263);  // switch 16: 263..266
  EXPECT_EQ(map.actuators[16].id, "opener_1");
  EXPECT_EQ(map.actuators[16].status_first, 267);
  EXPECT_EQ(map.actuators[16].command_first, 567);
  EXPECT_EQ(map.actuators[23].status_first, 295);  // opener 8: 295..298
  EXPECT_EQ(map.actuators[23].command_first, 595);
  EXPECT_EQ(k::kRegActuatorLast, 598);
  ASSERT_EQ(map.blocks.size(), 1U);
  EXPECT_EQ(map.blocks[0].first_reg, 201);
  EXPECT_EQ(map.blocks[0].count, 98);
}

TEST(NodeMap, EmptyAndUnknownSlotsAreLeftOut) {
  std::vector<int> skipped;
  const std::vector<std::uint16_t> codes{1, 0, 2, 77, 11};
  const NodeMap map = default_node_map(info(1, 5), codes, &skipped);
  ASSERT_EQ(map.sensors.size(), 3U);
  EXPECT_EQ(map.sensors[1].slot, 3);
  EXPECT_EQ(map.sensors[2].id, "co2_1");
  EXPECT_EQ(skipped, std::vector<int>{4});
  // An actuator code on a sensor node does not fit.
  const NodeMap wrong = default_node_map(info(1, 1), std::vector<std::uint16_t>{102}, &skipped);
  EXPECT_TRUE(wrong.sensors.empty());
}

TEST(NodeMap, ReadBlocksRespectTheModbusLimit) {
  const auto blocks = plan_read_blocks({{201, 2}, {203, 3}, {300, 3}, {303, 100}, {600, 4}});
  ASSERT_EQ(blocks.size(), 3U);
  EXPECT_EQ(blocks[0].first_reg, 201);
  EXPECT_EQ(blocks[0].count, 5);        // 201..205: the 2-register gap is bridged
  EXPECT_EQ(blocks[1].first_reg, 300);  // 94 registers from 206: a new read
  EXPECT_EQ(blocks[1].count, 103);
  EXPECT_EQ(blocks[2].first_reg, 600);
  for (const ReadBlock& b : blocks) {
    EXPECT_LE(b.count, 125);
  }
  // 200 contiguous registers need two reads.
  const auto big = plan_read_blocks({{1, 100}, {101, 100}});
  ASSERT_EQ(big.size(), 2U);
}

TEST(NodeMap, DecodeFromAnImage) {
  const NodeMap map = default_node_map(info(1, 2), std::vector<std::uint16_t>{1, 11});
  RegisterImage image;
  const std::vector<std::uint16_t> regs{0, 0, 0x6666, 0x41BA, 0, 0x0000, 0x43E1, 103};
  image.add(201, regs);
  const NodeReading reading = decode_node(map, image);
  ASSERT_EQ(reading.sensors.size(), 2U);
  EXPECT_FLOAT_EQ(*reading.sensors[0].value, 23.3F);
  EXPECT_FLOAT_EQ(*reading.sensors[1].value, 450.0F);  // 0x43E10000
  EXPECT_EQ(reading.sensors[1].status, 103);
  EXPECT_EQ(reading.sensors[1].quality, k::Quality::kNeedsCheck);
  EXPECT_EQ(reading.node_status, 0);
  EXPECT_TRUE(image.get(300, 1).empty());
}

}  // namespace
}  // namespace egin::devices
