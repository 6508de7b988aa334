#include "egin/devices/sim_node.hpp"

#include <modbus/modbus.h>

#include <gtest/gtest.h>

#include <cerrno>

#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/ksx3267_registers.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

namespace k = ksx3267;
using testing::actuator_node;
using testing::kT0;
using testing::sensor_node;
using testing::SimBus;

// A raw libmodbus client, to see exactly what the simulated node answers.
class RawClient {
 public:
  explicit RawClient(int port) {
    ctx_ = modbus_new_tcp("127.0.0.1", port);
    modbus_set_response_timeout(ctx_, 0, 300000);
    if (modbus_connect(ctx_) != 0) {
      throw std::runtime_error("connect failed");
    }
  }
  ~RawClient() {
    modbus_close(ctx_);
    modbus_free(ctx_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;
  /// errno of a failed write (0 on success).
  int write(int slave, int address, std::vector<std::uint16_t> values) {
    modbus_set_slave(ctx_, slave);
    errno = 0;
    return modbus_write_registers(ctx_, address, static_cast<int>(values.size()), values.data()) < 0
               ? errno
               : 0;
  }
  std::vector<std::uint16_t> read(int slave, int address, int count) {
    modbus_set_slave(ctx_, slave);
    std::vector<std::uint16_t> regs(static_cast<std::size_t>(count));
    if (modbus_read_registers(ctx_, address, count, regs.data()) != count) {
      regs.clear();
    }
    return regs;
  }

 private:
  modbus_t* ctx_ = nullptr;
};

// Reference §1.6: "Nodes must reject writes to read-only areas (node info, device codes,
// status) with exception 0x02".
TEST(SimNode, WritesToReadOnlyRegistersGetException02) {
  SimBus sim({sensor_node(1), actuator_node(2)});
  RawClient client(sim.port);
  EXPECT_EQ(client.write(1, k::kRegProductType, {2}), EMBXILADD);
  EXPECT_EQ(client.write(1, k::kRegDeviceCodeFirst, {7}), EMBXILADD);
  EXPECT_EQ(client.write(1, k::sensor_value_reg(1), {0, 0}), EMBXILADD);
  EXPECT_EQ(client.write(2, k::actuator_status_reg(1), {9, 201}), EMBXILADD);
  EXPECT_EQ(client.write(2, k::kRegActuatorLast, {0, 0}), EMBXILADD);  // runs past the map
  EXPECT_EQ(client.write(2, k::kRegNodeCommand, {0, 5}), 0);           // writable
  EXPECT_EQ(client.read(1, k::kRegProductType, 1), std::vector<std::uint16_t>{1});
}

// "A level-1 node receiving level-2 codes (203/305/306) must answer Modbus exception 0x03,
// stay READY, OPID unchanged".
TEST(SimNode, LevelTwoCodesAtLevelOneGetException03AndChangeNothing) {
  SimBus sim({actuator_node(2)});
  RawClient client(sim.port);
  const auto before = client.read(2, k::actuator_status_reg(17), 4);
  EXPECT_EQ(client.write(2, k::actuator_command_reg(17), {305, 44, 50, 0}), EMBXILVAL);
  EXPECT_EQ(client.write(2, k::actuator_command_reg(1), {203, 45, 10, 0}), EMBXILVAL);
  EXPECT_EQ(client.write(2, k::actuator_command_reg(1), {301, 46, 0, 0}),
            EMBXILVAL);  // opener code
  EXPECT_EQ(client.read(2, k::actuator_status_reg(17), 4), before);
  EXPECT_EQ(client.read(2, k::actuator_status_reg(1), 4),
            (std::vector<std::uint16_t>{0, k::kStatusReady, 0, 0}));
}

// §6.3.3: the node activates a command when the OPID changes; the same OPID again is ignored.
TEST(SimNode, SameOpidIsIgnored) {
  ManualClock clock(kT0);
  SimBus sim({actuator_node(2)}, {}, &clock);
  RawClient client(sim.port);
  ASSERT_EQ(client.write(2, k::actuator_command_reg(3), {201, 10, 0, 0}), 0);
  EXPECT_EQ(client.read(2, k::actuator_status_reg(3), 2),
            (std::vector<std::uint16_t>{10, k::kStatusSwitchOn}));
  ASSERT_EQ(client.write(2, k::actuator_command_reg(3), {0, 10, 0, 0}), 0);  // OFF, same OPID
  EXPECT_EQ(client.read(2, k::actuator_status_reg(3), 2),
            (std::vector<std::uint16_t>{10, k::kStatusSwitchOn}));
  ASSERT_EQ(client.write(2, k::actuator_command_reg(3), {0, 11, 0, 0}), 0);  // OFF, new OPID
  EXPECT_EQ(client.read(2, k::actuator_status_reg(3), 2),
            (std::vector<std::uint16_t>{11, k::kStatusReady}));
  ASSERT_EQ(client.write(2, k::actuator_command_reg(3), {201, 0, 0, 0}), 0);  // OPID 0: never
  EXPECT_EQ(client.read(2, k::actuator_status_reg(3), 2),
            (std::vector<std::uint16_t>{11, k::kStatusReady}));
}

// Timed commands count remain-time down in whole seconds and return to READY; the OPID after
// completion is echoed or 0 (both seen in the field, §1.9).
TEST(SimNode, TimedOnCountsDownThenReady) {
  for (const OpidAfterDone after : {OpidAfterDone::kEcho, OpidAfterDone::kZero}) {
    ManualClock clock(kT0);
    SimBus sim({actuator_node(2, after)}, {}, &clock);
    RawClient client(sim.port);
    ASSERT_EQ(client.write(2, k::actuator_command_reg(1), {202, 77, 5, 0}), 0);
    auto status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(1), 4));
    EXPECT_EQ(status.value->status, k::kStatusSwitchOn);
    EXPECT_EQ(status.value->remaining_s, 5U);
    clock.advance(1500);
    status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(1), 4));
    EXPECT_EQ(status.value->remaining_s, 4U);  // 3.5 s left, shown rounded up
    clock.advance(3500);
    status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(1), 4));
    EXPECT_EQ(status.value->status, k::kStatusReady);
    EXPECT_EQ(status.value->remaining_s, 0U);
    EXPECT_EQ(status.value->opid, after == OpidAfterDone::kEcho ? 77 : 0);
    const auto output = sim.environment.output(2, 1);
    ASSERT_TRUE(output);
    EXPECT_FALSE(output->on);
  }
}

