#include "egin/agromet/daily_climatology.hpp"

#include <algorithm>
#include <cmath>

#include "egin/core/date.hpp"

namespace egin::agromet {
namespace {

std::array<int, kMonthsPerYear> month_lengths(int year) {
  std::array<int, kMonthsPerYear> out{};
  for (int m = 0; m < kMonthsPerYear; ++m) {
    const Date first(year, static_cast<unsigned>(m + 1), 1);
    const Date next = m == 11 ? Date(year + 1, 1, 1) : Date(year, static_cast<unsigned>(m + 2), 1);
    out[static_cast<std::size_t>(m)] = next - first;
  }
  return out;
}

}  // namespace

std::vector<int> month_of_each_day(int year) {
  std::vector<int> out;
  out.reserve(366);
  const auto lengths = month_lengths(year);
  for (int m = 0; m < kMonthsPerYear; ++m) {
    out.insert(out.end(), static_cast<std::size_t>(lengths[static_cast<std::size_t>(m)]), m);
  }
  return out;
}

std::vector<double> mean_preserving_daily_values(const MonthlyValues& monthly, int year) {
  const auto lengths = month_lengths(year);
  const int n_days = Date::days_in_year(year);
  std::array<double, kMonthsPerYear> mid{};  // node positions, days from 1 Jan 00:00
  double start = 0.0;
  for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
    mid[m] = start + 0.5 * lengths[m];
    start += lengths[m];
  }
  // For each day centre t = d + 0.5: the two nodes around it (periodic) and the weight of the
  // second, so that value = (1 − w) node[i] + w node[j].
  struct Stencil {
    std::size_t i;
    std::size_t j;
    double w;
  };
  std::vector<Stencil> stencil(static_cast<std::size_t>(n_days));
  for (int d = 0; d < n_days; ++d) {
    const double t = d + 0.5;
    Stencil s{11, 0, 0.0};
    if (t < mid[0]) {
      const double left = mid[11] - n_days;
      s = {11, 0, (t - left) / (mid[0] - left)};
    } else if (t >= mid[11]) {
      const double right = mid[0] + n_days;
      s = {11, 0, (t - mid[11]) / (right - mid[11])};
    } else {
      for (std::size_t k = 0; k + 1 < kMonthsPerYear; ++k) {
        if (t >= mid[k] && t < mid[k + 1]) {
          s = {k, k + 1, (t - mid[k]) / (mid[k + 1] - mid[k])};
          break;
        }
      }
    }
    stencil[static_cast<std::size_t>(d)] = s;
  }
  const std::vector<int> month = month_of_each_day(year);
  double scale = 1.0;
  for (const double v : monthly) {
    scale = std::max(scale, std::abs(v));
  }
  std::array<double, kMonthsPerYear> node = monthly;
  std::vector<double> daily(static_cast<std::size_t>(n_days));
  // Each sweep shrinks the error at least by half (a month's mean depends on its own node
  // with weight ≥ 3/4); 200 sweeps is far more than the 1e-9 target needs.
  for (int sweep = 0; sweep < 200; ++sweep) {
    std::array<double, kMonthsPerYear> sum{};
    for (std::size_t d = 0; d < daily.size(); ++d) {
      const Stencil& s = stencil[d];
      daily[d] = (1.0 - s.w) * node[s.i] + s.w * node[s.j];
      sum[static_cast<std::size_t>(month[d])] += daily[d];
    }
    double worst = 0.0;
    for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
      const double error = monthly[m] - sum[m] / lengths[m];
      node[m] += error;
      worst = std::max(worst, std::abs(error));
    }
    if (worst < 1e-13 * scale) {
      break;
    }
  }
  for (std::size_t d = 0; d < daily.size(); ++d) {
    const Stencil& s = stencil[d];
    daily[d] = (1.0 - s.w) * node[s.i] + s.w * node[s.j];
  }
  return daily;
}

}  // namespace egin::agromet
