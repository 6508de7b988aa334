// FieldAdvisor: the irrigation advice of each field a running server knows — the FAO-56 water
// balance and recommendation of `egin schedule` (fieldwater/schedule.hpp) run on demand for a
// field zone of the site (its field_file) or a file of a fields directory, on weather from a
// weather-station zone of the site, from the field file's own weather file, or both.
//
// Weather of one field, day by day (local days of the site):
// | source                         | used for                                                 |
// |--------------------------------|----------------------------------------------------------|
// | station zone, quantity         | ET0 (mm): the zone's reference_evapotranspiration channel |
// |   reference_evapotranspiration | (the daily series `egin serve` computes, FAO-56 Eq. 6)    |
// | station, precipitation         | rain (mm): the day's sum of the channel (1-day rollup)    |
// | station, air_temperature       | Tmax, Tmin (Cel): the day's max and min                   |
// | station, relative_humidity     | RHmin (%): the day's min (FAO-56 Eq. 70 climate adjust)   |
// | station, wind_speed            | wind (m/s): the day's mean, at the height its id names    |
// | the field file's weather file  | every day the station has no ET0 for                      |
// A station day counts when it has ET0; its rain is 0 when the rain channel has no reading that
// day (said in the notes). The field file's ET0 method computes ET0 where a file day has none.
//
// The advice is "as of" a day D (the last observed day; the recommendation is for D + 1): by
// default yesterday in the site's local time at `now_ms`, or the last day with weather when
// that is earlier. It reads files and the store on each call (a season is a few milliseconds)
// and caches nothing. Thread-safe (const state only).
// It must not compute water balances itself (fieldwater does) or answer HTTP.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/core/clock.hpp"
#include "egin/core/date.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/soils/soil_library.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {

/// One field a server advises on.
struct FieldSource {
  std::string id;              // the field zone's id, or a fields-directory file's stem
  std::filesystem::path file;  // the field file (docs/formats/field-file.md)
  std::string weather_zone;    // a weather-station zone; empty: the field file's weather only
};

/// The fields of a site: its field zones with a field_file (relative to the site file's
/// directory `site_dir`), then every *.toml of `fields_dir` (when given) whose stem is not
/// already a field, sorted by name. Throws InputError when `fields_dir` is not a directory.
std::vector<FieldSource> field_sources(const Site& site, const std::filesystem::path& site_dir,
                                       const std::filesystem::path& fields_dir);

/// What a field list shows: the field file's description, or why it does not load.
struct FieldInfo {
  std::string id;
  std::string file;
  std::string weather_zone;
  std::string name;
  std::string description;
  std::string crop;
  std::string soil;
  std::string method;
  double area_ha = 0.0;
  std::optional<Date> planting;
  std::optional<Date> harvest;
  std::string error;  // the InputError text when the file does not load; the rest is empty then
};

struct FieldAdvice {
  std::string id;
  fieldwater::FieldConfig field;
  fieldwater::ScheduleResult result;
  std::string weather_source;  // "station ws1 (40 days) and weather.csv (72 days)"
};

class FieldAdvisor {
 public:
  FieldAdvisor(std::vector<FieldSource> sources, const crops::CropLibrary& crops,
               const soils::SoilLibrary& soils, store::TimeSeriesStore& store,
               const LiveSite& site);

  [[nodiscard]] std::vector<FieldInfo> fields() const;
  [[nodiscard]] bool has(std::string_view id) const;

  /// Runs the schedule of field `id` as of `as_of` (nullopt: see the file comment) with
  /// `days_ahead` days projected (1..16). Throws InputError when the field file, its weather or
  /// the dates do not allow it (the message says which), std::out_of_range for an unknown id.
  [[nodiscard]] FieldAdvice advise(std::string_view id, std::optional<Date> as_of, TimeMs now_ms,
                                   int days_ahead = 7) const;

  /// The observed daily weather of field `id` (before ET0 filling) with the notes on where it
  /// came from: the input of advise(), for tests and the dashboard's "weather used".
  [[nodiscard]] agromet::DailyWeatherSeries weather(const FieldSource& source,
                                                    const fieldwater::FieldConfig& field,
                                                    Date last_day,
                                                    std::vector<std::string>& notes) const;

 private:
  [[nodiscard]] const FieldSource& source(std::string_view id) const;
  [[nodiscard]] fieldwater::FieldConfig load(const FieldSource& source) const;

  std::vector<FieldSource> sources_;
  const crops::CropLibrary& crops_;
  const soils::SoilLibrary& soils_;
  store::TimeSeriesStore& store_;
  const LiveSite& site_;
};

}  // namespace egin::runtime
