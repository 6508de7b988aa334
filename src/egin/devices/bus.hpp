// Bus: one Modbus bus (an RS485 line or a TCP endpoint) shared by the poller and the actuator
// commands. One transaction at a time: every call takes the bus, and a caller that asked for
// priority (a command) goes before waiting polls. Applies each node's address offset (wire
// address = register number + offset; interop trap §1.9, default 0) and counts per node what
// each transaction gave (ok, timeouts, CRC errors, exceptions, bad frames, I/O errors) and the
// bus time it took. Thread-safe.
// It must not know KS X 3267 block layouts (the codec) or schedule anything (bus_poller.hpp).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "egin/devices/modbus_link.hpp"

namespace egin::devices {

struct NodeCounters {
  std::uint64_t transactions = 0;
  std::uint64_t ok = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t crc_errors = 0;
  std::uint64_t exceptions = 0;
  std::uint64_t bad_frames = 0;
  std::uint64_t io_errors = 0;
  std::uint64_t consecutive_failures = 0;  // since the last good answer (exceptions are answers)
  double bus_ms = 0.0;                     // wall time spent in this node's transactions
};

enum class BusPriority { kPoll, kCommand };

class Bus {
 public:
  Bus(std::string id, std::unique_ptr<ModbusLink> link);

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] std::string describe() const { return link_->describe(); }

  /// Register-number addressing: `reg` is the standard's number; the node's offset is added.
  TransferResult read(int slave, int reg, std::span<std::uint16_t> out,
                      BusPriority priority = BusPriority::kPoll);
  TransferResult write(int slave, int reg, std::span<const std::uint16_t> values,
                       BusPriority priority = BusPriority::kPoll);
  /// Wire addressing, no offset (generic Modbus maps, the probe).
  TransferResult read_wire(int slave, int address, std::span<std::uint16_t> out,
                           BusPriority priority = BusPriority::kPoll);
  TransferResult read_input_wire(int slave, int address, std::span<std::uint16_t> out,
                                 BusPriority priority = BusPriority::kPoll);
  TransferResult write_wire(int slave, int address, std::span<const std::uint16_t> values,
                            BusPriority priority = BusPriority::kPoll);
  TransferResult read_coils_wire(int slave, int address, std::span<std::uint8_t> out,
                                 BusPriority priority = BusPriority::kPoll);
  TransferResult write_coil_wire(int slave, int address, bool on,
                                 BusPriority priority = BusPriority::kPoll);

  void set_address_offset(int slave, int offset);
  [[nodiscard]] int address_offset(int slave) const;

  [[nodiscard]] NodeCounters counters(int slave) const;
  [[nodiscard]] std::map<int, NodeCounters> all_counters() const;

 private:
  class Turn;
  template <typename Call>
  TransferResult transact(int slave, BusPriority priority, Call&& call);
  void count(int slave, const TransferResult& result);

  std::string id_;
  std::unique_ptr<ModbusLink> link_;

  // The bus itself: who holds it, and how many commands wait for it.
  std::mutex turn_mutex_;
  std::condition_variable turn_cv_;
  bool busy_ = false;
  int commands_waiting_ = 0;

  mutable std::mutex state_mutex_;
  std::map<int, int> offsets_;
  std::map<int, NodeCounters> counters_;
};

}  // namespace egin::devices
