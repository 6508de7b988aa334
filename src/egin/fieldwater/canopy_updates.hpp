// CanopyUpdates: observed basal crop coefficient, plant height and canopy cover by date (from
// remote sensing or field notes; pyfao56 .upd files) that replace the model's own values on
// those days. It holds the observations and their lookup, not how the model uses them
// (water_balance.hpp: an observed value > 0 replaces the day's value; NaN or ≤ 0 is "no update",
// as in pyfao56).
#pragma once

#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"

namespace egin::fieldwater {

struct CanopyObservation {
  Date date;
  double kcb = agromet::kMissing;
  double h_m = agromet::kMissing;
  double fc = agromet::kMissing;
  int line = 0;
};

class CanopyUpdates final {
 public:
  CanopyUpdates() = default;
  /// Throws std::invalid_argument if dates are not strictly increasing (readers check first).
  explicit CanopyUpdates(std::vector<CanopyObservation> observations);

  /// The observation of `date`, or nullptr (binary search; safe to share between threads).
  [[nodiscard]] const CanopyObservation* find(Date date) const;

  [[nodiscard]] const std::vector<CanopyObservation>& observations() const { return observations_; }

 private:
  std::vector<CanopyObservation> observations_;
};

}  // namespace egin::fieldwater
