// `egin user add|list|remove|passwd|token`: the accounts of `egin serve`, managed on the database
// it uses (the same --db / --data-dir), also while the server runs (every rule is kept inside one
// transaction of the account store). Passwords are read from stdin with --password-stdin, or
// generated and printed once on stdout; tokens are printed once and stored as digests.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli_support.hpp"
#include "commands.hpp"
#include "egin/accounts/accounts.hpp"
#include "egin/core/clock.hpp"
#include "egin/core/input_error.hpp"
#include "egin/core/table.hpp"
#include "serve_support.hpp"

namespace egin::cli {

namespace {

namespace fs = std::filesystem;

struct UserArgs {
  std::string db;
  std::string data_dir;
  std::string name;
  std::string role = "viewer";
  bool password_stdin = false;
  double days = 365.0;
  std::string label;
  OutputFormat format = OutputFormat::kTable;
};

/// Reads the password from the first line of stdin (without the line end).
std::string read_password_stdin() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    throw InputError({"", 0, "--password-stdin"}, "no password on standard input",
                     "one line holding the password");
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  return line;
}

/// Runs `body` with the account store of the args; AccountError becomes InputError (exit 2).
template <typename Body>
void with_accounts(const UserArgs& args, bool may_create, Body body) {
  const fs::path data_dir = resolve_data_dir(args.data_dir);
  const std::string url = resolve_store_url(args.db, data_dir);
  if (!may_create && url.starts_with("sqlite:") && args.db.empty() &&
      !fs::exists(data_dir / "egin.db")) {
    throw InputError({"", 0, "--data-dir"}, "no database at " + (data_dir / "egin.db").string(),
                     "the --data-dir (or --db) egin serve uses");
  }
  const auto store = accounts::open_account_store(url);
  const SystemClock clock;
  accounts::Accounts accounts(*store, clock);
  try {
    body(accounts);
  } catch (const accounts::AccountError& e) {
    throw InputError({"", 0, args.name.empty() ? "user" : args.name}, e.what());
  }
}

void add_common(CLI::App& cmd, UserArgs& args) {
  cmd.add_option("--db", args.db,
                 "Store URL (as egin serve --db); default sqlite:<data-dir>/egin.db");
  cmd.add_option("--data-dir", args.data_dir,
                 "egin serve's data directory; default $EGIN_DATA_DIR or ./egin-data");
}

void check_not_reserved(const std::string& name) {
  if (name == "api-token") {
    throw InputError({"", 0, "NAME"}, "'api-token' is reserved for the machine token",
                     "another user name");
  }
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* user = app.add_subcommand(
      "user", "Manage the users of egin serve: add, list, remove, passwd, token");
  user->require_subcommand(1);

  CLI::App* add = user->add_subcommand("add", "Add a user (password generated unless given)");
  add->add_option("name", args->name, "User name: a-z 0-9 . _ -")->required();
  add->add_option("--role", args->role, "viewer, operator or admin")
      ->check(CLI::IsMember({"viewer", "operator", "admin"}))
      ->capture_default_str();
  add->add_flag("--password-stdin", args->password_stdin,
                "Read the password from the first line of standard input");
  add_common(*add, *args);
  add->callback([args] {
    check_not_reserved(args->name);
    const std::string password =
        args->password_stdin ? read_password_stdin() : accounts::generate_password();
    with_accounts(*args, true, [&](accounts::Accounts& a) {
      const auto role = accounts::parse_role(args->role).value_or(accounts::Role::kViewer);
      a.add_user(args->name, role, password);
    });
    std::cerr << "egin user: added '" << args->name << "' (" << args->role << ")\n";
    if (!args->password_stdin) {
      std::cout << password << '\n';  // generated: shown this once
    }
  });

  CLI::App* list = user->add_subcommand("list", "List the users and their roles");
  add_common(*list, *args);
  add_format_option(*list, args->format);
  list->callback([args] {
    with_accounts(*args, false, [&](accounts::Accounts& a) {
      Table table({{"name"}, {"role"}, {"created"}, {"password_changed"}});
      for (const auto& u : a.users()) {
        table.add_row({u.name, std::string(accounts::role_name(u.role)),
                       format_iso_utc(u.created_ms), format_iso_utc(u.password_changed_ms)});
      }
      table.write(std::cout, args->format);
    });
  });

  CLI::App* remove = user->add_subcommand("remove", "Remove a user and its tokens");
  remove->add_option("name", args->name, "User name")->required();
  add_common(*remove, *args);
  remove->callback([args] {
    with_accounts(*args, false, [&](accounts::Accounts& a) { a.remove_user(args->name); });
    std::cerr << "egin user: removed '" << args->name << "'\n";
  });

  CLI::App* passwd = user->add_subcommand(
      "passwd", "Set a user's password (generated unless given); ends its sessions");
  passwd->add_option("name", args->name, "User name")->required();
  passwd->add_flag("--password-stdin", args->password_stdin,
                   "Read the password from the first line of standard input");
  add_common(*passwd, *args);
  passwd->callback([args] {
    const std::string password =
        args->password_stdin ? read_password_stdin() : accounts::generate_password();
    with_accounts(*args, false,
                  [&](accounts::Accounts& a) { a.set_password(args->name, password); });
    std::cerr << "egin user: new password for '" << args->name << "'\n";
    if (!args->password_stdin) {
      std::cout << password << '\n';
    }
  });

  CLI::App* token = user->add_subcommand(
      "token", "Issue an API token acting as a user (for an ingest gateway); printed once");
  token->add_option("name", args->name, "User name")->required();
  token->add_option("--days", args->days, "Lifetime in days")
      ->check(CLI::Range(1.0, 3660.0))
      ->capture_default_str();
  token->add_option("--label", args->label, "What the token is for (shown in token lists)");
  add_common(*token, *args);
  token->callback([args] {
    std::string issued;
    with_accounts(*args, false, [&](accounts::Accounts& a) {
      issued = a.issue_api_token(args->name,
                                 static_cast<TimeMs>(args->days * static_cast<double>(kMsPerDay)),
                                 args->label)
                   .token;
    });
    std::cout << issued << '\n';
  });
}

}  // namespace egin::cli
