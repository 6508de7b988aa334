#include "egin/agromet/et0.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "egin/agromet/atmosphere.hpp"
#include "egin/agromet/hargreaves.hpp"
#include "egin/agromet/humidity.hpp"
#include "egin/agromet/net_radiation.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/agromet/solar_radiation.hpp"
#include "egin/agromet/wind_speed.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {

namespace {

struct MethodName {
  Et0Method method;
  std::string_view name;
};
constexpr std::array<MethodName, 4> kMethodNames{{{Et0Method::kFao56, "fao56"},
                                                  {Et0Method::kAsceEto, "asce-eto"},
                                                  {Et0Method::kAsceEtr, "asce-etr"},
                                                  {Et0Method::kHargreaves, "hargreaves"}}};

struct RsoName {
  RsoForm form;
  std::string_view name;
};
constexpr std::array<RsoName, 3> kRsoNames{
    {{RsoForm::kSimple, "simple"}, {RsoForm::kAngstrom, "angstrom"}, {RsoForm::kFull, "full"}}};

constexpr std::array<std::string_view, 12> kFlagNames{
    "rs_from_sunshine", "rs_from_temperature", "ea_from_rh_max_min", "ea_from_rh_max",
    "ea_from_rh_mean",  "ea_from_tmin",        "wind_default",       "es_from_tmean",
    "fcd_assumed",      "no_temperature",      "no_humidity",        "no_radiation"};

// sin(0.3 rad): ASCE-EWRI 2005 Eq. 45 text, the sun elevation above which fcd is computed.
const double kSinBetaDaylight = std::sin(0.3);

bool is_asce(Et0Method method) {
  return method == Et0Method::kAsceEto || method == Et0Method::kAsceEtr;
}

std::string fmt_number(double v) {
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') {
    s.pop_back();
  }
  if (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  return s;
}

/// A site value that must be present and within [lo, hi].
double require_site_value(double value, const std::string& source, const char* field,
                          const char* what, double lo, double hi, const char* unit) {
  const std::string range = fmt_number(lo) + " to " + fmt_number(hi) + " " + unit;
  if (is_missing(value)) {
    throw InputError({source, 0, field},
                     std::string("the site's ") + what +
                         " is missing (give it as an option or a '# " + field +
                         ": …' line in the file)",
                     range);
  }
  if (value < lo || value > hi) {
    throw InputError(
        {source, 0, field},
        std::string("the site's ") + what + " " + fmt_number(value) + " is out of range", range);
  }
  return value;
}

void check_option(double value, const std::string& source, const char* name, double lo, double hi) {
  if (!(value >= lo && value <= hi)) {
    throw InputError({source, 0, name}, "option value " + fmt_number(value) + " is out of range",
                     fmt_number(lo) + " to " + fmt_number(hi));
  }
}

void check_options(const Et0Options& o, const std::string& source) {
  check_option(o.krs, source, "krs", 0.1, 0.3);
  check_option(o.angstrom_as, source, "angstrom_as", 0.0, 1.0);
  check_option(o.angstrom_bs, source, "angstrom_bs", 0.0, 1.0);
  check_option(o.albedo, source, "albedo", 0.0, 1.0);
  check_option(o.default_wind_m_s, source, "default_wind_m_s", 0.0, 20.0);
  check_option(o.tdew_below_tmin_c, source, "tdew_below_tmin_c", 0.0, 10.0);
  check_option(o.initial_fcd, source, "initial_fcd", 0.05, 1.0);
}

/// The FAO-56 Eq. 47 factor u2/uz for the site's wind height; exactly 1 at 2 m (FAO-56's u2 is
/// the wind measured at 2 m).
double wind_factor(const SiteMeta& site, const std::string& source) {
  const double z = require_site_value(site.wind_height_m, source, "wind_height_m",
                                      "wind measurement height", 0.5, 100.0, "m");
  return z == 2.0 ? 1.0 : wind_speed_2m_m_s(1.0, z);
}

/// Clear-sky radiation in the options' form (FAO-56 Eq. 37 or 36, ASCE-EWRI Eq. D.1).
double clear_sky(const Et0Options& o, double ra, double elevation_m, double pressure_kpa,
                 double ea_kpa, double sin_beta) {
  switch (o.rso) {
    case RsoForm::kSimple:
      return rso_simple_mj_m2(ra, elevation_m);
    case RsoForm::kAngstrom:
      return rso_angstrom_mj_m2(ra, o.angstrom_as, o.angstrom_bs);
    case RsoForm::kFull:
      return rso_full_mj_m2(ra, pressure_kpa, ea_kpa, sin_beta);
  }
  return rso_simple_mj_m2(ra, elevation_m);
}

double pressure_exponent(const Et0Options& o) {
  return o.constants == Et0Constants::kRefEt ? kPressureExponentRefEt : kPressureExponent;
}

SolarConstants solar_constants(const Et0Options& o) {
  return o.constants == Et0Constants::kRefEt ? kSolarConstantsRefEt : SolarConstants{};
}

/// Day of the year (1 … 366) of a day count since 1970-01-01, by the civil-from-days algorithm
/// over 400-year eras (Hinnant, "chrono-compatible low-level date algorithms"): integer only and
/// without egin::Date's validation, as the daily path reads it once per record.
int day_of_year_of(int days_since_epoch) {
  const int z = days_since_epoch + 719468;  // days since 0000-03-01
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy_from_march = doe - (365 * yoe + yoe / 4 - yoe / 100);     // [0, 365]
  if (doy_from_march >= 306) {
    return doy_from_march - 306 + 1;  // January, February
  }
  const int year = yoe + era * 400;  // the March-based year is the calendar year here
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return doy_from_march + 60 + (leap ? 1 : 0);
}

/// fcd with Rso = 0 (sun below the horizon all day) taken as 1, the overcast value's limit.
double cloudiness_or_one(double rs, double rso) {
  return rso > 0.0 ? cloudiness_factor(rs, rso) : 1.0;
}

}  // namespace

