// AccountStore on both backends: users and tokens round-trip, names are unique, the first admin
// goes only into an empty table, the last admin can be neither removed nor demoted, a new
// password ends sessions but keeps API tokens, expired tokens are not found and are purged,
// removing a user removes its tokens, and a second connection (another process) sees it all.
#include "egin/accounts/account_store.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "account_backends.hpp"
#include "egin/core/input_error.hpp"

namespace egin::accounts::testing {
namespace {

constexpr TimeMs kNow = 1'790'000'000'000;

class AccountStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db = GetParam().make();
    store = open_account_store(db->url());
  }
  void TearDown() override {
    store.reset();
    db.reset();
  }
  TokenRecord token(std::string digest, std::int64_t user_id, TokenKind kind, TimeMs expires) {
    TokenRecord t;
    t.digest = std::move(digest);
    t.user_id = user_id;
    t.kind = kind;
    t.label = "test";
    t.created_ms = kNow;
    t.expires_ms = expires;
    return t;
  }

  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<AccountStore> store;
};

TEST_P(AccountStoreTest, UsersRoundTripAndNamesAreUnique) {
  EXPECT_TRUE(store->users().empty());
  const auto a = store->create_user("aigerim", Role::kOperator, "$argon2id$x", kNow);
  ASSERT_TRUE(a);
  EXPECT_GT(a->id, 0);
  EXPECT_EQ(a->name, "aigerim");
  EXPECT_EQ(a->role, Role::kOperator);
  EXPECT_EQ(a->password_hash, "$argon2id$x");
  EXPECT_EQ(a->created_ms, kNow);
  EXPECT_EQ(a->password_changed_ms, kNow);
  EXPECT_FALSE(store->create_user("aigerim", Role::kAdmin, "$argon2id$y", kNow + 1));
  ASSERT_TRUE(store->create_user("bolat", Role::kViewer, "$argon2id$z", kNow));
  const auto all = store->users();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].name, "aigerim");  // by name
  EXPECT_EQ(all[1].name, "bolat");
  EXPECT_EQ(all[1].role, Role::kViewer);
  EXPECT_FALSE(store->find_user("nobody"));
  EXPECT_EQ(store->find_user("aigerim")->password_hash, "$argon2id$x");
}

TEST_P(AccountStoreTest, FirstAdminOnlyIntoAnEmptyTable) {
  const auto admin = store->create_first_admin("admin", "$argon2id$a", kNow);
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->role, Role::kAdmin);
  EXPECT_FALSE(store->create_first_admin("admin2", "$argon2id$b", kNow));
  EXPECT_EQ(store->users().size(), 1U);
}

TEST_P(AccountStoreTest, TheLastAdminStays) {
  ASSERT_TRUE(store->create_first_admin("admin", "h", kNow));
  EXPECT_EQ(store->remove_user("admin"), ChangeResult::kLastAdmin);
  EXPECT_EQ(store->set_role("admin", Role::kOperator), ChangeResult::kLastAdmin);
  EXPECT_EQ(store->set_role("admin", Role::kAdmin), ChangeResult::kDone);  // no change: fine
  ASSERT_TRUE(store->create_user("second", Role::kAdmin, "h", kNow));
  EXPECT_EQ(store->set_role("admin", Role::kViewer), ChangeResult::kDone);
  EXPECT_EQ(store->find_user("admin")->role, Role::kViewer);
  EXPECT_EQ(store->remove_user("second"), ChangeResult::kLastAdmin);
  EXPECT_EQ(store->remove_user("admin"), ChangeResult::kDone);
  EXPECT_EQ(store->remove_user("admin"), ChangeResult::kNotFound);
  EXPECT_EQ(store->set_role("ghost", Role::kViewer), ChangeResult::kNotFound);
}

TEST_P(AccountStoreTest, TokensExpireAndBelongToTheirUser) {
  const auto u = store->create_user("dana", Role::kOperator, "h", kNow);
  ASSERT_TRUE(u);
  store->add_token(token("d1", u->id, TokenKind::kSession, kNow + 1000));
  store->add_token(token("d2", u->id, TokenKind::kApi, kNow + 5000));
  const auto found = store->find_token("d1", kNow + 999);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.name, "dana");
  EXPECT_EQ(found->user.role, Role::kOperator);
  EXPECT_EQ(found->token.kind, TokenKind::kSession);
  EXPECT_EQ(found->token.expires_ms, kNow + 1000);
  EXPECT_EQ(found->token.label, "test");
  EXPECT_FALSE(store->find_token("d1", kNow + 1000));  // expires_ms itself is past
  EXPECT_FALSE(store->find_token("nope", kNow));
  EXPECT_EQ(store->tokens_of("dana").size(), 2U);
  EXPECT_EQ(store->remove_expired_tokens(kNow + 1000), 1);
  EXPECT_EQ(store->tokens_of("dana").size(), 1U);
  EXPECT_TRUE(store->remove_token("d2"));
  EXPECT_FALSE(store->remove_token("d2"));
  EXPECT_TRUE(store->tokens_of("dana").empty());
}

