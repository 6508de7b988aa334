// libFuzzer target: arbitrary bytes as what a Modbus line or broker hands the devices layer. The
// first byte chooses the path, the rest is the input:
//   0  the simulator's RTU request framer (any byte stream off the line): every frame it passes
//      on has a good CRC and a length the function code allows
//   1  an FC 0x03 response PDU → registers → node information, device codes, the Annex A map
//      built from them, and the decode of a poll (decode_node), actuator status blocks
//   2  registers → every generic-map point type and word order (decode, and encode back)
//   3  an MQTT command pack (parse_mqtt_command)
//   4  a KS X 3286 spec JSON (InputError is the only accepted failure)
// Nothing may crash, leak or trip the sanitizers.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/ksx3286_spec.hpp"
#include "egin/devices/modbus_crc.hpp"
#include "egin/devices/modbus_map.hpp"
#include "egin/devices/mqtt_bridge.hpp"
#include "egin/devices/node_map.hpp"
#include "egin/devices/rtu_framer.hpp"

namespace {

namespace d = egin::devices;
namespace k = egin::ksx3267;

void check(bool ok) {
  if (!ok) std::abort();
}

std::vector<std::uint16_t> words(std::span<const std::uint8_t> bytes) {
  std::vector<std::uint16_t> out(bytes.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<std::uint16_t>((bytes[2 * i] << 8U) | bytes[2 * i + 1]);
  }
  return out;
}

void framer(std::span<const std::uint8_t> bytes) {
  d::RtuRequestFramer f;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t chunk = 1 + bytes[at] % 17;  // uneven reads, as a pty delivers
    const std::size_t n = std::min(chunk, bytes.size() - at);
    f.feed(bytes.subspan(at, n));
    at += n;
    while (auto frame = f.take()) {
      check(d::modbus_crc_ok(*frame));
      check(static_cast<int>(frame->size()) == d::RtuRequestFramer::request_length(*frame));
    }
    if (bytes[at - 1] == 0xFF) {
      if (auto frame = f.silence()) check(d::modbus_crc_ok(*frame));
    }
  }
}

void response(std::span<const std::uint8_t> bytes) {
  const auto regs = k::parse_read_response_pdu(bytes);
  if (!regs) return;
  const std::vector<std::uint16_t>& r = *regs.value;
  check(r.size() * 2 + 2 == bytes.size());
  const auto info = k::decode_node_info(r);
  if (info) {
    check(info.value->channel_count >= 1 && info.value->channel_count <= 100);
    const std::span<const std::uint16_t> codes =
        std::span<const std::uint16_t>(r).subspan(std::min<std::size_t>(8, r.size()));
    std::vector<int> skipped;
    const d::NodeMap map = d::default_node_map(*info.value, codes, &skipped);
    for (const d::ReadBlock& block : map.blocks) check(block.count >= 1 && block.count <= 125);
    d::RegisterImage image;
    image.add(201, r);
    const d::NodeReading reading = d::decode_node(map, image);
    for (const auto& s : reading.sensors) {
      if (s.value) check(std::isfinite(*s.value));
    }
  }
  for (std::size_t i = 0; i + 4 <= r.size(); i += 4) {
    const auto status = k::decode_actuator_status(std::span<const std::uint16_t>(r).subspan(i, 4));
    check(static_cast<bool>(status));
    (void)k::status_quality(status.value->status);
  }
  for (std::size_t i = 0; i + 3 <= r.size(); i += 3) {
    (void)k::decode_sensor_slot(std::span<const std::uint16_t>(r).subspan(i, 3));
  }
}

void generic(std::span<const std::uint8_t> bytes) {
  const std::vector<std::uint16_t> r = words(bytes);
  if (r.size() < 2) return;
  for (const d::PointType type :
       {d::PointType::kInt16, d::PointType::kUint16, d::PointType::kInt32, d::PointType::kUint32,
        d::PointType::kFloat32, d::PointType::kBool}) {
    for (const d::WordOrder order :
         {d::WordOrder::kAbcd, d::WordOrder::kCdab, d::WordOrder::kBadc, d::WordOrder::kDcba}) {
      d::MapPoint point;
      point.type = type;
      point.table =
          type == d::PointType::kBool ? d::RegisterTable::kCoil : d::RegisterTable::kHolding;
      point.order = order;
      point.scale = r.size() > 2 && r[2] != 0 ? static_cast<double>(r[2]) / 1000.0 : 0.1;
      const double value = d::decode_point(point, std::span<const std::uint16_t>(r).first(2));
      if (std::isfinite(value)) (void)d::encode_point(point, value);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 5) {
    case 0:
      framer(bytes);
      break;
    case 1:
      response(bytes);
      break;
    case 2:
      generic(bytes);
      break;
    case 3:
      (void)d::parse_mqtt_command("gh1", "vents", text, 1.7e9);
      break;
    default:
      try {
        (void)d::parse_ksx3286_specs(text, "fuzz.json");
      } catch (const egin::InputError&) {
      }
      break;
  }
  return 0;
}
