#include "egin/server/route_table.hpp"

#include <string>
#include <utility>

#include "egin/server/json_io.hpp"

namespace egin::server {

namespace {

accounts::Role needed_role(Access access) {
  switch (access) {
    case Access::kOperator:
      return accounts::Role::kOperator;
    case Access::kAdmin:
      return accounts::Role::kAdmin;
    case Access::kPublic:
    case Access::kViewer:
      break;
  }
  return accounts::Role::kViewer;
}

}  // namespace

std::string_view access_name(Access access) {
  switch (access) {
    case Access::kPublic:
      return "public";
    case Access::kViewer:
      return "viewer";
    case Access::kOperator:
      return "operator";
    case Access::kAdmin:
      return "admin";
  }
  return "viewer";
}

std::string route_pattern(std::string_view path) {
  std::string out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '{') {
      const std::size_t close = path.find('}', i);
      const std::string_view name = path.substr(i + 1, close - i - 1);
      out += name == "key" ? "(.+)" : "([^/]+)";
      i = close + 1;
      continue;
    }
    const char c = path[i];
    if (c == '.' || c == '+' || c == '*' || c == '?' || c == '(' || c == ')' || c == '[' ||
        c == ']' || c == '$' || c == '^' || c == '|' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

void send_unauthorized(ServerContext& ctx, httplib::Response& res) {
  res.set_header("WWW-Authenticate", "Bearer realm=\"egin\"");
  send_error(res, 401, "unauthorized",
             "missing, invalid or expired bearer token (log in with POST /api/v1/sessions, or "
             "send 'Authorization: Bearer <token>' with the token of <data-dir>/api-token)");
  ctx.metrics
      .counter("egin_http_unauthorized_total", "API requests refused for a missing or bad token")
      .add();
}

void Router::add(const std::string& method, const std::string& path, Access access,
                 ApiHandler handler) {
  routes_.push_back(RouteInfo{method, path, access});
  ServerContext& ctx = ctx_;
  const bool api = path.starts_with("/api/");
  httplib::Server::Handler wrapped = guarded(
      ctx, path,
      [&ctx, access, api, handler = std::move(handler)](const httplib::Request& req,
                                                        httplib::Response& res) {
        if (api) {
          res.set_header("Cache-Control", "no-store");  // answers may carry tokens
        }
        if (access == Access::kPublic) {
          handler(req, res, accounts::Principal{});
          return;
        }
        const auto principal = ctx.auth.authenticate(req.get_header_value("Authorization"));
        if (!principal) {
          send_unauthorized(ctx, res);
          return;
        }
        const accounts::Role need = needed_role(access);
        if (!accounts::role_allows(principal->role, need)) {
          send_error(res, 403, "forbidden",
                     std::string("this needs the role ") + std::string(accounts::role_name(need)) +
                         " or higher; '" + principal->user + "' is " +
                         std::string(accounts::role_name(principal->role)));
          ctx.metrics
              .counter("egin_http_forbidden_total", "API requests refused for a missing role")
              .add();
          return;
        }
        handler(req, res, *principal);
      });
  const std::string pattern = route_pattern(path);
  if (method == "GET") {
    http_.Get(pattern, std::move(wrapped));
  } else if (method == "POST") {
    http_.Post(pattern, std::move(wrapped));
  } else if (method == "PUT") {
    http_.Put(pattern, std::move(wrapped));
  } else if (method == "PATCH") {
    http_.Patch(pattern, std::move(wrapped));
  } else {
    http_.Delete(pattern, std::move(wrapped));
  }
}

void Router::get(const std::string& path, Access access, ApiHandler handler) {
  add("GET", path, access, std::move(handler));
}
void Router::post(const std::string& path, Access access, ApiHandler handler) {
  add("POST", path, access, std::move(handler));
}
void Router::put(const std::string& path, Access access, ApiHandler handler) {
  add("PUT", path, access, std::move(handler));
}
void Router::patch(const std::string& path, Access access, ApiHandler handler) {
  add("PATCH", path, access, std::move(handler));
}
void Router::del(const std::string& path, Access access, ApiHandler handler) {
  add("DELETE", path, access, std::move(handler));
}

}  // namespace egin::server
