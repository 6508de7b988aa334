// The site model over HTTP: GET /api/v1/sites, /zones, /zones/{id}, /devices, /channels,
// /channels/{key-or-id}, /latest; edits PUT /zones/{id}, PUT /zones/{zone}/devices/{device},
// PUT and DELETE /channels/{key-or-id} through LiveSite (saved to the site file).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "egin/server/json_io.hpp"
#include "egin/server/query_params.hpp"
#include "egin/server/routes.hpp"
#include "egin/server/site_json.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

const runtime::ZoneSpec* find_zone(const runtime::Site& site, std::string_view id) {
  for (const auto& zone : site.zones) {
    if (zone.id == id) {
      return &zone;
    }
  }
  return nullptr;
}

void get_sites(ServerContext& ctx, httplib::Response& res) {
  // "now" is the server's clock (accelerated in demos): the dashboard's "last 24 hours" use it.
  send_json(res, 200,
            json{{"sites", json::array({site_summary_json(ctx.site.snapshot())})},
                 {"now", format_iso_utc(ctx.clock.now_ms())}});
}

void get_zones(ServerContext& ctx, httplib::Response& res) {
  const runtime::Site site = ctx.site.snapshot();
  json zones = json::array();
  for (const auto& zone : site.zones) {
    zones.push_back(zone_summary_json(zone));
  }
  send_json(res, 200, json{{"site", site.id}, {"zones", zones}});
}

void get_zone(ServerContext& ctx, const std::string& id, httplib::Response& res) {
  const runtime::Site site = ctx.site.snapshot();
  const runtime::ZoneSpec* zone = find_zone(site, id);
  if (zone == nullptr) {
    throw BadRequest("no zone '" + id + "'", 404, "not_found");
  }
  send_json(res, 200, zone_detail_json(*zone, ctx.site, ctx.pipeline, ctx.clock.now_ms()));
}

void get_devices(ServerContext& ctx, httplib::Response& res) {
  const runtime::Site site = ctx.site.snapshot();
  json devices = json::array();
  for (const auto& zone : site.zones) {
    for (const auto& device : zone.devices) {
      devices.push_back(json{{"zone", zone.id},
                             {"id", device.id},
                             {"name", device.name},
                             {"model", device.model},
                             {"channels", device.channels.size()}});
    }
  }
  send_json(res, 200, json{{"devices", devices}});
}

void get_channels(ServerContext& ctx, httplib::Response& res) {
  const TimeMs now_ms = ctx.clock.now_ms();
  json channels = json::array();
  for (const auto& info : ctx.site.channels()) {
    channels.push_back(channel_json(info, ctx.pipeline.latest(info.id), now_ms));
  }
  send_json(res, 200, json{{"channels", channels}});
}

void get_channel(ServerContext& ctx, const std::string& key_or_id, httplib::Response& res) {
  const auto info = resolve_channel(ctx.site, key_or_id);
  if (!info) {
    throw BadRequest("no channel '" + key_or_id + "'", 404, "not_found");
  }
  send_json(res, 200, channel_json(*info, ctx.pipeline.latest(info->id), ctx.clock.now_ms()));
}

void put_channel(ServerContext& ctx, const std::string& key_or_id, const httplib::Request& req,
                 httplib::Response& res) {
  std::string key = key_or_id;
  const auto existing = resolve_channel(ctx.site, key_or_id);
  if (existing) {
    key = existing->key;
  } else if (key.find_first_not_of("0123456789") == std::string::npos) {
    throw BadRequest("no channel with id " + key_or_id + " (create one by its key)", 404,
                     "not_found");
  }
  const auto first = key.find('/');
  const auto second = first == std::string::npos ? first : key.find('/', first + 1);
  if (second == std::string::npos || key.find('/', second + 1) != std::string::npos) {
    throw BadRequest("channel key '" + key + "' is not zone/device/channel");
  }
  const std::string zone = key.substr(0, first);
  const std::string device = key.substr(first + 1, second - first - 1);
  const std::string channel = key.substr(second + 1);
  ctx.site.put_channel(zone, device, channel_spec_from_json(parse_json_object(req), channel));
  const auto info = ctx.site.find(key);
  if (!info) {
    throw std::runtime_error("channel '" + key + "' missing after it was saved");
  }
  ctx.log.info("site_edit", {{"what", "channel"}, {"key", key}, {"created", !existing}});
  send_json(res, existing ? 200 : 201,
            channel_json(*info, ctx.pipeline.latest(info->id), ctx.clock.now_ms()));
}

void delete_channel(ServerContext& ctx, const std::string& key_or_id, httplib::Response& res) {
  const auto info = resolve_channel(ctx.site, key_or_id);
  if (!info || !ctx.site.remove_channel(info->key)) {
    throw BadRequest("no channel '" + key_or_id + "'", 404, "not_found");
  }
  ctx.log.info("site_edit", {{"what", "channel"}, {"key", info->key}, {"removed", true}});
  send_json(res, 200, json{{"removed", info->key}, {"id", info->id}});
}

