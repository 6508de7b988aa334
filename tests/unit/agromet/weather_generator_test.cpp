// The WGEN-type generator: its published parts (Geng et al. 1986 transitions, Richardson's A and
// B giving his lag-0 correlations, GWGEN's polynomials), and its statistics over many simulated
// years against the normals that drove it. Tolerances are sampling tolerances: 4 standard errors
// of the mean over the simulated years (from the simulated spread itself), plus a small stated
// allowance for the generator's known biases (the 1 °C minimum range, the clipping of Rs).
#include "egin/agromet/weather_generator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/humidity.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

const std::string kDir = std::string(EGIN_SOURCE_DIR) + "/data/weather/";

// A complete set of normals for the tests (synthetic, a dry continental climate like the
// region's): every quantity the generator can use.
const char* kComplete = R"([site]
name = "Test station"
latitude_deg = 42.3
longitude_deg = 69.6
elevation_m = 600
wind_height_m = 10
[monthly]
tmax_c = [4.5, 6.5, 13.6, 20.5, 26.5, 32.1, 34.5, 33.6, 27.9, 19.7, 11.8, 5.6]
tmin_c = [-4.0, -2.6, 3.0, 8.8, 13.1, 17.4, 19.3, 17.6, 11.9, 6.1, 1.6, -2.3]
precip_mm = [55, 60, 80, 75, 50, 15, 5, 3, 6, 35, 50, 60]
wet_days_ge_1mm = [9, 9, 10, 9, 7, 3, 1.2, 0.8, 1.3, 5, 8, 9]
rs_mj_m2 = [7.5, 10.5, 14.0, 18.5, 23.5, 27.0, 27.0, 24.0, 19.0, 13.0, 8.5, 6.5]
rh_mean_pct = [76, 74, 68, 62, 52, 38, 34, 36, 42, 56, 70, 77]
wind_m_s = [2.1, 2.3, 2.6, 2.7, 2.5, 2.4, 2.3, 2.2, 2.0, 1.9, 2.0, 2.1]
)";

struct MonthStats {
  std::map<int, double> total;  // per year
  std::map<int, double> wet;    // per year
  double t_sum[2] = {0, 0};
  double t_sum2[2] = {0, 0};
  std::map<int, double> tmax_year;
  std::map<int, double> tmin_year;
  std::map<int, double> rs_year;
  std::map<int, double> wind_year;
  std::map<int, int> days_year;
};

struct SampleStats {
  double mean = 0.0;
  double standard_error = 0.0;
};

SampleStats over_years(const std::map<int, double>& per_year) {
  double s = 0.0;
  double s2 = 0.0;
  for (const auto& [y, v] : per_year) {
    s += v;
    s2 += v * v;
  }
  const double n = static_cast<double>(per_year.size());
  const double mean = s / n;
  const double var = (s2 - n * mean * mean) / (n - 1.0);
  return {mean, std::sqrt(std::max(var, 0.0) / n)};
}

std::array<MonthStats, 12> stats_of(const DailyWeatherSeries& s) {
  std::array<MonthStats, 12> out;
  for (const DailyWeather& d : s.days) {
    MonthStats& m = out[d.date.month() - 1];
    const int y = d.date.year();
    m.total[y] += d.precip_mm;
    m.wet[y] += d.precip_mm >= 1.0 ? 1.0 : 0.0;
    m.tmax_year[y] += d.tmax_c;
    m.tmin_year[y] += d.tmin_c;
    if (!is_missing(d.rs_mj_m2)) m.rs_year[y] += d.rs_mj_m2;
    if (!is_missing(d.wind_m_s)) m.wind_year[y] += d.wind_m_s;
    m.days_year[y] += 1;
  }
  for (MonthStats& m : out) {
    for (auto& [y, v] : m.tmax_year) v /= m.days_year[y];
    for (auto& [y, v] : m.tmin_year) v /= m.days_year[y];
    for (auto& [y, v] : m.rs_year) v /= m.days_year[y];
    for (auto& [y, v] : m.wind_year) v /= m.days_year[y];
  }
  return out;
}

GeneratedWeather generate(const ClimateNormals& n, int years, std::uint64_t seed) {
  WeatherGeneratorOptions o;
  o.years = years;
  o.seed = seed;
  o.start_year = 2001;
  return generate_daily_weather(n, o);
}

