// The disaggregator's conservation laws and properties: each day's Rs is the sum of its periods
// and none falls at night; tmax and tmin are reached; the course is continuous across midnight;
// ea is kept (RH capped at 100 %); wind and precipitation are kept exactly; the FAO-56 fallbacks
// are taken and flagged; bad input names its field.
#include "egin/agromet/weather_disaggregator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "egin/agromet/humidity.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

DailyWeatherSeries series_of(int n_days, bool complete) {
  DailyWeatherSeries s;
  s.source = "test.csv";
  s.site.name = "Test";
  s.site.latitude_deg = 41.25;
  s.site.longitude_deg = 67.94;
  s.site.elevation_m = 250.0;
  s.site.wind_height_m = 10.0;
  for (int i = 0; i < n_days; ++i) {
    DailyWeather d;
    d.date = Date(2025, 7, 1) + i;
    d.line = 10 + i;
    d.tmax_c = 35.0 + (i % 3);
    d.tmin_c = 19.0 + (i % 2);
    d.precip_mm = i == 1 ? 7.3 : 0.0;
    if (complete) {
      d.rs_mj_m2 = 27.0 - i;
      d.ea_kpa = 1.2;
      d.wind_m_s = 3.1;
    }
    s.days.push_back(d);
  }
  return s;
}

DisaggregationOptions every(int step_s) {
  DisaggregationOptions o;
  o.step_s = step_s;
  return o;
}

TEST(WeatherDisaggregator, RadiationSumKeptAndZeroAtNight) {
  const DailyWeatherSeries s = series_of(3, true);
  for (const int step : {300, 3600}) {
    const auto r = disaggregate_daily_weather(s, every(step));
    const std::size_t per_day = static_cast<std::size_t>(86400 / step);
    ASSERT_EQ(r.series.periods.size(), 3 * per_day);
    const double lat = degrees_to_radians(41.25);
    for (std::size_t d = 0; d < 3; ++d) {
      double sum = 0.0;
      for (std::size_t k = 0; k < per_day; ++k) {
        const PeriodWeather& p = r.series.periods[d * per_day + k];
        sum += p.rs_mj_m2;
        EXPECT_GE(p.rs_mj_m2, 0.0);
        // Night: the sun is below the horizon over the whole period (Ra of the period 0).
        const double mid_utc_h =
            static_cast<double>(p.start_utc_s % 86400) / 3600.0 + 0.5 * step / 3600.0;
        const int doy = s.days[d].date.day_of_year();
        const double omega = solar_time_angle_utc_rad(mid_utc_h, 67.94, doy);
        if (extraterrestrial_radiation_period_mj_m2(lat, doy, omega, step / 3600.0) == 0.0) {
          EXPECT_EQ(p.rs_mj_m2, 0.0);
        }
      }
      EXPECT_NEAR(sum, s.days[d].rs_mj_m2, 1e-9);
    }
    // Local midnight to 04:00 in July is dark at 41° N, 68° E on UTC+5.
    for (std::size_t k = 0; k < 4 * 3600 / static_cast<std::size_t>(step); ++k) {
      EXPECT_EQ(r.series.periods[k].rs_mj_m2, 0.0);
    }
    EXPECT_TRUE(r.radiation_shape_clear_sky);
  }
}

TEST(WeatherDisaggregator, TmaxTminReachedAndContinuousAcrossMidnight) {
  DailyWeatherSeries s = series_of(5, true);
  for (DailyWeather& d : s.days) {  // the same day five times: min and max are the day's own
    d.tmax_c = 36.0;
    d.tmin_c = 20.0;
  }
  const auto r = disaggregate_daily_weather(s, every(300));
  const std::size_t per_day = 288;
  for (std::size_t d = 0; d < 5; ++d) {
    double lo = 1e9;
    double hi = -1e9;
    for (std::size_t k = 0; k < per_day; ++k) {
      lo = std::min(lo, r.series.periods[d * per_day + k].t_out_c);
      hi = std::max(hi, r.series.periods[d * per_day + k].t_out_c);
    }
    EXPECT_NEAR(hi, 36.0, 0.01);  // 5-minute means around the peak
    EXPECT_NEAR(lo, 20.0, 0.03);  // the minimum is a corner of the curve: a 5-min mean is above
    EXPECT_LE(hi, 36.0);
    EXPECT_GE(lo, 20.0);
  }
  // Across midnight with changing days: no jump larger than the steepest night-time change.
  const auto h = disaggregate_daily_weather(series_of(5, true), every(300));
  for (std::size_t d = 1; d < 5; ++d) {
    const double before = h.series.periods[d * per_day - 1].t_out_c;
    const double after = h.series.periods[d * per_day].t_out_c;
    const double step_before = h.series.periods[d * per_day - 2].t_out_c - before;
    EXPECT_LT(std::abs(after - before), std::abs(step_before) * 1.5 + 1e-6) << "day " << d;
    EXPECT_LT(std::abs(after - before), 0.1);
  }
}