std::optional<Et0Method> parse_et0_method(std::string_view name) {
  for (const auto& m : kMethodNames) {
    if (m.name == name) {
      return m.method;
    }
  }
  return std::nullopt;
}

std::string_view et0_method_name(Et0Method method) {
  for (const auto& m : kMethodNames) {
    if (m.method == method) {
      return m.name;
    }
  }
  return "?";
}

std::optional<RsoForm> parse_rso_form(std::string_view name) {
  for (const auto& r : kRsoNames) {
    if (r.name == name) {
      return r.form;
    }
  }
  return std::nullopt;
}

std::string_view rso_form_name(RsoForm form) {
  for (const auto& r : kRsoNames) {
    if (r.form == form) {
      return r.name;
    }
  }
  return "?";
}

RsoForm default_rso_form(Et0Method method) {
  return is_asce(method) ? RsoForm::kFull : RsoForm::kSimple;
}

std::string et0_flags_text(std::uint32_t flags) {
  std::string text;
  for (std::size_t bit = 0; bit < kFlagNames.size(); ++bit) {
    if ((flags & (1u << bit)) == 0) {
      continue;
    }
    if (!text.empty()) {
      text += ';';
    }
    text += kFlagNames[bit];
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Daily

DailyEt0Calculator::DailyEt0Calculator(const SiteMeta& site, const Et0Options& options,
                                       const std::string& source)
    : options_(options) {
  check_options(options_, source);
  const double latitude_deg = require_site_value(site.latitude_deg, source, "latitude_deg",
                                                 "latitude", -90.0, 90.0, "degrees");
  const bool penman = options_.method != Et0Method::kHargreaves;
  if (penman) {
    elevation_m_ = require_site_value(site.elevation_m, source, "elevation_m", "elevation", -500.0,
                                      9000.0, "m");
    wind_factor_ = wind_factor(site, source);
  } else {
    elevation_m_ = is_missing(site.elevation_m) ? 0.0 : site.elevation_m;
    wind_factor_ = 1.0;
  }
  pressure_kpa_ = atmospheric_pressure_kpa(elevation_m_, pressure_exponent(options_));  // Eq. 7
  gamma_kpa_c_ = psychrometric_constant_kpa_c(pressure_kpa_);  // FAO-56 Eq. 8
  sigma_ = is_asce(options_.method) ? kStefanBoltzmannAsceDay : kStefanBoltzmannFao56Day;
  asce_slope_ = is_asce(options_.method) && options_.constants == Et0Constants::kStandard;
  coefficients_ = options_.method == Et0Method::kAsceEtr ? kAsceEtrsDaily : kFao56Daily;

  const double latitude_rad = degrees_to_radians(latitude_deg);  // FAO-56 Eq. 22
  const SolarConstants sun = solar_constants(options_);
  for (int doy = 1; doy <= 366; ++doy) {
    auto& d = doy_[static_cast<std::size_t>(doy)];
    d.ra_mj_m2 = extraterrestrial_radiation_daily_mj_m2(latitude_rad, doy, sun);  // Eq. 21
    d.daylight_h = daylight_hours(latitude_rad, doy, sun);                        // Eq. 34
    d.sin_beta_24 = sin_solar_elevation_24h(latitude_rad, doy);                   // ASCE Eq. D.5
  }
}

Et0Result DailyEt0Calculator::compute(const DailyWeather& w) const {
  Et0Result r;
  const Et0Options& o = options_;
  const DayOfYear& day = doy_[static_cast<std::size_t>(day_of_year_of(w.date.days_since_epoch()))];
  r.ra_mj_m2 = day.ra_mj_m2;
  r.gamma_kpa_c = gamma_kpa_c_;

  const bool has_extremes = !is_missing(w.tmax_c) && !is_missing(w.tmin_c);

  if (o.method == Et0Method::kHargreaves) {
    if (!has_extremes) {
      r.flags |= kFlagNoTemperature;
      return r;
    }
    r.tmean_c = 0.5 * (w.tmax_c + w.tmin_c);                              // FAO-56 Eq. 9
    r.et0_mm = hargreaves_mm(w.tmax_c, w.tmin_c, r.tmean_c, r.ra_mj_m2);  // FAO-56 Eq. 52
    return r;
  }

  // Temperature and saturation vapour pressure.
  SaturationAtExtremes e{};
  if (has_extremes) {
    e = saturation_at_extremes(w.tmax_c, w.tmin_c);     // FAO-56 Eq. 11
    r.tmean_c = 0.5 * (w.tmax_c + w.tmin_c);            // FAO-56 Eq. 9
    r.es_kpa = mean_saturation_vapour_pressure_kpa(e);  // FAO-56 Eq. 12
  } else if (!is_missing(w.tmean_c)) {
    r.tmean_c = w.tmean_c;
    r.es_kpa = saturation_vapour_pressure_kpa(w.tmean_c);  // FAO-56 Eq. 11 at Tmean
    r.flags |= kFlagEsFromTmean;
  } else {
    r.flags |= kFlagNoTemperature;
  }
  const bool has_t = !is_missing(r.tmean_c);
  if (has_t) {
    r.delta_kpa_c = asce_slope_ ? saturation_slope_asce_kpa_c(r.tmean_c)  // ASCE-EWRI Eq. 5
                                : saturation_slope_kpa_c(r.tmean_c);      // FAO-56 Eq. 13
  }

  // Actual vapour pressure, FAO-56 Ch. 3 order of preference.
  if (!is_missing(w.ea_kpa)) {
    r.ea_kpa = w.ea_kpa;
  } else if (!is_missing(w.tdew_c)) {
    r.ea_kpa = ea_from_tdew_kpa(w.tdew_c);  // FAO-56 Eq. 14
  } else if (has_extremes && !is_missing(w.rh_max_pct) && !is_missing(w.rh_min_pct)) {
    r.ea_kpa = ea_from_rh_max_min_kpa(e, w.rh_max_pct, w.rh_min_pct);  // FAO-56 Eq. 17
    r.flags |= kFlagEaFromRhMaxMin;
  } else if (!is_missing(w.tmin_c) && !is_missing(w.rh_max_pct)) {
    r.ea_kpa = has_extremes ? ea_from_rh_max_kpa(e, w.rh_max_pct)  // FAO-56 Eq. 18
                            : ea_from_rh_max_kpa(w.tmin_c, w.rh_max_pct);
    r.flags |= kFlagEaFromRhMax;
  } else if (has_t && !is_missing(w.rh_mean_pct)) {
    r.ea_kpa = ea_from_rh_mean_kpa(r.es_kpa, w.rh_mean_pct);  // FAO-56 Eq. 19
    r.flags |= kFlagEaFromRhMean;
  } else if (!is_missing(w.tmin_c)) {
    // FAO-56 Eq. 48: e°(Tmin − K0); with K0 = 0 that is the e°(Tmin) already at hand.
    r.ea_kpa = has_extremes && o.tdew_below_tmin_c == 0.0
                   ? e.at_tmin_kpa
                   : ea_from_tmin_kpa(w.tmin_c, o.tdew_below_tmin_c);
    r.flags |= kFlagEaFromTmin;
  } else {
    r.flags |= kFlagNoHumidity;
  }

  // Solar radiation.
  if (!is_missing(w.rs_mj_m2)) {
    r.rs_mj_m2 = w.rs_mj_m2;
  } else if (!is_missing(w.sunshine_h)) {
    r.rs_mj_m2 = rs_from_sunshine_mj_m2(r.ra_mj_m2, w.sunshine_h, day.daylight_h, o.angstrom_as,
                                        o.angstrom_bs);  // FAO-56 Eq. 35
    r.flags |= kFlagRsFromSunshine;
  } else if (has_extremes) {
    r.rs_mj_m2 = rs_from_temperature_mj_m2(r.ra_mj_m2, w.tmax_c, w.tmin_c, o.krs);  // Eq. 50
    r.flags |= kFlagRsFromTemperature;
  } else {
    r.flags |= kFlagNoRadiation;
  }

  // Wind at 2 m.
  if (!is_missing(w.wind_m_s)) {
    r.u2_m_s = w.wind_m_s * wind_factor_;  // FAO-56 Eq. 47
  } else {
    r.u2_m_s = o.default_wind_m_s;  // FAO-56 Ch. 3 "Missing wind speed data"
    r.flags |= kFlagWindDefault;
  }

  if (!is_missing(r.ea_kpa)) {
    r.rso_mj_m2 = clear_sky(o, r.ra_mj_m2, elevation_m_, pressure_kpa_, r.ea_kpa,
                            day.sin_beta_24);  // FAO-56 Eq. 36/37, ASCE Eq. D.1
  }
  r.g_mj_m2 = soil_heat_flux_daily_mj_m2();  // FAO-56 Eq. 42
  if (!has_t || is_missing(r.ea_kpa) || is_missing(r.rs_mj_m2)) {
    return r;
  }

  r.rns_mj_m2 = net_shortwave_mj_m2(r.rs_mj_m2, o.albedo);        // FAO-56 Eq. 38
  const double fcd = cloudiness_or_one(r.rs_mj_m2, r.rso_mj_m2);  // FAO-56 Eq. 39
  r.rnl_mj_m2 = has_extremes
                    ? net_longwave_daily_mj_m2(w.tmax_c, w.tmin_c, r.ea_kpa, fcd, sigma_)
                    : net_longwave_daily_mj_m2(r.tmean_c, r.tmean_c, r.ea_kpa, fcd, sigma_);
  r.rn_mj_m2 = net_radiation_mj_m2(r.rns_mj_m2, r.rnl_mj_m2);  // FAO-56 Eq. 40
  r.et0_mm = penman_monteith_mm(r.delta_kpa_c, r.rn_mj_m2, r.g_mj_m2, r.gamma_kpa_c, r.tmean_c,
                                r.u2_m_s, r.es_kpa, r.ea_kpa, coefficients_);  // FAO-56 Eq. 6
  return r;
}

void DailyEt0Calculator::check(const DailyWeather& w, const std::string& source) const {
  if (is_missing(w.sunshine_h)) {
    return;
  }
  const double n_max = doy_[static_cast<std::size_t>(w.date.day_of_year())].daylight_h;
  if (w.sunshine_h > n_max + 0.05) {
    throw InputError({source, w.line, "sunshine_h"},
                     "sunshine " + fmt_number(w.sunshine_h) + " h on " + w.date.iso() +
                         " is longer than the day (N = " +
                         fmt_number(std::round(n_max * 100.0) / 100.0) + " h, FAO-56 Eq. 34)",
                     "0 to " + fmt_number(std::round(n_max * 100.0) / 100.0) + " h");
  }
}

// ---------------------------------------------------------------------------------------------
// Sub-daily

PeriodEt0Calculator::PeriodEt0Calculator(const SiteMeta& site, const Et0Options& options,
                                         const std::string& source)
    : options_(options) {
  check_options(options_, source);
  if (options_.method == Et0Method::kHargreaves) {
    throw InputError({source, 0, "method"}, "Hargreaves (FAO-56 Eq. 52) is a daily method",
                     "fao56, asce-eto or asce-etr for sub-daily weather");
  }
  latitude_rad_ = degrees_to_radians(require_site_value(site.latitude_deg, source, "latitude_deg",
                                                        "latitude", -90.0, 90.0, "degrees"));
  longitude_deg_east_ = require_site_value(site.longitude_deg, source, "longitude_deg",
                                           "longitude (+ east)", -180.0, 180.0, "degrees");
  elevation_m_ =
      require_site_value(site.elevation_m, source, "elevation_m", "elevation", -500.0, 9000.0, "m");
  wind_factor_ = wind_factor(site, source);
  pressure_kpa_ = atmospheric_pressure_kpa(elevation_m_, pressure_exponent(options_));  // Eq. 7
  gamma_kpa_c_ = psychrometric_constant_kpa_c(pressure_kpa_);  // FAO-56 Eq. 8
  asce_slope_ = is_asce(options_.method) && options_.constants == Et0Constants::kStandard;
  beta_at_period_start_ = options_.constants == Et0Constants::kRefEt;
  sun_ = solar_constants(options_);
  switch (options_.method) {
    case Et0Method::kAsceEto:
      sigma_hour_ = kStefanBoltzmannAsceHour;  // ASCE-EWRI Eq. 44
      day_coefficients_ = kAsceEtosHourlyDay;
      night_coefficients_ = kAsceEtosHourlyNight;
      g_ratios_ = SoilHeatFluxRatios{};  // ASCE-EWRI Eq. 65–66, short
      break;
    case Et0Method::kAsceEtr:
      sigma_hour_ = kStefanBoltzmannAsceHour;
      day_coefficients_ = kAsceEtrsHourlyDay;
      night_coefficients_ = kAsceEtrsHourlyNight;
      g_ratios_ = kSoilHeatFluxRatiosTall;  // ASCE-EWRI Eq. 65–66, tall
      break;
    default:
      sigma_hour_ = kStefanBoltzmannFao56Hour;  // FAO-56 Eq. 53 text
      day_coefficients_ = kFao56Hourly;
      night_coefficients_ = kFao56Hourly;
      g_ratios_ = SoilHeatFluxRatios{};  // FAO-56 Eq. 45–46
      break;
  }
  if (options_.constants == Et0Constants::kRefEt) {
    // REF-ET computes the hourly Cn as the daily one over 24 (37.5, 66.7), not rounded.
    const double daily_cn =
        options_.method == Et0Method::kAsceEtr ? kAsceEtrsDaily.cn : kAsceEtosDaily.cn;
    day_coefficients_.cn = daily_cn / 24.0;
    night_coefficients_.cn = daily_cn / 24.0;
  }
}

Et0Result PeriodEt0Calculator::compute(const PeriodWeather& w) {
  Et0Result r;
  const Et0Options& o = options_;
  const double period_h = w.period_s / 3600.0;
  r.gamma_kpa_c = gamma_kpa_c_;

  // Sun: day of year of the local standard date at the period's midpoint, and the solar time
  // angle at the midpoint from universal time (FAO-56 Eq. 31).
  const double mid_utc_s = static_cast<double>(w.start_utc_s) + 0.5 * w.period_s;
  const double mid_local_s = mid_utc_s + w.utc_offset_s;
  const int doy =
      Date::from_days(static_cast<int>(std::floor(mid_local_s / 86400.0))).day_of_year();
  const double mid_utc_h = std::fmod(mid_utc_s / 3600.0, 24.0);
  const double omega = solar_time_angle_utc_rad(mid_utc_h, longitude_deg_east_, doy);
  r.ra_mj_m2 =
      extraterrestrial_radiation_period_mj_m2(latitude_rad_, doy, omega, period_h, sun_);  // Eq. 28
  const double declination = solar_declination_rad(doy, sun_.declination);         // FAO-56 Eq. 24
  const double sin_beta = sin_solar_elevation(latitude_rad_, declination, omega);  // ASCE Eq. 62
  // The sun angle that decides whether fcd is computed: at the midpoint, or at the period's
  // start as REF-ET does (ω − π t1/24, FAO-56 Eq. 29).
  const double sin_beta_test = beta_at_period_start_
                                   ? sin_solar_elevation(latitude_rad_, declination,
                                                         omega - std::numbers::pi * period_h / 24.0)
                                   : sin_beta;

  if (!is_missing(w.t_out_c)) {
    r.tmean_c = w.t_out_c;
    r.es_kpa = saturation_vapour_pressure_kpa(w.t_out_c);  // FAO-56 Eq. 11 at Thr (Eq. 53)
    r.delta_kpa_c = asce_slope_ ? saturation_slope_asce_kpa_c(w.t_out_c)  // ASCE-EWRI Eq. 36
                                : saturation_slope_kpa_c(w.t_out_c);      // FAO-56 Eq. 13
  } else {
    r.flags |= kFlagNoTemperature;
  }

  if (!is_missing(w.ea_kpa)) {
    r.ea_kpa = w.ea_kpa;
  } else if (!is_missing(w.tdew_c)) {
    r.ea_kpa = ea_from_tdew_kpa(w.tdew_c);  // FAO-56 Eq. 14
  } else if (!is_missing(w.rh_out_pct) && !is_missing(w.t_out_c)) {
    r.ea_kpa = ea_from_rh_kpa(w.t_out_c, w.rh_out_pct);  // FAO-56 Eq. 54
  } else {
    r.flags |= kFlagNoHumidity;
  }

  if (!is_missing(w.rs_mj_m2)) {
    r.rs_mj_m2 = w.rs_mj_m2;
  } else {
    r.flags |= kFlagNoRadiation;
  }

  if (!is_missing(w.wind_m_s)) {
    r.u2_m_s = w.wind_m_s * wind_factor_;  // FAO-56 Eq. 47
  } else {
    r.u2_m_s = o.default_wind_m_s;
    r.flags |= kFlagWindDefault;
  }

  if (!is_missing(r.ea_kpa)) {
    r.rso_mj_m2 = clear_sky(o, r.ra_mj_m2, elevation_m_, pressure_kpa_, r.ea_kpa,
                            sin_beta);  // FAO-56 Eq. 36/37, ASCE Eq. D.1 with D.6
  }
  if (is_missing(r.tmean_c) || is_missing(r.ea_kpa) || is_missing(r.rs_mj_m2)) {
    return r;
  }

  // Cloudiness: computed with the sun well above the horizon, else carried (ASCE Eq. 45 text).
  double fcd = kMissing;
  if (sin_beta_test > kSinBetaDaylight && r.rso_mj_m2 > 0.0) {
    fcd = cloudiness_factor(r.rs_mj_m2, r.rso_mj_m2);  // FAO-56 Eq. 39, ASCE Eq. 45
    last_fcd_ = fcd;
  } else if (!is_missing(last_fcd_)) {
    fcd = last_fcd_;
  } else {
    fcd = o.initial_fcd;
    r.flags |= kFlagFcdAssumed;
  }

  r.rns_mj_m2 = net_shortwave_mj_m2(r.rs_mj_m2, o.albedo);  // FAO-56 Eq. 38
  r.rnl_mj_m2 = net_longwave_period_mj_m2(r.tmean_c, r.ea_kpa, fcd,
                                          sigma_hour_ * period_h);          // FAO-56 Eq. 39 hourly
  r.rn_mj_m2 = net_radiation_mj_m2(r.rns_mj_m2, r.rnl_mj_m2);               // FAO-56 Eq. 40
  const bool daytime = r.rn_mj_m2 > 0.0;                                    // ASCE-EWRI 2005
  r.g_mj_m2 = soil_heat_flux_period_mj_m2(r.rn_mj_m2, daytime, g_ratios_);  // FAO-56 Eq. 45–46
  ReferenceCoefficients c = daytime ? day_coefficients_ : night_coefficients_;
  c.cn *= period_h;  // Cn is per hour
  r.et0_mm = penman_monteith_mm(r.delta_kpa_c, r.rn_mj_m2, r.g_mj_m2, r.gamma_kpa_c, r.tmean_c,
                                r.u2_m_s, r.es_kpa, r.ea_kpa, c);  // FAO-56 Eq. 53
  return r;
}

std::vector<Et0Result> compute_daily_et0(const DailyWeatherSeries& series,
                                         const Et0Options& options) {
  const DailyEt0Calculator calculator(series.site, options, series.source);
  std::vector<Et0Result> results;
  results.reserve(series.days.size());
  for (const DailyWeather& day : series.days) {
    calculator.check(day, series.source);
    results.push_back(calculator.compute(day));
  }
  return results;
}

std::vector<Et0Result> compute_period_et0(const PeriodWeatherSeries& series,
                                          const Et0Options& options) {
  PeriodEt0Calculator calculator(series.site, options, series.source);
  std::vector<Et0Result> results;
  results.reserve(series.periods.size());
  for (const PeriodWeather& period : series.periods) {
    results.push_back(calculator.compute(period));
  }
  return results;
}

}  // namespace egin::agromet
