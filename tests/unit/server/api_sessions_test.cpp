// Sessions and users over HTTP: login gives a token that works until logout; wrong passwords are
// 401 and, after five, 429 with Retry-After; admins add users (a generated password shown once),
// change roles, remove users but never the last admin; users change their own password only with
// the current one; API tokens are issued once and can be revoked; every bad body is a 400 naming
// the field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.hpp"

namespace egin::server::testing {
namespace {

using nlohmann::json;

json body_of(const httplib::Result& res) { return json::parse(res->body); }

TEST(ApiSessions, LoginWhoAmIAndLogout) {
  ApiServer api;
  auto c = api.client();
  auto res = c.Post("/api/v1/sessions", R"({"user":"Operator1","password":"operator-password-1"})",
                    "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  const json login = body_of(res);
  const std::string token = login["token"];
  EXPECT_EQ(token.size(), 64U);
  EXPECT_EQ(login["user"]["name"], "operator1");
  EXPECT_EQ(login["user"]["role"], "operator");
  const httplib::Headers h{{"Authorization", "Bearer " + token}};
  res = c.Get("/api/v1/sessions/current", h);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["user"], "operator1");
  EXPECT_EQ(body_of(res)["kind"], "session");
  EXPECT_EQ(body_of(res)["machine"], false);
  res = c.Delete("/api/v1/sessions/current", h);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["ended"], true);
  EXPECT_EQ(c.Get("/api/v1/sessions/current", h)->status, 401);
  // The machine token says so and cannot be logged out.
  res = c.Get("/api/v1/sessions/current", api.as("machine"));
  EXPECT_EQ(body_of(res)["machine"], true);
  EXPECT_EQ(body_of(res)["role"], "admin");
  EXPECT_EQ(c.Delete("/api/v1/sessions/current", api.as("machine"))->status, 409);
}

TEST(ApiSessions, BadLoginsAreRefusedThenLimited) {
  ApiServer api;
  auto c = api.client();
  for (const char* bad : {"", "[]", R"({"user":"viewer1"})", R"({"user":1,"password":"x"})",
                          R"({"user":"viewer1","password":"x","remember":true})"}) {
    const auto res = c.Post("/api/v1/sessions", bad, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_FALSE(body_of(res)["reason"].get<std::string>().empty());
  }
  const std::string wrong = R"({"user":"viewer1","password":"not-the-password"})";
  for (int i = 0; i < 5; ++i) {
    const auto res = c.Post("/api/v1/sessions", wrong, "application/json");
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(body_of(res)["error"], "bad_credentials");
  }
  const auto res =
      c.Post("/api/v1/sessions", R"({"user":"viewer1","password":"viewer-password-1"})",
             "application/json");
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("Retry-After"), "60");
  EXPECT_EQ(body_of(res)["error"], "rate_limited");
  // An unknown name is refused the same way as a wrong password.
  const auto unknown =
      c.Post("/api/v1/sessions", R"({"user":"ghost","password":"whatever12"})", "application/json");
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(body_of(unknown)["reason"], "wrong user name or password");
}

TEST(ApiUsers, AdminsManageUsers) {
  ApiServer api;
  auto c = api.client();
  const auto admin = api.as("admin");
  auto res =
      c.Post("/api/v1/users", admin, R"({"name":"dana","role":"operator"})", "application/json");
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string generated = body_of(res)["password"];
  EXPECT_EQ(generated.size(), 20U);
  EXPECT_EQ(body_of(res)["user"]["role"], "operator");
  res = c.Post("/api/v1/sessions", json{{"user", "dana"}, {"password", generated}}.dump(),
               "application/json");
  EXPECT_EQ(res->status, 201);
  // Given password: not echoed.
  res = c.Post("/api/v1/users", admin,
               R"({"name":"erlan","role":"viewer","password":"erlan-pass-1"})", "application/json");
  ASSERT_EQ(res->status, 201);
  EXPECT_FALSE(body_of(res).contains("password"));
  // Bad bodies, each with its reason.
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"role":"viewer"})", "name"},
      {R"({"name":"Bad Name","role":"viewer"})", "not a user name"},
      {R"({"name":"x1","role":"boss"})", "not a role"},
      {R"({"name":"x2","role":"viewer","password":"short"})", "shorter than 10"},
      {R"({"name":"api-token","role":"viewer"})", "reserved"},
      {R"({"name":"x3","role":"viewer","age":3})", "unknown"}};
  for (const auto& [b, reason] : bad) {
    res = c.Post("/api/v1/users", admin, b, "application/json");
    EXPECT_EQ(res->status, 400) << b;
    EXPECT_NE(body_of(res)["reason"].get<std::string>().find(reason), std::string::npos)
        << res->body;
  }
  EXPECT_EQ(c.Post("/api/v1/users", admin, R"({"name":"dana","role":"viewer"})", "application/json")
                ->status,
            409);
  res = c.Get("/api/v1/users", admin);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["users"].size(), 5U);
  EXPECT_FALSE(res->body.find("argon2") != std::string::npos);  // never a hash
  res = c.Patch("/api/v1/users/dana", admin, R"({"role":"viewer"})", "application/json");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["role"], "viewer");
  EXPECT_EQ(
      c.Patch("/api/v1/users/ghost", admin, R"({"role":"viewer"})", "application/json")->status,
      404);
  EXPECT_EQ(c.Delete("/api/v1/users/dana", admin)->status, 200);
  EXPECT_EQ(c.Delete("/api/v1/users/dana", admin)->status, 404);
  // The last admin stays.
  res = c.Delete("/api/v1/users/admin1", admin);
  EXPECT_EQ(res->status, 409);
  EXPECT_EQ(body_of(res)["error"], "last_admin");
  // A viewer reads only itself.
  EXPECT_EQ(c.Get("/api/v1/users/viewer1", api.as("viewer"))->status, 200);
  EXPECT_EQ(c.Get("/api/v1/users/operator1", api.as("viewer"))->status, 403);
}

