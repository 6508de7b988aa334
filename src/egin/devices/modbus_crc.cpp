#include "egin/devices/modbus_crc.hpp"

namespace egin::devices {

std::uint16_t modbus_crc16(std::span<const std::uint8_t> bytes) {
  // Modbus over Serial Line V1.02 §6.2.2: for each byte, XOR into the low byte of the register,
  // then 8 times shift right, XOR 0xA001 when the bit shifted out was 1.
  std::uint16_t crc = 0xFFFF;
  for (const std::uint8_t byte : bytes) {
    crc = static_cast<std::uint16_t>(crc ^ byte);
    for (int bit = 0; bit < 8; ++bit) {
      const bool lsb = (crc & 0x0001U) != 0;
      crc = static_cast<std::uint16_t>(crc >> 1U);
      if (lsb) {
        crc = static_cast<std::uint16_t>(crc ^ 0xA001U);
      }
    }
  }
  return crc;
}

bool modbus_crc_ok(std::span<const std::uint8_t> frame) {
  if (frame.size() < 3) {
    return false;
  }
  const std::uint16_t crc = modbus_crc16(frame.first(frame.size() - 2));
  const auto lo = frame[frame.size() - 2];
  const auto hi = frame[frame.size() - 1];
  return lo == (crc & 0xFFU) && hi == (crc >> 8U);
}

}  // namespace egin::devices