// Openers travel at 100 % per travel_s; a timed open stops after its time, a plain close at
// the end stop; the environment sees the position (what a twin's vent would follow).
TEST(SimNode, OpenerTravelAndTimedOpen) {
  ManualClock clock(kT0);
  SimBus sim({actuator_node(2)}, {}, &clock);  // travel 20 s
  RawClient client(sim.port);
  const int opener1 = k::kDefaultSwitches + 1;
  ASSERT_EQ(client.write(2, k::actuator_command_reg(opener1), {303, 5, 4, 0}), 0);
  auto status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(opener1), 4));
  EXPECT_EQ(status.value->status, k::kStatusOpening);
  EXPECT_EQ(status.value->remaining_s, 4U);
  clock.advance(10000);
  status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(opener1), 4));
  EXPECT_EQ(status.value->status, k::kStatusReady);
  EXPECT_NEAR(sim.environment.output(2, opener1)->position_pct, 20.0, 1e-9);  // 4 s of 20 s
  ASSERT_EQ(client.write(2, k::actuator_command_reg(opener1), {302, 6, 0, 0}), 0);
  EXPECT_EQ(sim.environment.output(2, opener1)->motion, -1);
  clock.advance(2000);
  status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(opener1), 4));
  EXPECT_EQ(status.value->status, k::kStatusClosing);
  clock.advance(3000);  // 20 % closes in 4 s
  status = k::decode_actuator_status(client.read(2, k::actuator_status_reg(opener1), 4));
  EXPECT_EQ(status.value->status, k::kStatusReady);
  EXPECT_EQ(status.value->opid, 6);
  EXPECT_NEAR(sim.environment.output(2, opener1)->position_pct, 0.0, 1e-9);
}

TEST(SimNode, SensorValuesAndStatusCycle) {
  ManualClock clock(kT0);
  SyntheticSettings synthetic;
  synthetic.slot_value[13] = 612.5;
  synthetic.status_cycle = {0, 101, 102, 103};
  synthetic.status_cycle_s = 5.0;
  synthetic.status_cycle_slots = {1};
  synthetic.t0_ms = kT0;
  SimBus sim({sensor_node(1)}, synthetic, &clock);
  RawClient client(sim.port);
  auto slot = [&](int i) {
    return *k::decode_sensor_slot(client.read(1, k::sensor_value_reg(i), 3)).value;
  };
  EXPECT_FLOAT_EQ(slot(13).value, 612.5F);
  EXPECT_FLOAT_EQ(slot(4).value, 65.0F);
  std::vector<std::uint16_t> seen;
  for (int i = 0; i < 5; ++i) {
    seen.push_back(slot(1).status);
    EXPECT_EQ(slot(2).status, 0);  // not a cycling slot
    clock.advance(5000);
  }
  EXPECT_EQ(seen, (std::vector<std::uint16_t>{0, 101, 102, 103, 0}));
}

}  // namespace
}  // namespace egin::devices
