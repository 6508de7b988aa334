#include "egin/devices/sim_config.hpp"

#include <gtest/gtest.h>

#include "egin/core/input_error.hpp"

namespace egin::devices {
namespace {

TEST(SimConfig, ParsesNodesAndSyntheticValues) {
  const SimConfig config = parse_sim_config(R"(
[synthetic]
slot_step = 0.5
status_cycle = [0, 101, 102, 103]
status_cycle_s = 2.5
status_cycle_slots = [1, 4]
base = { "11" = 800.0 }
slots = { "1" = 28.8 }

[[nodes]]
slave = 3
type = "sensor"
address_offset = -1
serial_number = 4000000000

[[nodes]]
slave = 4
type = "actuator"
opid_after_done = "zero"
travel_s = 45
device_codes = [102, 102, 112]
)",
                                            "sim.toml");
  EXPECT_DOUBLE_EQ(config.synthetic.slot_step, 0.5);
  EXPECT_EQ(config.synthetic.status_cycle, (std::vector<std::uint16_t>{0, 101, 102, 103}));
  EXPECT_DOUBLE_EQ(config.synthetic.status_cycle_s, 2.5);
  EXPECT_EQ(config.synthetic.status_cycle_slots, (std::vector<int>{1, 4}));
  EXPECT_DOUBLE_EQ(config.synthetic.base.at(11), 800.0);
  EXPECT_DOUBLE_EQ(config.synthetic.slot_value.at(1), 28.8);
  ASSERT_EQ(config.nodes.size(), 2U);
  EXPECT_EQ(config.nodes[0].address_offset, -1);
  EXPECT_EQ(config.nodes[0].serial_number, 4000000000U);
  EXPECT_EQ(config.nodes[1].product_type, 2);
  EXPECT_EQ(config.nodes[1].opid_after_done, OpidAfterDone::kZero);
  EXPECT_DOUBLE_EQ(config.nodes[1].travel_s, 45.0);
  EXPECT_EQ(config.nodes[1].device_codes.size(), 3U);
}

TEST(SimConfig, ErrorsNameTheFieldAndTheRange) {
  auto error = [](const char* text) {
    try {
      parse_sim_config(text, "sim.toml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("[[nodes]]\nslave = 300\ntype = \"sensor\"\n").find("nodes[0].slave"),
            std::string::npos);
  EXPECT_NE(error("[[nodes]]\nslave = 1\ntype = \"valve\"\n").find("sensor or actuator"),
            std::string::npos);
  EXPECT_NE(error("[[nodes]]\nslave = 1\ntype = \"sensor\"\naddress_offset = 1\n").find("-1 to 0"),
            std::string::npos);
  EXPECT_NE(error("[synthetic]\nslots = { \"x\" = 1.0 }\n").find("synthetic.slots"),
            std::string::npos);
  EXPECT_NE(error("[[nodes]]\nslave = 1\ntype = \"sensor\"\n[[nodes]]\nslave = 1\ntype = "
                  "\"sensor\"\n")
                .find("twice"),
            std::string::npos);
  EXPECT_NE(error("colour = 1\n").find("colour"), std::string::npos);
}

}  // namespace
}  // namespace egin::devices
