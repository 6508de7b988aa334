// PostgresStore: the TimeSeriesStore on PostgreSQL 15 (libpq) — raw readings in a table
// partitioned by time (native range partitions, created as data arrive), batches sent with COPY,
// rollups upserted in the same transaction. For region-scale servers.
// It must not be used directly by callers: open_store("postgresql://…") returns it.
#pragma once

#include <memory>
#include <string_view>

#include "egin/store/time_series_store.hpp"

namespace egin::store {

/// Connects to `url` (a libpq connection URI) and creates the schema when missing.
std::unique_ptr<TimeSeriesStore> open_postgres_store(std::string_view url);

}  // namespace egin::store
