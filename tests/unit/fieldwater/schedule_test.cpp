// The schedule: the observed part equals the season runner on the same record, the
// recommendation's numbers follow from the state at the as-of date (net = Dr + ETa − rain,
// gross = net / efficiency, volume = gross · 10 · area), the projection's weather sources, and
// the date errors.
#include "egin/fieldwater/schedule.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

Date d(const char* text) { return *Date::parse(text); }

agromet::DailyWeatherSeries weather(const char* first, const char* last, double et0_mm) {
  agromet::DailyWeatherSeries w;
  w.source = "w.csv";
  for (Date day = d(first); day <= d(last); ++day) {
    agromet::DailyWeather x;
    x.date = day;
    x.et0_mm = et0_mm;
    x.precip_mm = 0.0;
    x.rh_min_pct = 30.0;
    x.wind_m_s = 2.0;
    x.tmax_c = 33.0;
    x.tmin_c = 18.0;
    w.days.push_back(x);
  }
  return w;
}

FieldConfig field() {
  FieldConfig f;
  f.name = "test";
  f.source = "test.toml";
  f.area_ha = 2.0;
  f.planting = d("2025-05-01");
  f.params.kcb_ini = 0.15;
  f.params.kcb_mid = 1.10;
  f.params.kcb_end = 0.50;
  f.params.l_ini_d = 20;
  f.params.l_dev_d = 30;
  f.params.l_mid_d = 50;
  f.params.l_end_d = 30;
  f.params.theta_fc_m3_m3 = 0.25;
  f.params.theta_wp_m3_m3 = 0.10;
  f.params.theta0_m3_m3 = 0.25;
  f.params.zr_ini_m = 0.2;
  f.params.zr_max_m = 1.0;
  f.params.p_base = 0.55;
  f.method = ApplicationMethod::kFurrow;
  f.efficiency_pct = 70.0;
  f.fw = 0.8;
  f.strategy.kind = StrategyKind::kRefill;
  f.strategy.efficiency_pct = 70.0;
  f.strategy.fw = 0.8;
  f.recorded = {{d("2025-06-10"), 80.0, 0.8, 70.0, 0}, {d("2025-06-25"), 90.0, 0.8, 70.0, 0}};
  return f;
}

TEST(Schedule, ObservedPartEqualsTheSeasonRunnerOnTheRecord) {
  const auto w = weather("2025-04-01", "2025-08-31", 6.0);
  const FieldConfig f = field();
  ScheduleRequest req;
  req.as_of = d("2025-07-10");
  const ScheduleResult s = run_schedule(f, w, nullptr, req);
  RecordedIrrigation rec(f.recorded);
  const SeasonResult season =
      run_season(f.params, f.options, w, f.planting, d("2025-07-10"), rec, nullptr);
  ASSERT_EQ(s.observed.size(), season.days.size());
  for (std::size_t i = 0; i < s.observed.size(); ++i) {
    EXPECT_DOUBLE_EQ(s.observed[i].dr_mm, season.days[i].dr_mm) << i;
    EXPECT_DOUBLE_EQ(s.observed[i].irrigation_mm, season.days[i].irrigation_mm) << i;
  }
  EXPECT_DOUBLE_EQ(s.state_as_of.dr_mm, season.final_state.dr_mm);
  EXPECT_DOUBLE_EQ(s.observed_summary.irrigation_mm, 170.0);
}

TEST(Schedule, RecommendationFollowsFromTheStateAtTheAsOfDate) {
  const auto w = weather("2025-04-01", "2025-08-31", 6.0);
  const FieldConfig f = field();
  // Find a day where the refill strategy irrigates: step the as-of date until it does.
  for (Date as_of = d("2025-06-26"); as_of <= d("2025-08-20"); ++as_of) {
    ScheduleRequest req;
    req.as_of = as_of;
    req.days_ahead = 3;
    const ScheduleResult s = run_schedule(f, w, nullptr, req);
    const Recommendation& r = s.recommendation;
    EXPECT_EQ(r.date, as_of + 1);
    const ProjectedDay& first = s.projection.front();
    // Dr* = Dr(as-of) + ETa − rain; the trigger compares it with RAW.
    EXPECT_NEAR(r.trace.dr_start_mm, s.state_as_of.dr_mm, 1e-12);
    EXPECT_NEAR(r.trace.dr_projected_mm, s.state_as_of.dr_mm + r.trace.eta_mm, 1e-9);
    if (!r.irrigate) {
      EXPECT_LT(r.trace.dr_projected_mm, r.trace.threshold_mm);
      continue;
    }
    EXPECT_GE(r.trace.dr_projected_mm, r.trace.threshold_mm);
    EXPECT_NEAR(r.net_mm, s.state_as_of.dr_mm + first.record.eta_mm - first.record.rain_mm, 1e-9);
    EXPECT_NEAR(r.gross_mm, r.net_mm / 0.7, 1e-9);
    EXPECT_NEAR(r.volume_m3, r.gross_mm * 10.0 * 2.0, 1e-9);
    EXPECT_NEAR(first.record.dr_mm, 0.0, 1e-9);  // refilled to field capacity
    EXPECT_NE(r.reason.find(fmt::format("net {:.1f} mm, gross {:.1f} mm at 70 % furrow", r.net_mm,
                                        r.gross_mm)),
              std::string::npos)
        << r.reason;
    EXPECT_NE(r.reason.find(fmt::format("{:.0f} m³ on 2.0 ha", r.volume_m3)), std::string::npos);
    return;
  }
  FAIL() << "the refill strategy never irrigated";
}

