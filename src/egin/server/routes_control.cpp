// The routes of the plugged-in providers (runtime/providers.hpp): actuator commands with their
// audit trail and the actuators' states (POST/GET /api/v1/commands, GET /api/v1/commands/{id},
// GET /api/v1/actuators), alarms (GET /api/v1/alarms, GET /api/v1/alarms/{id},
// POST /api/v1/alarms/{id}/acknowledge) and controller settings (GET /api/v1/settings,
// GET and PUT /api/v1/settings/{zone}, POST /api/v1/settings/{zone}/validate). Request shapes
// are checked here first (400 with the reason), so they are checked the same whatever provider
// answers; a missing provider answers 503 "not_configured".
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "egin/server/json_io.hpp"
#include "egin/server/provider_json.hpp"
#include "egin/server/query_params.hpp"
#include "egin/server/routes.hpp"
#include "egin/server/site_json.hpp"

namespace egin::server {

namespace {

using nlohmann::json;
using P = accounts::Principal;
using Req = httplib::Request;
using Res = httplib::Response;

constexpr std::size_t kMaxReasonBytes = 500;
constexpr std::size_t kMaxListLimit = 1000;

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

std::optional<double> number_field(const json& body, const char* name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    return std::nullopt;
  }
  if (!it->is_number()) {
    throw BadRequest(std::string("field '") + name + "': not a number");
  }
  return it->get<double>();
}

std::string text_field(const json& body, const char* name, std::size_t max_bytes) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    return {};
  }
  if (!it->is_string()) {
    throw BadRequest(std::string("field '") + name + "': not a string");
  }
  std::string text = it->get<std::string>();
  if (text.size() > max_bytes) {
    throw BadRequest(std::string("field '") + name + "': " + std::to_string(text.size()) +
                     " bytes (expected at most " + std::to_string(max_bytes) + ")");
  }
  return text;
}

std::size_t limit_param(const Req& req, std::size_t fallback) {
  if (!req.has_param("limit")) {
    return fallback;
  }
  const std::string text = req.get_param_value("limit");
  std::size_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < 1 || v > kMaxListLimit) {
    throw BadRequest("parameter 'limit': '" + text + "' is not a count (expected 1 to " +
                     std::to_string(kMaxListLimit) + ")");
  }
  return v;
}

std::string zone_param(ServerContext& ctx, const Req& req) {
  if (!req.has_param("zone")) {
    return {};
  }
  std::string zone = req.get_param_value("zone");
  for (const auto& z : ctx.site.snapshot().zones) {
    if (z.id == zone) {
      return zone;
    }
  }
  throw BadRequest("parameter 'zone': no zone '" + zone + "'", 404, "not_found");
}

// --- commands ----------------------------------------------------------------------------------

runtime::CommandRequest command_request(ServerContext& ctx, const Req& req, const P& p) {
  const json body = parse_json_object(req);
  only_fields(body, {"channel", "action", "duration_s", "position_pct", "reason"});
  runtime::CommandRequest request;
  const std::string channel = text_field(body, "channel", 256);
  if (channel.empty()) {
    throw BadRequest("field 'channel': missing (expected an actuator's key zone/device/channel)");
  }
  const auto info = resolve_channel(ctx.site, channel);
  if (!info) {
    throw BadRequest("field 'channel': no channel '" + channel + "'", 404, "not_found");
  }
  if (info->spec.kind != runtime::ChannelKind::actuator) {
    throw BadRequest("field 'channel': '" + info->key +
                     "' is a sensor (expected an actuator channel: kind = \"actuator\")");
  }
  request.channel = info->key;
  const std::string action = text_field(body, "action", 32);
  const auto parsed = runtime::parse_command_action(action);
  if (!parsed) {
    throw BadRequest("field 'action': '" + action +
                     "' is not an action (expected on, off, timed_on, open, close, stop, "
                     "timed_open, timed_close or set_position)");
  }
  request.action = *parsed;
  request.duration_s = number_field(body, "duration_s");
  request.position_pct = number_field(body, "position_pct");
  if (runtime::action_is_timed(*parsed)) {
    if (!request.duration_s) {
      throw BadRequest("field 'duration_s': missing (" + action +
                       " needs a duration, 1 to "
                       "86400 s)");
    }
    if (!(*request.duration_s >= runtime::kMinCommandDurationS &&
          *request.duration_s <= runtime::kMaxCommandDurationS)) {
      throw BadRequest("field 'duration_s': " + json(*request.duration_s).dump() +
                       " is out of range (expected 1 to 86400 s)");
    }
  } else if (request.duration_s) {
    throw BadRequest(
        "field 'duration_s': only timed_on, timed_open and timed_close take a "
        "duration");
  }
  if (*parsed == runtime::CommandAction::kSetPosition) {
    if (!request.position_pct) {
      throw BadRequest("field 'position_pct': missing (set_position needs 0 to 100 %)");
    }
    if (!(*request.position_pct >= 0.0 && *request.position_pct <= 100.0)) {
      throw BadRequest("field 'position_pct': " + json(*request.position_pct).dump() +
                       " is out of range (expected 0 to 100 %)");
    }
  } else if (request.position_pct) {
    throw BadRequest("field 'position_pct': only set_position takes a position");
  }
  request.reason = text_field(body, "reason", kMaxReasonBytes);
  request.user = p.user;
  request.origin = "api " + req.remote_addr;
  request.requested_ms = ctx.clock.now_ms();
  return request;
}

