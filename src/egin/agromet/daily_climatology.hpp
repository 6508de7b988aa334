// Daily climatology from monthly normals: a smooth daily curve whose monthly means equal the
// twelve monthly values exactly (a mean-preserving interpolation). The curve is periodic and
// linear between nodes placed at the month mid-days; the nodes start at the monthly values and
// are corrected, month by month, by the difference between the monthly value and the mean of
// the curve over that month, until every difference is below 1e-13 of the values' scale. (Plain
// linear interpolation through the monthly values would flatten the seasonal extremes: July's
// mean of a curve peaking at July's value is below it.) This project's choice of method; it is
// the role Epstein (1991, J. Climate 4, 365-368) gives his harmonic mean-preserving scheme.
// Pure functions; no weather, no randomness.
#pragma once

#include <vector>

#include "egin/agromet/climate_normals.hpp"

namespace egin::agromet {

/// One value per day of `year` (365 or 366), day 1 = 1 January; each month's mean of the
/// daily values equals `monthly[month]`.
std::vector<double> mean_preserving_daily_values(const MonthlyValues& monthly, int year);

/// Month index (0 = January) of each day of `year`.
std::vector<int> month_of_each_day(int year);

}  // namespace egin::agromet
