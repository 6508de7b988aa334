#include "egin/agromet/weather_generator.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "egin/agromet/daily_climatology.hpp"
#include "egin/agromet/humidity.hpp"
#include "egin/agromet/random_stream.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/core/date.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

// GWGEN default parameters (Sommer & Kaplan 2017): wet/dry regressions of the daily mean on
// the monthly mean, and the piecewise polynomials (degree ≤ 5, one per range between breaks)
// of the daily standard deviation on the wet- or dry-day mean.
constexpr double kTmaxWet1 = -0.586296;
constexpr double kTmaxWet2 = 0.948669;
constexpr double kTmaxDry1 = 0.386508;
constexpr double kTmaxDry2 = 1.0061;
constexpr double kTminWet1 = 1.164653;
constexpr double kTminWet2 = 0.955787;
constexpr double kTminDry1 = -0.528308;
constexpr double kTminDry2 = 1.020964;

struct PiecewisePolynomial {
  std::array<double, 3> breaks;                 // upper ends of the first three ranges
  std::array<std::array<double, 6>, 4> coeffs;  // per range: c0 … c5
};

constexpr PiecewisePolynomial kTminSdWet = {
    {-40.0, 0.0, 25.0},
    {{{9.72715668, 0.1010504, 0.0, 0.0, 0.0, 0.0},
      {3.05498827, -0.21158825, 0.01374948, 0.00140538, 3.686e-05, 3.2e-07},
      {3.21874237, -0.04507634, 0.02094482, -0.00264577, 9.818e-05, -1.13e-06},
      {0.55707042, 0.02443123, 0.0, 0.0, 0.0, 0.0}}}};
constexpr PiecewisePolynomial kTminSdDry = {
    {-40.0, 0.0, 25.0},
    {{{10.89900605, 0.12709893, 0.0, 0.0, 0.0, 0.0},
      {3.56755661, -0.11544588, 0.02824401, 0.00195612, 4.314e-05, 3.2e-07},
      {3.79411755, 0.03298697, -0.01504554, 0.00190346, -0.00011362, 2.13e-06},
      {-4.61943457, 0.22605603, 0.0, 0.0, 0.0, 0.0}}}};
constexpr PiecewisePolynomial kTmaxSdWet = {
    {-30.0, 0.0, 35.0},
    {{{6.67200351, 0.03643908, 0.0, 0.0, 0.0, 0.0},
      {3.86010858, -0.21861197, 0.00388465, 0.00146174, 6.059e-05, 7.4e-07},
      {3.79193207, -0.03126021, 0.01611473, -0.00120298, 2.912e-05, -2.4e-07},
      {5.55292835, -0.09734715, 0.0, 0.0, 0.0, 0.0}}}};
constexpr PiecewisePolynomial kTmaxSdDry = {
    {-30.0, 0.0, 35.0},
    {{{7.37455165, 0.01535526, 0.0, 0.0, 0.0, 0.0},
      {4.61701866, -0.33872824, -0.0187566, -0.0003185, 3.5e-06, 1.1e-07},
      {4.74550991, -0.07609816, 0.01893058, -0.00134943, 3.209e-05, -2.5e-07},
      {3.25541815, -0.02178605, 0.0, 0.0, 0.0, 0.0}}}};

// A floor for the polynomials, which are fitted to station data and could dip towards zero
// outside the data's range; a choice of this generator.
constexpr double kMinTemperatureSdC = 0.5;

double evaluate(const PiecewisePolynomial& p, double x) {
  std::size_t range = 3;
  for (std::size_t i = 0; i < 3; ++i) {
    if (x <= p.breaks[i]) {
      range = i;
      break;
    }
  }
  const auto& c = p.coeffs[range];
  double y = 0.0;
  for (std::size_t k = c.size(); k-- > 0;) {
    y = y * x + c[k];  // Horner
  }
  return y;
}

WetDryMeans around_normal(double normal, double wet_fraction, double wet_minus_dry) {
  // f·wet + (1 − f)·dry = normal with wet − dry = δ.
  return {normal - wet_fraction * wet_minus_dry, normal + (1.0 - wet_fraction) * wet_minus_dry};
}

