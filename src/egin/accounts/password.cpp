#include "egin/accounts/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "egin/accounts/sodium_init.hpp"

namespace egin::accounts {

namespace {

constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

}  // namespace

PasswordCost PasswordCost::minimum() {
  return PasswordCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::string hash_password(std::string_view password, const PasswordCost& cost) {
  ensure_sodium();
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.opslimit,
                            cost.memlimit_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: cannot hash the password (out of memory for " +
                             std::to_string(cost.memlimit_bytes) + " bytes)");
  }
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !hash.starts_with("$argon2id$")) {
    return false;
  }
  const std::string terminated(hash);  // libsodium reads a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash, const PasswordCost& cost) {
  ensure_sodium();
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost.opslimit, cost.memlimit_bytes) !=
         0;
}

std::string generate_password() {
  ensure_sodium();
  std::string out;
  out.reserve(kGeneratedPasswordChars);
  for (std::size_t i = 0; i < kGeneratedPasswordChars; ++i) {
    // randombytes_uniform has no modulo bias.
    out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

std::string password_problem(std::string_view password, std::string_view user_name) {
  if (password.size() < kMinPasswordBytes) {
    return "the password is shorter than " + std::to_string(kMinPasswordBytes) + " characters";
  }
  if (password.size() > kMaxPasswordBytes) {
    return "the password is longer than " + std::to_string(kMaxPasswordBytes) + " bytes";
  }
  if (password == user_name) {
    return "the password equals the user name";
  }
  if (std::any_of(password.begin(), password.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return "the password holds a control character";
  }
  return {};
}

}  // namespace egin::accounts
