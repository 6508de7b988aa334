// NodeMap: where one node keeps each of its devices' registers — sensor slots (value, status),
// actuators (status block: OPID, status, remain-time; command block: command, OPID, time) — and
// which register blocks one poll reads. Built from the default map of KS X 3267 Annex A for
// default-map nodes (certification authority and company 0, §1.3), or from a KS X 3286 spec
// (ksx3286_spec.hpp). Register numbers are the standard's (the bus adds the node's offset).
// Channel ids follow Annex A's labels: the k-th slot with a sensor code gets "<stem>_<k>"
// ("temperature_1" … "temperature_10", "co2_1"), actuators "switch_<k>" and "opener_<j>".
// It must not do I/O.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/word_order.hpp"

namespace egin::devices {

struct SensorChannel {
  int slot = 0;  // 1-based device slot (device code at reg 100 + slot)
  std::uint16_t code = 0;
  std::string id;      // "temperature_1"
  int value_reg = 0;   // float32, 2 registers
  int status_reg = 0;  // uint16
  WordOrder order = WordOrder::kCdab;
};

struct ActuatorChannel {
  int slot = 0;
  std::uint16_t code = 0;
  ksx3267::ActuatorKind kind = ksx3267::ActuatorKind::kSwitch;
  int level = 1;
  int index = 0;   // k-th switch / j-th opener of the node (1-based)
  std::string id;  // "switch_3", "opener_1"
  // Status block (read): first register, length and each field's offset in it (−1: absent).
  int status_first = 0;
  int status_length = 4;
  int status_opid = 0;
  int status_code = 1;
  int status_remain = 2;  // uint32, 2 registers
  // Command block (written with one FC 0x10).
  int command_first = 0;
  int command_length = 4;
  int command_code = 0;
  int command_opid = 1;
  int command_time = 2;  // uint32, 2 registers
  WordOrder order = WordOrder::kCdab;
};

/// A run of registers one FC 0x03 reads (≤ 125).
struct ReadBlock {
  int first_reg = 0;
  int count = 0;
};

struct NodeMap {
  std::string source;       // "KS X 3267 Annex A", "KS X 3286 spec <file>"
  int node_status_reg = 0;  // 0 when the map has none
  std::vector<SensorChannel> sensors;
  std::vector<ActuatorChannel> actuators;
  std::vector<ReadBlock> blocks;  // covers every register above
};

/// The Annex A map of a node with these device codes (codes[i] is slot i + 1; 0 = empty slot):
/// a sensor node's slots at 203 + 3(i−1); an actuator node's at 203 + 4(i−1) / 503 + 4(i−1),
/// each slot's kind from its code (102 switch, 112 opener). Codes that fit neither the node
/// type nor a known device are left out (listed in `skipped`).
NodeMap default_node_map(const ksx3267::NodeInfo& info, std::span<const std::uint16_t> codes,
                         std::vector<int>* skipped = nullptr);

/// Blocks that cover `ranges` ([first, first + count) each) with as few FC 0x03 reads as the
/// 125-register limit allows, bridging gaps of at most `max_gap` registers.
std::vector<ReadBlock> plan_read_blocks(std::vector<ReadBlock> ranges, int max_gap = 8);

/// Register values of one poll, by register number.
class RegisterImage {
 public:
  void add(int first_reg, std::span<const std::uint16_t> values);
  /// Registers [reg, reg + count); empty span when any is missing.
  [[nodiscard]] std::span<const std::uint16_t> get(int reg, int count) const;

 private:
  struct Run {
    int first = 0;
    std::vector<std::uint16_t> values;
  };
  std::vector<Run> runs_;
};

/// One sensor slot as read.
struct SlotReading {
  const SensorChannel* channel = nullptr;
  std::optional<float> value;  // none when the value is not a finite float or was not read
  std::uint16_t status = 0;
  ksx3267::Quality quality = ksx3267::Quality::kUnknown;
};

/// One actuator as read.
struct ActuatorReading {
  const ActuatorChannel* channel = nullptr;
  ksx3267::ActuatorStatus status;
};

struct NodeReading {
  std::optional<std::uint16_t> node_status;
  std::vector<SlotReading> sensors;
  std::vector<ActuatorReading> actuators;
};

/// Decodes what `map` describes from `image` (the decode path of every poll; no allocation
/// beyond the two vectors). Channels whose registers are missing are left out.
NodeReading decode_node(const NodeMap& map, const RegisterImage& image);

/// The status of one actuator from its status block registers.
ksx3267::ActuatorStatus decode_actuator(const ActuatorChannel& channel,
                                        std::span<const std::uint16_t> block);
/// The command block of one actuator (length command_length, unused registers 0).
std::vector<std::uint16_t> encode_actuator_command(const ActuatorChannel& channel,
                                                   ksx3267::Command command, std::uint16_t opid,
                                                   std::uint32_t time_s);

}  // namespace egin::devices
