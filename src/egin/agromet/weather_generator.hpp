// A seeded stochastic daily weather generator in the WGEN tradition (Richardson 1981, Water
// Resour. Res. 17, 182-190; Richardson & Wright 1984, USDA ARS-8) driven by monthly climate
// normals only, as LARS-WG (Semenov & Barrow 1997) and GWGEN (Sommer & Kaplan 2017, Geosci.
// Model Dev. 10, 3771-3791) are. The same normals, options and seed give the same days on
// every machine (random_stream.hpp). Every day it draws, in this order:
//
// 1. Wet or dry (≥ 1 mm): first-order Markov chain with Geng, Penning de Vries & Supit (1986,
//    Agric. For. Meteorol. 36, 363-376): P(W|D) = 0.75 f, P(W|W) = 0.25 + P(W|D), f = the
//    month's wet days / days in month; its stationary wet fraction is exactly f.
// 2. Amount on a wet day: 1 mm + a gamma-distributed excess (shape α = 1/1.268022, the global
//    calibration of GWGEN's Geng-type relation scale = 1.268022 × mean amount per wet day,
//    Sommer & Kaplan 2017), scaled so the mean amount is precip_mm / wet_days_ge_1mm. Shifting
//    by the 1 mm threshold keeps the count of days ≥ 1 mm equal to the normal, which a plain
//    gamma (with a quarter of its draws below 1 mm) would not.
// 3. tmax, tmin and Rs as Richardson's (1981) trivariate AR(1) of standardised residuals,
//    χ(t) = A χ(t−1) + B ε(t), with his A and B (Richardson & Wright 1984, Eq. 4-6), ε ~ N(0, I).
//    Means conditioned on wet/dry: the wet-minus-dry contrast of GWGEN's regressions
//    (tmax_wet = −0.586296 + 0.948669 x, tmax_dry = 0.386508 + 1.0061 x, tmin_wet = 1.164653 +
//    0.955787 x, tmin_dry = −0.528308 + 1.020964 x; x the day's normal), placed around the
//    normal so that f·wet + (1 − f)·dry equals it. Standard deviations: GWGEN's piecewise
//    polynomials of the wet/dry mean (Sommer & Kaplan 2017, their default parameters).
//    Draws with tmax − tmin < 1 °C are widened to 1 °C about their mid-point.
// 4. Rs (only when the normals give rs_mj_m2 or sunshine_h): the month's clearness K = Rs/Ra
//    (from rs_mj_m2, or FAO-56 Eq. 35 from sunshine), daily K by the mean-preserving curve,
//    wet days at 0.5 × the dry-day K (a choice of this generator; WGEN conditions Rs on wet/dry
//    from station data, which normals lack), σ = 0.2 × mean but at most half the distance to
//    the bounds, bounds 0.1 Ra ≤ Rs ≤ Rso (FAO-56 Eq. 37).
// 5. Humidity (only from rh_mean_pct): ea = RH/100 × es (FAO-56 Eq. 19), at most e°(tmin)
//    (the dew point cannot stay above the night's minimum).
// 6. Wind (only from wind_m_s): SWAT's modified exponential (Neitsch et al. 2011, SWAT
//    Theoretical Documentation 2009, Eq. 1:3.5.1), u = ū (−ln U)^0.3, divided by Γ(1.3) so the
//    mean is ū; days independent.
// Daily normals of tmax, tmin, K, RH and wind come from daily_climatology.hpp; the wet/dry
// parameters stay monthly (as in WGEN). Quantities the normals do not give are not generated
// (NaN): the consumer then takes the FAO-56 fallback and says so.
//
// | option / output | meaning                                        | unit      |
// |-----------------|------------------------------------------------|-----------|
// | years           | years to generate, from 1 January start_year   | —         |
// | seed            | the random stream's seed                       | —         |
// | tmax_c, tmin_c  | daily maximum, minimum air temperature         | °C        |
// | precip_mm       | daily precipitation                            | mm        |
// | rs_mj_m2        | daily global radiation                         | MJ m⁻² d⁻¹ |
// | ea_kpa          | daily actual vapour pressure                   | kPa       |
// | wind_m_s        | daily mean wind at the normals' wind height    | m s⁻¹     |
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "egin/agromet/climate_normals.hpp"
#include "egin/agromet/weather.hpp"

namespace egin::agromet {

using Matrix3 = std::array<std::array<double, 3>, 3>;

/// Richardson (1981) lag-1 matrix A for (tmax, tmin, Rs) residuals (Richardson & Wright 1984).
inline constexpr Matrix3 kRichardsonA = {
    {{0.567, 0.086, -0.002}, {0.253, 0.504, -0.050}, {-0.006, -0.039, 0.244}}};
/// Richardson (1981) matrix B (lower triangular) for the same residuals.
inline constexpr Matrix3 kRichardsonB = {{{0.781, 0.0, 0.0},  //
                                          {0.328, 0.637, 0.0},
                                          {0.238, -0.341, 0.873}}};

/// Shape of the gamma excess over 1 mm: 1 / 1.268022 (Sommer & Kaplan 2017, GWGEN default).
inline constexpr double kWetDayGammaShape = 1.0 / 1.268022;
inline constexpr double kWetDayThresholdMm = 1.0;

struct WetDryTransition {
  double wet_after_dry = 0.0;  // P(W|D)
  double wet_after_wet = 0.0;  // P(W|W)
};

/// Geng et al. (1986): P(W|D) = 0.75 f, P(W|W) = 0.25 + 0.75 f, f in [0, 1].
WetDryTransition geng_transition(double wet_fraction);

/// Mean of a quantity on dry and on wet days, placed so that f·wet + (1 − f)·dry = normal.
struct WetDryMeans {
  double dry = 0.0;
  double wet = 0.0;
};
/// tmax and tmin by GWGEN's wet and dry regressions (their contrast), around `normal_c`.
WetDryMeans tmax_wet_dry_c(double normal_c, double wet_fraction);
WetDryMeans tmin_wet_dry_c(double normal_c, double wet_fraction);

/// GWGEN's standard deviation of daily tmax / tmin (°C) as a function of the wet- or
/// dry-day mean (Sommer & Kaplan 2017, default parameters; piecewise polynomials of degree 5).
double gwgen_tmax_sd_c(double mean_c, bool wet);
double gwgen_tmin_sd_c(double mean_c, bool wet);

struct WeatherGeneratorOptions {
  int years = 1;
  std::uint64_t seed = 1;
  int start_year = 2025;
};

struct GeneratedWeather {
  DailyWeatherSeries series;
  std::vector<std::string> notes;  // what was generated from what, and what was not
};

/// Checks that `normals` can drive the generator (latitude, the four precipitation and
/// temperature arrays; elevation when radiation is generated; consistent amounts) and throws
/// InputError naming the file, line, field and what is needed otherwise.
void check_normals_for_generator(const ClimateNormals& normals);

/// Generates options.years whole years of daily weather. Throws as check_normals_for_generator.
GeneratedWeather generate_daily_weather(const ClimateNormals& normals,
                                        const WeatherGeneratorOptions& options);

}  // namespace egin::agromet
