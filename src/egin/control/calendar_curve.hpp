// CalendarCurve: a seasonal shift of one set-point — points (day of year, offset) joined by
// straight lines and repeated every year, so that 15 December → 15 January interpolates across
// New Year. The offset is added to the band value, in the set-point's own unit (°C for t_heat_c,
// ppm for co2_ppm …). One point is a constant offset.
#pragma once

#include <cstddef>
#include <vector>

#include "egin/control/setpoints.hpp"

namespace egin::control {

inline constexpr std::size_t kMaxCalendarPoints = 24;

struct CalendarPoint {
  int day_of_year = 1;  // 1 … 365 (a "MM-DD" date of a non-leap year)
  double offset = 0.0;  // in the set-point's unit
};

struct CalendarCurve {
  SetpointId setpoint = SetpointId::kTHeatC;
  std::vector<CalendarPoint> points;  // strictly increasing day_of_year, 1 … kMaxCalendarPoints
};

/// The offset on fractional day of year `doy` (1.0 = 1 January 00:00; 366.x in leap years is
/// read as 365.x).
double calendar_offset(const CalendarCurve& curve, double doy);

/// Adds every curve's offset on `doy` to `setpoints`.
void apply_calendar(const std::vector<CalendarCurve>& curves, double doy, Setpoints& setpoints);

}  // namespace egin::control
