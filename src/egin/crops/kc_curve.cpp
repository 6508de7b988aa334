#include "egin/crops/kc_curve.hpp"

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::crops {
namespace {

void check(const StageLengths& l, double day) {
  if (l.ini_d < 1 || l.dev_d < 1 || l.mid_d < 1 || l.late_d < 1) {
    throw InputError({"", 0, "stage lengths"}, "a stage is shorter than 1 day",
                     "L_ini, L_dev, L_mid, L_late >= 1 d");
  }
  if (!(day >= 0.0 && day <= static_cast<double>(l.total_d()))) {
    throw InputError({"", 0, "day_after_planting"},
                     "day " + std::to_string(day) + " is outside the growing season",
                     "0 to " + std::to_string(l.total_d()) + " d");
  }
}

}  // namespace

GrowthStage growth_stage(const StageLengths& lengths, double day_after_planting) {
  check(lengths, day_after_planting);
  const double end_ini = lengths.ini_d;
  const double end_dev = end_ini + lengths.dev_d;
  const double end_mid = end_dev + lengths.mid_d;
  if (day_after_planting <= end_ini) {
    return GrowthStage::kInitial;
  }
  if (day_after_planting <= end_dev) {
    return GrowthStage::kDevelopment;
  }
  if (day_after_planting <= end_mid) {
    return GrowthStage::kMidSeason;
  }
  return GrowthStage::kLateSeason;
}

double coefficient_on_day(const StageLengths& lengths, const StageCoefficients& values,
                          double day_after_planting) {
  const double i = day_after_planting;
  const double end_ini = lengths.ini_d;
  const double end_dev = end_ini + lengths.dev_d;
  const double end_mid = end_dev + lengths.mid_d;
  switch (growth_stage(lengths, i)) {
    case GrowthStage::kInitial:
      return values.ini;
    case GrowthStage::kDevelopment:  // FAO-56 Eq. 66, Kc_prev = Kc_ini, Kc_next = Kc_mid
      return values.ini + (i - end_ini) / lengths.dev_d * (values.mid - values.ini);
    case GrowthStage::kMidSeason:
      return values.mid;
    case GrowthStage::kLateSeason:  // FAO-56 Eq. 66, Kc_prev = Kc_mid, Kc_next = Kc_end
      return values.mid + (i - end_mid) / lengths.late_d * (values.end - values.mid);
  }
  return values.mid;
}

}  // namespace egin::crops
