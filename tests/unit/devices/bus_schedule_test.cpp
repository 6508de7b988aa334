#include "egin/devices/bus_schedule.hpp"

#include <gtest/gtest.h>

namespace egin::devices {
namespace {

LinkSettings rtu(int baud, Parity parity = Parity::kNone) {
  LinkSettings settings;
  SerialLine line;
  line.device = "/dev/ttyUSB0";
  line.baud = baud;
  line.parity = parity;
  settings.where = line;
  settings.turnaround_ms = 5.0;
  return settings;
}

// Modbus over Serial Line V1.02 §2.5.1.1: 8N1 = 10 bits per character; t3.5 = 3.5 characters,
// 1.75 ms above 19200 bit/s.
TEST(FrameTiming, CharacterAndSilence) {
  const FrameTiming t9600 = FrameTiming::of(rtu(9600));
  EXPECT_NEAR(t9600.char_ms, 10.0 / 9.6, 1e-12);
  EXPECT_NEAR(t9600.silence_ms, 3.5 * 10.0 / 9.6, 1e-12);
  const FrameTiming even = FrameTiming::of(rtu(9600, Parity::kEven));
  EXPECT_NEAR(even.char_ms, 11.0 / 9.6, 1e-12);
  EXPECT_NEAR(FrameTiming::of(rtu(38400)).silence_ms, 1.75, 1e-12);
}

// A default sensor node poll: FC 0x03 of 92 registers = 8-byte request + 189-byte response.
TEST(FrameTiming, DefaultSensorNodePollAt9600) {
  const FrameTiming t = FrameTiming::of(rtu(9600));
  const double expected = (8 + 5 + 2 * 92) * (10.0 / 9.6) + 2 * 3.5 * (10.0 / 9.6) + 5.0;
  EXPECT_NEAR(t.read_ms(92), expected, 1e-9);
  EXPECT_NEAR(t.read_ms(92), 217.5, 0.1);
  EXPECT_NEAR(t.write_ms(4), (9 + 8 + 8) * (10.0 / 9.6) + 2 * 3.5 * (10.0 / 9.6) + 5.0, 1e-9);
  LinkSettings tcp;
  tcp.turnaround_ms = 0.0;
  EXPECT_NEAR(FrameTiming::of(tcp, 2.0).read_ms(92), 2.0, 1e-12);
}

TEST(BusBudget, TwentyNodesAt9600) {
  const double t = FrameTiming::of(rtu(9600)).read_ms(92);
  std::vector<BudgetInput> nodes;
  for (int slave = 1; slave <= 20; ++slave) {
    nodes.push_back({slave, 10.0, t});
  }
  const BusBudget ten = plan_budget(nodes);
  EXPECT_TRUE(ten.fits());
  EXPECT_NEAR(ten.round_ms, 20 * t, 1e-9);
  EXPECT_NEAR(ten.utilisation, 20 * t / 10000.0, 1e-12);
  for (auto& n : nodes) {
    n.period_s = 5.0;
  }
  const BusBudget five = plan_budget(nodes);
  EXPECT_FALSE(five.fits());
  EXPECT_NEAR(five.stretch, (20 * t / 5000.0) / 0.8, 1e-12);
  EXPECT_NEAR(five.items[3].effective_period_s, 5.0 * five.stretch, 1e-12);
  EXPECT_NE(five.describe().find("stretched"), std::string::npos);
}

}  // namespace
}  // namespace egin::devices
