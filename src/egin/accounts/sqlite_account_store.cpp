#include "egin/accounts/sqlite_account_store.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace egin::accounts {

namespace {

constexpr int kBusyTimeoutMs = 10000;
constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS auth_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS auth_users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  password_hash TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  password_changed_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS auth_tokens (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES auth_users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
  label TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX IF NOT EXISTS auth_tokens_expiry ON auth_tokens (expires_ms);
)";

constexpr const char* kUserColumns =
    "u.id, u.name, u.role, u.password_hash, u.created_ms, u.password_changed_ms";

class Db {
 public:
  explicit Db(const std::string& path) : path_(path) {
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = "sqlite " + path + ": open: ";
      message += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw std::runtime_error(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  }
  ~Db() { sqlite3_close_v2(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      fail(sql);
    }
  }
  [[noreturn]] void fail(std::string_view doing) const {
    throw std::runtime_error("sqlite " + path_ + ": " + std::string(doing.substr(0, 120)) + ": " +
                             sqlite3_errmsg(db_));
  }
  [[nodiscard]] sqlite3* raw() const { return db_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// One prepared statement with positional parameters bound as they are added.
class Stmt {
 public:
  Stmt(Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.raw(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      db.fail(sql);
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(std::string_view text) {
    sqlite3_bind_text(stmt_, ++n_, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(std::int64_t v) {
    sqlite3_bind_int64(stmt_, ++n_, v);
    return *this;
  }
  /// True while a row is there.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      return true;
    }
    if (rc != SQLITE_DONE) {
      db_.fail(sqlite3_sql(stmt_));
    }
    return false;
  }
  /// Runs a statement that returns no rows; the number of rows it changed.
  int run() {
    step();
    return sqlite3_changes(db_.raw());
  }
  [[nodiscard]] std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  [[nodiscard]] std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p)) : std::string();
  }

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  int n_ = 0;
};

// BEGIN IMMEDIATE … COMMIT, rolled back when left without commit().
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) {
      sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  Db& db_;
  bool done_ = false;
};

User read_user(const Stmt& s, int first) {
  User u;
  u.id = s.integer(first);
  u.name = s.text(first + 1);
  u.role = parse_role(s.text(first + 2)).value_or(Role::kViewer);
  u.password_hash = s.text(first + 3);
  u.created_ms = s.integer(first + 4);
  u.password_changed_ms = s.integer(first + 5);
  return u;
}

TokenKind kind_of(const std::string& text) {
  return text == "api" ? TokenKind::kApi : TokenKind::kSession;
}

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(const std::string& path) : db_(prepare_path(path)) {
    db_.exec("PRAGMA foreign_keys = ON");
    if (path != ":memory:") {
      Stmt mode(db_, "PRAGMA journal_mode = WAL");
      mode.step();
    }
    db_.exec("PRAGMA synchronous = FULL");
    {
      Transaction tx(db_);
      db_.exec(kSchema);
      Stmt version(db_, "INSERT OR IGNORE INTO auth_meta (key, value) VALUES ('schema', ?)");
      version.bind(std::to_string(kSchemaVersion)).run();
      tx.commit();
    }
    Stmt version(db_, "SELECT value FROM auth_meta WHERE key = 'schema'");
    if (!version.step() || version.text(0) != std::to_string(kSchemaVersion)) {
      throw std::runtime_error("sqlite " + path + ": accounts schema version " + version.text(0) +
                               " is not the one this egin knows (" +
                               std::to_string(kSchemaVersion) + ")");
    }
  }

  [[nodiscard]] std::string_view backend() const override { return "sqlite"; }

  std::optional<User> find_user(std::string_view name) override {
    const std::lock_guard lock(mutex_);
    return find_user_locked(name);
  }

