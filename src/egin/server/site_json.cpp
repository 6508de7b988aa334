#include "egin/server/site_json.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string>

#include "egin/core/input_error.hpp"

namespace egin::server {

namespace {

using nlohmann::json;

constexpr const char* kBody = "request body";
constexpr double kFreshPeriods = 3.0;

[[noreturn]] void bad_field(std::string_view field, const std::string& problem,
                            const std::string& expected) {
  throw InputError({kBody, 0, std::string(field)}, problem, expected);
}

void check_known_fields(const json& body, const std::set<std::string, std::less<>>& known,
                        std::string_view what) {
  for (const auto& [key, value] : body.items()) {
    if (!known.contains(key)) {
      std::string list;
      for (const auto& k : known) {
        list += (list.empty() ? "" : ", ") + k;
      }
      bad_field(key, "unknown field of a " + std::string(what), list);
    }
  }
}

std::optional<std::string> opt_string(const json& body, std::string_view field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    return std::nullopt;
  }
  if (!it->is_string()) {
    bad_field(field, "must be a string", "a JSON string");
  }
  return it->get<std::string>();
}

std::optional<double> opt_number(const json& body, std::string_view field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    return std::nullopt;
  }
  if (!it->is_number()) {
    bad_field(field, "must be a number", "a JSON number");
  }
  const double value = it->get<double>();
  if (!std::isfinite(value)) {
    bad_field(field, "must be finite", "a finite number");
  }
  return value;
}

const json* opt_array(const json& body, std::string_view field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    return nullptr;
  }
  if (!it->is_array()) {
    bad_field(field, "must be an array", "a JSON array of objects");
  }
  return &*it;
}

std::string element_id(const json& element, std::string_view field, std::size_t index) {
  if (!element.is_object()) {
    bad_field(std::string(field) + "[" + std::to_string(index) + "]", "must be an object",
              "a JSON object with an \"id\"");
  }
  const auto id = opt_string(element, "id");
  if (!id) {
    bad_field(std::string(field) + "[" + std::to_string(index) + "].id", "is missing",
              "an id of [a-z0-9_-] starting with a letter");
  }
  return *id;
}