void put_zone(ServerContext& ctx, const std::string& id, const httplib::Request& req,
              httplib::Response& res) {
  const bool existed = find_zone(ctx.site.snapshot(), id) != nullptr;
  ctx.site.put_zone(zone_spec_from_json(parse_json_object(req), id));
  const runtime::Site site = ctx.site.snapshot();
  const runtime::ZoneSpec* zone = find_zone(site, id);
  if (zone == nullptr) {
    throw std::runtime_error("zone '" + id + "' missing after it was saved");
  }
  ctx.log.info("site_edit", {{"what", "zone"}, {"zone", id}, {"created", !existed}});
  send_json(res, existed ? 200 : 201,
            zone_detail_json(*zone, ctx.site, ctx.pipeline, ctx.clock.now_ms()));
}

void put_device(ServerContext& ctx, const std::string& zone_id, const std::string& device_id,
                const httplib::Request& req, httplib::Response& res) {
  {
    const runtime::Site before = ctx.site.snapshot();
    if (find_zone(before, zone_id) == nullptr) {
      throw BadRequest(
          "no zone '" + zone_id + "' (create it with PUT /api/v1/zones/" + zone_id + ")", 404,
          "not_found");
    }
  }
  ctx.site.put_device(zone_id, device_spec_from_json(parse_json_object(req), device_id));
  const runtime::Site site = ctx.site.snapshot();
  const runtime::ZoneSpec* zone = find_zone(site, zone_id);
  if (zone == nullptr) {
    throw std::runtime_error("zone '" + zone_id + "' missing after the edit");
  }
  ctx.log.info("site_edit", {{"what", "device"}, {"zone", zone_id}, {"device", device_id}});
  send_json(res, 200, zone_detail_json(*zone, ctx.site, ctx.pipeline, ctx.clock.now_ms()));
}

void get_latest(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  // Without ?channels= every channel of the site.
  const std::vector<runtime::ChannelInfo> wanted =
      req.has_param("channels") ? channels_param(req, ctx.site, "channels") : ctx.site.channels();
  const TimeMs now_ms = ctx.clock.now_ms();
  json readings = json::array();
  for (const auto& info : wanted) {
    const auto latest = ctx.pipeline.latest(info.id);
    json item{{"channel", info.key},
              {"id", info.id},
              {"unit", info.spec.unit},
              {"freshness", freshness(info.spec, latest, now_ms)}};
    if (latest) {
      item["t"] = format_iso_utc(latest->t_ms);
      item["t_ms"] = latest->t_ms;
      item["value"] = latest->value;
      item["flags"] = latest->flags;
    } else {
      item["t"] = nullptr;
      item["value"] = nullptr;
    }
    readings.push_back(std::move(item));
  }
  send_json(res, 200, json{{"now", format_iso_utc(now_ms)}, {"readings", readings}});
}

}  // namespace

void add_site_routes(Router& router) {
  using Req = httplib::Request;
  using Res = httplib::Response;
  using P = accounts::Principal;
  ServerContext& ctx = router.context();
  router.get("/api/v1/sites", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_sites(ctx, res); });
  router.get("/api/v1/zones", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_zones(ctx, res); });
  router.get("/api/v1/zones/{zone}", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_zone(ctx, req.matches[1], res); });
  router.put("/api/v1/zones/{zone}", Access::kAdmin, [&ctx](const Req& req, Res& res, const P&) {
    put_zone(ctx, req.matches[1], req, res);
  });
  router.put("/api/v1/zones/{zone}/devices/{device}", Access::kAdmin,
             [&ctx](const Req& req, Res& res, const P&) {
               put_device(ctx, req.matches[1], req.matches[2], req, res);
             });
  router.get("/api/v1/devices", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_devices(ctx, res); });
  router.get("/api/v1/channels", Access::kViewer,
             [&ctx](const Req&, Res& res, const P&) { get_channels(ctx, res); });
  // A key holds slashes ("zone/device/channel"), sent as they are or as %2F.
  router.get("/api/v1/channels/{key}", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_channel(ctx, req.matches[1], res); });
  router.put("/api/v1/channels/{key}", Access::kAdmin, [&ctx](const Req& req, Res& res, const P&) {
    put_channel(ctx, req.matches[1], req, res);
  });
  router.del("/api/v1/channels/{key}", Access::kAdmin, [&ctx](const Req& req, Res& res, const P&) {
    delete_channel(ctx, req.matches[1], res);
  });
  router.get("/api/v1/latest", Access::kViewer,
             [&ctx](const Req& req, Res& res, const P&) { get_latest(ctx, req, res); });
}

}  // namespace egin::server
