#include "egin/fieldwater/irrigation_strategies.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/application_method.hpp"

namespace egin::fieldwater {

namespace {

constexpr double kSmallestNetMm = 0.1;  // below this an application is not worth making

struct KindName {
  StrategyKind kind;
  const char* name;
};

constexpr std::array<KindName, 6> kKindNames{{
    {StrategyKind::kRefill, "refill"},
    {StrategyKind::kFixedInterval, "fixed-interval"},
    {StrategyKind::kFixedDepth, "fixed-depth"},
    {StrategyKind::kDeficit, "deficit"},
    {StrategyKind::kEtReplacement, "et-replacement"},
    {StrategyKind::kRainFed, "rain-fed"},
}};

bool uses_mad(StrategyKind kind) {
  return kind == StrategyKind::kRefill || kind == StrategyKind::kFixedDepth ||
         kind == StrategyKind::kDeficit;
}

// Growth stage of day i as FAO-56 Fig. 25 counts it (crops/kc_curve.hpp growth_stage): initial
// for i ≤ L_ini, development up to L_ini + L_dev, mid-season up to + L_mid, late after.
int stage_of_day(const WaterBalanceParameters& p, int i) {
  if (i <= p.l_ini_d) {
    return 0;
  }
  if (i <= p.l_ini_d + p.l_dev_d) {
    return 1;
  }
  if (i <= p.l_ini_d + p.l_dev_d + p.l_mid_d) {
    return 2;
  }
  return 3;
}

[[noreturn]] void bad_setting(const std::string& source, int line, const char* key,
                              std::string problem, std::string expected) {
  throw InputError({source, line, fmt::format("strategy.{}", key)}, std::move(problem),
                   std::move(expected));
}

void check_range(const std::string& source, int line, const char* key, double value, double lo,
                 double hi, const char* unit) {
  if (!(value >= lo && value <= hi)) {
    bad_setting(source, line, key, fmt::format("value {} is out of range", value),
                fmt::format("{} to {}{}{}", lo, hi, *unit != '\0' ? " " : "", unit));
  }
}

}  // namespace

std::optional<StrategyKind> parse_strategy_kind(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '_', '-');
  std::transform(key.begin(), key.end(), key.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (key == "never" || key == "none" || key == "rainfed") {
    return StrategyKind::kRainFed;
  }
  for (const KindName& k : kKindNames) {
    if (key == k.name) {
      return k.kind;
    }
  }
  return std::nullopt;
}

std::string_view strategy_kind_name(StrategyKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) {
      return k.name;
    }
  }
  return "?";
}

std::string strategy_kind_names() {
  std::string out;
  for (const KindName& k : kKindNames) {
    if (!out.empty()) {
      out += ", ";
    }
    out += k.name;
  }
  return out;
}

std::string_view decision_reason_name(DecisionReason reason) {
  switch (reason) {
    case DecisionReason::kRecorded:
      return "recorded";
    case DecisionReason::kNotScheduled:
      return "not-scheduled";
    case DecisionReason::kRainFed:
      return "rain-fed";
    case DecisionReason::kSeasonOver:
      return "season-over";
    case DecisionReason::kHarvestStop:
      return "harvest-stop";
    case DecisionReason::kMinDaysBetween:
      return "min-days-between";
    case DecisionReason::kBelowTrigger:
      return "below-trigger";
    case DecisionReason::kIntervalNotDue:
      return "interval-not-due";
    case DecisionReason::kNoIntervalInStage:
      return "no-interval-in-stage";
    case DecisionReason::kRainForecast:
      return "rain-forecast";
    case DecisionReason::kNothingToApply:
      return "nothing-to-apply";
    case DecisionReason::kIrrigate:
      return "irrigate";
  }
  return "?";
}

void validate_strategy_settings(const StrategySettings& s, const std::string& source, int line) {
  if (s.trigger_basis == TriggerBasis::kRaw) {
    check_range(source, line, "mad_fraction_of_raw", s.mad_fraction, 0.1, 1.5, "");
  } else {
    check_range(source, line, "mad_fraction_of_taw", s.mad_fraction, 0.05, 1.0, "");
  }
  for (const int d : s.interval_days) {
    check_range(source, line, "interval_days", d, 0, 60, "d (0: none in that stage)");
  }
  if (s.kind == StrategyKind::kFixedInterval &&
      std::all_of(s.interval_days.begin(), s.interval_days.end(), [](int d) { return d == 0; })) {
    bad_setting(source, line, "interval_days", "every stage has interval 0 (never irrigates)",
                "at least one stage with 1 to 60 d; use kind = \"rain-fed\" for none");
  }
  if (s.kind == StrategyKind::kFixedDepth && agromet::is_missing(s.depth_mm)) {
    bad_setting(source, line, "depth_mm", "fixed-depth needs a depth", "a net depth 1 to 300 mm");
  }
  if (!agromet::is_missing(s.depth_mm)) {
    check_range(source, line, "depth_mm", s.depth_mm, 1.0, 300.0, "mm");
  }
  check_range(source, line, "refill_fraction", s.refill_fraction, 0.0, 1.0, "");
  check_range(source, line, "replace_every_days", s.replace_every_days, 1, 60, "d");
  check_range(source, line, "replacement_pct", s.replacement_pct, 0.0, 200.0, "%");
  check_range(source, line, "min_days_between", s.min_days_between, 0, 60, "d");
  if (!agromet::is_missing(s.max_depth_mm)) {
    check_range(source, line, "max_depth_mm", s.max_depth_mm, 1.0, 500.0, "mm");
  }
  check_range(source, line, "stop_days_before_harvest", s.stop_days_before_harvest, 0, 120, "d");
  if (!agromet::is_missing(s.skip_if_rain_mm)) {
    check_range(source, line, "skip_if_rain_mm", s.skip_if_rain_mm, 0.1, 200.0, "mm");
  }
  check_range(source, line, "rain_window_days", s.rain_window_days, 1, 16, "d");
  check_range(source, line, "efficiency_pct", s.efficiency_pct, 10.0, 100.0, "%");
  check_range(source, line, "fw", s.fw, 0.01, 1.0, "");
}

