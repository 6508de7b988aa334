#include "egin/devices/ksx3267_codec.hpp"

#include <cmath>

#include <fmt/format.h>

#include "egin/devices/ksx3267_registers.hpp"

namespace egin::ksx3267 {

using devices::WordOrder;

namespace {

template <typename T>
Decoded<T> fail(std::string problem) {
  return Decoded<T>{std::nullopt, std::move(problem)};
}

}  // namespace

Decoded<NodeInfo> decode_node_info(std::span<const std::uint16_t> regs, WordOrder order) {
  if (regs.size() < static_cast<std::size_t>(kNodeInfoLength)) {
    return fail<NodeInfo>(
        fmt::format("node information needs {} registers, got {}", kNodeInfoLength, regs.size()));
  }
  auto at = [&](int reg) { return regs[static_cast<std::size_t>(reg - kNodeInfoFirst)]; };
  NodeInfo info;
  info.certification_authority = at(kRegCertificationAuthority);
  info.company_code = at(kRegCompanyCode);
  info.product_type = at(kRegProductType);
  info.product_code = at(kRegProductCode);
  info.protocol_version = at(kRegProtocolVersion);
  info.channel_count = at(kRegChannelCount);
  info.serial_number = devices::join_u32(at(kRegSerialNumber), at(kRegSerialNumber + 1), order);
  if (info.product_type < kProductSensorNode || info.product_type > kProductNutrientNode) {
    return fail<NodeInfo>(
        fmt::format("product type {} is not a node type (1 sensor, 2 actuator, 3 integrated, "
                    "4 nutrient)",
                    info.product_type));
  }
  if (!is_known_protocol(info.protocol_version)) {
    return fail<NodeInfo>(
        fmt::format("protocol version {} is not one of 10 (KS X 3267), 20 (KS X 3288), 101, 201",
                    info.protocol_version));
  }
  if (info.channel_count < 1 || info.channel_count > kMaxChannels) {
    return fail<NodeInfo>(
        fmt::format("channel count {} outside 1 to {}", info.channel_count, kMaxChannels));
  }
  return Decoded<NodeInfo>{info, {}};
}

Decoded<SensorSample> decode_sensor_slot(std::span<const std::uint16_t> regs, WordOrder order) {
  if (regs.size() < static_cast<std::size_t>(kSensorSlotStride)) {
    return fail<SensorSample>(fmt::format("sensor slot needs 3 registers, got {}", regs.size()));
  }
  SensorSample sample;
  sample.value = devices::join_f32(regs[kSensorValueOffset], regs[kSensorValueOffset + 1], order);
  sample.status = regs[kSensorStatusOffset];
  if (!std::isfinite(sample.value)) {
    return fail<SensorSample>(
        fmt::format("value is not a finite float32 (status {})", sample.status));
  }
  return Decoded<SensorSample>{sample, {}};
}

Decoded<ActuatorStatus> decode_actuator_status(std::span<const std::uint16_t> regs,
                                               WordOrder order) {
  if (regs.size() < static_cast<std::size_t>(kActuatorStride)) {
    return fail<ActuatorStatus>(
        fmt::format("actuator status needs 4 registers, got {}", regs.size()));
  }
  ActuatorStatus status;
  status.opid = regs[kStatusOpidOffset];
  status.status = regs[kStatusCodeOffset];
  status.remaining_s =
      devices::join_u32(regs[kStatusRemainOffset], regs[kStatusRemainOffset + 1], order);
  return Decoded<ActuatorStatus>{status, {}};
}

std::array<std::uint16_t, 4> encode_command(Command command, std::uint16_t opid,
                                            std::uint32_t time_s, WordOrder order) {
  const auto time = devices::split_u32(time_s, order);
  std::array<std::uint16_t, 4> block{};
  block[kCommandCodeOffset] = static_cast<std::uint16_t>(command);
  block[kCommandOpidOffset] = opid;
  block[kCommandTimeOffset] = time[0];
  block[kCommandTimeOffset + 1] = time[1];
  return block;
}

Decoded<CommandBlock> decode_command_block(std::span<const std::uint16_t> regs, WordOrder order) {
  if (regs.size() < static_cast<std::size_t>(kActuatorStride)) {
    return fail<CommandBlock>(fmt::format("command block needs 4 registers, got {}", regs.size()));
  }
  CommandBlock block;
  block.code = regs[kCommandCodeOffset];
  block.opid = regs[kCommandOpidOffset];
  block.time_s = devices::join_u32(regs[kCommandTimeOffset], regs[kCommandTimeOffset + 1], order);
  return Decoded<CommandBlock>{block, {}};
}

std::array<std::uint16_t, 8> encode_node_info(const NodeInfo& info, WordOrder order) {
  const auto serial = devices::split_u32(info.serial_number, order);
  return {info.certification_authority, info.company_code,  info.product_type, info.product_code,
          info.protocol_version,        info.channel_count, serial[0],         serial[1]};
}

Decoded<std::vector<std::uint16_t>> parse_read_response_pdu(std::span<const std::uint8_t> pdu,
                                                            std::size_t expected_count) {
  using Result = std::vector<std::uint16_t>;
  constexpr std::uint8_t kFunction = 0x03;
  constexpr std::uint8_t kExceptionBit = 0x80;
  if (pdu.empty()) {
    return fail<Result>("empty response");
  }
  if (pdu[0] == (kFunction | kExceptionBit)) {
    if (pdu.size() != 2) {
      return fail<Result>("malformed exception response");
    }
    return fail<Result>(fmt::format("exception 0x{:02X}", pdu[1]));
  }
  if (pdu[0] != kFunction) {
    return fail<Result>(fmt::format("function 0x{:02X} where 0x03 was expected", pdu[0]));
  }
  if (pdu.size() < 2) {
    return fail<Result>("no byte count");
  }
  const std::size_t bytes = pdu[1];
  if (bytes % 2 != 0 || bytes == 0 || bytes > std::size_t{2} * kMaxReadRegisters) {
    return fail<Result>(fmt::format("byte count {} is not 2 to 250 and even", bytes));
  }
  if (pdu.size() != 2 + bytes) {
    return fail<Result>(
        fmt::format("byte count {} but {} data bytes follow", bytes, pdu.size() - 2));
  }
  if (expected_count != 0 && bytes != 2 * expected_count) {
    return fail<Result>(
        fmt::format("{} registers where {} were asked for", bytes / 2, expected_count));
  }
  Result regs(bytes / 2);
  for (std::size_t i = 0; i < regs.size(); ++i) {
    regs[i] = static_cast<std::uint16_t>((pdu[2 + 2 * i] << 8U) | pdu[3 + 2 * i]);
  }
  return Decoded<Result>{std::move(regs), {}};
}

}  // namespace egin::ksx3267
