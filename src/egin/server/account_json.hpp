// Accounts as the API shows them: users (never their hashes), tokens (an id made of the digest's
// first 16 hex digits, never the token), principals; and the check that accounts are configured.
// It must not decide who may do what (the routes and Accounts do).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "egin/accounts/accounts.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

inline constexpr std::size_t kTokenIdChars = 16;

nlohmann::json user_json(const accounts::User& user);
nlohmann::json token_json(const accounts::TokenRecord& token);
nlohmann::json principal_json(const accounts::Principal& principal);

/// ctx.accounts, or BadRequest 503 "not_configured".
accounts::Accounts& require_accounts(ServerContext& ctx);

}  // namespace egin::server
