// Yield response to water: the relative yield decrease from the relative evapotranspiration
// deficit, FAO-33 (Doorenbos & Kassam 1979) and FAO-56 Eq. 90:
//   1 − Ya/Ym = Ky (1 − ETa/ETc)
// for one growth period or the whole season, and the ways to combine periods. It holds
// arithmetic only: no crop data (Ky comes from crops::Crop::yield_response), no water balance.
//
// | input / output      | meaning                                            | unit |
// |---------------------|----------------------------------------------------|------|
// | ky                  | yield response factor of the period (FAO-33)       | -    |
// | eta_mm, etc_mm      | actual and maximum (no-stress) ET summed over it   | mm   |
// | reduction fraction  | 1 − Ya/Ym, bounded to 0..1                          | -    |
//
// Combining periods (all three are reported; which to use is the caller's choice):
//   season          1 − Ya/Ym = Ky_season (1 − ΣETa/ΣETc)     (FAO-33, seasonal Ky)
//   multiplicative  Ya/Ym = Π_i (1 − Ky_i (1 − ETa_i/ETc_i))  (stage-wise, as CROPWAT
//                   reports the cumulative reduction over stages; Rao et al. 1988)
//   minimum         Ya/Ym = min_i (1 − Ky_i (1 − ETa_i/ETc_i)) (the most limiting period)
// A period's deficit can only reduce yield: ETa > ETc gives 0, and a reduction above 1 is 1.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace egin::fieldwater {

struct PeriodWaterUse {
  double ky = 0.0;
  double eta_mm = 0.0;
  double etc_mm = 0.0;
};

struct YieldReduction {
  std::vector<double> period_fraction;    // 1 − Ya/Ym of each period
  double multiplicative_fraction = 0.0;   // 1 − Π (1 − r_i)
  double minimum_fraction = 0.0;          // max r_i (the most limiting period)
  std::optional<double> season_fraction;  // with Ky_season on the season's sums
  double eta_total_mm = 0.0;
  double etc_total_mm = 0.0;
};

/// 1 − Ya/Ym = Ky (1 − ETa/ETc), FAO-56 Eq. 90, bounded to 0..1. ETc = 0 gives 0 (no demand).
/// Negative or non-finite inputs, or Ky outside 0..2.5, throw egin::InputError.
[[nodiscard]] double yield_reduction_fraction(double ky, double eta_mm, double etc_mm);

/// Per-period reductions and their combinations; `ky_season` (when given) is applied to the
/// summed ETa and ETc of all periods.
[[nodiscard]] YieldReduction yield_reduction(std::span<const PeriodWaterUse> periods,
                                             std::optional<double> ky_season = std::nullopt);

}  // namespace egin::fieldwater
