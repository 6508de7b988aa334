// Pieces every subcommand shares: the --format option and how results reach stdout.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "egin/core/table.hpp"

namespace egin::cli {

/// Adds `--format table|csv|json` (default table) bound to `format`.
void add_format_option(CLI::App& command, OutputFormat& format);

}  // namespace egin::cli
