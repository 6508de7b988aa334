// GET /api/v1/overview: the site at a glance in one answer, for the dashboard's first page —
// every zone with its key values (the first channels of the quantities that matter for its
// kind), how many of its channels are fresh, stale or silent, its newest reading, its actuators,
// its open alarms (when an alarm provider is registered) and whether it has irrigation advice.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "egin/server/json_io.hpp"
#include "egin/server/routes.hpp"
#include "egin/server/site_json.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

constexpr std::size_t kKeyValues = 4;

const std::vector<std::string>& key_quantities(runtime::ZoneKind kind) {
  static const std::vector<std::string> kGreenhouse = {
      "air_temperature",         "relative_humidity", "co2_concentration",
      "vapour_pressure_deficit", "global_radiation",  "par",
      "daily_light_integral"};
  static const std::vector<std::string> kStation = {
      "air_temperature", "relative_humidity", "global_radiation",
      "wind_speed",      "precipitation",     "reference_evapotranspiration"};
  static const std::vector<std::string> kField = {"volumetric_water_content", "soil_water_tension",
                                                  "water_flow", "water_pressure"};
  switch (kind) {
    case runtime::ZoneKind::greenhouse:
      return kGreenhouse;
    case runtime::ZoneKind::weather_station:
      return kStation;
    case runtime::ZoneKind::field:
      return kField;
  }
  return kGreenhouse;
}

void get_overview(ServerContext& ctx, httplib::Response& res) {
  const runtime::Site site = ctx.site.snapshot();
  const TimeMs now_ms = ctx.clock.now_ms();
  std::map<std::string, std::vector<runtime::ChannelInfo>> by_zone;
  for (auto& info : ctx.site.channels()) {
    by_zone[info.zone_id].push_back(std::move(info));
  }
  // Open alarms per zone, when there is a provider.
  std::map<std::string, std::pair<int, int>> alarms;  // zone → (open, critical)
  const auto provider = ctx.providers != nullptr ? ctx.providers->alarms() : nullptr;
  if (provider) {
    runtime::AlarmQuery query;
    query.limit = 10000;
    for (const auto& a : provider->list(query)) {
      auto& [open, critical] = alarms[a.zone];
      ++open;
      critical += a.severity == runtime::AlarmSeverity::kCritical ? 1 : 0;
    }
  }
  json zones = json::array();
  for (const auto& zone : site.zones) {
    const auto& channels = by_zone[zone.id];
    int fresh = 0;
    int stale = 0;
    int no_data = 0;
    int actuators = 0;
    std::optional<TimeMs> newest;
    for (const auto& info : channels) {
      const auto latest = ctx.pipeline.latest(info.id);
      const std::string_view f = freshness(info.spec, latest, now_ms);
      fresh += f == "fresh" ? 1 : 0;
      stale += f == "stale" ? 1 : 0;
      no_data += f == "no_data" ? 1 : 0;
      actuators += info.spec.kind == runtime::ChannelKind::actuator ? 1 : 0;
      if (latest && (!newest || latest->t_ms > *newest)) {
        newest = latest->t_ms;
      }
    }
    json key = json::array();
    for (const std::string& quantity : key_quantities(zone.kind)) {
      if (key.size() >= kKeyValues) {
        break;
      }
      for (const auto& info : channels) {
        if (info.spec.quantity != quantity || info.spec.kind != runtime::ChannelKind::sensor) {
          continue;
        }
        const auto latest = ctx.pipeline.latest(info.id);
        key.push_back(json{{"channel", info.key},
                           {"name", info.spec.name},
                           {"quantity", info.spec.quantity},
                           {"unit", info.spec.unit},
                           {"value", latest ? json(latest->value) : json(nullptr)},
                           {"t", latest ? json(format_iso_utc(latest->t_ms)) : json(nullptr)},
                           {"freshness", freshness(info.spec, latest, now_ms)}});
        break;
      }
    }
    json item{{"id", zone.id},
              {"name", zone.name},
              {"kind", runtime::zone_kind_name(zone.kind)},
              {"channels", channels.size()},
              {"fresh", fresh},
              {"stale", stale},
              {"no_data", no_data},
              {"actuators", actuators},
              {"newest", newest ? json(format_iso_utc(*newest)) : json(nullptr)},
              {"key", key},
              {"field", ctx.fields != nullptr && ctx.fields->has(zone.id)}};
    if (provider) {
      const auto it = alarms.find(zone.id);
      item["alarms"] = json{{"open", it == alarms.end() ? 0 : it->second.first},
                            {"critical", it == alarms.end() ? 0 : it->second.second}};
    } else {
      item["alarms"] = nullptr;
    }
    zones.push_back(std::move(item));
  }
  send_json(res, 200,
            json{{"site", site_summary_json(site)},
                 {"now", format_iso_utc(now_ms)},
                 {"alarms_configured", static_cast<bool>(provider)},
                 {"commands_configured",
                  ctx.providers != nullptr && static_cast<bool>(ctx.providers->commands())},
                 {"settings_configured",
                  ctx.providers != nullptr && static_cast<bool>(ctx.providers->settings())},
                 {"zones", zones}});
}

}  // namespace

void add_overview_routes(Router& router) {
  ServerContext& ctx = router.context();
  router.get("/api/v1/overview", Access::kViewer,
             [&ctx](const httplib::Request&, httplib::Response& res, const accounts::Principal&) {
               get_overview(ctx, res);
             });
}

}  // namespace egin::server
