// Irrigation strategies: the scheduling rules of CROPWAT 8 ("irrigation timing" and
// "application depth") and pyfao56's AutoIrrigate, as one IrrigationSource that decides each
// day's irrigation from the state of the water balance and explains every decision with its
// numbers (StrategyTrace). It holds the rules only: no file format (field_config.hpp), no
// season loop (season.hpp), no text for people (schedule.hpp turns traces into words).
//
// Kinds (StrategyKind) — when to irrigate, and how much (net depth):
// | kind           | trigger                                         | net depth                     |
// |----------------|-------------------------------------------------|-------------------------------|
// | refill         | Dr* ≥ MAD                                       | refill to field capacity      |
// | fixed-interval | days since the last irrigation ≥ the stage's    | refill, or depth_mm if given  |
// |                | interval (ini, dev, mid, late; 0 = none)        |                               |
// | fixed-depth    | Dr* ≥ MAD                                       | depth_mm                      |
// | deficit        | Dr* ≥ MAD                                       | refill_fraction · refill      |
// | et-replacement | every replace_every_days days                   | replacement_pct % of (ET −    |
// |                |                                                 | effective rain) since the last|
// | rain-fed       | never                                           | —                             |
// Dr* is the root-zone depletion expected at the END of today if nothing is applied today:
//   Dr* = Dr(yesterday) − (rain − runoff) + ETa(today)           (FAO-56 Eq. 85 without I, DP)
// MAD, the management allowed depletion, is mad_fraction · RAW (default 1.0: "at RAW", FAO-56
// Eq. 83 RAW = p · TAW) or mad_fraction · TAW (trigger_basis taw). With an outlook (see below)
// the RAW-based MAD uses min(RAW today, RAW tomorrow): Ks of tomorrow is computed from tonight's
// Dr against tomorrow's RAW (FAO-56 Eq. 84), and RAW moves with ETc through p (FAO-56 Table 22
// footnote), so "refill at RAW" then keeps Ks = 1 on every day.
// Refill to field capacity applies what brings tonight's Dr to 0:
//   net = Dr(yesterday) − (rain − runoff) + ETa(today, with the irrigation's fw)
// (ETa depends on the wetted fraction fw through Ke, FAO-56 Eqs. 71, 75.)
// Gross depth = net / (efficiency / 100) (application_method.hpp); the water balance books the
// difference as IrrLoss, so the root zone receives the net depth.
//
// The decision, in this order; the first rule that says no names the day (DecisionReason), so
// a label names the rule that actually decided: the holding-back options (harvest stop, minimum
// interval, forecast rain) are reported only on days the kind itself wanted to irrigate.
//   after the season (day index > L_total) → no (season-over);
//   the kind's trigger not met → no (below-trigger; fixed-interval / et-replacement:
//     no-interval-in-stage, interval-not-due);
//   net depth below 0.1 mm → no (nothing-to-apply: nothing to refill or replace);
//   within stop_days_before_harvest of the season's end → no (harvest-stop);
//   fewer than min_days_between days since the last irrigation → no (min-days-between);
//   forecast rain over today and the next rain_window_days − 1 days ≥ skip_if_rain_mm → no
//     (rain-forecast);
//   gross depth above max_depth_mm → capped to max_depth_mm.
//
// Recorded irrigation: events given to the strategy are applied as recorded on their dates (and
// count as the last irrigation); before `strategy_from` only recorded events are applied, from
// that date on the strategy decides the other days. This is how `egin schedule` runs the
// observed past on the farm's log and the projection on the strategy.
//
// Outlook: the days the strategy may look ahead into (forecast rain, tomorrow's RAW), in date
// order without gaps; in a season run it is the season's own weather (a perfect forecast), in
// `egin schedule` the observed days followed by the forecast. Without one, MAD uses today's
// RAW and the rain forecast is today's rain alone.
//
// Per call the strategy runs compute_rates/integrate (water_balance.hpp) two or three times on
// copies; it does not allocate.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"
#include "egin/fieldwater/irrigation_source.hpp"
#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {

enum class StrategyKind {
  kRefill,
  kFixedInterval,
  kFixedDepth,
  kDeficit,
  kEtReplacement,
  kRainFed
};

/// "refill", "fixed-interval", "fixed-depth", "deficit", "et-replacement", "rain-fed"
/// ('_' for '-' accepted, "never" = rain-fed); nullopt otherwise.
std::optional<StrategyKind> parse_strategy_kind(std::string_view name);
std::string_view strategy_kind_name(StrategyKind kind);
/// The kind names joined by ", ".
std::string strategy_kind_names();

enum class TriggerBasis { kRaw, kTaw };

