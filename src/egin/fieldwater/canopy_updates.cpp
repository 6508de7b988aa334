#include "egin/fieldwater/canopy_updates.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace egin::fieldwater {

CanopyUpdates::CanopyUpdates(std::vector<CanopyObservation> observations)
    : observations_(std::move(observations)) {
  for (std::size_t i = 1; i < observations_.size(); ++i) {
    if (!(observations_[i - 1].date < observations_[i].date)) {
      throw std::invalid_argument("canopy observations must have strictly increasing dates");
    }
  }
}

const CanopyObservation* CanopyUpdates::find(Date date) const {
  const auto it = std::lower_bound(observations_.begin(), observations_.end(), date,
                                   [](const CanopyObservation& o, Date d) { return o.date < d; });
  return (it != observations_.end() && it->date == date) ? &*it : nullptr;
}

}  // namespace egin::fieldwater
