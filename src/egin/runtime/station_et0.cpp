// station_et0_mm: see station_et0.hpp.
#include "egin/runtime/station_et0.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "egin/agromet/et0.hpp"
#include "egin/agromet/weather.hpp"
#include "egin/core/input_error.hpp"

namespace egin::runtime {

namespace {

/// W m⁻² averaged over a day to MJ m⁻² d⁻¹: 86400 s × 1e-6 (FAO-56 Annex 1 conversion table).
constexpr double kWM2ToMjM2Day = 0.0864;

/// One input's summary over the day.
struct DaySummary {
  bool present = false;  // the zone has the channel and the store knows it
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  double sum = 0.0;
  std::int64_t count = 0;
  std::int64_t buckets = 0;
  double expected_buckets = 1440.0;

  [[nodiscard]] double coverage() const {
    return std::min(1.0, static_cast<double>(buckets) / expected_buckets);
  }
  [[nodiscard]] bool usable() const { return present && coverage() >= kStationEt0MinCoverage; }
  [[nodiscard]] double mean() const { return sum / static_cast<double>(count); }
};

struct StationChannel {
  const ChannelSpec* spec = nullptr;
  std::string key;
};

StationChannel find_quantity(const ZoneSpec& zone, const std::string& quantity) {
  for (const DeviceSpec& device : zone.devices) {
    for (const ChannelSpec& channel : device.channels) {
      if (channel.kind == ChannelKind::sensor && channel.quantity == quantity) {
        return {&channel, zone.id + "/" + device.id + "/" + channel.id};
      }
    }
  }
  return {};
}

DaySummary summarise(store::TimeSeriesStore& store, const StationChannel& channel,
                     const std::unordered_map<std::string, store::ChannelId>& ids_by_key,
                     TimeMs from_ms, TimeMs to_ms) {
  DaySummary summary;
  if (channel.spec == nullptr) {
    return summary;
  }
  const auto id = ids_by_key.find(channel.key);
  if (id == ids_by_key.end()) {
    return summary;
  }
  summary.present = true;
  summary.expected_buckets = 86400.0 / std::max(60.0, channel.spec->sampling_period_s);
  store.query_rollup(id->second, store::Resolution::minute, from_ms, to_ms,
                     [&summary](const store::RollupRow& row) {
                       if (row.count <= 0) {
                         return;
                       }
                       summary.min = std::min(summary.min, row.min);
                       summary.max = std::max(summary.max, row.max);
                       summary.sum += row.sum;
                       summary.count += row.count;
                       ++summary.buckets;
                     });
  return summary;
}

std::string coverage_text(const std::string& quantity, const DaySummary& summary) {
  if (!summary.present) {
    return "the station has no " + quantity + " channel in the store";
  }
  return fmt::format("{} covers {:.0f} % of the day (at least {:.0f} % needed)", quantity,
                     std::floor(summary.coverage() * 100.0), kStationEt0MinCoverage * 100.0);
}

}  // namespace

double wind_height_from_channel_id(const std::string& channel_id) {
  // A trailing "<number>m", e.g. "wind_speed_10m", "u_3.5m".
  if (channel_id.size() < 2 || channel_id.back() != 'm') {
    return 2.0;
  }
  std::size_t begin = channel_id.size() - 1;
  while (begin > 0 && (std::isdigit(static_cast<unsigned char>(channel_id[begin - 1])) != 0 ||
                       channel_id[begin - 1] == '.')) {
    --begin;
  }
  const std::string number = channel_id.substr(begin, channel_id.size() - 1 - begin);
  if (number.empty() || std::isdigit(static_cast<unsigned char>(number.front())) == 0) {
    return 2.0;
  }
  char* end = nullptr;
  const double height_m = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || height_m < 0.5 || height_m > 100.0) {
    return 2.0;
  }
  return height_m;
}

std::optional<double> station_et0_mm(
    store::TimeSeriesStore& store, const Site& site, const ZoneSpec& station,
    const std::unordered_map<std::string, store::ChannelId>& ids_by_key, Date local_day,
    std::string* why_not) {
  auto fail = [why_not](std::string reason) -> std::optional<double> {
    if (why_not != nullptr) {
      *why_not = std::move(reason);
    }
    return std::nullopt;
  };
  const TimeMs offset_ms = static_cast<TimeMs>(site.utc_offset_min) * kMsPerMinute;
  const TimeMs from_ms = static_cast<TimeMs>(local_day.days_since_epoch()) * kMsPerDay - offset_ms;
  const TimeMs to_ms = from_ms + kMsPerDay;

  const StationChannel t_channel = find_quantity(station, "air_temperature");
  const StationChannel rh_channel = find_quantity(station, "relative_humidity");
  const StationChannel rs_channel = find_quantity(station, "global_radiation");
  const StationChannel wind_channel = find_quantity(station, "wind_speed");

  const DaySummary t = summarise(store, t_channel, ids_by_key, from_ms, to_ms);
  if (!t.usable()) {
    return fail(coverage_text("air_temperature", t) + ": FAO-56 has no fallback for temperature");
  }
  const DaySummary rh = summarise(store, rh_channel, ids_by_key, from_ms, to_ms);
  const DaySummary rs = summarise(store, rs_channel, ids_by_key, from_ms, to_ms);
  const DaySummary wind = summarise(store, wind_channel, ids_by_key, from_ms, to_ms);

  agromet::SiteMeta meta;
  meta.name = site.id + "/" + station.id;
  meta.latitude_deg = site.latitude_deg;
  meta.longitude_deg = site.longitude_deg;
  meta.elevation_m = site.elevation_m;
  meta.wind_height_m =
      wind_channel.spec != nullptr ? wind_height_from_channel_id(wind_channel.spec->id) : 2.0;

  agromet::DailyWeather day;
  day.date = local_day;
  day.tmax_c = t.max;
  day.tmin_c = t.min;
  if (rh.usable()) {
    day.rh_max_pct = std::min(100.0, rh.max);
    day.rh_min_pct = std::min(100.0, rh.min);
  }
  if (rs.usable()) {
    day.rs_mj_m2 = std::max(0.0, rs.mean()) * kWM2ToMjM2Day;
  }
  if (wind.usable()) {
    day.wind_m_s = std::max(0.0, wind.mean());
  }

  agromet::Et0Options options;  // FAO-56 Penman-Monteith, simple Rso (Eq. 37)
  try {
    const agromet::DailyEt0Calculator calculator(meta, options, meta.name);
    const agromet::Et0Result result = calculator.compute(day);
    if (agromet::is_missing(result.et0_mm)) {
      return fail("agromet could not compute ET0: " + agromet::et0_flags_text(result.flags));
    }
    if (why_not != nullptr) {
      *why_not = agromet::et0_flags_text(result.flags);
    }
    return result.et0_mm;
  } catch (const InputError& error) {
    return fail(error.what());
  }
}

}  // namespace egin::runtime
