// `egin node-sim`: a simulated KS X 3267 node (or a bus of them) on Modbus TCP and/or RTU, for
// integrators without hardware and for egin's own tests: the Annex A default map, the OPID
// handshake, timed commands counting down, exceptions 0x02/0x03 as the standard asks, values
// from a deterministic synthetic source (or, later, the greenhouse twin). Prints one line per
// front-end ("node-sim: tcp 127.0.0.1:1502", "node-sim: rtu /dev/pts/3") once it serves, and
// runs until SIGTERM or SIGINT.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/input_error.hpp"
#include "egin/devices/sim_config.hpp"
#include "egin/devices/sim_server.hpp"
#include "modbus_support.hpp"

namespace egin::cli {

namespace {

struct NodeSimArgs {
  std::string tcp;
  std::string rtu;
  int baud = 9600;
  std::string type;
  std::string config;
  std::string map;
  int slave = 1;
  int count = 1;
  int address_offset = 0;
  std::string opid_after_done = "echo";
  int company_code = 0;
  bool emulate_line_speed = false;
};

int run_node_sim(const NodeSimArgs& args) {
  if (args.tcp.empty() && args.rtu.empty()) {
    throw InputError({"", 0, "--tcp/--rtu"}, "nothing to serve on",
                     "--tcp HOST:PORT and/or --rtu DEVICE");
  }
  devices::SimConfig config;
  if (!args.config.empty()) {
    config = devices::load_sim_config(args.config);
  }
  std::optional<devices::ModbusMap> map;
  if (!args.map.empty()) {
    map = devices::load_modbus_map(args.map);
  }
  if (config.nodes.empty() && !map) {
    if (args.type.empty()) {
      throw InputError({"", 0, "--type"}, "no node type and no [[nodes]] in --config",
                       "--type sensor or --type actuator");
    }
    const auto product = devices::parse_node_type(args.type);
    if (!product) {
      throw InputError({"", 0, "--type"}, "unknown node type '" + args.type + "'",
                       "sensor or actuator");
    }
    if (args.slave + args.count - 1 > 247) {
      throw InputError({"", 0, "--count"}, "slave addresses beyond 247",
                       "--slave + --count - 1 <= 247");
    }
    for (int i = 0; i < args.count; ++i) {
      devices::SimNodeConfig node;
      node.slave = args.slave + i;
      node.product_type = *product;
      node.address_offset = args.address_offset;
      node.company_code = static_cast<std::uint16_t>(args.company_code);
      node.serial_number = static_cast<std::uint32_t>(node.slave);
      node.opid_after_done = args.opid_after_done == "zero" ? devices::OpidAfterDone::kZero
                                                            : devices::OpidAfterDone::kEcho;
      config.nodes.push_back(node);
    }
  }
  const SystemClock clock;
  config.synthetic.t0_ms = clock.now_ms();
  StopSignals signals;  // before any thread starts
  devices::SyntheticEnvironment environment(config.synthetic);
  devices::SimServer server(environment, clock);
  for (const auto& node : config.nodes) {
    server.add_node(node);
  }
  if (map) {
    for (int i = 0; i < args.count; ++i) {
      server.add_map_node(args.slave + i, *map);
    }
  }
  if (!args.tcp.empty()) {
    const devices::TcpEndpoint endpoint = devices::parse_tcp_endpoint(args.tcp, "--tcp", true);
    const int port = server.start_tcp(endpoint);
    std::printf("node-sim: tcp %s:%d\n", endpoint.host.c_str(), port);
  }
  if (!args.rtu.empty()) {
    devices::SerialLine line;
    line.device = args.rtu;
    line.baud = args.baud;
    server.start_rtu(line, args.emulate_line_speed);
    std::printf("node-sim: rtu %s\n", args.rtu.c_str());
  }
  const std::size_t nodes = config.nodes.size() + (map ? static_cast<std::size_t>(args.count) : 0U);
  const int first = config.nodes.empty() ? args.slave : config.nodes.front().slave;
  const int last = map ? args.slave + args.count - 1 : config.nodes.back().slave;
  std::printf("node-sim: %zu node(s), slaves %d..%d\n", nodes, first, last);
  std::fflush(stdout);
  signals.wait();
  server.stop();
  const auto stats = server.stats();
  std::fprintf(stderr, "node-sim: %llu requests, %llu replies, %llu exceptions, %llu CRC errors\n",
               static_cast<unsigned long long>(stats.requests),
               static_cast<unsigned long long>(stats.replies),
               static_cast<unsigned long long>(stats.exceptions),
               static_cast<unsigned long long>(stats.crc_errors));
  return 0;
}

}  // namespace

void add_node_sim_command(CLI::App& app) {
  auto args = std::make_shared<NodeSimArgs>();
  CLI::App* cmd = app.add_subcommand(
      "node-sim", "Simulate KS X 3267 sensor/actuator nodes on Modbus TCP and/or RTU");
  cmd->add_option("--tcp", args->tcp, "Serve Modbus TCP on HOST:PORT (port 0: any free port)");
  cmd->add_option("--rtu", args->rtu, "Serve Modbus RTU on a serial device or pseudo-terminal");
  cmd->add_option("--baud", args->baud, "RTU bit rate (for --emulate-line-speed)")
      ->capture_default_str();
  cmd->add_option("--type", args->type,
                  "Node type: sensor (30 slots) or actuator (16 switches + 8 openers)")
      ->check(CLI::IsMember({"sensor", "actuator"}));
  cmd->add_option("--config", args->config, "Simulator TOML: [synthetic] values, [[nodes]]");
  cmd->add_option("--map", args->map,
                  "Simulate a commodity device of a generic Modbus map (data/modbus/*.toml) at "
                  "--slave (with --count: several)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--slave", args->slave, "First slave address")
      ->check(CLI::Range(1, 247))
      ->capture_default_str();
  cmd->add_option("--count", args->count, "Number of nodes (consecutive addresses)")
      ->check(CLI::Range(1, 247))
      ->capture_default_str();
  cmd->add_option("--address-offset", args->address_offset,
                  "Wire address minus register number: 0, or -1 for N-1 nodes")
      ->check(CLI::Range(-1, 0))
      ->capture_default_str();
  cmd->add_option("--opid-after-done", args->opid_after_done,
                  "Status OPID after a command ends: echo or zero")
      ->check(CLI::IsMember({"echo", "zero"}))
      ->capture_default_str();
  cmd->add_option("--company", args->company_code,
                  "Company code (non-zero: a KS X 3286 node that needs a spec)")
      ->check(CLI::Range(0, 65535));
  cmd->add_flag("--emulate-line-speed", args->emulate_line_speed,
                "RTU: answer after the frames' time at --baud (pty buses behave like RS485)");
  cmd->callback([args] {
    const int code = run_node_sim(*args);
    if (code != 0) {
      throw CLI::RuntimeError(code);
    }
  });
}

}  // namespace egin::cli
