#include "egin/devices/discovery.hpp"

#include <gtest/gtest.h>

#include "egin/devices/address_probe.hpp"
#include "egin/devices/ksx3267_registers.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

namespace k = ksx3267;
using testing::actuator_node;
using testing::sensor_node;
using testing::SimBus;

TEST(Discovery, FindsSensorAndActuatorNodesWithTheirSlots) {
  SimBus sim({sensor_node(1), actuator_node(2), sensor_node(5)}, {}, nullptr, 150);
  ScanOptions options;
  options.first_slave = 1;
  options.last_slave = 6;
  std::vector<int> tried;
  const auto nodes = scan_bus(*sim.bus, options, [&](int slave, bool) { tried.push_back(slave); });
  EXPECT_EQ(tried.size(), 6U);
  ASSERT_EQ(nodes.size(), 3U);
  EXPECT_EQ(nodes[0].slave, 1);
  EXPECT_EQ(nodes[0].kind, MapKind::kDefault);
  EXPECT_EQ(nodes[0].info.channel_count, 30);
  EXPECT_EQ(nodes[0].info.serial_number, 1001U);
  EXPECT_EQ(nodes[0].map.sensors.size(), 30U);
  EXPECT_EQ(nodes[0].device_codes[12], 11);  // slot 13: CO2
  EXPECT_EQ(nodes[1].slave, 2);
  EXPECT_EQ(nodes[1].info.product_type, k::kProductActuatorNode);
  ASSERT_EQ(nodes[1].map.actuators.size(), 24U);
  EXPECT_EQ(nodes[1].map.actuators[16].kind, k::ActuatorKind::kOpener);
  EXPECT_EQ(nodes[2].slave, 5);
  // Unknown TCP unit ids answer exception 0x0B (gateway target failed), not a timeout.
  EXPECT_EQ(sim.bus->counters(3).exceptions, 1U);
  EXPECT_EQ(sim.bus->counters(3).timeouts, 0U);
}

// Interop trap §1.9: a node with register N at wire N − 1 is found with offset −1, and reads
// through the bus then use its offset.
TEST(Discovery, ProbesTheAddressOffset) {
  SimBus sim({sensor_node(1, 0), sensor_node(2, -1)});
  const ProbeResult a = probe_address_offset(*sim.bus, 1);
  ASSERT_TRUE(a.offset);
  EXPECT_EQ(*a.offset, 0);
  const ProbeResult b = probe_address_offset(*sim.bus, 2);
  ASSERT_TRUE(b.offset) << b.problem;
  EXPECT_EQ(*b.offset, -1);
  EXPECT_EQ(b.info.channel_count, 30);
  const auto node = discover_node(*sim.bus, 2, ScanOptions{});
  ASSERT_TRUE(node);
  EXPECT_EQ(node->address_offset, -1);
  EXPECT_EQ(sim.bus->address_offset(2), -1);
  const NodeRead read = read_node(*sim.bus, 2, node->map);
  ASSERT_TRUE(read.transfer.ok()) << read.transfer.message;
  ASSERT_EQ(read.reading.sensors.size(), 30U);
  EXPECT_FLOAT_EQ(*read.reading.sensors[0].value, 23.3F);
  // Told the wrong offset, the probe does not accept the node.
  const std::vector<int> only_zero{0};
  const ProbeResult wrong = probe_address_offset(*sim.bus, 2, only_zero);
  EXPECT_FALSE(wrong.offset);
  EXPECT_TRUE(wrong.answered);
}

TEST(Discovery, NonDefaultNodesNeedASpec) {
  SimNodeConfig vendor = sensor_node(3);
  vendor.company_code = 8877;
  vendor.product_code = 3;
  SimBus sim({vendor});
  std::string problem;
  const auto node = discover_node(*sim.bus, 3, ScanOptions{}, &problem);
  ASSERT_TRUE(node) << problem;
  EXPECT_EQ(node->kind, MapKind::kNeedsSpec);
  EXPECT_NE(node->note.find("KS X 3286"), std::string::npos);
  EXPECT_EQ(node->map.sensors.size(), 30U);  // the Annex A fallback, flagged

  const auto specs =
      parse_ksx3286_specs(R"({"CompanyCode": 8877, "ProductType": 1, "ProductCode": 3,
    "Devices": [{"Slot": 1, "DeviceCode": 1, "Class": "sensor",
      "CommSpec": {"KS-X-3267:2018": {"read": {"starting-register": 203, "items": ["value", "status"]}}}}]})",
                          "vendor.json");
  ScanOptions with_spec;
  with_spec.specs = &specs;
  const auto spec_node = discover_node(*sim.bus, 3, with_spec);
  ASSERT_TRUE(spec_node);
  EXPECT_EQ(spec_node->kind, MapKind::kSpec);
  ASSERT_EQ(spec_node->map.sensors.size(), 1U);
  const NodeRead read = read_node(*sim.bus, 3, spec_node->map);
  ASSERT_TRUE(read.transfer.ok());
  EXPECT_FLOAT_EQ(*read.reading.sensors[0].value, 23.3F);
}

TEST(Discovery, SilentAddressCostsOneTimeout) {
  SimBus sim({sensor_node(1)}, {}, nullptr, 100);
  // Over TCP an absent unit gets 0x0B; make the bus point at a closed port to see silence.
  LinkSettings settings;
  settings.where = TcpEndpoint{"127.0.0.1", 1};  // nothing listens on port 1
  settings.response_timeout_ms = 100;
  Bus bus("dead", open_libmodbus_link(settings));
  std::string problem;
  EXPECT_FALSE(discover_node(bus, 1, ScanOptions{}, &problem));
  EXPECT_EQ(bus.counters(1).transactions, 1U);  // the second offset is not tried
  EXPECT_EQ(bus.counters(1).io_errors, 1U);
  EXPECT_FALSE(problem.empty());
}

}  // namespace
}  // namespace egin::devices
