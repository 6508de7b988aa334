#include "egin/devices/bus_poller.hpp"

#include <algorithm>
#include <cmath>

#include "egin/devices/discovery.hpp"

namespace egin::devices {

BusPoller::BusPoller(Bus& bus, FrameTiming timing, const Clock& clock, PollerOptions options,
                     CommandTracker* tracker)
    : bus_(bus), timing_(timing), clock_(clock), options_(options), tracker_(tracker) {}

void BusPoller::add_node(int slave, NodeMap map, double period_s) {
  const std::lock_guard lock(mutex_);
  Node node;
  node.slave = slave;
  node.transaction_ms = poll_transaction_ms(map, timing_);
  node.map = std::move(map);
  node.period_s = std::max(period_s, 0.001);
  node.grid_ms = clock_.now_ms();
  node.next_attempt_ms = node.grid_ms;  // first poll at once
  nodes_[slave] = std::move(node);
  restretch_locked();
}

namespace {

// Bus time of reading a generic map: one read per table over the span its points cover.
double map_transaction_ms(const ModbusMap& map, const FrameTiming& timing) {
  double total = 0.0;
  for (const RegisterTable table :
       {RegisterTable::kHolding, RegisterTable::kInput, RegisterTable::kCoil}) {
    int first = 65536;
    int end = -1;
    for (const MapPoint& p : map.points) {
      if (p.table != table) {
        continue;
      }
      first = std::min(first, p.address);
      end = std::max(end, p.address + p.width());
    }
    if (end < 0) {
      continue;
    }
    const int count = end - first;
    total += table == RegisterTable::kCoil ? timing.exchange_ms(8, 5 + (count + 7) / 8)
                                           : timing.read_ms(count);
  }
  return total;
}

}  // namespace

void BusPoller::add_map_node(int slave, ModbusMap map, double period_s) {
  const std::lock_guard lock(mutex_);
  Node node;
  node.slave = slave;
  node.transaction_ms = map_transaction_ms(map, timing_);
  node.generic = std::move(map);
  node.period_s = std::max(period_s, 0.001);
  node.grid_ms = clock_.now_ms();
  node.next_attempt_ms = node.grid_ms;
  nodes_[slave] = std::move(node);
  restretch_locked();
}

void BusPoller::remove_node(int slave) {
  const std::lock_guard lock(mutex_);
  nodes_.erase(slave);
  restretch_locked();
}

std::vector<int> BusPoller::slaves() const {
  const std::lock_guard lock(mutex_);
  std::vector<int> out;
  for (const auto& [slave, node] : nodes_) {
    out.push_back(slave);
  }
  return out;
}

std::optional<NodeMap> BusPoller::node_map(int slave) const {
  const std::lock_guard lock(mutex_);
  const auto it = nodes_.find(slave);
  if (it == nodes_.end()) {
    return std::nullopt;
  }
  return it->second.map;
}

void BusPoller::restretch_locked() {
  std::vector<BudgetInput> inputs;
  for (const auto& [slave, node] : nodes_) {
    inputs.push_back({slave, node.period_s, node.transaction_ms});
  }
  stretch_ = plan_budget(inputs, options_.budget_fraction).stretch;
}

TimeMs BusPoller::period_ms_locked(const Node& node) const {
  return std::max<TimeMs>(1, std::llround(node.period_s * stretch_ * 1000.0));
}

BusBudget BusPoller::budget() const {
  const std::lock_guard lock(mutex_);
  std::vector<BudgetInput> inputs;
  for (const auto& [slave, node] : nodes_) {
    inputs.push_back({slave, node.period_s, node.transaction_ms});
  }
  return plan_budget(inputs, options_.budget_fraction);
}

NodeHealth BusPoller::health(int slave) const {
  const std::lock_guard lock(mutex_);
  const auto it = nodes_.find(slave);
  return it == nodes_.end() ? NodeHealth{} : it->second.health;
}

TimeMs BusPoller::step(const PollSink& sink) {
  for (;;) {
    // The node most overdue, taken under the lock; polled without it.
    int slave = 0;
    NodeMap map;
    std::optional<ModbusMap> generic;
    {
      const std::lock_guard lock(mutex_);
      const TimeMs now = clock_.now_ms();
      const Node* due = nullptr;
      for (const auto& [s, node] : nodes_) {
        if (node.next_attempt_ms <= now &&
            (due == nullptr || node.next_attempt_ms < due->next_attempt_ms)) {
          due = &node;
        }
      }
      if (due == nullptr) {
        if (nodes_.empty()) {
          return now + kMsPerSecond;
        }
        TimeMs next = nodes_.begin()->second.next_attempt_ms;
        for (const auto& [s, node] : nodes_) {
          next = std::min(next, node.next_attempt_ms);
        }
        return next;
      }
      slave = due->slave;
      map = due->map;
      generic = due->generic;
    }

    NodeRead read;
    MapRead map_read;
    if (generic) {
      map_read = read_map(bus_, slave, *generic);
      read.transfer = map_read.transfer;
    } else {
      read = read_node(bus_, slave, map);
    }
    PolledNode polled;
    polled.bus = bus_.id();
    polled.slave = slave;
    polled.t_ms = clock_.now_ms();
    polled.ok = read.transfer.ok();
    polled.transfer = read.transfer;

    {
      const std::lock_guard lock(mutex_);
      const auto it = nodes_.find(slave);
      if (it == nodes_.end()) {
        continue;  // removed meanwhile
      }
      Node& node = it->second;
      NodeHealth& h = node.health;
      h.last_attempt_ms = polled.t_ms;
      const TimeMs period = period_ms_locked(node);
      if (polled.ok) {
        polled.back_online = h.ever_ok && !h.online;
        h.online = true;
        h.ever_ok = true;
        h.last_ok_ms = polled.t_ms;
        h.consecutive_failures = 0;
        h.last_problem.clear();
        // Next slot: the first period boundary after now (aligned to multiples of the period).
        node.grid_ms = (polled.t_ms / period + 1) * period;
        node.next_attempt_ms = node.grid_ms;
      } else {
        ++h.consecutive_failures;
        h.last_problem = read.transfer.message;
        if (h.online && h.consecutive_failures >= options_.offline_after) {
          h.online = false;
          polled.went_offline = true;
        }
        const double wait_s = h.online || !h.ever_ok ? options_.retry_s : options_.offline_retry_s;
        node.next_attempt_ms = polled.t_ms + std::max<TimeMs>(1, std::llround(wait_s * 1000.0));
        if (!h.ever_ok && h.consecutive_failures >= options_.offline_after) {
          node.next_attempt_ms =
              polled.t_ms + std::max<TimeMs>(1, std::llround(options_.offline_retry_s * 1000.0));
        }
      }
    }

    // Decode against the caller-owned copy of the map, then hand on.
    if (generic) {
      polled.points = std::move(map_read.points);
    } else {
      polled.reading = decode_node(map, read.image);
    }
    if (polled.ok && tracker_ != nullptr) {
      for (const ActuatorReading& a : polled.reading.actuators) {
        tracker_->observe(bus_.id(), slave, a.channel->slot, a.status, polled.t_ms);
      }
    }
    if (sink) {
      sink(polled);
    }
  }
}

}  // namespace egin::devices
