// The irrigation recommendation of `egin schedule`: runs one field's water balance from planting
// to the as-of date on observed weather and the farm's recorded irrigation, then projects a few
// days ahead on a forecast (or, without one, on the recent mean ETo and no rain) with the
// field's strategy deciding, and turns the first projected day's decision into a recommendation
// with its reason in plain words and every number behind it. It reads no files (the caller
// prepares the weather with field_weather.hpp) and formats no output (apps/egin does).
//
// Days. The as-of date D is the last day whose weather is used as observed (default: the last
// day of the weather). The recommendation is for D + 1, the first projected day: the strategy
// sees the depletion at the end of D and D + 1's forecast, exactly as in a season run.
// Projection weather per day, first found: the forecast file; the observed file beyond D (a
// hindcast); the mean ETo, u2 and RHmin of the 7 days up to D with no rain.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/irrigation_strategies.hpp"
#include "egin/fieldwater/season.hpp"
#include "egin/fieldwater/season_yield.hpp"
#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {

struct ScheduleRequest {
  std::optional<Date> as_of;   // default: the last day of the observed weather
  int days_ahead = 7;          // 1..16
  bool simulate_past = false;  // the strategy also decides before the as-of date (days without
                               // a recorded event), instead of the record alone; the field's
                               // history = "strategy" does the same
};

enum class ProjectionWeather { kForecast, kObserved, kRecentMean };
std::string_view projection_weather_name(ProjectionWeather source);

struct ProjectedDay {
  DayRecord record;
  StrategyTrace trace;
  ProjectionWeather weather = ProjectionWeather::kForecast;
};

struct Recommendation {
  Date date;  // the day the irrigation is for (as-of + 1)
  bool irrigate = false;
  double net_mm = 0.0;
  double gross_mm = 0.0;
  double volume_m3 = 0.0;
  std::string reason;  // plain words with the numbers
  StrategyTrace trace;
};

struct ScheduleResult {
  Date planting;
  Date as_of;
  std::vector<DayRecord> observed;  // planting .. as-of
  SeasonSummary observed_summary;
  SeasonYieldReduction observed_yield;  // planting .. as-of (season_yield.hpp)
  WaterBalanceState state_as_of;        // at the end of the as-of date
  std::vector<ProjectedDay> projection;
  double recent_mean_et0_mm = agromet::kMissing;  // when the projection used it
  Recommendation recommendation;
  std::vector<std::string> notes;  // how the projection was made, ET0 fallbacks, …
};

/// Runs the schedule. `observed` and `forecast` (may be null) must have et0_mm filled
/// (prepare_field_weather). Throws egin::InputError when the as-of date is outside the observed
/// weather or before planting, when the weather does not cover planting .. as-of without gaps,
/// or days_ahead is outside 1..16.
[[nodiscard]] ScheduleResult run_schedule(const FieldConfig& field,
                                          const agromet::DailyWeatherSeries& observed,
                                          const agromet::DailyWeatherSeries* forecast,
                                          const ScheduleRequest& request);

/// The decision of one day in plain words with its numbers, e.g. "root-zone depletion by the
/// end of 2025-07-16 without irrigation 62.0 mm reaches the trigger 58.0 mm (= RAW: p 0.55 ×
/// TAW 105.5 mm); refill to field capacity: net 62.0 mm, gross 103.3 mm at 60 % furrow
/// efficiency = 1033 m³ on 1.0 ha".
[[nodiscard]] std::string explain_decision(const StrategyTrace& trace, const FieldConfig& field);

/// Growth stage name: "initial", "development", "mid-season", "late season".
[[nodiscard]] std::string_view stage_name(int stage);

}  // namespace egin::fieldwater