TEST(WeatherGenerator, GengTransitionsKeepTheWetFraction) {
  for (const double f : {0.0, 0.02, 0.2, 0.5, 0.9, 1.0}) {
    const WetDryTransition p = geng_transition(f);
    EXPECT_DOUBLE_EQ(p.wet_after_dry, 0.75 * f);         // Geng et al. 1986
    EXPECT_DOUBLE_EQ(p.wet_after_wet, 0.25 + 0.75 * f);  // Geng et al. 1986
    // Stationary wet fraction of a two-state chain: P(W|D) / (1 − P(W|W) + P(W|D)).
    EXPECT_NEAR(p.wet_after_dry / (1.0 - p.wet_after_wet + p.wet_after_dry), f, 1e-12);
  }
}

TEST(WeatherGenerator, RichardsonMatricesGiveHisLagZeroCorrelations) {
  // The stationary covariance S = A S Aᵀ + B Bᵀ of χ(t) = A χ(t−1) + B ε(t) is Richardson's
  // (1981) M0: unit variances, r(tmax, tmin) = 0.633, r(tmax, Rs) = 0.186, r(tmin, Rs) = −0.193.
  Matrix3 s{};
  for (int i = 0; i < 3; ++i) s[i][i] = 1.0;
  for (int it = 0; it < 300; ++it) {
    Matrix3 next{};
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) {
        double v = 0.0;
        for (int k = 0; k < 3; ++k) {
          for (int l = 0; l < 3; ++l) v += kRichardsonA[i][k] * s[k][l] * kRichardsonA[j][l];
          v += kRichardsonB[i][k] * kRichardsonB[j][k];
        }
        next[i][j] = v;
      }
    }
    s = next;
  }
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(s[i][i], 1.0, 0.002);
  EXPECT_NEAR(s[0][1], 0.633, 0.002);
  EXPECT_NEAR(s[0][2], 0.186, 0.002);
  EXPECT_NEAR(s[1][2], -0.193, 0.002);
}

TEST(WeatherGenerator, GwgenRelations) {
  // Hand evaluation of the GWGEN default polynomials (Sommer & Kaplan 2017):
  // tmax dry, mean 36.6 (> 35): 3.25541815 − 0.02178605 × 36.6.
  EXPECT_NEAR(gwgen_tmax_sd_c(36.6, false), 3.25541815 - 0.02178605 * 36.6, 1e-9);
  // tmin wet, mean −40 (≤ −40): 9.72715668 + 0.1010504 × (−40).
  EXPECT_NEAR(gwgen_tmin_sd_c(-40.0, true), 9.72715668 - 0.1010504 * 40.0, 1e-9);
  // tmax dry, mean 10 (0-35): Σ c_k 10^k.
  const double x = 10.0;
  EXPECT_NEAR(gwgen_tmax_sd_c(x, false),
              4.74550991 - 0.07609816 * x + 0.01893058 * x * x - 0.00134943 * x * x * x +
                  3.209e-05 * std::pow(x, 4) - 2.5e-07 * std::pow(x, 5),
              1e-9);
  // Wet days cooler by day and warmer by night; the weighted mean is the normal.
  for (const double f : {0.1, 0.3}) {
    const WetDryMeans tx = tmax_wet_dry_c(30.0, f);
    const WetDryMeans tn = tmin_wet_dry_c(-5.0, f);
    EXPECT_LT(tx.wet, tx.dry);
    EXPECT_GT(tn.wet, tn.dry);
    EXPECT_NEAR(f * tx.wet + (1 - f) * tx.dry, 30.0, 1e-12);
    EXPECT_NEAR(f * tn.wet + (1 - f) * tn.dry, -5.0, 1e-12);
    // The contrast is GWGEN's: (wet regression) − (dry regression) at the normal.
    EXPECT_NEAR(tx.wet - tx.dry, (-0.586296 + 0.948669 * 30) - (0.386508 + 1.0061 * 30), 1e-12);
  }
}