IrrigationStrategy::IrrigationStrategy(StrategySettings settings) : settings_(settings) {
  validate_strategy_settings(settings_);
  trace_.kind = settings_.kind;
}

void IrrigationStrategy::set_recorded(std::vector<IrrigationEvent> events,
                                      std::optional<Date> strategy_from) {
  for (std::size_t i = 1; i < events.size(); ++i) {
    if (!(events[i - 1].date < events[i].date)) {
      throw std::invalid_argument("recorded irrigation must have strictly increasing dates");
    }
  }
  recorded_ = std::move(events);
  strategy_from_ = strategy_from;
  cursor_ = 0;
}

void IrrigationStrategy::reset() {
  cursor_ = 0;
  last_irrigation_.reset();
  et_since_mm_ = 0.0;
  trace_ = {};
  trace_.kind = settings_.kind;
}

const DayInputs* IrrigationStrategy::outlook_day(Date date) const {
  if (outlook_.empty()) {
    return nullptr;
  }
  const int k = date - outlook_.front().date;
  if (k < 0 || k >= static_cast<int>(outlook_.size())) {
    return nullptr;
  }
  const DayInputs& d = outlook_[static_cast<std::size_t>(k)];
  return d.date == date ? &d : nullptr;
}

void IrrigationStrategy::remember(Date today, const DayRates& dry, double gross_mm) {
  const double et_mm = settings_.replace_eta ? dry.eta_mm : dry.etc_mm;
  if (gross_mm > 0.0) {
    last_irrigation_ = today;
    et_since_mm_ = 0.0;
  } else {
    et_since_mm_ += et_mm - dry.effective_rain_mm;
  }
}

IrrigationDecision IrrigationStrategy::irrigation_for(const IrrigationQuery& query) {
  const WaterBalanceParameters& p = query.params;
  const Date today = query.day.date;

  // Today without irrigation: the "dry" rates and tonight's state.
  const DayRates dry = compute_rates(p, query.options, query.state, query.day, {});
  const WaterBalanceState night = integrate(p, query.options, query.state, dry);

  StrategyTrace& t = trace_;
  t = {};
  t.date = today;
  t.kind = settings_.kind;
  t.day_index = query.state.day_index;
  t.stage = stage_of_day(p, t.day_index);
  t.season_length_d = p.l_ini_d + p.l_dev_d + p.l_mid_d + p.l_end_d;
  t.dr_start_mm = query.state.dr_mm;
  t.et_ref_mm = dry.et_ref_mm;
  t.etc_mm = dry.etc_mm;
  t.eta_mm = dry.eta_mm;
  t.rain_mm = dry.rain_mm;
  t.runoff_mm = dry.runoff_mm;
  t.dr_projected_mm = night.dr_mm;
  t.taw_mm = dry.taw_mm;
  t.p = dry.p;
  t.raw_mm = dry.raw_mm;
  t.days_since_irrigation =
      last_irrigation_ ? today - *last_irrigation_ : query.state.day_index + 1;
  t.et_since_irrigation_mm =
      et_since_mm_ + (settings_.replace_eta ? dry.eta_mm : dry.etc_mm) - dry.effective_rain_mm;
  t.efficiency_pct = settings_.efficiency_pct;
  t.fw = settings_.fw;

  // A recorded event on this date is applied as recorded.
  while (cursor_ < recorded_.size() && recorded_[cursor_].date < today) {
    ++cursor_;
  }
  if (cursor_ < recorded_.size() && recorded_[cursor_].date == today) {
    const IrrigationEvent& e = recorded_[cursor_++];
    t.reason = DecisionReason::kRecorded;
    t.irrigate = e.depth_mm > 0.0;
    t.gross_mm = e.depth_mm;
    t.efficiency_pct = e.efficiency_pct;
    t.fw = e.fw;
    t.net_mm = net_depth_mm(e.depth_mm, e.efficiency_pct);
    remember(today, dry, e.depth_mm);
    return {e.depth_mm, e.fw, e.efficiency_pct};
  }
  if (strategy_from_ && today < *strategy_from_) {
    t.reason = DecisionReason::kNotScheduled;
    remember(today, dry, 0.0);
    return {};
  }

  decide(query, dry, night);
  remember(today, dry, t.gross_mm);
  if (!t.irrigate) {
    return {};
  }
  return {t.gross_mm, settings_.fw, settings_.efficiency_pct};
}