TEST(Schedule, ProjectionWithoutForecastUsesTheRecentMean) {
  auto w = weather("2025-04-01", "2025-07-10", 6.0);
  for (std::size_t i = w.days.size() - 7; i < w.days.size(); ++i) {
    w.days[i].et0_mm = 4.0 + static_cast<double>(i % 3);  // 4, 5, 6 … over the last week
  }
  double mean = 0.0;
  for (std::size_t i = w.days.size() - 7; i < w.days.size(); ++i) {
    mean += w.days[i].et0_mm / 7.0;
  }
  ScheduleRequest req;
  req.days_ahead = 4;
  const ScheduleResult s = run_schedule(field(), w, nullptr, req);
  EXPECT_EQ(s.as_of, d("2025-07-10"));
  ASSERT_EQ(s.projection.size(), 4u);
  EXPECT_NEAR(s.recent_mean_et0_mm, mean, 1e-12);
  for (const ProjectedDay& p : s.projection) {
    EXPECT_EQ(p.weather, ProjectionWeather::kRecentMean);
    EXPECT_NEAR(p.record.et_ref_mm, mean, 1e-12);
    EXPECT_DOUBLE_EQ(p.record.rain_mm, 0.0);
  }
  ASSERT_FALSE(s.notes.empty());
  EXPECT_NE(s.notes.back().find("no rain"), std::string::npos);
}

TEST(Schedule, ForecastRainIsUsedAndComesFirst) {
  const auto w = weather("2025-04-01", "2025-08-31", 6.0);
  auto forecast = weather("2025-07-11", "2025-07-12", 3.0);
  forecast.source = "forecast.csv";
  forecast.days[0].precip_mm = 12.0;
  ScheduleRequest req;
  req.as_of = d("2025-07-10");
  req.days_ahead = 3;
  const ScheduleResult s = run_schedule(field(), w, &forecast, req);
  EXPECT_EQ(s.projection[0].weather, ProjectionWeather::kForecast);
  EXPECT_DOUBLE_EQ(s.projection[0].record.rain_mm, 12.0);
  EXPECT_DOUBLE_EQ(s.projection[0].record.et_ref_mm, 3.0);
  EXPECT_EQ(s.projection[2].weather, ProjectionWeather::kObserved);  // past the forecast
}

TEST(Schedule, DatesOutsideTheWeatherOrBeforePlanting) {
  const auto w = weather("2025-04-01", "2025-08-31", 6.0);
  ScheduleRequest req;
  req.as_of = d("2025-09-15");
  try {
    (void)run_schedule(field(), w, nullptr, req);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("2025-09-15"), std::string::npos) << m;
    EXPECT_NE(m.find("2025-04-01 to 2025-08-31"), std::string::npos) << m;
    EXPECT_NE(m.find("--date"), std::string::npos) << m;
  }
  req.as_of = d("2025-04-20");
  EXPECT_THROW((void)run_schedule(field(), w, nullptr, req), InputError);
  req.as_of = d("2025-07-01");
  req.days_ahead = 30;
  EXPECT_THROW((void)run_schedule(field(), w, nullptr, req), InputError);
  const auto late = weather("2025-05-10", "2025-08-31", 6.0);  // begins after planting
  req.days_ahead = 3;
  EXPECT_THROW((void)run_schedule(field(), late, nullptr, req), InputError);
}

}  // namespace
}  // namespace egin::fieldwater
