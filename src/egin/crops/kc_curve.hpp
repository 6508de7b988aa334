// The crop coefficient curve of FAO-56 (Fig. 25 for single Kc, Fig. 34 for basal Kcb): constant
// over the initial stage, a straight line up to the mid-season value over the development stage,
// constant over mid-season, a straight line to the end value over the late-season stage
// (FAO-56 Eq. 66). Pure functions of the stage lengths and the three tabulated values; the same
// code serves Kc and Kcb. It must not adjust for climate (FAO-56 Eq. 62/70 live in fieldwater).
//
// | input                 | meaning                                             | unit |
// |-----------------------|-----------------------------------------------------|------|
// | lengths               | L_ini, L_dev, L_mid, L_late (FAO-56 Table 11)       | d    |
// | values.ini/mid/end    | Kc (Table 12) or Kcb (Table 17) stage values        | -    |
// | day_after_planting    | i, day number within the growing season, 0..L_total | d    |
#pragma once

#include "egin/crops/crop.hpp"

namespace egin::crops {

enum class GrowthStage { kInitial, kDevelopment, kMidSeason, kLateSeason };

/// Stage of day i: initial for 0 <= i <= L_ini, development for L_ini < i <= L_ini + L_dev,
/// mid-season up to L_ini + L_dev + L_mid, late season up to the season's total length.
/// Outside 0..L_total (or NaN), or with a stage shorter than 1 d, throws egin::InputError.
[[nodiscard]] GrowthStage growth_stage(const StageLengths& lengths, double day_after_planting);

/// Kc (or Kcb) on day i after planting, FAO-56 Eq. 66:
///   Kc_i = Kc_prev + [(i - sum(L_prev)) / L_stage] (Kc_next - Kc_prev)
/// in the development (ini -> mid) and late-season (mid -> end) stages; the stage value
/// elsewhere. Continuous in i; equals `values.mid` at the end of development and `values.end`
/// at i = L_total. Same range rules as growth_stage().
[[nodiscard]] double coefficient_on_day(const StageLengths& lengths,
                                        const StageCoefficients& values, double day_after_planting);

}  // namespace egin::crops
