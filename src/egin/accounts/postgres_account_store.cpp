#include "egin/accounts/postgres_account_store.hpp"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace egin::accounts {

namespace {

constexpr int kSchemaVersion = 1;
// pg_advisory_xact_lock key for creating the tables ("egin" "auth" in ASCII).
constexpr const char* kSchemaLockKey = "6965676e61757468";

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS auth_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS auth_users (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  password_hash text NOT NULL,
  created_ms bigint NOT NULL,
  password_changed_ms bigint NOT NULL);
CREATE TABLE IF NOT EXISTS auth_tokens (
  digest text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES auth_users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('session', 'api')),
  label text NOT NULL,
  created_ms bigint NOT NULL,
  expires_ms bigint NOT NULL);
CREATE INDEX IF NOT EXISTS auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX IF NOT EXISTS auth_tokens_expiry ON auth_tokens (expires_ms);
INSERT INTO auth_meta (key, value) VALUES ('schema', '1') ON CONFLICT (key) DO NOTHING;
)";

constexpr const char* kUserColumns =
    "u.id, u.name, u.role, u.password_hash, u.created_ms, u.password_changed_ms";

/// "postgresql://user:secret@host/db" → "postgresql://user:***@host/db".
std::string redacted(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) {
    return url;
  }
  const auto at = url.find('@', scheme + 3);
  const auto colon = url.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

class Result {
 public:
  explicit Result(PGresult* r) : r_(r) {}
  ~Result() { PQclear(r_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& other) noexcept : r_(other.r_) { other.r_ = nullptr; }
  Result& operator=(Result&&) = delete;

  [[nodiscard]] PGresult* raw() const { return r_; }
  [[nodiscard]] int rows() const { return PQntuples(r_); }
  [[nodiscard]] std::string text(int row, int col) const { return PQgetvalue(r_, row, col); }
  [[nodiscard]] std::int64_t integer(int row, int col) const {
    const char* s = PQgetvalue(r_, row, col);
    std::int64_t v = 0;
    std::from_chars(s, s + std::strlen(s), v);
    return v;
  }
  [[nodiscard]] std::int64_t affected() const {
    const char* s = PQcmdTuples(r_);
    std::int64_t v = 0;
    std::from_chars(s, s + std::strlen(s), v);
    return v;
  }

 private:
  PGresult* r_;
};

class Connection {
 public:
  explicit Connection(std::string url) : url_(std::move(url)) {
    const std::array<const char*, 3> keys = {"dbname", "fallback_application_name", nullptr};
    const std::array<const char*, 3> values = {url_.c_str(), "egin", nullptr};
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (conn_ == nullptr) {
      throw std::runtime_error("postgresql " + redacted(url_) + ": out of memory");
    }
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = error_text();
      PQfinish(conn_);
      throw std::runtime_error("postgresql " + redacted(url_) + ": cannot connect: " + message);
    }
    set_up_session();
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void ensure_open() {
    if (PQstatus(conn_) == CONNECTION_OK) {
      return;
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw std::runtime_error("postgresql " + redacted(url_) + ": reconnect: " + error_text());
    }
    set_up_session();
  }

  Result exec(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) {
      values.push_back(p.c_str());
    }
    Result result(params.empty() ? PQexec(conn_, sql.c_str())
                                 : PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()),
                                                nullptr, values.data(), nullptr, nullptr, 0));
    const ExecStatusType status = PQresultStatus(result.raw());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const char* message = PQresultErrorMessage(result.raw());
      std::string text = message != nullptr && *message != '\0' ? message : error_text();
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
      }
      throw std::runtime_error("postgresql " + redacted(url_) + ": " + text +
                               " (in: " + sql.substr(0, 120) + ")");
    }
    return result;
  }

  [[nodiscard]] bool idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }

 private:
  void set_up_session() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    exec("SET synchronous_commit = on; SET client_min_messages = warning");
  }

  std::string error_text() const {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return message;
  }

  std::string url_;
  PGconn* conn_ = nullptr;
};

