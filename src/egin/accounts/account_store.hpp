// AccountStore: where users and their bearer tokens are kept durably — the interface both
// backends implement (SQLite: the same database file as the time series; PostgreSQL: the same
// database, tables auth_users and auth_tokens). Every method is one transaction; rules that
// need several rows (never remove or demote the last admin, create the first admin only into an
// empty table, a new password ends the user's sessions) are kept inside it, so two servers or a
// server and `egin user` on one database cannot break them.
// It must not hash, check passwords, or decide policy: Accounts does. Safe to use from several
// threads (calls are serialized inside).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/accounts/role.hpp"
#include "egin/core/clock.hpp"

namespace egin::accounts {

struct User {
  std::int64_t id = 0;
  std::string name;  // [a-z0-9][a-z0-9._-]*, unique
  Role role = Role::kViewer;
  std::string password_hash;  // argon2id string
  TimeMs created_ms = 0;
  TimeMs password_changed_ms = 0;
};

enum class TokenKind { kSession, kApi };  // a login (expires soon) or an API client's token
std::string_view token_kind_name(TokenKind kind);  // "session" | "api"

struct TokenRecord {
  std::string digest;  // token_digest(token): the token itself is never stored
  std::int64_t user_id = 0;
  TokenKind kind = TokenKind::kSession;
  std::string label;  // what it is for: "login from 127.0.0.1", "gateway gh1"
  TimeMs created_ms = 0;
  TimeMs expires_ms = 0;
};

/// A valid token with the user it belongs to.
struct TokenOwner {
  TokenRecord token;
  User user;
};

enum class ChangeResult { kDone, kNotFound, kLastAdmin };

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  AccountStore() = default;
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  [[nodiscard]] virtual std::string_view backend() const = 0;  // "sqlite" | "postgresql"

  virtual std::optional<User> find_user(std::string_view name) = 0;
  /// Every user, by name.
  virtual std::vector<User> users() = 0;
  /// Inserts a user; nullopt when the name is taken.
  virtual std::optional<User> create_user(std::string_view name, Role role,
                                          std::string_view password_hash, TimeMs now_ms) = 0;
  /// Inserts an admin only when there is no user at all; nullopt when there is one.
  virtual std::optional<User> create_first_admin(std::string_view name,
                                                 std::string_view password_hash, TimeMs now_ms) = 0;
  /// Replaces the hash; when `end_sessions`, deletes the user's session tokens in the same
  /// transaction (a new password ends the logins made with the old one; API tokens, which only
  /// an admin issues, stay). False: no such user.
  virtual bool set_password_hash(std::string_view name, std::string_view password_hash,
                                 TimeMs now_ms, bool end_sessions) = 0;
  /// Changes the role; kLastAdmin when that would leave no admin.
  virtual ChangeResult set_role(std::string_view name, Role role) = 0;
  /// Deletes the user and its tokens; kLastAdmin when it is the only admin.
  virtual ChangeResult remove_user(std::string_view name) = 0;

  virtual void add_token(const TokenRecord& token) = 0;
  /// The token with `digest` and its user, when it has not expired at `now_ms`.
  virtual std::optional<TokenOwner> find_token(std::string_view digest, TimeMs now_ms) = 0;
  /// False when there was no such token.
  virtual bool remove_token(std::string_view digest) = 0;
  /// The tokens of one user (expired ones too, until purged), newest first.
  virtual std::vector<TokenRecord> tokens_of(std::string_view user_name) = 0;
  /// Deletes tokens expired at `now_ms`; how many.
  virtual std::int64_t remove_expired_tokens(TimeMs now_ms) = 0;
};

/// Opens the account store of a store URL (the same URL `--db` takes): "sqlite:PATH[?…]" or
/// "postgresql://…"; the tables are created when missing. Throws InputError for another scheme,
/// std::runtime_error when the database cannot be opened.
std::unique_ptr<AccountStore> open_account_store(std::string_view url);

}  // namespace egin::accounts
