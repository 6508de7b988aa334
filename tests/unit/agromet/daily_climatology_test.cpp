// The mean-preserving daily curve: each month's mean equals its normal, in common and leap
// years; a constant stays constant; the curve is smooth (no step at month boundaries) and keeps
// the seasonal extremes that plain interpolation would flatten.
#include "egin/agromet/daily_climatology.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "egin/core/date.hpp"

namespace egin::agromet {
namespace {

// Shardara tmax normals (data/weather/shardara_normals.toml).
constexpr MonthlyValues kTmax = {3.7,  6.8,  14.4, 22.0, 28.7, 34.4,
                                 36.6, 35.1, 29.3, 21.6, 12.1, 5.0};

void expect_means(const MonthlyValues& normals, int year) {
  const auto daily = mean_preserving_daily_values(normals, year);
  const auto month = month_of_each_day(year);
  ASSERT_EQ(daily.size(), static_cast<std::size_t>(Date::days_in_year(year)));
  ASSERT_EQ(month.size(), daily.size());
  std::array<double, 12> sum{};
  std::array<int, 12> n{};
  for (std::size_t d = 0; d < daily.size(); ++d) {
    sum[static_cast<std::size_t>(month[d])] += daily[d];
    ++n[static_cast<std::size_t>(month[d])];
  }
  for (std::size_t m = 0; m < 12; ++m) {
    EXPECT_NEAR(sum[m] / n[m], normals[m], 1e-8) << "month " << m + 1 << " of " << year;
  }
}

TEST(DailyClimatology, MonthlyMeansKeptExactly) {
  expect_means(kTmax, 2025);
  expect_means(kTmax, 2024);  // leap year: February has 29 days
  expect_means({-3.1, -1.7, 4.2, 10.5, 16.2, 20.8, 22.5, 20.6, 14.7, 8.5, 2.5, -1.9}, 2023);
}

TEST(DailyClimatology, MonthLengths) {
  const auto month = month_of_each_day(2024);
  EXPECT_EQ(std::count(month.begin(), month.end(), 1), 29);
  EXPECT_EQ(std::count(month.begin(), month.end(), 0), 31);
  EXPECT_EQ(month.back(), 11);
}

TEST(DailyClimatology, ConstantStaysConstant) {
  MonthlyValues c;
  c.fill(7.25);
  for (const double v : mean_preserving_daily_values(c, 2025)) EXPECT_NEAR(v, 7.25, 1e-12);
}

TEST(DailyClimatology, SmoothAndKeepsTheExtremes) {
  const auto daily = mean_preserving_daily_values(kTmax, 2025);
  double worst_step = 0.0;
  for (std::size_t d = 1; d < daily.size(); ++d) {
    worst_step = std::max(worst_step, std::abs(daily[d] - daily[d - 1]));
  }
  worst_step = std::max(worst_step, std::abs(daily.front() - daily.back()));  // periodic
  EXPECT_LT(worst_step, 0.35);  // the steepest normal change is 8.3 °C a month (Oct → Nov)
  // July's curve peaks above July's normal, so that the month's mean equals it.
  EXPECT_GT(*std::max_element(daily.begin(), daily.end()), 36.6);
}

}  // namespace
}  // namespace egin::agromet
