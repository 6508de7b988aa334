// Reference evapotranspiration from weather records: the method layer over the pure equations of
// atmosphere, humidity, solar_geometry, solar_radiation, net_radiation, soil_heat_flux,
// wind_speed, penman_monteith and hargreaves. It picks each input the way FAO-56 Ch. 3 "Missing
// data" says (Allen et al. 1998) and names every fallback it took in the result's flags. It
// holds no I/O and no weather storage; it must not re-implement an equation those files hold.
//
// Methods (Et0Method):
//   kFao56      FAO-56 Penman-Monteith, daily Eq. 6 (Cn 900, Cd 0.34) or hourly Eq. 53 (Cn 37,
//               Cd 0.34 at all hours; G = 0.1 Rn by day, 0.5 Rn at night, Eq. 45–46).
//   kAsceEto    ASCE-EWRI 2005 standardized short reference ETos: daily Cn 900, Cd 0.34; hourly
//               Cn 37, Cd 0.24 day / 0.96 night, G = 0.1 / 0.5 Rn (ASCE-EWRI Table 1).
//   kAsceEtr    ASCE-EWRI 2005 tall reference ETrs: daily Cn 1600, Cd 0.38; hourly Cn 66,
//               Cd 0.25 / 1.7, G = 0.04 / 0.2 Rn (ASCE-EWRI Table 1, Eq. 65–66).
//   kHargreaves FAO-56 Eq. 52, daily only.
// For sub-hourly periods Cn and σ scale with the period length (Cn 37 is per hour).
// Daytime (hourly G and Cd) is Rn > 0, as ASCE-EWRI 2005 defines it. The hourly cloudiness fcd
// is computed while the sun is more than 0.3 rad above the horizon at the period's midpoint and
// carried over from the last such period otherwise (ASCE-EWRI 2005 Eq. 45 text).
// The ASCE methods use ASCE-EWRI's rounded constants (Δ with 2503, σ 4.901·10⁻⁹); FAO-56 uses
// Eq. 13 and σ 4.903·10⁻⁹. Et0Constants::kRefEt swaps in the constants of the REF-ET 4.1 program
// (University of Idaho) for parity with its output: pressure exponent 9.8/(0.0065·286.9), Δ with
// 4098·0.6108, Duffie & Beckman's declination, Gsc = 1367 W m⁻², hourly Cn = daily Cn / 24
// (37.5 and 66.7 instead of the rounded 37 and 66), and the hourly sun-angle test for fcd made at
// the START of the period (REF-ET's "Beta"), where kStandard uses the midpoint. Tmean for a day is (Tmax + Tmin)/2 (FAO-56 Eq. 9, the standard, not
// a fallback); a given 24-h mean tmean_c is used only when an extreme is missing.
//
// Input choice and flags (daily):
//   Rs    measured > Angström from sunshine hours (Eq. 35, rs_from_sunshine) > Hargreaves from
//         the temperature range with kRs (Eq. 50, rs_from_temperature) > none (no_radiation).
//   ea    measured ea_kpa > Tdew (Eq. 14) > RHmax+RHmin (Eq. 17, ea_from_rh_max_min) > RHmax
//         (Eq. 18, ea_from_rh_max) > RHmean (Eq. 19, ea_from_rh_mean) > Tmin as Tdew (Eq. 48,
//         ea_from_tmin) > none (no_humidity).
//   wind  measured at the site's height (Eq. 47 to 2 m) > 2 m s⁻¹ (wind_default).
//   T     Tmax and Tmin > tmean_c alone (es = e°(Tmean), es_from_tmean) > none (no_temperature).
// Hourly: T from t_out_c; ea measured > Tdew > RH (Eq. 54); Rs measured only; fcd before the
// first daylight period is the option's initial_fcd (fcd_assumed). A record that cannot be
// computed gives et0_mm = NaN and a no_* flag; the calculators never throw on a record.
//
// | option / result field | meaning                                      | unit              |
// |-----------------------|----------------------------------------------|-------------------|
// | krs                   | Hargreaves Rs adjustment (0.16 / 0.19)       | °C^-0.5           |
// | angstrom_as, _bs      | Angström coefficients                        | —                 |
// | albedo                | reference-surface albedo (0.23)              | —                 |
// | default_wind_m_s      | wind used when missing (2 m s⁻¹)             | m s⁻¹             |
// | tdew_below_tmin_c     | K0 of Eq. 48 (0 humid, 2–3 arid)             | °C                |
// | initial_fcd           | hourly fcd before the first daylight period  | —                 |
// | et0_mm                | reference ET of the day or period            | mm                |
// | ra, rso, rs, rns, rnl, rn, g | radiation terms, G                    | MJ m⁻² per d or period |
// | es, ea                | saturation and actual vapour pressure        | kPa               |
// | delta, gamma          | Δ and γ                                      | kPa °C⁻¹          |
// | u2                    | wind speed at 2 m                            | m s⁻¹             |
// | tmean                 | mean air temperature used                    | °C                |
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "egin/agromet/penman_monteith.hpp"
#include "egin/agromet/soil_heat_flux.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/weather.hpp"