class Transaction {
 public:
  explicit Transaction(Connection& conn) : conn_(conn) { conn_.exec("BEGIN"); }
  ~Transaction() {
    if (!done_) {
      try {
        conn_.exec("ROLLBACK");
      } catch (const std::exception&) {  // the connection is gone: the server rolled back
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    conn_.exec("COMMIT");
    done_ = true;
  }

 private:
  Connection& conn_;
  bool done_ = false;
};

User read_user(const Result& r, int row, int first) {
  User u;
  u.id = r.integer(row, first);
  u.name = r.text(row, first + 1);
  u.role = parse_role(r.text(row, first + 2)).value_or(Role::kViewer);
  u.password_hash = r.text(row, first + 3);
  u.created_ms = r.integer(row, first + 4);
  u.password_changed_ms = r.integer(row, first + 5);
  return u;
}

TokenRecord read_token(const Result& r, int row) {
  TokenRecord t;
  t.digest = r.text(row, 0);
  t.user_id = r.integer(row, 1);
  t.kind = r.text(row, 2) == "api" ? TokenKind::kApi : TokenKind::kSession;
  t.label = r.text(row, 3);
  t.created_ms = r.integer(row, 4);
  t.expires_ms = r.integer(row, 5);
  return t;
}

class PostgresAccountStore final : public AccountStore {
 public:
  explicit PostgresAccountStore(std::string url) : conn_(std::move(url)) {
    Transaction tx(conn_);
    conn_.exec(std::string("SELECT pg_advisory_xact_lock(x'") + kSchemaLockKey + "'::bigint)");
    conn_.exec(kSchema);
    const Result version = conn_.exec("SELECT value FROM auth_meta WHERE key = 'schema'");
    if (version.rows() != 1 || version.text(0, 0) != std::to_string(kSchemaVersion)) {
      throw std::runtime_error(
          "postgresql: accounts schema version is not the one this egin "
          "knows (" +
          std::to_string(kSchemaVersion) + ")");
    }
    tx.commit();
  }

  [[nodiscard]] std::string_view backend() const override { return "postgresql"; }

  std::optional<User> find_user(std::string_view name) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    return find_user_locked(name);
  }

  std::vector<User> users() override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    const Result r =
        conn_.exec(std::string("SELECT ") + kUserColumns + " FROM auth_users u ORDER BY u.name");
    std::vector<User> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back(read_user(r, i, 0));
    }
    return out;
  }

  std::optional<User> create_user(std::string_view name, Role role, std::string_view hash,
                                  TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    const Result r = conn_.exec(
        "INSERT INTO auth_users (name, role, password_hash, created_ms, password_changed_ms) "
        "VALUES ($1, $2, $3, $4, $4) ON CONFLICT (name) DO NOTHING",
        {std::string(name), std::string(role_name(role)), std::string(hash),
         std::to_string(now_ms)});
    if (r.affected() == 0) {
      return std::nullopt;
    }
    return find_user_locked(name);
  }

  std::optional<User> create_first_admin(std::string_view name, std::string_view hash,
                                         TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    Transaction tx(conn_);
    lock_users();
    const Result count = conn_.exec("SELECT count(*) FROM auth_users");
    if (count.integer(0, 0) > 0) {
      return std::nullopt;
    }
    conn_.exec(
        "INSERT INTO auth_users (name, role, password_hash, created_ms, password_changed_ms) "
        "VALUES ($1, 'admin', $2, $3, $3)",
        {std::string(name), std::string(hash), std::to_string(now_ms)});
    auto user = find_user_locked(name);
    tx.commit();
    return user;
  }

  bool set_password_hash(std::string_view name, std::string_view hash, TimeMs now_ms,
                         bool end_sessions) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    Transaction tx(conn_);
    const Result r = conn_.exec(
        "UPDATE auth_users SET password_hash = $1, password_changed_ms = $2 WHERE name = $3",
        {std::string(hash), std::to_string(now_ms), std::string(name)});
    if (r.affected() == 0) {
      return false;
    }
    if (end_sessions) {
      conn_.exec(
          "DELETE FROM auth_tokens WHERE kind = 'session' AND user_id = (SELECT id FROM "
          "auth_users WHERE name = $1)",
          {std::string(name)});
    }
    tx.commit();
    return true;
  }

  ChangeResult set_role(std::string_view name, Role role) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    Transaction tx(conn_);
    lock_users();
    const auto user = find_user_locked(name);
    if (!user) {
      return ChangeResult::kNotFound;
    }
    if (user->role == Role::kAdmin && role != Role::kAdmin && admins_locked() <= 1) {
      return ChangeResult::kLastAdmin;
    }
    conn_.exec("UPDATE auth_users SET role = $1 WHERE id = $2",
               {std::string(role_name(role)), std::to_string(user->id)});
    tx.commit();
    return ChangeResult::kDone;
  }

  ChangeResult remove_user(std::string_view name) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    Transaction tx(conn_);
    lock_users();
    const auto user = find_user_locked(name);
    if (!user) {
      return ChangeResult::kNotFound;
    }
    if (user->role == Role::kAdmin && admins_locked() <= 1) {
      return ChangeResult::kLastAdmin;
    }
    conn_.exec("DELETE FROM auth_tokens WHERE user_id = $1", {std::to_string(user->id)});
    conn_.exec("DELETE FROM auth_users WHERE id = $1", {std::to_string(user->id)});
    tx.commit();
    return ChangeResult::kDone;
  }

  void add_token(const TokenRecord& token) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    conn_.exec(
        "INSERT INTO auth_tokens (digest, user_id, kind, label, created_ms, expires_ms) VALUES "
        "($1, $2, $3, $4, $5, $6)",
        {token.digest, std::to_string(token.user_id), std::string(token_kind_name(token.kind)),
         token.label, std::to_string(token.created_ms), std::to_string(token.expires_ms)});
  }

  std::optional<TokenOwner> find_token(std::string_view digest, TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    const Result r = conn_.exec(
        std::string("SELECT t.digest, t.user_id, t.kind, t.label, t.created_ms, t.expires_ms, ") +
            kUserColumns +
            " FROM auth_tokens t JOIN auth_users u ON u.id = t.user_id WHERE t.digest = $1 AND "
            "t.expires_ms > $2",
        {std::string(digest), std::to_string(now_ms)});
    if (r.rows() == 0) {
      return std::nullopt;
    }
    TokenOwner owner;
    owner.token = read_token(r, 0);
    owner.user = read_user(r, 0, 6);
    return owner;
  }

  bool remove_token(std::string_view digest) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    return conn_.exec("DELETE FROM auth_tokens WHERE digest = $1", {std::string(digest)})
               .affected() > 0;
  }

  std::vector<TokenRecord> tokens_of(std::string_view user_name) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    const Result r = conn_.exec(
        "SELECT t.digest, t.user_id, t.kind, t.label, t.created_ms, t.expires_ms FROM "
        "auth_tokens t JOIN auth_users u ON u.id = t.user_id WHERE u.name = $1 ORDER BY "
        "t.created_ms DESC, t.digest",
        {std::string(user_name)});
    std::vector<TokenRecord> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back(read_token(r, i));
    }
    return out;
  }

  std::int64_t remove_expired_tokens(TimeMs now_ms) override {
    const std::lock_guard lock(mutex_);
    conn_.ensure_open();
    return conn_.exec("DELETE FROM auth_tokens WHERE expires_ms <= $1", {std::to_string(now_ms)})
        .affected();
  }

 private:
  void lock_users() { conn_.exec("LOCK TABLE auth_users IN SHARE ROW EXCLUSIVE MODE"); }

  std::optional<User> find_user_locked(std::string_view name) {
    const Result r =
        conn_.exec(std::string("SELECT ") + kUserColumns + " FROM auth_users u WHERE u.name = $1",
                   {std::string(name)});
    if (r.rows() == 0) {
      return std::nullopt;
    }
    return read_user(r, 0, 0);
  }

  std::int64_t admins_locked() {
    return conn_.exec("SELECT count(*) FROM auth_users WHERE role = 'admin'").integer(0, 0);
  }

  std::mutex mutex_;
  Connection conn_;
};

}  // namespace

std::unique_ptr<AccountStore> open_postgres_account_store(std::string_view url) {
  return std::make_unique<PostgresAccountStore>(std::string(url));
}

}  // namespace egin::accounts