TEST(WeatherGenerator, SameSeedSameWeatherOtherSeedOther) {
  const ClimateNormals n = parse_climate_normals_toml(kComplete, "test.toml");
  const auto a = generate(n, 3, 99);
  const auto b = generate(n, 3, 99);
  const auto c = generate(n, 3, 100);
  ASSERT_EQ(a.series.days.size(), 365u * 3);
  int same_as_other_seed = 0;
  for (std::size_t i = 0; i < a.series.days.size(); ++i) {
    const DailyWeather& x = a.series.days[i];
    const DailyWeather& y = b.series.days[i];
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.tmax_c, y.tmax_c);
    EXPECT_EQ(x.tmin_c, y.tmin_c);
    EXPECT_EQ(x.precip_mm, y.precip_mm);
    EXPECT_EQ(x.rs_mj_m2, y.rs_mj_m2);
    EXPECT_EQ(x.ea_kpa, y.ea_kpa);
    EXPECT_EQ(x.wind_m_s, y.wind_m_s);
    same_as_other_seed += x.tmax_c == c.series.days[i].tmax_c ? 1 : 0;
  }
  EXPECT_LT(same_as_other_seed, 5);
  EXPECT_EQ(a.series.days.front().date, Date(2001, 1, 1));
  EXPECT_EQ(a.series.days.back().date, Date(2003, 12, 31));
}

TEST(WeatherGenerator, PhysicalBounds) {
  const ClimateNormals n = parse_climate_normals_toml(kComplete, "test.toml");
  const auto g = generate(n, 50, 5);
  const double lat = degrees_to_radians(n.site.latitude_deg);
  for (const DailyWeather& d : g.series.days) {
    ASSERT_LT(d.tmin_c, d.tmax_c) << d.date.iso();
    EXPECT_GE(d.tmax_c - d.tmin_c, 1.0 - 1e-9);
    EXPECT_TRUE(d.precip_mm == 0.0 || d.precip_mm >= 1.0) << d.date.iso();
    const double ra = extraterrestrial_radiation_daily_mj_m2(lat, d.date.day_of_year());
    EXPECT_LE(d.rs_mj_m2, rso_simple_mj_m2(ra, n.site.elevation_m) + 1e-9) << d.date.iso();
    EXPECT_GE(d.rs_mj_m2, 0.1 * ra - 1e-9);
    // RH ≤ 100 % at every hour: the dew point is at most the day's minimum.
    EXPECT_LE(d.ea_kpa, saturation_vapour_pressure_kpa(d.tmin_c) + 1e-12);
    EXPECT_GT(d.wind_m_s, 0.0);
  }
}

// The statistical checks: monthly mean tmax, tmin, Rs and wind; monthly precipitation total and
// wet-day count, over `years` simulated years.
void expect_reproduces_normals(const ClimateNormals& n, int years, std::uint64_t seed) {
  const auto g = generate(n, years, seed);
  const auto stats = stats_of(g.series);
  for (std::size_t m = 0; m < 12; ++m) {
    const MonthStats& s = stats[m];
    const SampleStats tmax = over_years(s.tmax_year);
    const SampleStats tmin = over_years(s.tmin_year);
    const SampleStats total = over_years(s.total);
    const SampleStats wet = over_years(s.wet);
    // 0.15 °C: the widening of draws with a range below 1 °C moves tmax up and tmin down by
    // at most ≈ 0.1 °C in the wettest months.
    EXPECT_NEAR(tmax.mean, n.tmax_c[m], 4.0 * tmax.standard_error + 0.15) << "month " << m + 1;
    EXPECT_NEAR(tmin.mean, n.tmin_c[m], 4.0 * tmin.standard_error + 0.15) << "month " << m + 1;
    EXPECT_NEAR(total.mean, n.precip_mm[m], 4.0 * total.standard_error) << "month " << m + 1;
    EXPECT_NEAR(wet.mean, n.wet_days_ge_1mm[m], 4.0 * wet.standard_error) << "month " << m + 1;
    if (has_all_months(n.rs_mj_m2)) {
      const SampleStats rs = over_years(s.rs_year);
      // 3 %: the clipping at 0.1 Ra and Rso, and K × Ra against the monthly mean of Rs.
      EXPECT_NEAR(rs.mean, n.rs_mj_m2[m], 4.0 * rs.standard_error + 0.03 * n.rs_mj_m2[m])
          << "month " << m + 1;
    }
    if (has_all_months(n.wind_m_s)) {
      const SampleStats w = over_years(s.wind_year);
      EXPECT_NEAR(w.mean, n.wind_m_s[m], 4.0 * w.standard_error) << "month " << m + 1;
    }
  }
}

