// How `egin schedule` (and `egin batch`) print a schedule: text for people, the projected days
// as a table (csv/table), and JSON with every intermediate. Formatting only: no model here.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "egin/core/table.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/irrigation_strategies.hpp"
#include "egin/fieldwater/schedule.hpp"
#include "egin/fieldwater/season_yield.hpp"

namespace egin::cli {

/// The projected days, one row each (the first row is the recommendation day); `with_reason`
/// adds the reason in words.
[[nodiscard]] Table projection_table(const fieldwater::FieldConfig& field,
                                     const fieldwater::ScheduleResult& result, bool with_reason);

/// The expected yield reduction from water stress (fieldwater/season_yield.hpp): the numbers,
/// the stage mapping, the crop file's Ky source, and the same in words.
[[nodiscard]] nlohmann::ordered_json yield_json(const fieldwater::SeasonYieldReduction& y);

/// The yield reduction as rows: season, the four stages, the stages combined and the most
/// limiting stage (period, days, ky, ky_from, etc_mm, eta_mm, eta_etc, reduction_pct); with no
/// Ky one row whose reduction cell says why ("no Ky in FAO-33").
[[nodiscard]] Table yield_table(const fieldwater::SeasonYieldReduction& y);

/// Every number of one decision.
[[nodiscard]] nlohmann::ordered_json trace_json(const fieldwater::StrategyTrace& t);

/// The field as resolved (crop, soil, parameters, method, strategy).
[[nodiscard]] nlohmann::ordered_json field_json(const fieldwater::FieldConfig& field);

/// The whole schedule: field, as-of state, recommendation with its trace, projection, observed
/// seasonal summary, notes.
[[nodiscard]] nlohmann::ordered_json schedule_json(const fieldwater::FieldConfig& field,
                                                   const fieldwater::ScheduleResult& result);

/// Text for people: the field, the recommendation and its reason, the next days, the notes.
void write_schedule_text(std::ostream& out, const fieldwater::FieldConfig& field,
                         const fieldwater::ScheduleResult& result);

}  // namespace egin::cli