  std::vector<User> users() override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_,
           (std::string("SELECT ") + kUserColumns + " FROM auth_users u ORDER BY u.name").c_str());
    std::vector<User> out;
    while (s.step()) {
      out.push_back(read_user(s, 0));
    }
    return out;
  }

  std::optional<User> create_user(std::string_view name, Role role, std::string_view hash,
                                  TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    Transaction tx(db_);
    if (find_user_locked(name)) {
      return std::nullopt;
    }
    insert_user_locked(name, role, hash, now_ms);
    auto user = find_user_locked(name);
    tx.commit();
    return user;
  }

  std::optional<User> create_first_admin(std::string_view name, std::string_view hash,
                                         TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    Transaction tx(db_);
    Stmt count(db_, "SELECT count(*) FROM auth_users");
    count.step();
    if (count.integer(0) > 0) {
      return std::nullopt;
    }
    insert_user_locked(name, Role::kAdmin, hash, now_ms);
    auto user = find_user_locked(name);
    tx.commit();
    return user;
  }

  bool set_password_hash(std::string_view name, std::string_view hash, TimeMs now_ms,
                         bool end_sessions) override {
    const std::lock_guard lock(mutex_);
    Transaction tx(db_);
    Stmt s(db_, "UPDATE auth_users SET password_hash = ?, password_changed_ms = ? WHERE name = ?");
    if (s.bind(hash).bind(now_ms).bind(name).run() == 0) {
      return false;
    }
    if (end_sessions) {
      Stmt del(db_,
               "DELETE FROM auth_tokens WHERE kind = 'session' AND user_id = "
               "(SELECT id FROM auth_users WHERE name = ?)");
      del.bind(name).run();
    }
    tx.commit();
    return true;
  }

  ChangeResult set_role(std::string_view name, Role role) override {
    const std::lock_guard lock(mutex_);
    Transaction tx(db_);
    const auto user = find_user_locked(name);
    if (!user) {
      return ChangeResult::kNotFound;
    }
    if (user->role == Role::kAdmin && role != Role::kAdmin && admins_locked() <= 1) {
      return ChangeResult::kLastAdmin;
    }
    Stmt s(db_, "UPDATE auth_users SET role = ? WHERE name = ?");
    s.bind(role_name(role)).bind(name).run();
    tx.commit();
    return ChangeResult::kDone;
  }

  ChangeResult remove_user(std::string_view name) override {
    const std::lock_guard lock(mutex_);
    Transaction tx(db_);
    const auto user = find_user_locked(name);
    if (!user) {
      return ChangeResult::kNotFound;
    }
    if (user->role == Role::kAdmin && admins_locked() <= 1) {
      return ChangeResult::kLastAdmin;
    }
    Stmt tokens(db_, "DELETE FROM auth_tokens WHERE user_id = ?");
    tokens.bind(user->id).run();
    Stmt s(db_, "DELETE FROM auth_users WHERE id = ?");
    s.bind(user->id).run();
    tx.commit();
    return ChangeResult::kDone;
  }

  void add_token(const TokenRecord& token) override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_,
           "INSERT INTO auth_tokens (digest, user_id, kind, label, created_ms, expires_ms) "
           "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(token.digest)
        .bind(token.user_id)
        .bind(token_kind_name(token.kind))
        .bind(token.label)
        .bind(token.created_ms)
        .bind(token.expires_ms)
        .run();
  }

  std::optional<TokenOwner> find_token(std::string_view digest, TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_, (std::string("SELECT t.digest, t.user_id, t.kind, t.label, t.created_ms, "
                             "t.expires_ms, ") +
                 kUserColumns +
                 " FROM auth_tokens t JOIN auth_users u ON u.id = t.user_id "
                 "WHERE t.digest = ? AND t.expires_ms > ?")
                    .c_str());
    s.bind(digest).bind(now_ms);
    if (!s.step()) {
      return std::nullopt;
    }
    TokenOwner owner;
    owner.token = read_token(s);
    owner.user = read_user(s, 6);
    return owner;
  }

  bool remove_token(std::string_view digest) override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_, "DELETE FROM auth_tokens WHERE digest = ?");
    return s.bind(digest).run() > 0;
  }

  std::vector<TokenRecord> tokens_of(std::string_view user_name) override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_,
           "SELECT t.digest, t.user_id, t.kind, t.label, t.created_ms, t.expires_ms FROM "
           "auth_tokens t JOIN auth_users u ON u.id = t.user_id WHERE u.name = ? "
           "ORDER BY t.created_ms DESC, t.digest");
    s.bind(user_name);
    std::vector<TokenRecord> out;
    while (s.step()) {
      out.push_back(read_token(s));
    }
    return out;
  }

  std::int64_t remove_expired_tokens(TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    Stmt s(db_, "DELETE FROM auth_tokens WHERE expires_ms <= ?");
    return s.bind(now_ms).run();
  }

 private:
  static std::string prepare_path(const std::string& path) {
    if (path != ":memory:") {
      const std::filesystem::path parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
      }
    }
    return path;
  }

  static TokenRecord read_token(const Stmt& s) {
    TokenRecord t;
    t.digest = s.text(0);
    t.user_id = s.integer(1);
    t.kind = kind_of(s.text(2));
    t.label = s.text(3);
    t.created_ms = s.integer(4);
    t.expires_ms = s.integer(5);
    return t;
  }

  std::optional<User> find_user_locked(std::string_view name) {
    Stmt s(db_,
           (std::string("SELECT ") + kUserColumns + " FROM auth_users u WHERE u.name = ?").c_str());
    s.bind(name);
    if (!s.step()) {
      return std::nullopt;
    }
    return read_user(s, 0);
  }

  void insert_user_locked(std::string_view name, Role role, std::string_view hash, TimeMs now_ms) {
    Stmt s(db_,
           "INSERT INTO auth_users (name, role, password_hash, created_ms, password_changed_ms) "
           "VALUES (?, ?, ?, ?, ?)");
    s.bind(name).bind(role_name(role)).bind(hash).bind(now_ms).bind(now_ms).run();
  }

  std::int64_t admins_locked() {
    Stmt s(db_, "SELECT count(*) FROM auth_users WHERE role = 'admin'");
    s.step();
    return s.integer(0);
  }

  std::mutex mutex_;
  Db db_;
};

}  // namespace

std::unique_ptr<AccountStore> open_sqlite_account_store(const std::string& path) {
  return std::make_unique<SqliteAccountStore>(path);
}

}  // namespace egin::accounts