TEST(WeatherDisaggregator, EaKeptRhCapped) {
  DailyWeatherSeries s = series_of(2, true);
  s.days[1].ea_kpa = saturation_vapour_pressure_kpa(s.days[1].tmin_c) * 1.2;  // above e°(Tmin)
  const auto r = disaggregate_daily_weather(s, every(3600));
  for (std::size_t k = 0; k < 24; ++k) {
    const PeriodWeather& p = r.series.periods[k];
    EXPECT_DOUBLE_EQ(p.ea_kpa, 1.2);  // dew point below every hour's temperature
    EXPECT_NEAR(p.rh_out_pct, 100.0 * 1.2 / saturation_vapour_pressure_kpa(p.t_out_c), 1e-9);
  }
  bool saturated = false;
  for (std::size_t k = 24; k < 48; ++k) {
    const PeriodWeather& p = r.series.periods[k];
    EXPECT_LE(p.rh_out_pct, 100.0);
    EXPECT_LE(p.ea_kpa, s.days[1].ea_kpa);
    saturated = saturated || p.rh_out_pct == 100.0;
  }
  EXPECT_TRUE(saturated);
}

TEST(WeatherDisaggregator, WindAndPrecipitationKept) {
  const DailyWeatherSeries s = series_of(3, true);
  const auto r = disaggregate_daily_weather(s, every(300));
  double rain = 0.0;
  for (std::size_t k = 0; k < r.series.periods.size(); ++k) {
    const PeriodWeather& p = r.series.periods[k];
    EXPECT_DOUBLE_EQ(p.wind_m_s, 3.1);
    if (k / 288 == 1) {
      rain += p.precip_mm;
    } else {
      EXPECT_EQ(p.precip_mm, 0.0);
    }
  }
  EXPECT_NEAR(rain, 7.3, 1e-9);
}

TEST(WeatherDisaggregator, TimesOffsetsAndPeriods) {
  const DailyWeatherSeries s = series_of(1, true);
  const auto r = disaggregate_daily_weather(s, every(3600));
  EXPECT_EQ(r.utc_offset_s, 5 * 3600);  // round(67.94 / 15) = 5 h
  const std::int64_t local_midnight = std::int64_t{Date(2025, 7, 1).days_since_epoch()} * 86400;
  EXPECT_EQ(r.series.periods.front().start_utc_s, local_midnight - 5 * 3600);
  EXPECT_EQ(r.series.periods.back().start_utc_s, local_midnight - 5 * 3600 + 23 * 3600);
  for (const PeriodWeather& p : r.series.periods) {
    EXPECT_EQ(p.period_s, 3600.0);
    EXPECT_EQ(p.utc_offset_s, 5 * 3600);
  }
  DisaggregationOptions o = every(3600);
  o.utc_offset_s = 6 * 3600;
  EXPECT_EQ(disaggregate_daily_weather(s, o).series.periods.front().start_utc_s,
            local_midnight - 6 * 3600);
  EXPECT_EQ(default_utc_offset_s(-74.0), -5 * 3600);
}

TEST(WeatherDisaggregator, Fao56FallbacksTakenAndFlagged) {
  DailyWeatherSeries s = series_of(2, false);  // temperature and precipitation only
  s.days[1].sunshine_h = 12.0;
  s.days[1].rh_max_pct = 60.0;
  s.days[1].rh_min_pct = 20.0;
  s.days[1].precip_mm = kMissing;
  const auto r = disaggregate_daily_weather(s, every(3600));
  EXPECT_EQ(disaggregation_flags_text(r.day_flags[0]),
            "rs_from_temperature;ea_from_tmin;wind_default");
  EXPECT_EQ(disaggregation_flags_text(r.day_flags[1]),
            "rs_from_sunshine;ea_from_rh_max_min;wind_default;no_precipitation");
  EXPECT_EQ(r.flag_days[6], 2);  // wind_default on both days
  const double lat = degrees_to_radians(41.25);
  const int doy = s.days[0].date.day_of_year();
  double rs = 0.0;
  for (std::size_t k = 0; k < 24; ++k) rs += r.series.periods[k].rs_mj_m2;
  EXPECT_NEAR(
      rs, rs_from_temperature_mj_m2(extraterrestrial_radiation_daily_mj_m2(lat, doy), 35.0, 19.0),
      1e-9);  // FAO-56 Eq. 50
  EXPECT_DOUBLE_EQ(r.series.periods[0].ea_kpa, saturation_vapour_pressure_kpa(19.0));  // Eq. 48
  // 2 m/s at 2 m, taken to the site's 10 m by FAO-56 Eq. 47: u10 = 2 ln(67.8×10 − 5.42) / 4.87.
  EXPECT_NEAR(r.series.periods[0].wind_m_s, 2.0 * std::log(672.58) / 4.87, 1e-12);
  EXPECT_TRUE(is_missing(r.series.periods[30].precip_mm));
}

TEST(WeatherDisaggregator, BadInputNamesTheField) {
  DailyWeatherSeries s = series_of(3, true);
  s.days[2].tmax_c = kMissing;
  try {
    (void)disaggregate_daily_weather(s, every(3600));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "tmax_c");
    EXPECT_EQ(e.where().line, 12);
    EXPECT_EQ(e.where().file, "test.csv");
  }
  s = series_of(1, true);
  s.site.longitude_deg = kMissing;
  EXPECT_THROW((void)disaggregate_daily_weather(s, every(3600)), InputError);
  s = series_of(1, true);
  for (const int bad : {7, 59, 7200}) {
    try {
      (void)disaggregate_daily_weather(s, every(bad));
      FAIL() << bad;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().field, "--step");
    }
  }
}

}  // namespace
}  // namespace egin::agromet
