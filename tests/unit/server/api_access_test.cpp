// Every route's access rule, driven by the server's own route table: without a token (or with a
// wrong or expired one) every non-public route answers 401 with WWW-Authenticate; a role below
// the route's answers 403 naming the role needed; the machine token acts as admin. And the
// OpenAPI document lists exactly the routes the server has, each with the same x-egin-access.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "api_fixture.hpp"
#include "egin/server/route_table.hpp"

namespace egin::server::testing {
namespace {

/// A concrete path for a documented one.
std::string sample_path(const std::string& path) {
  static const std::map<std::string, std::string> kValues = {{"{zone}", "gh1"},
                                                             {"{device}", "node1"},
                                                             {"{key}", "gh1/node1/t_air"},
                                                             {"{name}", "viewer1"},
                                                             {"{id}", "x1"},
                                                             {"{field}", "cotton"},
                                                             {"{token}", "0000000000000000"}};
  std::string out = path;
  for (const auto& [k, v] : kValues) {
    for (auto at = out.find(k); at != std::string::npos; at = out.find(k)) {
      out.replace(at, k.size(), v);
    }
  }
  return out;
}

httplib::Result call(httplib::Client& c, const std::string& method, const std::string& path,
                     const httplib::Headers& headers) {
  if (method == "GET") {
    return c.Get(path, headers);
  }
  if (method == "POST") {
    return c.Post(path, headers, "{}", "application/json");
  }
  if (method == "PUT") {
    return c.Put(path, headers, "{}", "application/json");
  }
  if (method == "PATCH") {
    return c.Patch(path, headers, "{}", "application/json");
  }
  return c.Delete(path, headers);
}

int rank(Access a) {
  switch (a) {
    case Access::kPublic:
      return -1;
    case Access::kViewer:
      return 0;
    case Access::kOperator:
      return 1;
    case Access::kAdmin:
      return 2;
  }
  return 0;
}

TEST(ApiAccess, EveryRouteChecksTheTokenAndTheRole) {
  ApiServer api;
  auto c = api.client();
  const auto& routes = api.http().routes();
  ASSERT_GT(routes.size(), 40U);
  const httplib::Headers nobody;
  const httplib::Headers wrong{{"Authorization", "Bearer " + std::string(64, 'a')}};
  int checked = 0;
  for (const RouteInfo& r : routes) {
    if (r.access == Access::kPublic || r.path == "/api/v1/events") {
      continue;  // public; the event stream is checked alone (it does not end)
    }
    const std::string path = sample_path(r.path);
    SCOPED_TRACE(r.method + " " + path);
    for (const auto* h : {&nobody, &wrong}) {
      const auto res = call(c, r.method, path, *h);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 401);
      EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer realm=\"egin\"");
      EXPECT_EQ(nlohmann::json::parse(res->body)["error"], "unauthorized");
    }
    const std::vector<std::pair<std::string, int>> roles = {{"viewer", 0}, {"operator", 1}};
    for (const auto& [role, level] : roles) {
      if (level >= rank(r.access)) {
        continue;
      }
      const auto res = call(c, r.method, path, api.as(role));
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << role << ": " << res->body;
      const auto body = nlohmann::json::parse(res->body);
      EXPECT_EQ(body["error"], "forbidden");
      EXPECT_NE(body["reason"].get<std::string>().find(std::string(access_name(r.access))),
                std::string::npos);
    }
    ++checked;
  }
  EXPECT_GT(checked, 35);
  // The event stream refuses without a token too.
  auto res = c.Get("/api/v1/events");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  // An unknown API path without a token is 401 (not 404): nothing is told before login.
  res = c.Get("/api/v1/no-such-thing");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  res = c.Get("/api/v1/no-such-thing", api.as("viewer"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST(ApiAccess, RolesThatMayDoSo) {
  ApiServer api;
  auto c = api.client();
  // viewer reads, operator ingests, admin edits the site; the machine token is admin.
  EXPECT_EQ(c.Get("/api/v1/zones", api.as("viewer"))->status, 200);
  const std::string pack = R"([{"n":"gh1/node1/t_air","t":1752537000,"v":24.5}])";
  EXPECT_EQ(c.Post("/api/v1/ingest", api.as("viewer"), pack, "application/json")->status, 403);
  EXPECT_EQ(c.Post("/api/v1/ingest", api.as("operator"), pack, "application/json")->status, 200);
  EXPECT_EQ(c.Post("/api/v1/ingest", api.as("machine"), pack, "application/json")->status, 200);
  const std::string zone = R"({"name":"Greenhouse one","kind":"greenhouse"})";
  EXPECT_EQ(c.Put("/api/v1/zones/gh1", api.as("operator"), zone, "application/json")->status, 403);
  EXPECT_EQ(c.Put("/api/v1/zones/gh1", api.as("admin"), zone, "application/json")->status, 200);
  EXPECT_EQ(c.Get("/api/v1/users", api.as("machine"))->status, 200);
  // An expired session is refused like a wrong token.
  api.accounts().add_user("brief", accounts::Role::kAdmin, "brief-password");
  const auto t = api.accounts().login("brief", "brief-password", "x");
  const httplib::Headers brief{{"Authorization", "Bearer " + t.token}};
  EXPECT_EQ(c.Get("/api/v1/zones", brief)->status, 200);
  api.accounts().logout(t.token);
  EXPECT_EQ(c.Get("/api/v1/zones", brief)->status, 401);
}

// The OpenAPI document, read the way it is written: paths at two spaces, methods at four,
// "x-egin-access: <access>" at six.
std::map<std::string, std::string> documented_routes() {
  std::ifstream in(std::string(EGIN_SOURCE_DIR) + "/docs/api/openapi.yaml");
  EXPECT_TRUE(in) << "docs/api/openapi.yaml";
  std::map<std::string, std::string> out;  // "GET /api/v1/zones" → access
  const std::regex path_line(R"(^  (/[^:]*):\s*$)");
  const std::regex method_line(R"(^    (get|post|put|patch|delete):\s*$)");
  const std::regex access_line(R"(^      x-egin-access:\s*(\w+)\s*$)");
  std::string line;
  std::string path;
  std::string op;
  bool in_paths = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') {
      in_paths = false;
    }
    if (!in_paths) {
      continue;
    }
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (std::regex_match(line, m, method_line)) {
      std::string method = m[1];
      for (char& ch : method) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      op = method + " " + path;
      out[op] = "";
    } else if (std::regex_match(line, m, access_line)) {
      out[op] = m[1];
    }
  }
  return out;
}

TEST(OpenApi, TheDocumentListsExactlyTheServersRoutes) {
  ApiServer api;
  const auto documented = documented_routes();
  std::set<std::string> served;
  for (const RouteInfo& r : api.http().routes()) {
    const std::string op = r.method + " " + r.path;
    served.insert(op);
    const auto it = documented.find(op);
    if (it == documented.end()) {
      ADD_FAILURE() << op << " is served but not in docs/api/openapi.yaml";
      continue;
    }
    EXPECT_EQ(it->second, access_name(r.access))
        << op << ": x-egin-access in the document differs from the server's";
  }
  for (const auto& [op, access] : documented) {
    EXPECT_TRUE(served.count(op) == 1) << op << " is documented but not served";
  }
}

TEST(RoutePattern, ParametersMatchOneSegmentButKeysTakeTheRest) {
  EXPECT_EQ(route_pattern("/api/v1/zones/{zone}"), "/api/v1/zones/([^/]+)");
  EXPECT_EQ(route_pattern("/api/v1/channels/{key}"), "/api/v1/channels/(.+)");
  EXPECT_EQ(route_pattern("/api/v1/users/{name}/tokens/{token}"),
            "/api/v1/users/([^/]+)/tokens/([^/]+)");
  EXPECT_EQ(route_pattern("/healthz"), "/healthz");
}

}  // namespace
}  // namespace egin::server::testing
