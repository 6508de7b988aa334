// The daily step and the season runner: conservation of water in both stores, each switch
// (runoff, constant p, AquaCrop Ks, single Kc, climate adjustment), observations, irrigation
// efficiency and fw rules. Seasons use the pyfao56 cotton 2013 inputs kept in the repository.
#include "egin/fieldwater/water_balance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/crop_coefficients.hpp"
#include "egin/fieldwater/pyfao56_irrigation.hpp"
#include "egin/fieldwater/pyfao56_parameters.hpp"
#include "egin/fieldwater/pyfao56_weather.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/fieldwater/soil_coefficients.hpp"

namespace egin::fieldwater {
namespace {

const std::string kCase =
    std::string(EGIN_SOURCE_DIR) + "/tests/reference/data/pyfao56/test01_cotton2013/";

struct Cotton2013 {
  WaterBalanceParameters params = pyfao56::read_parameters(kCase + "cotton2013.par").parameters;
  pyfao56::WeatherFile weather = pyfao56::read_weather(kCase + "cotton2013.wth");
  std::vector<IrrigationEvent> dry = pyfao56::read_irrigation(kCase + "cottondry2013.irr").events;
  Date start = *Date::parse("2013-113");
  Date end = *Date::parse("2013-312");

  SeasonResult run(const WaterBalanceOptions& options) const {
    RecordedIrrigation irrigation(dry);
    return run_season(params, options, weather.series, start, end, irrigation);
  }
};

const Cotton2013& cotton() {
  static const Cotton2013 c;
  return c;
}

DayInputs a_day(double et_ref_mm, double rain_mm) {
  DayInputs d;
  d.date = *Date::parse("2013-200");
  d.et_ref_mm = et_ref_mm;
  d.precip_mm = rain_mm;
  d.u2_m_s = 2.0;
  d.rh_min_pct = 45.0;
  return d;
}

// Both stores keep their books: yesterday's depletion + losses − gains = today's, unless the
// root-zone value hit its TAW limit.
void expect_conservation(const SeasonResult& r, const WaterBalanceParameters& p) {
  WaterBalanceState y = initial_state(p);
  for (const DayRecord& d : r.days) {
    const double net_in = d.rain_mm - d.runoff_mm + d.irrigation_mm - d.irrigation_loss_mm;
    if (d.dr_mm < d.taw_mm - 1e-9) {
      EXPECT_NEAR(d.dr_mm, y.dr_mm - net_in + d.eta_mm + d.dp_mm, 1e-9) << d.date.year_doy();
    }
    EXPECT_GE(d.dr_mm, 0.0);
    EXPECT_LE(d.dr_mm, d.taw_mm + 1e-12);
    EXPECT_GE(d.de_mm, 0.0);
    EXPECT_LE(d.de_mm, total_evaporable_water_mm(p) + 1e-12);
    y.dr_mm = d.dr_mm;
  }
}

TEST(WaterBalance, InitialStateFollowsEquations73And87) {
  const auto& c = cotton();
  const WaterBalanceState s = initial_state(c.params);
  EXPECT_NEAR(s.de_mm, 1000.0 * (0.225 - 0.05) * 0.1143, 1e-9);  // TEW, 20.0025 mm
  EXPECT_NEAR(s.dr_mm, 1000.0 * (0.225 - 0.100) * 0.6, 1e-9);    // 75 mm
  EXPECT_NEAR(s.taw_mm, 75.0, 1e-9);
  EXPECT_EQ(s.day_index, 0);
}

TEST(WaterBalance, DualSeasonConservesWater) {
  const auto& c = cotton();
  const SeasonResult r = c.run({});
  ASSERT_EQ(r.days.size(), 200u);
  expect_conservation(r, c.params);
  // Season totals close: Dr_end − Dr(before day 1) = ETa + DP − rain − net irrigation.
  const double before = initial_state(c.params).dr_mm;
  const SeasonSummary& s = r.summary;
  EXPECT_NEAR(s.dr_end_mm - before,
              s.eta_mm + s.dp_mm - s.rain_mm + s.runoff_mm - s.irrigation_mm + s.irrigation_loss_mm,
              0.02);  // within the few 0.01 mm the TAW limit removes on the first days
  EXPECT_NEAR(s.eta_mm, s.e_mm + s.t_mm, 1e-9);
}

TEST(WaterBalance, ConstantPKeepsPAtPbase) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.constant_p = true;
  const SeasonResult r = c.run(o);
  for (const DayRecord& d : r.days) {
    ASSERT_DOUBLE_EQ(d.p, c.params.p_base);
  }
  const SeasonResult base = c.run({});
  const auto varies = std::any_of(base.days.begin(), base.days.end(), [&](const DayRecord& d) {
    return std::abs(d.p - c.params.p_base) > 0.01;
  });
  EXPECT_TRUE(varies);
}

TEST(WaterBalance, AquaCropKsUsesTheConvexShape) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.aquacrop_ks = true;
  const SeasonResult r = c.run(o);
  WaterBalanceState y = initial_state(c.params);
  int stressed_days = 0;
  for (const DayRecord& d : r.days) {
    ASSERT_NEAR(d.ks, water_stress_aquacrop(y.dr_mm, d.taw_mm, d.p), 1e-12);
    if (d.ks > 0.0 && d.ks < 1.0) {
      ++stressed_days;
      EXPECT_GT(d.ks, water_stress_fao56(y.dr_mm, d.taw_mm, d.p));
    }
    y.dr_mm = d.dr_mm;
  }
  EXPECT_GT(stressed_days, 10);
  expect_conservation(r, c.params);
}