void post_command(ServerContext& ctx, const Req& req, Res& res, const P& p) {
  const runtime::CommandRequest request = command_request(ctx, req, p);
  const auto provider = require_commands(ctx);
  try {
    const runtime::CommandRecord record = provider->submit(request);
    ctx.log.info("command", {{"id", record.id},
                             {"channel", request.channel},
                             {"action", runtime::command_action_name(request.action)},
                             {"user", p.user}});
    send_json(res, 202, command_json(record));
  } catch (const runtime::CommandRejected& e) {
    ctx.log.warn("command_rejected",
                 {{"channel", request.channel}, {"code", e.code()}, {"reason", e.what()}});
    json body{{"error", e.code()}, {"reason", e.what()}};
    if (!e.record_id().empty()) {
      body["command_id"] = e.record_id();
    }
    send_json(res, 409, body);
  }
}

void get_commands(ServerContext& ctx, const Req& req, Res& res) {
  runtime::CommandQuery query;
  if (req.has_param("channel")) {
    const std::string name = req.get_param_value("channel");
    const auto info = resolve_channel(ctx.site, name);
    if (!info) {
      throw BadRequest("parameter 'channel': no channel '" + name + "'", 404, "not_found");
    }
    query.channel = info->key;
  }
  if (const std::string zone = zone_param(ctx, req); !zone.empty()) {
    query.zone = zone;
  }
  query.from_ms = time_param(req, "from");
  query.to_ms = time_param(req, "to");
  query.limit = limit_param(req, 100);
  const auto provider = require_commands(ctx);
  json out = json::array();
  for (const auto& r : provider->history(query)) {
    out.push_back(command_json(r));
  }
  send_json(res, 200, json{{"commands", out}});
}

void get_command(ServerContext& ctx, const std::string& id, Res& res) {
  const auto record = require_commands(ctx)->find(id);
  if (!record) {
    throw BadRequest("no command '" + id + "'", 404, "not_found");
  }
  send_json(res, 200, command_json(*record));
}

void get_actuators(ServerContext& ctx, Res& res) {
  json out = json::array();
  for (const auto& a : require_commands(ctx)->actuators()) {
    out.push_back(actuator_json(a));
  }
  send_json(res, 200, json{{"now", format_iso_utc(ctx.clock.now_ms())}, {"actuators", out}});
}

// --- alarms ------------------------------------------------------------------------------------

void get_alarms(ServerContext& ctx, const Req& req, Res& res) {
  runtime::AlarmQuery query;
  if (req.has_param("state")) {
    const std::string state = req.get_param_value("state");
    if (state == "open") {
      query.open_only = true;
    } else if (state == "all") {
      query.open_only = false;
    } else {
      throw BadRequest("parameter 'state': '" + state + "' (expected open or all)");
    }
  }
  if (const std::string zone = zone_param(ctx, req); !zone.empty()) {
    query.zone = zone;
  }
  query.from_ms = time_param(req, "from");
  query.to_ms = time_param(req, "to");
  query.limit = limit_param(req, 200);
  json out = json::array();
  for (const auto& a : require_alarms(ctx)->list(query)) {
    out.push_back(alarm_json(a));
  }
  send_json(res, 200, json{{"alarms", out}});
}

void get_alarm(ServerContext& ctx, const std::string& id, Res& res) {
  const auto alarm = require_alarms(ctx)->find(id);
  if (!alarm) {
    throw BadRequest("no alarm '" + id + "'", 404, "not_found");
  }
  send_json(res, 200, alarm_json(*alarm));
}

