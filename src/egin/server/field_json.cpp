#include "egin/server/field_json.hpp"

#include <cmath>

#include "egin/fieldwater/application_method.hpp"

namespace egin::server {

namespace fw = egin::fieldwater;
using nlohmann::json;

namespace {

json number(double v) { return std::isnan(v) ? json(nullptr) : json(v); }

json day_json(const fw::DayRecord& r) {
  return json{{"date", r.date.iso()},
              {"et_ref_mm", number(r.et_ref_mm)},
              {"kc", number(r.kc)},
              {"kcb", number(r.kcb)},
              {"etc_mm", number(r.etc_mm)},
              {"eta_mm", number(r.eta_mm)},
              {"ks", number(r.ks)},
              {"zr_m", number(r.zr_m)},
              {"taw_mm", number(r.taw_mm)},
              {"p", number(r.p)},
              {"raw_mm", number(r.raw_mm)},
              {"rain_mm", number(r.rain_mm)},
              {"runoff_mm", number(r.runoff_mm)},
              {"irrigation_mm", number(r.irrigation_mm)},
              {"irrigation_loss_mm", number(r.irrigation_loss_mm)},
              {"dp_mm", number(r.dp_mm)},
              {"dr_mm", number(r.dr_mm)},
              {"fdr", number(r.fdr)}};
}

json trace_json(const fw::StrategyTrace& t) {
  return json{{"date", t.date.iso()},
              {"kind", fw::strategy_kind_name(t.kind)},
              {"decision", fw::decision_reason_name(t.reason)},
              {"irrigate", t.irrigate},
              {"day_index", t.day_index},
              {"stage", fw::stage_name(t.stage)},
              {"season_length_d", t.season_length_d},
              {"dr_start_mm", number(t.dr_start_mm)},
              {"et_ref_mm", number(t.et_ref_mm)},
              {"etc_mm", number(t.etc_mm)},
              {"eta_mm", number(t.eta_mm)},
              {"rain_mm", number(t.rain_mm)},
              {"runoff_mm", number(t.runoff_mm)},
              {"dr_projected_mm", number(t.dr_projected_mm)},
              {"taw_mm", number(t.taw_mm)},
              {"p", number(t.p)},
              {"raw_mm", number(t.raw_mm)},
              {"raw_next_mm", number(t.raw_next_mm)},
              {"threshold_mm", number(t.threshold_mm)},
              {"days_since_irrigation", t.days_since_irrigation},
              {"interval_d", t.interval_d},
              {"forecast_rain_mm", number(t.forecast_rain_mm)},
              {"forecast_window_d", t.forecast_window_d},
              {"refill_mm", number(t.refill_mm)},
              {"net_mm", number(t.net_mm)},
              {"gross_mm", number(t.gross_mm)},
              {"capped", t.capped},
              {"efficiency_pct", number(t.efficiency_pct)},
              {"fw", number(t.fw)}};
}

json optional_date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

json field_info_json(const runtime::FieldInfo& info) {
  json j{{"id", info.id},
         {"file", info.file},
         {"weather_zone", info.weather_zone.empty() ? json(nullptr) : json(info.weather_zone)}};
  if (!info.error.empty()) {
    j["error"] = info.error;
    return j;
  }
  j["name"] = info.name;
  j["description"] = info.description;
  j["crop"] = info.crop;
  j["soil"] = info.soil;
  j["method"] = info.method;
  j["area_ha"] = info.area_ha;
  j["planting"] = optional_date(info.planting);
  j["harvest"] = optional_date(info.harvest);
  j["error"] = nullptr;
  return j;
}

json recommendation_json(const runtime::FieldAdvice& advice) {
  const fw::Recommendation& r = advice.result.recommendation;
  return json{{"date", r.date.iso()},
              {"irrigate", r.irrigate},
              {"net_mm", r.net_mm},
              {"gross_mm", r.gross_mm},
              {"volume_m3", r.volume_m3},
              {"reason", r.reason},
              {"decision", fw::decision_reason_name(r.trace.reason)},
              {"trace", trace_json(r.trace)}};
}

json advice_json(const runtime::FieldAdvice& advice) {
  const fw::FieldConfig& f = advice.field;
  const fw::ScheduleResult& result = advice.result;
  json field{{"id", advice.id},
             {"name", f.name},
             {"description", f.description},
             {"crop", f.crop_name},
             {"soil", f.soil_name},
             {"method", f.method_info().name},
             {"efficiency_pct", f.efficiency_pct},
             {"area_ha", f.area_ha},
             {"planting", f.planting.iso()},
             {"harvest", f.harvest().iso()},
             {"strategy", fw::strategy_kind_name(f.strategy.kind)}};
  const fw::WaterBalanceState& s = result.state_as_of;
  json state{{"day_index", s.day_index}, {"dr_mm", number(s.dr_mm)}, {"taw_mm", number(s.taw_mm)},
             {"fdr", number(s.fdr)},     {"zr_m", number(s.zr_m)},   {"ks_end", number(s.ks_end)}};
  if (!result.observed.empty()) {
    state["raw_mm"] = number(result.observed.back().raw_mm);
    state["p"] = number(result.observed.back().p);
  }
  json days = json::array();
  for (const fw::DayRecord& d : result.observed) {
    days.push_back(day_json(d));
  }
  json projection = json::array();
  for (const fw::ProjectedDay& d : result.projection) {
    json day = day_json(d.record);
    day["weather"] = fw::projection_weather_name(d.weather);
    day["decision"] = fw::decision_reason_name(d.trace.reason);
    day["irrigate"] = d.trace.irrigate;
    day["volume_m3"] = fw::volume_m3(d.record.irrigation_mm, f.area_ha);
    day["reason"] = fw::explain_decision(d.trace, f);
    projection.push_back(std::move(day));
  }
  const fw::SeasonSummary& sum = result.observed_summary;
  json summary{{"days", sum.days},
               {"et_ref_mm", number(sum.et_ref_mm)},
               {"etc_mm", number(sum.etc_mm)},
               {"eta_mm", number(sum.eta_mm)},
               {"rain_mm", number(sum.rain_mm)},
               {"runoff_mm", number(sum.runoff_mm)},
               {"irrigation_mm", number(sum.irrigation_mm)},
               {"dp_mm", number(sum.dp_mm)}};
  return json{{"field", field},
              {"as_of", result.as_of.iso()},
              {"weather_source", advice.weather_source},
              {"recommendation", recommendation_json(advice)},
              {"state", state},
              {"summary", summary},
              {"days", days},
              {"projection", projection},
              {"notes", result.notes}};
}

}  // namespace egin::server
