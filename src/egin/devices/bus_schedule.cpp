#include "egin/devices/bus_schedule.hpp"

#include <fmt/format.h>

namespace egin::devices {

double poll_transaction_ms(const NodeMap& map, const FrameTiming& timing) {
  double total = 0.0;
  for (const ReadBlock& block : map.blocks) {
    total += timing.read_ms(block.count);
  }
  return total;
}

BusBudget plan_budget(const std::vector<BudgetInput>& nodes, double budget_fraction) {
  BusBudget budget;
  budget.budget_fraction = budget_fraction;
  for (const BudgetInput& node : nodes) {
    BudgetItem item;
    item.slave = node.slave;
    item.period_s = node.period_s;
    item.transaction_ms = node.transaction_ms;
    if (node.period_s > 0.0) {
      budget.utilisation += node.transaction_ms / (1000.0 * node.period_s);
    }
    budget.round_ms += node.transaction_ms;
    budget.items.push_back(item);
  }
  if (budget.utilisation > budget_fraction && budget_fraction > 0.0) {
    budget.stretch = budget.utilisation / budget_fraction;
  }
  budget.effective_utilisation = budget.utilisation / budget.stretch;
  for (BudgetItem& item : budget.items) {
    item.effective_period_s = item.period_s * budget.stretch;
  }
  return budget;
}

std::string BusBudget::describe() const {
  std::string text = fmt::format(
      "{} nodes, one round {:.0f} ms of bus time; {:.1f} % of the bus at the asked periods "
      "(budget {:.0f} %)",
      items.size(), round_ms, 100.0 * utilisation, 100.0 * budget_fraction);
  if (!fits()) {
    text += fmt::format("; over budget: periods stretched ×{:.2f} to use {:.1f} %", stretch,
                        100.0 * effective_utilisation);
  }
  return text;
}

}  // namespace egin::devices
