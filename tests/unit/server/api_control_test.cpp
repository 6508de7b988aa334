// The provider routes: without providers every one answers 503 "not_configured" (after checking
// the request's shape, which is the server's job either way); with the in-memory providers
// (api_fixture.hpp) commands land in the audit trail with the user and are refused with 409 when
// the provider refuses, alarms list and acknowledge, settings validate and apply with revisions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.hpp"

namespace egin::server::testing {
namespace {

using nlohmann::json;

json body_of(const httplib::Result& res) { return json::parse(res->body); }

TEST(ApiControl, WithoutProvidersEveryRouteIsNotConfigured) {
  ApiServer api(false);
  auto c = api.client();
  const auto op = api.as("operator");
  for (const char* path :
       {"/api/v1/commands", "/api/v1/commands/c1", "/api/v1/actuators", "/api/v1/alarms",
        "/api/v1/alarms/a1", "/api/v1/settings", "/api/v1/settings/gh1"}) {
    const auto res = c.Get(path, op);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << path;
    EXPECT_EQ(body_of(res)["error"], "not_configured") << path;
  }
  auto res = c.Post("/api/v1/commands", op, R"({"channel":"gh1/vents/roof","action":"open"})",
                    "application/json");
  EXPECT_EQ(res->status, 503);
  res = c.Post("/api/v1/alarms/a1/acknowledge", op, "", "application/json");
  EXPECT_EQ(res->status, 503);
  res = c.Put("/api/v1/settings/gh1", api.as("admin"), R"({"values":{},"revision":"1"})",
              "application/json");
  EXPECT_EQ(res->status, 503);
  // The overview says what is missing.
  res = c.Get("/api/v1/overview", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["alarms_configured"], false);
  EXPECT_EQ(body_of(res)["commands_configured"], false);
  EXPECT_TRUE(body_of(res)["zones"][0]["alarms"].is_null());
}

TEST(ApiControl, CommandShapesAreCheckedWithReasons) {
  ApiServer api(false);  // the checks come before the provider
  auto c = api.client();
  const auto op = api.as("operator");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"action":"open"})", "field 'channel': missing"},
      {R"({"channel":"gh1/vents/nope","action":"open"})", "no channel"},
      {R"({"channel":"gh1/node1/t_air","action":"open"})", "is a sensor"},
      {R"({"channel":"gh1/vents/roof","action":"fly"})", "is not an action"},
      {R"({"channel":"gh1/vents/roof","action":"timed_open"})", "needs a duration"},
      {R"({"channel":"gh1/vents/roof","action":"timed_open","duration_s":0})", "out of range"},
      {R"({"channel":"gh1/vents/roof","action":"timed_open","duration_s":90000})", "out of range"},
      {R"({"channel":"gh1/vents/roof","action":"open","duration_s":30})", "take a duration"},
      {R"({"channel":"gh1/vents/roof","action":"set_position"})", "needs 0 to 100"},
      {R"({"channel":"gh1/vents/roof","action":"set_position","position_pct":101})",
       "out of range"},
      {R"({"channel":"gh1/vents/roof","action":"open","position_pct":10})", "takes a position"},
      {R"({"channel":"gh1/vents/roof","action":"open","why":"x"})", "unknown"},
      {"not json", "not valid JSON"}};
  for (const auto& [b, reason] : bad) {
    const auto res = c.Post("/api/v1/commands", op, b, "application/json");
    ASSERT_TRUE(res);
    EXPECT_TRUE(res->status == 400 || res->status == 404) << b << " → " << res->status;
    EXPECT_NE(body_of(res)["reason"].get<std::string>().find(reason), std::string::npos)
        << b << " → " << res->body;
  }
}

