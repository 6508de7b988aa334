// PostgresAccountStore: the AccountStore in PostgreSQL 15 — the database the time series use,
// tables auth_meta, auth_users and auth_tokens in the connection's schema (search_path). One
// connection serialized by a mutex, reconnected when the server dropped it. Multi-row rules run
// in a transaction that first takes LOCK TABLE auth_users IN SHARE ROW EXCLUSIVE MODE, so two
// servers (or a server and `egin user`) cannot both remove "the other" last admin.
// It must not be used directly by callers: open_account_store("postgresql://…") returns it.
#pragma once

#include <memory>
#include <string_view>

#include "egin/accounts/account_store.hpp"

namespace egin::accounts {

/// Connects to `url` (a libpq connection URI) and creates the tables when missing. Throws
/// std::runtime_error with the server's message and the URL without its password.
std::unique_ptr<AccountStore> open_postgres_account_store(std::string_view url);

}  // namespace egin::accounts
