// WordOrder: how a 32-bit value (float32, uint32, int32) is spread over two 16-bit Modbus
// registers. Modbus itself defines only 16-bit registers, big-endian inside the word (Modbus
// Application Protocol V1.1b3 §4.2); the order of the two words is the device's choice.
// KS X 3267 §4.3.3 puts the low word first ("CDAB": 28.8 °C = 0x41E66666 → reg n = 0x6666,
// reg n+1 = 0x41E6); many commodity devices put the high word first ("ABCD").
// It must not know registers' meaning.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace egin::devices {

/// Byte order of the 4 bytes A B C D of a big-endian 32-bit value as they appear on the wire
/// (first register's high byte first).
enum class WordOrder {
  kAbcd,  // high word first, big-endian words (Modbus "big-endian")
  kCdab,  // low word first, big-endian words (KS X 3267 §4.3.3)
  kBadc,  // high word first, bytes swapped in each word
  kDcba,  // fully little-endian
};

std::string_view word_order_name(WordOrder order);  // "ABCD", "CDAB", "BADC", "DCBA"
std::optional<WordOrder> parse_word_order(std::string_view text);

/// The 32-bit value held by registers r0, r1 (in wire order) under `order`.
std::uint32_t join_u32(std::uint16_t r0, std::uint16_t r1, WordOrder order);
/// The two registers (wire order) that carry `value` under `order`.
std::array<std::uint16_t, 2> split_u32(std::uint32_t value, WordOrder order);

float join_f32(std::uint16_t r0, std::uint16_t r1, WordOrder order);

/// The double whose shortest decimal form is the float's (23.3F → 23.3, not 23.299999237…):
/// a float32 from a node carries ~7 significant digits and is stored as what it says.
double float_as_decimal(float value);
std::array<std::uint16_t, 2> split_f32(float value, WordOrder order);

}  // namespace egin::devices
