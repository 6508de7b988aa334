// Accounts on both backends: the first admin's generated password logs in; tokens expire with the
// clock and end at logout; wrong passwords and unknown names fail alike and are rate-limited;
// a new password ends sessions; the last admin stays; API tokens carry their lifetime; a hash
// made with an old cost is replaced at login; names and passwords are checked.
#include "egin/accounts/accounts.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "account_backends.hpp"
#include "egin/accounts/token.hpp"

namespace egin::accounts::testing {
namespace {

constexpr TimeMs kNow = 1'790'000'000'000;

AccountsOptions fast_options() {
  AccountsOptions o;
  o.cost = PasswordCost::minimum();
  return o;
}

class AccountsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db = GetParam().make();
    store = open_account_store(db->url());
    accounts = std::make_unique<Accounts>(*store, clock, fast_options());
  }
  void TearDown() override {
    accounts.reset();
    store.reset();
    db.reset();
  }

  ManualClock clock{kNow};
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<AccountStore> store;
  std::unique_ptr<Accounts> accounts;
};

AccountErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AccountError& e) {
    return e.code();
  }
  ADD_FAILURE() << "no AccountError";
  return AccountErrorCode::kInvalidValue;
}

TEST_P(AccountsTest, FirstAdminLogsInWithTheGeneratedPassword) {
  const auto password = accounts->create_first_admin();
  ASSERT_TRUE(password);
  EXPECT_EQ(password->size(), kGeneratedPasswordChars);
  EXPECT_FALSE(accounts->create_first_admin());                             // once only
  const IssuedToken t = accounts->login("Admin ", *password, "127.0.0.1");  // normalized name
  EXPECT_EQ(t.user.name, "admin");
  EXPECT_EQ(t.user.role, Role::kAdmin);
  EXPECT_TRUE(t.user.password_hash.empty());
  EXPECT_EQ(t.record.expires_ms, kNow + kDefaultSessionTtlMs);
  EXPECT_EQ(t.record.label, "login from 127.0.0.1");
  EXPECT_EQ(t.record.digest, token_digest(t.token));
  const auto p = accounts->authenticate(t.token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user, "admin");
  EXPECT_EQ(p->role, Role::kAdmin);
  EXPECT_EQ(p->kind, TokenKind::kSession);
}

TEST_P(AccountsTest, TokensExpireAndEndAtLogout) {
  accounts->add_user("aigerim", Role::kOperator, "greenhouse-42");
  const IssuedToken t = accounts->login("aigerim", "greenhouse-42", "a");
  clock.set(kNow + kDefaultSessionTtlMs - 1);
  EXPECT_TRUE(accounts->authenticate(t.token));
  clock.set(kNow + kDefaultSessionTtlMs);
  EXPECT_FALSE(accounts->authenticate(t.token));
  clock.set(kNow);
  const IssuedToken t2 = accounts->login("aigerim", "greenhouse-42", "a");
  EXPECT_NE(t2.token, t.token);
  EXPECT_TRUE(accounts->logout(t2.token));
  EXPECT_FALSE(accounts->authenticate(t2.token));
  EXPECT_FALSE(accounts->logout(t2.token));
  EXPECT_FALSE(accounts->authenticate(""));
  EXPECT_FALSE(accounts->authenticate(std::string(64, 'z')));
  clock.set(kNow + kDefaultSessionTtlMs);
  EXPECT_EQ(accounts->purge_expired(), 1);  // t expired (t2 was removed at logout)
}

TEST_P(AccountsTest, WrongPasswordAndUnknownNameFailAlikeAndAreLimited) {
  accounts->add_user("bolat", Role::kViewer, "melon-field-7");
  EXPECT_EQ(code_of([&] { accounts->login("bolat", "wrong-password", "10.0.0.5"); }),
            AccountErrorCode::kBadCredentials);
  EXPECT_EQ(code_of([&] { accounts->login("nobody", "melon-field-7", "10.0.0.5"); }),
            AccountErrorCode::kBadCredentials);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(code_of([&] { accounts->login("bolat", "wrong-password", "10.0.0.6"); }),
              AccountErrorCode::kBadCredentials);
  }
  // Five failures for the name: even the right password waits now.
  try {
    accounts->login("bolat", "melon-field-7", "10.0.0.7");
    ADD_FAILURE() << "not limited";
  } catch (const AccountError& e) {
    EXPECT_EQ(e.code(), AccountErrorCode::kRateLimited);
    EXPECT_NEAR(e.retry_after_s(), 60.0, 1e-6);
  }
  clock.advance(60 * kMsPerSecond);
  EXPECT_NO_THROW(accounts->login("bolat", "melon-field-7", "10.0.0.7"));
}