// Radiation choices of this generator (see the header): wet-day clearness as a fraction of the
// dry-day one, the coefficient of variation, the lower bound as a fraction of Ra, and how close
// to the clear-sky value the dry-day mean may come.
constexpr double kRsWetToDry = 0.5;
constexpr double kRsCv = 0.2;
constexpr double kRsMinFractionOfRa = 0.1;
constexpr double kRsDryCapOfClearSky = 0.97;
constexpr double kMinRangeC = 1.0;              // smallest tmax − tmin a draw keeps
constexpr int kBurnInDays = 60;                 // residual and wet/dry chain run before 1 January
constexpr double kGamma13 = 0.897470696306277;  // Γ(1.3), for the SWAT wind normalisation

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

std::string fmt_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

enum class RadiationSource { kNone, kRsNormals, kSunshine };

RadiationSource radiation_source(const ClimateNormals& n) {
  if (has_all_months(n.rs_mj_m2)) {
    return RadiationSource::kRsNormals;
  }
  if (has_all_months(n.sunshine_h)) {
    return RadiationSource::kSunshine;
  }
  return RadiationSource::kNone;
}

/// Everything that depends on the year's calendar only (365 or 366 days).
struct YearClimate {
  int n_days = 365;
  std::vector<int> month;
  std::vector<double> tmax_c;
  std::vector<double> tmin_c;
  std::vector<double> clearness;  // Rs/Ra normal, when radiation is generated
  std::vector<double> ra_mj_m2;
  std::vector<double> rh_pct;
  std::vector<double> wind_m_s;
  std::array<double, kMonthsPerYear> wet_fraction{};
  std::array<double, kMonthsPerYear> mean_excess_mm{};  // mean amount above 1 mm per wet day
};

YearClimate year_climate(const ClimateNormals& n, int year, RadiationSource rad) {
  YearClimate y;
  y.n_days = Date::days_in_year(year);
  y.month = month_of_each_day(year);
  y.tmax_c = mean_preserving_daily_values(n.tmax_c, year);
  y.tmin_c = mean_preserving_daily_values(n.tmin_c, year);
  std::array<int, kMonthsPerYear> days{};
  for (const int m : y.month) {
    ++days[static_cast<std::size_t>(m)];
  }
  for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
    y.wet_fraction[m] = std::min(1.0, n.wet_days_ge_1mm[m] / days[m]);
    y.mean_excess_mm[m] =
        n.wet_days_ge_1mm[m] > 0.0
            ? std::max(0.0, n.precip_mm[m] / n.wet_days_ge_1mm[m] - kWetDayThresholdMm)
            : 0.0;
  }
  const double lat = degrees_to_radians(n.site.latitude_deg);
  if (rad != RadiationSource::kNone) {
    y.ra_mj_m2.resize(static_cast<std::size_t>(y.n_days));
    std::array<double, kMonthsPerYear> ra_sum{};
    std::array<double, kMonthsPerYear> n_sum{};
    for (int d = 0; d < y.n_days; ++d) {
      const auto m = static_cast<std::size_t>(y.month[static_cast<std::size_t>(d)]);
      y.ra_mj_m2[static_cast<std::size_t>(d)] =
          extraterrestrial_radiation_daily_mj_m2(lat, d + 1);  // FAO-56 Eq. 21
      ra_sum[m] += y.ra_mj_m2[static_cast<std::size_t>(d)];
      n_sum[m] += daylight_hours(lat, d + 1);  // FAO-56 Eq. 34
    }
    MonthlyValues k{};
    for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
      const double ra_mean = ra_sum[m] / days[m];
      if (rad == RadiationSource::kRsNormals) {
        k[m] = ra_mean > 0.0 ? n.rs_mj_m2[m] / ra_mean : 0.0;
      } else {
        const double n_over_big_n =
            std::min(1.0, (n.sunshine_h[m] / days[m]) / std::max(1e-9, n_sum[m] / days[m]));
        k[m] = kAngstromAs + kAngstromBs * n_over_big_n;  // FAO-56 Eq. 35
      }
    }
    y.clearness = mean_preserving_daily_values(k, year);
  }
  if (has_all_months(n.rh_mean_pct)) {
    y.rh_pct = mean_preserving_daily_values(n.rh_mean_pct, year);
  }
  if (has_all_months(n.wind_m_s)) {
    y.wind_m_s = mean_preserving_daily_values(n.wind_m_s, year);
  }
  return y;
}

