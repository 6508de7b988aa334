// Role: what an account may do over the API (DESIGN.md §4 HTTP). Roles are ordered — each holds
// every right of the one before it:
//
// | role     | may                                                                           |
// |----------|-------------------------------------------------------------------------------|
// | viewer   | read everything: site, series, exports, alarms, commands' audit, settings      |
// | operator | + ingest readings, send actuator commands, acknowledge alarms, change settings |
// | admin    | + edit the site model, manage users and API tokens                             |
//
// It must not know routes or HTTP: the server maps each route to the role it needs.
#pragma once

#include <optional>
#include <string_view>

namespace egin::accounts {

enum class Role { kViewer = 0, kOperator = 1, kAdmin = 2 };

/// "viewer", "operator", "admin".
std::string_view role_name(Role role);

/// The role a name gives (exact, lowercase); nullopt for any other text.
std::optional<Role> parse_role(std::string_view name);

/// True when `held` carries every right of `needed`.
constexpr bool role_allows(Role held, Role needed) {
  return static_cast<int>(held) >= static_cast<int>(needed);
}

}  // namespace egin::accounts
