#include "egin/fieldwater/season.hpp"

#include <fmt/format.h>

#include <cassert>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {

namespace {

std::string weather_range(const agromet::DailyWeatherSeries& weather) {
  if (weather.days.empty()) {
    return "no days at all";
  }
  return fmt::format("{} ({}) to {} ({})", weather.days.front().date.iso(),
                     weather.days.front().date.year_doy(), weather.days.back().date.iso(),
                     weather.days.back().date.year_doy());
}

}  // namespace

std::vector<DayInputs> prepare_season_inputs(const agromet::DailyWeatherSeries& weather, Date start,
                                             Date end, const CanopyUpdates* updates) {
  if (end < start) {
    throw InputError({"", 0, "--to"},
                     fmt::format("end date {} is before start date {}", end.iso(), start.iso()),
                     "an end date on or after the start date");
  }
  for (const Date d : {start, end}) {
    if (weather.days.empty() || d < weather.days.front().date || d > weather.days.back().date) {
      throw InputError({weather.source, 0, d == start ? "--from" : "--to"},
                       fmt::format("date {} ({}) is outside the weather", d.iso(), d.year_doy()),
                       fmt::format("a date within the weather's range {}", weather_range(weather)));
    }
  }
  std::vector<DayInputs> days;
  days.reserve(static_cast<std::size_t>(end - start) + 1);
  for (Date d = start; d <= end; ++d) {
    const agromet::DailyWeather* w = weather.find(d);
    if (w == nullptr) {
      throw InputError({weather.source, 0, "date"},
                       fmt::format("the weather has no record for {} ({})", d.iso(), d.year_doy()),
                       "one record for every day of the season");
    }
    DayInputs in = day_inputs_from_weather(*w, weather.site, weather.source);
    if (updates != nullptr) {
      if (const CanopyObservation* o = updates->find(d)) {
        in.kcb_obs = o->kcb;
        in.h_obs_m = o->h_m;
        in.fc_obs = o->fc;
      }
    }
    days.push_back(in);
  }
  return days;
}

WaterBalanceState run_days(const WaterBalanceParameters& p, const WaterBalanceOptions& options,
                           WaterBalanceState state, std::span<const DayInputs> days,
                           IrrigationSource& irrigation, std::span<DayRecord> out) {
  assert(out.size() == days.size());
  for (std::size_t k = 0; k < days.size(); ++k) {
    const DayInputs& day = days[k];
    const IrrigationDecision decision = irrigation.irrigation_for({state, day, p, options});
    const DayRates rates = compute_rates(p, options, state, day, decision);
    state = integrate(p, options, state, rates);
    out[k] = make_record(options, rates, state);
  }
  return state;
}

SeasonSummary summarize(std::span<const DayRecord> days) {
  SeasonSummary s;
  for (const DayRecord& d : days) {
    s.et_ref_mm += d.et_ref_mm;
    s.etcm_mm += d.etcm_mm;
    s.etcb_mm += d.etcb_mm;
    s.etmax_mm += d.etmax_mm;
    s.etc_mm += d.etc_mm;
    s.eta_mm += d.eta_mm;
    s.e_mm += d.e_mm;
    s.t_mm += d.t_mm;
    s.dp_mm += d.dp_mm;
    s.irrigation_mm += d.irrigation_mm;
    s.irrigation_loss_mm += d.irrigation_loss_mm;
    s.rain_mm += d.rain_mm;
    s.runoff_mm += d.runoff_mm;
  }
  if (!days.empty()) {
    s.dr_ini_mm = days.front().dr_mm;
    s.dr_end_mm = days.back().dr_mm;
  }
  s.days = static_cast<int>(days.size());
  return s;
}

SeasonResult run_season(const WaterBalanceParameters& p, const WaterBalanceOptions& options,
                        const agromet::DailyWeatherSeries& weather, Date start, Date end,
                        IrrigationSource& irrigation, const CanopyUpdates* updates) {
  validate_parameters(p);
  if (options.single_kc && !p.has_single_kc()) {
    throw InputError({"", 0, "kcm_ini"}, "single-Kc mode needs Kc ini, mid and end",
                     "Kcmini, Kcmmid, Kcmend in the parameters");
  }
  const std::vector<DayInputs> days = prepare_season_inputs(weather, start, end, updates);
  SeasonResult result;
  result.days.resize(days.size());
  result.final_state = run_days(p, options, initial_state(p), days, irrigation, result.days);
  result.summary = summarize(result.days);
  return result;
}

}  // namespace egin::fieldwater
