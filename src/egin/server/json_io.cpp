#include "egin/server/json_io.hpp"

#include <cmath>
#include <exception>
#include <string>
#include <utility>

#include "egin/accounts/accounts.hpp"
#include "egin/core/input_error.hpp"
#include "egin/runtime/ingest_pipeline.hpp"

namespace egin::server {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Replace invalid UTF-8 (a channel name echoed from a bad pack) instead of throwing.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                  "application/json");
}

void send_error(httplib::Response& res, int status, std::string_view code,
                std::string_view reason) {
  send_json(res, status, nlohmann::json{{"error", code}, {"reason", reason}});
}

nlohmann::json parse_json_object(const httplib::Request& req) {
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    throw BadRequest("the request body is not valid JSON (expected a JSON object)");
  }
  if (!body.is_object()) {
    throw BadRequest("the request body must be a JSON object");
  }
  return body;
}

void send_account_error(httplib::Response& res, const accounts::AccountError& e) {
  using accounts::AccountErrorCode;
  switch (e.code()) {
    case AccountErrorCode::kInvalidName:
      send_error(res, 400, "invalid_name", e.what());
      return;
    case AccountErrorCode::kWeakPassword:
      send_error(res, 400, "weak_password", e.what());
      return;
    case AccountErrorCode::kInvalidValue:
      send_error(res, 400, "bad_request", e.what());
      return;
    case AccountErrorCode::kExists:
      send_error(res, 409, "exists", e.what());
      return;
    case AccountErrorCode::kNotFound:
      send_error(res, 404, "not_found", e.what());
      return;
    case AccountErrorCode::kLastAdmin:
      send_error(res, 409, "last_admin", e.what());
      return;
    case AccountErrorCode::kBadCredentials:
      send_error(res, 401, "bad_credentials", e.what());
      return;
    case AccountErrorCode::kRateLimited:
      res.set_header("Retry-After",
                     std::to_string(static_cast<long>(std::ceil(e.retry_after_s()))));
      send_error(res, 429, "rate_limited", e.what());
      return;
  }
  send_error(res, 400, "bad_request", e.what());
}

httplib::Server::Handler guarded(ServerContext& ctx, std::string route,
                                 httplib::Server::Handler handler) {
  return [&ctx, route = std::move(route), handler = std::move(handler)](const httplib::Request& req,
                                                                        httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const BadRequest& e) {
      send_error(res, e.status(), e.code(), e.what());
    } catch (const InputError& e) {
      send_error(res, 400, "invalid_input", e.what());
    } catch (const accounts::AccountError& e) {
      send_account_error(res, e);
    } catch (const runtime::StoreUnavailable& e) {
      ctx.log.error("store_unavailable", {{"route", route}, {"reason", e.what()}});
      send_error(res, 503, "store_unavailable", e.what());
    } catch (const std::exception& e) {
      ctx.log.error("handler_failed",
                    {{"route", route}, {"method", req.method}, {"reason", e.what()}});
      send_error(res, 500, "internal", e.what());
    } catch (...) {
      ctx.log.error("handler_failed", {{"route", route}, {"method", req.method}});
      send_error(res, 500, "internal", "unknown error");
    }
    ctx.metrics
        .counter("egin_http_requests_total", "HTTP requests by route, method and status",
                 {{"route", route},
                  {"method", req.method},
                  {"code", std::to_string(res.status < 0 ? 200 : res.status)}})
        .add();
  };
}

}  // namespace egin::server