TEST_P(AccountsTest, ANewPasswordEndsSessions) {
  accounts->add_user("dana", Role::kOperator, "first-password");
  const IssuedToken t = accounts->login("dana", "first-password", "a");
  EXPECT_EQ(
      code_of([&] { accounts->change_password("dana", "bad-current", "next-password", "a"); }),
      AccountErrorCode::kBadCredentials);
  EXPECT_TRUE(accounts->authenticate(t.token));
  EXPECT_EQ(code_of([&] { accounts->change_password("dana", "first-password", "short", "a"); }),
            AccountErrorCode::kWeakPassword);
  accounts->change_password("dana", "first-password", "next-password", "a");
  EXPECT_FALSE(accounts->authenticate(t.token));
  EXPECT_EQ(code_of([&] { accounts->login("dana", "first-password", "a"); }),
            AccountErrorCode::kBadCredentials);
  EXPECT_NO_THROW(accounts->login("dana", "next-password", "a"));
  accounts->set_password("dana", "admin-set-password");
  EXPECT_NO_THROW(accounts->login("dana", "admin-set-password", "a"));
  EXPECT_EQ(code_of([&] { accounts->set_password("ghost", "admin-set-password"); }),
            AccountErrorCode::kNotFound);
}

TEST_P(AccountsTest, RolesNamesAndTheLastAdmin) {
  ASSERT_TRUE(accounts->create_first_admin("root"));
  EXPECT_EQ(code_of([&] { accounts->remove_user("root"); }), AccountErrorCode::kLastAdmin);
  EXPECT_EQ(code_of([&] { accounts->set_role("root", Role::kViewer); }),
            AccountErrorCode::kLastAdmin);
  EXPECT_EQ(code_of([&] { accounts->add_user("Bad Name", Role::kViewer, "long-enough"); }),
            AccountErrorCode::kInvalidName);
  EXPECT_EQ(code_of([&] { accounts->add_user("-dash", Role::kViewer, "long-enough"); }),
            AccountErrorCode::kInvalidName);
  EXPECT_EQ(code_of([&] { accounts->add_user("erlan", Role::kViewer, "erlan"); }),
            AccountErrorCode::kWeakPassword);
  accounts->add_user("erlan", Role::kViewer, "long-enough");
  EXPECT_EQ(code_of([&] { accounts->add_user("erlan", Role::kAdmin, "long-enough"); }),
            AccountErrorCode::kExists);
  accounts->set_role("erlan", Role::kAdmin);
  accounts->remove_user("root");
  ASSERT_EQ(accounts->users().size(), 1U);
  EXPECT_EQ(accounts->users()[0].name, "erlan");
  EXPECT_TRUE(accounts->users()[0].password_hash.empty());
  EXPECT_EQ(code_of([&] { accounts->remove_user("root"); }), AccountErrorCode::kNotFound);
}

TEST_P(AccountsTest, ApiTokensCarryTheirLifetime) {
  accounts->add_user("gateway-gh1", Role::kOperator, "unused-password");
  const IssuedToken t = accounts->issue_api_token("gateway-gh1", 365 * kMsPerDay, "gh1 node");
  EXPECT_EQ(t.record.kind, TokenKind::kApi);
  EXPECT_EQ(t.record.expires_ms, kNow + 365 * kMsPerDay);
  const auto p = accounts->authenticate(t.token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, TokenKind::kApi);
  EXPECT_EQ(p->role, Role::kOperator);
  EXPECT_EQ(accounts->tokens_of("gateway-gh1").size(), 1U);
  // A password change keeps API tokens.
  accounts->set_password("gateway-gh1", "another-password");
  EXPECT_TRUE(accounts->authenticate(t.token));
  EXPECT_EQ(code_of([&] { accounts->issue_api_token("gateway-gh1", 0, ""); }),
            AccountErrorCode::kInvalidValue);
  EXPECT_EQ(code_of([&] { accounts->issue_api_token("nobody", kMsPerDay, ""); }),
            AccountErrorCode::kNotFound);
}

TEST_P(AccountsTest, AnOldCostIsReplacedAtLogin) {
  accounts->add_user("farida", Role::kViewer, "orchard-apple");
  const std::string before = store->find_user("farida")->password_hash;
  AccountsOptions stronger = fast_options();
  stronger.cost.opslimit = 3;
  Accounts upgraded(*store, clock, stronger);
  upgraded.login("farida", "orchard-apple", "a");
  const std::string after = store->find_user("farida")->password_hash;
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("t=3"), std::string::npos) << after;
  EXPECT_NO_THROW(upgraded.login("farida", "orchard-apple", "a"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest,
                         ::testing::Values(sqlite_backend(), postgres_backend()), backend_name);

TEST(UserName, Rules) {
  EXPECT_TRUE(is_valid_user_name("admin"));
  EXPECT_TRUE(is_valid_user_name("a.b_c-9"));
  EXPECT_TRUE(is_valid_user_name("9lives"));
  EXPECT_FALSE(is_valid_user_name(""));
  EXPECT_FALSE(is_valid_user_name("Admin"));
  EXPECT_FALSE(is_valid_user_name(".hidden"));
  EXPECT_FALSE(is_valid_user_name("has space"));
  EXPECT_FALSE(is_valid_user_name(std::string(65, 'a')));
  EXPECT_EQ(normalize_user_name("  Aigerim\t"), "aigerim");
}

}  // namespace
}  // namespace egin::accounts::testing
