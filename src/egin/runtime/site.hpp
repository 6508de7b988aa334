// Site: the farm as egin knows it — site → zones (greenhouse, field, weather station) → devices →
// channels (sensor series and actuators), each channel with its quantity, unit, valid range,
// sampling period and validation limits. Plain data, loaded from and saved to a site TOML file
// (site_file.hpp). It must not hold readings, connections or threads.
//
// A channel's key is "zone/device/channel" (ids of the three levels joined by '/'); the store
// turns keys into stable integer ids. Ids are made of [a-z0-9_-] and start with a letter.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace egin::runtime {

enum class ZoneKind { greenhouse, field, weather_station };
enum class ChannelKind { sensor, actuator };

struct ChannelSpec {
  std::string id;
  std::string name;      // human label; id when not given
  std::string quantity;  // e.g. "air_temperature", "relative_humidity", "global_radiation"
  std::string unit;      // SenML unit: "Cel", "%RH", "ppm", "W/m2", "m/s", "mm", "kPa", "%", "/"
  ChannelKind kind = ChannelKind::sensor;
  double min = 0.0;  // valid range: readings outside are rejected
  double max = 0.0;
  double sampling_period_s = 60.0;
  std::string channel_class = "default";   // retention class
  std::optional<double> max_rate_per_min;  // spike: |Δvalue| / Δt above this is flagged
  std::optional<double> stuck_minutes;     // flat (exactly equal) for longer is flagged
};

struct DeviceSpec {
  std::string id;
  std::string name;
  std::string model;  // free text, e.g. "KS X 3267 sensor node"
  std::vector<ChannelSpec> channels;
};

struct ZoneSpec {
  std::string id;
  std::string name;
  ZoneKind kind = ZoneKind::greenhouse;
  std::vector<DeviceSpec> devices;
  // Field zones only: the field file (docs/formats/field-file.md) whose FAO-56 water balance
  // gives the zone's irrigation advice, as written (relative to the site file's directory), and
  // the weather-station zone whose daily ET0 and rain it uses (empty: the field file's own
  // weather). Set in the site file; API edits keep them.
  std::string field_file{};
  std::string weather_zone{};
};

struct RetentionSpec {
  std::string channel_class = "default";
  int raw_days = 400;
  int minute_days = 800;
  int hour_days = 3650;
  int day_days = 0;  // 0 = forever
};

struct Site {
  std::string id = "farm";
  std::string name = "farm";
  double latitude_deg = 0.0;
  double longitude_deg = 0.0;
  double elevation_m = 0.0;
  int utc_offset_min = 0;  // local standard time of the site (Kazakhstan: +300)
  std::vector<ZoneSpec> zones;
  std::vector<RetentionSpec> retention;
  /// Validation windows: readings newer than now + future_tolerance_s or older than now −
  /// max_age_days are rejected.
  double future_tolerance_s = 300.0;
  double max_age_days = 30.0;
};

std::string_view zone_kind_name(ZoneKind kind);        // "greenhouse" | "field" | "weather_station"
std::string_view channel_kind_name(ChannelKind kind);  // "sensor" | "actuator"

/// "zone/device/channel".
std::string channel_key(const ZoneSpec& zone, const DeviceSpec& device, const ChannelSpec& channel);

/// A channel with the zone and device it belongs to, found by key.
struct ChannelRef {
  const ZoneSpec* zone = nullptr;
  const DeviceSpec* device = nullptr;
  const ChannelSpec* channel = nullptr;
};
std::optional<ChannelRef> find_channel(const Site& site, std::string_view key);

}  // namespace egin::runtime
