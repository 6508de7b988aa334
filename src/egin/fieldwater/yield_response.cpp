#include "egin/fieldwater/yield_response.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

void check(double v, double lo, double hi, const char* field, const char* expected) {
  if (!(v >= lo && v <= hi)) {
    throw InputError({"", 0, field}, "value " + std::to_string(v) + " is out of range", expected);
  }
}

}  // namespace

double yield_reduction_fraction(double ky, double eta_mm, double etc_mm) {
  check(ky, 0.0, 2.5, "ky", "0 to 2.5");
  check(eta_mm, 0.0, 1e5, "eta_mm", "0 mm or more");
  check(etc_mm, 0.0, 1e5, "etc_mm", "0 mm or more");
  if (etc_mm == 0.0) return 0.0;
  const double r = ky * (1.0 - eta_mm / etc_mm);  // FAO-56 Eq. 90 (FAO-33)
  return std::clamp(r, 0.0, 1.0);
}

YieldReduction yield_reduction(std::span<const PeriodWaterUse> periods,
                               std::optional<double> ky_season) {
  YieldReduction out;
  double relative_yield = 1.0;
  for (const PeriodWaterUse& p : periods) {
    const double r = yield_reduction_fraction(p.ky, p.eta_mm, p.etc_mm);
    out.period_fraction.push_back(r);
    relative_yield *= 1.0 - r;
    out.minimum_fraction = std::max(out.minimum_fraction, r);
    out.eta_total_mm += p.eta_mm;
    out.etc_total_mm += p.etc_mm;
  }
  out.multiplicative_fraction = 1.0 - relative_yield;
  if (ky_season) {
    out.season_fraction = yield_reduction_fraction(*ky_season, out.eta_total_mm, out.etc_total_mm);
  }
  return out;
}

}  // namespace egin::fieldwater
