// Sessions: POST /api/v1/sessions logs in ({"user", "password"} → a bearer token that expires;
// 401 for a wrong name or password, 429 with Retry-After after too many failures, counted per
// name and per client address), GET /api/v1/sessions/current says who the token is, and
// DELETE /api/v1/sessions/current logs out (the token stops working at once). Tokens travel in
// the Authorization header only — no cookie — so another site's page cannot act with them (no
// CSRF).
#include <nlohmann/json.hpp>
#include <string>

#include "egin/server/account_json.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

std::string string_field(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw BadRequest(std::string("field '") + name + "': missing or not a string (expected " +
                     (std::string(name) == "user" ? "the user name" : "the password") + ")");
  }
  return it->get<std::string>();
}

void post_session(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  accounts::Accounts& accounts = require_accounts(ctx);
  const json body = parse_json_object(req);
  for (const auto& item : body.items()) {
    if (item.key() != "user" && item.key() != "password") {
      throw BadRequest("field '" + item.key() + "': unknown (expected user and password)");
    }
  }
  const std::string user = string_field(body, "user");
  const std::string password = string_field(body, "password");
  try {
    const accounts::IssuedToken issued = accounts.login(user, password, req.remote_addr);
    ctx.log.info("login", {{"user", issued.user.name}, {"address", req.remote_addr}});
    ctx.metrics.counter("egin_logins_total", "Logins by result", {{"result", "ok"}}).add();
    send_json(res, 201,
              json{{"token", issued.token},
                   {"expires", format_iso_utc(issued.record.expires_ms)},
                   {"expires_ms", issued.record.expires_ms},
                   {"user", user_json(issued.user)}});
  } catch (const accounts::AccountError& e) {
    const bool limited = e.code() == accounts::AccountErrorCode::kRateLimited;
    ctx.log.warn("login_failed", {{"user", accounts::normalize_user_name(user).substr(0, 64)},
                                  {"address", req.remote_addr},
                                  {"reason", limited ? "rate_limited" : "bad_credentials"}});
    ctx.metrics
        .counter("egin_logins_total", "Logins by result",
                 {{"result", limited ? "rate_limited" : "failed"}})
        .add();
    throw;
  }
}

}  // namespace

void add_session_routes(Router& router) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  using P = accounts::Principal;
  ServerContext& ctx = router.context();
  router.post("/api/v1/sessions", Access::kPublic,
              [&ctx](const Req& req, Res& res, const P&) { post_session(ctx, req, res); });
  router.get("/api/v1/sessions/current", Access::kViewer,
             [](const Req&, Res& res, const P& p) { send_json(res, 200, principal_json(p)); });
  router.del("/api/v1/sessions/current", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P& p) {
               const std::string header = req.get_header_value("Authorization");
               const std::string_view token = ApiAuth::bearer_token(header);
               if (ctx.auth.is_machine_token(token)) {
                 throw BadRequest(
                     "the machine token of <data-dir>/api-token cannot be logged out (replace "
                     "the file and restart to change it)",
                     409, "machine_token");
               }
               const bool ended = require_accounts(ctx).logout(token);
               ctx.log.info("logout", {{"user", p.user}});
               send_json(res, 200, json{{"ended", ended}});
             });
}

}  // namespace egin::server
