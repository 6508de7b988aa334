// Pieces `egin modbus …` and `egin node-sim` share: the link flags (--tcp ADDR | --rtu DEVICE
// with --baud, --parity, --data-bits, --stop-bits, --timeout-ms), turning them into
// LinkSettings, and waiting for SIGTERM/SIGINT.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "egin/devices/link_settings.hpp"

namespace egin::cli {

struct LinkArgs {
  std::string tcp;
  std::string rtu;
  int baud = 9600;
  std::string parity = "none";
  int data_bits = 8;
  int stop_bits = 1;
  int timeout_ms = 500;
};

/// Adds the link flags to `command`.
void add_link_options(CLI::App& command, LinkArgs& args, int default_timeout_ms);
/// Exactly one of --tcp / --rtu; InputError otherwise.
devices::LinkSettings link_settings(const LinkArgs& args);

/// Blocks SIGTERM and SIGINT in this thread (call before starting threads, which inherit the
/// mask), then waits for one; returns the signal number.
class StopSignals {
 public:
  StopSignals();
  int wait();

 private:
  sigset_t set_{};
};

}  // namespace egin::cli
