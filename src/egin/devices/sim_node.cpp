#include "egin/devices/sim_node.hpp"

#include <modbus/modbus.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "egin/devices/ksx3267_registers.hpp"
#include "egin/devices/modbus_link.hpp"

namespace egin::devices {

namespace k = ksx3267;

std::vector<std::uint16_t> default_device_codes(std::uint16_t product_type) {
  if (product_type == k::kProductActuatorNode) {
    std::vector<std::uint16_t> codes(k::kDefaultSwitches, k::kDeviceSwitchLevel1);
    codes.insert(codes.end(), k::kDefaultOpeners, k::kDeviceOpenerLevel1);
    return codes;
  }
  // Reference §1.5 "Default slot assignment": slot → code [S5].
  return {1,  1,  1,  2,  3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
          14, 15, 16, 17, 1, 1, 1, 1, 1, 1, 1, 2,  2,  18, 18};
}

SimNode::SimNode(SimNodeConfig config, NodeEnvironment& environment, TimeMs now_ms)
    : config_(std::move(config)), environment_(environment) {
  if (config_.device_codes.empty()) {
    config_.device_codes = default_device_codes(config_.product_type);
  }
  const int start = k::kNodeInfoFirst + config_.address_offset;
  if (start < 0) {
    throw std::invalid_argument("address offset below -1");
  }
  mapping_ = modbus_mapping_new_start_address(0, 0, 0, 0, static_cast<unsigned>(start),
                                              static_cast<unsigned>(last_reg()), 0, 0);
  if (mapping_ == nullptr) {
    throw std::runtime_error("modbus_mapping_new failed");
  }

  k::NodeInfo info;
  info.certification_authority = config_.certification_authority;
  info.company_code = config_.company_code;
  info.product_type = config_.product_type;
  info.product_code = config_.product_code;
  info.protocol_version = config_.protocol_version;
  info.channel_count = static_cast<std::uint16_t>(config_.device_codes.size());
  info.serial_number = config_.serial_number;
  const auto block = k::encode_node_info(info);
  for (int i = 0; i < k::kNodeInfoLength; ++i) {
    set_reg(k::kNodeInfoFirst + i, block[static_cast<std::size_t>(i)]);
  }
  for (std::size_t i = 0; i < config_.device_codes.size(); ++i) {
    set_reg(k::kRegDeviceCodeFirst + static_cast<int>(i), config_.device_codes[i]);
  }
  set_reg(k::kRegNodeStatus, k::kStatusReady);
  if (config_.product_type == k::kProductActuatorNode) {
    for (std::size_t i = 0; i < config_.device_codes.size() && i < k::kActuatorSlots; ++i) {
      const auto device = k::actuator_device(config_.device_codes[i]);
      if (!device) {
        continue;
      }
      Actuator a;
      a.slot = static_cast<int>(i) + 1;
      a.kind = device->kind;
      a.level = device->level;
      a.moved_ms = now_ms;
      actuators_.push_back(a);
    }
    for (const Actuator& a : actuators_) {
      publish(a, now_ms);
    }
  }
  refresh(now_ms);
}

SimNode::~SimNode() { modbus_mapping_free(mapping_); }

int SimNode::last_reg() const {
  return config_.product_type == k::kProductActuatorNode
             ? k::kRegActuatorLast
             : k::kRegSensorNodeCommand + k::kSensorNodeCommandLength - 1;
}

void SimNode::set_reg(int number, std::uint16_t value) {
  const int index = number + config_.address_offset - mapping_->start_registers;
  if (index >= 0 && index < mapping_->nb_registers) {
    mapping_->tab_registers[index] = value;
  }
}

std::uint16_t SimNode::reg(int number) const {
  const int index = number + config_.address_offset - mapping_->start_registers;
  if (index < 0 || index >= mapping_->nb_registers) {
    return 0;
  }
  return mapping_->tab_registers[index];
}

bool SimNode::writable(int number) const {
  if (config_.product_type == k::kProductActuatorNode) {
    return number >= k::kRegNodeCommand && number <= k::kRegActuatorLast;
  }
  return number >= k::kRegSensorNodeCommand &&
         number < k::kRegSensorNodeCommand + k::kSensorNodeCommandLength;
}

std::uint8_t SimNode::check_write(int address, const std::vector<std::uint16_t>& values) const {
  const int first = address - config_.address_offset;
  for (int i = 0; i < static_cast<int>(values.size()); ++i) {
    if (!writable(first + i)) {
      return kExceptionIllegalDataAddress;
    }
  }
  // Command codes in the written range: level and kind must fit the device.
  for (const Actuator& a : actuators_) {
    const int code_reg = k::actuator_command_reg(a.slot) + k::kCommandCodeOffset;
    if (code_reg < first || code_reg >= first + static_cast<int>(values.size())) {
      continue;
    }
    const std::uint16_t code = values[static_cast<std::size_t>(code_reg - first)];
    const auto command = k::command_from_code(code);
    if (!command || !k::command_fits(*command, a.kind) || k::command_level(*command) > a.level) {
      return kExceptionIllegalDataValue;
    }
  }
  return 0;
}

void SimNode::write(int address, const std::vector<std::uint16_t>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    set_reg(address - config_.address_offset + static_cast<int>(i), values[i]);
  }
}

