#include "egin/server/api_auth.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "egin/core/input_error.hpp"

namespace egin::server {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMinTokenChars = 16;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void write_new_token(const std::filesystem::path& file, const std::string& token) {
  // O_EXCL: two servers started on one data dir at once must not overwrite each other's token.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(),
                            "cannot create the API token file " + file.string());
  }
  const std::string line = token + "\n";
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int err = errno;
      ::close(fd);
      throw std::system_error(err, std::generic_category(), "cannot write " + file.string());
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    throw std::system_error(errno, std::generic_category(), "cannot write " + file.string());
  }
}

}  // namespace

ApiAuth::ApiAuth(std::string token, accounts::Accounts* accounts)
    : token_(std::move(token)), accounts_(accounts) {}

ApiAuth ApiAuth::load_or_create(const std::filesystem::path& file, bool& created,
                                accounts::Accounts* accounts) {
  created = false;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    const std::string token = random_token_hex();
    write_new_token(file, token);
    created = true;
    return ApiAuth(token, accounts);
  }
  std::ifstream in(file);
  if (!in) {
    throw std::runtime_error("cannot read the API token file " + file.string());
  }
  std::string line;
  std::getline(in, line);
  std::string token = trim(line);
  if (token.size() < kMinTokenChars || token.find_first_of(" \t") != std::string::npos) {
    throw InputError({file.string(), 1, "token"}, "the API token is missing or too short",
                     "one line of at least 16 characters without spaces");
  }
  return ApiAuth(std::move(token), accounts);
}

std::string_view ApiAuth::bearer_token(std::string_view authorization_header) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization_header.size() <= kScheme.size()) {
    return {};
  }
  // The scheme name is case-insensitive (RFC 7235 §2.1).
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    const char c = authorization_header[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const char want = kScheme[i];
    const char want_lower =
        (want >= 'A' && want <= 'Z') ? static_cast<char>(want - 'A' + 'a') : want;
    if (lower != want_lower) {
      return {};
    }
  }
  std::string_view presented = authorization_header.substr(kScheme.size());
  while (!presented.empty() && presented.front() == ' ') {
    presented.remove_prefix(1);
  }
  while (!presented.empty() && presented.back() == ' ') {
    presented.remove_suffix(1);
  }
  return presented;
}

bool ApiAuth::is_machine_token(std::string_view token) const {
  return !token.empty() && constant_time_equal(token, token_);
}

std::optional<accounts::Principal> ApiAuth::authenticate(
    std::string_view authorization_header) const {
  const std::string_view token = bearer_token(authorization_header);
  if (token.empty()) {
    return std::nullopt;
  }
  if (is_machine_token(token)) {
    accounts::Principal machine;
    machine.user = std::string(kMachineUser);
    machine.role = accounts::Role::kAdmin;
    machine.kind = accounts::TokenKind::kApi;
    return machine;
  }
  if (accounts_ == nullptr) {
    return std::nullopt;
  }
  return accounts_->authenticate(token);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  // Every byte of the longer string is visited whatever the content, so the time depends on the
  // lengths only; a length mismatch is folded into the same accumulator.
  const std::size_t n = a.size() > b.size() ? a.size() : b.size();
  unsigned diff = a.size() == b.size() ? 0U : 1U;
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
    const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
    diff |= static_cast<unsigned>(x ^ y);
  }
  return diff == 0U;
}

std::string random_token_hex() {
  std::array<unsigned char, kTokenBytes> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    got += static_cast<std::size_t>(n);
  }
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string text;
  text.reserve(bytes.size() * 2);
  for (const unsigned char b : bytes) {
    text.push_back(kHex[b >> 4U]);
    text.push_back(kHex[b & 0x0FU]);
  }
  return text;
}

}  // namespace egin::server
