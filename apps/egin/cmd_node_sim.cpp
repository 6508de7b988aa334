// `egin node-sim`: a simulated KS X 3267 node (or a bus of them) on Modbus TCP and/or RTU, for
// integrators without hardware and for egin's own tests: the Annex A default map, the OPID
// handshake, timed commands counting down, exceptions 0x02/0x03 as the standard asks, values
// from a deterministic synthetic source or, with --twin, from the greenhouse twin under the
// climate computer (node_sim_twin.hpp: its sensors read the simulated climate, its openers and
// switches hold the twin's vents, screens, CO2 and fogging in manual). Prints one line per
// front-end ("node-sim: tcp 127.0.0.1:1502", "node-sim: rtu /dev/pts/3") once it serves, then
// "node-sim: N node(s), slaves A..B", and runs until SIGTERM or SIGINT.
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
#include "egin/runtime/twin_actuators.hpp"
#include "modbus_support.hpp"
#include "node_sim_twin.hpp"

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
  NodeSimTwinOptions twin;  // twin.design empty: the synthetic source
  bool twin_flags = false;  // a twin flag other than --twin was given
  bool twin_given = false;  // --twin, with or without a design
};

int run_node_sim(NodeSimArgs args) {
  if (args.tcp.empty() && args.rtu.empty()) {
    throw InputError({"", 0, "--tcp/--rtu"}, "nothing to serve on",
                     "--tcp HOST:PORT and/or --rtu DEVICE");
  }
  devices::SimConfig config;
  if (!args.config.empty()) {
    config = devices::load_sim_config(args.config);
  }
  const bool twin = args.twin_given;
  if (twin && args.twin.design.empty()) {
    args.twin.design = kNodeSimTwinDesign;
  }
  if (!twin && args.twin_flags) {
    throw InputError({"", 0, "--twin"},
                     "--controller-config, --weather, --speed, --clock-start, --report-s and "
                     "--manual-hold-s are for the twin",
                     "--twin DESIGN (e.g. turkistan-korean-multispan) with them");
  }
  if (twin && !args.map.empty()) {
    throw InputError({"", 0, "--map"},
                     "a commodity device of a generic map is not wired to the twin",
                     "--twin with KS X 3267 nodes (--type or [[nodes]] in --config)");
  }
  if (twin && !args.config.empty() &&
      (config.synthetic.amplitude != 0.0 || !config.synthetic.status_cycle.empty() ||
       !config.synthetic.base.empty() || !config.synthetic.slot_value.empty())) {
    throw InputError({args.config, 0, "synthetic"}, "synthetic values with --twin",
                     "no [synthetic] table: the twin gives the values");
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
      if (twin) {
        // Closed to open as fast as the twin's vent motors, so that the node's position and the
        // twin's agree (the demo's nodes.toml does the same).
        node.travel_s = 60.0 / runtime::ActuatorTravel{}.vent_frac_per_min;
      }
      config.nodes.push_back(node);
    }
  }
  const SystemClock system_clock;
  config.synthetic.t0_ms = system_clock.now_ms();
  StopSignals signals;  // before any thread starts
  devices::SyntheticEnvironment synthetic(config.synthetic);
  std::unique_ptr<NodeSimTwin> greenhouse;
  if (twin) {
    greenhouse = NodeSimTwin::open(args.twin, config.nodes);
  }
  const Clock& clock = greenhouse ? greenhouse->clock() : system_clock;
  devices::NodeEnvironment& environment =
      greenhouse ? greenhouse->environment() : static_cast<devices::NodeEnvironment&>(synthetic);
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
  if (greenhouse) {
    std::printf("node-sim: twin %s\n", greenhouse->describe().c_str());
  }
  std::printf("node-sim: %zu node(s), slaves %d..%d\n", nodes, first, last);
  std::fflush(stdout);
  if (greenhouse) {
    greenhouse->start();
  }
  signals.wait();
  server.stop();
  if (greenhouse) {
    greenhouse->stop();
  }
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
  auto twin_flag = [args](CLI::Option* o) {
    return o->each([args](const std::string&) { args->twin_flags = true; });
  };
  CLI::Option* twin_option =
      cmd->add_option(
             "--twin", args->twin.design,
             std::string("Back the nodes with the greenhouse twin under the climate computer: "
                         "a design name in data/greenhouses or a design TOML (no value: ") +
                 kNodeSimTwinDesign +
                 "); sensor slots read the twin, openers and switches hold its vents, "
                 "screens, CO2 and fogging in manual (wired by device code)")
          ->expected(0, 1);
  twin_flag(cmd->add_option("--controller-config", args->twin.controller_config,
                            std::string("With --twin: the climate computer's settings, a TOML or "
                                        "a name in data/controllers (default ") +
                                kNodeSimTwinController + ")"));
  twin_flag(cmd->add_option("--weather", args->twin.weather,
                            std::string("With --twin: a sub-daily weather CSV (default data/") +
                                kNodeSimTwinWeather + ")"));
  twin_flag(cmd->add_option("--speed", args->twin.speed,
                            "With --twin: site seconds per real second, 1 to 100000 (the nodes' "
                            "timed commands and travel run on site time too)")
                ->capture_default_str());
  twin_flag(cmd->add_option("--clock-start", args->twin.clock_start,
                            std::string("With --twin: the site time at start, ISO 8601 (default ") +
                                kNodeSimTwinStart + "; inside the weather)"));
  twin_flag(cmd->add_option("--report-s", args->twin.report_s,
                            "With --twin: site seconds between the twin's status lines on stdout "
                            "(0: none; else 60 to 86400)")
                ->capture_default_str());
  twin_flag(cmd->add_option("--manual-hold-s", args->twin.manual_hold_s,
                            "With --twin: a node command holds its twin actuator in manual this "
                            "long (site s), then the climate computer takes over")
                ->check(CLI::Range(60.0, 86400.0))
                ->capture_default_str());
  cmd->callback([args, twin_option] {
    args->twin_given = twin_option->count() > 0;
    const int code = run_node_sim(*args);
    if (code != 0) {
      throw CLI::RuntimeError(code);
    }
  });
}

}  // namespace egin::cli
