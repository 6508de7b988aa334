#include "egin/runtime/live_site.hpp"

#include <algorithm>
#include <mutex>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/runtime/site_file.hpp"

namespace egin::runtime {

namespace {

template <typename Item>
Item* find_by_id(std::vector<Item>& items, std::string_view id) {
  const auto it =
      std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

std::string edit_name(const std::filesystem::path& file) {
  return file.empty() ? std::string("site") : file.string();
}

}  // namespace

LiveSite::LiveSite(Site site, store::TimeSeriesStore& store, std::filesystem::path file)
    : site_(std::move(site)), store_(store), file_(std::move(file)) {
  const std::unique_lock lock(mutex_);
  rebuild_index_locked();
}

Site LiveSite::snapshot() const {
  const std::shared_lock lock(mutex_);
  return site_;
}

std::optional<ChannelInfo> LiveSite::find(std::string_view key) const {
  const auto info = lookup(key);
  if (!info) return std::nullopt;
  return *info;
}

std::optional<ChannelInfo> LiveSite::find(store::ChannelId id) const {
  const std::shared_lock lock(mutex_);
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return *it->second;
}

std::shared_ptr<const ChannelInfo> LiveSite::lookup(std::string_view key) const {
  const std::shared_lock lock(mutex_);
  const auto it = by_key_.find(std::string(key));
  if (it == by_key_.end()) return nullptr;
  return it->second;
}

std::vector<ChannelInfo> LiveSite::channels() const {
  const std::shared_lock lock(mutex_);
  std::vector<ChannelInfo> out;
  out.reserve(by_key_.size());
  for (const auto& [key, info] : by_key_) out.push_back(*info);
  std::sort(out.begin(), out.end(),
            [](const ChannelInfo& a, const ChannelInfo& b) { return a.id < b.id; });
  return out;
}

double LiveSite::future_tolerance_s() const {
  const std::shared_lock lock(mutex_);
  return site_.future_tolerance_s;
}

double LiveSite::max_age_days() const {
  const std::shared_lock lock(mutex_);
  return site_.max_age_days;
}

void LiveSite::put_zone(ZoneSpec zone) {
  const std::unique_lock lock(mutex_);
  Site candidate = site_;
  if (ZoneSpec* existing = find_by_id(candidate.zones, zone.id)) {
    if (zone.devices.empty()) zone.devices = std::move(existing->devices);
    zone.field_file = std::move(existing->field_file);  // file-only keys (site.hpp)
    zone.weather_zone = std::move(existing->weather_zone);
    *existing = std::move(zone);
  } else {
    candidate.zones.push_back(std::move(zone));
  }
  check_site(candidate, edit_name(file_));
  site_ = std::move(candidate);
  rebuild_index_locked();
  save_locked();
}

void LiveSite::put_device(std::string_view zone_id, DeviceSpec device) {
  const std::unique_lock lock(mutex_);
  Site candidate = site_;
  ZoneSpec* zone = find_by_id(candidate.zones, zone_id);
  if (zone == nullptr) {
    throw InputError({edit_name(file_), 0, "zone"}, "no zone '" + std::string(zone_id) + "'",
                     "the id of an existing zone");
  }
  if (DeviceSpec* existing = find_by_id(zone->devices, device.id)) {
    *existing = std::move(device);
  } else {
    zone->devices.push_back(std::move(device));
  }
  check_site(candidate, edit_name(file_));
  site_ = std::move(candidate);
  rebuild_index_locked();
  save_locked();
}

void LiveSite::put_channel(std::string_view zone_id, std::string_view device_id,
                           ChannelSpec channel) {
  const std::unique_lock lock(mutex_);
  Site candidate = site_;
  ZoneSpec* zone = find_by_id(candidate.zones, zone_id);
  if (zone == nullptr) {
    throw InputError({edit_name(file_), 0, "zone"}, "no zone '" + std::string(zone_id) + "'",
                     "the id of an existing zone");
  }
  DeviceSpec* device = find_by_id(zone->devices, device_id);
  if (device == nullptr) {
    throw InputError(
        {edit_name(file_), 0, "device"},
        "no device '" + std::string(device_id) + "' in zone '" + std::string(zone_id) + "'",
        "the id of an existing device");
  }
  if (ChannelSpec* existing = find_by_id(device->channels, channel.id)) {
    *existing = std::move(channel);
  } else {
    device->channels.push_back(std::move(channel));
  }
  check_site(candidate, edit_name(file_));
  site_ = std::move(candidate);
  rebuild_index_locked();
  save_locked();
}

bool LiveSite::remove_channel(std::string_view key) {
  const std::unique_lock lock(mutex_);
  const auto it = by_key_.find(std::string(key));
  if (it == by_key_.end()) return false;
  const ChannelInfo info = *it->second;
  ZoneSpec* zone = find_by_id(site_.zones, info.zone_id);
  DeviceSpec* device = zone != nullptr ? find_by_id(zone->devices, info.device_id) : nullptr;
  if (device == nullptr) return false;
  std::erase_if(device->channels,
                [&](const ChannelSpec& channel) { return channel.id == info.spec.id; });
  rebuild_index_locked();
  save_locked();
  return true;
}

void LiveSite::rebuild_index_locked() {
  by_key_.clear();
  by_id_.clear();
  for (const auto& zone : site_.zones) {
    for (const auto& device : zone.devices) {
      for (const auto& channel : device.channels) {
        auto info = std::make_shared<ChannelInfo>();
        info->key = channel_key(zone, device, channel);
        info->id = store_.ensure_channel(info->key, channel.channel_class);
        info->zone_id = zone.id;
        info->zone_kind = zone.kind;
        info->device_id = device.id;
        info->spec = channel;
        by_id_[info->id] = info;
        by_key_[info->key] = std::move(info);
      }
    }
  }
}

void LiveSite::save_locked() const {
  if (!file_.empty()) save_site_file(site_, file_);
}

}  // namespace egin::runtime
