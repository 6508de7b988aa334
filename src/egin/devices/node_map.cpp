#include "egin/devices/node_map.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "egin/devices/ksx3267_registers.hpp"

namespace egin::devices {

namespace k = ksx3267;

NodeMap default_node_map(const k::NodeInfo& info, std::span<const std::uint16_t> codes,
                         std::vector<int>* skipped) {
  NodeMap map;
  map.source = "KS X 3267 Annex A";
  map.node_status_reg = k::kRegNodeStatus;
  std::map<std::uint16_t, int> ordinal;
  int switches = 0;
  int openers = 0;
  std::vector<ReadBlock> ranges{{k::kRegNodeOpid, 2}};  // node OPID and status
  const int slots = std::min<int>(static_cast<int>(codes.size()), info.channel_count);
  for (int slot = 1; slot <= slots; ++slot) {
    const std::uint16_t code = codes[static_cast<std::size_t>(slot - 1)];
    if (code == 0) {
      continue;  // nothing attached (§1.3)
    }
    if (info.product_type == k::kProductSensorNode && slot <= k::kSensorSlots) {
      const auto kind = k::sensor_kind(code);
      if (!kind) {
        if (skipped != nullptr) {
          skipped->push_back(slot);
        }
        continue;
      }
      SensorChannel channel;
      channel.slot = slot;
      channel.code = code;
      channel.id = fmt::format("{}_{}", kind->stem, ++ordinal[code]);
      channel.value_reg = k::sensor_value_reg(slot);
      channel.status_reg = k::sensor_status_reg(slot);
      ranges.push_back({channel.value_reg, k::kSensorSlotStride});
      map.sensors.push_back(std::move(channel));
    } else if (info.product_type == k::kProductActuatorNode && slot <= k::kActuatorSlots) {
      const auto device = k::actuator_device(code);
      if (!device) {
        if (skipped != nullptr) {
          skipped->push_back(slot);
        }
        continue;
      }
      ActuatorChannel channel;
      channel.slot = slot;
      channel.code = code;
      channel.kind = device->kind;
      channel.level = device->level;
      channel.index = device->kind == k::ActuatorKind::kSwitch ? ++switches : ++openers;
      channel.id = fmt::format("{}_{}", k::actuator_kind_name(device->kind), channel.index);
      channel.status_first = k::actuator_status_reg(slot);
      channel.command_first = k::actuator_command_reg(slot);
      ranges.push_back({channel.status_first, channel.status_length});
      map.actuators.push_back(std::move(channel));
    } else if (skipped != nullptr) {
      skipped->push_back(slot);
    }
  }
  map.blocks = plan_read_blocks(std::move(ranges));
  return map;
}

std::vector<ReadBlock> plan_read_blocks(std::vector<ReadBlock> ranges, int max_gap) {
  std::sort(ranges.begin(), ranges.end(),
            [](const ReadBlock& a, const ReadBlock& b) { return a.first_reg < b.first_reg; });
  std::vector<ReadBlock> blocks;
  for (const ReadBlock& range : ranges) {
    if (range.count <= 0) {
      continue;
    }
    if (!blocks.empty()) {
      ReadBlock& last = blocks.back();
      const int last_end = last.first_reg + last.count;
      const int new_end = std::max(last_end, range.first_reg + range.count);
      if (range.first_reg <= last_end + max_gap &&
          new_end - last.first_reg <= k::kMaxReadRegisters) {
        last.count = new_end - last.first_reg;
        continue;
      }
    }
    blocks.push_back(range);
  }
  return blocks;
}

void RegisterImage::add(int first_reg, std::span<const std::uint16_t> values) {
  runs_.push_back(Run{first_reg, std::vector<std::uint16_t>(values.begin(), values.end())});
}

std::span<const std::uint16_t> RegisterImage::get(int reg, int count) const {
  for (const Run& run : runs_) {
    const int end = run.first + static_cast<int>(run.values.size());
    if (reg >= run.first && reg + count <= end) {
      return std::span<const std::uint16_t>(run.values)
          .subspan(static_cast<std::size_t>(reg - run.first), static_cast<std::size_t>(count));
    }
  }
  return {};
}

k::ActuatorStatus decode_actuator(const ActuatorChannel& channel,
                                  std::span<const std::uint16_t> block) {
  k::ActuatorStatus status;
  auto at = [&](int offset) -> std::uint16_t {
    return offset >= 0 && static_cast<std::size_t>(offset) < block.size()
               ? block[static_cast<std::size_t>(offset)]
               : std::uint16_t{0};
  };
  status.opid = at(channel.status_opid);
  status.status = at(channel.status_code);
  if (channel.status_remain >= 0) {
    status.remaining_s =
        join_u32(at(channel.status_remain), at(channel.status_remain + 1), channel.order);
  }
  return status;
}

std::vector<std::uint16_t> encode_actuator_command(const ActuatorChannel& channel,
                                                   k::Command command, std::uint16_t opid,
                                                   std::uint32_t time_s) {
  std::vector<std::uint16_t> block(static_cast<std::size_t>(std::max(channel.command_length, 1)),
                                   0);
  auto put = [&](int offset, std::uint16_t value) {
    if (offset >= 0 && static_cast<std::size_t>(offset) < block.size()) {
      block[static_cast<std::size_t>(offset)] = value;
    }
  };
  put(channel.command_code, static_cast<std::uint16_t>(command));
  put(channel.command_opid, opid);
  if (channel.command_time >= 0) {
    const auto words = split_u32(time_s, channel.order);
    put(channel.command_time, words[0]);
    put(channel.command_time + 1, words[1]);
  }
  return block;
}

NodeReading decode_node(const NodeMap& map, const RegisterImage& image) {
  NodeReading reading;
  if (map.node_status_reg > 0) {
    const auto reg = image.get(map.node_status_reg, 1);
    if (!reg.empty()) {
      reading.node_status = reg[0];
    }
  }
  reading.sensors.reserve(map.sensors.size());
  for (const SensorChannel& channel : map.sensors) {
    const auto value = image.get(channel.value_reg, 2);
    const auto status = image.get(channel.status_reg, 1);
    if (value.empty() || status.empty()) {
      continue;
    }
    SlotReading slot;
    slot.channel = &channel;
    const float v = join_f32(value[0], value[1], channel.order);
    if (std::isfinite(v)) {
      slot.value = v;
    }
    slot.status = status[0];
    slot.quality = k::status_quality(slot.status);
    reading.sensors.push_back(slot);
  }
  reading.actuators.reserve(map.actuators.size());
  for (const ActuatorChannel& channel : map.actuators) {
    const auto block = image.get(channel.status_first, channel.status_length);
    if (block.empty()) {
      continue;
    }
    reading.actuators.push_back(ActuatorReading{&channel, decode_actuator(channel, block)});
  }
  return reading;
}

}  // namespace egin::devices
