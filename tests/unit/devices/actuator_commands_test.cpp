#include "egin/devices/actuator_commands.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "egin/devices/discovery.hpp"
#include "egin/devices/ksx3267_registers.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

namespace k = ksx3267;
using testing::actuator_node;
using testing::kT0;
using testing::SimBus;

class MemoryAudit final : public CommandAudit {
 public:
  void record(const CommandRecord& record) override { records.push_back(record); }
  std::vector<CommandRecord> records;
};

struct Fixture {
  explicit Fixture(OpidAfterDone after = OpidAfterDone::kEcho)
      : clock(kT0), sim({actuator_node(2, after)}, {}, &clock) {
    node = *discover_node(*sim.bus, 2, ScanOptions{});
  }
  const ActuatorChannel& actuator(const std::string& id) {
    for (const auto& a : node.map.actuators) {
      if (a.id == id) {
        return a;
      }
    }
    throw std::runtime_error("no " + id);
  }
  CommandRecord run(const std::string& id, k::Command command, std::uint32_t time_s = 0) {
    CommandRequest request;
    request.command = command;
    request.time_s = time_s;
    request.requested_by = "operator:test";
    request.origin = "test";
    return execute_command(*sim.bus, 2, actuator(id), request, opids, &audit, clock, ids,
                           CommandOptions{}, [](int) {});
  }
  ManualClock clock;
  SimBus sim;
  DiscoveredNode node;
  OpidCounter opids;
  MemoryAudit audit;
  CommandIds ids;
};

TEST(ActuatorCommands, TimedOnIsConfirmedFromTheStatusBlock) {
  Fixture f;
  const CommandRecord record = f.run("switch_3", k::Command::kTimedOn, 30);
  EXPECT_EQ(record.result, CommandResult::kConfirmed) << record.detail;
  EXPECT_EQ(record.opid, 1);
  EXPECT_EQ(record.attempts, 1);
  EXPECT_EQ(record.status, k::kStatusSwitchOn);
  EXPECT_EQ(record.remaining_s, 30U);
  EXPECT_EQ(record.command, "timed_on");
  EXPECT_EQ(record.requested_by, "operator:test");
  EXPECT_EQ(record.requested_ms, kT0);
  EXPECT_EQ(record.sent_ms, kT0);
  EXPECT_EQ(record.confirmed_ms, kT0);
  // The trail: pending, sent, confirmed.
  ASSERT_EQ(f.audit.records.size(), 3U);
  EXPECT_EQ(f.audit.records[0].result, CommandResult::kPending);
  EXPECT_EQ(f.audit.records[1].result, CommandResult::kSent);
  EXPECT_EQ(f.audit.records[2].id, record.id);
  // The node really runs it.
  EXPECT_EQ(f.sim.server.reg(2, k::actuator_status_reg(3) + 1), k::kStatusSwitchOn);
}

// Level-2 codes for level-1 devices are refused locally: nothing reaches the bus.
TEST(ActuatorCommands, LevelTwoIsRefusedLocally) {
  Fixture f;
  const auto before = f.sim.server.stats().requests;
  const CommandRecord record = f.run("opener_1", k::Command::kSetPosition);
  EXPECT_EQ(record.result, CommandResult::kRefused);
  EXPECT_NE(record.detail.find("level-2"), std::string::npos);
  EXPECT_EQ(f.sim.server.stats().requests, before);
  EXPECT_EQ(record.opid, 0);
  EXPECT_EQ(f.run("switch_1", k::Command::kOpen).result, CommandResult::kRefused);
  EXPECT_EQ(f.run("switch_1", k::Command::kTimedOn, 0).result, CommandResult::kRefused);
  EXPECT_EQ(f.sim.server.stats().requests, before);
}

// Each command gets a fresh OPID, and one equal to the device's current status OPID is skipped
// (a restarted controller that lost its counter must not send an OPID the node would ignore).
TEST(ActuatorCommands, OpidEqualToTheDevicesIsSkipped) {
  Fixture f;
  EXPECT_EQ(f.run("switch_1", k::Command::kOn).opid, 1);
  OpidCounter restarted(0);  // would give 1 again
  CommandRequest off;
  off.command = k::Command::kOffOrStop;
  const CommandRecord record = execute_command(*f.sim.bus, 2, f.actuator("switch_1"), off,
                                               restarted, nullptr, f.clock, f.ids, {}, [](int) {});
  EXPECT_EQ(record.opid, 2);
  EXPECT_EQ(record.result, CommandResult::kFinished);
  EXPECT_EQ(f.sim.server.reg(2, k::actuator_status_reg(1) + 1), k::kStatusReady);
}