void post_acknowledge(ServerContext& ctx, const std::string& id, const Req& req, Res& res,
                      const P& p) {
  std::string note;
  if (!req.body.empty()) {
    const json body = parse_json_object(req);
    only_fields(body, {"note"});
    note = text_field(body, "note", kMaxReasonBytes);
  }
  const auto alarm = require_alarms(ctx)->acknowledge(id, p.user, note, ctx.clock.now_ms());
  if (!alarm) {
    throw BadRequest("no alarm '" + id + "'", 404, "not_found");
  }
  ctx.log.info("alarm_acknowledged", {{"id", id}, {"user", p.user}});
  send_json(res, 200, alarm_json(*alarm));
}

// --- controller settings -----------------------------------------------------------------------

json values_field(const json& body) {
  const auto it = body.find("values");
  if (it == body.end() || !it->is_object()) {
    throw BadRequest("field 'values': missing or not an object (expected the settings document)");
  }
  return *it;
}

void get_settings_zones(ServerContext& ctx, Res& res) {
  send_json(res, 200, json{{"zones", require_settings(ctx)->zones()}});
}

void get_settings(ServerContext& ctx, const std::string& zone, Res& res) {
  const auto settings = require_settings(ctx)->get(zone);
  if (!settings) {
    throw BadRequest("zone '" + zone + "' has no controller settings", 404, "not_found");
  }
  send_json(res, 200, settings_json(*settings));
}

void post_validate(ServerContext& ctx, const std::string& zone, const Req& req, Res& res) {
  const json body = parse_json_object(req);
  only_fields(body, {"values"});
  const json values = values_field(body);
  const auto issues = require_settings(ctx)->validate(zone, values);
  send_json(res, 200,
            json{{"zone", zone}, {"valid", issues.empty()}, {"issues", issues_json(issues)}});
}

void put_settings(ServerContext& ctx, const std::string& zone, const Req& req, Res& res,
                  const P& p) {
  const json body = parse_json_object(req);
  only_fields(body, {"values", "revision"});
  const json values = values_field(body);
  const auto rev = body.find("revision");
  if (rev == body.end() || !rev->is_string()) {
    throw BadRequest(
        "field 'revision': missing (expected the revision the edit started from, "
        "as GET gave it)");
  }
  const auto result = require_settings(ctx)->update(zone, values, rev->get<std::string>(), p.user,
                                                    ctx.clock.now_ms());
  json out{{"zone", zone}, {"issues", issues_json(result.issues)}};
  if (result.settings) {
    out["settings"] = settings_json(*result.settings);
  }
  switch (result.status) {
    case runtime::SettingsUpdateStatus::kApplied:
      ctx.log.info("settings_updated", {{"zone", zone}, {"user", p.user}});
      out["applied"] = true;
      send_json(res, 200, out);
      return;
    case runtime::SettingsUpdateStatus::kInvalid:
      out["error"] = "invalid_settings";
      out["reason"] = "the settings have problems; nothing changed";
      send_json(res, 422, out);
      return;
    case runtime::SettingsUpdateStatus::kConflict:
      out["error"] = "conflict";
      out["reason"] = "the settings changed since revision " + rev->get<std::string>() +
                      " (reload them and edit again)";
      send_json(res, 409, out);
      return;
    case runtime::SettingsUpdateStatus::kNotFound:
      throw BadRequest("zone '" + zone + "' has no controller settings", 404, "not_found");
  }
}

}  // namespace

void add_command_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.post("/api/v1/commands", Access::kOperator,
              [&ctx](const Req& req, Res& res, const P& p) { post_command(ctx, req, res, p); });
  router.get("/api/v1/commands", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_commands(ctx, req, res); });
  router.get("/api/v1/commands/{id}", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_command(ctx, req.matches[1], res); });
  router.get("/api/v1/actuators", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_actuators(ctx, res); });
}

void add_alarm_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/alarms", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_alarms(ctx, req, res); });
  router.get("/api/v1/alarms/{id}", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_alarm(ctx, req.matches[1], res); });
  router.post("/api/v1/alarms/{id}/acknowledge", Access::kOperator,
              [&ctx](const Req& req, Res& res, const P& p) {
                post_acknowledge(ctx, req.matches[1], req, res, p);
              });
}

void add_settings_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/settings", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_settings_zones(ctx, res); });
  router.get(
      "/api/v1/settings/{zone}", Access::kViewer,
      [&ctx](const Req& req, Res& res, const P&) { get_settings(ctx, req.matches[1], res); });
  router.put("/api/v1/settings/{zone}", Access::kAdmin,
             [&ctx](const Req& req, Res& res, const P& p) {
               put_settings(ctx, req.matches[1], req, res, p);
             });
  router.post(
      "/api/v1/settings/{zone}/validate", Access::kOperator,
      [&ctx](const Req& req, Res& res, const P&) { post_validate(ctx, req.matches[1], req, res); });
}

}  // namespace egin::server