TEST(WeatherGenerator, ReproducesShardaraNormals) {
  const ClimateNormals n = read_climate_normals(kDir + "shardara_normals.toml");
  expect_reproduces_normals(n, 600, 20250101);
}

TEST(WeatherGenerator, ReproducesCompleteNormals) {
  const ClimateNormals n = parse_climate_normals_toml(kComplete, "test.toml");
  expect_reproduces_normals(n, 600, 7);
}

TEST(WeatherGenerator, SunshineNormalsGiveAngstromRadiation) {
  std::string text = kComplete;
  const auto at = text.find("rs_mj_m2");
  text.replace(at, text.find('\n', at) - at,
               "sunshine_h = [130, 140, 170, 210, 290, 350, 370, 350, 300, 230, 160, 120]");
  const ClimateNormals n = parse_climate_normals_toml(text, "sun.toml");
  const auto g = generate(n, 300, 3);
  // July: n = 370/31 h, N and Ra from FAO-56 Eq. 34 and 21 at mid-July → Rs = (0.25 + 0.5 n/N) Ra.
  const double lat = degrees_to_radians(42.3);
  const double expected = rs_from_sunshine_mj_m2(extraterrestrial_radiation_daily_mj_m2(lat, 196),
                                                 370.0 / 31.0, daylight_hours(lat, 196));
  const SampleStats rs = over_years(stats_of(g.series)[6].rs_year);
  EXPECT_NEAR(rs.mean, expected, 0.03 * expected);
}

TEST(WeatherGenerator, HumidityFromNormals) {
  const ClimateNormals n = parse_climate_normals_toml(kComplete, "test.toml");
  const auto g = generate(n, 100, 4);
  // July (RH 34 %): ea = RH × es (FAO-56 Eq. 19) where the dew point stays below tmin.
  double sum_rh = 0.0;
  int days = 0;
  for (const DailyWeather& d : g.series.days) {
    if (d.date.month() == 7) {
      sum_rh += 100.0 * d.ea_kpa / mean_saturation_vapour_pressure_kpa(d.tmax_c, d.tmin_c);
      ++days;
    }
  }
  EXPECT_NEAR(sum_rh / days, 34.0, 1.0);
}

TEST(WeatherGenerator, MissingQuantitiesAreNotInvented) {
  const ClimateNormals n = read_climate_normals(kDir + "shardara_normals.toml");
  const auto g = generate(n, 1, 1);
  for (const DailyWeather& d : g.series.days) {
    EXPECT_TRUE(is_missing(d.rs_mj_m2));
    EXPECT_TRUE(is_missing(d.ea_kpa));
    EXPECT_TRUE(is_missing(d.wind_m_s));
  }
  bool said = false;
  for (const std::string& note : g.notes) said = said || note.find("rs: not generated") == 0;
  EXPECT_TRUE(said);
}

TEST(WeatherGenerator, IncompleteNormalsAreRejectedWithTheirField) {
  const ClimateNormals shymkent = read_climate_normals(kDir + "shymkent_normals.toml");
  try {
    (void)generate(shymkent, 1, 1);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "monthly.tmin_c");
    EXPECT_GT(e.where().line, 0);
    EXPECT_NE(e.where().file.find("shymkent_normals.toml"), std::string::npos);
  }
  std::string text = kComplete;
  text.replace(text.find("precip_mm = [55"), 15, "precip_mm = [5");  // 5 mm on 9 days ≥ 1 mm
  try {
    (void)generate(parse_climate_normals_toml(text, "t.toml"), 1, 1);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "monthly.precip_mm");
    EXPECT_NE(std::string(e.what()).find("January"), std::string::npos) << e.what();
  }
  text = kComplete;
  text.replace(text.find("elevation_m = 600\n"), 18, "");
  try {
    (void)generate(parse_climate_normals_toml(text, "t.toml"), 1, 1);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "site.elevation_m");
  }
}

}  // namespace
}  // namespace egin::agromet
