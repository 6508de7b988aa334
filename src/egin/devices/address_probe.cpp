#include "egin/devices/address_probe.hpp"

#include <array>

#include <fmt/format.h>

#include "egin/devices/ksx3267_registers.hpp"

namespace egin::devices {

ProbeResult probe_address_offset(Bus& bus, int slave, std::span<const int> candidates) {
  ProbeResult result;
  std::vector<std::string> problems;
  for (const int offset : candidates) {
    std::array<std::uint16_t, ksx3267::kNodeInfoLength> regs{};
    const int wire = ksx3267::kNodeInfoFirst + offset;
    if (wire < 0) {
      continue;
    }
    const TransferResult transfer = bus.read_wire(slave, wire, regs);
    if (!transfer.ok()) {
      // A gateway's 0x0A/0x0B says nobody is behind the unit id: as silent as a timeout.
      const bool gateway = transfer.exception_code == kExceptionGatewayTargetFailed ||
                           transfer.exception_code == 0x0A;
      if (transfer.status == TransferStatus::kException && !gateway) {
        result.answered = true;
        problems.push_back(fmt::format("offset {}: {}", offset, transfer.message));
        continue;
      }
      problems.push_back(fmt::format("offset {}: {}", offset, transfer.message));
      if (!result.answered) {
        break;  // silent node: do not pay a second timeout
      }
      continue;
    }
    result.answered = true;
    const auto info = ksx3267::decode_node_info(regs);
    if (info) {
      result.offset = offset;
      result.info = *info.value;
      return result;
    }
    problems.push_back(fmt::format("offset {}: {}", offset, info.problem));
  }
  for (std::size_t i = 0; i < problems.size(); ++i) {
    result.problem += (i == 0 ? "" : "; ") + problems[i];
  }
  return result;
}

}  // namespace egin::devices
