#include "egin/runtime/field_advisor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <system_error>

#include "egin/agromet/weather_csv.hpp"
#include "egin/agromet/wind_speed.hpp"
#include "egin/control/site_sun.hpp"
#include "egin/core/input_error.hpp"
#include "egin/fieldwater/field_weather.hpp"
#include "egin/runtime/station_et0.hpp"
#include "egin/store/series_query.hpp"

namespace egin::runtime {

namespace {

namespace fs = std::filesystem;
using agromet::kMissing;

struct StationDay {
  double et0_mm = kMissing;
  double rain_mm = kMissing;
  double tmax_c = kMissing;
  double tmin_c = kMissing;
  double rh_min_pct = kMissing;
  double wind_m_s = kMissing;  // at 2 m
};

/// The first channel of `zone` with `quantity` (derived ones included), with its store id.
std::optional<ChannelInfo> channel_of(const LiveSite& site, const ZoneSpec& zone,
                                      std::string_view quantity) {
  for (const DeviceSpec& device : zone.devices) {
    for (const ChannelSpec& channel : device.channels) {
      if (channel.quantity == quantity && channel.kind == ChannelKind::sensor) {
        if (auto info = site.find(channel_key(zone, device, channel))) {
          return info;
        }
      }
    }
  }
  return std::nullopt;
}

template <typename Visit>
void daily_buckets(store::TimeSeriesStore& store, const ChannelInfo& info, TimeMs from_ms,
                   TimeMs to_ms, int utc_offset_min, Visit visit) {
  for (const store::SeriesPoint& p :
       store::query_series(store, info.id, from_ms, to_ms, kMsPerDay, utc_offset_min)) {
    visit(control::local_date(p.start_ms, utc_offset_min), p);
  }
}

std::string days_text(std::size_t n) { return n == 1 ? "1 day" : fmt::format("{} days", n); }

}  // namespace

std::vector<FieldSource> field_sources(const Site& site, const fs::path& site_dir,
                                       const fs::path& fields_dir) {
  std::vector<FieldSource> out;
  for (const ZoneSpec& zone : site.zones) {
    if (zone.kind != ZoneKind::field || zone.field_file.empty()) {
      continue;
    }
    fs::path file = zone.field_file;
    if (file.is_relative()) {
      file = site_dir / file;
    }
    out.push_back(FieldSource{zone.id, file.lexically_normal(), zone.weather_zone});
  }
  if (fields_dir.empty()) {
    return out;
  }
  std::error_code ec;
  if (!fs::is_directory(fields_dir, ec)) {
    throw InputError({"", 0, "--fields"}, "'" + fields_dir.string() + "' is not a directory",
                     "a directory of field files (FIELD.toml)");
  }
  std::vector<FieldSource> extra;
  for (const auto& entry : fs::directory_iterator(fields_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".toml") {
      continue;
    }
    const std::string id = entry.path().stem().string();
    if (std::none_of(out.begin(), out.end(), [&](const FieldSource& s) { return s.id == id; })) {
      extra.push_back(FieldSource{id, entry.path(), ""});
    }
  }
  std::sort(extra.begin(), extra.end(),
            [](const FieldSource& a, const FieldSource& b) { return a.id < b.id; });
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

FieldAdvisor::FieldAdvisor(std::vector<FieldSource> sources, const crops::CropLibrary& crops,
                           const soils::SoilLibrary& soils, store::TimeSeriesStore& store,
                           const LiveSite& site)
    : sources_(std::move(sources)), crops_(crops), soils_(soils), store_(store), site_(site) {}

bool FieldAdvisor::has(std::string_view id) const {
  return std::any_of(sources_.begin(), sources_.end(),
                     [&](const FieldSource& s) { return s.id == id; });
}

const FieldSource& FieldAdvisor::source(std::string_view id) const {
  for (const FieldSource& s : sources_) {
    if (s.id == id) {
      return s;
    }
  }
  throw std::out_of_range("no field '" + std::string(id) + "'");
}

fieldwater::FieldConfig FieldAdvisor::load(const FieldSource& source) const {
  return fieldwater::load_field_config(source.file, crops_, soils_);
}

std::vector<FieldInfo> FieldAdvisor::fields() const {
  std::vector<FieldInfo> out;
  for (const FieldSource& s : sources_) {
    FieldInfo info;
    info.id = s.id;
    info.file = s.file.string();
    info.weather_zone = s.weather_zone;
    try {
      const fieldwater::FieldConfig field = load(s);
      info.name = field.name;
      info.description = field.description;
      info.crop = field.crop_name;
      info.soil = field.soil_name;
      info.method = field.method_info().name;
      info.area_ha = field.area_ha;
      info.planting = field.planting;
      info.harvest = field.harvest();
    } catch (const InputError& e) {
      info.error = e.what();
    }
    out.push_back(std::move(info));
  }
  return out;
}

agromet::DailyWeatherSeries FieldAdvisor::weather(const FieldSource& source,
                                                  const fieldwater::FieldConfig& field,
                                                  Date last_day,
                                                  std::vector<std::string>& notes) const {
  const Site site = site_.snapshot();
  agromet::DailyWeatherSeries series;
  const bool has_file = !field.weather.empty();
  if (has_file) {
    series = agromet::read_daily_weather_csv(field.weather.string());
  } else {
    series.source = "station " + source.weather_zone;
    series.site.name = site.name;
    series.site.latitude_deg = site.latitude_deg;
    series.site.longitude_deg = site.longitude_deg;
    series.site.elevation_m = site.elevation_m;
    series.site.wind_height_m = 2.0;
  }
  if (source.weather_zone.empty()) {
    if (!has_file) {
      throw InputError({source.file.string(), 0, "weather"},
                       "the field has no weather: no weather_zone in the site and no weather "
                       "file in the field file",
                       "weather_zone = \"<station zone>\" on the field zone, or weather = "
                       "\"FILE\" in the field file");
    }
    notes.push_back(fmt::format("weather file {} ({})", field.weather.filename().string(),
                                days_text(series.days.size())));
    return series;
  }

  const ZoneSpec* station = nullptr;
  for (const ZoneSpec& zone : site.zones) {
    if (zone.id == source.weather_zone && zone.kind == ZoneKind::weather_station) {
      station = &zone;
    }
  }
  if (station == nullptr) {
    throw InputError({"site", 0, "weather_zone"},
                     "'" + source.weather_zone + "' is not a weather-station zone of the site",
                     "the id of a zone with kind = \"weather_station\"");
  }
  const int offset = site.utc_offset_min;
  const Date first_day = field.planting - 1;
  const TimeMs from_ms = control::local_midnight_ms(first_day, offset);
  const TimeMs to_ms = control::local_midnight_ms(last_day + 1, offset);
  std::map<Date, StationDay> days;
  if (const auto et0 = channel_of(site_, *station, "reference_evapotranspiration")) {
    store_.query_raw(et0->id, from_ms, to_ms, [&](const store::Reading& r) {
      if ((r.flags & store::kFlagsExcludedFromRollups) == 0) {
        days[control::local_date(r.t_ms, offset)].et0_mm = r.value;
      }
    });
  }
  std::erase_if(days, [](const auto& d) { return std::isnan(d.second.et0_mm); });
  std::size_t rain_missing = 0;
  if (!days.empty()) {
    const TimeMs span_from = control::local_midnight_ms(days.begin()->first, offset);
    const TimeMs span_to = control::local_midnight_ms(days.rbegin()->first + 1, offset);
    if (const auto rain = channel_of(site_, *station, "precipitation")) {
      daily_buckets(store_, *rain, span_from, span_to, offset,
                    [&](Date d, const store::SeriesPoint& p) {
                      if (auto it = days.find(d); it != days.end()) {
                        it->second.rain_mm = p.mean * static_cast<double>(p.count);  // the sum
                      }
                    });
    }
    if (const auto t = channel_of(site_, *station, "air_temperature")) {
      daily_buckets(store_, *t, span_from, span_to, offset,
                    [&](Date d, const store::SeriesPoint& p) {
                      if (auto it = days.find(d); it != days.end()) {
                        it->second.tmax_c = p.max;
                        it->second.tmin_c = p.min;
                      }
                    });
    }
    if (const auto rh = channel_of(site_, *station, "relative_humidity")) {
      daily_buckets(store_, *rh, span_from, span_to, offset,
                    [&](Date d, const store::SeriesPoint& p) {
                      if (auto it = days.find(d); it != days.end()) {
                        it->second.rh_min_pct = std::min(100.0, p.min);
                      }
                    });
    }
    if (const auto wind = channel_of(site_, *station, "wind_speed")) {
      const double height_m = wind_height_from_channel_id(wind->spec.id);
      daily_buckets(store_, *wind, span_from, span_to, offset,
                    [&](Date d, const store::SeriesPoint& p) {
                      if (auto it = days.find(d); it != days.end()) {
                        // FAO-56 Eq. 47: the mean at the mast height brought to 2 m.
                        it->second.wind_m_s = agromet::wind_speed_2m_m_s(p.mean, height_m);
                      }
                    });
    }
  }
  for (auto& d : days) {
    if (std::isnan(d.second.rain_mm)) {
      d.second.rain_mm = 0.0;
      ++rain_missing;
    }
  }

  // Station days replace the file's days of the same date.
  const bool wind_fits = std::abs(series.site.wind_height_m - 2.0) < 1e-9;
  std::size_t from_file = 0;
  std::vector<agromet::DailyWeather> merged;
  merged.reserve(series.days.size() + days.size());
  for (const agromet::DailyWeather& w : series.days) {
    if (days.count(w.date) == 0) {
      merged.push_back(w);
      ++from_file;
    }
  }
  for (const auto& [date, s] : days) {
    agromet::DailyWeather w;
    w.date = date;
    w.et0_mm = s.et0_mm;
    w.precip_mm = s.rain_mm;
    w.tmax_c = s.tmax_c;
    w.tmin_c = s.tmin_c;
    w.rh_min_pct = s.rh_min_pct;
    w.wind_m_s = wind_fits ? s.wind_m_s : kMissing;
    merged.push_back(w);
  }
  std::sort(merged.begin(), merged.end(),
            [](const agromet::DailyWeather& a, const agromet::DailyWeather& b) {
              return a.date < b.date;
            });
  series.days = std::move(merged);
  if (!days.empty()) {
    notes.push_back(fmt::format("station {}: ET0 and rain on {} ({} to {})", source.weather_zone,
                                days_text(days.size()), days.begin()->first.iso(),
                                days.rbegin()->first.iso()));
  } else {
    notes.push_back(fmt::format("station {}: no daily ET0 stored from {} to {}",
                                source.weather_zone, first_day.iso(), last_day.iso()));
  }
  if (rain_missing > 0) {
    notes.push_back(fmt::format("station {}: no rain readings on {}, taken as 0 mm",
                                source.weather_zone, days_text(rain_missing)));
  }
  if (has_file && from_file > 0) {
    const std::string file_name = field.weather.filename().string();
    notes.push_back(
        days.empty()
            ? fmt::format("weather file {} ({})", file_name, days_text(from_file))
            : fmt::format("weather file {} on the other {}", file_name, days_text(from_file)));
  }
  if (!wind_fits && !days.empty()) {
    notes.push_back("station wind not used: the weather file's wind height is not 2 m");
  }
  return series;
}

FieldAdvice FieldAdvisor::advise(std::string_view id, std::optional<Date> as_of, TimeMs now_ms,
                                 int days_ahead) const {
  const FieldSource& src = source(id);
  FieldAdvice advice;
  advice.id = src.id;
  advice.field = load(src);
  const int offset = site_.snapshot().utc_offset_min;
  const Date yesterday = control::local_date(now_ms, offset) - 1;
  std::vector<std::string> notes;
  const agromet::DailyWeatherSeries observed =
      weather(src, advice.field, as_of.value_or(yesterday), notes);
  if (observed.days.empty()) {
    throw InputError({src.file.string(), 0, "weather"}, "no weather days for the field",
                     "daily ET0 from the station or a weather file covering the season");
  }
  const fieldwater::PreparedWeather prepared = fieldwater::prepare_field_weather(
      observed, advice.field.et0_method,
      advice.field.effective_rain_enabled ? &advice.field.effective_rain : nullptr);
  fieldwater::ScheduleRequest request;
  request.days_ahead = days_ahead;
  request.simulate_past = advice.field.history_follows_strategy;
  if (as_of) {
    request.as_of = *as_of;
  } else {
    const Date last = observed.days.back().date;
    request.as_of = std::min(yesterday, last);
    if (last < yesterday) {
      notes.push_back(fmt::format("the weather ends on {}: advice as of that day", last.iso()));
    }
  }
  advice.result = fieldwater::run_schedule(advice.field, prepared.series, nullptr, request);
  std::vector<std::string> all = notes;
  for (const std::string& n : prepared.notes) {
    all.push_back("weather: " + n);
  }
  all.insert(all.end(), advice.result.notes.begin(), advice.result.notes.end());
  advice.result.notes = std::move(all);
  std::string sources;
  for (const std::string& n : notes) {
    if (n.starts_with("station ") || n.starts_with("weather file ")) {
      sources += (sources.empty() ? "" : "; ") + n;
    }
  }
  advice.weather_source = sources;
  return advice;
}

}  // namespace egin::runtime