TEST_P(AccountStoreTest, ANewPasswordEndsSessionsButKeepsApiTokens) {
  const auto u = store->create_user("erlan", Role::kViewer, "old", kNow);
  ASSERT_TRUE(u);
  store->add_token(token("s1", u->id, TokenKind::kSession, kNow + 10000));
  store->add_token(token("a1", u->id, TokenKind::kApi, kNow + 10000));
  EXPECT_TRUE(store->set_password_hash("erlan", "new", kNow + 5, true));
  EXPECT_EQ(store->find_user("erlan")->password_hash, "new");
  EXPECT_EQ(store->find_user("erlan")->password_changed_ms, kNow + 5);
  EXPECT_FALSE(store->find_token("s1", kNow));
  EXPECT_TRUE(store->find_token("a1", kNow));
  EXPECT_FALSE(store->set_password_hash("ghost", "x", kNow, true));
  // A re-hash at login keeps the sessions.
  store->add_token(token("s2", u->id, TokenKind::kSession, kNow + 10000));
  EXPECT_TRUE(store->set_password_hash("erlan", "rehashed", kNow + 6, false));
  EXPECT_TRUE(store->find_token("s2", kNow));
}

TEST_P(AccountStoreTest, RemovingAUserRemovesItsTokens) {
  ASSERT_TRUE(store->create_first_admin("admin", "h", kNow));
  const auto u = store->create_user("farida", Role::kViewer, "h", kNow);
  store->add_token(token("f1", u->id, TokenKind::kSession, kNow + 10000));
  EXPECT_EQ(store->remove_user("farida"), ChangeResult::kDone);
  EXPECT_FALSE(store->find_token("f1", kNow));
  // The name may be used again, and the old token does not come back with it.
  const auto again = store->create_user("farida", Role::kViewer, "h", kNow);
  ASSERT_TRUE(again);
  EXPECT_FALSE(store->find_token("f1", kNow));
}

TEST_P(AccountStoreTest, ASecondConnectionSeesTheSameAccounts) {
  ASSERT_TRUE(store->create_first_admin("admin", "h", kNow));
  const auto other = open_account_store(db->url());
  EXPECT_EQ(other->users().size(), 1U);
  ASSERT_TRUE(other->create_user("gulnar", Role::kOperator, "h", kNow));
  EXPECT_TRUE(store->find_user("gulnar"));
  // Two connections racing to remove the two admins: one of them must stay.
  ASSERT_TRUE(store->create_user("admin2", Role::kAdmin, "h", kNow));
  ChangeResult r1 = ChangeResult::kNotFound;
  ChangeResult r2 = ChangeResult::kNotFound;
  std::thread t1([&] { r1 = store->remove_user("admin"); });
  std::thread t2([&] { r2 = other->remove_user("admin2"); });
  t1.join();
  t2.join();
  EXPECT_EQ((r1 == ChangeResult::kDone ? 1 : 0) + (r2 == ChangeResult::kDone ? 1 : 0), 1);
  std::size_t admins = 0;
  for (const auto& u : store->users()) {
    admins += u.role == Role::kAdmin ? 1U : 0U;
  }
  EXPECT_EQ(admins, 1U);
}

TEST_P(AccountStoreTest, OpeningAgainKeepsWhatWasStored) {
  ASSERT_TRUE(store->create_first_admin("admin", "h", kNow));
  store.reset();
  store = open_account_store(db->url());
  EXPECT_EQ(store->users().size(), 1U);
  EXPECT_EQ(store->users()[0].role, Role::kAdmin);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest,
                         ::testing::Values(sqlite_backend(), postgres_backend()), backend_name);

TEST(OpenAccountStore, RejectsOtherSchemes) {
  EXPECT_THROW(open_account_store("mysql://x"), InputError);
  EXPECT_THROW(open_account_store("sqlite:"), InputError);
}

TEST(OpenAccountStore, SqliteOptionsOfTheTimeSeriesSideAreIgnored) {
  SqliteDatabase db;
  const auto store = open_account_store(db.url() + "?synchronous=normal");
  EXPECT_EQ(store->backend(), "sqlite");
  EXPECT_TRUE(store->users().empty());
}

}  // namespace
}  // namespace egin::accounts::testing
