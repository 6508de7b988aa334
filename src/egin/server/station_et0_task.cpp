#include "egin/server/station_et0_task.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "egin/core/senml.hpp"
#include "egin/runtime/station_et0.hpp"

namespace egin::server {

namespace {

/// FAO-56 daily ET0 above 20 mm is unheard of; 30 leaves room and still catches a broken input.
constexpr double kEt0MaxMm = 30.0;

runtime::ChannelSpec et0_channel() {
  runtime::ChannelSpec spec;
  spec.id = std::string(kEt0ChannelId);
  spec.name = "Reference ET0 (FAO-56 Penman-Monteith, daily)";
  spec.quantity = "reference_evapotranspiration";
  spec.unit = "mm";
  spec.min = 0.0;
  spec.max = kEt0MaxMm;
  spec.sampling_period_s = 86400.0;
  return spec;
}

}  // namespace

void add_derived_channels(runtime::Site& site, const runtime::DerivedSeries& derived) {
  for (const auto& zone_device : derived.devices()) {
    const std::string& zone_id = zone_device.first;
    const runtime::DeviceSpec& device = zone_device.second;
    for (auto& zone : site.zones) {
      if (zone.id != zone_id) {
        continue;
      }
      std::erase_if(zone.devices, [&](const runtime::DeviceSpec& d) { return d.id == device.id; });
      zone.devices.push_back(device);
    }
  }
  for (auto& zone : site.zones) {
    if (zone.kind != runtime::ZoneKind::weather_station) {
      continue;
    }
    runtime::DeviceSpec* device = nullptr;
    for (auto& d : zone.devices) {
      if (d.id == runtime::kDerivedDeviceId) {
        device = &d;
      }
    }
    if (device == nullptr) {
      runtime::DeviceSpec d;
      d.id = std::string(runtime::kDerivedDeviceId);
      d.name = "Computed by egin";
      d.model = "egin derived series";
      zone.devices.push_back(std::move(d));
      device = &zone.devices.back();
    }
    std::erase_if(device->channels,
                  [](const runtime::ChannelSpec& c) { return c.id == kEt0ChannelId; });
    device->channels.push_back(et0_channel());
  }
}

int ingest_station_et0(store::TimeSeriesStore& store, const runtime::LiveSite& site,
                       runtime::IngestPipeline& pipeline, Date local_day, Log& log) {
  const runtime::Site snapshot = site.snapshot();
  std::unordered_map<std::string, store::ChannelId> ids_by_key;
  for (const auto& info : site.channels()) {
    ids_by_key.emplace(info.key, info.id);
  }
  const TimeMs day_start_ms = static_cast<TimeMs>(local_day.days_since_epoch()) * kMsPerDay -
                              static_cast<TimeMs>(snapshot.utc_offset_min) * kMsPerMinute;
  int done = 0;
  for (const auto& zone : snapshot.zones) {
    if (zone.kind != runtime::ZoneKind::weather_station) {
      continue;
    }
    std::string why;
    const auto et0_mm = runtime::station_et0_mm(store, snapshot, zone, ids_by_key, local_day, &why);
    if (!et0_mm) {
      log.warn("station_et0_missing",
               {{"zone", zone.id}, {"day", local_day.iso()}, {"reason", why}});
      continue;
    }
    SenmlRecord record;
    record.name =
        zone.id + "/" + std::string(runtime::kDerivedDeviceId) + "/" + std::string(kEt0ChannelId);
    record.time_s = static_cast<double>(day_start_ms) / 1000.0;
    record.value = *et0_mm;
    const std::vector<SenmlRecord> records{record};
    const runtime::IngestResult result =
        pipeline.ingest(records, "", runtime::IngestSource::derived);
    if (result.rejected > 0) {
      log.warn(
          "station_et0_rejected",
          {{"zone", zone.id}, {"day", local_day.iso()}, {"reason", result.rejects.front().reason}});
      continue;
    }
    log.info(
        "station_et0",
        {{"zone", zone.id}, {"day", local_day.iso()}, {"et0_mm", *et0_mm}, {"fallbacks", why}});
    ++done;
  }
  return done;
}

}  // namespace egin::server
