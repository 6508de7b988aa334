// Users (DESIGN.md §4 HTTP): admins list, add, change the role of and remove users, set their
// passwords and issue or revoke API tokens for machine clients; every user reads their own
// account and changes their own password (giving the current one). The rules — valid names,
// password policy, the last admin stays — are Accounts'; this file maps them to HTTP.
#include <nlohmann/json.hpp>
#include <string>

#include "egin/server/account_json.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

using nlohmann::json;
using P = accounts::Principal;

void only_fields(const json& body, std::initializer_list<const char*> names) {
  for (const auto& item : body.items()) {
    bool known = false;
    std::string list;
    for (const char* n : names) {
      known = known || item.key() == n;
      list += (list.empty() ? "" : ", ") + std::string(n);
    }
    if (!known) {
      throw BadRequest("field '" + item.key() + "': unknown (expected " + list + ")");
    }
  }
}

std::optional<std::string> opt_string(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    return std::nullopt;
  }
  if (!it->is_string()) {
    throw BadRequest(std::string("field '") + name + "': not a string");
  }
  return it->get<std::string>();
}

accounts::Role role_field(const json& body) {
  const auto text = opt_string(body, "role");
  if (!text) {
    throw BadRequest("field 'role': missing (expected viewer, operator or admin)");
  }
  const auto role = accounts::parse_role(*text);
  if (!role) {
    throw BadRequest("field 'role': '" + *text +
                     "' is not a role (expected viewer, operator or "
                     "admin)");
  }
  return *role;
}

bool is_self_or_admin(const P& p, const std::string& name) {
  return p.user == name || accounts::role_allows(p.role, accounts::Role::kAdmin);
}

void forbid_unless_self_or_admin(const P& p, const std::string& name) {
  if (!is_self_or_admin(p, name)) {
    throw BadRequest("only '" + name + "' or an admin may do this", 403, "forbidden");
  }
}

void get_users(ServerContext& ctx, httplib::Response& res) {
  json users = json::array();
  for (const auto& u : require_accounts(ctx).users()) {
    users.push_back(user_json(u));
  }
  send_json(res, 200, json{{"users", users}});
}

void post_user(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
               const P& p) {
  accounts::Accounts& accounts = require_accounts(ctx);
  const json body = parse_json_object(req);
  only_fields(body, {"name", "role", "password"});
  const auto name = opt_string(body, "name");
  if (!name) {
    throw BadRequest("field 'name': missing (expected a user name: a-z 0-9 . _ -)");
  }
  if (*name == kMachineUser) {
    throw BadRequest("field 'name': '" + *name + "' is reserved for the machine token", 400,
                     "invalid_name");
  }
  const accounts::Role role = role_field(body);
  const auto given = opt_string(body, "password");
  const std::string password = given ? *given : accounts::generate_password();
  const accounts::User user = accounts.add_user(*name, role, password);
  ctx.log.info("user_added",
               {{"user", user.name}, {"role", accounts::role_name(role)}, {"by", p.user}});
  json out{{"user", user_json(user)}};
  if (!given) {
    out["password"] = password;  // generated: shown this once
  }
  send_json(res, 201, out);
}

void get_user(ServerContext& ctx, const std::string& name, httplib::Response& res, const P& p) {
  forbid_unless_self_or_admin(p, name);
  const auto user = require_accounts(ctx).find_user(name);
  if (!user) {
    throw BadRequest("no user '" + name + "'", 404, "not_found");
  }
  send_json(res, 200, user_json(*user));
}

void patch_user(ServerContext& ctx, const std::string& name, const httplib::Request& req,
                httplib::Response& res, const P& p) {
  accounts::Accounts& accounts = require_accounts(ctx);
  const json body = parse_json_object(req);
  only_fields(body, {"role"});
  const accounts::Role role = role_field(body);
  accounts.set_role(name, role);
  ctx.log.info("user_role", {{"user", name}, {"role", accounts::role_name(role)}, {"by", p.user}});
  send_json(res, 200, user_json(*accounts.find_user(name)));
}

void delete_user(ServerContext& ctx, const std::string& name, httplib::Response& res, const P& p) {
  require_accounts(ctx).remove_user(name);
  ctx.log.info("user_removed", {{"user", name}, {"by", p.user}});
  send_json(res, 200, json{{"removed", name}});
}

