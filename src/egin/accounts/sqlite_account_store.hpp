// SqliteAccountStore: the AccountStore in an SQLite database — normally the very file the time
// series live in (egin.db), in tables of its own: auth_meta (schema version), auth_users,
// auth_tokens. WAL journal and synchronous=FULL whatever the time-series side uses: a user
// added or a password changed survives a power cut. One connection, serialized by a mutex; waits
// up to 10 s for the time-series writer's lock. Multi-row rules run in BEGIN IMMEDIATE
// transactions, so a second process on the file (egin user while egin serve runs) cannot race.
// It must not be used directly by callers: open_account_store("sqlite:…") returns it.
#pragma once

#include <memory>
#include <string>

#include "egin/accounts/account_store.hpp"

namespace egin::accounts {

/// Opens or creates the tables in the database at `path` (":memory:" for a throw-away one;
/// missing parent directories are created). Throws std::runtime_error with SQLite's message.
std::unique_ptr<AccountStore> open_sqlite_account_store(const std::string& path);

}  // namespace egin::accounts
