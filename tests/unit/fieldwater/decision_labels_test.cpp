// Decision labels name the rule that actually decided: one day per label, with the trace's
// numbers checked by hand and found in the reason text (explain_decision). The holding-back
// rules (min-days-between, harvest-stop, rain-forecast) appear only when the kind's own trigger
// was met; on a day far below the trigger the label is below-trigger even right after an
// irrigation, within the harvest stop or with rain forecast.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "egin/fieldwater/application_method.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/irrigation_strategies.hpp"
#include "egin/fieldwater/schedule.hpp"

namespace egin::fieldwater {
namespace {

Date d(const char* text) { return *Date::parse(text); }

// TAW = 1000 (0.25 − 0.10) 0.70 = 105.0 mm (FAO-56 Eq. 82); constant p 0.55: RAW = 57.75 mm
// (Eq. 83). Season 20/30/50/30 d = 130 d.
WaterBalanceParameters params() {
  WaterBalanceParameters p;
  p.kcb_ini = 0.15;
  p.kcb_mid = 1.10;
  p.kcb_end = 0.50;
  p.l_ini_d = 20;
  p.l_dev_d = 30;
  p.l_mid_d = 50;
  p.l_end_d = 30;
  p.h_max_m = 1.2;
  p.theta_fc_m3_m3 = 0.25;
  p.theta_wp_m3_m3 = 0.10;
  p.theta0_m3_m3 = 0.25;
  p.zr_ini_m = 0.70;
  p.zr_max_m = 0.70;
  p.p_base = 0.55;
  p.ze_m = 0.10;
  p.rew_mm = 8.0;
  return p;
}

WaterBalanceOptions options() {
  WaterBalanceOptions o;
  o.constant_p = true;
  return o;
}

// End of day `day_index` − 1 in mid-season, surface layer dry (Ke = 0): ETa = Ks · 1.10 · ETo.
WaterBalanceState state(const WaterBalanceParameters& p, double dr_mm, int day_index = 60) {
  WaterBalanceState s = initial_state(p);
  s.day_index = day_index;
  s.tkcb = p.kcb_mid;
  s.kcb_curve = p.kcb_mid;
  s.h_m = p.h_max_m;
  s.zr_m = p.zr_max_m;
  s.de_mm = total_evaporable_water_mm(p);
  s.dr_mm = dr_mm;
  s.taw_mm = 105.0;
  return s;
}

DayInputs day(const char* date, double et0_mm, double rain_mm = 0.0) {
  DayInputs in;
  in.date = d(date);
  in.et_ref_mm = et0_mm;
  in.precip_mm = rain_mm;
  in.u2_m_s = 2.0;
  in.rh_min_pct = 45.0;
  return in;
}

// A field around the settings, planted so that day 60 is 2025-07-01 (harvest 130 d later).
FieldConfig field_with(const StrategySettings& s) {
  FieldConfig f;
  f.name = "labels";
  f.source = "labels.toml";
  f.area_ha = 1.0;
  f.planting = d("2025-05-02");
  f.params = params();
  f.method = ApplicationMethod::kFurrow;
  f.efficiency_pct = s.efficiency_pct;
  f.fw = s.fw;
  f.strategy = s;
  return f;
}

StrategySettings refill(int min_days_between = 0) {
  StrategySettings s;
  s.kind = StrategyKind::kRefill;
  s.efficiency_pct = 60.0;
  s.fw = 1.0;
  s.min_days_between = min_days_between;
  return s;
}

// Decides 2025-07-01 with the last irrigation recorded on 2025-06-30 (one day before).
struct Decided {
  StrategyTrace trace;
  std::string reason;
};

Decided decide_day_after_irrigation(const StrategySettings& s, double dr_mm, double et0_mm,
                                    double rain_mm = 0.0, int day_index = 60,
                                    std::vector<DayInputs> outlook = {}) {
  const auto p = params();
  const auto o = options();
  IrrigationStrategy strategy(s);
  strategy.set_recorded({{d("2025-06-30"), 50.0, 1.0, 60.0, 0}}, d("2025-07-01"));
  if (!outlook.empty()) {
    strategy.set_outlook(outlook);
  }
  (void)strategy.irrigation_for({state(p, 0.0, day_index - 1), day("2025-06-30", et0_mm), p, o});
  (void)strategy.irrigation_for(
      {state(p, dr_mm, day_index), day("2025-07-01", et0_mm, rain_mm), p, o});
  return {strategy.last_trace(), explain_decision(strategy.last_trace(), field_with(s))};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DecisionLabels, FarBelowTheTriggerTheDayAfterAnIrrigationIsBelowTrigger) {
  // The brief's case: Dr 8 mm + ETa 1.10 · 5 = 5.5 mm → Dr* 13.5 mm, far below RAW 57.75 mm,
  // one day after an irrigation with min_days_between 7. The interval did not decide: the
  // depletion did.
  const Decided r = decide_day_after_irrigation(refill(7), 8.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kBelowTrigger);
  EXPECT_EQ(decision_reason_name(r.trace.reason), "below-trigger");
  EXPECT_EQ(r.trace.days_since_irrigation, 1);
  EXPECT_NEAR(r.trace.dr_projected_mm, 13.5, 1e-9);
  EXPECT_NEAR(r.trace.threshold_mm, 57.75, 1e-9);
  EXPECT_TRUE(has(r.reason, "without irrigation 13.5 mm (Dr 8.0 mm")) << r.reason;
  EXPECT_TRUE(has(r.reason, "is below the trigger 57.") && has(r.reason, "RAW 57.")) << r.reason;
  // 57.75 − 13.5 = 44.25 mm to go at ETc 5.5 mm/d: about 9 days.
  EXPECT_TRUE(has(r.reason, "mm to go, about 9 days at today's ETc 5.5 mm/d")) << r.reason;
  EXPECT_FALSE(has(r.reason, "min_days_between")) << r.reason;
}

TEST(DecisionLabels, MinDaysBetweenOnlyWhenTheTriggerWasReached) {
  // Dr 62 mm is beyond RAW: Ks = (105 − 62) / (0.45 · 105) = 0.91005 (FAO-56 Eq. 84), ETa =
  // 0.91005 · 1.10 · 5 = 5.0053 mm, Dr* = 67.005 mm ≥ 57.75 mm: the trigger is met, the 7-day
  // rotation holds it back.
  const double dr_star = 62.0 + 43.0 / 47.25 * 5.5;
  const Decided r = decide_day_after_irrigation(refill(7), 62.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kMinDaysBetween);
  EXPECT_EQ(decision_reason_name(r.trace.reason), "min-days-between");
  EXPECT_FALSE(r.trace.irrigate);
  EXPECT_NEAR(r.trace.dr_projected_mm, dr_star, 1e-9);
  EXPECT_TRUE(has(r.reason, "without irrigation 67.0 mm (Dr 62.0 mm")) << r.reason;
  EXPECT_TRUE(has(r.reason, "reaches the trigger 57.")) << r.reason;
  EXPECT_TRUE(has(r.reason, "but only 1 day since the last irrigation (min_days_between 7 days)"))
      << r.reason;
  // Without the rule the same day irrigates.
  EXPECT_EQ(decide_day_after_irrigation(refill(0), 62.0, 5.0).trace.reason,
            DecisionReason::kIrrigate);
}

TEST(DecisionLabels, HarvestStopOnlyWhenTheTriggerWasReached) {
  auto s = refill();
  s.stop_days_before_harvest = 15;
  // Day 116 of 130: 14 days left. Dr 62 + 5.5 reaches the trigger → harvest-stop.
  const Decided stop = decide_day_after_irrigation(s, 62.0, 5.0, 0.0, 116);
  EXPECT_EQ(stop.trace.reason, DecisionReason::kHarvestStop);
  EXPECT_TRUE(has(stop.reason, "reaches the trigger")) << stop.reason;
  EXPECT_TRUE(has(stop.reason,
                  "but 14 days to the end of the season on 2025-09-09 (irrigation "
                  "stops 15 days before harvest)"))
      << stop.reason;
  // Dr 8 in the same window: nothing was wanted, so below-trigger (late season: Kcb falls
  // from 1.10 towards 0.50, so ETa is below 5.5 mm).
  const Decided below = decide_day_after_irrigation(s, 8.0, 5.0, 0.0, 116);
  EXPECT_EQ(below.trace.reason, DecisionReason::kBelowTrigger);
  EXPECT_NEAR(below.trace.dr_projected_mm, 8.0 + below.trace.eta_mm, 1e-9);
  EXPECT_LT(below.trace.eta_mm, 5.5);
  EXPECT_TRUE(has(below.reason, fmt::format("without irrigation {:.1f} mm (Dr 8.0 mm",
                                            below.trace.dr_projected_mm)))
      << below.reason;
}

TEST(DecisionLabels, RainForecastOnlyWhenTheTriggerWasReached) {
  auto s = refill();
  s.skip_if_rain_mm = 10.0;
  s.rain_window_days = 2;
  // Today 0 mm, tomorrow 12 mm: 12 mm over 2 days ≥ 10 mm.
  const std::vector<DayInputs> outlook{day("2025-07-01", 5.0), day("2025-07-02", 5.0, 12.0)};
  const Decided skip = decide_day_after_irrigation(s, 62.0, 5.0, 0.0, 60, outlook);
  EXPECT_EQ(skip.trace.reason, DecisionReason::kRainForecast);
  EXPECT_EQ(decision_reason_name(skip.trace.reason), "rain-forecast");
  EXPECT_NEAR(skip.trace.forecast_rain_mm, 12.0, 1e-12);
  EXPECT_TRUE(has(skip.reason, "reaches the trigger")) << skip.reason;
  EXPECT_TRUE(has(skip.reason,
                  "but 12.0 mm of rain expected over 2 days from 2025-07-01 reaches "
                  "skip_if_rain_mm 10.0 mm"))
      << skip.reason;
  const Decided below = decide_day_after_irrigation(s, 8.0, 5.0, 0.0, 60, outlook);
  EXPECT_EQ(below.trace.reason, DecisionReason::kBelowTrigger);
}

TEST(DecisionLabels, FixedIntervalNotDueBeforeTheMinimumInterval) {
  StrategySettings s = refill(2);
  s.kind = StrategyKind::kFixedInterval;
  s.interval_days = {10, 8, 6, 12};
  // One day after the irrigation, mid-season interval 6 d: the interval decides.
  const Decided r = decide_day_after_irrigation(s, 30.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kIntervalNotDue);
  EXPECT_EQ(decision_reason_name(r.trace.reason), "interval-not-due");
  EXPECT_EQ(r.trace.interval_d, 6);
  EXPECT_TRUE(has(r.reason,
                  "1 day since the last irrigation; the mid-season-stage interval is 6 "
                  "days"))
      << r.reason;
  // The interval due (1 d) but min_days_between 2: now the minimum interval decides.
  s.interval_days = {1, 1, 1, 1};
  const Decided m = decide_day_after_irrigation(s, 30.0, 5.0);
  EXPECT_EQ(m.trace.reason, DecisionReason::kMinDaysBetween);
  EXPECT_TRUE(has(m.reason,
                  "1 day since the last irrigation reach the mid-season-stage interval "
                  "of 1 day, but only 1 day since the last irrigation "
                  "(min_days_between 2 days)"))
      << m.reason;
}

TEST(DecisionLabels, NoIntervalInStage) {
  StrategySettings s = refill(7);
  s.kind = StrategyKind::kFixedInterval;
  s.interval_days = {10, 8, 0, 12};
  const Decided r = decide_day_after_irrigation(s, 80.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kNoIntervalInStage);
  EXPECT_EQ(decision_reason_name(r.trace.reason), "no-interval-in-stage");
  EXPECT_TRUE(has(r.reason, "no interval in the mid-season stage")) << r.reason;
}

TEST(DecisionLabels, EtReplacementNotDueAndNothingToReplace) {
  StrategySettings s = refill(0);
  s.kind = StrategyKind::kEtReplacement;
  s.replace_every_days = 3;
  const Decided r = decide_day_after_irrigation(s, 10.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kIntervalNotDue);
  EXPECT_TRUE(has(r.reason,
                  "1 day since the last irrigation; the ET-replacement interval is 3 "
                  "days"))
      << r.reason;
  // Every day, but 20 mm of rain today against ETc 5.5 mm: ET − rain since the last irrigation
  // is 5.5 − 20 = −14.5 mm, nothing to replace.
  s.replace_every_days = 1;
  const Decided n = decide_day_after_irrigation(s, 10.0, 5.0, 20.0);
  EXPECT_EQ(n.trace.reason, DecisionReason::kNothingToApply);
  EXPECT_EQ(decision_reason_name(n.trace.reason), "nothing-to-apply");
  EXPECT_NEAR(n.trace.et_since_irrigation_mm, -14.5, 1e-9);
  EXPECT_TRUE(has(n.reason,
                  "reach the replacement interval of 1 day, but 100 % of ETc − effective rain "
                  "since the last irrigation (-14.5 mm) is 0.0 mm: nothing to replace"))
      << n.reason;
}

TEST(DecisionLabels, FixedIntervalWithNothingToRefill) {
  StrategySettings s = refill(0);
  s.kind = StrategyKind::kFixedInterval;
  s.interval_days = {1, 1, 1, 1};
  // Dr 0 and no ET today: the refill depth is 0.
  const Decided r = decide_day_after_irrigation(s, 0.0, 0.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kNothingToApply);
  EXPECT_NEAR(r.trace.refill_mm, 0.0, 1e-12);
  EXPECT_TRUE(has(r.reason, "but the root zone needs no water (refill depth 0.0 mm)")) << r.reason;
}

TEST(DecisionLabels, DeficitWithRefillFractionZeroHasNothingToApply) {
  StrategySettings s = refill(0);
  s.kind = StrategyKind::kDeficit;
  s.refill_fraction = 0.0;
  // The trigger is met (Dr* 67.0 mm ≥ 57.75 mm) and the refill depth is 67.0 mm, but 0 % of it
  // is 0 mm: the label is nothing-to-apply and the reason says why (not "needs no water").
  const Decided r = decide_day_after_irrigation(s, 62.0, 5.0);
  EXPECT_EQ(r.trace.reason, DecisionReason::kNothingToApply);
  EXPECT_NEAR(r.trace.refill_mm, 62.0 + 43.0 / 47.25 * 5.5, 1e-9);
  EXPECT_TRUE(has(r.reason, "reaches the trigger 57.")) << r.reason;
  EXPECT_TRUE(has(r.reason,
                  "but 0 % (refill_fraction) of the refill depth 67.0 mm is 0.0 mm: "
                  "nothing to apply"))
      << r.reason;
}

TEST(DecisionLabels, IrrigateSeasonOverAndRainFed) {
  const Decided go = decide_day_after_irrigation(refill(), 62.0, 5.0);
  EXPECT_EQ(go.trace.reason, DecisionReason::kIrrigate);
  // Refill (fw 1, so ETa is the dry day's): net = Dr* = 62 + 0.91005 · 5.5 = 67.005 mm, gross
  // 67.005 / 0.6 = 111.68 mm = 1117 m³ on 1 ha.
  const double net = 62.0 + 43.0 / 47.25 * 5.5;
  EXPECT_NEAR(go.trace.net_mm, net, 1e-9);
  EXPECT_NEAR(go.trace.gross_mm, net / 0.6, 1e-9);
  EXPECT_TRUE(has(go.reason, "net 67.0 mm, gross 111.7 mm at 60 % furrow efficiency = 1117 m³"))
      << go.reason;
  const Decided over = decide_day_after_irrigation(refill(), 62.0, 5.0, 0.0, 131);
  EXPECT_EQ(over.trace.reason, DecisionReason::kSeasonOver);
  EXPECT_TRUE(has(over.reason, "the crop calendar ended on 2025-09-09 (130 days after planting)"))
      << over.reason;
  StrategySettings rf = refill();
  rf.kind = StrategyKind::kRainFed;
  const Decided never = decide_day_after_irrigation(rf, 62.0, 5.0);
  EXPECT_EQ(never.trace.reason, DecisionReason::kRainFed);
  EXPECT_EQ(decision_reason_name(never.trace.reason), "rain-fed");
}

}  // namespace
}  // namespace egin::fieldwater
