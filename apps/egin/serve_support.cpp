#include "serve_support.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <system_error>

#include "egin/core/input_error.hpp"

namespace egin::cli {

namespace fs = std::filesystem;

fs::path resolve_data_dir(const std::string& flag) {
  if (!flag.empty()) {
    return flag;
  }
  if (const char* env = std::getenv("EGIN_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return "egin-data";
}

std::string resolve_store_url(const std::string& flag, const fs::path& data_dir) {
  return flag.empty() ? "sqlite:" + (data_dir / "egin.db").string() : flag;
}

std::string redact_url(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) {
    return url;
  }
  const auto at = url.find('@', scheme + 3);
  if (at == std::string::npos) {
    return url;
  }
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

fs::path program_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

namespace {

bool has_index(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "index.html", ec);
}

bool holds_libraries(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "crops", ec) && fs::is_directory(dir / "soils", ec);
}

}  // namespace

fs::path resolve_web_dir(const std::string& flag) {
  if (!flag.empty()) {
    if (!has_index(flag)) {
      throw InputError({"", 0, "--web"}, "'" + flag + "' holds no index.html",
                       "the directory `make web` builds (build/web), or web/dist");
    }
    return flag;
  }
  if (const char* env = std::getenv("EGIN_WEB_DIR"); env != nullptr && *env != '\0') {
    if (has_index(env)) {
      return env;
    }
  }
  const fs::path here = program_dir();
  if (here.empty()) {
    return {};
  }
  for (const fs::path& candidate :
       {here / ".." / ".." / "web", here / ".." / "share" / "egin" / "web"}) {
    if (has_index(candidate)) {
      return candidate.lexically_normal();
    }
  }
  return {};
}

fs::path resolve_library_dir(const std::string& flag, const std::vector<fs::path>& near) {
  if (!flag.empty()) {
    if (!holds_libraries(flag)) {
      throw InputError({"", 0, "--library"}, "'" + flag + "' has no crops/ and soils/",
                       "the directory holding crops/ and soils/ (data/ of the egin sources)");
    }
    return flag;
  }
  std::vector<fs::path> candidates;
  std::error_code ec;
  for (const fs::path& start : near) {
    fs::path dir = fs::absolute(start, ec).parent_path();
    while (!dir.empty()) {
      candidates.push_back(dir);
      candidates.push_back(dir / "data");
      if (dir == dir.parent_path()) {
        break;
      }
      dir = dir.parent_path();
    }
  }
  candidates.push_back(fs::current_path(ec) / "data");
  if (const fs::path here = program_dir(); !here.empty()) {
    candidates.push_back(here / ".." / ".." / ".." / "data");
    candidates.push_back(here / ".." / "share" / "egin" / "data");
  }
  for (const fs::path& c : candidates) {
    if (holds_libraries(c)) {
      return c.lexically_normal();
    }
  }
  throw InputError({"", 0, "--library"}, "cannot find the crop and soil libraries",
                   "--library DIR naming the directory that holds crops/ and soils/");
}

}  // namespace egin::cli
