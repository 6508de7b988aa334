#include "egin/devices/bus.hpp"

#include <utility>

namespace egin::devices {

// Holds the bus for one transaction: commands first, then polls in arrival order.
class Bus::Turn {
 public:
  Turn(Bus& bus, BusPriority priority) : bus_(bus) {
    std::unique_lock lock(bus_.turn_mutex_);
    const bool command = priority == BusPriority::kCommand;
    if (command) {
      ++bus_.commands_waiting_;
    }
    bus_.turn_cv_.wait(lock,
                       [&] { return !bus_.busy_ && (command || bus_.commands_waiting_ == 0); });
    if (command) {
      --bus_.commands_waiting_;
    }
    bus_.busy_ = true;
  }
  ~Turn() {
    {
      const std::lock_guard lock(bus_.turn_mutex_);
      bus_.busy_ = false;
    }
    bus_.turn_cv_.notify_all();
  }
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;

 private:
  Bus& bus_;
};

Bus::Bus(std::string id, std::unique_ptr<ModbusLink> link)
    : id_(std::move(id)), link_(std::move(link)) {}

template <typename Call>
TransferResult Bus::transact(int slave, BusPriority priority, Call&& call) {
  TransferResult result;
  {
    const Turn turn(*this, priority);
    result = call();
  }
  count(slave, result);
  return result;
}

void Bus::count(int slave, const TransferResult& result) {
  const std::lock_guard lock(state_mutex_);
  NodeCounters& c = counters_[slave];
  ++c.transactions;
  c.bus_ms += result.elapsed_ms;
  switch (result.status) {
    case TransferStatus::kOk:
      ++c.ok;
      break;
    case TransferStatus::kTimeout:
      ++c.timeouts;
      break;
    case TransferStatus::kCrcError:
      ++c.crc_errors;
      break;
    case TransferStatus::kException:
      ++c.exceptions;
      break;
    case TransferStatus::kBadFrame:
      ++c.bad_frames;
      break;
    case TransferStatus::kIoError:
      ++c.io_errors;
      break;
  }
  // A Modbus exception is a well-formed answer: the node is there.
  const bool answered =
      result.status == TransferStatus::kOk || result.status == TransferStatus::kException;
  c.consecutive_failures = answered ? 0 : c.consecutive_failures + 1;
}

TransferResult Bus::read(int slave, int reg, std::span<std::uint16_t> out, BusPriority priority) {
  return read_wire(slave, reg + address_offset(slave), out, priority);
}

TransferResult Bus::write(int slave, int reg, std::span<const std::uint16_t> values,
                          BusPriority priority) {
  return write_wire(slave, reg + address_offset(slave), values, priority);
}

TransferResult Bus::read_wire(int slave, int address, std::span<std::uint16_t> out,
                              BusPriority priority) {
  return transact(slave, priority, [&] { return link_->read_holding(slave, address, out); });
}

TransferResult Bus::read_input_wire(int slave, int address, std::span<std::uint16_t> out,
                                    BusPriority priority) {
  return transact(slave, priority, [&] { return link_->read_input(slave, address, out); });
}

TransferResult Bus::write_wire(int slave, int address, std::span<const std::uint16_t> values,
                               BusPriority priority) {
  return transact(slave, priority, [&] { return link_->write_registers(slave, address, values); });
}

TransferResult Bus::read_coils_wire(int slave, int address, std::span<std::uint8_t> out,
                                    BusPriority priority) {
  return transact(slave, priority, [&] { return link_->read_coils(slave, address, out); });
}

TransferResult Bus::write_coil_wire(int slave, int address, bool on, BusPriority priority) {
  return transact(slave, priority, [&] { return link_->write_coil(slave, address, on); });
}

void Bus::set_address_offset(int slave, int offset) {
  const std::lock_guard lock(state_mutex_);
  offsets_[slave] = offset;
}

int Bus::address_offset(int slave) const {
  const std::lock_guard lock(state_mutex_);
  const auto it = offsets_.find(slave);
  return it == offsets_.end() ? 0 : it->second;
}

NodeCounters Bus::counters(int slave) const {
  const std::lock_guard lock(state_mutex_);
  const auto it = counters_.find(slave);
  return it == counters_.end() ? NodeCounters{} : it->second;
}

std::map<int, NodeCounters> Bus::all_counters() const {
  const std::lock_guard lock(state_mutex_);
  return counters_;
}

}  // namespace egin::devices
