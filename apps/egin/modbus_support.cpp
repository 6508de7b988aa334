#include "modbus_support.hpp"

#include <pthread.h>
#include <csignal>

#include "egin/core/input_error.hpp"

namespace egin::cli {

void add_link_options(CLI::App& command, LinkArgs& args, int default_timeout_ms) {
  args.timeout_ms = default_timeout_ms;
  command.add_option("--tcp", args.tcp, "Modbus TCP: HOST:PORT (or PORT on 127.0.0.1)");
  command.add_option("--rtu", args.rtu, "Modbus RTU: serial device, e.g. /dev/ttyUSB0");
  command.add_option("--baud", args.baud, "RTU bit rate")->capture_default_str();
  command.add_option("--parity", args.parity, "RTU parity: none, even, odd")->capture_default_str();
  command.add_option("--data-bits", args.data_bits, "RTU data bits")->capture_default_str();
  command.add_option("--stop-bits", args.stop_bits, "RTU stop bits")->capture_default_str();
  command.add_option("--timeout-ms", args.timeout_ms, "Response timeout per transaction")
      ->capture_default_str();
}

devices::LinkSettings link_settings(const LinkArgs& args) {
  if (args.tcp.empty() == args.rtu.empty()) {
    throw InputError({"", 0, "--tcp/--rtu"}, "give exactly one of --tcp and --rtu",
                     "--tcp HOST:PORT or --rtu /dev/ttyUSB0");
  }
  devices::LinkSettings settings;
  if (!args.tcp.empty()) {
    settings.where = devices::parse_tcp_endpoint(args.tcp, "--tcp");
  } else {
    devices::SerialLine line;
    line.device = args.rtu;
    line.baud = args.baud;
    line.parity = devices::parse_parity(args.parity, "--parity");
    line.data_bits = args.data_bits;
    line.stop_bits = args.stop_bits;
    settings.where = line;
  }
  settings.response_timeout_ms = args.timeout_ms;
  settings.byte_timeout_ms = std::min(args.timeout_ms, 100);
  devices::check_link_settings(settings, "", "--");
  return settings;
}

StopSignals::StopSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
}

int StopSignals::wait() {
  int signal_number = 0;
  sigwait(&set_, &signal_number);
  return signal_number;
}

}  // namespace egin::cli