void SimNode::after_write(int address, int count, TimeMs now_ms) {
  const int first = address - config_.address_offset;
  const int last = first + count - 1;
  if (first <= k::kRegNodeCommandOpid && last >= k::kRegNodeCommand) {
    const std::uint16_t opid = reg(k::kRegNodeCommandOpid);
    if (opid != 0 && opid != node_command_opid_) {
      node_command_opid_ = opid;
      set_reg(k::kRegNodeOpid, opid);
    }
  }
  for (Actuator& a : actuators_) {
    const int block = k::actuator_command_reg(a.slot);
    if (block > last || block + k::kActuatorStride - 1 < first) {
      continue;
    }
    const auto decoded = k::decode_command_block(std::span<const std::uint16_t>(
        &mapping_->tab_registers[block + config_.address_offset - mapping_->start_registers],
        k::kActuatorStride));
    if (!decoded) {
      continue;
    }
    // §6.3.3: activated only when the OPID changes; OPID 0 is never a command.
    if (decoded.value->opid == 0 || decoded.value->opid == a.last_command_opid) {
      continue;
    }
    if (config_.drop_commands > 0) {
      --config_.drop_commands;
      continue;
    }
    settle(a, now_ms);
    activate(a, *decoded.value, now_ms);
    publish(a, now_ms);
  }
}

void SimNode::activate(Actuator& a, const k::CommandBlock& block, TimeMs now_ms) {
  const auto command = k::command_from_code(block.code);
  if (!command) {
    return;  // check_write refused it already
  }
  a.last_command_opid = block.opid;
  a.status_opid = block.opid;
  a.command = *command;
  a.end_ms = k::is_timed(*command) ? now_ms + static_cast<TimeMs>(block.time_s) * kMsPerSecond : 0;
  a.moved_ms = now_ms;
  switch (*command) {
    case k::Command::kOffOrStop:
      a.status = k::kStatusReady;
      a.motion = 0;
      break;
    case k::Command::kOn:
    case k::Command::kTimedOn:
      a.status = k::kStatusSwitchOn;
      break;
    case k::Command::kOpen:
    case k::Command::kTimedOpen:
      a.motion = a.position_pct >= 100.0 ? 0 : 1;
      a.status = a.motion != 0 ? k::kStatusOpening : k::kStatusReady;
      break;
    case k::Command::kClose:
    case k::Command::kTimedClose:
      a.motion = a.position_pct <= 0.0 ? 0 : -1;
      a.status = a.motion != 0 ? k::kStatusClosing : k::kStatusReady;
      break;
    default:
      break;  // level-2 codes never reach a level-1 device (check_write)
  }
  if (k::is_timed(*command) && block.time_s == 0) {
    a.status = k::kStatusReady;
    a.motion = 0;
    a.end_ms = 0;
  }
}

