#include "egin/devices/word_order.hpp"

#include <bit>
#include <charconv>
#include <cmath>

namespace egin::devices {

namespace {

std::uint16_t swap_bytes(std::uint16_t word) {
  return static_cast<std::uint16_t>(((word & 0x00FFU) << 8U) | ((word & 0xFF00U) >> 8U));
}

}  // namespace

std::string_view word_order_name(WordOrder order) {
  switch (order) {
    case WordOrder::kAbcd:
      return "ABCD";
    case WordOrder::kCdab:
      return "CDAB";
    case WordOrder::kBadc:
      return "BADC";
    case WordOrder::kDcba:
      return "DCBA";
  }
  return "?";
}

std::optional<WordOrder> parse_word_order(std::string_view text) {
  for (const WordOrder order :
       {WordOrder::kAbcd, WordOrder::kCdab, WordOrder::kBadc, WordOrder::kDcba}) {
    if (text == word_order_name(order)) {
      return order;
    }
  }
  return std::nullopt;
}

std::uint32_t join_u32(std::uint16_t r0, std::uint16_t r1, WordOrder order) {
  std::uint16_t high = 0;
  std::uint16_t low = 0;
  switch (order) {
    case WordOrder::kAbcd:
      high = r0;
      low = r1;
      break;
    case WordOrder::kCdab:
      high = r1;
      low = r0;
      break;
    case WordOrder::kBadc:
      high = swap_bytes(r0);
      low = swap_bytes(r1);
      break;
    case WordOrder::kDcba:
      high = swap_bytes(r1);
      low = swap_bytes(r0);
      break;
  }
  return (static_cast<std::uint32_t>(high) << 16U) | low;
}

std::array<std::uint16_t, 2> split_u32(std::uint32_t value, WordOrder order) {
  const auto high = static_cast<std::uint16_t>(value >> 16U);
  const auto low = static_cast<std::uint16_t>(value & 0xFFFFU);
  switch (order) {
    case WordOrder::kAbcd:
      return {high, low};
    case WordOrder::kCdab:
      return {low, high};
    case WordOrder::kBadc:
      return {swap_bytes(high), swap_bytes(low)};
    case WordOrder::kDcba:
      return {swap_bytes(low), swap_bytes(high)};
  }
  return {high, low};
}

float join_f32(std::uint16_t r0, std::uint16_t r1, WordOrder order) {
  return std::bit_cast<float>(join_u32(r0, r1, order));
}

double float_as_decimal(float value) {
  if (!std::isfinite(value)) {
    return static_cast<double>(value);
  }
  char text[32];
  const auto written = std::to_chars(text, text + sizeof(text), value);
  double out = 0.0;
  std::from_chars(text, written.ptr, out);
  return out;
}

std::array<std::uint16_t, 2> split_f32(float value, WordOrder order) {
  return split_u32(std::bit_cast<std::uint32_t>(value), order);
}

}  // namespace egin::devices
