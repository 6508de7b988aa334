// ApiAuth: the one place that decides whether an /api/v1 request may proceed — a bearer token
// compared in constant time with the server's token, kept in <data-dir>/api-token (created on
// first start from 32 random bytes, written mode 0600). Roles and users come later and belong
// here too. It must not know routes or HTTP libraries: callers hand it the Authorization header.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace egin::server {

class ApiAuth {
 public:
  explicit ApiAuth(std::string token);

  /// Reads the token from `file`; when the file is missing, creates it (mode 0600) with 32 bytes
  /// from getrandom(2) written as 64 hex digits, and sets `created`. Throws std::runtime_error
  /// when the file cannot be read or written, InputError when it holds no usable token.
  static ApiAuth load_or_create(const std::filesystem::path& file, bool& created);

  /// True when `authorization_header` is "Bearer <token>" with this server's token.
  [[nodiscard]] bool authorize(std::string_view authorization_header) const;

 private:
  std::string token_;
};

/// Compares two byte strings in time that depends on their lengths only, not on where they
/// differ (a timing side channel must not reveal the token byte by byte).
bool constant_time_equal(std::string_view a, std::string_view b);

/// 32 random bytes from the kernel as 64 lowercase hex digits.
std::string random_token_hex();

}  // namespace egin::server