void SimNode::settle(Actuator& a, TimeMs now_ms) {
  // Opener travel since the last update, stopping at the ends or at a timed command's end.
  if (a.kind == k::ActuatorKind::kOpener && a.motion != 0) {
    const TimeMs until = a.end_ms != 0 ? std::min(now_ms, a.end_ms) : now_ms;
    const double dt_s = static_cast<double>(until - a.moved_ms) / 1000.0;
    if (dt_s > 0.0 && config_.travel_s > 0.0) {
      a.position_pct =
          std::clamp(a.position_pct + a.motion * 100.0 * dt_s / config_.travel_s, 0.0, 100.0);
    }
    a.moved_ms = until;
    if ((a.motion > 0 && a.position_pct >= 100.0) || (a.motion < 0 && a.position_pct <= 0.0)) {
      a.motion = 0;
      a.status = k::kStatusReady;
      a.end_ms = 0;
      if (config_.opid_after_done == OpidAfterDone::kZero) {
        a.status_opid = 0;
      }
    }
  }
  a.moved_ms = std::max(a.moved_ms, now_ms);
  if (a.end_ms != 0 && now_ms >= a.end_ms) {
    a.end_ms = 0;
    a.motion = 0;
    a.status = k::kStatusReady;
    if (config_.opid_after_done == OpidAfterDone::kZero) {
      a.status_opid = 0;
    }
  }
}

void SimNode::publish(const Actuator& a, TimeMs now_ms) {
  const int first = k::actuator_status_reg(a.slot);
  std::uint32_t remain = 0;
  if (a.end_ms > now_ms) {
    remain = static_cast<std::uint32_t>((a.end_ms - now_ms + kMsPerSecond - 1) / kMsPerSecond);
  }
  const auto words = split_u32(remain, WordOrder::kCdab);
  set_reg(first + k::kStatusOpidOffset, a.status_opid);
  set_reg(first + k::kStatusCodeOffset, a.status);
  set_reg(first + k::kStatusRemainOffset, words[0]);
  set_reg(first + k::kStatusRemainOffset + 1, words[1]);
  ActuatorOutput output;
  output.kind = a.kind;
  output.on = a.kind == k::ActuatorKind::kSwitch && a.status == k::kStatusSwitchOn;
  output.motion = a.motion;
  output.position_pct = a.position_pct;
  output.status = a.status;
  environment_.actuator_changed(config_.slave, a.slot, output, now_ms);
}

void SimNode::refresh(TimeMs now_ms) {
  if (config_.product_type == k::kProductSensorNode) {
    const int slots = std::min<int>(static_cast<int>(config_.device_codes.size()), k::kSensorSlots);
    for (int slot = 1; slot <= slots; ++slot) {
      const std::uint16_t code = config_.device_codes[static_cast<std::size_t>(slot - 1)];
      if (code == 0) {
        continue;
      }
      const auto value =
          static_cast<float>(environment_.sensor_value(config_.slave, slot, code, now_ms));
      const auto words = split_f32(value, WordOrder::kCdab);
      set_reg(k::sensor_value_reg(slot), words[0]);
      set_reg(k::sensor_value_reg(slot) + 1, words[1]);
      set_reg(k::sensor_status_reg(slot),
              environment_.sensor_status(config_.slave, slot, code, now_ms));
    }
    return;
  }
  for (Actuator& a : actuators_) {
    const std::uint16_t before = a.status;
    const double position = a.position_pct;
    settle(a, now_ms);
    // Registers always; the environment on change (and as an opener moves).
    if (a.status != before || a.position_pct != position || a.end_ms != 0) {
      publish(a, now_ms);
    }
  }
}

}  // namespace egin::devices