TEST(WaterBalance, SingleKcDrivesTheRootZone) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.single_kc = true;
  const SeasonResult r = c.run(o);
  WaterBalanceState y = initial_state(c.params);
  for (const DayRecord& d : r.days) {
    ASSERT_DOUBLE_EQ(d.kc, d.kcm);
    ASSERT_NEAR(d.etc_mm, d.kcm * d.et_ref_mm, 1e-12);
    ASSERT_NEAR(d.eta_mm, water_stress_fao56(y.dr_mm, d.taw_mm, d.p) * d.kcm * d.et_ref_mm,
                1e-12);  // FAO-56 Eq. 80 with Kc
    ASSERT_TRUE(std::isnan(d.e_mm) && std::isnan(d.t_mm) && std::isnan(d.ke));
    y.dr_mm = d.dr_mm;
  }
  expect_conservation(r, c.params);
  // The Kc curve: 0.35 initial, 1.15 mid, 0.60 end (cotton2013.par).
  EXPECT_DOUBLE_EQ(r.days[0].kcm, 0.35);
  EXPECT_DOUBLE_EQ(r.days[100].kcm, 1.15);
  EXPECT_NEAR(r.days.back().kcm, 0.60, 1e-12);
}

TEST(WaterBalance, SingleKcNeedsTheKcParameters) {
  auto c = cotton();
  c.params.kcm_ini = c.params.kcm_mid = c.params.kcm_end = agromet::kMissing;
  WaterBalanceOptions o;
  o.single_kc = true;
  EXPECT_THROW((void)c.run(o), InputError);
}

TEST(WaterBalance, ClimateAdjustmentRaisesMidSeasonKcbInAWindyDryClimate) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.climate_adjust_kcb = true;
  WaterBalanceState s = initial_state(c.params);
  s.day_index = 100;  // mid-season
  s.h_m = 1.2;
  DayInputs d = a_day(8.0, 0.0);
  d.u2_m_s = 4.0;
  d.rh_min_pct = 25.0;
  const DayRates r = compute_rates(c.params, o, s, d, {});
  // Eq. 70: 1.20 + (0.04·2 + 0.004·20)(1.2/3)^0.3 = 1.20 + 0.16·0.759658
  EXPECT_NEAR(r.kcb, 1.2 + 0.16 * std::pow(0.4, 0.3), 1e-12);
  EXPECT_DOUBLE_EQ(r.tkcb, 1.2);
}

TEST(WaterBalance, RunoffTakesTheCurveNumberShareOfABigRain) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.runoff = true;
  WaterBalanceState s = initial_state(c.params);
  s.de_mm = 0.0;  // wet surface: CN3
  s.dr_mm = 40.0;
  const DayRates r = compute_rates(c.params, o, s, a_day(5.0, 100.0), {});
  EXPECT_NEAR(r.runoff_mm, 60.4226, 1e-3);  // CN2 70 → CN3 84.53, ASCE Eqs. 14-12, 14-13
  EXPECT_NEAR(r.effective_rain_mm, 100.0 - r.runoff_mm, 1e-12);
  const WaterBalanceState t = integrate(c.params, o, s, r);
  EXPECT_NEAR(t.dr_mm, std::max(0.0, 40.0 - r.effective_rain_mm + r.eta_mm + r.dp_mm), 1e-9);
  // Without the switch all the rain infiltrates.
  EXPECT_DOUBLE_EQ(compute_rates(c.params, {}, s, a_day(5.0, 100.0), {}).runoff_mm, 0.0);
}

