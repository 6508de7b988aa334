// The expected relative yield reduction from water stress over the days run so far: the FAO-33
// yield response factors of the field's crop (crops::YieldResponseFactors) applied to the
// season's and each FAO-56 growth stage's actual and unstressed ET from the daily records
// (1 − Ya/Ym = Ky (1 − ETa/ETc), FAO-33; FAO-56 Eq. 90; arithmetic in yield_response.hpp).
// It holds the stage mapping and the sums only: no water balance, no output format.
//
// | quantity              | from the daily records                                | unit |
// |-----------------------|-------------------------------------------------------|------|
// | ETc (unstressed)      | DayRecord::etc_mm = (Kcb + Ke) ETref, FAO-56 Eq. 69;    | mm   |
// |                       | single-Kc mode Kc ETref (Eq. 58)                      |      |
// | ETa (actual)          | DayRecord::eta_mm = (Ks Kcb + Ke) ETref, Eq. 80;      | mm   |
// |                       | single-Kc mode Ks Kc ETref                            |      |
// | stage of record k     | crops::growth_stage(lengths, k): record k is day k of | -    |
// |                       | the crop calendar (the first record is day 0); records|      |
// |                       | after the calendar's last day L_total are not counted |      |
//
// FAO-33 growth periods onto the four FAO-56 stages. CROPWAT 8 (FAO 2009) holds Ky per
// initial, development, mid-season and late stage plus a seasonal Ky; FAO-33 Table 24 gives Ky
// per phenological period (establishment, vegetative, flowering, yield formation, ripening).
// egin maps them as follows (its own choice, following the task's CROPWAT-style layout):
// | FAO-56 stage | FAO-33 period(s)                       | when FAO-33 gives none             |
// |--------------|----------------------------------------|------------------------------------|
// | initial      | establishment                          | vegetative (the early vegetative   |
// |              |                                        | period starts at establishment)    |
// | development  | vegetative                             | no Ky for the stage                |
// | mid-season   | the larger of flowering and yield      | the one given; neither: no Ky      |
// |              | formation (the more sensitive governs) |                                    |
// | late season  | ripening                               | no Ky for the stage                |
// A stage without Ky is reported with its ET sums and no reduction, and left out of the stage
// combinations (CROPWAT's multiplicative product and the most limiting stage,
// yield_response.hpp); the seasonal value uses Ky season on the sums of all counted days.
// Crops without FAO-33 Ky (cucumber, eggplant, melon, apple, apricot) and inline crops give no
// numbers at all: `available` is false and the text says why.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>

#include "egin/crops/crop.hpp"
#include "egin/fieldwater/field_config.hpp"
#include "egin/fieldwater/parameters.hpp"
#include "egin/fieldwater/water_balance.hpp"

namespace egin::fieldwater {

/// The Ky of one FAO-56 stage and the FAO-33 period(s) it came from.
struct StageKy {
  std::optional<double> ky;  // nullopt: no FAO-33 period maps onto the stage
  std::string from;          // e.g. "establishment", "vegetative (no establishment Ky)"
};

struct StageYieldReduction {
  int stage = 0;  // 0 initial, 1 development, 2 mid-season, 3 late season
  int days = 0;   // records counted in the stage
  double etc_mm = 0.0;
  double eta_mm = 0.0;
  StageKy ky;
  std::optional<double> reduction_fraction;  // 1 − Ya/Ym of the stage, with ky
};

struct SeasonYieldReduction {
  bool available = false;          // false: no Ky (see unavailable_reason)
  std::string unavailable_reason;  // "no Ky in FAO-33", "no Ky for an inline crop"
  std::string crop;                // crop name ("" inline)
  std::string ky_source;           // the crop file's source and note on its Ky
  std::string ky_note;
  int days = 0;              // records counted (within the crop calendar)
  int days_not_counted = 0;  // records after the calendar's end
  double etc_mm = 0.0;
  double eta_mm = 0.0;
  std::optional<double> ky_season;
  std::optional<double> season_fraction;  // Ky season (1 − ΣETa/ΣETc)
  std::array<StageYieldReduction, 4> stages{};
  std::optional<double> stages_fraction;         // 1 − Π(1 − r_i) over stages with Ky
  std::optional<double> most_limiting_fraction;  // max r_i over stages with Ky
};

/// The four stages' Ky from the crop's FAO-33 factors (see the mapping above).
[[nodiscard]] std::array<StageKy, 4> stage_ky(const crops::YieldResponseFactors& factors);

/// Sums `days` (record k = day k of the crop calendar of `p`) per stage and applies `factors`.
/// `crop` names the crop ("" for an inline crop) in the unavailable reason.
[[nodiscard]] SeasonYieldReduction season_yield_reduction(
    const std::optional<crops::YieldResponseFactors>& factors, const std::string& crop,
    const WaterBalanceParameters& p, std::span<const DayRecord> days);

/// The same for a field (its crop's factors and parameters).
[[nodiscard]] SeasonYieldReduction field_yield_reduction(const FieldConfig& field,
                                                         std::span<const DayRecord> days);

/// One line for people, e.g. "expected yield reduction from water stress so far (FAO-33 Ky,
/// FAO-56 Eq. 90): season 4.2 % (Ky 0.85, ETa 402.1 of ETc 430.3 mm); by stage: initial 0.0 %
/// (Ky 0.20), …; stages combined 5.1 %", or "… : no Ky in FAO-33 for melon".
[[nodiscard]] std::string yield_reduction_text(const SeasonYieldReduction& y);

}  // namespace egin::fieldwater
