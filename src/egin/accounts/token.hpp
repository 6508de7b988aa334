// Bearer tokens of user sessions and API clients: 32 random bytes shown once as 64 hex digits,
// and the digest (BLAKE2b-256, hex) that is all the store keeps — a stolen database yields no
// usable token. A fast hash is right here: the token has full entropy, unlike a password.
// It must not store, expire or look up tokens (AccountStore and Accounts do).
#pragma once

#include <string>
#include <string_view>

namespace egin::accounts {

inline constexpr std::size_t kTokenHexChars = 64;

/// A new token: 32 bytes from libsodium's CSPRNG as 64 lowercase hex digits.
std::string generate_token();

/// The stored form of a token: BLAKE2b with a 32-byte output (libsodium crypto_generichash), hex.
std::string token_digest(std::string_view token);

/// Compares two byte strings in time that depends on their lengths only.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace egin::accounts
