#include "egin/devices/rtu_framer.hpp"

#include "egin/devices/modbus_crc.hpp"

namespace egin::devices {

namespace {
constexpr std::size_t kMaxFrame = 256;  // Modbus over Serial Line V1.02 §2.5.1: RTU ≤ 256 bytes
}

int RtuRequestFramer::request_length(std::span<const std::uint8_t> frame) {
  if (frame.size() < 2) {
    return 0;
  }
  switch (frame[1]) {
    case 0x01:
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x05:
    case 0x06:
      return 8;  // slave, fc, address(2), count/value(2), crc(2)
    case 0x0F:
    case 0x10:
      if (frame.size() < 7) {
        return 0;
      }
      return 9 + frame[6];  // slave, fc, address(2), count(2), byte count, data, crc(2)
    default:
      return -1;
  }
}

void RtuRequestFramer::feed(std::span<const std::uint8_t> bytes) {
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
  if (buffer_.size() > 4 * kMaxFrame) {
    drop_all();  // garbage without silences
  }
}

void RtuRequestFramer::drop_all() {
  dropped_bytes_ += buffer_.size();
  buffer_.clear();
}

std::optional<std::vector<std::uint8_t>> RtuRequestFramer::take() {
  const int length = request_length(buffer_);
  if (length <= 0 || buffer_.size() < static_cast<std::size_t>(length)) {
    return std::nullopt;
  }
  std::vector<std::uint8_t> frame(buffer_.begin(), buffer_.begin() + length);
  if (!modbus_crc_ok(frame)) {
    ++crc_errors_;
    drop_all();  // resynchronise at the next silence
    return std::nullopt;
  }
  buffer_.erase(buffer_.begin(), buffer_.begin() + length);
  return frame;
}

std::optional<std::vector<std::uint8_t>> RtuRequestFramer::silence() {
  if (buffer_.empty()) {
    return std::nullopt;
  }
  if (request_length(buffer_) < 0 && buffer_.size() >= 4 && buffer_.size() <= kMaxFrame &&
      modbus_crc_ok(buffer_)) {
    std::vector<std::uint8_t> frame = std::move(buffer_);
    buffer_.clear();
    return frame;
  }
  if (request_length(buffer_) < 0 && buffer_.size() >= 4) {
    ++crc_errors_;
  }
  drop_all();
  return std::nullopt;
}

}  // namespace egin::devices
