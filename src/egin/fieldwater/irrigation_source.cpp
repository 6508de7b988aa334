#include "egin/fieldwater/irrigation_source.hpp"

#include <stdexcept>
#include <utility>

namespace egin::fieldwater {

IrrigationDecision NoIrrigation::irrigation_for(const IrrigationQuery& /*query*/) { return {}; }

RecordedIrrigation::RecordedIrrigation(std::vector<IrrigationEvent> events)
    : events_(std::move(events)) {
  for (std::size_t i = 1; i < events_.size(); ++i) {
    if (!(events_[i - 1].date < events_[i].date)) {
      throw std::invalid_argument("irrigation events must have strictly increasing dates");
    }
  }
}

IrrigationDecision RecordedIrrigation::irrigation_for(const IrrigationQuery& query) {
  const Date today = query.day.date;
  // Days are asked in order; a restart at an earlier date rewinds.
  if (cursor_ > 0 && cursor_ <= events_.size() && events_[cursor_ - 1].date >= today) {
    cursor_ = 0;
  }
  while (cursor_ < events_.size() && events_[cursor_].date < today) {
    ++cursor_;
  }
  if (cursor_ < events_.size() && events_[cursor_].date == today) {
    const IrrigationEvent& e = events_[cursor_++];
    return {e.depth_mm, e.fw, e.efficiency_pct};
  }
  return {};
}

}  // namespace egin::fieldwater
