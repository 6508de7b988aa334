#include "egin/server/account_json.hpp"

#include "egin/server/json_io.hpp"

namespace egin::server {

using nlohmann::json;

json user_json(const accounts::User& user) {
  return json{{"name", user.name},
              {"role", accounts::role_name(user.role)},
              {"created", format_iso_utc(user.created_ms)},
              {"password_changed", format_iso_utc(user.password_changed_ms)}};
}

json token_json(const accounts::TokenRecord& token) {
  return json{{"id", token.digest.substr(0, kTokenIdChars)},
              {"kind", accounts::token_kind_name(token.kind)},
              {"label", token.label},
              {"created", format_iso_utc(token.created_ms)},
              {"expires", format_iso_utc(token.expires_ms)}};
}

json principal_json(const accounts::Principal& principal) {
  json j{{"user", principal.user},
         {"role", accounts::role_name(principal.role)},
         {"kind", accounts::token_kind_name(principal.kind)}};
  j["expires"] = principal.expires_ms > 0 ? json(format_iso_utc(principal.expires_ms)) : json();
  j["machine"] = principal.user == kMachineUser && principal.token_digest.empty();
  return j;
}

accounts::Accounts& require_accounts(ServerContext& ctx) {
  if (ctx.accounts == nullptr) {
    throw BadRequest("user accounts are not configured on this server", 503, "not_configured");
  }
  return *ctx.accounts;
}

}  // namespace egin::server
