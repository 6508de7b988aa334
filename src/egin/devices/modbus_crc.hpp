// CRC-16/MODBUS: the error check of every Modbus RTU frame (polynomial 0xA001 reflected,
// initial value 0xFFFF), appended low byte first (Modbus over Serial Line V1.02 §2.5.1.2 and
// §6.2.2). Used by the simulator's RTU framing and the tests that build frames by hand; the
// master leaves this to libmodbus.
#pragma once

#include <cstdint>
#include <span>

namespace egin::devices {

std::uint16_t modbus_crc16(std::span<const std::uint8_t> bytes);

/// True when the last two bytes of `frame` are the CRC of the bytes before them (low byte first).
bool modbus_crc_ok(std::span<const std::uint8_t> frame);

}  // namespace egin::devices
