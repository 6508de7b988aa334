// Modbus RTU end to end on a pseudo-terminal pair: libmodbus's RTU master on one side, the
// simulator's RTU front-end on the other; and a relay that corrupts bytes on the line.
#include <gtest/gtest.h>

#include <poll.h>

#include <atomic>
#include <random>
#include <thread>

#include "egin/devices/discovery.hpp"
#include "sim_fixture.hpp"

namespace egin::devices {
namespace {

using testing::actuator_node;
using testing::Pty;
using testing::sensor_node;

LinkSettings rtu_settings(const std::string& path, int timeout_ms = 200) {
  LinkSettings settings;
  SerialLine line;
  line.device = path;
  line.baud = 9600;
  settings.where = line;
  settings.response_timeout_ms = timeout_ms;
  settings.byte_timeout_ms = 20;
  return settings;
}

TEST(RtuLink, ReadsSeveralNodesOnOneLine) {
  Pty pty;
  SystemClock clock;
  SyntheticEnvironment environment({});
  SimServer server(environment, clock);
  server.add_node(sensor_node(3));
  server.add_node(actuator_node(4));
  SerialLine line;
  line.baud = 9600;
  server.start_rtu_fd(pty.master_fd, line);
  Bus bus("rtu", open_libmodbus_link(rtu_settings(pty.slave_path)));
  ScanOptions options;
  options.first_slave = 2;
  options.last_slave = 5;
  const auto nodes = scan_bus(bus, options);
  ASSERT_EQ(nodes.size(), 2U);
  EXPECT_EQ(nodes[0].map.sensors.size(), 30U);
  EXPECT_EQ(nodes[1].map.actuators.size(), 24U);
  // Addresses nobody simulates stay silent on a shared line: a timeout, not an exception.
  EXPECT_EQ(bus.counters(2).timeouts, 1U);
  EXPECT_EQ(server.stats().ignored, 2U);  // slaves 2 and 5
  const NodeRead read = read_node(bus, 3, nodes[0].map);
  ASSERT_TRUE(read.transfer.ok()) << read.transfer.message;
  EXPECT_FLOAT_EQ(*read.reading.sensors[12].value, 450.0F);
}

// Noise on the line (RS485 without common ground, §1.9): a relay between two pty pairs flips
// bits in 0.2 % of the bytes both ways (a 197-byte exchange is hit one time in three). The bus counts CRC errors and timeouts, and every
// transaction after the noise stops succeeds: nothing wedges.
TEST(RtuLink, CrcNoiseDoesNotWedgeTheBus) {
  Pty master_side;  // master ↔ relay
  Pty node_side;    // relay ↔ simulator
  SystemClock clock;
  SyntheticEnvironment environment({});
  SimServer server(environment, clock);
  server.add_node(sensor_node(1));
  SerialLine line;
  const int sim_fd = ::open(node_side.slave_path.c_str(), O_RDWR | O_NOCTTY);
  ASSERT_GE(sim_fd, 0);
  server.start_rtu_fd(sim_fd, line);
  std::atomic<bool> noisy{true};
  std::atomic<bool> stop{false};
  std::thread relay([&] {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> per_mille(0, 999);
    std::uint8_t buffer[512];
    while (!stop) {
      pollfd fds[2] = {{master_side.master_fd, POLLIN, 0}, {node_side.master_fd, POLLIN, 0}};
      if (poll(fds, 2, 20) <= 0) {
        continue;
      }
      for (int i = 0; i < 2; ++i) {
        if ((fds[i].revents & POLLIN) == 0) {
          continue;
        }
        const ssize_t n = ::read(fds[i].fd, buffer, sizeof(buffer));
        if (n <= 0) {
          continue;
        }
        for (ssize_t b = 0; b < n; ++b) {
          if (noisy && per_mille(random) < 2) {
            buffer[b] ^= static_cast<std::uint8_t>(1U << (b % 8));
          }
        }
        const int out = i == 0 ? node_side.master_fd : master_side.master_fd;
        (void)!::write(out, buffer, static_cast<std::size_t>(n));
      }
    }
  });
  Bus bus("rtu", open_libmodbus_link(rtu_settings(master_side.slave_path, 150)));
  const auto node = [&] {
    for (int attempt = 0; attempt < 50; ++attempt) {
      if (auto found = discover_node(bus, 1, ScanOptions{})) {
        return found;
      }
    }
    return std::optional<DiscoveredNode>{};
  }();
  ASSERT_TRUE(node);
  int good = 0;
  for (int i = 0; i < 60; ++i) {
    good += read_node(bus, 1, node->map).transfer.ok() ? 1 : 0;
  }
  const NodeCounters noisy_counters = bus.counters(1);
  EXPECT_GT(noisy_counters.crc_errors + noisy_counters.timeouts + noisy_counters.bad_frames, 0U);
  EXPECT_GT(good, 0);
  noisy = false;
  for (int i = 0; i < 20; ++i) {
    const NodeRead read = read_node(bus, 1, node->map);
    EXPECT_TRUE(read.transfer.ok())
        << "after the noise, read " << i << ": " << read.transfer.message;
    if (read.transfer.ok()) {
      EXPECT_FLOAT_EQ(*read.reading.sensors[0].value, 23.3F);
    }
  }
  stop = true;
  relay.join();
  server.stop();
  close(node_side.master_fd);
  close(master_side.master_fd);
}

}  // namespace
}  // namespace egin::devices
