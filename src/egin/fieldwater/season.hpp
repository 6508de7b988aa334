// The season runner: loops the daily water balance (water_balance.hpp) over a date range,
// asking the irrigation source for each day's irrigation before the day's step, and sums the
// seasonal water balance (pyfao56 .sum). It checks that the weather covers every day; it does
// not read files.
//
// Two levels:
//   prepare_season_inputs() — the weather (and canopy observations) as one DayInputs per day,
//                             checked once; allocation happens here only;
//   run_days()              — the hot loop over prepared days into a caller-owned output span:
//                             no allocation per day (bench/bench_water_balance.cpp);
//   run_season()            — both, plus the summary.
//
// Seasonal summary (mm; pyfao56 .sum names): ETref, ETcm, ETcb, ETmax, ETc, ETa, E, T, DP, Irrig,
// IrrLoss, Rain, Runoff are sums of the daily values; Dr_ini and Dr_end the root-zone depletion
// at the end of the first and the last day.
#pragma once

#include <span>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"
#include "egin/fieldwater/canopy_updates.hpp"
#include "egin/fieldwater/day_inputs.hpp"
#include "egin/fieldwater/irrigation_source.hpp"
#include "egin/fieldwater/model_options.hpp"
#include "egin/fieldwater/parameters.hpp"
#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {

struct SeasonSummary {
  double et_ref_mm = 0.0;
  double etcm_mm = 0.0;
  double etcb_mm = 0.0;
  double etmax_mm = 0.0;
  double etc_mm = 0.0;
  double eta_mm = 0.0;
  double e_mm = 0.0;
  double t_mm = 0.0;
  double dp_mm = 0.0;
  double irrigation_mm = 0.0;
  double irrigation_loss_mm = 0.0;
  double rain_mm = 0.0;
  double runoff_mm = 0.0;
  double dr_ini_mm = 0.0;
  double dr_end_mm = 0.0;
  int days = 0;
};

struct SeasonResult {
  std::vector<DayRecord> days;
  SeasonSummary summary;
  WaterBalanceState final_state;
};

/// One DayInputs per day from `start` to `end` (inclusive) from `weather`, with the canopy
/// observations of `updates` (may be null). Throws egin::InputError if start > end, if a day
/// lies outside the weather (naming the date and the weather's first and last day), if the
/// weather has a gap, or if a day lacks ETref or rain.
[[nodiscard]] std::vector<DayInputs> prepare_season_inputs(
    const agromet::DailyWeatherSeries& weather, Date start, Date end,
    const CanopyUpdates* updates = nullptr);

/// Runs the prepared days from `state`, writing one record per day into `out` (same size as
/// `days`); returns the state after the last day. Does not allocate.
WaterBalanceState run_days(const WaterBalanceParameters& p, const WaterBalanceOptions& options,
                           WaterBalanceState state, std::span<const DayInputs> days,
                           IrrigationSource& irrigation, std::span<DayRecord> out);

/// Sums of the daily records (see above).
[[nodiscard]] SeasonSummary summarize(std::span<const DayRecord> days);

/// Validates the parameters and options, prepares the inputs and runs the season from
/// initial_state(p).
[[nodiscard]] SeasonResult run_season(const WaterBalanceParameters& p,
                                      const WaterBalanceOptions& options,
                                      const agromet::DailyWeatherSeries& weather, Date start,
                                      Date end, IrrigationSource& irrigation,
                                      const CanopyUpdates* updates = nullptr);

}  // namespace egin::fieldwater
