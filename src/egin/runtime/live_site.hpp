// LiveSite: the site a running server works with — the Site data, each channel's stable store id,
// and edits made through the API, saved back to the site TOML file atomically. Thread-safe:
// readers (ingest, HTTP) take a shared lock, edits an exclusive one.
// It must not validate readings or touch the store beyond ensure_channel (ids).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "egin/runtime/site.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {

/// A channel as the pipeline and the API see it: its store id, key and a copy of its spec.
struct ChannelInfo {
  store::ChannelId id = 0;
  std::string key;  // "zone/device/channel"
  std::string zone_id;
  ZoneKind zone_kind = ZoneKind::greenhouse;
  std::string device_id;
  ChannelSpec spec;
};

class LiveSite {
 public:
  /// Registers every channel of `site` with `store` (ids stable across restarts). `file` is where
  /// edits are saved (empty: edits stay in memory).
  LiveSite(Site site, store::TimeSeriesStore& store, std::filesystem::path file = {});

  [[nodiscard]] Site snapshot() const;
  [[nodiscard]] std::optional<ChannelInfo> find(std::string_view key) const;
  [[nodiscard]] std::optional<ChannelInfo> find(store::ChannelId id) const;
  [[nodiscard]] std::vector<ChannelInfo> channels() const;
  /// The same as find(), without copying: the hot path of ingest. The pointer stays valid after
  /// an edit replaced the channel (it then describes the channel as it was).
  [[nodiscard]] std::shared_ptr<const ChannelInfo> lookup(std::string_view key) const;

  /// The site's validation window (Site::future_tolerance_s, Site::max_age_days).
  [[nodiscard]] double future_tolerance_s() const;
  [[nodiscard]] double max_age_days() const;

  /// Adds or replaces a zone / device / channel (by id) after checking it as the site file loader
  /// does; throws InputError naming the field. Saves the file when one was given.
  void put_zone(
      ZoneSpec zone);  // devices of an existing zone are kept when `zone.devices` is empty
  void put_device(std::string_view zone_id, DeviceSpec device);
  void put_channel(std::string_view zone_id, std::string_view device_id, ChannelSpec channel);
  /// Removes a channel from the site (its stored data stay). False when there is no such channel.
  bool remove_channel(std::string_view key);

 private:
  void rebuild_index_locked();
  void save_locked() const;

  mutable std::shared_mutex mutex_;
  Site site_;
  store::TimeSeriesStore& store_;
  std::filesystem::path file_;
  std::unordered_map<std::string, std::shared_ptr<const ChannelInfo>> by_key_;
  std::unordered_map<store::ChannelId, std::shared_ptr<const ChannelInfo>> by_id_;
};

}  // namespace egin::runtime
