// The daily reference evapotranspiration of a weather-station zone, from what the store holds:
// the day's weather is summarised from the 1-minute rollups of the station's channels over one
// LOCAL day and handed to agromet's FAO-56 Penman-Monteith calculator (DailyEt0Calculator, FAO-56
// Eq. 6 with its Ch. 3 fallbacks). It must not re-implement an ET0 equation or write anything.
//
// | daily input   | from (channel quantity)          | how                                     | unit        |
// |---------------|----------------------------------|-----------------------------------------|-------------|
// | Tmax, Tmin    | air_temperature (Cel)            | max / min of the 1-min maxima / minima  | °C          |
// | RHmax, RHmin  | relative_humidity (%RH)          | max / min likewise, limited to 100 %    | %           |
// | Rs            | global_radiation (W/m2)          | day mean × 0.0864 (W m⁻² → MJ m⁻² d⁻¹)  | MJ m⁻² d⁻¹  |
// | u at height z | wind_speed (m/s)                 | day mean; z from the channel id's "_10m" suffix, else 2 m (FAO-56 Eq. 47 to 2 m) | m s⁻¹ |
//
// Coverage: an input counts when its 1-minute buckets with data cover at least 80 % of the
// readings its sampling period allows in the day (86400 / max(60 s, period)). Below that it is
// treated as missing, and FAO-56 Ch. 3 "Missing data" takes over where it defines a fallback:
// Rs from the temperature range (Hargreaves, Eq. 50), ea from Tmin (Eq. 48), wind 2 m s⁻¹.
// FAO-56 has none for temperature: without Tmax and Tmin there is no ET0.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "egin/core/date.hpp"
#include "egin/runtime/site.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {

/// Smallest share of the day an input must cover to be used.
inline constexpr double kStationEt0MinCoverage = 0.80;

/// The wind measurement height a channel id names ("wind_speed_10m", "u_3.5m" → 10, 3.5); 2 m
/// when it names none or one outside 0.5–100 m.
double wind_height_from_channel_id(const std::string& channel_id);

/// FAO-56 Penman-Monteith ET0 (mm) of `local_day` (the site's local standard time) for the
/// weather-station zone `station`, whose channel keys ("zone/device/channel") map to store ids in
/// `ids_by_key`. nullopt when it cannot be computed; then *why_not (when given) says why, e.g.
/// "air_temperature covers 42 % of the day (at least 80 % needed)". On success *why_not receives
/// agromet's flags for the inputs it derived ("ea_from_rh_max_min" when RH was measured;
/// "rs_from_temperature;ea_from_tmin;wind_default" for the fallbacks), or "".
std::optional<double> station_et0_mm(
    store::TimeSeriesStore& store, const Site& site, const ZoneSpec& station,
    const std::unordered_map<std::string, store::ChannelId>& ids_by_key, Date local_day,
    std::string* why_not);

}  // namespace egin::runtime
