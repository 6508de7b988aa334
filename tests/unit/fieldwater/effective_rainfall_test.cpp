#include "egin/fieldwater/effective_rainfall.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

EffectiveRainSettings with(EffectiveRainMethod m) {
  EffectiveRainSettings s;
  s.method = m;
  return s;
}

// Hand-computed from the CROPWAT formulas (Smith 1992).
TEST(EffectiveRainMonthly, UsdaScs) {
  const auto s = with(EffectiveRainMethod::kUsdaScs);
  EXPECT_NEAR(effective_rain_monthly_mm(s, 100.0), 84.0, 1e-12);         // 100 (125 - 20)/125
  EXPECT_NEAR(effective_rain_monthly_mm(s, 250.0), 150.0, 1e-12);        // 250 (125 - 50)/125
  EXPECT_NEAR(effective_rain_monthly_mm(s, 300.0), 155.0, 1e-12);        // 125 + 0.1 300
  EXPECT_NEAR(effective_rain_monthly_mm(s, 250.0 + 1e-9), 150.0, 1e-6);  // continuous at 250
  EXPECT_EQ(effective_rain_monthly_mm(s, 0.0), 0.0);
}

TEST(EffectiveRainMonthly, DependableRainFaoAglw) {
  const auto s = with(EffectiveRainMethod::kDependableRain);
  EXPECT_NEAR(effective_rain_monthly_mm(s, 50.0), 20.0, 1e-12);   // 0.6 50 - 10
  EXPECT_NEAR(effective_rain_monthly_mm(s, 70.0), 32.0, 1e-12);   // 0.6 70 - 10
  EXPECT_NEAR(effective_rain_monthly_mm(s, 100.0), 56.0, 1e-12);  // 0.8 100 - 24
  EXPECT_EQ(effective_rain_monthly_mm(s, 10.0), 0.0);             // -4 bounded to 0
}

TEST(EffectiveRainMonthly, FixedEmpiricalAndNone) {
  auto fixed = with(EffectiveRainMethod::kFixedPercentage);
  fixed.fixed_fraction = 0.7;
  EXPECT_NEAR(effective_rain_monthly_mm(fixed, 50.0), 35.0, 1e-12);

  auto emp = with(EffectiveRainMethod::kEmpirical);
  emp.empirical = {0.5, -5.0, 0.9, -20.0, 100.0};
  EXPECT_NEAR(effective_rain_monthly_mm(emp, 60.0), 25.0, 1e-12);    // 0.5 60 - 5
  EXPECT_NEAR(effective_rain_monthly_mm(emp, 200.0), 160.0, 1e-12);  // 0.9 200 - 20
  // The default empirical coefficients are the dependable-rain formula.
  const auto emp_default = with(EffectiveRainMethod::kEmpirical);
  const auto dep = with(EffectiveRainMethod::kDependableRain);
  for (double p = 0.0; p <= 400.0; p += 7.5) {
    EXPECT_DOUBLE_EQ(effective_rain_monthly_mm(emp_default, p), effective_rain_monthly_mm(dep, p));
  }
  EXPECT_EQ(effective_rain_monthly_mm(with(EffectiveRainMethod::kNone), 123.0), 123.0);
}

TEST(EffectiveRainMonthly, NeverAboveRainNorBelowZero) {
  for (const auto m : {EffectiveRainMethod::kFixedPercentage, EffectiveRainMethod::kDependableRain,
                       EffectiveRainMethod::kEmpirical, EffectiveRainMethod::kUsdaScs,
                       EffectiveRainMethod::kNone}) {
    for (double p = 0.0; p <= 1000.0; p += 3.7) {
      const double v = effective_rain_monthly_mm(with(m), p);
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, p);
    }
  }
}

