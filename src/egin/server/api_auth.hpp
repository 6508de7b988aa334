// ApiAuth: the one place that decides who an /api/v1 request acts for, from its Authorization
// header ("Bearer <token>", scheme case-insensitive, RFC 7235 §2.1):
//   - the machine token of <data-dir>/api-token (created on first start from 32 random bytes,
//     mode 0600), compared in constant time: principal "api-token", role admin — whoever can read
//     that file can read the database too; give ingest gateways an operator API token instead;
//   - else a user's session or API token, looked up (as its digest) in Accounts.
// What a principal may do is the router's business (route_table.hpp). It must not know routes
// or HTTP libraries: callers hand it the header.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "egin/accounts/accounts.hpp"

namespace egin::server {

/// The user name the machine token acts as.
inline constexpr std::string_view kMachineUser = "api-token";

class ApiAuth {
 public:
  /// `accounts` may be null (only the machine token then).
  explicit ApiAuth(std::string token, accounts::Accounts* accounts = nullptr);

  /// Reads the token from `file`; when the file is missing, creates it (mode 0600) with 32 bytes
  /// from getrandom(2) written as 64 hex digits, and sets `created`. Throws std::runtime_error
  /// when the file cannot be read or written, InputError when it holds no usable token.
  static ApiAuth load_or_create(const std::filesystem::path& file, bool& created,
                                accounts::Accounts* accounts = nullptr);

  /// Who "Bearer <token>" is; nullopt for a missing, malformed, unknown or expired token.
  [[nodiscard]] std::optional<accounts::Principal> authenticate(
      std::string_view authorization_header) const;

  /// The token of a "Bearer <token>" header ("" when it is not one).
  static std::string_view bearer_token(std::string_view authorization_header);

  /// True for the machine token.
  [[nodiscard]] bool is_machine_token(std::string_view token) const;

  [[nodiscard]] accounts::Accounts* accounts() const { return accounts_; }

 private:
  std::string token_;
  accounts::Accounts* accounts_;
};

/// Compares two byte strings in time that depends on their lengths only, not on where they
/// differ (a timing side channel must not reveal the token byte by byte).
bool constant_time_equal(std::string_view a, std::string_view b);

/// 32 random bytes from the kernel as 64 lowercase hex digits.
std::string random_token_hex();

}  // namespace egin::server