void IrrigationStrategy::decide(const IrrigationQuery& query, const DayRates& dry,
                                const WaterBalanceState& night) {
  const StrategySettings& s = settings_;
  const WaterBalanceParameters& p = query.params;
  StrategyTrace& t = trace_;
  t.irrigate = false;

  if (s.kind == StrategyKind::kRainFed) {
    t.reason = DecisionReason::kRainFed;
    return;
  }
  if (t.day_index > t.season_length_d) {
    t.reason = DecisionReason::kSeasonOver;
    return;
  }
  // The kind's trigger.
  if (uses_mad(s.kind)) {
    if (s.trigger_basis == TriggerBasis::kRaw) {
      double raw_mm = dry.raw_mm;
      if (const DayInputs* tomorrow = outlook_day(query.day.date + 1)) {
        const DayRates next = compute_rates(p, query.options, night, *tomorrow, {});
        t.raw_next_mm = next.raw_mm;
        raw_mm = std::min(raw_mm, next.raw_mm);
      }
      t.threshold_mm = s.mad_fraction * raw_mm;
    } else {
      t.threshold_mm = s.mad_fraction * dry.taw_mm;
    }
    if (t.dr_projected_mm < t.threshold_mm) {
      t.reason = DecisionReason::kBelowTrigger;
      return;
    }
  } else if (s.kind == StrategyKind::kFixedInterval) {
    t.interval_d = s.interval_days[static_cast<std::size_t>(t.stage)];
    if (t.interval_d == 0) {
      t.reason = DecisionReason::kNoIntervalInStage;
      return;
    }
    if (t.days_since_irrigation < t.interval_d) {
      t.reason = DecisionReason::kIntervalNotDue;
      return;
    }
  } else if (s.kind == StrategyKind::kEtReplacement) {
    t.interval_d = s.replace_every_days;
    if (t.days_since_irrigation < t.interval_d) {
      t.reason = DecisionReason::kIntervalNotDue;
      return;
    }
  }

  // Refill depth with the irrigation's wetted fraction (ETa depends on fw through Ke).
  const DayRates wet = compute_rates(p, query.options, query.state, query.day,
                                     {1.0, s.fw, 100.0});  // any positive depth sets fw
  t.refill_mm = std::max(query.state.dr_mm - wet.effective_rain_mm + wet.eta_mm, 0.0);

  double net_mm = 0.0;
  switch (s.kind) {
    case StrategyKind::kRefill:
      net_mm = t.refill_mm;
      break;
    case StrategyKind::kFixedInterval:
      net_mm = agromet::is_missing(s.depth_mm) ? t.refill_mm : s.depth_mm;
      break;
    case StrategyKind::kFixedDepth:
      net_mm = s.depth_mm;
      break;
    case StrategyKind::kDeficit:
      net_mm = s.refill_fraction * t.refill_mm;
      break;
    case StrategyKind::kEtReplacement:
      net_mm = std::max(s.replacement_pct / 100.0 * t.et_since_irrigation_mm, 0.0);
      break;
    case StrategyKind::kRainFed:
      break;
  }
  if (net_mm < kSmallestNetMm) {
    t.reason = DecisionReason::kNothingToApply;
    return;
  }

  // The kind wants to irrigate: the rules that may still hold it back.
  if (t.season_length_d - t.day_index < s.stop_days_before_harvest) {
    t.reason = DecisionReason::kHarvestStop;
    return;
  }
  if (s.min_days_between > 0 && t.days_since_irrigation < s.min_days_between) {
    t.reason = DecisionReason::kMinDaysBetween;
    return;
  }
  // Forecast rain over today and the following days of the window.
  if (!agromet::is_missing(s.skip_if_rain_mm)) {
    double rain_mm = query.day.precip_mm;
    int window_d = 1;
    for (int k = 1; k < s.rain_window_days; ++k) {
      const DayInputs* d = outlook_day(query.day.date + k);
      if (d == nullptr) {
        break;
      }
      rain_mm += d->precip_mm;
      ++window_d;
    }
    t.forecast_rain_mm = rain_mm;
    t.forecast_window_d = window_d;
    if (rain_mm >= s.skip_if_rain_mm) {
      t.reason = DecisionReason::kRainForecast;
      return;
    }
  }

  double gross_mm = gross_depth_mm(net_mm, s.efficiency_pct);
  if (!agromet::is_missing(s.max_depth_mm) && gross_mm > s.max_depth_mm) {
    gross_mm = s.max_depth_mm;
    net_mm = net_depth_mm(gross_mm, s.efficiency_pct);
    t.capped = true;
  }
  t.reason = DecisionReason::kIrrigate;
  t.irrigate = true;
  t.net_mm = net_mm;
  t.gross_mm = gross_mm;
}

}  // namespace egin::fieldwater
