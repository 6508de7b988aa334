#include "egin/fieldwater/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "egin/core/input_error.hpp"
#include "egin/fieldwater/application_method.hpp"
#include "egin/fieldwater/day_inputs.hpp"

namespace egin::fieldwater {

namespace {

constexpr int kRecentDays = 7;  // the window of the recent-mean projection

std::string weather_range(const agromet::DailyWeatherSeries& w) {
  if (w.days.empty()) {
    return "the weather has no days";
  }
  return fmt::format("{} to {}", w.days.front().date.iso(), w.days.back().date.iso());
}

// "1 day", "3 days".
std::string days_text(int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

std::string volume_text(double gross_mm, const FieldConfig& field) {
  return fmt::format("{:.0f} m³ on {:.1f} ha", volume_m3(gross_mm, field.area_ha), field.area_ha);
}

std::string depths_text(const StrategyTrace& t, const FieldConfig& field) {
  std::string text = fmt::format("net {:.1f} mm, gross {:.1f} mm at {:.0f} % {} efficiency = {}",
                                 t.net_mm, t.gross_mm, t.efficiency_pct, field.method_info().name,
                                 volume_text(t.gross_mm, field));
  if (t.capped) {
    text += fmt::format(" (gross capped at max_depth_mm {:.1f} mm)", field.strategy.max_depth_mm);
  }
  return text;
}

std::string depletion_text(const StrategyTrace& t) {
  return fmt::format(
      "root-zone depletion expected by the end of {} without irrigation {:.1f} mm (Dr {:.1f} mm "
      "at the end of the day before + ETa {:.1f} mm − effective rain {:.1f} mm)",
      t.date.iso(), t.dr_projected_mm, t.dr_start_mm, t.eta_mm, t.rain_mm - t.runoff_mm);
}

std::string trigger_text(const StrategyTrace& t, const StrategySettings& s) {
  if (s.trigger_basis == TriggerBasis::kTaw) {
    return fmt::format("the trigger {:.1f} mm (= {:.2f} × TAW {:.1f} mm)", t.threshold_mm,
                       s.mad_fraction, t.taw_mm);
  }
  const std::string factor = s.mad_fraction == 1.0 ? "" : fmt::format("{:.2f} × ", s.mad_fraction);
  if (!std::isnan(t.raw_next_mm) && t.raw_next_mm < t.raw_mm) {
    // Tomorrow's RAW is lower: Ks tomorrow is judged against it (FAO-56 Eq. 84).
    return fmt::format(
        "the trigger {:.1f} mm (= {}tomorrow's readily available water RAW {:.1f} mm, lower "
        "than today's {:.1f} mm = p {:.2f} × TAW {:.1f} mm)",
        t.threshold_mm, factor, t.raw_next_mm, t.raw_mm, t.p, t.taw_mm);
  }
  return fmt::format(
      "the trigger {:.1f} mm (= {}readily available water RAW {:.1f} mm, p = {:.2f}, TAW = "
      "{:.1f} mm)",
      t.threshold_mm, factor, t.raw_mm, t.p, t.taw_mm);
}

// Why the kind's own rule wants water today (its trigger met).
std::string trigger_met_text(const StrategyTrace& t, const StrategySettings& s) {
  switch (s.kind) {
    case StrategyKind::kRefill:
    case StrategyKind::kFixedDepth:
    case StrategyKind::kDeficit:
      return fmt::format("{} reaches {}", depletion_text(t), trigger_text(t, s));
    case StrategyKind::kFixedInterval:
      return fmt::format("{} since the last irrigation reach the {}-stage interval of {}",
                         days_text(t.days_since_irrigation), stage_name(t.stage),
                         days_text(t.interval_d));
    case StrategyKind::kEtReplacement:
      return fmt::format("{} since the last irrigation reach the replacement interval of {}",
                         days_text(t.days_since_irrigation), days_text(t.interval_d));
    case StrategyKind::kRainFed:
      break;
  }
  return {};
}

}  // namespace

std::string_view projection_weather_name(ProjectionWeather source) {
  switch (source) {
    case ProjectionWeather::kForecast:
      return "forecast";
    case ProjectionWeather::kObserved:
      return "observed";
    case ProjectionWeather::kRecentMean:
      return "recent-mean";
  }
  return "?";
}

std::string_view stage_name(int stage) {
  switch (stage) {
    case 0:
      return "initial";
    case 1:
      return "development";
    case 2:
      return "mid-season";
    default:
      return "late-season";
  }
}

std::string explain_decision(const StrategyTrace& t, const FieldConfig& field) {
  const StrategySettings& s = field.strategy;
  switch (t.reason) {
    case DecisionReason::kRecorded:
      return fmt::format(
          "recorded irrigation on {}: gross {:.1f} mm (net {:.1f} mm at {:.0f} %) = {}",
          t.date.iso(), t.gross_mm, t.net_mm, t.efficiency_pct, volume_text(t.gross_mm, field));
    case DecisionReason::kNotScheduled:
      return fmt::format("no recorded irrigation on {}", t.date.iso());
    case DecisionReason::kRainFed:
      return "no irrigation: the field is rain-fed (strategy rain-fed)";
    case DecisionReason::kSeasonOver:
      return fmt::format("no irrigation: the crop calendar ended on {} ({} days after planting)",
                         field.harvest().iso(), t.season_length_d);
    case DecisionReason::kHarvestStop:
      return fmt::format(
          "no irrigation: {}, but {} to the end of the season on {} (irrigation stops {} "
          "before harvest)",
          trigger_met_text(t, s), days_text(t.season_length_d - t.day_index), field.harvest().iso(),
          days_text(s.stop_days_before_harvest));
    case DecisionReason::kMinDaysBetween:
      return fmt::format(
          "no irrigation: {}, but only {} since the last irrigation (min_days_between {})",
          trigger_met_text(t, s), days_text(t.days_since_irrigation),
          days_text(s.min_days_between));
    case DecisionReason::kBelowTrigger: {
      const double etc = t.etc_mm > 0.0 ? t.etc_mm : 0.0;
      std::string text =
          fmt::format("no irrigation: {} is below {}", depletion_text(t), trigger_text(t, s));
      if (etc > 0.0) {
        text += fmt::format("; {:.1f} mm to go, about {:.0f} days at today's ETc {:.1f} mm/d",
                            t.threshold_mm - t.dr_projected_mm,
                            std::ceil((t.threshold_mm - t.dr_projected_mm) / etc), etc);
      }
      return text;
    }
    case DecisionReason::kIntervalNotDue:
      return fmt::format("no irrigation: {} since the last irrigation; the {} interval is {}",
                         days_text(t.days_since_irrigation),
                         s.kind == StrategyKind::kFixedInterval
                             ? fmt::format("{}-stage", stage_name(t.stage))
                             : std::string("ET-replacement"),
                         days_text(t.interval_d));
    case DecisionReason::kNoIntervalInStage:
      return fmt::format("no irrigation: the strategy has no interval in the {} stage",
                         stage_name(t.stage));
    case DecisionReason::kRainForecast:
      return fmt::format(
          "no irrigation: {}, but {:.1f} mm of rain expected over {} days from {} reaches "
          "skip_if_rain_mm {:.1f} mm",
          trigger_met_text(t, s), t.forecast_rain_mm, t.forecast_window_d, t.date.iso(),
          s.skip_if_rain_mm);
    case DecisionReason::kNothingToApply:
      if (s.kind == StrategyKind::kEtReplacement) {
        return fmt::format(
            "no irrigation: {}, but {:.0f} % of {} − effective rain since the last irrigation "
            "({:.1f} mm) is {:.1f} mm: nothing to replace",
            trigger_met_text(t, s), s.replacement_pct, s.replace_eta ? "ETa" : "ETc",
            t.et_since_irrigation_mm,
            std::max(s.replacement_pct / 100.0 * t.et_since_irrigation_mm, 0.0));
      }
      if (s.kind == StrategyKind::kDeficit) {
        return fmt::format(
            "no irrigation: {}, but {:.0f} % (refill_fraction) of the refill depth {:.1f} mm is "
            "{:.1f} mm: nothing to apply",
            trigger_met_text(t, s), 100.0 * s.refill_fraction, t.refill_mm,
            s.refill_fraction * t.refill_mm);
      }
      return fmt::format(
          "no irrigation: {}, but the root zone needs no water (refill depth {:.1f} mm)",
          trigger_met_text(t, s), t.refill_mm);
    case DecisionReason::kIrrigate:
      break;
  }
  // Irrigate: the trigger, then the depth.
  const std::string why = trigger_met_text(t, s);
  std::string how;
  switch (s.kind) {
    case StrategyKind::kRefill:
      how = "refill to field capacity";
      break;
    case StrategyKind::kFixedInterval:
      how = std::isnan(s.depth_mm)
                ? fmt::format("refill to field capacity (depletion {:.1f} mm + ETa − rain)",
                              t.dr_start_mm)
                : fmt::format("apply the fixed net depth {:.1f} mm", s.depth_mm);
      break;
    case StrategyKind::kFixedDepth:
      how = fmt::format("apply the fixed net depth {:.1f} mm", s.depth_mm);
      break;
    case StrategyKind::kDeficit:
      how = fmt::format("deficit irrigation refills {:.0f} % of the {:.1f} mm refill depth",
                        100.0 * s.refill_fraction, t.refill_mm);
      break;
    case StrategyKind::kEtReplacement:
      how = fmt::format(
          "replace {:.0f} % of {} − effective rain since the last irrigation "
          "({:.1f} mm)",
          s.replacement_pct, s.replace_eta ? "ETa" : "ETc", t.et_since_irrigation_mm);
      break;
    case StrategyKind::kRainFed:
      break;
  }
  return fmt::format("{}; {}: {}", why, how, depths_text(t, field));
}

ScheduleResult run_schedule(const FieldConfig& field, const agromet::DailyWeatherSeries& observed,
                            const agromet::DailyWeatherSeries* forecast,
                            const ScheduleRequest& request) {
  if (request.days_ahead < 1 || request.days_ahead > 16) {
    throw InputError({"", 0, "--days"}, fmt::format("{} days ahead", request.days_ahead),
                     "1 to 16 days");
  }
  if (observed.days.empty()) {
    throw InputError({observed.source, 0, "date"}, "the weather has no days",
                     "daily weather from planting on");
  }
  ScheduleResult out;
  out.planting = field.planting;
  out.as_of = request.as_of.value_or(observed.days.back().date);
  if (out.as_of < observed.days.front().date || out.as_of > observed.days.back().date) {
    throw InputError({observed.source, 0, "--date"},
                     fmt::format("date {} is outside the weather", out.as_of.iso()),
                     fmt::format("a date within the weather's range {}", weather_range(observed)));
  }
  if (out.as_of < field.planting) {
    throw InputError(
        {field.source, 0, "--date"},
        fmt::format("date {} is before planting ({})", out.as_of.iso(), field.planting.iso()),
        fmt::format("a date from {} to {}", field.planting.iso(), observed.days.back().date.iso()));
  }
  if (field.planting < observed.days.front().date) {
    throw InputError(
        {field.source, 0, "planting_date"},
        fmt::format("planting {} is before the weather begins", field.planting.iso()),
        fmt::format("weather from planting on; the weather covers {}", weather_range(observed)));
  }

  // Inputs: observed planting .. as-of, then the projection.
  std::vector<DayInputs> days = prepare_season_inputs(observed, field.planting, out.as_of);
  const std::size_t n_observed = days.size();
  std::vector<ProjectionWeather> sources;
  DayInputs mean_day;
  bool mean_ready = false;
  int from_forecast = 0;
  int from_observed = 0;
  for (int k = 1; k <= request.days_ahead; ++k) {
    const Date d = out.as_of + k;
    const agromet::DailyWeather* w = forecast != nullptr ? forecast->find(d) : nullptr;
    if (w != nullptr) {
      days.push_back(day_inputs_from_weather(*w, forecast->site, forecast->source));
      sources.push_back(ProjectionWeather::kForecast);
      ++from_forecast;
      continue;
    }
    w = observed.find(d);
    if (w != nullptr && !agromet::is_missing(w->et0_mm) && !agromet::is_missing(w->precip_mm)) {
      days.push_back(day_inputs_from_weather(*w, observed.site, observed.source));
      sources.push_back(ProjectionWeather::kObserved);
      ++from_observed;
      continue;
    }
    if (!mean_ready) {
      // Mean of the last kRecentDays observed days up to the as-of date.
      const std::size_t first = n_observed > kRecentDays ? n_observed - kRecentDays : 0;
      double et = 0.0;
      double u2 = 0.0;
      double rh = 0.0;
      for (std::size_t i = first; i < n_observed; ++i) {
        et += days[i].et_ref_mm;
        u2 += days[i].u2_m_s;
        rh += days[i].rh_min_pct;
      }
      const double n = static_cast<double>(n_observed - first);
      mean_day.et_ref_mm = et / n;
      mean_day.u2_m_s = u2 / n;
      mean_day.rh_min_pct = rh / n;
      mean_day.precip_mm = 0.0;
      out.recent_mean_et0_mm = mean_day.et_ref_mm;
      mean_ready = true;
      out.notes.push_back(
          fmt::format("no forecast for {} on: projected with the mean ETo of the {} days up to {} "
                      "({:.2f} mm/d) and no rain",
                      d.iso(), n_observed - first, out.as_of.iso(), mean_day.et_ref_mm));
    }
    DayInputs in = mean_day;
    in.date = d;
    days.push_back(in);
    sources.push_back(ProjectionWeather::kRecentMean);
  }
  if (from_forecast > 0) {
    out.notes.push_back(
        fmt::format("{} projected days from the forecast {}", from_forecast, forecast->source));
  }
  if (from_observed > 0) {
    out.notes.push_back(
        fmt::format("{} projected days from the observed weather after {} (a hindcast)",
                    from_observed, out.as_of.iso()));
  }

  // One run over both parts: the record before the as-of date, the strategy after it.
  IrrigationStrategy strategy = make_field_strategy(
      field,
      request.simulate_past || field.history_follows_strategy ? field.planting : out.as_of + 1);
  strategy.set_outlook(days);
  WaterBalanceState state = initial_state(field.params);
  out.observed.reserve(n_observed);
  out.projection.reserve(days.size() - n_observed);
  for (std::size_t i = 0; i < days.size(); ++i) {
    const IrrigationDecision decision =
        strategy.irrigation_for({state, days[i], field.params, field.options});
    const DayRates rates = compute_rates(field.params, field.options, state, days[i], decision);
    state = integrate(field.params, field.options, state, rates);
    const DayRecord record = make_record(field.options, rates, state);
    if (i < n_observed) {
      out.observed.push_back(record);
      if (i + 1 == n_observed) {
        out.state_as_of = state;
      }
    } else {
      out.projection.push_back({record, strategy.last_trace(), sources[i - n_observed]});
    }
  }
  out.observed_summary = summarize(out.observed);
  out.observed_yield = field_yield_reduction(field, out.observed);

  const StrategyTrace& first = out.projection.front().trace;
  Recommendation& r = out.recommendation;
  r.date = first.date;
  r.irrigate = first.irrigate;
  r.net_mm = first.irrigate ? first.net_mm : 0.0;
  r.gross_mm = first.irrigate ? first.gross_mm : 0.0;
  r.volume_m3 = volume_m3(r.gross_mm, field.area_ha);
  r.reason = explain_decision(first, field);
  r.trace = first;
  return out;
}

}  // namespace egin::fieldwater
