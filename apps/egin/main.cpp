// egin: the command-line program. Results go to stdout, messages to stderr; exit 0 on success,
// 2 on bad input (DESIGN.md §4 "Command line").
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/version.hpp"

namespace {

constexpr int kExitBadInput = 2;

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "egin — smart-farm controller and agronomy engine (FAO-56 water balance, greenhouse "
      "twin, climate control)",
      "egin"};
  app.set_version_flag("--version", std::string(egin::version()));
  app.require_subcommand(1);
  app.fallthrough(false);

  // One line per subcommand (cmd_<name>.cpp), in the order --help lists them.
  egin::cli::add_water_balance_command(app);
  egin::cli::add_schedule_command(app);
  egin::cli::add_batch_command(app);
  egin::cli::add_et0_command(app);
  egin::cli::add_serve_command(app);
  egin::cli::add_weather_command(app);
  egin::cli::add_user_command(app);
  egin::cli::add_modbus_command(app);
  egin::cli::add_node_sim_command(app);
  egin::cli::add_simulate_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  } catch (const egin::InputError& e) {
    std::fprintf(stderr, "egin: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "egin: internal error: %s\n", e.what());
    return 1;
  }
  return 0;
}
