// JSON in and out of HTTP handlers: answering with a JSON body, the one error shape every route
// uses ({"error": code, "reason": words}), the BadRequest exception a handler throws for a bad
// parameter, and the guard that wraps every handler so that no request can crash the server
// (InputError and BadRequest → 400, AccountError → its status, StoreUnavailable → 503, anything else → 500, all logged and
// counted). It must not define routes.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "egin/accounts/accounts.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

/// A request the server cannot answer as asked: status (400 by default), a short code and a
/// reason for people that names the parameter and the accepted form.
class BadRequest final : public std::runtime_error {
 public:
  BadRequest(const std::string& reason, int status = 400, std::string code = "bad_request")
      : std::runtime_error(reason), status_(status), code_(std::move(code)) {}
  [[nodiscard]] int status() const { return status_; }
  [[nodiscard]] const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view reason);

/// AccountError → 400 (bad name, weak password, bad value), 401 (bad credentials), 404, 409
/// (exists, last admin), 429 with Retry-After (rate limited).
void send_account_error(httplib::Response& res, const accounts::AccountError& e);

/// The request body as a JSON object; BadRequest when it is not JSON or not an object.
nlohmann::json parse_json_object(const httplib::Request& req);

/// Wraps a handler: catches everything, answers JSON errors, logs 5xx, counts
/// egin_http_requests_total{route, code}. `route` is the pattern as documented ("/api/v1/ingest").
httplib::Server::Handler guarded(ServerContext& ctx, std::string route,
                                 httplib::Server::Handler handler);

}  // namespace egin::server
