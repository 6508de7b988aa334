// Address auto-probe (interop trap §1.9 "register N on wire as N vs N−1"): most nodes put
// register N at wire address N (JiNong, Korea-Digital SDK, captured frames [S3][S4][S6c]), some
// at N − 1 ([S7]). The probe reads the 8-register node-information block at wire 1 + offset for
// each candidate offset and accepts the first at which it parses (ksx3267::decode_node_info):
// read one register early or late and the product type lands on a code or product field and
// fails. A node that does not answer at the first candidate is taken as absent (no second
// timeout). It must not change the bus's offsets (the caller does).
#pragma once

#include <optional>
#include <span>
#include <string>

#include "egin/devices/bus.hpp"
#include "egin/devices/ksx3267_codec.hpp"

namespace egin::devices {

inline constexpr int kDefaultOffsets[] = {0, -1};

struct ProbeResult {
  std::optional<int> offset;  // set when a candidate parsed
  ksx3267::NodeInfo info;
  bool answered = false;  // the node answered something (a block or an exception)
  std::string problem;    // why nothing parsed: the last decode problem or transfer error
};

ProbeResult probe_address_offset(Bus& bus, int slave,
                                 std::span<const int> candidates = kDefaultOffsets);

}  // namespace egin::devices
