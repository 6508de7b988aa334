// Passwords: argon2id strings that verify the right password only, carry the cost asked, are
// salted (two hashes of one password differ), flag a cost change for re-hashing; generated
// passwords use the look-alike-free alphabet; the policy's limits.
#include "egin/accounts/password.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "egin/accounts/token.hpp"

namespace egin::accounts {
namespace {

TEST(Password, HashVerifiesOnlyTheRightPassword) {
  const PasswordCost cost = PasswordCost::minimum();
  const std::string h = hash_password("correct horse battery", cost);
  EXPECT_TRUE(h.starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << h;
  EXPECT_TRUE(verify_password(h, "correct horse battery"));
  EXPECT_FALSE(verify_password(h, "correct horse batterY"));
  EXPECT_FALSE(verify_password(h, ""));
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$2y$10$bcrypthashesarenotaccepted", "x"));
  EXPECT_NE(hash_password("same password", cost), hash_password("same password", cost));
}

TEST(Password, TheDefaultCostIsArgon2idInteractive) {
  const std::string h = hash_password("a default-cost password", PasswordCost::interactive());
  EXPECT_TRUE(h.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << h;
  EXPECT_TRUE(verify_password(h, "a default-cost password"));
  EXPECT_FALSE(needs_rehash(h, PasswordCost::interactive()));
  EXPECT_TRUE(needs_rehash(h, PasswordCost::minimum()));
  EXPECT_TRUE(needs_rehash("not a hash", PasswordCost::minimum()));
}

TEST(Password, GeneratedPasswordsAreLongAndFreeOfLookAlikes) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string p = generate_password();
    ASSERT_EQ(p.size(), kGeneratedPasswordChars);
    EXPECT_EQ(p.find_first_of("0Oo1lI"), std::string::npos) << p;
    EXPECT_TRUE(password_problem(p, "admin").empty());
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 200U);
}

TEST(Password, PolicyNamesTheProblem) {
  EXPECT_NE(password_problem("short", "u").find("shorter than 10"), std::string::npos);
  EXPECT_NE(password_problem(std::string(1025, 'x'), "u").find("longer than 1024"),
            std::string::npos);
  EXPECT_NE(password_problem("aigerim-farm", "aigerim-farm").find("user name"), std::string::npos);
  EXPECT_NE(password_problem("tab\there-long", "u").find("control"), std::string::npos);
  EXPECT_TRUE(password_problem("ten chars!", "u").empty());
  EXPECT_TRUE(password_problem("Қазақша құпия сөз", "u").empty());  // UTF-8 is fine
}

TEST(Token, RandomHexAndItsDigest) {
  const std::string t = generate_token();
  ASSERT_EQ(t.size(), kTokenHexChars);
  EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(generate_token(), t);
  const std::string d = token_digest(t);
  EXPECT_EQ(d.size(), 64U);
  EXPECT_EQ(token_digest(t), d);
  EXPECT_NE(token_digest(t + "0"), d);
  // BLAKE2b-256 of the empty string (RFC 7693 reference implementation, outlen 32).
  EXPECT_EQ(token_digest(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(Token, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace egin::accounts
