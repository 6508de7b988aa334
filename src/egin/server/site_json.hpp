// The site model as the API shows and takes it: site, zones, devices and channels as JSON (with
// each channel's latest reading and freshness), and JSON request bodies turned back into specs
// for LiveSite edits. It must not edit the site itself or answer HTTP.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "egin/core/clock.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/site.hpp"

namespace egin::server {

/// "fresh" when the newest reading is at most three sampling periods old, "stale" when older,
/// "no_data" when there is none.
std::string_view freshness(const runtime::ChannelSpec& spec,
                           const std::optional<runtime::StoredReading>& latest, TimeMs now_ms);

nlohmann::json reading_json(const runtime::StoredReading& reading);
nlohmann::json channel_json(const runtime::ChannelInfo& info,
                            const std::optional<runtime::StoredReading>& latest, TimeMs now_ms);
nlohmann::json site_summary_json(const runtime::Site& site);
nlohmann::json zone_summary_json(const runtime::ZoneSpec& zone);
/// A zone with its devices and their channels (each with latest and freshness).
nlohmann::json zone_detail_json(const runtime::ZoneSpec& zone, const runtime::LiveSite& site,
                                const runtime::IngestPipeline& pipeline, TimeMs now_ms);

/// Request bodies → specs. Missing optional fields take the spec's defaults; a field of the
/// wrong type or an unknown field throws InputError naming it (file "request body").
runtime::ChannelSpec channel_spec_from_json(const nlohmann::json& body, std::string_view id);
runtime::DeviceSpec device_spec_from_json(const nlohmann::json& body, std::string_view id);
runtime::ZoneSpec zone_spec_from_json(const nlohmann::json& body, std::string_view id);

/// A channel named by its key ("zone/device/channel") or its numeric store id.
std::optional<runtime::ChannelInfo> resolve_channel(const runtime::LiveSite& site,
                                                    std::string_view key_or_id);

}  // namespace egin::server
