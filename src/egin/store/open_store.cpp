// open_store: picks the backend a store URL names.
#include "egin/core/input_error.hpp"
#include "egin/store/postgres_store.hpp"
#include "egin/store/sqlite_store.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::store {

std::unique_ptr<TimeSeriesStore> open_store(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    return open_sqlite_store(url.substr(kSqlite.size()));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres_store(url);
  }
  throw InputError({.file = "", .line = 0, .field = "--db"},
                   "unknown store URL '" + std::string(url) + "'",
                   "sqlite:PATH or postgresql://user:pass@host:port/db");
}

}  // namespace egin::store
