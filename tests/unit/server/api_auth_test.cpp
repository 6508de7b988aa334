#include "egin/server/api_auth.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "egin/core/input_error.hpp"

namespace egin::server {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() /
                 (std::string("egin-auth-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(ConstantTimeEqual, ComparesBytesAndLengths) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
  EXPECT_FALSE(constant_time_equal("ab", "abc"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  // A prefix padded with NUL must not pass for the shorter string.
  EXPECT_FALSE(constant_time_equal(std::string_view("ab\0", 3), "ab"));
}

TEST(RandomToken, Is64HexDigitsAndDiffers) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string token = random_token_hex();
    ASSERT_EQ(token.size(), 64U);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 20U);
}

TEST(ApiAuth, AcceptsOnlyTheBearerToken) {
  const ApiAuth auth("s3cret-token-0123456789");
  const auto machine = auth.authenticate("Bearer s3cret-token-0123456789");
  ASSERT_TRUE(machine);
  EXPECT_EQ(machine->user, kMachineUser);
  EXPECT_EQ(machine->role, accounts::Role::kAdmin);
  EXPECT_TRUE(auth.authenticate("bearer s3cret-token-0123456789"));  // scheme case-insensitive
  EXPECT_FALSE(auth.authenticate(""));
  EXPECT_FALSE(auth.authenticate("Bearer "));
  EXPECT_FALSE(auth.authenticate("Bearer s3cret-token-012345678"));
  EXPECT_FALSE(auth.authenticate("Bearer s3cret-token-01234567890"));
  EXPECT_FALSE(auth.authenticate("Basic s3cret-token-0123456789"));
  EXPECT_FALSE(auth.authenticate("s3cret-token-0123456789"));
}

TEST(ApiAuth, CreatesTheTokenFileOnceWithMode0600) {
  const fs::path dir = temp_dir("create");
  const fs::path file = dir / "api-token";
  bool created = false;
  const ApiAuth first = ApiAuth::load_or_create(file, created);
  EXPECT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0600U);
  std::string token;
  std::ifstream(file) >> token;
  ASSERT_EQ(token.size(), 64U);
  EXPECT_TRUE(first.authenticate("Bearer " + token));

  const ApiAuth second = ApiAuth::load_or_create(file, created);
  EXPECT_FALSE(created);
  EXPECT_TRUE(second.authenticate("Bearer " + token));
  fs::remove_all(dir);
}

TEST(ApiAuth, RefusesAShortToken) {
  const fs::path dir = temp_dir("short");
  const fs::path file = dir / "api-token";
  std::ofstream(file) << "short\n";
  bool created = false;
  EXPECT_THROW(ApiAuth::load_or_create(file, created), InputError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace egin::server