void put_password(ServerContext& ctx, const std::string& name, const httplib::Request& req,
                  httplib::Response& res, const P& p) {
  forbid_unless_self_or_admin(p, name);
  accounts::Accounts& accounts = require_accounts(ctx);
  const json body = parse_json_object(req);
  only_fields(body, {"password", "current_password"});
  const auto password = opt_string(body, "password");
  if (!password) {
    throw BadRequest("field 'password': missing (expected the new password)");
  }
  if (p.user == name) {
    // Changing one's own password needs the current one (a stolen session is not enough).
    const auto current = opt_string(body, "current_password");
    if (!current) {
      throw BadRequest("field 'current_password': missing (expected your current password)");
    }
    accounts.change_password(name, *current, *password, req.remote_addr);
  } else {
    accounts.set_password(name, *password);
  }
  ctx.log.info("password_changed", {{"user", name}, {"by", p.user}});
  send_json(res, 200, json{{"changed", name}, {"sessions_ended", true}});
}

void post_token(ServerContext& ctx, const std::string& name, const httplib::Request& req,
                httplib::Response& res, const P& p) {
  accounts::Accounts& accounts = require_accounts(ctx);
  const json body = parse_json_object(req);
  only_fields(body, {"days", "label"});
  double days = 365.0;
  if (const auto it = body.find("days"); it != body.end()) {
    if (!it->is_number()) {
      throw BadRequest("field 'days': not a number (expected 1 to 3660)");
    }
    days = it->get<double>();
  }
  if (!(days >= 1.0 && days <= 3660.0)) {
    throw BadRequest("field 'days': " + json(days).dump() +
                     " is out of range (expected 1 to "
                     "3660)");
  }
  const std::string label = opt_string(body, "label").value_or("");
  const accounts::IssuedToken issued = accounts.issue_api_token(
      name, static_cast<TimeMs>(days * static_cast<double>(kMsPerDay)), label);
  ctx.log.info("token_issued", {{"user", name}, {"label", label}, {"by", p.user}});
  json out = token_json(issued.record);
  out["token"] = issued.token;  // shown this once
  out["user"] = name;
  send_json(res, 201, out);
}

void get_tokens(ServerContext& ctx, const std::string& name, httplib::Response& res) {
  json tokens = json::array();
  for (const auto& t : require_accounts(ctx).tokens_of(name)) {
    tokens.push_back(token_json(t));
  }
  send_json(res, 200, json{{"user", name}, {"tokens", tokens}});
}

void delete_token(ServerContext& ctx, const std::string& name, const std::string& id,
                  httplib::Response& res, const P& p) {
  if (!require_accounts(ctx).revoke_token(name, id)) {
    throw BadRequest("user '" + name + "' has no token '" + id + "'", 404, "not_found");
  }
  ctx.log.info("token_revoked", {{"user", name}, {"token", id}, {"by", p.user}});
  send_json(res, 200, json{{"revoked", id}});
}

}  // namespace

void add_user_routes(Router& router) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  ServerContext& ctx = router.context();
  router.get("/api/v1/users", Access::kAdmin,
             [&ctx](const Req&, Res& res, const P&) { get_users(ctx, res); });
  router.post("/api/v1/users", Access::kAdmin,
              [&ctx](const Req& req, Res& res, const P& p) { post_user(ctx, req, res, p); });
  router.get("/api/v1/users/{name}", Access::kViewer, [&ctx](const Req& req, Res& res, const P& p) {
    get_user(ctx, req.matches[1], res, p);
  });
  router.patch("/api/v1/users/{name}", Access::kAdmin,
               [&ctx](const Req& req, Res& res, const P& p) {
                 patch_user(ctx, req.matches[1], req, res, p);
               });
  router.del("/api/v1/users/{name}", Access::kAdmin, [&ctx](const Req& req, Res& res, const P& p) {
    delete_user(ctx, req.matches[1], res, p);
  });
  router.put("/api/v1/users/{name}/password", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P& p) {
               put_password(ctx, req.matches[1], req, res, p);
             });
  router.get("/api/v1/users/{name}/tokens", Access::kAdmin,
             [&ctx](const Req& req, Res& res, const P&) { get_tokens(ctx, req.matches[1], res); });
  router.post("/api/v1/users/{name}/tokens", Access::kAdmin,
              [&ctx](const Req& req, Res& res, const P& p) {
                post_token(ctx, req.matches[1], req, res, p);
              });
  router.del("/api/v1/users/{name}/tokens/{token}", Access::kAdmin,
             [&ctx](const Req& req, Res& res, const P& p) {
               delete_token(ctx, req.matches[1], req.matches[2], res, p);
             });
}

}  // namespace egin::server
