#include "egin/accounts/accounts.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "egin/accounts/token.hpp"

namespace egin::accounts {

namespace {

// Holds one argon2id slot for its lifetime.
class HashSlot {
 public:
  explicit HashSlot(std::counting_semaphore<64>& slots) : slots_(slots) { slots_.acquire(); }
  ~HashSlot() { slots_.release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;

 private:
  std::counting_semaphore<64>& slots_;
};

void check_name(std::string_view name) {
  if (!is_valid_user_name(name)) {
    throw AccountError(AccountErrorCode::kInvalidName,
                       "'" + std::string(name.substr(0, 80)) +
                           "' is not a user name (expected 1 to 64 of a-z 0-9 . _ -, starting "
                           "with a letter or digit)");
  }
}

void check_password(std::string_view password, std::string_view name) {
  const std::string problem = password_problem(password, name);
  if (!problem.empty()) {
    throw AccountError(AccountErrorCode::kWeakPassword,
                       problem + " (expected " + std::to_string(kMinPasswordBytes) + " to " +
                           std::to_string(kMaxPasswordBytes) +
                           " bytes, no control characters, not the user name)");
  }
}

[[noreturn]] void not_found(std::string_view name) {
  throw AccountError(AccountErrorCode::kNotFound, "no user '" + std::string(name) + "'");
}

[[noreturn]] void last_admin(std::string_view name) {
  throw AccountError(
      AccountErrorCode::kLastAdmin,
      "'" + std::string(name) + "' is the only admin (make another user admin first)");
}

}  // namespace

bool is_valid_user_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxUserNameBytes) {
    return false;
  }
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front())) {
    return false;
  }
  return std::all_of(name.begin(), name.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string normalize_user_name(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) {
    name.remove_prefix(1);
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
    name.remove_suffix(1);
  }
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

Accounts::Accounts(AccountStore& store, const Clock& clock, AccountsOptions options)
    : store_(store),
      clock_(clock),
      options_(options),
      limiter_(options.limits),
      hash_slots_(std::make_unique<std::counting_semaphore<64>>(
          std::clamp<std::ptrdiff_t>(options.max_parallel_hashes, 1, 64))) {}

std::string Accounts::hash(std::string_view password) {
  const HashSlot slot(*hash_slots_);
  return hash_password(password, options_.cost);
}

bool Accounts::verify(std::string_view hash, std::string_view password) {
  const HashSlot slot(*hash_slots_);
  return verify_password(hash, password);
}

std::string Accounts::dummy_hash() {
  const std::lock_guard lock(dummy_mutex_);
  if (dummy_hash_.empty()) {
    dummy_hash_ = hash_password(generate_password(), options_.cost);
  }
  return dummy_hash_;
}

std::optional<std::string> Accounts::create_first_admin(std::string_view name) {
  check_name(name);
  if (!store_.users().empty()) {
    return std::nullopt;
  }
  std::string password = generate_password();
  if (!store_.create_first_admin(name, hash(password), clock_.now_ms())) {
    return std::nullopt;  // another process made one meanwhile
  }
  return password;
}

IssuedToken Accounts::issue(const User& user, TokenKind kind, TimeMs ttl_ms, std::string label) {
  const TimeMs now_ms = clock_.now_ms();
  IssuedToken issued;
  issued.token = generate_token();
  issued.record.digest = token_digest(issued.token);
  issued.record.user_id = user.id;
  issued.record.kind = kind;
  issued.record.label = std::move(label);
  issued.record.created_ms = now_ms;
  issued.record.expires_ms = now_ms + ttl_ms;
  issued.user = user;
  issued.user.password_hash.clear();
  store_.add_token(issued.record);
  return issued;
}

IssuedToken Accounts::login(std::string_view name_in, std::string_view password,
                            std::string_view address) {
  const std::string name = normalize_user_name(name_in);
  const TimeMs now_ms = clock_.now_ms();
  const double wait_s = limiter_.wait_s(name, address, now_ms);
  if (wait_s > 0.0) {
    throw AccountError(AccountErrorCode::kRateLimited,
                       "too many failed logins; try again in " +
                           std::to_string(static_cast<long>(std::ceil(wait_s))) + " s",
                       wait_s);
  }
  const std::optional<User> user = is_valid_user_name(name) ? store_.find_user(name) : std::nullopt;
  const bool ok = user ? verify(user->password_hash, password)
                       : (static_cast<void>(verify(dummy_hash(), password)), false);
  if (!ok) {
    limiter_.record_failure(name, address, now_ms);
    throw AccountError(AccountErrorCode::kBadCredentials, "wrong user name or password");
  }
  limiter_.record_success(name, now_ms);
  if (needs_rehash(user->password_hash, options_.cost)) {
    store_.set_password_hash(name, hash(password), now_ms, false);
  }
  return issue(*user, TokenKind::kSession, options_.session_ttl_ms,
               "login from " + std::string(address.substr(0, 64)));
}

std::optional<Principal> Accounts::authenticate(std::string_view token) {
  if (token.size() != kTokenHexChars) {
    return std::nullopt;
  }
  const auto owner = store_.find_token(token_digest(token), clock_.now_ms());
  if (!owner) {
    return std::nullopt;
  }
  Principal p;
  p.user = owner->user.name;
  p.role = owner->user.role;
  p.kind = owner->token.kind;
  p.token_digest = owner->token.digest;
  p.expires_ms = owner->token.expires_ms;
  return p;
}

bool Accounts::logout(std::string_view token) {
  if (token.size() != kTokenHexChars) {
    return false;
  }
  return store_.remove_token(token_digest(token));
}

User Accounts::add_user(std::string_view name, Role role, std::string_view password) {
  check_name(name);
  check_password(password, name);
  auto user = store_.create_user(name, role, hash(password), clock_.now_ms());
  if (!user) {
    throw AccountError(AccountErrorCode::kExists, "user '" + std::string(name) + "' exists");
  }
  user->password_hash.clear();
  return *user;
}

void Accounts::set_password(std::string_view name, std::string_view password) {
  check_password(password, name);
  if (!store_.find_user(name)) {
    not_found(name);
  }
  if (!store_.set_password_hash(name, hash(password), clock_.now_ms(), true)) {
    not_found(name);
  }
}

void Accounts::change_password(std::string_view name, std::string_view current,
                               std::string_view next, std::string_view address) {
  const TimeMs now_ms = clock_.now_ms();
  const double wait_s = limiter_.wait_s(name, address, now_ms);
  if (wait_s > 0.0) {
    throw AccountError(AccountErrorCode::kRateLimited,
                       "too many failed attempts; try again in " +
                           std::to_string(static_cast<long>(std::ceil(wait_s))) + " s",
                       wait_s);
  }
  const auto user = store_.find_user(name);
  if (!user) {
    not_found(name);
  }
  if (!verify(user->password_hash, current)) {
    limiter_.record_failure(name, address, now_ms);
    throw AccountError(AccountErrorCode::kBadCredentials, "the current password is wrong");
  }
  check_password(next, name);
  store_.set_password_hash(name, hash(next), now_ms, true);
}

void Accounts::set_role(std::string_view name, Role role) {
  switch (store_.set_role(name, role)) {
    case ChangeResult::kDone:
      return;
    case ChangeResult::kNotFound:
      not_found(name);
    case ChangeResult::kLastAdmin:
      last_admin(name);
  }
}

void Accounts::remove_user(std::string_view name) {
  switch (store_.remove_user(name)) {
    case ChangeResult::kDone:
      return;
    case ChangeResult::kNotFound:
      not_found(name);
    case ChangeResult::kLastAdmin:
      last_admin(name);
  }
}

std::vector<User> Accounts::users() {
  std::vector<User> out = store_.users();
  for (User& u : out) {
    u.password_hash.clear();
  }
  return out;
}

std::optional<User> Accounts::find_user(std::string_view name) {
  auto user = store_.find_user(name);
  if (user) {
    user->password_hash.clear();
  }
  return user;
}

IssuedToken Accounts::issue_api_token(std::string_view name, TimeMs ttl_ms,
                                      std::string_view label) {
  if (ttl_ms <= 0 || ttl_ms > kMaxTokenTtlMs) {
    throw AccountError(AccountErrorCode::kInvalidValue,
                       "token lifetime " + std::to_string(ttl_ms / kMsPerDay) +
                           " days is out of range (expected 1 to 3660 days)");
  }
  if (label.size() > kMaxTokenLabelBytes) {
    throw AccountError(AccountErrorCode::kInvalidValue,
                       "token label longer than " + std::to_string(kMaxTokenLabelBytes) + " bytes");
  }
  const auto user = store_.find_user(name);
  if (!user) {
    not_found(name);
  }
  return issue(*user, TokenKind::kApi, ttl_ms, std::string(label));
}

std::vector<TokenRecord> Accounts::tokens_of(std::string_view name) {
  if (!store_.find_user(name)) {
    not_found(name);
  }
  return store_.tokens_of(name);
}

bool Accounts::revoke_token(std::string_view name, std::string_view digest_prefix) {
  if (digest_prefix.size() < 16) {
    return false;
  }
  for (const TokenRecord& t : tokens_of(name)) {
    if (t.digest.starts_with(digest_prefix)) {
      return store_.remove_token(t.digest);
    }
  }
  return false;
}

std::int64_t Accounts::purge_expired() { return store_.remove_expired_tokens(clock_.now_ms()); }

}  // namespace egin::accounts
