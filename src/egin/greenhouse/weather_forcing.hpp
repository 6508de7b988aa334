// WeatherForcing: the outdoor weather as the twin's solver asks for it — OutdoorConditions at
// any instant — made from a sub-daily weather CSV (agromet::PeriodWeatherSeries, DESIGN.md §4).
//
// Each record's values are taken at its time stamp and interpolated linearly in between
// (GreenLight 2.0's "linear" input interpolation); before the first and after the last record
// they are held. Conversions: vapour pressure from rh_out_pct (or ea_kpa, tdew_c) with the
// model's saturation curve; CO2 ppm to mg m⁻³ at the outdoor temperature (GreenLight's
// co2ppm2dens); global radiation from the period sum.
//
// Missing inputs:
// | quantity      | when the column is absent                        | a missing cell         |
// |---------------|--------------------------------------------------|------------------------|
// | t_out_c, rh, radiation, wind | InputError naming the field (exit 2) | interpolated in time |
// | t_sky_c       | agromet::estimate_sky_temperatures               | estimated the same way |
// | co2_out_ppm   | 420 ppm (NOAA GML global mean 2023: 419.3 ppm)   | interpolated in time   |
// | t_soil_c      | the design's deep-soil annual sine               | interpolated in time   |
// Every filled value is counted in the report; a value is never NaN.
//
// Derived for controllers: is_day = 1 when the record's global radiation is above 0 W m⁻²
// (interpolated, as GreenLight's isDay input), the day's radiation sum of the local standard
// day (the time zone of the file's first record), local time of day and day of year; and the
// pad's limit x_pad: saturated air at the outdoor wet-bulb temperature (pad_cooling.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/greenhouse/design.hpp"
#include "egin/greenhouse/outdoor.hpp"

namespace egin::greenhouse {

inline constexpr double kDefaultCo2OutPpm = 420.0;

struct WeatherForcingReport {
  std::string source;
  std::size_t records = 0;
  std::size_t filled_t_out = 0;
  std::size_t filled_humidity = 0;
  std::size_t filled_radiation = 0;
  std::size_t filled_wind = 0;
  std::size_t filled_co2 = 0;
  std::size_t filled_soil = 0;
  std::size_t estimated_sky = 0;
  std::size_t time_gaps = 0;  // steps between records longer than the period
  double longest_time_gap_s = 0.0;
  bool co2_default = false;                  // column absent: kDefaultCo2OutPpm used
  bool soil_default = false;                 // column absent: the design's deep-soil sine used
  bool sky_estimated_default_cloud = false;  // some sky temperatures assumed 50 % cloud
  /// One line per thing filled or assumed, for the user.
  [[nodiscard]] std::vector<std::string> lines() const;
};

class WeatherForcing final {
 public:
  /// Throws InputError (file, field) when a required column is absent or has no value at all,
  /// or when the series has fewer than one record.
  static WeatherForcing from_series(const agromet::PeriodWeatherSeries& series,
                                    const SoilDesign& deep_soil);

  /// Conditions at `t_utc_s` (seconds since 1970-01-01T00:00Z).
  [[nodiscard]] OutdoorConditions at(double t_utc_s) const;

  [[nodiscard]] double first_utc_s() const { return time_s_.front(); }
  /// The end of the last record's period.
  [[nodiscard]] double end_utc_s() const { return end_s_; }
  /// The site's standard-time offset (that of the first record), seconds east of UTC.
  [[nodiscard]] int utc_offset_s() const { return utc_offset_s_; }
  [[nodiscard]] const WeatherForcingReport& report() const { return report_; }
  [[nodiscard]] std::size_t size() const { return time_s_.size(); }

 private:
  struct Values {
    double t_out_c;
    double vp_out_pa;
    double rh_out_pct;
    double iglob_w_m2;
    double wind_m_s;
    double t_sky_c;
    double co2_out_ppm;
    double co2_out_mg_m3;
    double t_soil_c;
    double x_pad_kg_kg;
    double is_day;
    double day_rad_sum_mj_m2;
  };
  std::vector<double> time_s_;
  std::vector<Values> values_;
  double end_s_ = 0.0;
  int utc_offset_s_ = 0;
  WeatherForcingReport report_;
};

}  // namespace egin::greenhouse
