// BusPoller: the per-bus scheduler. Polls each node's map at its period, the periods stretched
// to fit the bus's time budget (bus_schedule.hpp); polls are aligned to multiples of the
// period so that each storage interval gets its sample even when a read must be retried. A
// failed poll is retried after `retry_s`; after `offline_after` failures in a row the node is
// offline and is tried every `offline_retry_s` (short, so that a replugged node is back within
// seconds: KOAT asks 2 minutes) without starving the others. Actuator status blocks it reads go
// to the CommandTracker (timed commands' ends). Commands themselves run in their caller's thread
// and take the bus before waiting polls (bus.hpp).
// step() does the work that is due and returns when the next is due: the caller's loop (a
// thread in the runtime's driver, a CLI watch loop, a test with a ManualClock) decides how to
// wait. Thread-safe (nodes may be added while it runs).
// It must not store readings (the sink does) or know the site.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/actuator_commands.hpp"
#include "egin/devices/bus.hpp"
#include "egin/devices/bus_schedule.hpp"
#include "egin/devices/frame_timing.hpp"
#include "egin/devices/modbus_map.hpp"
#include "egin/devices/node_map.hpp"

namespace egin::devices {

struct PollerOptions {
  double retry_s = 2.0;
  int offline_after = 3;
  double offline_retry_s = 3.0;
  double budget_fraction = 0.8;
};

/// What one poll gave; `reading` points into the node's map (valid during the sink call).
struct PolledNode {
  std::string bus;
  int slave = 0;
  TimeMs t_ms = 0;
  bool ok = false;
  TransferResult transfer;           // the first failure, when !ok
  NodeReading reading;               // KS X 3267 nodes
  std::vector<PointReading> points;  // generic-map devices (points into the node's map)
  bool back_online = false;          // first good poll after being offline
  bool went_offline = false;
};
using PollSink = std::function<void(const PolledNode&)>;

struct NodeHealth {
  bool online = false;
  bool ever_ok = false;
  TimeMs last_ok_ms = 0;
  TimeMs last_attempt_ms = 0;
  int consecutive_failures = 0;
  std::string last_problem;
};

class BusPoller {
 public:
  BusPoller(Bus& bus, FrameTiming timing, const Clock& clock, PollerOptions options = {},
            CommandTracker* tracker = nullptr);

  /// Polls `map` at `slave` every `period_s` (replaces an earlier entry of the slave).
  void add_node(int slave, NodeMap map, double period_s);
  /// Polls a commodity device of a generic map every `period_s`.
  void add_map_node(int slave, ModbusMap map, double period_s);
  void remove_node(int slave);
  [[nodiscard]] std::vector<int> slaves() const;
  [[nodiscard]] std::optional<NodeMap> node_map(int slave) const;

  /// Does every poll due at the clock's now; returns the time of the next one (now + 1 s when
  /// there are no nodes). Polls are aligned to multiples of the period since the epoch.
  TimeMs step(const PollSink& sink);

  [[nodiscard]] BusBudget budget() const;
  [[nodiscard]] NodeHealth health(int slave) const;
  [[nodiscard]] Bus& bus() { return bus_; }

 private:
  struct Node {
    int slave = 0;
    NodeMap map;
    std::optional<ModbusMap> generic;
    double period_s = 60.0;
    double transaction_ms = 0.0;
    TimeMs grid_ms = 0;          // the period slot being filled
    TimeMs next_attempt_ms = 0;  // when to try next
    NodeHealth health;
  };
  void restretch_locked();
  [[nodiscard]] TimeMs period_ms_locked(const Node& node) const;

  Bus& bus_;
  FrameTiming timing_;
  const Clock& clock_;
  PollerOptions options_;
  CommandTracker* tracker_;
  mutable std::mutex mutex_;
  std::map<int, Node> nodes_;
  double stretch_ = 1.0;
};

}  // namespace egin::devices
