#include "egin/control/calendar_curve.hpp"

#include <algorithm>

namespace egin::control {

double calendar_offset(const CalendarCurve& curve, double doy) {
  const auto& p = curve.points;
  if (p.empty()) {
    return 0.0;
  }
  if (p.size() == 1) {
    return p.front().offset;
  }
  constexpr double kYearD = 365.0;
  const double d = std::clamp(doy, 1.0, kYearD + 0.999999);
  // Find the segment [a, b] that holds d, wrapping the last point to the first one a year on.
  const auto next = std::upper_bound(p.begin(), p.end(), d, [](double x, const CalendarPoint& q) {
    return x < static_cast<double>(q.day_of_year);
  });
  double a_day = 0.0;
  double b_day = 0.0;
  double a_value = 0.0;
  double b_value = 0.0;
  if (next == p.begin() || next == p.end()) {
    a_day = static_cast<double>(p.back().day_of_year);
    b_day = static_cast<double>(p.front().day_of_year) + kYearD;
    a_value = p.back().offset;
    b_value = p.front().offset;
    if (next == p.begin()) {
      a_day -= kYearD;
      b_day -= kYearD;
    }
  } else {
    const auto& a = *(next - 1);
    a_day = static_cast<double>(a.day_of_year);
    b_day = static_cast<double>(next->day_of_year);
    a_value = a.offset;
    b_value = next->offset;
  }
  return a_value + (b_value - a_value) * (d - a_day) / (b_day - a_day);
}

void apply_calendar(const std::vector<CalendarCurve>& curves, double doy, Setpoints& setpoints) {
  for (const auto& curve : curves) {
    setpoints[curve.setpoint] += calendar_offset(curve, doy);
  }
}

}  // namespace egin::control
