// open_account_store: picks the backend a store URL names, and token_kind_name.
#include "egin/accounts/account_store.hpp"
#include "egin/accounts/postgres_account_store.hpp"
#include "egin/accounts/sqlite_account_store.hpp"
#include "egin/core/input_error.hpp"

namespace egin::accounts {

std::string_view token_kind_name(TokenKind kind) {
  return kind == TokenKind::kApi ? "api" : "session";
}

std::unique_ptr<AccountStore> open_account_store(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    std::string_view path = url.substr(kSqlite.size());
    path = path.substr(0, path.find('?'));  // the time-series options do not apply here
    if (path.starts_with("//")) {
      path.remove_prefix(2);  // sqlite:///abs/path
    }
    if (path.empty()) {
      throw InputError({.file = "", .line = 0, .field = "--db"}, "the sqlite URL names no file",
                       "sqlite:PATH or sqlite::memory:");
    }
    return open_sqlite_account_store(std::string(path));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres_account_store(url);
  }
  throw InputError({.file = "", .line = 0, .field = "--db"},
                   "unknown store URL '" + std::string(url) + "'",
                   "sqlite:PATH or postgresql://user:pass@host:port/db");
}

}  // namespace egin::accounts
