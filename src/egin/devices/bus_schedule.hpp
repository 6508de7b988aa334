// Bus time budget: what polling costs a bus and whether it fits. Each node's poll is a set of
// FC 0x03 reads whose bus time follows from the frame sizes and the line speed
// (frame_timing.hpp); a node polled every P seconds uses t/P of the bus. When the sum over the
// nodes exceeds the budget fraction (default 0.8, leaving room for commands and retries), every
// period is stretched by the same factor so that it fits, and the plan says so.
// Example (bench/bench_modbus.cpp): a default sensor node is one read of 92 registers (201–292):
// 8 + 189 bytes at 9600 8N1 (1.04 ms each), two 3.6 ms silences and a 5 ms turnaround = 218 ms.
// 20 such nodes take 4.35 s per round: polled every 10 s they use 44 % of the bus; every 5 s
// would need 87 % and is stretched ×1.09 to 5.4 s.
// It must not do I/O.
#pragma once

#include <string>
#include <vector>

#include "egin/devices/frame_timing.hpp"
#include "egin/devices/node_map.hpp"

namespace egin::devices {

struct BudgetItem {
  int slave = 0;
  double period_s = 0.0;            // asked for
  double transaction_ms = 0.0;      // bus time of one poll of the node
  double effective_period_s = 0.0;  // after stretching
};

struct BusBudget {
  std::vector<BudgetItem> items;
  double budget_fraction = 0.8;
  double utilisation = 0.0;            // Σ transaction / period, as asked
  double effective_utilisation = 0.0;  // after stretching
  double stretch = 1.0;                // effective period / asked period (≥ 1)
  double round_ms = 0.0;               // every node once, back to back
  [[nodiscard]] bool fits() const { return stretch <= 1.0; }
  /// Several lines for people ("20 nodes, round 4267 ms, 43 % of the bus at the asked periods").
  [[nodiscard]] std::string describe() const;
};

/// Bus time of one poll of `map` (all its blocks).
double poll_transaction_ms(const NodeMap& map, const FrameTiming& timing);

struct BudgetInput {
  int slave = 0;
  double period_s = 0.0;
  double transaction_ms = 0.0;
};
BusBudget plan_budget(const std::vector<BudgetInput>& nodes, double budget_fraction = 0.8);

}  // namespace egin::devices