TEST(ApiUsers, OwnPasswordNeedsTheCurrentOne) {
  ApiServer api;
  auto c = api.client();
  const auto viewer = api.as("viewer");
  auto res = c.Put("/api/v1/users/viewer1/password", viewer, R"({"password":"a-new-password"})",
                   "application/json");
  EXPECT_EQ(res->status, 400);
  res = c.Put("/api/v1/users/viewer1/password", viewer,
              R"({"password":"a-new-password","current_password":"wrong-one-here"})",
              "application/json");
  EXPECT_EQ(res->status, 401);
  res = c.Put("/api/v1/users/viewer1/password", viewer,
              R"({"password":"a-new-password","current_password":"viewer-password-1"})",
              "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(c.Get("/api/v1/zones", viewer)->status, 401);  // sessions ended
  EXPECT_EQ(c.Put("/api/v1/users/operator1/password", api.as("viewer"),
                  R"({"password":"a-new-password"})", "application/json")
                ->status,
            401);  // the viewer's session is gone
  // An admin sets another user's password without the current one.
  res = c.Put("/api/v1/users/operator1/password", api.as("admin"),
              R"({"password":"set-by-admin-1"})", "application/json");
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(c.Post("/api/v1/sessions", R"({"user":"operator1","password":"set-by-admin-1"})",
                   "application/json")
                ->status,
            201);
}

TEST(ApiUsers, ApiTokensForMachines) {
  ApiServer api;
  auto c = api.client();
  const auto admin = api.as("admin");
  auto res = c.Post("/api/v1/users/operator1/tokens", admin, R"({"days":30,"label":"gateway gh1"})",
                    "application/json");
  ASSERT_EQ(res->status, 201) << res->body;
  const std::string token = body_of(res)["token"];
  const std::string id = body_of(res)["id"];
  EXPECT_EQ(id.size(), 16U);
  EXPECT_EQ(body_of(res)["kind"], "api");
  const httplib::Headers gw{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(c.Post("/api/v1/ingest", gw, R"([{"n":"gh1/node1/t_air","t":1752537000,"v":25}])",
                   "application/json")
                ->status,
            200);
  res = c.Get("/api/v1/users/operator1/tokens", admin);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("gateway gh1"), std::string::npos);
  EXPECT_EQ(res->body.find(token), std::string::npos);  // never the token itself
  EXPECT_EQ(
      c.Post("/api/v1/users/operator1/tokens", admin, R"({"days":0})", "application/json")->status,
      400);
  EXPECT_EQ(c.Post("/api/v1/users/operator1/tokens", admin, R"({"days":"x"})", "application/json")
                ->status,
            400);
  EXPECT_EQ(c.Delete("/api/v1/users/operator1/tokens/" + id, admin)->status, 200);
  EXPECT_EQ(c.Delete("/api/v1/users/operator1/tokens/" + id, admin)->status, 404);
  EXPECT_EQ(c.Get("/api/v1/zones", gw)->status, 401);
}

}  // namespace
}  // namespace egin::server::testing
