// The season runner: weather coverage errors, the hot loop equal to the one-call runner, the
// irrigation source asked before each day with yesterday's state, and the seasonal sums.
#include "egin/fieldwater/season.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"

namespace egin::fieldwater {
namespace {

const std::string kCase =
    std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/pyfao56/test01_cotton2013/";

Date d(const char* text) { return *Date::parse(text); }

agromet::DailyWeatherSeries small_weather() {
  agromet::DailyWeatherSeries w;
  w.source = "w.csv";
  for (Date day = d("2024-05-01"); day <= d("2024-05-10"); ++day) {
    agromet::DailyWeather x;
    x.date = day;
    x.et0_mm = 5.0;
    x.precip_mm = 0.0;
    x.rh_min_pct = 30.0;
    x.wind_m_s = 2.0;
    w.days.push_back(x);
  }
  return w;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Season, DatesOutsideTheWeatherNameTheDateAndTheRange) {
  const auto w = small_weather();
  const std::string m =
      message_of([&] { (void)prepare_season_inputs(w, d("2024-04-30"), d("2024-05-05")); });
  EXPECT_NE(m.find("2024-04-30"), std::string::npos) << m;
  EXPECT_NE(m.find("2024-05-01 (2024-122) to 2024-05-10 (2024-131)"), std::string::npos) << m;
  EXPECT_NE(m.find("--from"), std::string::npos) << m;
  const std::string m2 =
      message_of([&] { (void)prepare_season_inputs(w, d("2024-05-02"), d("2024-05-11")); });
  EXPECT_NE(m2.find("--to"), std::string::npos) << m2;
  EXPECT_NE(message_of([&] {
              (void)prepare_season_inputs(w, d("2024-05-05"), d("2024-05-02"));
            }).find("before"),
            std::string::npos);
}

TEST(Season, AGapInTheWeatherIsAnError) {
  auto w = small_weather();
  w.days.erase(w.days.begin() + 4);
  const std::string m =
      message_of([&] { (void)prepare_season_inputs(w, d("2024-05-01"), d("2024-05-10")); });
  EXPECT_NE(m.find("no record for 2024-05-05"), std::string::npos) << m;
}

TEST(Season, MissingEtrefNamesTheLine) {
  auto w = small_weather();
  w.days[2].et0_mm = agromet::kMissing;
  w.days[2].line = 7;
  const std::string m =
      message_of([&] { (void)prepare_season_inputs(w, d("2024-05-01"), d("2024-05-10")); });
  EXPECT_NE(m.find("w.csv:7"), std::string::npos) << m;
  EXPECT_NE(m.find("ETref"), std::string::npos) << m;
}

// Records every query so the test can check what the runner told it.
class Spy final : public IrrigationSource {
 public:
  std::vector<Date> dates;
  std::vector<double> dr_seen;
  IrrigationDecision irrigation_for(const IrrigationQuery& q) override {
    dates.push_back(q.day.date);
    dr_seen.push_back(q.state.dr_mm);
    return {q.day.date == *Date::parse("2024-05-03") ? 10.0 : 0.0, 1.0, 100.0};
  }
};

TEST(Season, AsksTheSourceEachDayWithYesterdaysState) {
  WaterBalanceParameters p;
  Spy spy;
  const SeasonResult r = run_season(p, {}, small_weather(), d("2024-05-01"), d("2024-05-10"), spy);
  ASSERT_EQ(spy.dates.size(), 10u);
  EXPECT_EQ(spy.dates.front(), d("2024-05-01"));
  EXPECT_DOUBLE_EQ(spy.dr_seen[0], initial_state(p).dr_mm);
  for (std::size_t i = 1; i < 10; ++i) {
    EXPECT_DOUBLE_EQ(spy.dr_seen[i], r.days[i - 1].dr_mm);
  }
  EXPECT_DOUBLE_EQ(r.days[2].irrigation_mm, 10.0);
  EXPECT_DOUBLE_EQ(r.summary.irrigation_mm, 10.0);
}

TEST(Season, HotLoopEqualsTheOneCallRunnerAndResumes) {
  const auto par = pyfao56::read_parameters(kCase + "cotton2013.par").parameters;
  const auto wth = pyfao56::read_weather(kCase + "cotton2013.wth");
  const auto events = pyfao56::read_irrigation(kCase + "cottondry2013.irr").events;
  RecordedIrrigation a(events);
  const SeasonResult whole = run_season(par, {}, wth.series, d("2013-113"), d("2013-312"), a);
  const auto days = prepare_season_inputs(wth.series, d("2013-113"), d("2013-312"));
  std::vector<DayRecord> out(days.size());
  RecordedIrrigation b(events);
  // Two halves: the state after the first is the start of the second.
  const std::size_t half = 90;
  const WaterBalanceState mid = run_days(par, {}, initial_state(par), std::span(days).first(half),
                                         b, std::span(out).first(half));
  run_days(par, {}, mid, std::span(days).subspan(half), b, std::span(out).subspan(half));
  for (std::size_t i = 0; i < out.size(); ++i) {
    ASSERT_DOUBLE_EQ(out[i].dr_mm, whole.days[i].dr_mm) << i;
    ASSERT_DOUBLE_EQ(out[i].eta_mm, whole.days[i].eta_mm) << i;
  }
  const SeasonSummary s = summarize(out);
  EXPECT_DOUBLE_EQ(s.eta_mm, whole.summary.eta_mm);
  EXPECT_EQ(s.days, 200);
  EXPECT_DOUBLE_EQ(s.dr_ini_mm, out.front().dr_mm);
  EXPECT_DOUBLE_EQ(s.dr_end_mm, out.back().dr_mm);
  // pyfao56 cottondry2013.sum: Irrig 754.400, Rain 49.270.
  EXPECT_NEAR(s.irrigation_mm, 754.4, 1e-9);
  EXPECT_NEAR(s.rain_mm, 49.27, 1e-9);
}

}  // namespace
}  // namespace egin::fieldwater
