// Router: how every HTTP route is added — its method, its path as docs/api/openapi.yaml writes it
// ("/api/v1/zones/{zone}"), and the least role that may call it. The router checks the bearer
// token (401 without a valid one, with WWW-Authenticate) and the role (403 naming the role
// needed) before the handler runs, inside guarded() (json_io.hpp), and keeps the list of routes
// so a test can compare it with the OpenAPI document. A path parameter matches one segment
// ([^/]+), except {key}, which takes the rest of the path (channel keys hold slashes).
// It must not hold handlers' state.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/accounts/accounts.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

/// Who may call a route: anyone, or a principal holding at least this role.
enum class Access { kPublic, kViewer, kOperator, kAdmin };
std::string_view access_name(Access access);  // "public", "viewer", "operator", "admin"

struct RouteInfo {
  std::string method;  // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string path;    // as in the OpenAPI document
  Access access = Access::kViewer;
};

/// A handler that knows who calls it (for kPublic routes: an empty principal).
using ApiHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const accounts::Principal&)>;

class Router {
 public:
  Router(httplib::Server& http, ServerContext& ctx) : http_(http), ctx_(ctx) {}

  void get(const std::string& path, Access access, ApiHandler handler);
  void post(const std::string& path, Access access, ApiHandler handler);
  void put(const std::string& path, Access access, ApiHandler handler);
  void patch(const std::string& path, Access access, ApiHandler handler);
  void del(const std::string& path, Access access, ApiHandler handler);

  [[nodiscard]] const std::vector<RouteInfo>& routes() const { return routes_; }
  [[nodiscard]] ServerContext& context() const { return ctx_; }

 private:
  void add(const std::string& method, const std::string& path, Access access, ApiHandler handler);

  httplib::Server& http_;
  ServerContext& ctx_;
  std::vector<RouteInfo> routes_;
};

/// "/api/v1/zones/{zone}" → the regular expression httplib matches ("/api/v1/zones/([^/]+)").
std::string route_pattern(std::string_view path);

/// Answers 401 (with WWW-Authenticate) and counts it.
void send_unauthorized(ServerContext& ctx, httplib::Response& res);

}  // namespace egin::server
