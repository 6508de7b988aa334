// Irrigation advice over HTTP: GET /api/v1/fields (the fields the server knows, with why one does
// not load), GET /api/v1/fields/{field}/recommendation?date=&days= (the advice with its maths
// and the water balance of the season so far; 422 with the reason when the field's weather or
// dates do not allow one), GET /api/v1/recommendations (today's recommendation of every field,
// or the reason it has none). Without a field advisor: 503 "not_configured".
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/server/field_json.hpp"
#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

using nlohmann::json;
using P = accounts::Principal;
using Req = httplib::Request;
using Res = httplib::Response;

const runtime::FieldAdvisor& require_fields(ServerContext& ctx) {
  if (ctx.fields == nullptr) {
    throw BadRequest("irrigation advice is not configured on this server", 503, "not_configured");
  }
  return *ctx.fields;
}

void get_fields(ServerContext& ctx, Res& res) {
  json out = json::array();
  for (const auto& f : require_fields(ctx).fields()) {
    out.push_back(field_info_json(f));
  }
  send_json(res, 200, json{{"fields", out}});
}

void get_recommendation(ServerContext& ctx, const std::string& id, const Req& req, Res& res) {
  const runtime::FieldAdvisor& advisor = require_fields(ctx);
  if (!advisor.has(id)) {
    throw BadRequest("no field '" + id + "'", 404, "not_found");
  }
  std::optional<Date> as_of;
  if (req.has_param("date")) {
    const std::string text = req.get_param_value("date");
    as_of = Date::parse(text);
    if (!as_of) {
      throw BadRequest("parameter 'date': '" + text +
                       "' is not a date (expected YYYY-MM-DD, the last observed day)");
    }
  }
  int days = 7;
  if (req.has_param("days")) {
    const std::string text = req.get_param_value("days");
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (ec != std::errc{} || end != text.data() + text.size() || days < 1 || days > 16) {
      throw BadRequest("parameter 'days': '" + text + "' (expected 1 to 16 days ahead)");
    }
  }
  try {
    send_json(res, 200, advice_json(advisor.advise(id, as_of, ctx.clock.now_ms(), days)));
  } catch (const InputError& e) {
    send_error(res, 422, "no_advice", e.what());
  }
}

void get_recommendations(ServerContext& ctx, Res& res) {
  const runtime::FieldAdvisor& advisor = require_fields(ctx);
  json out = json::array();
  for (const auto& f : advisor.fields()) {
    json item{{"field", f.id}, {"name", f.error.empty() ? json(f.name) : json(nullptr)}};
    if (!f.error.empty()) {
      item["error"] = f.error;
      out.push_back(std::move(item));
      continue;
    }
    try {
      const runtime::FieldAdvice advice = advisor.advise(f.id, std::nullopt, ctx.clock.now_ms());
      item["as_of"] = advice.result.as_of.iso();
      item["recommendation"] = recommendation_json(advice);
      item["error"] = nullptr;
    } catch (const InputError& e) {
      item["error"] = e.what();
    }
    out.push_back(std::move(item));
  }
  send_json(res, 200, json{{"recommendations", out}});
}

}  // namespace

void add_field_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/fields", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_fields(ctx, res); });
  router.get("/api/v1/fields/{field}/recommendation", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) {
               get_recommendation(ctx, req.matches[1], req, res);
             });
  router.get("/api/v1/recommendations", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_recommendations(ctx, res); });
}

}  // namespace egin::server
