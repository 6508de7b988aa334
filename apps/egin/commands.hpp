// The subcommands of `egin`: each cmd_<name>.cpp defines one add_<name>_command, which adds its
// subcommand, options and callback to the top-level app. main.cpp calls them all.
#pragma once

#include <CLI/CLI.hpp>

namespace egin::cli {

// One declaration per subcommand, same order as in main.cpp.
void add_water_balance_command(CLI::App& app);
void add_schedule_command(CLI::App& app);
void add_batch_command(CLI::App& app);
void add_et0_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_weather_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_modbus_command(CLI::App& app);
void add_node_sim_command(CLI::App& app);
void add_simulate_command(CLI::App& app);

}  // namespace egin::cli
