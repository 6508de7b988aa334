// RtuRequestFramer: cuts the byte stream a Modbus RTU slave receives into request frames. The
// length of a request follows from its function code (Modbus Application Protocol V1.1b3 §6:
// FC 0x01–0x06 → 8 bytes with CRC; FC 0x0F/0x10 → 9 + byte count); a frame whose CRC
// (modbus_crc.hpp) does not match is dropped with everything buffered after it, and a frame
// that stays incomplete through a silence (the caller's gap timeout, t3.5 on a real line) is
// dropped too — so noise on the line costs the master one timeout, never a stuck slave. An
// unknown function code is passed on whole after the silence, for an exception 0x01 reply.
// Any byte sequence is safe (fuzz/fuzz_modbus_response.cpp).
// It must not reply or know the nodes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace egin::devices {

class RtuRequestFramer {
 public:
  /// Adds received bytes.
  void feed(std::span<const std::uint8_t> bytes);
  /// The next complete, CRC-checked frame (slave, PDU, CRC), if one is buffered.
  std::optional<std::vector<std::uint8_t>> take();
  /// The line fell silent: drops an incomplete frame; returns an unknown-function frame whole.
  std::optional<std::vector<std::uint8_t>> silence();

  [[nodiscard]] std::size_t buffered() const { return buffer_.size(); }
  [[nodiscard]] std::uint64_t crc_errors() const { return crc_errors_; }
  [[nodiscard]] std::uint64_t dropped_bytes() const { return dropped_bytes_; }

  /// Length of the request that starts `frame` (with CRC); 0 when more bytes are needed to
  /// tell; −1 when the function code is not one with a known request length.
  static int request_length(std::span<const std::uint8_t> frame);

 private:
  void drop_all();
  std::vector<std::uint8_t> buffer_;
  std::uint64_t crc_errors_ = 0;
  std::uint64_t dropped_bytes_ = 0;
};

}  // namespace egin::devices
