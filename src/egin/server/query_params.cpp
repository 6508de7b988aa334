#include "egin/server/query_params.hpp"

#include "egin/server/json_io.hpp"
#include "egin/server/site_json.hpp"

namespace egin::server {

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string_view::npos ? text.size() : comma;
    std::string_view item = text.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') {
      item.remove_prefix(1);
    }
    while (!item.empty() && item.back() == ' ') {
      item.remove_suffix(1);
    }
    if (!item.empty()) {
      items.emplace_back(item);
    }
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return items;
}

std::string required_param(const httplib::Request& req, std::string_view name,
                           std::string_view expected) {
  const std::string key(name);
  if (!req.has_param(key.c_str()) || req.get_param_value(key.c_str()).empty()) {
    throw BadRequest("missing parameter '" + key + "' (expected " + std::string(expected) + ")");
  }
  return req.get_param_value(key.c_str());
}

std::optional<TimeMs> time_param(const httplib::Request& req, std::string_view name) {
  const std::string key(name);
  if (!req.has_param(key.c_str())) {
    return std::nullopt;
  }
  const std::string text = req.get_param_value(key.c_str());
  const auto t_ms = parse_iso_time_ms(text);
  if (!t_ms) {
    throw BadRequest("parameter '" + key + "': '" + text +
                     "' is not an ISO 8601 time (expected e.g. 2026-11-28T10:00:00Z, "
                     "2026-11-28T15:00:00+05:00 or 2026-11-28)");
  }
  return t_ms;
}

std::vector<runtime::ChannelInfo> channels_param(const httplib::Request& req,
                                                 const runtime::LiveSite& site,
                                                 std::string_view name) {
  constexpr std::string_view kForm = "channel keys zone/device/channel or ids, comma separated";
  const std::vector<std::string> names = split_list(required_param(req, name, kForm));
  if (names.empty()) {
    throw BadRequest("parameter '" + std::string(name) + "' names no channel (expected " +
                     std::string(kForm) + ")");
  }
  std::vector<runtime::ChannelInfo> channels;
  for (const std::string& text : names) {
    auto info = resolve_channel(site, text);
    if (!info) {
      throw BadRequest("parameter '" + std::string(name) + "': no channel '" + text +
                           "' (expected " + std::string(kForm) + ")",
                       404, "not_found");
    }
    channels.push_back(std::move(*info));
  }
  return channels;
}

}  // namespace egin::server
