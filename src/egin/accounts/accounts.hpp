// Accounts: the account rules on top of an AccountStore — user names, password policy and
// argon2id hashing (password.hpp), logins that issue expiring bearer tokens, token checks,
// logouts, failed-login limits (login_limiter.hpp), API tokens for machines, the first admin
// with a generated password, and "never remove or demote the last admin".
//
// | option               | default   | meaning                                                |
// |----------------------|-----------|--------------------------------------------------------|
// | cost                 | 2, 64 MiB | argon2id cost of new hashes (PasswordCost)             |
// | session_ttl_ms       | 12 h      | a login's token expires this long after the login      |
// | max_parallel_hashes  | 2         | argon2id runs at once (each takes cost's memory)       |
// | limits               | see limiter | failed-login buckets per user and per address        |
//
// Time comes from the clock handed in (a real wall clock in `egin serve`, whatever the site
// clock does). Unknown users cost the same argon2id work as known ones, so a login's time does
// not tell which names exist. Thread-safe.
// It must not know HTTP: the server turns AccountError codes into statuses.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "egin/accounts/account_store.hpp"
#include "egin/accounts/login_limiter.hpp"
#include "egin/accounts/password.hpp"
#include "egin/accounts/role.hpp"
#include "egin/core/clock.hpp"

namespace egin::accounts {

inline constexpr std::size_t kMaxUserNameBytes = 64;
inline constexpr TimeMs kDefaultSessionTtlMs = 12 * kMsPerHour;
inline constexpr TimeMs kMaxTokenTtlMs = 3660 * kMsPerDay;  // ten years and some
inline constexpr std::size_t kMaxTokenLabelBytes = 200;

enum class AccountErrorCode {
  kInvalidName,     // not a user name
  kWeakPassword,    // password_problem() said why
  kExists,          // the name is taken
  kNotFound,        // no such user
  kLastAdmin,       // would leave no admin
  kBadCredentials,  // wrong name or password (never says which)
  kRateLimited,     // too many failures: retry_after_s
  kInvalidValue,    // another bad argument (a token lifetime, a label)
};

class AccountError final : public std::runtime_error {
 public:
  AccountError(AccountErrorCode code, const std::string& reason, double retry_after_s = 0.0)
      : std::runtime_error(reason), code_(code), retry_after_s_(retry_after_s) {}
  [[nodiscard]] AccountErrorCode code() const { return code_; }
  [[nodiscard]] double retry_after_s() const { return retry_after_s_; }

 private:
  AccountErrorCode code_;
  double retry_after_s_;
};

/// Who a request acts for.
struct Principal {
  std::string user;
  Role role = Role::kViewer;
  TokenKind kind = TokenKind::kSession;
  std::string token_digest;
  TimeMs expires_ms = 0;
};

/// A token as issued: the secret is shown once and never stored.
struct IssuedToken {
  std::string token;
  TokenRecord record;
  User user;
};

struct AccountsOptions {
  PasswordCost cost;
  TimeMs session_ttl_ms = kDefaultSessionTtlMs;
  std::ptrdiff_t max_parallel_hashes = 2;
  LimiterOptions limits;
};

/// [a-z0-9][a-z0-9._-]*, at most kMaxUserNameBytes.
bool is_valid_user_name(std::string_view name);

/// A name as people type it, the way it is stored: surrounding blanks cut, ASCII letters lowered
/// (phones capitalise the first letter).
std::string normalize_user_name(std::string_view name);

class Accounts {
 public:
  Accounts(AccountStore& store, const Clock& clock, AccountsOptions options = {});

  /// When the store has no user at all: creates `name` as admin with a generated password and
  /// returns that password (to be shown once). nullopt when there are users already.
  std::optional<std::string> create_first_admin(std::string_view name = "admin");

  /// Checks the name and password and issues a session token. Throws AccountError
  /// kRateLimited (before checking anything) or kBadCredentials.
  IssuedToken login(std::string_view name, std::string_view password, std::string_view address);

  /// The principal of a valid, unexpired token; nullopt otherwise.
  std::optional<Principal> authenticate(std::string_view token);

  /// Ends the session (or revokes the API token) `token` is; false when it was not valid.
  bool logout(std::string_view token);

  User add_user(std::string_view name, Role role, std::string_view password);
  /// Sets a new password (an admin, or `egin user passwd`); ends the user's sessions.
  void set_password(std::string_view name, std::string_view password);
  /// A user changing their own password: `current` must match (counts as a login attempt for
  /// the limiter). Ends all the user's sessions, this one too (log in again).
  void change_password(std::string_view name, std::string_view current, std::string_view next,
                       std::string_view address);
  void set_role(std::string_view name, Role role);
  void remove_user(std::string_view name);
  std::vector<User> users();
  std::optional<User> find_user(std::string_view name);

  /// A long-lived token for a machine client acting as `name` (an ingest gateway).
  IssuedToken issue_api_token(std::string_view name, TimeMs ttl_ms, std::string_view label);
  std::vector<TokenRecord> tokens_of(std::string_view name);
  /// Revokes the token of user `name` whose digest starts with `digest_prefix` (at least 16 hex
  /// digits, as the API shows token ids); false when there is none.
  bool revoke_token(std::string_view name, std::string_view digest_prefix);
  /// Deletes expired tokens; how many.
  std::int64_t purge_expired();

  [[nodiscard]] const AccountsOptions& options() const { return options_; }

 private:
  std::string hash(std::string_view password);
  bool verify(std::string_view hash, std::string_view password);
  std::string dummy_hash();
  IssuedToken issue(const User& user, TokenKind kind, TimeMs ttl_ms, std::string label);

  AccountStore& store_;
  const Clock& clock_;
  AccountsOptions options_;
  LoginLimiter limiter_;
  std::unique_ptr<std::counting_semaphore<64>> hash_slots_;
  std::mutex dummy_mutex_;
  std::string dummy_hash_;
};

}  // namespace egin::accounts
