#include "egin/server/provider_json.hpp"

#include "egin/server/json_io.hpp"

namespace egin::server {

using nlohmann::json;

namespace {

json optional_time(const std::optional<TimeMs>& t_ms) {
  return t_ms ? json(format_iso_utc(*t_ms)) : json(nullptr);
}

template <typename T>
json optional_value(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json command_json(const runtime::CommandRecord& r) {
  return json{{"id", r.id},
              {"channel", r.request.channel},
              {"action", runtime::command_action_name(r.request.action)},
              {"duration_s", optional_value(r.request.duration_s)},
              {"position_pct", optional_value(r.request.position_pct)},
              {"user", r.request.user},
              {"origin", r.request.origin},
              {"reason", r.request.reason},
              {"requested", format_iso_utc(r.request.requested_ms)},
              {"state", runtime::command_state_name(r.state)},
              {"detail", r.detail},
              {"updated", format_iso_utc(r.updated_ms)},
              {"ends", optional_time(r.ends_ms)}};
}

json actuator_json(const runtime::ActuatorStatus& s) {
  return json{{"channel", s.channel},
              {"state", s.state},
              {"position_pct", optional_value(s.position_pct)},
              {"remaining_s", optional_value(s.remaining_s)},
              {"control", s.control},
              {"command_id", optional_value(s.command_id)},
              {"updated", format_iso_utc(s.updated_ms)}};
}

json alarm_json(const runtime::Alarm& a) {
  return json{{"id", a.id},
              {"zone", a.zone},
              {"source", a.source},
              {"code", a.code},
              {"severity", runtime::alarm_severity_name(a.severity)},
              {"message", a.message},
              {"raised", format_iso_utc(a.raised_ms)},
              {"cleared", optional_time(a.cleared_ms)},
              {"acknowledged", optional_time(a.acknowledged_ms)},
              {"acknowledged_by", a.acknowledged_by},
              {"note", a.note},
              {"active", a.active()},
              {"open", a.open()}};
}

json settings_json(const runtime::ControllerSettings& s) {
  return json{{"zone", s.zone},
              {"revision", s.revision},
              {"values", s.values},
              {"schema", s.schema},
              {"toml", s.text},
              {"updated", s.updated_ms > 0 ? json(format_iso_utc(s.updated_ms)) : json(nullptr)},
              {"updated_by", s.updated_by}};
}

json issues_json(const std::vector<runtime::SettingsIssue>& issues) {
  json out = json::array();
  for (const auto& i : issues) {
    out.push_back(json{{"path", i.path}, {"problem", i.problem}, {"expected", i.expected}});
  }
  return out;
}

std::shared_ptr<runtime::CommandProvider> require_commands(ServerContext& ctx) {
  auto p = ctx.providers != nullptr ? ctx.providers->commands() : nullptr;
  if (!p) {
    throw BadRequest(
        "actuator commands are not configured on this server (no device layer is connected)", 503,
        "not_configured");
  }
  return p;
}

std::shared_ptr<runtime::AlarmProvider> require_alarms(ServerContext& ctx) {
  auto p = ctx.providers != nullptr ? ctx.providers->alarms() : nullptr;
  if (!p) {
    throw BadRequest("alarms are not configured on this server (no climate computer runs)", 503,
                     "not_configured");
  }
  return p;
}

std::shared_ptr<runtime::ControllerSettingsProvider> require_settings(ServerContext& ctx) {
  auto p = ctx.providers != nullptr ? ctx.providers->settings() : nullptr;
  if (!p) {
    throw BadRequest(
        "controller settings are not configured on this server (no climate computer runs)", 503,
        "not_configured");
  }
  return p;
}

}  // namespace egin::server
