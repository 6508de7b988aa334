// Effective rainfall: the part of rain that stays in the root zone, by the methods CROPWAT 8
// offers (Smith 1992, FAO Irrigation and Drainage Paper 46; CROPWAT 8.0 help "Effective
// rainfall"): fixed percentage, dependable rain (FAO/AGLW), empirical formula, USDA Soil
// Conservation Service, and none (all rain effective). The formulas are monthly (P in mm per
// month); they are applied to shorter periods in two ways, see below. It must not model runoff
// or infiltration day by day (the water balance's curve-number runoff does that).
//
// | method          | monthly formula, P and Peff in mm/month                                   |
// |-----------------|---------------------------------------------------------------------------|
// | fixed           | Peff = f P, f in 0..1 (CROPWAT: "fixed percentage")                       |
// | dependable      | Peff = 0.6 P − 10 for P <= 70; 0.8 P − 24 for P > 70 (FAO/AGLW, FAO-33)   |
// | empirical       | Peff = a P + b for P <= z; c P + d for P > z (user's a, b, c, d, z)       |
// | usda_scs        | Peff = P (125 − 0.2 P)/125 for P <= 250; 125 + 0.1 P for P > 250          |
// | none            | Peff = P                                                                  |
// Every result is bounded to 0 <= Peff <= P.
//
// Shorter periods. CROPWAT 8 applies the monthly formulas to 10-day (decade) totals by scaling:
// a decade total is multiplied by 3 (a month of three decades), the formula applied, and the
// result divided by 3, e.g. USDA SCS: Peff = Pdec (125 − 0.6 Pdec)/125 for Pdec <= 250/3.
// effective_rain_period_mm() generalises this to any period of n days with k = 30/n.
// For a daily water balance egin uses effective_rain_daily_mm(): the monthly formula is applied
// to each calendar month's total and the month's ratio Peff/P is given to each rainy day, which
// keeps the monthly sums equal to CROPWAT's monthly results (scaling single days by k = 30
// would credit a 10 mm shower as if it rained 300 mm a month).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "egin/core/date.hpp"

namespace egin::fieldwater {

enum class EffectiveRainMethod { kFixedPercentage, kDependableRain, kEmpirical, kUsdaScs, kNone };

/// CROPWAT's empirical formula: Peff = a P + b for P <= z, c P + d for P > z (mm/month).
/// The defaults reproduce the dependable-rain formula.
struct EmpiricalRainFormula {
  double a = 0.6;
  double b_mm = -10.0;
  double c = 0.8;
  double d_mm = -24.0;
  double z_mm = 70.0;
};

struct EffectiveRainSettings {
  EffectiveRainMethod method = EffectiveRainMethod::kUsdaScs;
  double fixed_fraction = 0.8;  // for kFixedPercentage, 0..1
  EmpiricalRainFormula empirical;
};

/// "fixed", "dependable", "empirical", "usda-scs" (or "usda_scs"), "none"; anything else throws
/// egin::InputError listing these.
EffectiveRainMethod parse_effective_rain_method(std::string_view name);
std::string_view effective_rain_method_name(EffectiveRainMethod method);

/// Checks the settings' ranges (fraction 0..1, coefficients 0..1.5, z > 0 mm); InputError.
void validate(const EffectiveRainSettings& settings);

/// Monthly effective rainfall, mm/month, for a month's rain `p_month_mm` >= 0.
[[nodiscard]] double effective_rain_monthly_mm(const EffectiveRainSettings& settings,
                                               double p_month_mm);

/// Effective rainfall of a period of `period_days` (1..31) with total `p_mm`, by CROPWAT's
/// scaling: Peff = f(k P)/k with k = 30/period_days (k = 3 for a 10-day decade).
[[nodiscard]] double effective_rain_period_mm(const EffectiveRainSettings& settings, double p_mm,
                                              double period_days);

/// Daily effective rainfall for consecutive or scattered days: each calendar month's total is
/// scaled to a whole month (sum × days in month / days present) before the monthly formula, and
/// each day receives P_day × Peff_month/P_month. Missing rain (NaN) stays NaN and is left out of
/// the month's total. `dates` and `p_mm` have the same length; negative rain is an InputError.
[[nodiscard]] std::vector<double> effective_rain_daily_mm(const EffectiveRainSettings& settings,
                                                          std::span<const Date> dates,
                                                          std::span<const double> p_mm);

}  // namespace egin::fieldwater