void multiply(const Matrix3& m, const std::array<double, 3>& v, std::array<double, 3>& out) {
  for (std::size_t i = 0; i < 3; ++i) {
    out[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
  }
}

class Generator final {
 public:
  Generator(const ClimateNormals& n, const WeatherGeneratorOptions& o)
      : normals_(n), options_(o), rng_(o.seed), rad_(radiation_source(n)) {}

  GeneratedWeather run() {
    GeneratedWeather out;
    out.series.source = normals_.source;
    out.series.site = normals_.site;
    out.series.site.name = normals_.name;
    out.notes = notes();
    // Burn-in on the first year's January so that day 1 starts from the chain's own state.
    {
      const YearClimate y = year_climate(normals_, options_.start_year, rad_);
      wet_ = rng_.uniform() < y.wet_fraction[0];
      for (int d = 0; d < kBurnInDays; ++d) {
        (void)draw_day(y, 0, nullptr);
      }
    }
    std::optional<YearClimate> common;
    std::optional<YearClimate> leap;
    for (int k = 0; k < options_.years; ++k) {
      const int year = options_.start_year + k;
      std::optional<YearClimate>& slot = Date::is_leap_year(year) ? leap : common;
      if (!slot) {
        slot = year_climate(normals_, year, rad_);
      }
      const Date first(year, 1, 1);
      for (int d = 0; d < slot->n_days; ++d) {
        DailyWeather day;
        day.date = first + d;
        (void)draw_day(*slot, d, &day);
        out.series.days.push_back(day);
      }
    }
    return out;
  }

 private:
  std::vector<std::string> notes() const {
    std::vector<std::string> n;
    n.emplace_back("wet/dry: Geng et al. 1986 Markov chain from wet_days_ge_1mm");
    n.emplace_back("tmax, tmin: Richardson 1981 AR(1) with GWGEN wet/dry means and SDs");
    switch (rad_) {
      case RadiationSource::kRsNormals:
        n.emplace_back("rs: from the rs_mj_m2 normals");
        break;
      case RadiationSource::kSunshine:
        n.emplace_back("rs: from the sunshine_h normals by FAO-56 Eq. 35");
        break;
      case RadiationSource::kNone:
        n.emplace_back("rs: not generated (no rs_mj_m2 or sunshine_h normals)");
        break;
    }
    n.emplace_back(has_all_months(normals_.rh_mean_pct)
                       ? "ea: from the rh_mean_pct normals by FAO-56 Eq. 19"
                       : "ea: not generated (no rh_mean_pct normals)");
    n.emplace_back(has_all_months(normals_.wind_m_s)
                       ? "wind: SWAT modified exponential around the wind_m_s normals"
                       : "wind: not generated (no wind_m_s normals)");
    return n;
  }

  /// Draws one day of year-climate `y`, day index `d`; writes it into `day` when not null.
  bool draw_day(const YearClimate& y, int d, DailyWeather* day) {
    const auto di = static_cast<std::size_t>(d);
    const auto m = static_cast<std::size_t>(y.month[di]);
    const double f = y.wet_fraction[m];
    // 1. Occurrence (Geng et al. 1986).
    const WetDryTransition p = geng_transition(f);
    wet_ = rng_.uniform() < (wet_ ? p.wet_after_wet : p.wet_after_dry);
    // 2. Amount: 1 mm + gamma excess with the month's mean excess.
    double precip = 0.0;
    if (wet_) {
      precip = kWetDayThresholdMm;
      if (y.mean_excess_mm[m] > 0.0) {
        precip += rng_.gamma(kWetDayGammaShape, y.mean_excess_mm[m] / kWetDayGammaShape);
      }
    }
    // 3. Residuals: χ(t) = A χ(t−1) + B ε(t) (Richardson 1981).
    const std::array<double, 3> eps = {rng_.normal(), rng_.normal(), rng_.normal()};
    std::array<double, 3> a_chi{};
    std::array<double, 3> b_eps{};
    multiply(kRichardsonA, chi_, a_chi);
    multiply(kRichardsonB, eps, b_eps);
    for (std::size_t i = 0; i < 3; ++i) {
      chi_[i] = a_chi[i] + b_eps[i];
    }

    const WetDryMeans tx = tmax_wet_dry_c(y.tmax_c[di], f);
    const WetDryMeans tn = tmin_wet_dry_c(y.tmin_c[di], f);
    const double tmax_mean = wet_ ? tx.wet : tx.dry;
    const double tmin_mean = wet_ ? tn.wet : tn.dry;
    double tmax = tmax_mean + gwgen_tmax_sd_c(tmax_mean, wet_) * chi_[0];
    double tmin = tmin_mean + gwgen_tmin_sd_c(tmin_mean, wet_) * chi_[1];
    if (tmax - tmin < kMinRangeC) {
      const double mid = 0.5 * (tmax + tmin);
      tmax = mid + 0.5 * kMinRangeC;
      tmin = mid - 0.5 * kMinRangeC;
    }
    // 4. Radiation.
    double rs = kMissing;
    if (rad_ != RadiationSource::kNone) {
      rs = radiation(y, di, f, chi_[2]);
    }
    // 5. Humidity: FAO-56 Eq. 19, dew point at most tmin.
    double ea = kMissing;
    if (!y.rh_pct.empty()) {
      ea = ea_from_rh_mean_kpa(tmax, tmin, y.rh_pct[di]);
      ea = std::min(ea, saturation_vapour_pressure_kpa(tmin));
    }
    // 6. Wind: SWAT Eq. 1:3.5.1, normalised by Γ(1.3).
    double wind = kMissing;
    if (!y.wind_m_s.empty()) {
      wind = y.wind_m_s[di] * std::pow(-std::log(rng_.uniform()), 0.3) / kGamma13;
    }
    if (day != nullptr) {
      day->tmax_c = tmax;
      day->tmin_c = tmin;
      day->precip_mm = precip;
      day->rs_mj_m2 = rs;
      day->ea_kpa = ea;
      day->wind_m_s = wind;
    }
    return wet_;
  }

  double radiation(const YearClimate& y, std::size_t di, double f, double chi) const {
    const double ra = y.ra_mj_m2[di];
    if (ra <= 0.0) {
      return 0.0;
    }
    const double k_normal = std::max(0.0, y.clearness[di]);
    const double k_clear = rso_simple_mj_m2(1.0, normals_.site.elevation_m);  // FAO-56 Eq. 37
    const double k_min = kRsMinFractionOfRa;
    // f·K_wet + (1 − f)·K_dry = K with K_wet = r K_dry; the dry-day K kept below clear sky.
    double k_dry = k_normal / (1.0 - f + f * kRsWetToDry);
    double k_wet = kRsWetToDry * k_dry;
    if (k_dry > kRsDryCapOfClearSky * k_clear) {
      k_dry = kRsDryCapOfClearSky * k_clear;
      k_wet = f > 0.0 ? (k_normal - (1.0 - f) * k_dry) / f : k_wet;
    }
    const double k_mean = std::clamp(wet_ ? k_wet : k_dry, k_min, k_clear);
    const double sd = std::min({kRsCv * k_mean, 0.5 * (k_clear - k_mean), 0.5 * (k_mean - k_min)});
    const double k = std::clamp(k_mean + sd * chi, k_min, k_clear);
    return k * ra;
  }

  const ClimateNormals& normals_;
  WeatherGeneratorOptions options_;
  RandomStream rng_;
  RadiationSource rad_;
  bool wet_ = false;
  std::array<double, 3> chi_{0.0, 0.0, 0.0};
};

[[noreturn]] void fail(const ClimateNormals& n, const std::string& key, const std::string& problem,
                       const std::string& expected) {
  throw InputError({n.source, n.line_of(key), key}, problem, expected);
}

}  // namespace

