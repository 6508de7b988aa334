#include "egin/devices/bus_poller.hpp"

#include <gtest/gtest.h>

#include "egin/devices/discovery.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

using testing::kT0;
using testing::sensor_node;
using testing::SimBus;

struct Polls {
  std::vector<PolledNode> all;
  PollSink sink() {
    return [this](const PolledNode& p) { all.push_back(p); };
  }
  [[nodiscard]] int ok() const {
    int n = 0;
    for (const auto& p : all) {
      n += p.ok ? 1 : 0;
    }
    return n;
  }
};

TEST(BusPoller, PollsAlignedToThePeriod) {
  ManualClock clock(kT0 + 12'345);
  SimBus sim({sensor_node(1)}, {}, &clock);
  const auto node = discover_node(*sim.bus, 1, ScanOptions{});
  BusPoller poller(*sim.bus, FrameTiming::of(sim.settings), clock);
  poller.add_node(1, node->map, 60.0);
  Polls polls;
  EXPECT_EQ(poller.step(polls.sink()), kT0 + 60'000);  // first poll at once, next on the grid
  ASSERT_EQ(polls.all.size(), 1U);
  EXPECT_TRUE(polls.all[0].ok);
  ASSERT_EQ(polls.all[0].reading.sensors.size(), 30U);
  EXPECT_FLOAT_EQ(*polls.all[0].reading.sensors[0].value, 23.3F);
  EXPECT_EQ(polls.all[0].t_ms, kT0 + 12'345);
  clock.set(kT0 + 59'999);
  poller.step(polls.sink());
  EXPECT_EQ(polls.all.size(), 1U);
  clock.set(kT0 + 60'000);
  EXPECT_EQ(poller.step(polls.sink()), kT0 + 120'000);
  EXPECT_EQ(polls.all.size(), 2U);
  EXPECT_TRUE(poller.health(1).online);
}

// A node that stops answering: retried after retry_s, offline after offline_after failures,
// then tried every offline_retry_s; back online at the first good poll.
TEST(BusPoller, OfflineAndBack) {
  ManualClock clock(kT0);
  auto sim = std::make_unique<SimBus>(std::vector<SimNodeConfig>{sensor_node(1)},
                                      SyntheticSettings{}, &clock, 100);
  const auto node = discover_node(*sim->bus, 1, ScanOptions{});
  const int port = sim->port;
  // A bus of its own to the same port, so that the simulator can go away and come back.
  LinkSettings settings = sim->settings;
  Bus bus("b", open_libmodbus_link(settings));
  PollerOptions options;
  options.retry_s = 2.0;
  options.offline_after = 3;
  options.offline_retry_s = 5.0;
  BusPoller poller(bus, FrameTiming::of(settings), clock, options);
  poller.add_node(1, node->map, 60.0);
  Polls polls;
  poller.step(polls.sink());
  ASSERT_EQ(polls.ok(), 1);
  sim.reset();  // unplugged
  clock.set(kT0 + 60'000);
  EXPECT_EQ(poller.step(polls.sink()), kT0 + 62'000);
  EXPECT_TRUE(poller.health(1).online);  // one failure is not offline yet
  clock.set(kT0 + 62'000);
  EXPECT_EQ(poller.step(polls.sink()), kT0 + 64'000);
  clock.set(kT0 + 64'000);
  EXPECT_EQ(poller.step(polls.sink()), kT0 + 69'000);  // third failure: offline, 5 s retries
  EXPECT_FALSE(poller.health(1).online);
  EXPECT_TRUE(polls.all.back().went_offline);
  EXPECT_EQ(poller.health(1).consecutive_failures, 3);
  // Replugged on the same port.
  SyntheticSettings synthetic;
  SyntheticEnvironment environment(synthetic);
  SimServer server(environment, clock);
  server.add_node(sensor_node(1));
  server.start_tcp(TcpEndpoint{"127.0.0.1", port});
  clock.set(kT0 + 69'000);
  poller.step(polls.sink());
  EXPECT_TRUE(polls.all.back().ok);
  EXPECT_TRUE(polls.all.back().back_online);
  EXPECT_TRUE(poller.health(1).online);
  EXPECT_EQ(bus.counters(1).consecutive_failures, 0U);
  EXPECT_GE(bus.counters(1).io_errors + bus.counters(1).timeouts, 3U);
}

TEST(BusPoller, BudgetStretchesPeriodsThatDoNotFit) {
  ManualClock clock(kT0);
  LinkSettings settings;
  SerialLine line;
  line.device = "/dev/null";
  line.baud = 9600;
  settings.where = line;
  Bus bus("rtu", open_libmodbus_link(settings));
  BusPoller poller(bus, FrameTiming::of(settings), clock);
  ksx3267::NodeInfo info;
  info.product_type = 1;
  info.channel_count = 30;
  const NodeMap map = default_node_map(info, default_device_codes(1));
  for (int slave = 1; slave <= 20; ++slave) {
    poller.add_node(slave, map, 5.0);
  }
  const BusBudget budget = poller.budget();
  EXPECT_FALSE(budget.fits());
  EXPECT_NEAR(budget.utilisation, 20 * 217.5 / 5000.0, 0.01);
  EXPECT_NEAR(budget.effective_utilisation, 0.8, 1e-9);
  EXPECT_NEAR(budget.items[0].effective_period_s, 5.0 * budget.utilisation / 0.8, 1e-9);
}

}  // namespace
}  // namespace egin::devices
