// `egin modbus scan|read|command`: the KS X 3267 master for integrators on site.
//   scan     finds the nodes on a bus (address offset probe, node information, device codes,
//            default map or KS X 3286 spec) and prints one row per node, with the bus's time
//            budget at a poll period
//   read     reads one node's sensor values and statuses, or actuator status blocks
//   command  sends one actuator command with a fresh OPID (persisted in the state directory,
//            shared with `egin serve`), confirms it from the status block, and with --wait
//            follows it to its end, printing the remaining time
// --tcp HOST:PORT or --rtu DEVICE (9600 8N1 by default). Every command is written to
// <state-dir>/commands.jsonl (the audit trail).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "egin/devices/actuator_commands.hpp"
#include "egin/devices/bus.hpp"
#include "egin/devices/bus_schedule.hpp"
#include "egin/devices/command_audit.hpp"
#include "egin/devices/discovery.hpp"
#include "egin/devices/ksx3267_codes.hpp"
#include "egin/devices/libmodbus_link.hpp"
#include "egin/devices/modbus_map.hpp"
#include "egin/devices/opid_store.hpp"
#include "modbus_support.hpp"

namespace egin::cli {

namespace {

namespace fs = std::filesystem;
namespace k = ksx3267;

// main() turns every failure into exit 2 (DESIGN.md §4): a node that is not there, a command
// that was not confirmed.
constexpr int kExitNotFound = 2;

struct CommonArgs {
  LinkArgs link;
  std::string offset = "auto";
  std::vector<std::string> specs;
  OutputFormat format = OutputFormat::kTable;
};

void add_common(CLI::App& cmd, CommonArgs& args, int default_timeout_ms) {
  add_link_options(cmd, args.link, default_timeout_ms);
  cmd.add_option("--offset", args.offset,
                 "Address offset: auto (probe 0 then -1), 0 (register N at wire N) or -1")
      ->check(CLI::IsMember({"auto", "0", "-1"}))
      ->capture_default_str();
  cmd.add_option("--spec", args.specs, "KS X 3286 node spec JSON for non-default nodes")
      ->check(CLI::ExistingFile);
  add_format_option(cmd, args.format);
}

struct Master {
  std::unique_ptr<devices::Bus> bus;
  std::vector<devices::NodeSpec> specs;
  devices::ScanOptions scan;
};

Master open_master(const CommonArgs& args, const std::string& bus_id = "cli") {
  Master master;
  const devices::LinkSettings settings = link_settings(args.link);
  master.bus = std::make_unique<devices::Bus>(bus_id, devices::open_libmodbus_link(settings));
  for (const std::string& file : args.specs) {
    auto loaded = devices::load_ksx3286_specs(file);
    master.specs.insert(master.specs.end(), loaded.begin(), loaded.end());
  }
  master.scan.specs = &master.specs;
  if (args.offset == "0") {
    master.scan.offsets = {0};
  }
  if (args.offset == "-1") {
    master.scan.offsets = {-1};
  }
  return master;
}

devices::DiscoveredNode discover_or_fail(Master& master, int slave) {
  std::string problem;
  auto node = devices::discover_node(*master.bus, slave, master.scan, &problem);
  if (!node) {
    std::fprintf(stderr, "egin modbus: no KS X 3267 node at slave %d on %s: %s\n", slave,
                 master.bus->describe().c_str(), problem.c_str());
    throw CLI::RuntimeError(kExitNotFound);
  }
  if (!node->note.empty()) {
    std::fprintf(stderr, "egin modbus: slave %d: %s\n", slave, node->note.c_str());
  }
  return std::move(*node);
}

fs::path state_dir(const std::string& flag) {
  if (!flag.empty()) {
    return flag;
  }
  if (const char* env = std::getenv("EGIN_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return "egin-data";
}

// ---- scan ----

struct ScanArgs {
  CommonArgs common;
  int first = 1;
  int last = 247;
  double period_s = 10.0;
};

int run_scan(const ScanArgs& args) {
  Master master = open_master(args.common);
  master.scan.first_slave = args.first;
  master.scan.last_slave = args.last;
  const auto started = std::chrono::steady_clock::now();
  const auto nodes = devices::scan_bus(*master.bus, master.scan);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Table table({{"slave", 0},
               {"offset", 0},
               {"type", 0},
               {"protocol", 0},
               {"company", 0},
               {"product", 0},
               {"channels", 0},
               {"serial", 0},
               {"map", 0},
               {"sensors", 0},
               {"switches", 0},
               {"openers", 0},
               {"note", 0}});
  std::vector<devices::BudgetInput> budget;
  const devices::FrameTiming timing = devices::FrameTiming::of(link_settings(args.common.link));
  for (const auto& node : nodes) {
    int switches = 0;
    int openers = 0;
    for (const auto& a : node.map.actuators) {
      (a.kind == k::ActuatorKind::kSwitch ? switches : openers)++;
    }
    table.add_row(
        {static_cast<double>(node.slave), static_cast<double>(node.address_offset),
         std::string(k::product_type_name(node.info.product_type)),
         static_cast<double>(node.info.protocol_version),
         static_cast<double>(node.info.company_code), static_cast<double>(node.info.product_code),
         static_cast<double>(node.info.channel_count), static_cast<double>(node.info.serial_number),
         std::string(devices::map_kind_name(node.kind)),
         static_cast<double>(node.map.sensors.size()), static_cast<double>(switches),
         static_cast<double>(openers), node.note});
    if (node.kind == devices::MapKind::kDefault || node.kind == devices::MapKind::kSpec) {
      budget.push_back({node.slave, args.period_s, devices::poll_transaction_ms(node.map, timing)});
    }
  }
  table.write(std::cout, args.common.format);
  std::fprintf(stderr, "egin modbus scan: %zu node(s) at slaves %d..%d of %s in %.1f s\n",
               nodes.size(), args.first, args.last, master.bus->describe().c_str(), seconds);
  if (!budget.empty()) {
    std::fprintf(stderr, "egin modbus scan: polled every %.0f s: %s\n", args.period_s,
                 devices::plan_budget(budget).describe().c_str());
  }
  return 0;
}

// ---- read ----

struct ReadArgs {
  CommonArgs common;
  std::string map;
  int slave = 1;
  int repeat = 1;
  double interval_s = 1.0;
};

void add_reading_rows(Table& table, const devices::NodeReading& reading, TimeMs t_ms) {
  const std::string time = format_iso_utc(t_ms);
  for (const auto& s : reading.sensors) {
    const auto kind = k::sensor_kind(s.channel->code);
    table.add_row({time, static_cast<double>(s.channel->slot), s.channel->id,
                   static_cast<double>(s.channel->code),
                   s.value ? Table::Cell(static_cast<double>(*s.value)) : Table::Cell{},
                   kind ? std::string(kind->unit) : std::string(), static_cast<double>(s.status),
                   std::string(k::status_name(s.status)), std::string(k::quality_name(s.quality)),
                   Table::Cell{}, Table::Cell{}});
  }
  for (const auto& a : reading.actuators) {
    table.add_row({time, static_cast<double>(a.channel->slot), a.channel->id,
                   static_cast<double>(a.channel->code), Table::Cell{}, std::string(),
                   static_cast<double>(a.status.status),
                   std::string(k::status_name(a.status.status)),
                   std::string(k::quality_name(k::status_quality(a.status.status))),
                   static_cast<double>(a.status.opid), static_cast<double>(a.status.remaining_s)});
  }
}

/// A commodity device of a generic map: one row per point.
int run_read_map(const ReadArgs& args) {
  const devices::ModbusMap map = devices::load_modbus_map(args.map);
  Master master = open_master(args.common);
  Table table({{"time", 0},
               {"point", 0},
               {"table", 0},
               {"address", 0},
               {"type", 0},
               {"value", 4},
               {"unit", 0},
               {"quantity", 0}});
  const SystemClock clock;
  int failures = 0;
  for (int i = 0; i < args.repeat; ++i) {
    if (i > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(args.interval_s));
    }
    const devices::MapRead read = devices::read_map(*master.bus, args.slave, map);
    if (!read.transfer.ok()) {
      ++failures;
      std::fprintf(stderr, "egin modbus read: slave %d (%s): %s\n", args.slave, map.name.c_str(),
                   read.transfer.message.c_str());
    }
    const std::string time = format_iso_utc(clock.now_ms());
    for (const auto& p : read.points) {
      table.add_row({time, p.point->id, std::string(devices::register_table_name(p.point->table)),
                     static_cast<double>(p.point->address),
                     std::string(devices::point_type_name(p.point->type)),
                     p.value ? Table::Cell(*p.value) : Table::Cell{}, p.point->unit,
                     p.point->quantity});
    }
  }
  table.write(std::cout, args.common.format);
  return failures == args.repeat ? kExitNotFound : 0;
}

int run_read(const ReadArgs& args) {
  if (!args.map.empty()) {
    return run_read_map(args);
  }
  Master master = open_master(args.common);
  const devices::DiscoveredNode node = discover_or_fail(master, args.slave);
  if (node.kind == devices::MapKind::kUnsupported) {
    throw CLI::RuntimeError(kExitNotFound);
  }
  Table table({{"time", 0},
               {"slot", 0},
               {"channel", 0},
               {"code", 0},
               {"value", 4},
               {"unit", 0},
               {"status", 0},
               {"meaning", 0},
               {"quality", 0},
               {"opid", 0},
               {"remaining_s", 0}});
  const SystemClock clock;
  int failures = 0;
  for (int i = 0; i < args.repeat; ++i) {
    if (i > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(args.interval_s));
    }
    const devices::NodeRead read = devices::read_node(*master.bus, args.slave, node.map);
    if (!read.transfer.ok()) {
      ++failures;
      std::fprintf(stderr, "egin modbus read: slave %d: %s\n", args.slave,
                   read.transfer.message.c_str());
      continue;
    }
    add_reading_rows(table, read.reading, clock.now_ms());
  }
  table.write(std::cout, args.common.format);
  const auto c = master.bus->counters(args.slave);
  std::fprintf(stderr,
               "egin modbus read: slave %d (%s, offset %d): %llu transactions, %llu ok, %llu "
               "timeouts, %llu CRC errors, %llu exceptions\n",
               args.slave, std::string(devices::map_kind_name(node.kind)).c_str(),
               node.address_offset, static_cast<unsigned long long>(c.transactions),
               static_cast<unsigned long long>(c.ok), static_cast<unsigned long long>(c.timeouts),
               static_cast<unsigned long long>(c.crc_errors),
               static_cast<unsigned long long>(c.exceptions));
  return failures == args.repeat ? kExitNotFound : 0;
}

// ---- command ----

struct CommandArgs {
  CommonArgs common;
  std::string map;
  std::optional<double> value;
  int slave = 1;
  std::string actuator;
  std::string command;
  std::uint32_t time_s = 0;
  bool wait = false;
  std::string by = "cli";
  std::string state_dir;
};

const devices::ActuatorChannel& find_actuator(const devices::DiscoveredNode& node,
                                              const std::string& name) {
  std::vector<std::string> names;
  for (const auto& a : node.map.actuators) {
    if (a.id == name || std::to_string(a.slot) == name) {
      return a;
    }
    names.push_back(a.id);
  }
  throw InputError({"", 0, "--actuator"},
                   fmt::format("slave {} has no actuator '{}'", node.slave, name),
                   names.empty() ? std::string("an actuator node")
                                 : fmt::format("one of {}", fmt::join(names, ", ")));
}

void print_record(const devices::CommandRecord& record, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    std::cout << devices::command_record_json(record) << "\n";
    return;
  }
  Table table({{"id", 0},
               {"actuator", 0},
               {"command", 0},
               {"time_s", 0},
               {"opid", 0},
               {"attempts", 0},
               {"result", 0},
               {"status", 0},
               {"remaining_s", 0},
               {"detail", 0}});
  table.add_row({record.id, record.actuator, record.command, static_cast<double>(record.time_s),
                 static_cast<double>(record.opid), static_cast<double>(record.attempts),
                 std::string(devices::command_result_name(record.result)),
                 std::string(k::status_name(record.status)),
                 static_cast<double>(record.remaining_s), record.detail});
  table.write(std::cout, format);
}

/// A point of a generic map: on/off for coils, --value for writable registers.
int run_command_map(const CommandArgs& args) {
  const devices::ModbusMap map = devices::load_modbus_map(args.map);
  const devices::MapPoint* point = map.find(args.actuator);
  if (point == nullptr || !point->writable) {
    std::vector<std::string> names;
    for (const auto& p : map.points) {
      if (p.writable) {
        names.push_back(p.id);
      }
    }
    throw InputError({"", 0, "--actuator"},
                     fmt::format("'{}' is not a writable point of {}", args.actuator, map.name),
                     fmt::format("one of {}", fmt::join(names, ", ")));
  }
  double value = 0.0;
  if (point->table == devices::RegisterTable::kCoil) {
    if (args.command != "on" && args.command != "off") {
      throw InputError({"", 0, "--do"}, fmt::format("'{}' for a relay output", args.command),
                       "on or off");
    }
    value = args.command == "on" ? 1.0 : 0.0;
  } else {
    if (!args.value || *args.value < point->min || *args.value > point->max) {
      throw InputError({"", 0, "--value"}, "missing or out of range",
                       fmt::format("{} to {} {}", point->min, point->max, point->unit));
    }
    value = *args.value;
  }
  Master master = open_master(args.common);
  const devices::TransferResult written =
      devices::write_point(*master.bus, args.slave, *point, value);
  if (!written.ok()) {
    std::fprintf(stderr, "egin modbus command: %s: %s\n", point->id.c_str(),
                 written.message.c_str());
    return kExitNotFound;
  }
  const devices::MapRead back = devices::read_map(*master.bus, args.slave, map);
  for (const auto& p : back.points) {
    if (p.point->id == point->id && p.value) {
      std::printf("%s = %g %s\n", point->id.c_str(), *p.value, point->unit.c_str());
      return *p.value == value ? 0 : kExitNotFound;
    }
  }
  std::fprintf(stderr, "egin modbus command: %s written, not read back: %s\n", point->id.c_str(),
               back.transfer.message.c_str());
  return kExitNotFound;
}

int run_command(const CommandArgs& args) {
  if (!args.map.empty()) {
    return run_command_map(args);
  }
  Master master = open_master(args.common);
  const devices::DiscoveredNode node = discover_or_fail(master, args.slave);
  const devices::ActuatorChannel& channel = find_actuator(node, args.actuator);
  const auto command = k::parse_command(args.command, channel.kind);
  if (!command) {
    throw InputError(
        {"", 0, "--do"},
        fmt::format("'{}' is not a {} command", args.command, k::actuator_kind_name(channel.kind)),
        channel.kind == k::ActuatorKind::kSwitch
            ? "off, on, timed_on (level 2: directional_on)"
            : "stop, open, close, timed_open, timed_close (level 2: set_position, "
              "set_config)");
  }
  const fs::path dir = state_dir(args.state_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  devices::OpidFile opids(dir / "opid-state");
  devices::CommandAuditLog audit(dir / "commands.jsonl");
  devices::CommandIds ids;
  const SystemClock clock;
  devices::CommandRequest request;
  request.command = *command;
  request.time_s = args.time_s;
  request.requested_by = args.by;
  request.origin = "cli";
  request.target = fmt::format("{}/{}/{}", master.bus->describe(), args.slave, channel.id);
  devices::CommandRecord record = devices::execute_command(*master.bus, args.slave, channel,
                                                           request, opids, &audit, clock, ids);
  if (args.wait && record.result == devices::CommandResult::kConfirmed) {
    // Follow the status block to the end: KOAT shows the remaining time on the controller.
    devices::CommandTracker tracker(&audit);
    tracker.track(record);
    std::vector<std::uint16_t> block(static_cast<std::size_t>(channel.status_length));
    for (;;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      const auto transfer = master.bus->read(args.slave, channel.status_first, block);
      if (!transfer.ok()) {
        continue;
      }
      const auto status = devices::decode_actuator(channel, block);
      std::fprintf(stderr, "egin modbus command: %s %s OPID %u status %u (%s) remaining %u s\n",
                   channel.id.c_str(), record.command.c_str(), status.opid, status.status,
                   std::string(k::status_name(status.status)).c_str(), status.remaining_s);
      const auto ended =
          tracker.observe(master.bus->id(), args.slave, channel.slot, status, clock.now_ms());
      if (!ended.empty()) {
        record = ended.front();
        break;
      }
      if (!k::is_timed(*command) && channel.kind == k::ActuatorKind::kSwitch) {
        break;  // ON holds
      }
    }
  }
  print_record(record, args.common.format);
  const bool ok = record.result == devices::CommandResult::kConfirmed ||
                  record.result == devices::CommandResult::kFinished;
  if (record.result == devices::CommandResult::kRefused) {
    throw InputError({"", 0, "--do"}, record.detail, "a command the device's level allows");
  }
  return ok ? 0 : kExitNotFound;
}

}  // namespace

void add_modbus_command(CLI::App& app) {
  CLI::App* modbus = app.add_subcommand(
      "modbus",
      "KS X 3267 Modbus master for integrators: scan a bus, read a node, command an "
      "actuator");
  modbus->require_subcommand(1);

  auto scan = std::make_shared<ScanArgs>();
  CLI::App* s = modbus->add_subcommand("scan", "Find the KS X 3267 nodes on a bus");
  add_common(*s, scan->common, 200);
  s->add_option("--from", scan->first, "First slave address")
      ->check(CLI::Range(1, 247))
      ->capture_default_str();
  s->add_option("--to", scan->last, "Last slave address")
      ->check(CLI::Range(1, 247))
      ->capture_default_str();
  s->add_option("--period", scan->period_s, "Poll period for the time-budget line (s)")
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str();
  s->callback([scan] {
    if (const int code = run_scan(*scan); code != 0) {
      throw CLI::RuntimeError(code);
    }
  });

  auto read = std::make_shared<ReadArgs>();
  CLI::App* r = modbus->add_subcommand("read", "Read one node's values and statuses");
  add_common(*r, read->common, 500);
  r->add_option("--slave", read->slave, "Slave address")->check(CLI::Range(1, 247))->required();
  r->add_option("--map", read->map, "A commodity device's generic Modbus map (data/modbus/*.toml)")
      ->check(CLI::ExistingFile);
  r->add_option("--repeat", read->repeat, "Read this many times")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  r->add_option("--interval", read->interval_s, "Seconds between reads")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  r->callback([read] {
    if (const int code = run_read(*read); code != 0) {
      throw CLI::RuntimeError(code);
    }
  });

  auto command = std::make_shared<CommandArgs>();
  CLI::App* c = modbus->add_subcommand("command", "Send one actuator command (OPID handshake)");
  add_common(*c, command->common, 500);
  c->add_option("--slave", command->slave, "Slave address")->check(CLI::Range(1, 247))->required();
  c->add_option("--map", command->map,
                "A commodity device's generic Modbus map: --actuator names a writable point")
      ->check(CLI::ExistingFile);
  c->add_option("--value", command->value, "Value for a writable register point (with --map)");
  c->add_option("--actuator", command->actuator, "Actuator: switch_3, opener_1, or a slot number")
      ->required();
  c->add_option("--do", command->command,
                "off, on, timed_on (switch); stop, open, close, timed_open, timed_close (opener)")
      ->default_str("set");
  c->add_option("--time", command->time_s, "Seconds, for timed_on / timed_open / timed_close")
      ->check(CLI::Range(0, 604800));
  c->add_flag("--wait", command->wait,
              "Follow the command to its end, printing the remaining time");
  c->add_option("--by", command->by, "Who asks (written to the audit trail)")
      ->capture_default_str();
  c->add_option(
      "--state-dir", command->state_dir,
      "Directory of opid-state and commands.jsonl; default $EGIN_DATA_DIR or ./egin-data");
  c->callback([command] {
    if (const int code = run_command(*command); code != 0) {
      throw CLI::RuntimeError(code);
    }
  });
}

}  // namespace egin::cli
