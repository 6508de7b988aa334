// Expected yield reduction over the days run: the FAO-33 → FAO-56 stage mapping, a season with
// known ETa/ETc sums per stage computed by hand (FAO-56 Eq. 90 per stage and on the season's
// sums), a season only partly run, crops without Ky, and on a real schedule the property that
// the stage sums add up to the season's and the season's to the observed summary.
#include "egin/fieldwater/season_yield.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "egin/crops/crop_library.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/soils/soil_library.hpp"

namespace egin::fieldwater {
namespace {

using crops::YieldPeriod;
using crops::YieldResponseFactors;

const std::string kData = std::string(EGIN_SOURCE_DIR) + "/data";

YieldResponseFactors factors(double season, std::vector<std::pair<YieldPeriod, double>> periods) {
  YieldResponseFactors f;
  f.ky_season = season;
  f.ky_periods = std::move(periods);
  f.source = "test";
  return f;
}

// Maize as in data/crops/maize.toml: vegetative 0.4, flowering 1.5, yield formation 0.5,
// ripening 0.2, season 1.25.
YieldResponseFactors maize() {
  return factors(1.25, {{YieldPeriod::kVegetative, 0.4},
                        {YieldPeriod::kFlowering, 1.5},
                        {YieldPeriod::kYieldFormation, 0.5},
                        {YieldPeriod::kRipening, 0.2}});
}

// Cotton as in data/crops/cotton.toml: no establishment, no ripening.
YieldResponseFactors cotton() {
  return factors(0.85, {{YieldPeriod::kVegetative, 0.2},
                        {YieldPeriod::kFlowering, 0.5},
                        {YieldPeriod::kYieldFormation, 0.25}});
}

// Stages of 2/3/4/2 days: L_total = 11, so days 0..11 are counted (FAO-56 Fig. 25 as
// crops::growth_stage counts them): initial 0..2 (3 days), development 3..5 (3), mid-season
// 6..9 (4), late season 10..11 (2); days 12 and 13 are after the calendar.
WaterBalanceParameters short_season() {
  WaterBalanceParameters p;
  p.l_ini_d = 2;
  p.l_dev_d = 3;
  p.l_mid_d = 4;
  p.l_end_d = 2;
  return p;
}

// ETc / ETa per day: initial 2/2 (no stress), development 4/3, mid-season 8 with ETa 6 6 4 4,
// late 5 with ETa 5 3, then two days after the calendar with 5/0.
std::vector<DayRecord> short_season_records() {
  const std::vector<std::pair<double, double>> et{{2, 2}, {2, 2}, {2, 2}, {4, 3}, {4, 3},
                                                  {4, 3}, {8, 6}, {8, 6}, {8, 4}, {8, 4},
                                                  {5, 5}, {5, 3}, {5, 0}, {5, 0}};
  std::vector<DayRecord> days;
  for (const auto& [etc, eta] : et) {
    DayRecord r;
    r.etc_mm = etc;
    r.eta_mm = eta;
    days.push_back(r);
  }
  return days;
}

TEST(StageKy, MapsFao33PeriodsOntoFao56Stages) {
  const auto m = stage_ky(maize());
  ASSERT_TRUE(m[0].ky && m[1].ky && m[2].ky && m[3].ky);
  EXPECT_DOUBLE_EQ(*m[0].ky, 0.4);  // no establishment Ky: the vegetative one
  EXPECT_EQ(m[0].from, "vegetative (no establishment Ky)");
  EXPECT_DOUBLE_EQ(*m[1].ky, 0.4);
  EXPECT_DOUBLE_EQ(*m[2].ky, 1.5);  // the larger of flowering 1.5 and yield formation 0.5
  EXPECT_EQ(m[2].from, "flowering (> yield formation)");
  EXPECT_DOUBLE_EQ(*m[3].ky, 0.2);

  // Potato: establishment 0.45, vegetative 0.8, yield formation 0.7 (no flowering), ripening 0.2.
  const auto p = stage_ky(factors(1.1, {{YieldPeriod::kEstablishment, 0.45},
                                        {YieldPeriod::kVegetative, 0.8},
                                        {YieldPeriod::kYieldFormation, 0.7},
                                        {YieldPeriod::kRipening, 0.2}}));
  EXPECT_DOUBLE_EQ(*p[0].ky, 0.45);
  EXPECT_EQ(p[0].from, "establishment");
  EXPECT_DOUBLE_EQ(*p[1].ky, 0.8);
  EXPECT_DOUBLE_EQ(*p[2].ky, 0.7);
  EXPECT_EQ(p[2].from, "yield formation");
  EXPECT_DOUBLE_EQ(*p[3].ky, 0.2);

  // Cotton: no ripening Ky, so the late season has none.
  const auto c = stage_ky(cotton());
  EXPECT_DOUBLE_EQ(*c[2].ky, 0.5);
  EXPECT_FALSE(c[3].ky.has_value());
  // Only a seasonal Ky (alfalfa, grape, sweet pepper): no stage has one.
  const auto a = stage_ky(factors(1.1, {}));
  for (const StageKy& s : a) {
    EXPECT_FALSE(s.ky.has_value());
  }
}

TEST(SeasonYield, KnownSumsPerStageByHand) {
  const auto records = short_season_records();
  const SeasonYieldReduction y = season_yield_reduction(maize(), "maize", short_season(), records);
  ASSERT_TRUE(y.available);
  EXPECT_EQ(y.days, 12);
  EXPECT_EQ(y.days_not_counted, 2);
  const int days[4] = {3, 3, 4, 2};
  const double etc[4] = {6.0, 12.0, 32.0, 10.0};
  const double eta[4] = {6.0, 9.0, 20.0, 8.0};
  // FAO-56 Eq. 90 per stage: 0.4 (1 − 6/6) = 0, 0.4 (1 − 9/12) = 0.1,
  // 1.5 (1 − 20/32) = 0.5625, 0.2 (1 − 8/10) = 0.04.
  const double reduction[4] = {0.0, 0.1, 0.5625, 0.04};
  for (std::size_t s = 0; s < 4; ++s) {
    EXPECT_EQ(y.stages[s].days, days[s]) << s;
    EXPECT_DOUBLE_EQ(y.stages[s].etc_mm, etc[s]) << s;
    EXPECT_DOUBLE_EQ(y.stages[s].eta_mm, eta[s]) << s;
    ASSERT_TRUE(y.stages[s].reduction_fraction.has_value()) << s;
    EXPECT_NEAR(*y.stages[s].reduction_fraction, reduction[s], 1e-12) << s;
  }
  // Season: ΣETc 60, ΣETa 43 → 1.25 (1 − 43/60) = 0.3541667.
  EXPECT_DOUBLE_EQ(y.etc_mm, 60.0);
  EXPECT_DOUBLE_EQ(y.eta_mm, 43.0);
  ASSERT_TRUE(y.season_fraction.has_value());
  EXPECT_NEAR(*y.season_fraction, 1.25 * 17.0 / 60.0, 1e-12);
  // Stages combined (CROPWAT): 1 − 1 · 0.9 · 0.4375 · 0.96 = 0.622; most limiting 0.5625.
  ASSERT_TRUE(y.stages_fraction.has_value());
  EXPECT_NEAR(*y.stages_fraction, 0.622, 1e-12);
  EXPECT_NEAR(*y.most_limiting_fraction, 0.5625, 1e-12);

  const std::string text = yield_reduction_text(y);
  EXPECT_NE(text.find("season 35.4 % (Ky 1.25, ETa 43.0 of ETc 60.0 mm over 12 days)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("mid-season 56.2 % (Ky 1.50, ETa 20.0 of 32.0 mm)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("stages combined 62.2 % (2 days after the crop calendar not counted)"),
            std::string::npos)
      << text;
}

TEST(SeasonYield, StageWithoutKyIsLeftOutOfTheCombination) {
  const auto records = short_season_records();
  const SeasonYieldReduction y =
      season_yield_reduction(cotton(), "cotton", short_season(), records);
  // initial 0.2 (1 − 1) = 0, development 0.2 · 0.25 = 0.05, mid 0.5 · 0.375 = 0.1875; the late
  // stage's 8 of 10 mm has no Ky and no reduction.
  EXPECT_NEAR(*y.stages[1].reduction_fraction, 0.05, 1e-12);
  EXPECT_NEAR(*y.stages[2].reduction_fraction, 0.1875, 1e-12);
  EXPECT_FALSE(y.stages[3].reduction_fraction.has_value());
  EXPECT_DOUBLE_EQ(y.stages[3].etc_mm, 10.0);
  EXPECT_NEAR(*y.stages_fraction, 1.0 - 0.95 * 0.8125, 1e-12);
  EXPECT_NEAR(*y.season_fraction, 0.85 * 17.0 / 60.0, 1e-12);  // the season counts every day
  EXPECT_NE(yield_reduction_text(y).find("late-season no FAO-33 Ky"), std::string::npos);
}

TEST(SeasonYield, SoFarCountsOnlyTheDaysRun) {
  auto records = short_season_records();
  records.resize(5);  // days 0..4: initial and two development days
  const SeasonYieldReduction y = season_yield_reduction(maize(), "maize", short_season(), records);
  EXPECT_EQ(y.days, 5);
  EXPECT_EQ(y.stages[1].days, 2);
  EXPECT_EQ(y.stages[2].days, 0);
  EXPECT_DOUBLE_EQ(*y.stages[2].reduction_fraction, 0.0);  // no demand yet, no loss
  // 1.25 (1 − 12/14) over ETc 2+2+2+4+4, ETa 2+2+2+3+3.
  EXPECT_NEAR(*y.season_fraction, 1.25 * (1.0 - 12.0 / 14.0), 1e-12);
  EXPECT_NE(yield_reduction_text(y).find("mid-season not reached (Ky 1.50)"), std::string::npos);
}

TEST(SeasonYield, CropsWithoutKySayWhyInsteadOfANumber) {
  const auto records = short_season_records();
  const SeasonYieldReduction y =
      season_yield_reduction(std::nullopt, "melon", short_season(), records);
  EXPECT_FALSE(y.available);
  EXPECT_EQ(y.unavailable_reason, "no Ky in FAO-33");
  EXPECT_FALSE(y.season_fraction.has_value());
  EXPECT_FALSE(y.stages_fraction.has_value());
  EXPECT_DOUBLE_EQ(y.etc_mm, 60.0);  // the sums are still there
  EXPECT_NE(yield_reduction_text(y).find(": no Ky in FAO-33 for melon"), std::string::npos);
  const SeasonYieldReduction inline_crop =
      season_yield_reduction(std::nullopt, "", short_season(), records);
  EXPECT_EQ(inline_crop.unavailable_reason, "no Ky for an inline crop");
}

TEST(SeasonYield, TheLibraryCropsWithoutKyAreTheFiveFao33Lacks) {
  const auto crops = crops::CropLibrary::load_directory(kData + "/crops");
  std::vector<std::string> without;
  for (const std::string& name : crops.names()) {
    if (!crops.try_find(name)->yield_response) {
      without.push_back(name);
    }
  }
  EXPECT_EQ(without,
            (std::vector<std::string>{"apple", "apricot", "cucumber", "eggplant", "melon"}));
}

// A rain-fed cotton field on the sample weather (stress from July on): the schedule's yield
// reduction is the one of its observed days, its stage sums add up to the season's, and the
// season's sums are the observed summary's ETc and ETa.
TEST(SeasonYield, ScheduleCarriesTheObservedDaysReduction) {
  const auto crops = crops::CropLibrary::load_directory(kData + "/crops");
  const auto soils = soils::SoilLibrary::load_directory(kData + "/soils");
  const FieldConfig field = parse_field_config(R"(area_ha = 1.0
planting_date = 2025-04-25
[crop]
name = "cotton"
[soil]
texture = "silt_loam"
[irrigation]
method = "furrow"
[strategy]
kind = "rain-fed"
)",
                                               "rf.toml", crops, soils);
  ASSERT_TRUE(field.yield_response.has_value());
  agromet::DailyWeatherSeries w;
  w.source = "w.csv";
  for (Date day = *Date::parse("2025-04-25"); day <= *Date::parse("2025-09-30"); ++day) {
    agromet::DailyWeather x;
    x.date = day;
    x.et0_mm = 7.0;
    x.precip_mm = 0.0;
    x.rh_min_pct = 25.0;
    x.wind_m_s = 2.0;
    w.days.push_back(x);
  }
  ScheduleRequest request;
  request.as_of = *Date::parse("2025-08-31");
  const ScheduleResult r = run_schedule(field, w, nullptr, request);
  const SeasonYieldReduction& y = r.observed_yield;
  ASSERT_TRUE(y.available);
  EXPECT_EQ(y.days, static_cast<int>(r.observed.size()));
  EXPECT_NEAR(y.etc_mm, r.observed_summary.etc_mm, 1e-9);
  EXPECT_NEAR(y.eta_mm, r.observed_summary.eta_mm, 1e-9);
  double etc = 0.0;
  double eta = 0.0;
  int days = 0;
  for (const StageYieldReduction& s : y.stages) {
    etc += s.etc_mm;
    eta += s.eta_mm;
    days += s.days;
  }
  EXPECT_NEAR(etc, y.etc_mm, 1e-9);
  EXPECT_NEAR(eta, y.eta_mm, 1e-9);
  EXPECT_EQ(days, y.days);
  // Rain-fed under 7 mm/d of ETo with no rain: real stress, so a real loss.
  EXPECT_GT(*y.season_fraction, 0.2);
  EXPECT_NEAR(*y.season_fraction, 0.85 * (1.0 - y.eta_mm / y.etc_mm), 1e-12);
}

}  // namespace
}  // namespace egin::fieldwater
