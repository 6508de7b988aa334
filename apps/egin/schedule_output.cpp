#include "schedule_output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>

#include "egin/fieldwater/application_method.hpp"
#include "egin/fieldwater/parameters.hpp"

namespace egin::cli {

namespace {

namespace fw = egin::fieldwater;
using nlohmann::ordered_json;

// NaN becomes null (JSON has no NaN).
ordered_json number(double v) { return std::isnan(v) ? ordered_json(nullptr) : ordered_json(v); }

ordered_json record_json(const fw::DayRecord& r) {
  ordered_json j;
  j["date"] = r.date.iso();
  j["et_ref_mm"] = number(r.et_ref_mm);
  j["kcb"] = number(r.kcb);
  j["kc_max"] = number(r.kc_max);
  j["fc"] = number(r.fc);
  j["fw"] = number(r.fw);
  j["few"] = number(r.few);
  j["kr"] = number(r.kr);
  j["ke"] = number(r.ke);
  j["e_mm"] = number(r.e_mm);
  j["kc"] = number(r.kc);
  j["etc_mm"] = number(r.etc_mm);
  j["zr_m"] = number(r.zr_m);
  j["taw_mm"] = number(r.taw_mm);
  j["p"] = number(r.p);
  j["raw_mm"] = number(r.raw_mm);
  j["ks"] = number(r.ks);
  j["ka"] = number(r.ka);
  j["eta_mm"] = number(r.eta_mm);
  j["t_mm"] = number(r.t_mm);
  j["dp_mm"] = number(r.dp_mm);
  j["irrigation_mm"] = number(r.irrigation_mm);
  j["irrigation_loss_mm"] = number(r.irrigation_loss_mm);
  j["rain_mm"] = number(r.rain_mm);
  j["runoff_mm"] = number(r.runoff_mm);
  j["de_mm"] = number(r.de_mm);
  j["dr_mm"] = number(r.dr_mm);
  j["fdr"] = number(r.fdr);
  j["ks_end"] = number(r.ks_end);
  return j;
}

ordered_json summary_json(const fw::SeasonSummary& s) {
  ordered_json j;
  j["days"] = s.days;
  j["et_ref_mm"] = number(s.et_ref_mm);
  j["etc_mm"] = number(s.etc_mm);
  j["eta_mm"] = number(s.eta_mm);
  j["e_mm"] = number(s.e_mm);
  j["t_mm"] = number(s.t_mm);
  j["dp_mm"] = number(s.dp_mm);
  j["irrigation_mm"] = number(s.irrigation_mm);
  j["irrigation_loss_mm"] = number(s.irrigation_loss_mm);
  j["rain_mm"] = number(s.rain_mm);
  j["runoff_mm"] = number(s.runoff_mm);
  j["dr_ini_mm"] = number(s.dr_ini_mm);
  j["dr_end_mm"] = number(s.dr_end_mm);
  return j;
}

// A fraction as percent; nullopt becomes null.
ordered_json pct(const std::optional<double>& fraction) {
  return fraction ? ordered_json(100.0 * *fraction) : ordered_json(nullptr);
}

ordered_json optional_number(const std::optional<double>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

}  // namespace

ordered_json yield_json(const fw::SeasonYieldReduction& y) {
  ordered_json j;
  j["equation"] = "1 - Ya/Ym = Ky (1 - ETa/ETc), FAO-33; FAO-56 Eq. 90";
  j["crop"] = y.crop;
  j["available"] = y.available;
  if (!y.available) {
    j["status"] = y.unavailable_reason;
  }
  j["days"] = y.days;
  j["days_not_counted"] = y.days_not_counted;
  j["etc_mm"] = y.etc_mm;
  j["eta_mm"] = y.eta_mm;
  j["ky_season"] = optional_number(y.ky_season);
  j["season_reduction_pct"] = pct(y.season_fraction);
  ordered_json stages = ordered_json::array();
  for (const fw::StageYieldReduction& st : y.stages) {
    ordered_json s;
    s["stage"] = std::string(fw::stage_name(st.stage));
    s["days"] = st.days;
    s["etc_mm"] = st.etc_mm;
    s["eta_mm"] = st.eta_mm;
    s["ky"] = optional_number(st.ky.ky);
    s["ky_from"] = y.available ? (st.ky.ky ? st.ky.from : std::string("no FAO-33 period"))
                               : y.unavailable_reason;
    s["reduction_pct"] = pct(st.reduction_fraction);
    stages.push_back(std::move(s));
  }
  j["stages"] = stages;
  j["stages_combined_reduction_pct"] = pct(y.stages_fraction);
  j["most_limiting_stage_reduction_pct"] = pct(y.most_limiting_fraction);
  j["ky_source"] = y.ky_source;
  j["ky_note"] = y.ky_note;
  j["text"] = fw::yield_reduction_text(y);
  return j;
}

Table yield_table(const fw::SeasonYieldReduction& y) {
  Table table({{"period", 0},
               {"days", 0},
               {"ky", 2},
               {"ky_from", 0},
               {"etc_mm", 1},
               {"eta_mm", 1},
               {"eta_etc", 3},
               {"reduction_pct", 1}});
  const auto ratio = [](double eta, double etc) -> Table::Cell {
    return etc > 0.0 ? Table::Cell{eta / etc} : Table::Cell{};
  };
  const auto cell = [](const std::optional<double>& v, double scale) -> Table::Cell {
    return v ? Table::Cell{scale * *v} : Table::Cell{};
  };
  if (!y.available) {
    table.add_row({std::string("season"), static_cast<double>(y.days), Table::Cell{}, std::string(),
                   y.etc_mm, y.eta_mm, ratio(y.eta_mm, y.etc_mm), y.unavailable_reason});
    return table;
  }
  table.add_row({std::string("season"), static_cast<double>(y.days), cell(y.ky_season, 1.0),
                 std::string("season"), y.etc_mm, y.eta_mm, ratio(y.eta_mm, y.etc_mm),
                 cell(y.season_fraction, 100.0)});
  for (const fw::StageYieldReduction& st : y.stages) {
    table.add_row(
        {std::string(fw::stage_name(st.stage)), static_cast<double>(st.days), cell(st.ky.ky, 1.0),
         st.ky.ky ? st.ky.from : std::string("no FAO-33 period"), st.etc_mm, st.eta_mm,
         ratio(st.eta_mm, st.etc_mm),
         st.ky.ky ? cell(st.reduction_fraction, 100.0) : Table::Cell{std::string("no Ky")}});
  }
  if (y.stages_fraction) {
    table.add_row({std::string("stages combined"), Table::Cell{}, Table::Cell{},
                   std::string("1 - product of (1 - stage reduction)"), Table::Cell{},
                   Table::Cell{}, Table::Cell{}, cell(y.stages_fraction, 100.0)});
    table.add_row({std::string("most limiting stage"), Table::Cell{}, Table::Cell{},
                   std::string("largest stage reduction"), Table::Cell{}, Table::Cell{},
                   Table::Cell{}, cell(y.most_limiting_fraction, 100.0)});
  }
  return table;
}

Table projection_table(const fw::FieldConfig& field, const fw::ScheduleResult& result,
                       bool with_reason) {
  std::vector<Table::Column> columns{
      {"date", 0},    {"weather", 0},  {"et0_mm", 2},    {"etc_mm", 2},  {"eta_mm", 2},
      {"rain_mm", 1}, {"dr_mm", 1},    {"raw_mm", 1},    {"taw_mm", 1},  {"ks", 3},
      {"net_mm", 1},  {"gross_mm", 1}, {"volume_m3", 0}, {"decision", 0}};
  if (with_reason) {
    columns.push_back({"reason", 0});
  }
  Table table(std::move(columns));
  for (const fw::ProjectedDay& day : result.projection) {
    const fw::DayRecord& r = day.record;
    const fw::StrategyTrace& t = day.trace;
    std::vector<Table::Cell> cells{r.date.iso(),
                                   std::string(fw::projection_weather_name(day.weather)),
                                   r.et_ref_mm,
                                   r.etc_mm,
                                   r.eta_mm,
                                   r.rain_mm,
                                   r.dr_mm,
                                   r.raw_mm,
                                   r.taw_mm,
                                   r.ks,
                                   r.effective_irrigation_mm,
                                   r.irrigation_mm,
                                   fw::volume_m3(r.irrigation_mm, field.area_ha),
                                   std::string(fw::decision_reason_name(t.reason))};
    if (with_reason) {
      cells.emplace_back(fw::explain_decision(t, field));
    }
    table.add_row(std::move(cells));
  }
  return table;
}

ordered_json trace_json(const fw::StrategyTrace& t) {
  ordered_json j;
  j["date"] = t.date.iso();
  j["kind"] = std::string(fw::strategy_kind_name(t.kind));
  j["decision"] = std::string(fw::decision_reason_name(t.reason));
  j["irrigate"] = t.irrigate;
  j["day_index"] = t.day_index;
  j["stage"] = std::string(fw::stage_name(t.stage));
  j["season_length_d"] = t.season_length_d;
  j["dr_start_mm"] = number(t.dr_start_mm);
  j["et_ref_mm"] = number(t.et_ref_mm);
  j["etc_mm"] = number(t.etc_mm);
  j["eta_mm"] = number(t.eta_mm);
  j["rain_mm"] = number(t.rain_mm);
  j["runoff_mm"] = number(t.runoff_mm);
  j["dr_projected_mm"] = number(t.dr_projected_mm);
  j["taw_mm"] = number(t.taw_mm);
  j["p"] = number(t.p);
  j["raw_mm"] = number(t.raw_mm);
  j["raw_next_mm"] = number(t.raw_next_mm);
  j["threshold_mm"] = number(t.threshold_mm);
  j["days_since_irrigation"] = t.days_since_irrigation;
  j["interval_d"] = t.interval_d;
  j["forecast_rain_mm"] = number(t.forecast_rain_mm);
  j["forecast_window_d"] = t.forecast_window_d;
  j["et_since_irrigation_mm"] = number(t.et_since_irrigation_mm);
  j["refill_mm"] = number(t.refill_mm);
  j["net_mm"] = number(t.net_mm);
  j["gross_mm"] = number(t.gross_mm);
  j["capped"] = t.capped;
  j["efficiency_pct"] = number(t.efficiency_pct);
  j["fw"] = number(t.fw);
  return j;
}

ordered_json field_json(const fw::FieldConfig& field) {
  ordered_json j;
  j["name"] = field.name;
  j["source"] = field.source;
  j["area_ha"] = field.area_ha;
  j["planting_date"] = field.planting.iso();
  j["harvest_date"] = field.harvest().iso();
  j["crop"] = field.crop_name;
  j["stages"] = field.stage_variant;
  j["coefficients"] = field.coefficient_set;
  j["soil"] = field.soil_name;
  j["method"] = field.method_info().name;
  j["efficiency_pct"] = field.efficiency_pct;
  j["fw"] = field.fw;
  j["strategy"] = std::string(fw::strategy_kind_name(field.strategy.kind));
  ordered_json params;
  for (const fw::ParameterSpec& spec : fw::parameter_specs()) {
    params[spec.name] = number(fw::parameter_value(field.params, spec));
  }
  j["parameters"] = params;
  ordered_json options;
  options["runoff"] = field.options.runoff;
  options["constant_p"] = field.options.constant_p;
  options["aquacrop_ks"] = field.options.aquacrop_ks;
  options["single_kc"] = field.options.single_kc;
  options["climate_adjust"] = field.options.climate_adjust_kcb;
  options["et0_method"] = std::string(agromet::et0_method_name(field.et0_method));
  j["options"] = options;
  return j;
}

ordered_json schedule_json(const fw::FieldConfig& field, const fw::ScheduleResult& result) {
  ordered_json j;
  j["field"] = field_json(field);
  j["as_of"] = result.as_of.iso();
  ordered_json state;
  state["day_index"] = result.state_as_of.day_index;
  state["dr_mm"] = number(result.state_as_of.dr_mm);
  state["taw_mm"] = number(result.state_as_of.taw_mm);
  state["fdr"] = number(result.state_as_of.fdr);
  state["de_mm"] = number(result.state_as_of.de_mm);
  state["zr_m"] = number(result.state_as_of.zr_m);
  state["ks_end"] = number(result.state_as_of.ks_end);
  j["state_as_of"] = state;
  const fw::Recommendation& r = result.recommendation;
  ordered_json rec;
  rec["date"] = r.date.iso();
  rec["irrigate"] = r.irrigate;
  rec["net_mm"] = r.net_mm;
  rec["gross_mm"] = r.gross_mm;
  rec["volume_m3"] = r.volume_m3;
  rec["reason"] = r.reason;
  rec["trace"] = trace_json(r.trace);
  j["recommendation"] = rec;
  ordered_json days = ordered_json::array();
  for (const fw::ProjectedDay& d : result.projection) {
    ordered_json day = record_json(d.record);
    day["weather"] = std::string(fw::projection_weather_name(d.weather));
    day["volume_m3"] = fw::volume_m3(d.record.irrigation_mm, field.area_ha);
    day["reason"] = fw::explain_decision(d.trace, field);
    day["trace"] = trace_json(d.trace);
    days.push_back(std::move(day));
  }
  j["projection"] = days;
  j["recent_mean_et0_mm"] = number(result.recent_mean_et0_mm);
  ordered_json summary = summary_json(result.observed_summary);
  summary["yield_reduction"] = yield_json(result.observed_yield);
  j["observed_summary"] = summary;
  j["notes"] = result.notes;
  return j;
}

void write_schedule_text(std::ostream& out, const fw::FieldConfig& field,
                         const fw::ScheduleResult& result) {
  const std::string crop =
      field.crop_name.empty()
          ? std::string("inline crop")
          : fmt::format("{} ({}, {})", field.crop_name, field.stage_variant, field.coefficient_set);
  const std::string soil = field.soil_name.empty() ? std::string("inline soil") : field.soil_name;
  out << fmt::format("Field {} ({}): {} on {}, {:.1f} ha, {} at {:.0f} % efficiency, strategy {}\n",
                     field.name, field.source, crop, soil, field.area_ha, field.method_info().name,
                     field.efficiency_pct, fw::strategy_kind_name(field.strategy.kind));
  const int day = result.state_as_of.day_index;
  const fw::StrategyTrace& t = result.recommendation.trace;
  out << fmt::format(
      "Planted {}; observed through {} (day {} of {}, {} stage); root-zone depletion {:.1f} mm "
      "of TAW {:.1f} mm\n",
      field.planting.iso(), result.as_of.iso(), day, field.season_length_d(),
      fw::stage_name(t.stage), result.state_as_of.dr_mm, result.state_as_of.taw_mm);
  const fw::Recommendation& r = result.recommendation;
  if (r.irrigate) {
    out << fmt::format(
        "\nRecommendation for {}: IRRIGATE net {:.1f} mm, gross {:.1f} mm = {:.0f} "
        "m³\n",
        r.date.iso(), r.net_mm, r.gross_mm, r.volume_m3);
  } else {
    out << fmt::format("\nRecommendation for {}: no irrigation\n", r.date.iso());
  }
  out << "  " << r.reason << "\n\n";
  out << fmt::format("Season so far ({} to {}): ETc {:.1f} mm, ETa {:.1f} mm\n  {}\n\n",
                     field.planting.iso(), result.as_of.iso(), result.observed_summary.etc_mm,
                     result.observed_summary.eta_mm,
                     fw::yield_reduction_text(result.observed_yield));
  out << fmt::format("Next {} days:\n", result.projection.size());
  projection_table(field, result, false).write(out, OutputFormat::kTable);
  if (!result.notes.empty()) {
    out << "\nNotes:\n";
    for (const std::string& n : result.notes) {
      out << "  - " << n << '\n';
    }
  }
}

}  // namespace egin::cli
