// Modbus / KS X 3267 speed: the decode path of a poll (one register block → values, statuses,
// qualities) against the 1 µs target, and a bus of 20 default sensor nodes at 9600 baud polled
// for real — libmodbus's RTU master on a pseudo-terminal, `egin node-sim`'s server on the other
// end answering after the frames' time on a 9600-baud line — beside the time-budget model
// (bus_schedule.hpp) that the scheduler plans with.
// Read "ns/block" as the Time column; the counters of BM_PollRound20NodesAt9600 are ms.
#include <benchmark/benchmark.h>

#include <pty.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/devices/bus.hpp"
#include "egin/devices/bus_poller.hpp"
#include "egin/devices/bus_schedule.hpp"
#include "egin/devices/discovery.hpp"
#include "egin/devices/ksx3267_codec.hpp"
#include "egin/devices/ksx3267_registers.hpp"
#include "egin/devices/libmodbus_link.hpp"
#include "egin/devices/node_map.hpp"
#include "egin/devices/sim_node.hpp"
#include "egin/devices/sim_server.hpp"

namespace d = egin::devices;
namespace k = egin::ksx3267;

namespace {

k::NodeInfo info(std::uint16_t type, std::uint16_t channels) {
  k::NodeInfo i;
  i.product_type = type;
  i.protocol_version = k::kProtocolKsx3267;
  i.channel_count = channels;
  return i;
}

/// The 92 registers 201..292 of a default sensor node, as the simulator fills them.
std::vector<std::uint16_t> sensor_block() {
  std::vector<std::uint16_t> regs(92, 0);
  for (int slot = 1; slot <= 30; ++slot) {
    const auto words = d::split_f32(20.0F + 0.1F * static_cast<float>(slot), d::WordOrder::kCdab);
    regs[static_cast<std::size_t>(k::sensor_value_reg(slot) - 201)] = words[0];
    regs[static_cast<std::size_t>(k::sensor_value_reg(slot) - 201 + 1)] = words[1];
    regs[static_cast<std::size_t>(k::sensor_status_reg(slot) - 201)] =
        slot % 7 == 0 ? k::kStatusNeedCalibration : k::kStatusReady;
  }
  return regs;
}

// One poll's decode: 30 slots (float32 CDAB value, status, quality) from the register image.
void BM_DecodeSensorNodeBlock(benchmark::State& state) {
  const d::NodeMap map =
      d::default_node_map(info(1, 30), d::default_device_codes(k::kProductSensorNode));
  d::RegisterImage image;
  image.add(201, sensor_block());
  for (auto _ : state) {
    d::NodeReading reading = d::decode_node(map, image);
    benchmark::DoNotOptimize(reading);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("92 registers, 30 slots");
}
BENCHMARK(BM_DecodeSensorNodeBlock);

// The same with the bytes of the FC 0x03 response turned into registers first.
void BM_ParseAndDecodeSensorResponse(benchmark::State& state) {
  const d::NodeMap map =
      d::default_node_map(info(1, 30), d::default_device_codes(k::kProductSensorNode));
  const std::vector<std::uint16_t> regs = sensor_block();
  std::vector<std::uint8_t> pdu{0x03, static_cast<std::uint8_t>(regs.size() * 2)};
  for (const std::uint16_t r : regs) {
    pdu.push_back(static_cast<std::uint8_t>(r >> 8U));
    pdu.push_back(static_cast<std::uint8_t>(r & 0xFFU));
  }
  for (auto _ : state) {
    const auto parsed = k::parse_read_response_pdu(pdu, regs.size());
    d::RegisterImage image;
    image.add(201, *parsed.value);
    d::NodeReading reading = d::decode_node(map, image);
    benchmark::DoNotOptimize(reading);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("187-byte PDU, 30 slots");
}
BENCHMARK(BM_ParseAndDecodeSensorResponse);

// An actuator node's 98 registers 201..298: 24 status blocks.
void BM_DecodeActuatorNodeBlock(benchmark::State& state) {
  const d::NodeMap map =
      d::default_node_map(info(2, 24), d::default_device_codes(k::kProductActuatorNode));
  d::RegisterImage image;
  std::vector<std::uint16_t> regs(98, 0);
  for (std::size_t i = 2; i + 3 < regs.size(); i += 4) {
    regs[i] = static_cast<std::uint16_t>(i);
    regs[i + 1] = k::kStatusSwitchOn;
    regs[i + 2] = 30;
  }
  image.add(201, regs);
  for (auto _ : state) {
    d::NodeReading reading = d::decode_node(map, image);
    benchmark::DoNotOptimize(reading);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("98 registers, 24 actuators");
}
BENCHMARK(BM_DecodeActuatorNodeBlock);

void BM_DecodeNodeInfo(benchmark::State& state) {
  const std::vector<std::uint16_t> regs{0, 0, 1, 0, 10, 30, 1, 0};
  for (auto _ : state) {
    auto decoded = k::decode_node_info(regs);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecodeNodeInfo);

// 20 default sensor nodes on one 9600 8N1 line (a pty with the frames' time emulated), polled
// by the bus scheduler: one iteration is one round, every node once.
void BM_PollRound20NodesAt9600(benchmark::State& state) {
  int master_fd = -1;
  int slave_fd = -1;
  char name[128] = {};
  if (openpty(&master_fd, &slave_fd, name, nullptr, nullptr) != 0) {
    state.SkipWithError("openpty failed");
    return;
  }
  const egin::SystemClock clock;
  d::SyntheticEnvironment environment({});
  d::SimServer server(environment, clock);
  for (int slave = 1; slave <= 20; ++slave) {
    d::SimNodeConfig node;
    node.slave = slave;
    server.add_node(node);
  }
  d::SerialLine line;
  line.baud = 9600;
  server.start_rtu_fd(master_fd, line, true);
  d::LinkSettings settings;
  d::SerialLine master_line = line;
  master_line.device = name;
  settings.where = master_line;
  settings.response_timeout_ms = 1000;
  d::Bus bus("bench", d::open_libmodbus_link(settings));
  const d::NodeMap map =
      d::default_node_map(info(1, 30), d::default_device_codes(k::kProductSensorNode));
  egin::ManualClock poll_clock(0);
  d::BusPoller poller(bus, d::FrameTiming::of(settings), poll_clock);
  for (int slave = 1; slave <= 20; ++slave) poller.add_node(slave, map, 10.0);
  int good = 0;
  for (auto _ : state) {
    poll_clock.advance(10'000);  // every node due: one round
    poller.step([&](const d::PolledNode& p) { good += p.ok ? 1 : 0; });
  }
  const d::BusBudget budget = poller.budget();
  state.counters["model_round_ms"] = budget.round_ms;
  state.counters["model_node_ms"] = budget.round_ms / 20.0;
  state.counters["utilisation_at_10s"] = budget.utilisation;
  state.counters["good_polls"] = good;
  state.SetLabel("20 nodes x 92 registers, 9600 8N1");
  server.stop();
  close(slave_fd);
}
BENCHMARK(BM_PollRound20NodesAt9600)->Iterations(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
