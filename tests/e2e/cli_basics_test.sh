#!/usr/bin/env bash
# The program's contract: --help and --version answer with exit 0, a bad option exits 2.
egin=$1
. "$(dirname "$0")/lib.sh"

expect_exit 0 "--version" "$egin" --version
check "version printed" stdout_has "0.1.0"
expect_exit 0 "--help" "$egin" --help
check "help names the program" stdout_has "egin"
expect_exit 2 "unknown option" "$egin" --no-such-option
expect_exit 2 "no subcommand" "$egin"
e2e_finish
