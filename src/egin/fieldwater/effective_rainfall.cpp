#include "egin/fieldwater/effective_rainfall.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "egin/core/input_error.hpp"

namespace egin::fieldwater {
namespace {

void check_rain(double p_mm, const char* field) {
  if (!(p_mm >= 0.0) || !std::isfinite(p_mm)) {
    throw InputError({"", 0, field}, "rain " + std::to_string(p_mm) + " mm is not a valid amount",
                     "0 mm or more");
  }
}

int days_in_month(const Date& d) {
  const unsigned m = d.month();
  const int y = d.year();
  const Date first(y, m, 1);
  const Date next = m == 12 ? Date(y + 1, 1, 1) : Date(y, m + 1, 1);
  return next - first;
}

}  // namespace

EffectiveRainMethod parse_effective_rain_method(std::string_view name) {
  if (name == "fixed") return EffectiveRainMethod::kFixedPercentage;
  if (name == "dependable") return EffectiveRainMethod::kDependableRain;
  if (name == "empirical") return EffectiveRainMethod::kEmpirical;
  if (name == "usda-scs" || name == "usda_scs") return EffectiveRainMethod::kUsdaScs;
  if (name == "none") return EffectiveRainMethod::kNone;
  throw InputError({"", 0, "effective rain method"}, "unknown method '" + std::string(name) + "'",
                   "one of: fixed, dependable, empirical, usda-scs, none");
}

std::string_view effective_rain_method_name(EffectiveRainMethod method) {
  switch (method) {
    case EffectiveRainMethod::kFixedPercentage:
      return "fixed";
    case EffectiveRainMethod::kDependableRain:
      return "dependable";
    case EffectiveRainMethod::kEmpirical:
      return "empirical";
    case EffectiveRainMethod::kUsdaScs:
      return "usda-scs";
    case EffectiveRainMethod::kNone:
      return "none";
  }
  return "unknown";
}

void validate(const EffectiveRainSettings& s) {
  const auto in = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
  if (!in(s.fixed_fraction, 0.0, 1.0)) {
    throw InputError({"", 0, "fixed_fraction"}, "out of range", "0 to 1 (0 to 100 %)");
  }
  const EmpiricalRainFormula& e = s.empirical;
  if (!in(e.a, 0.0, 1.5) || !in(e.c, 0.0, 1.5)) {
    throw InputError({"", 0, "empirical a, c"}, "slope out of range", "0 to 1.5");
  }
  if (!in(e.b_mm, -500.0, 500.0) || !in(e.d_mm, -500.0, 500.0)) {
    throw InputError({"", 0, "empirical b, d"}, "offset out of range", "-500 to 500 mm");
  }
  if (!in(e.z_mm, 0.0, 2000.0) || e.z_mm == 0.0) {
    throw InputError({"", 0, "empirical z"}, "limit out of range", "0 < z <= 2000 mm/month");
  }
}

double effective_rain_monthly_mm(const EffectiveRainSettings& s, double p) {
  check_rain(p, "p_month_mm");
  double peff = p;
  switch (s.method) {
    case EffectiveRainMethod::kFixedPercentage:
      peff = s.fixed_fraction * p;
      break;
    case EffectiveRainMethod::kDependableRain:  // FAO/AGLW (Smith 1992; FAO-33)
      peff = p <= 70.0 ? 0.6 * p - 10.0 : 0.8 * p - 24.0;
      break;
    case EffectiveRainMethod::kEmpirical:  // CROPWAT empirical formula
      peff = p <= s.empirical.z_mm ? s.empirical.a * p + s.empirical.b_mm
                                   : s.empirical.c * p + s.empirical.d_mm;
      break;
    case EffectiveRainMethod::kUsdaScs:  // USDA SCS as in CROPWAT (Smith 1992)
      peff = p <= 250.0 ? p * (125.0 - 0.2 * p) / 125.0 : 125.0 + 0.1 * p;
      break;
    case EffectiveRainMethod::kNone:
      peff = p;
      break;
  }
  return std::clamp(peff, 0.0, p);
}

double effective_rain_period_mm(const EffectiveRainSettings& s, double p_mm, double period_days) {
  check_rain(p_mm, "p_mm");
  if (!(period_days >= 1.0 && period_days <= 31.0)) {
    throw InputError({"", 0, "period_days"}, "out of range", "1 to 31 d");
  }
  const double k = 30.0 / period_days;  // CROPWAT 8: decade totals ×3, formula, ÷3
  return effective_rain_monthly_mm(s, k * p_mm) / k;
}

std::vector<double> effective_rain_daily_mm(const EffectiveRainSettings& s,
                                            std::span<const Date> dates,
                                            std::span<const double> p_mm) {
  if (dates.size() != p_mm.size()) {
    throw InputError({"", 0, "p_mm"},
                     "has " + std::to_string(p_mm.size()) + " values for " +
                         std::to_string(dates.size()) + " dates",
                     "one rain value per date");
  }
  struct MonthSum {
    double p_mm = 0.0;
    int days = 0;
    int days_in_month = 30;
  };
  std::map<std::pair<int, unsigned>, MonthSum> months;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (std::isnan(p_mm[i])) continue;
    if (!(p_mm[i] >= 0.0) || !std::isfinite(p_mm[i])) {
      throw InputError(
          {"", 0, "p_mm"},
          "rain " + std::to_string(p_mm[i]) + " mm on " + dates[i].iso() + " is not a valid amount",
          "0 mm or more, or missing");
    }
    MonthSum& m = months[{dates[i].year(), dates[i].month()}];
    m.p_mm += p_mm[i];
    m.days += 1;
    m.days_in_month = days_in_month(dates[i]);
  }
  std::map<std::pair<int, unsigned>, double> ratio;
  for (const auto& [key, m] : months) {
    // Scale a partial month to a whole one so that the monthly formula sees a monthly total.
    const double p_month = m.p_mm * static_cast<double>(m.days_in_month) / m.days;
    ratio[key] = p_month > 0.0 ? effective_rain_monthly_mm(s, p_month) / p_month : 0.0;
  }
  std::vector<double> out(p_mm.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    out[i] = std::isnan(p_mm[i]) ? p_mm[i] : p_mm[i] * ratio[{dates[i].year(), dates[i].month()}];
  }
  return out;
}

}  // namespace egin::fieldwater
