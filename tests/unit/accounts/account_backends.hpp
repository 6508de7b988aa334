// The account store backends under test: a fresh, empty SQLite database (in a temporary file, so
// a second connection sees it) or a PostgreSQL schema of its own on the test server, dropped at
// the end. Shared by the store and the Accounts tests.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "egin/accounts/account_store.hpp"

namespace egin::accounts::testing {

inline std::string postgres_base_url() {
  const char* url = std::getenv("EGIN_TEST_POSTGRES_URL");
  return url != nullptr && *url != '\0' ? url : "postgresql://postgres@127.0.0.1:55432/egin_test";
}

inline void pg_exec(const std::string& sql) {
  PGconn* conn = PQconnectdb(postgres_base_url().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test PostgreSQL server at " + postgres_base_url() +
                             " (tests/support/postgres.sh start): " + message);
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string message = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (!ok) {
    throw std::runtime_error(sql + ": " + message);
  }
}

/// One backend's database for one test: url() opens it (as often as wanted) until destroyed.
class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  [[nodiscard]] virtual std::string url() const = 0;
};

class SqliteDatabase final : public TestDatabase {
 public:
  SqliteDatabase() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("egin-accounts-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  ~SqliteDatabase() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  [[nodiscard]] std::string url() const override { return "sqlite:" + (dir_ / "egin.db").string(); }

 private:
  std::filesystem::path dir_;
};

class PostgresDatabase final : public TestDatabase {
 public:
  PostgresDatabase() {
    static std::atomic<int> counter{0};
    schema_ = "egin_acc" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    pg_exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    pg_exec("CREATE SCHEMA " + schema_);
  }
  ~PostgresDatabase() override {
    try {
      pg_exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    } catch (const std::exception&) {  // the test already failed on the server
    }
  }
  [[nodiscard]] std::string url() const override {
    const std::string base = postgres_base_url();
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
  }

 private:
  std::string schema_;
};

struct Backend {
  std::string name;
  std::function<std::unique_ptr<TestDatabase>()> make;
};

inline std::ostream& operator<<(std::ostream& out, const Backend& b) { return out << b.name; }

/// The test-name suffix of a backend.
inline std::string backend_name(const ::testing::TestParamInfo<Backend>& param_info) {
  return param_info.param.name;
}

inline Backend sqlite_backend() {
  return {"Sqlite", [] { return std::make_unique<SqliteDatabase>(); }};
}
inline Backend postgres_backend() {
  return {"Postgres", [] { return std::make_unique<PostgresDatabase>(); }};
}

}  // namespace egin::accounts::testing
