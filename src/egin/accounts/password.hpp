// Passwords: argon2id hashes in the PHC string form libsodium writes
// ("$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>", salt random per hash), their verification,
// generated passwords, and the rules a chosen password must meet. Hashing costs memory and time
// on purpose (RFC 9106 §4); PasswordCost sets how much, and a hash made with a lower cost than
// the current one is reported for re-hashing at the next login.
// It must not store anything or know users beyond the name a password must differ from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace egin::accounts {

/// argon2id cost: passes over memory (opslimit) and memory in bytes (memlimit).
/// | preset      | opslimit | memlimit | source                                           |
/// |-------------|----------|----------|--------------------------------------------------|
/// | interactive | 2        | 64 MiB   | libsodium crypto_pwhash_*_INTERACTIVE (default)  |
/// | minimum     | 1        | 8 KiB    | libsodium crypto_pwhash_*_MIN (tests only)       |
/// OWASP's password storage cheat sheet asks at least m = 19 MiB, t = 2 for argon2id.
struct PasswordCost {
  unsigned long long opslimit = 2;
  std::size_t memlimit_bytes = std::size_t{64} * 1024 * 1024;

  static PasswordCost interactive() { return {}; }
  static PasswordCost minimum();
};

inline constexpr std::size_t kMinPasswordBytes = 10;  // NIST SP 800-63B §5.1.1.2 asks >= 8
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kGeneratedPasswordChars = 20;  // ~116 bits from 56 symbols

/// The argon2id hash of `password` with a fresh random salt. Throws std::runtime_error when
/// libsodium cannot allocate the memory the cost asks.
std::string hash_password(std::string_view password, const PasswordCost& cost);

/// True when `password` matches `hash` (an argon2id string); false for any other text in `hash`.
bool verify_password(std::string_view hash, std::string_view password);

/// True when `hash` was made with another cost than `cost` (or is not a valid hash).
bool needs_rehash(std::string_view hash, const PasswordCost& cost);

/// A random password of kGeneratedPasswordChars from letters and digits without look-alikes
/// (no 0 O o 1 l I), for first-start admins and `egin user add` without a password.
std::string generate_password();

/// Why `password` may not be used (empty when it may): too short, too long, equal to the user
/// name, or holding a control character.
std::string password_problem(std::string_view password, std::string_view user_name);

}  // namespace egin::accounts
