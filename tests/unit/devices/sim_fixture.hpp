// Test support for the devices library: a REAL simulated KS X 3267 bus (SimServer on Modbus TCP
// over loopback, or on a pseudo-terminal pair for RTU) and a Bus that talks to it with
// libmodbus. The simulator is the project's own node model, not a mock of the master's view.
#pragma once

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/bus.hpp"
#include "egin/devices/libmodbus_link.hpp"
#include "egin/devices/sim_environment.hpp"
#include "egin/devices/sim_server.hpp"

namespace egin::devices::testing {

inline constexpr TimeMs kT0 = 1'789'999'980'000;  // 2026-09-21T14:13:00Z, a whole minute

struct SimBus {
  explicit SimBus(std::vector<SimNodeConfig> nodes, SyntheticSettings synthetic = {},
                  const Clock* clock = nullptr, int timeout_ms = 300)
      : environment(synthetic), server(environment, clock != nullptr ? *clock : system_clock) {
    for (const SimNodeConfig& node : nodes) server.add_node(node);
    TcpEndpoint endpoint;
    endpoint.host = "127.0.0.1";
    endpoint.port = 0;
    port = server.start_tcp(endpoint);
    settings.where = TcpEndpoint{"127.0.0.1", port};
    settings.response_timeout_ms = timeout_ms;
    bus = std::make_unique<Bus>("test", open_libmodbus_link(settings));
  }

  SystemClock system_clock;
  SyntheticEnvironment environment;
  SimServer server;
  int port = 0;
  LinkSettings settings;
  std::unique_ptr<Bus> bus;
};

inline SimNodeConfig sensor_node(int slave, int offset = 0) {
  SimNodeConfig node;
  node.slave = slave;
  node.product_type = ksx3267::kProductSensorNode;
  node.address_offset = offset;
  node.serial_number = static_cast<std::uint32_t>(1000 + slave);
  return node;
}

inline SimNodeConfig actuator_node(int slave, OpidAfterDone after = OpidAfterDone::kEcho) {
  SimNodeConfig node;
  node.slave = slave;
  node.product_type = ksx3267::kProductActuatorNode;
  node.opid_after_done = after;
  node.travel_s = 20.0;
  return node;
}

/// A pseudo-terminal pair: `master_fd` for the simulator, `slave_path` for libmodbus.
struct Pty {
  Pty() {
    char name[128] = {};
    if (openpty(&master_fd, &slave_fd, name, nullptr, nullptr) != 0) {
      throw std::runtime_error("openpty failed");
    }
    slave_path = name;
  }
  ~Pty() {
    if (slave_fd >= 0) close(slave_fd);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;
  int master_fd = -1;  // handed to the server, which closes it
  int slave_fd = -1;   // kept open so the pair survives reconnects
  std::string slave_path;
};

}  // namespace egin::devices::testing