WetDryTransition geng_transition(double wet_fraction) {
  const double f = std::clamp(wet_fraction, 0.0, 1.0);
  return {0.75 * f, 0.25 + 0.75 * f};  // Geng et al. 1986
}

WetDryMeans tmax_wet_dry_c(double normal_c, double wet_fraction) {
  const double wet = kTmaxWet1 + kTmaxWet2 * normal_c;
  const double dry = kTmaxDry1 + kTmaxDry2 * normal_c;
  return around_normal(normal_c, wet_fraction, wet - dry);
}

WetDryMeans tmin_wet_dry_c(double normal_c, double wet_fraction) {
  const double wet = kTminWet1 + kTminWet2 * normal_c;
  const double dry = kTminDry1 + kTminDry2 * normal_c;
  return around_normal(normal_c, wet_fraction, wet - dry);
}

double gwgen_tmax_sd_c(double mean_c, bool wet) {
  return std::max(kMinTemperatureSdC, evaluate(wet ? kTmaxSdWet : kTmaxSdDry, mean_c));
}

double gwgen_tmin_sd_c(double mean_c, bool wet) {
  return std::max(kMinTemperatureSdC, evaluate(wet ? kTminSdWet : kTminSdDry, mean_c));
}

void check_normals_for_generator(const ClimateNormals& n) {
  const std::string need = "12 monthly values in [monthly]";
  for (const auto& [key, values] :
       {std::pair<std::string, const MonthlyValues*>{"monthly.tmax_c", &n.tmax_c},
        {"monthly.tmin_c", &n.tmin_c},
        {"monthly.precip_mm", &n.precip_mm},
        {"monthly.wet_days_ge_1mm", &n.wet_days_ge_1mm}}) {
    if (!has_all_months(*values)) {
      fail(n, key, "is missing; the weather generator needs it", need);
    }
  }
  if (is_missing(n.site.latitude_deg)) {
    fail(n, "site.latitude_deg", "is missing; the weather generator needs it",
         "latitude_deg in [site], −90 to 90 °");
  }
  if (radiation_source(n) != RadiationSource::kNone && is_missing(n.site.elevation_m)) {
    fail(n, "site.elevation_m", "is missing; radiation is generated and needs it (FAO-56 Eq. 37)",
         "elevation_m in [site], −500 to 9000 m");
  }
  for (std::size_t m = 0; m < kMonthsPerYear; ++m) {
    const double wet = n.wet_days_ge_1mm[m];
    const double p = n.precip_mm[m];
    if (wet > 0.0 && p / wet < kWetDayThresholdMm) {
      fail(n, "monthly.precip_mm",
           std::string(kMonthNames[m]) + " has " + fmt_number(p) + " mm on " + fmt_number(wet) +
               " days of ≥ 1 mm, less than 1 mm per such day",
           "precip_mm ≥ 1 mm × wet_days_ge_1mm");
    }
    if (wet == 0.0 && p > 0.0) {
      fail(n, "monthly.wet_days_ge_1mm",
           std::string(kMonthNames[m]) + " has " + fmt_number(p) + " mm but no day of ≥ 1 mm",
           "wet_days_ge_1mm > 0 where precip_mm > 0 (0.1 d is fine)");
    }
  }
}

GeneratedWeather generate_daily_weather(const ClimateNormals& normals,
                                        const WeatherGeneratorOptions& options) {
  check_normals_for_generator(normals);
  if (options.years < 1 || options.years > 10000) {
    throw InputError({"", 0, "--years"}, "must be 1 to 10000", "1 to 10000 years");
  }
  return Generator(normals, options).run();
}

}  // namespace egin::agromet