namespace egin::agromet {

enum class Et0Method { kFao56, kAsceEto, kAsceEtr, kHargreaves };

/// Which clear-sky radiation: FAO-56 Eq. 37 (simple), Eq. 36 with the options' as + bs
/// (angstrom), or ASCE-EWRI 2005 Appendix D (full).
enum class RsoForm { kSimple, kAngstrom, kFull };

/// Published constants (FAO-56, ASCE-EWRI 2005), or those of the REF-ET 4.1 program.
enum class Et0Constants { kStandard, kRefEt };

/// "fao56", "asce-eto", "asce-etr", "hargreaves"; nullopt otherwise.
std::optional<Et0Method> parse_et0_method(std::string_view name);
std::string_view et0_method_name(Et0Method method);
/// "simple", "angstrom", "full"; nullopt otherwise.
std::optional<RsoForm> parse_rso_form(std::string_view name);
std::string_view rso_form_name(RsoForm form);
/// The default clear-sky form of a method: full for the ASCE methods (REF-ET parity), simple for
/// FAO-56 and Hargreaves (FAO-56 Eq. 37; pyfao56 parity).
RsoForm default_rso_form(Et0Method method);

struct Et0Options {
  Et0Method method = Et0Method::kFao56;
  RsoForm rso = RsoForm::kSimple;
  double krs = 0.16;               // FAO-56 Eq. 50
  double angstrom_as = 0.25;       // FAO-56 Eq. 35
  double angstrom_bs = 0.50;       // FAO-56 Eq. 35
  double albedo = 0.23;            // FAO-56 Eq. 38
  double default_wind_m_s = 2.0;   // FAO-56 Ch. 3 "Missing wind speed data"
  double tdew_below_tmin_c = 0.0;  // FAO-56 Eq. 48 / Annex 6 K0
  double initial_fcd = 0.73;       // hourly fcd until the first daylight period (FAO-56 Ex. 19)
  Et0Constants constants = Et0Constants::kStandard;
};

/// One bit per fallback or failure (see the file comment); names via et0_flags_text.
enum Et0Flag : std::uint32_t {
  kFlagRsFromSunshine = 1u << 0,
  kFlagRsFromTemperature = 1u << 1,
  kFlagEaFromRhMaxMin = 1u << 2,
  kFlagEaFromRhMax = 1u << 3,
  kFlagEaFromRhMean = 1u << 4,
  kFlagEaFromTmin = 1u << 5,
  kFlagWindDefault = 1u << 6,
  kFlagEsFromTmean = 1u << 7,
  kFlagFcdAssumed = 1u << 8,
  kFlagNoTemperature = 1u << 9,
  kFlagNoHumidity = 1u << 10,
  kFlagNoRadiation = 1u << 11,
};

/// The flags as their names joined by ';' ("rs_from_temperature;ea_from_tmin;wind_default"), in
/// bit order; "" when none.
std::string et0_flags_text(std::uint32_t flags);

/// ET0 of one day or period with every intermediate; a term not computed stays NaN.
struct Et0Result {
  double et0_mm = kMissing;
  double ra_mj_m2 = kMissing;
  double rso_mj_m2 = kMissing;
  double rs_mj_m2 = kMissing;
  double rns_mj_m2 = kMissing;
  double rnl_mj_m2 = kMissing;
  double rn_mj_m2 = kMissing;
  double g_mj_m2 = kMissing;
  double es_kpa = kMissing;
  double ea_kpa = kMissing;
  double delta_kpa_c = kMissing;
  double gamma_kpa_c = kMissing;
  double u2_m_s = kMissing;
  double tmean_c = kMissing;
  std::uint32_t flags = 0;