struct StrategySettings {
  StrategyKind kind = StrategyKind::kRefill;
  // Trigger of refill, fixed-depth and deficit: Dr* ≥ mad_fraction · RAW (or · TAW).
  TriggerBasis trigger_basis = TriggerBasis::kRaw;
  double mad_fraction = 1.0;  // 0.1..1.5 of RAW, 0.05..1 of TAW
  // fixed-interval: days between irrigations in the initial, development, mid and late stage.
  std::array<int, 4> interval_days{0, 0, 0, 0};
  // fixed-depth (required) and fixed-interval (optional; NaN = refill): net depth per event, mm.
  double depth_mm = agromet::kMissing;
  // deficit: the fraction of the refill depth applied, 0..1.
  double refill_fraction = 0.7;
  // et-replacement
  int replace_every_days = 7;
  double replacement_pct = 100.0;
  bool replace_eta = false;  // replace ETa (stressed) instead of ETc
  // options for every kind
  int min_days_between = 0;
  double max_depth_mm = agromet::kMissing;  // gross, per event; NaN = no cap
  int stop_days_before_harvest = 0;
  double skip_if_rain_mm = agromet::kMissing;  // NaN = never skip
  int rain_window_days = 3;
  // the application method (application_method.hpp)
  double efficiency_pct = 100.0;
  double fw = 1.0;
};

/// Why the strategy decided what it did on a day.
enum class DecisionReason {
  kRecorded,           // a recorded event
  kNotScheduled,       // before strategy_from: only recorded events apply
  kRainFed,            // the rain-fed kind
  kSeasonOver,         // after the end of the season
  kHarvestStop,        // trigger met, but within stop_days_before_harvest of the end
  kMinDaysBetween,     // trigger met, but too soon after the last irrigation
  kBelowTrigger,       // Dr* below MAD
  kIntervalNotDue,     // fixed interval / ET replacement not due yet
  kNoIntervalInStage,  // fixed interval 0 in this stage
  kRainForecast,       // trigger met, but enough rain expected
  kNothingToApply,     // trigger met, but the net depth came out below 0.1 mm
  kIrrigate,           // the kind's trigger met: irrigate
};

std::string_view decision_reason_name(DecisionReason reason);

/// Every number behind one day's decision (mm unless named otherwise).
struct StrategyTrace {
  Date date;
  StrategyKind kind = StrategyKind::kRefill;
  DecisionReason reason = DecisionReason::kBelowTrigger;
  bool irrigate = false;
  int day_index = 0;  // days since planting (0 = planting day)
  int stage = 0;      // 0 initial, 1 development, 2 mid-season, 3 late season
  int season_length_d = 0;
  double dr_start_mm = 0.0;  // Dr at the end of yesterday
  double et_ref_mm = 0.0;
  double etc_mm = 0.0;
  double eta_mm = 0.0;  // without irrigation today
  double rain_mm = 0.0;
  double runoff_mm = 0.0;
  double dr_projected_mm = 0.0;  // Dr* (see the file comment)
  double taw_mm = 0.0;
  double p = 0.0;
  double raw_mm = 0.0;
  double raw_next_mm = agromet::kMissing;   // tomorrow's RAW without irrigation today
  double threshold_mm = agromet::kMissing;  // MAD in mm (refill, fixed-depth, deficit)
  int days_since_irrigation = 0;  // since the last irrigation, or day_index + 1 if none yet
  int interval_d = 0;             // the interval due (fixed-interval, et-replacement)
  double forecast_rain_mm = agromet::kMissing;
  int forecast_window_d = 0;
  double et_since_irrigation_mm = 0.0;  // ET − effective rain since the last irrigation
  double refill_mm = 0.0;               // net depth that brings tonight's Dr to 0
  double net_mm = 0.0;
  double gross_mm = 0.0;
  bool capped = false;  // gross limited to max_depth_mm
  double efficiency_pct = 100.0;
  double fw = 1.0;
};

class IrrigationStrategy final : public IrrigationSource {
 public:
  /// Checks the settings' ranges (throws egin::InputError naming the setting and its range;
  /// the field-file reader checks with lines first).
  explicit IrrigationStrategy(StrategySettings settings);

  /// Recorded events (strictly increasing dates; std::invalid_argument otherwise) and the first
  /// day the strategy itself decides (default: from the first day).
  void set_recorded(std::vector<IrrigationEvent> events,
                    std::optional<Date> strategy_from = std::nullopt);

  /// The days the strategy may look ahead into (consecutive dates). The span must outlive the
  /// runs; an empty span means no outlook.
  void set_outlook(std::span<const DayInputs> days) { outlook_ = days; }

  /// Forgets the memory (last irrigation, ET since) for a new run.
  void reset();

  IrrigationDecision irrigation_for(const IrrigationQuery& query) override;

  /// The trace of the last call.
  [[nodiscard]] const StrategyTrace& last_trace() const { return trace_; }
  [[nodiscard]] const StrategySettings& settings() const { return settings_; }

 private:
  [[nodiscard]] const DayInputs* outlook_day(Date date) const;
  void decide(const IrrigationQuery& query, const DayRates& dry, const WaterBalanceState& night);
  void remember(Date today, const DayRates& dry, double gross_mm);

  StrategySettings settings_;
  std::vector<IrrigationEvent> recorded_;
  std::size_t cursor_ = 0;
  std::optional<Date> strategy_from_;
  std::span<const DayInputs> outlook_;
  std::optional<Date> last_irrigation_;
  double et_since_mm_ = 0.0;
  StrategyTrace trace_;
};

/// Checks a strategy's settings; throws egin::InputError naming the setting (as in field
/// files, e.g. "strategy.mad_fraction"), `source` and `line`, and the accepted range.
void validate_strategy_settings(const StrategySettings& s, const std::string& source = {},
                                int line = 0);

}  // namespace egin::fieldwater
