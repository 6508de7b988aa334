// Station ET0 task: every weather-station zone gets a daily reference ET0 series, channel
// "zone/derived/et0_mm" (mm, one reading per local day, time stamp = the day's local midnight),
// computed after each local midnight by runtime::station_et0_mm and ingested as a derived
// reading. This file declares the channel in a site and runs the computation for one day.
// It must not compute ET0 itself (agromet does, through runtime/station_et0.hpp).
#pragma once

#include <string_view>

#include "egin/core/date.hpp"
#include "egin/runtime/derived_series.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/site.hpp"
#include "egin/server/logging.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::server {

inline constexpr std::string_view kEt0ChannelId = "et0_mm";

/// Adds (or replaces) the derived devices of `derived` in `site`, and the et0_mm channel to the
/// derived device of every weather-station zone.
void add_derived_channels(runtime::Site& site, const runtime::DerivedSeries& derived);

/// Computes ET0 of `local_day` for every weather-station zone and ingests it. Returns how many
/// zones got a value; logs why the others did not.
int ingest_station_et0(store::TimeSeriesStore& store, const runtime::LiveSite& site,
                       runtime::IngestPipeline& pipeline, Date local_day, Log& log);

}  // namespace egin::server
