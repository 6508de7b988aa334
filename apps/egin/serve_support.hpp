// What `egin serve` and `egin user` share: where the data directory is, which store URL names
// the database (the same one holds the time series, the users and their tokens), how a URL is
// shown in logs, and where the dashboard's built files and the crop and soil libraries are.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace egin::cli {

/// --data-dir, else $EGIN_DATA_DIR, else ./egin-data.
std::filesystem::path resolve_data_dir(const std::string& flag);

/// --db, else sqlite:<data-dir>/egin.db.
std::string resolve_store_url(const std::string& flag, const std::filesystem::path& data_dir);

/// "postgresql://user:secret@host/db" → "postgresql://user:***@host/db" for logs.
std::string redact_url(const std::string& url);

/// The directory of the running program (/proc/self/exe), or empty.
std::filesystem::path program_dir();

/// The dashboard's built files: --web when given (must hold index.html: InputError otherwise),
/// else $EGIN_WEB_DIR, else the first of <program>/../../web (a build tree: build/web),
/// <program>/../share/egin/web (an install) that holds index.html; empty when none does.
std::filesystem::path resolve_web_dir(const std::string& flag);

/// The crop and soil libraries (a directory with crops/ and soils/): --library when given, else
/// the first holding both among the ancestors of `near` (each dir and dir/data), ./data and
/// <program>/../../../data (the source tree of a build). InputError when none is found.
std::filesystem::path resolve_library_dir(const std::string& flag,
                                          const std::vector<std::filesystem::path>& near);

}  // namespace egin::cli