json optional_number_json(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

std::string_view freshness(const runtime::ChannelSpec& spec,
                           const std::optional<runtime::StoredReading>& latest, TimeMs now_ms) {
  if (!latest) {
    return "no_data";
  }
  const double period_ms = std::max(spec.sampling_period_s, 1.0) * 1000.0;
  const auto age_ms = static_cast<double>(now_ms - latest->t_ms);
  return age_ms <= kFreshPeriods * period_ms ? "fresh" : "stale";
}

json reading_json(const runtime::StoredReading& reading) {
  return json{
      {"channel", reading.key}, {"id", reading.channel},  {"t", format_iso_utc(reading.t_ms)},
      {"t_ms", reading.t_ms},   {"value", reading.value}, {"flags", reading.flags}};
}

json channel_json(const runtime::ChannelInfo& info,
                  const std::optional<runtime::StoredReading>& latest, TimeMs now_ms) {
  const runtime::ChannelSpec& s = info.spec;
  json out{{"id", info.id},
           {"key", info.key},
           {"zone", info.zone_id},
           {"zone_kind", runtime::zone_kind_name(info.zone_kind)},
           {"device", info.device_id},
           {"channel", s.id},
           {"name", s.name},
           {"quantity", s.quantity},
           {"unit", s.unit},
           {"kind", runtime::channel_kind_name(s.kind)},
           {"min", s.min},
           {"max", s.max},
           {"sampling_period_s", s.sampling_period_s},
           {"channel_class", s.channel_class},
           {"max_rate_per_min", optional_number_json(s.max_rate_per_min)},
           {"stuck_minutes", optional_number_json(s.stuck_minutes)},
           {"freshness", freshness(s, latest, now_ms)}};
  if (latest) {
    out["latest"] = json{{"t", format_iso_utc(latest->t_ms)},
                         {"t_ms", latest->t_ms},
                         {"value", latest->value},
                         {"flags", latest->flags}};
    out["age_s"] = static_cast<double>(now_ms - latest->t_ms) / 1000.0;
  } else {
    out["latest"] = nullptr;
    out["age_s"] = nullptr;
  }
  return out;
}

json site_summary_json(const runtime::Site& site) {
  std::size_t devices = 0;
  std::size_t channels = 0;
  for (const auto& zone : site.zones) {
    devices += zone.devices.size();
    for (const auto& device : zone.devices) {
      channels += device.channels.size();
    }
  }
  json retention = json::array();
  for (const auto& r : site.retention) {
    retention.push_back(json{{"channel_class", r.channel_class},
                             {"raw_days", r.raw_days},
                             {"minute_days", r.minute_days},
                             {"hour_days", r.hour_days},
                             {"day_days", r.day_days}});
  }
  return json{{"id", site.id},
              {"name", site.name},
              {"latitude_deg", site.latitude_deg},
              {"longitude_deg", site.longitude_deg},
              {"elevation_m", site.elevation_m},
              {"utc_offset_min", site.utc_offset_min},
              {"zones", site.zones.size()},
              {"devices", devices},
              {"channels", channels},
              {"retention", retention},
              {"future_tolerance_s", site.future_tolerance_s},
              {"max_age_days", site.max_age_days}};
}

json zone_summary_json(const runtime::ZoneSpec& zone) {
  std::size_t channels = 0;
  for (const auto& device : zone.devices) {
    channels += device.channels.size();
  }
  return json{{"id", zone.id},
              {"name", zone.name},
              {"kind", runtime::zone_kind_name(zone.kind)},
              {"devices", zone.devices.size()},
              {"channels", channels}};
}

json zone_detail_json(const runtime::ZoneSpec& zone, const runtime::LiveSite& site,
                      const runtime::IngestPipeline& pipeline, TimeMs now_ms) {
  json devices = json::array();
  for (const auto& device : zone.devices) {
    json channels = json::array();
    for (const auto& channel : device.channels) {
      const auto info = site.find(runtime::channel_key(zone, device, channel));
      if (!info) {
        continue;
      }
      channels.push_back(channel_json(*info, pipeline.latest(info->id), now_ms));
    }
    devices.push_back(json{
        {"id", device.id}, {"name", device.name}, {"model", device.model}, {"channels", channels}});
  }
  return json{{"id", zone.id},
              {"name", zone.name},
              {"kind", runtime::zone_kind_name(zone.kind)},
              {"devices", devices}};
}

runtime::ChannelSpec channel_spec_from_json(const json& body, std::string_view id) {
  if (!body.is_object()) {
    bad_field("channel", "must be an object", "a JSON object");
  }
  check_known_fields(body,
                     {"id", "name", "quantity", "unit", "kind", "min", "max", "sampling_period_s",
                      "channel_class", "max_rate_per_min", "stuck_minutes"},
                     "channel");
  runtime::ChannelSpec spec;
  spec.id = std::string(id);
  if (const auto body_id = opt_string(body, "id"); body_id && *body_id != id) {
    bad_field("id", "'" + *body_id + "' differs from the id in the path '" + std::string(id) + "'",
              "the same id or no id in the body");
  }
  spec.name = opt_string(body, "name").value_or(spec.id);
  if (auto v = opt_string(body, "quantity")) {
    spec.quantity = *v;
  }
  if (auto v = opt_string(body, "unit")) {
    spec.unit = *v;
  }
  if (auto v = opt_string(body, "kind")) {
    if (*v == "sensor") {
      spec.kind = runtime::ChannelKind::sensor;
    } else if (*v == "actuator") {
      spec.kind = runtime::ChannelKind::actuator;
    } else {
      bad_field("kind", "unknown kind '" + *v + "'", "sensor or actuator");
    }
  }
  if (auto v = opt_number(body, "min")) {
    spec.min = *v;
  }
  if (auto v = opt_number(body, "max")) {
    spec.max = *v;
  }
  if (auto v = opt_number(body, "sampling_period_s")) {
    spec.sampling_period_s = *v;
  }
  if (auto v = opt_string(body, "channel_class")) {
    spec.channel_class = *v;
  }
  spec.max_rate_per_min = opt_number(body, "max_rate_per_min");
  spec.stuck_minutes = opt_number(body, "stuck_minutes");
  return spec;
}

runtime::DeviceSpec device_spec_from_json(const json& body, std::string_view id) {
  if (!body.is_object()) {
    bad_field("device", "must be an object", "a JSON object");
  }
  check_known_fields(body, {"id", "name", "model", "channels"}, "device");
  runtime::DeviceSpec device;
  device.id = std::string(id);
  if (const auto body_id = opt_string(body, "id"); body_id && *body_id != id) {
    bad_field("id", "'" + *body_id + "' differs from the id in the path '" + std::string(id) + "'",
              "the same id or no id in the body");
  }
  device.name = opt_string(body, "name").value_or(device.id);
  device.model = opt_string(body, "model").value_or("");
  if (const json* channels = opt_array(body, "channels")) {
    for (std::size_t i = 0; i < channels->size(); ++i) {
      const json& c = (*channels)[i];
      device.channels.push_back(channel_spec_from_json(c, element_id(c, "channels", i)));
    }
  }
  return device;
}

runtime::ZoneSpec zone_spec_from_json(const json& body, std::string_view id) {
  if (!body.is_object()) {
    bad_field("zone", "must be an object", "a JSON object");
  }
  check_known_fields(body, {"id", "name", "kind", "devices"}, "zone");
  runtime::ZoneSpec zone;
  zone.id = std::string(id);
  if (const auto body_id = opt_string(body, "id"); body_id && *body_id != id) {
    bad_field("id", "'" + *body_id + "' differs from the id in the path '" + std::string(id) + "'",
              "the same id or no id in the body");
  }
  zone.name = opt_string(body, "name").value_or(zone.id);
  if (auto v = opt_string(body, "kind")) {
    if (*v == "greenhouse") {
      zone.kind = runtime::ZoneKind::greenhouse;
    } else if (*v == "field") {
      zone.kind = runtime::ZoneKind::field;
    } else if (*v == "weather_station") {
      zone.kind = runtime::ZoneKind::weather_station;
    } else {
      bad_field("kind", "unknown zone kind '" + *v + "'", "greenhouse, field or weather_station");
    }
  }
  if (const json* devices = opt_array(body, "devices")) {
    for (std::size_t i = 0; i < devices->size(); ++i) {
      const json& d = (*devices)[i];
      zone.devices.push_back(device_spec_from_json(d, element_id(d, "devices", i)));
    }
  }
  return zone;
}

std::optional<runtime::ChannelInfo> resolve_channel(const runtime::LiveSite& site,
                                                    std::string_view key_or_id) {
  if (!key_or_id.empty() && key_or_id.find_first_not_of("0123456789") == std::string_view::npos) {
    store::ChannelId id = 0;
    const auto [end, ec] =
        std::from_chars(key_or_id.data(), key_or_id.data() + key_or_id.size(), id);
    if (ec != std::errc{} || end != key_or_id.data() + key_or_id.size()) {
      return std::nullopt;
    }
    return site.find(id);
  }
  return site.find(key_or_id);
}

}  // namespace egin::server