// CROPWAT 8's decade forms: USDA SCS Peff = Pdec (125 - 0.6 Pdec)/125 for Pdec <= 250/3,
// 125/3 + 0.1 Pdec above; dependable 0.6 Pdec - 10/3 for Pdec <= 70/3, 0.8 Pdec - 24/3 above.
TEST(EffectiveRainPeriod, DecadeScalingEqualsCropwatDecadeFormulas) {
  const auto scs = with(EffectiveRainMethod::kUsdaScs);
  EXPECT_NEAR(effective_rain_period_mm(scs, 30.0, 10.0), 30.0 * (125.0 - 18.0) / 125.0, 1e-12);
  EXPECT_NEAR(effective_rain_period_mm(scs, 100.0, 10.0), 125.0 / 3.0 + 10.0, 1e-12);
  const auto dep = with(EffectiveRainMethod::kDependableRain);
  EXPECT_NEAR(effective_rain_period_mm(dep, 20.0, 10.0), 0.6 * 20.0 - 10.0 / 3.0, 1e-12);
  EXPECT_NEAR(effective_rain_period_mm(dep, 40.0, 10.0), 0.8 * 40.0 - 24.0 / 3.0, 1e-12);
  // A 30-day period is the monthly formula itself.
  EXPECT_DOUBLE_EQ(effective_rain_period_mm(scs, 100.0, 30.0), 84.0);
  EXPECT_THROW((void)effective_rain_period_mm(scs, 10.0, 0.0), InputError);
}

TEST(EffectiveRainDaily, MonthRatioKeepsTheMonthlyTotal) {
  const auto scs = with(EffectiveRainMethod::kUsdaScs);
  std::vector<Date> dates;
  std::vector<double> p;
  for (int d = 1; d <= 30; ++d) {  // April 2024, all days present
    dates.emplace_back(2024, 4, static_cast<unsigned>(d));
    p.push_back(d == 5 ? 40.0 : d == 20 ? 60.0 : 0.0);
  }
  const auto out = effective_rain_daily_mm(scs, dates, p);
  EXPECT_NEAR(out[4], 40.0 * 0.84, 1e-12);  // month: 100 mm -> 84 mm, ratio 0.84
  EXPECT_NEAR(out[19], 60.0 * 0.84, 1e-12);
  double sum = 0.0;
  for (double v : out) sum += v;
  EXPECT_NEAR(sum, 84.0, 1e-12);
}

TEST(EffectiveRainDaily, PartialMonthIsScaledToAWholeMonthAndMissingStaysMissing) {
  const auto scs = with(EffectiveRainMethod::kUsdaScs);
  std::vector<Date> dates;
  std::vector<double> p;
  for (int d = 1; d <= 11; ++d) {  // 1-11 May 2024; day 11 missing
    dates.emplace_back(2024, 5, static_cast<unsigned>(d));
    p.push_back(d == 3 ? 20.0 : d == 11 ? std::nan("") : 0.0);
  }
  const auto out = effective_rain_daily_mm(scs, dates, p);
  // 20 mm in 10 days of a 31-day month -> 62 mm/month -> 62 (125 - 12.4)/125 = 55.8496 mm.
  EXPECT_NEAR(out[2], 20.0 * 55.8496 / 62.0, 1e-12);  // = 18.016
  EXPECT_TRUE(std::isnan(out[10]));
  EXPECT_EQ(out[0], 0.0);
}

TEST(EffectiveRain, BadInputIsAnInputError) {
  const auto scs = with(EffectiveRainMethod::kUsdaScs);
  EXPECT_THROW((void)effective_rain_monthly_mm(scs, -1.0), InputError);
  EXPECT_THROW((void)effective_rain_monthly_mm(scs, std::nan("")), InputError);
  const std::vector<Date> dates{Date(2024, 1, 1)};
  const std::vector<double> negative{-2.0};
  EXPECT_THROW((void)effective_rain_daily_mm(scs, dates, negative), InputError);
  const std::vector<double> two{1.0, 2.0};
  EXPECT_THROW((void)effective_rain_daily_mm(scs, dates, two), InputError);
  auto bad = scs;
  bad.fixed_fraction = 1.2;
  EXPECT_THROW(validate(bad), InputError);
  EXPECT_NO_THROW(validate(scs));
  EXPECT_EQ(parse_effective_rain_method("usda-scs"), EffectiveRainMethod::kUsdaScs);
  EXPECT_EQ(effective_rain_method_name(parse_effective_rain_method("dependable")), "dependable");
  try {
    (void)parse_effective_rain_method("cropwat");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.expected(), "one of: fixed, dependable, empirical, usda-scs, none");
  }
}

}  // namespace
}  // namespace egin::fieldwater