TEST(ApiControl, CommandsGoToTheProviderWithTheUser) {
  ApiServer api;
  auto c = api.client();
  const auto op = api.as("operator");
  auto res = c.Post(
      "/api/v1/commands", op,
      R"({"channel":"gh1/vents/roof","action":"timed_open","duration_s":60,"reason":"too hot"})",
      "application/json");
  ASSERT_EQ(res->status, 202) << res->body;
  const json cmd = body_of(res);
  EXPECT_EQ(cmd["user"], "operator1");
  EXPECT_EQ(cmd["action"], "timed_open");
  EXPECT_EQ(cmd["duration_s"], 60.0);
  EXPECT_EQ(cmd["reason"], "too hot");
  EXPECT_EQ(cmd["state"], "accepted");
  EXPECT_EQ(cmd["requested"], "2025-07-15T00:00:00Z");
  EXPECT_EQ(cmd["ends"], "2025-07-15T00:01:00Z");
  EXPECT_TRUE(cmd["origin"].get<std::string>().starts_with("api 127.0.0.1"));
  // The provider refuses: 409 with its code, and the refusal is in the trail.
  res = c.Post("/api/v1/commands", op, R"({"channel":"gh1/vents/roof","action":"on"})",
               "application/json");
  EXPECT_EQ(res->status, 409);
  EXPECT_EQ(body_of(res)["error"], "unsupported_action");
  res = c.Get("/api/v1/commands?channel=gh1/vents/roof", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  ASSERT_EQ(body_of(res)["commands"].size(), 2U);
  EXPECT_EQ(body_of(res)["commands"][0]["state"], "rejected");
  res = c.Get("/api/v1/commands/" + cmd["id"].get<std::string>(), api.as("viewer"));
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(c.Get("/api/v1/commands/nope", api.as("viewer"))->status, 404);
  EXPECT_EQ(c.Get("/api/v1/commands?limit=0", api.as("viewer"))->status, 400);
  EXPECT_EQ(c.Get("/api/v1/commands?zone=barn", api.as("viewer"))->status, 404);
  res = c.Get("/api/v1/actuators", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["actuators"][0]["remaining_s"], 25.0);
}

TEST(ApiControl, AlarmsListAndAcknowledge) {
  ApiServer api;
  runtime::Alarm a;
  a.id = "a1";
  a.zone = "gh1";
  a.source = "gh1/node1/t_air";
  a.code = "t_air_high";
  a.severity = runtime::AlarmSeverity::kCritical;
  a.message = "air 41.2 °C above the 38 °C limit for 5 min";
  a.raised_ms = 1'752'536'000'000;
  api.alarms().raise(a);
  auto c = api.client();
  auto res = c.Get("/api/v1/alarms", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  ASSERT_EQ(body_of(res)["alarms"].size(), 1U);
  EXPECT_EQ(body_of(res)["alarms"][0]["severity"], "critical");
  EXPECT_EQ(body_of(res)["alarms"][0]["active"], true);
  EXPECT_EQ(c.Get("/api/v1/alarms?state=closed", api.as("viewer"))->status, 400);
  res = c.Get("/api/v1/overview", api.as("viewer"));
  EXPECT_EQ(body_of(res)["zones"][0]["alarms"]["critical"], 1);
  EXPECT_EQ(
      c.Post("/api/v1/alarms/a1/acknowledge", api.as("viewer"), "", "application/json")->status,
      403);
  res = c.Post("/api/v1/alarms/a1/acknowledge", api.as("operator"), R"({"note":"vents opened"})",
               "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(body_of(res)["acknowledged_by"], "operator1");
  EXPECT_EQ(body_of(res)["note"], "vents opened");
  EXPECT_EQ(
      c.Post("/api/v1/alarms/nope/acknowledge", api.as("operator"), "", "application/json")->status,
      404);
  EXPECT_EQ(c.Post("/api/v1/alarms/a1/acknowledge", api.as("operator"), R"({"note":5})",
                   "application/json")
                ->status,
            400);
}

TEST(ApiControl, SettingsValidateAndApplyWithRevisions) {
  ApiServer api;
  auto c = api.client();
  const auto op = api.as("operator");
  auto res = c.Get("/api/v1/settings/gh1", api.as("viewer"));
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["revision"], "1");
  EXPECT_EQ(body_of(res)["schema"]["properties"]["heating_setpoint_c"]["x-unit"], "Cel");
  res = c.Post("/api/v1/settings/gh1/validate", op,
               R"({"values":{"heating_setpoint_c":26,"vent_setpoint_c":24}})", "application/json");
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(body_of(res)["valid"], false);
  EXPECT_EQ(body_of(res)["issues"][0]["path"], "/vent_setpoint_c");
  EXPECT_EQ(
      c.Post("/api/v1/settings/gh1/validate", op, R"({"values":3})", "application/json")->status,
      400);
  // Applying is an admin's: an operator checks, but may not apply.
  EXPECT_EQ(c.Put("/api/v1/settings/gh1", op,
                  R"({"values":{"heating_setpoint_c":17,"vent_setpoint_c":25},"revision":"1"})",
                  "application/json")
                ->status,
            403);
  const auto admin = api.as("admin");
  res = c.Put("/api/v1/settings/gh1", admin,
              R"({"values":{"heating_setpoint_c":26,"vent_setpoint_c":24},"revision":"1"})",
              "application/json");
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(body_of(res)["issues"].size(), 1U);
  res = c.Put("/api/v1/settings/gh1", admin,
              R"({"values":{"heating_setpoint_c":17,"vent_setpoint_c":25},"revision":"1"})",
              "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(body_of(res)["settings"]["revision"], "2");
  EXPECT_EQ(body_of(res)["settings"]["updated_by"], "admin1");
  res = c.Put("/api/v1/settings/gh1", admin,
              R"({"values":{"heating_setpoint_c":16,"vent_setpoint_c":25},"revision":"1"})",
              "application/json");
  EXPECT_EQ(res->status, 409);
  EXPECT_EQ(c.Put("/api/v1/settings/gh1", admin, R"({"values":{}})", "application/json")->status,
            400);
  EXPECT_EQ(c.Get("/api/v1/settings/ws1", api.as("viewer"))->status, 404);
}

}  // namespace
}  // namespace egin::server::testing