  [[nodiscard]] bool has(Et0Flag flag) const { return (flags & flag) != 0; }
};

/// Daily ET0 for one site and method. Construction checks the site and options and precomputes
/// everything that depends on the site and the day of the year only, so compute() allocates
/// nothing and is cheap.
class DailyEt0Calculator final {
 public:
  /// Throws egin::InputError (file `source`, the missing or bad field, its range) when the site
  /// lacks latitude, or elevation for the Penman-Monteith methods, or an option is out of range.
  DailyEt0Calculator(const SiteMeta& site, const Et0Options& options,
                     const std::string& source = {});

  [[nodiscard]] Et0Result compute(const DailyWeather& day) const;

  /// Checks what compute() cannot repair: sunshine longer than the day's N (FAO-56 Eq. 34, with
  /// 0.05 h for rounding). Throws egin::InputError naming `source`, the record's line and field.
  void check(const DailyWeather& day, const std::string& source) const;

  [[nodiscard]] const Et0Options& options() const { return options_; }

 private:
  struct DayOfYear {
    double ra_mj_m2 = 0.0;     // FAO-56 Eq. 21
    double daylight_h = 0.0;   // FAO-56 Eq. 34
    double sin_beta_24 = 0.0;  // ASCE-EWRI Eq. D.5
  };

  Et0Options options_;
  double elevation_m_;
  double pressure_kpa_;
  double gamma_kpa_c_;
  double wind_factor_;  // FAO-56 Eq. 47 factor for the site's wind height (1 at 2 m)
  double sigma_;
  bool asce_slope_;  // Δ by ASCE-EWRI Eq. 5 (2503) rather than FAO-56 Eq. 13
  ReferenceCoefficients coefficients_;
  std::array<DayOfYear, 367> doy_{};  // index 1 … 366
};

/// ET0 for each sub-daily period of one site, in time order: it carries the last daylight
/// cloudiness fcd from one period to the next, so feed it the periods in order.
class PeriodEt0Calculator final {
 public:
  /// Throws egin::InputError as DailyEt0Calculator does; also when the longitude is missing (the
  /// solar time needs it) or the method is Hargreaves (daily only).
  PeriodEt0Calculator(const SiteMeta& site, const Et0Options& options,
                      const std::string& source = {});

  [[nodiscard]] Et0Result compute(const PeriodWeather& period);

  /// Forgets the carried fcd (as before the first period).
  void reset() { last_fcd_ = kMissing; }

 private:
  Et0Options options_;
  double latitude_rad_;
  double longitude_deg_east_;
  double elevation_m_;
  double pressure_kpa_;
  double gamma_kpa_c_;
  double wind_factor_;
  double sigma_hour_;
  bool asce_slope_;
  bool beta_at_period_start_;
  SolarConstants sun_;
  ReferenceCoefficients day_coefficients_;
  ReferenceCoefficients night_coefficients_;
  SoilHeatFluxRatios g_ratios_;
  double last_fcd_ = kMissing;
};

/// One result per day of `series` (same order); throws InputError as the calculator's
/// constructor and check() do.
std::vector<Et0Result> compute_daily_et0(const DailyWeatherSeries& series,
                                         const Et0Options& options);
/// One result per period of `series` (same order).
std::vector<Et0Result> compute_period_et0(const PeriodWeatherSeries& series,
                                          const Et0Options& options);

}  // namespace egin::agromet