// Tracking: a timed command finishes when the node is READY again, with the OPID echoed or 0.
TEST(ActuatorCommands, TrackerFinishesTimedCommands) {
  for (const OpidAfterDone after : {OpidAfterDone::kEcho, OpidAfterDone::kZero}) {
    Fixture f(after);
    CommandTracker tracker(&f.audit);
    const CommandRecord record = f.run("opener_2", k::Command::kTimedOpen, 3);
    ASSERT_EQ(record.result, CommandResult::kConfirmed);
    tracker.track(record);
    const ActuatorChannel& channel = f.actuator("opener_2");
    std::vector<std::uint16_t> block(4);
    for (int s = 1; s <= 4; ++s) {
      f.clock.advance(1000);
      ASSERT_TRUE(f.sim.bus->read(2, channel.status_first, block).ok());
      const auto status = decode_actuator(channel, block);
      const auto ended = tracker.observe("test", 2, channel.slot, status, f.clock.now_ms());
      if (s < 3) {
        EXPECT_TRUE(ended.empty());
        EXPECT_EQ(status.remaining_s, static_cast<std::uint32_t>(3 - s));
      } else if (s == 3) {
        ASSERT_EQ(ended.size(), 1U);
        EXPECT_EQ(ended[0].result, CommandResult::kFinished);
        EXPECT_EQ(ended[0].finished_ms, kT0 + 3000);
      }
    }
    EXPECT_FALSE(tracker.active("test", 2, channel.slot));
  }
}

TEST(ActuatorCommands, TrackerSupersedes) {
  Fixture f;
  CommandTracker tracker(&f.audit);
  const CommandRecord on = f.run("switch_5", k::Command::kOn);
  tracker.track(on);
  const CommandRecord off = f.run("switch_5", k::Command::kOffOrStop);
  EXPECT_EQ(off.result, CommandResult::kFinished);
  tracker.track(off);
  EXPECT_EQ(f.audit.records.back().id, on.id);
  EXPECT_EQ(f.audit.records.back().result, CommandResult::kSuperseded);
  // Another controller's OPID on the node supersedes ours too.
  const CommandRecord on2 = f.run("switch_5", k::Command::kOn);
  tracker.track(on2);
  k::ActuatorStatus foreign{900, k::kStatusSwitchOn, 0};
  const auto ended = tracker.observe("test", 2, 5, foreign, kT0);
  ASSERT_EQ(ended.size(), 1U);
  EXPECT_EQ(ended[0].result, CommandResult::kSuperseded);
}

TEST(ActuatorCommands, ConfirmationRules) {
  bool finished = false;
  EXPECT_TRUE(is_confirmed(k::Command::kOn, 5, {5, 201, 0}, &finished));
  EXPECT_FALSE(finished);
  EXPECT_FALSE(is_confirmed(k::Command::kOn, 5, {4, 201, 0}, &finished));    // old OPID
  EXPECT_TRUE(is_confirmed(k::Command::kTimedOn, 5, {5, 0, 0}, &finished));  // ran down already
  EXPECT_TRUE(finished);
  EXPECT_TRUE(is_confirmed(k::Command::kOffOrStop, 5, {0, 0, 0}, &finished));  // "0 if idle"
  EXPECT_TRUE(finished);
  EXPECT_FALSE(is_confirmed(k::Command::kOn, 5, {0, 0, 0}, &finished));
  EXPECT_FALSE(is_confirmed(k::Command::kClose, 5, {5, 301, 0}, &finished));  // wrong way
  EXPECT_TRUE(is_confirmed(k::Command::kClose, 5, {5, 302, 0}, &finished));
}

// A node that answers a command write but does not take it: the master writes the block again
// (the same OPID) after the confirmation timeout, within max_attempts, and then gives up.
TEST(ActuatorCommands, UnconfirmedWritesAreRetriedWithinTheLimit) {
  for (const int dropped : {1, 2, 3}) {
    ManualClock clock(kT0);
    SimNodeConfig config = actuator_node(2);
    config.drop_commands = dropped;
    SimBus sim({config}, {}, &clock);
    const auto node = discover_node(*sim.bus, 2, ScanOptions{});
    CommandRequest request;
    request.command = k::Command::kOn;
    CommandOptions options;
    options.confirm_timeout_ms = 30;
    options.confirm_interval_ms = 10;
    options.max_attempts = 3;
    OpidCounter opids;
    CommandIds ids;
    const CommandRecord record = execute_command(*sim.bus, 2, node->map.actuators[0], request,
                                                 opids, nullptr, clock, ids, options);
    if (dropped < 3) {
      EXPECT_EQ(record.result, CommandResult::kConfirmed) << record.detail;
      EXPECT_EQ(record.attempts, dropped + 1);
      EXPECT_EQ(record.opid, 1);  // the same OPID every time
    } else {
      EXPECT_EQ(record.result, CommandResult::kFailed);
      EXPECT_EQ(record.attempts, 3);
      EXPECT_NE(record.detail.find("not confirmed after 3 attempts"), std::string::npos);
    }
  }
}

TEST(ActuatorCommands, SilentNodeFailsWithinTheRetries) {
  ManualClock clock(kT0);
  LinkSettings settings;
  settings.where = TcpEndpoint{"127.0.0.1", 1};
  settings.response_timeout_ms = 50;
  Bus bus("dead", open_libmodbus_link(settings));
  ActuatorChannel channel;
  channel.id = "switch_1";
  channel.slot = 1;
  channel.status_first = k::actuator_status_reg(1);
  channel.command_first = k::actuator_command_reg(1);
  CommandRequest request;
  request.command = k::Command::kOn;
  OpidCounter opids;
  CommandIds ids;
  const CommandRecord record =
      execute_command(bus, 2, channel, request, opids, nullptr, clock, ids, {}, [](int) {});
  EXPECT_EQ(record.result, CommandResult::kFailed);
  EXPECT_NE(record.detail.find("not readable"), std::string::npos) << record.detail;
}

}  // namespace
}  // namespace egin::devices
