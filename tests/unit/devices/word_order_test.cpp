#include "egin/devices/word_order.hpp"

#include <gtest/gtest.h>

#include <bit>

namespace egin::devices {
namespace {

// KS X 3267 §4.3.3 (reference §1.2 [S5][S7][S4]): 28.8 °C = 0x41E66666 → reg n = 0x6666,
// reg n+1 = 0x41E6.
TEST(WordOrder, StandardExampleIsLowWordFirst) {
  const auto regs = split_f32(28.8F, WordOrder::kCdab);
  EXPECT_EQ(regs[0], 0x6666);
  EXPECT_EQ(regs[1], 0x41E6);
  EXPECT_EQ(std::bit_cast<std::uint32_t>(28.8F), 0x41E66666U);
  EXPECT_FLOAT_EQ(join_f32(0x6666, 0x41E6, WordOrder::kCdab), 28.8F);
}

// Reference §1.2 real capture [S6c]: bytes 5C FA 41 BA on the wire = 0x41BA5CFA, "23.3 °C" in
// the source: the float is 23.2954 (shown to one decimal). 23.3 itself is 0x41BA6666.
TEST(WordOrder, CapturedFrameDecodesToTheNodesTemperature) {
  const float value = join_f32(0x5CFA, 0x41BA, WordOrder::kCdab);
  EXPECT_NEAR(value, 23.2954F, 1e-4F);
  EXPECT_NEAR(float_as_decimal(value), 23.3, 0.005);
  EXPECT_EQ(split_f32(23.3F, WordOrder::kCdab), (std::array<std::uint16_t, 2>{0x6666, 0x41BA}));
  EXPECT_DOUBLE_EQ(float_as_decimal(join_f32(0x6666, 0x41BA, WordOrder::kCdab)), 23.3);
}

TEST(WordOrder, EveryOrderRoundTripsAndDiffers) {
  const std::uint32_t value = 0x11223344U;
  EXPECT_EQ(split_u32(value, WordOrder::kAbcd), (std::array<std::uint16_t, 2>{0x1122, 0x3344}));
  EXPECT_EQ(split_u32(value, WordOrder::kCdab), (std::array<std::uint16_t, 2>{0x3344, 0x1122}));
  EXPECT_EQ(split_u32(value, WordOrder::kBadc), (std::array<std::uint16_t, 2>{0x2211, 0x4433}));
  EXPECT_EQ(split_u32(value, WordOrder::kDcba), (std::array<std::uint16_t, 2>{0x4433, 0x2211}));
  for (const WordOrder order :
       {WordOrder::kAbcd, WordOrder::kCdab, WordOrder::kBadc, WordOrder::kDcba}) {
    const auto regs = split_u32(value, order);
    EXPECT_EQ(join_u32(regs[0], regs[1], order), value) << word_order_name(order);
    EXPECT_EQ(parse_word_order(word_order_name(order)), order);
  }
  EXPECT_FALSE(parse_word_order("cdab").has_value());
}

TEST(WordOrder, FloatAsDecimalKeepsTheFloatsDigits) {
  EXPECT_DOUBLE_EQ(float_as_decimal(450.0F), 450.0);
  EXPECT_DOUBLE_EQ(float_as_decimal(0.1F), 0.1);
  EXPECT_DOUBLE_EQ(float_as_decimal(-12.75F), -12.75);
  EXPECT_NE(static_cast<double>(23.3F), 23.3);  // why the function exists
}

}  // namespace
}  // namespace egin::devices
