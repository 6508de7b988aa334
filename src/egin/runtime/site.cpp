#include "egin/runtime/site.hpp"

namespace egin::runtime {

std::string_view zone_kind_name(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::greenhouse:
      return "greenhouse";
    case ZoneKind::field:
      return "field";
    case ZoneKind::weather_station:
      return "weather_station";
  }
  return "greenhouse";
}

std::string_view channel_kind_name(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::sensor:
      return "sensor";
    case ChannelKind::actuator:
      return "actuator";
  }
  return "sensor";
}

std::string channel_key(const ZoneSpec& zone, const DeviceSpec& device,
                        const ChannelSpec& channel) {
  std::string key;
  key.reserve(zone.id.size() + device.id.size() + channel.id.size() + 2);
  key += zone.id;
  key += '/';
  key += device.id;
  key += '/';
  key += channel.id;
  return key;
}

std::optional<ChannelRef> find_channel(const Site& site, std::string_view key) {
  const std::size_t first = key.find('/');
  if (first == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t second = key.find('/', first + 1);
  if (second == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view zone_id = key.substr(0, first);
  const std::string_view device_id = key.substr(first + 1, second - first - 1);
  const std::string_view channel_id = key.substr(second + 1);
  for (const ZoneSpec& zone : site.zones) {
    if (zone.id != zone_id) {
      continue;
    }
    for (const DeviceSpec& device : zone.devices) {
      if (device.id != device_id) {
        continue;
      }
      for (const ChannelSpec& channel : device.channels) {
        if (channel.id == channel_id) {
          return ChannelRef{&zone, &device, &channel};
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace egin::runtime
