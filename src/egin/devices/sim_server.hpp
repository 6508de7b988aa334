// SimServer: serves simulated KS X 3267 nodes (sim_node.hpp) on Modbus TCP and/or Modbus RTU —
// the heart of `egin node-sim`. TCP: libmodbus's server side (modbus_tcp_pi_listen, one
// select() loop over the clients, modbus_receive, modbus_reply / modbus_reply_exception), the
// unit id choosing the node (unknown unit ids get exception 0x0B, as TCP gateways answer). RTU:
// a serial device or pseudo-terminal in raw mode, requests cut by RtuRequestFramer (libmodbus's
// own RTU receive serves a single slave address; a bus has many), replies with modbus_reply on
// the same descriptor; requests for other addresses get silence, as on a shared RS485 line.
// Optionally the RTU side waits the frames' time on a real line (line_baud) so that a pty bus
// has 9600-baud timing (bench/bench_modbus.cpp). Each request first brings the node to now
// (refresh), so remain-time and values are current. Threads: one per front-end.
// Commodity devices of a generic map (modbus_map.hpp) can be simulated beside the KS X 3267
// nodes. It must not know the master.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <modbus/modbus.h>

#include "egin/core/clock.hpp"
#include "egin/devices/link_settings.hpp"
#include "egin/devices/modbus_map.hpp"
#include "egin/devices/sim_node.hpp"

namespace egin::devices {

struct SimServerStats {
  std::uint64_t requests = 0;
  std::uint64_t replies = 0;
  std::uint64_t exceptions = 0;
  std::uint64_t ignored = 0;     // RTU requests for addresses not simulated
  std::uint64_t crc_errors = 0;  // RTU frames dropped for their CRC
};

class SimServer {
 public:
  SimServer(NodeEnvironment& environment, const Clock& clock);
  ~SimServer();  // stop()
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  /// Adds a node (before starting); throws std::invalid_argument when the slave is taken.
  void add_node(const SimNodeConfig& config);
  /// Adds a commodity device described by a generic map: its registers and coils hold each
  /// point's sim_value (or the middle of its range); every function code libmodbus serves
  /// (0x01, 0x03, 0x04, 0x05, 0x06, 0x0F, 0x10) is answered from them, writes change them.
  void add_map_node(int slave, const ModbusMap& map);

  /// Listens on `endpoint` (port 0: any free port) and returns the bound port.
  int start_tcp(const TcpEndpoint& endpoint);
  /// Serves on a serial device or pty path (opened raw, O_NOCTTY).
  void start_rtu(const SerialLine& line, bool emulate_line_speed = false);
  /// Serves on an open descriptor (the pty master of a test); takes ownership.
  void start_rtu_fd(int fd, const SerialLine& line, bool emulate_line_speed = false);
  void stop();

  [[nodiscard]] SimServerStats stats() const;
  /// A register of a node, by register number (tests).
  [[nodiscard]] std::uint16_t reg(int slave, int number);

 private:
  struct Frame;
  void serve_tcp(int listen_fd);
  void serve_rtu(int fd, const SerialLine& line, bool emulate);
  /// Handles one request held in `req` (`header` bytes before the PDU); returns the response
  /// PDU length (for line-speed emulation) or −1 when nothing must be sent.
  int handle(modbus_t* ctx, const std::uint8_t* req, int length, int header, bool tcp,
             double delay_ms_per_byte, double turnaround_ms);

  NodeEnvironment& environment_;
  const Clock& clock_;
  std::mutex mutex_;  // nodes and their registers
  std::map<int, std::unique_ptr<SimNode>> nodes_;
  struct MapNode;
  std::map<int, std::unique_ptr<MapNode>> map_nodes_;
  std::atomic<bool> stopping_{false};
  std::vector<std::thread> threads_;
  mutable std::mutex stats_mutex_;
  SimServerStats stats_;
  modbus_t* tcp_ctx_ = nullptr;
  std::vector<modbus_t*> rtu_ctx_;
};

}  // namespace egin::devices