TEST(WaterBalance, RunoffSwitchOverTheSeasonKeepsTheBooks) {
  const auto& c = cotton();
  WaterBalanceOptions o;
  o.runoff = true;
  const SeasonResult r = c.run(o);
  expect_conservation(r, c.params);
  EXPECT_LE(r.summary.runoff_mm, r.summary.rain_mm);
}

TEST(WaterBalance, IrrigationEfficiencyLosesItsShare) {
  const auto& c = cotton();
  WaterBalanceState s = initial_state(c.params);
  const DayRates r = compute_rates(c.params, {}, s, a_day(5.0, 0.0), {40.0, 0.5, 80.0});
  EXPECT_NEAR(r.irrigation_loss_mm, 8.0, 1e-12);
  EXPECT_NEAR(r.effective_irrigation_mm, 32.0, 1e-12);
  EXPECT_DOUBLE_EQ(r.fw, 0.5);
  const WaterBalanceState t = integrate(c.params, {}, s, r);
  EXPECT_NEAR(t.dr_mm, 75.0 - 32.0 + r.eta_mm, 1e-9);
  // FAO-56 Eq. 77: the surface layer gets I/fw on the wetted part.
  EXPECT_NEAR(r.dpe_mm, 32.0 / 0.5 - s.de_mm, 1e-9);
}

TEST(WaterBalance, RainOfThreeMillimetresWetsTheWholeSurface) {
  const auto& c = cotton();
  WaterBalanceState s = initial_state(c.params);
  s.fw = 0.2;
  EXPECT_DOUBLE_EQ(compute_rates(c.params, {}, s, a_day(5.0, 2.9), {}).fw, 0.2);
  EXPECT_DOUBLE_EQ(compute_rates(c.params, {}, s, a_day(5.0, 3.0), {}).fw, 1.0);
  // With irrigation the same day the irrigation's fw holds (FAO-56 Table 20, pyfao56).
  EXPECT_DOUBLE_EQ(compute_rates(c.params, {}, s, a_day(5.0, 10.0), {10.0, 0.3, 100.0}).fw, 0.3);
}

TEST(WaterBalance, ObservationsReplaceKcbHeightAndCover) {
  const auto& c = cotton();
  WaterBalanceState s = initial_state(c.params);
  s.day_index = 40;  // development
  s.kcb_curve = s.tkcb = 0.3;
  DayInputs d = a_day(6.0, 0.0);
  d.kcb_obs = 0.55;
  d.fc_obs = 0.4;
  const DayRates r = compute_rates(c.params, {}, s, d, {});
  EXPECT_DOUBLE_EQ(r.kcb, 0.55);
  EXPECT_DOUBLE_EQ(r.fc, 0.4);
  const double slope = (1.2 - 0.15) / 52.0;
  EXPECT_NEAR(r.tkcb, 0.3 + slope, 1e-12);             // the trapezoid ignores observations
  EXPECT_NEAR(r.etcb_mm, (0.3 + slope) * 6.0, 1e-12);  // pyfao56 ETcb: curve before update
  const WaterBalanceState t = integrate(c.params, {}, s, r);
  d.kcb_obs = agromet::kMissing;  // next day: no observation, the curve goes on from 0.55
  d.fc_obs = 0.0;                 // 0 is "no update" too
  const DayRates r2 = compute_rates(c.params, {}, t, d, {});
  EXPECT_NEAR(r2.kcb, 0.55 + slope, 1e-12);
  EXPECT_NEAR(r2.fc, canopy_cover_fraction(r2.kcb, 0.15, r2.kc_max, r2.h_m), 1e-12);
  EXPECT_GT(r2.fc, 0.1);
  d.h_obs_m = 0.9;
  EXPECT_DOUBLE_EQ(compute_rates(c.params, {}, t, d, {}).h_m, 0.9);
}

TEST(WaterBalance, KsEndUsesTheEndOfDayDepletion) {
  const auto& c = cotton();
  const SeasonResult r = c.run({});
  for (std::size_t i = 0; i + 1 < r.days.size(); ++i) {
    const DayRecord& d = r.days[i];
    ASSERT_NEAR(d.ks_end, water_stress_fao56(d.dr_mm, d.taw_mm, d.p), 1e-12);
    ASSERT_NEAR(d.fdr, d.dr_mm / d.taw_mm, 1e-12);
  }
}

}  // namespace
}  // namespace egin::fieldwater
