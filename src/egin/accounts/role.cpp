#include "egin/accounts/role.hpp"

namespace egin::accounts {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kOperator:
      return "operator";
    case Role::kAdmin:
      return "admin";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const Role r : {Role::kViewer, Role::kOperator, Role::kAdmin}) {
    if (name == role_name(r)) {
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace egin::accounts
