// The ET0 method layer: FAO-56 Examples 18–20 from weather records, the REF-ET/RefET single-day
// and single-hour checks at Fallon NV (ASCE-FALN-D/H), the fallback order and its flags, the
// carried night-time cloudiness, and the errors for a site without latitude or elevation.
#include "egin/agromet/et0.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "egin/agromet/solar_geometry.hpp"
#include "egin/core/input_error.hpp"

namespace egin::agromet {
namespace {

double f_to_c(double f) { return (f - 32.0) / 1.8; }
constexpr double kMjPerLangley = 0.041868;  // REF-ET's conversion
constexpr double kMPerSPerMph = 0.44704;

SiteMeta site(double lat, double elev, double wind_height = 2.0, double lon = kMissing) {
  SiteMeta s;
  s.latitude_deg = lat;
  s.elevation_m = elev;
  s.wind_height_m = wind_height;
  s.longitude_deg = lon;
  return s;
}

Et0Options options(Et0Method method, RsoForm rso) {
  Et0Options o;
  o.method = method;
  o.rso = rso;
  return o;
}

std::int64_t utc_seconds(int year, unsigned month, unsigned day, int hour) {
  return static_cast<std::int64_t>(Date(year, month, day).days_since_epoch()) * 86400 + hour * 3600;
}

TEST(Et0, Fao56Example18BrusselsDaily) {
  DailyWeather d;
  d.date = Date(2023, 7, 6);  // J = 187
  d.tmax_c = 21.5;
  d.tmin_c = 12.3;
  d.rh_max_pct = 84.0;
  d.rh_min_pct = 63.0;
  d.wind_m_s = 10.0 / 3.6;  // 10 km/h at 10 m
  d.sunshine_h = 9.25;
  const DailyEt0Calculator calc(site(50.8, 100.0, 10.0), Et0Options{});
  const Et0Result r = calc.compute(d);
  EXPECT_NEAR(r.tmean_c, 16.9, 0.05);
  EXPECT_NEAR(r.delta_kpa_c, 0.122, 0.0005);
  EXPECT_NEAR(r.gamma_kpa_c, 0.0666, 0.0001);
  EXPECT_NEAR(r.es_kpa, 1.997, 0.001);
  EXPECT_NEAR(r.ea_kpa, 1.409, 0.001);
  EXPECT_NEAR(r.ra_mj_m2, 41.09, 0.01);
  EXPECT_NEAR(r.rs_mj_m2, 22.07, 0.01);
  EXPECT_NEAR(r.rso_mj_m2, 30.90, 0.01);
  EXPECT_NEAR(r.rns_mj_m2, 17.00, 0.01);
  EXPECT_NEAR(r.rnl_mj_m2, 3.71, 0.01);
  EXPECT_NEAR(r.rn_mj_m2, 13.28, 0.01);
  EXPECT_NEAR(r.u2_m_s, 2.078, 0.001);
  EXPECT_EQ(r.g_mj_m2, 0.0);
  EXPECT_NEAR(r.et0_mm, 3.88, 0.01);  // published 3.9
  EXPECT_EQ(r.flags, kFlagRsFromSunshine | kFlagEaFromRhMaxMin);
  EXPECT_EQ(et0_flags_text(r.flags), "rs_from_sunshine;ea_from_rh_max_min");
}

TEST(Et0, Fao56Example20LyonMissingData) {
  DailyWeather d;
  d.date = Date(2023, 7, 15);  // J = 196
  d.tmax_c = 26.6;
  d.tmin_c = 14.8;
  const DailyEt0Calculator calc(site(45.0 + 43.0 / 60.0, 200.0), Et0Options{});
  const Et0Result r = calc.compute(d);
  EXPECT_NEAR(r.ra_mj_m2, 40.55, 0.01);
  EXPECT_NEAR(r.rs_mj_m2, 22.29, 0.01);
  EXPECT_NEAR(r.rso_mj_m2, 30.58, 0.01);
  EXPECT_NEAR(r.ea_kpa, 1.684, 0.001);
  EXPECT_NEAR(r.es_kpa, 2.583, 0.001);
  EXPECT_NEAR(r.rnl_mj_m2, 3.68, 0.01);
  EXPECT_NEAR(r.rn_mj_m2, 13.48, 0.01);
  EXPECT_EQ(r.u2_m_s, 2.0);
  EXPECT_NEAR(r.et0_mm, 4.56, 0.01);
  EXPECT_EQ(et0_flags_text(r.flags), "rs_from_temperature;ea_from_tmin;wind_default");

  Et0Options harg;
  harg.method = Et0Method::kHargreaves;
  EXPECT_NEAR(DailyEt0Calculator(site(45.0 + 43.0 / 60.0, kMissing), harg).compute(d).et0_mm, 5.03,
              0.01);
}

DailyWeather fallon_day() {
  DailyWeather d;
  d.date = Date(2015, 7, 1);
  d.tmin_c = f_to_c(66.65);
  d.tmax_c = f_to_c(102.80);
  d.tdew_c = f_to_c(49.84);
  d.rs_mj_m2 = 674.07 * kMjPerLangley;
  d.wind_m_s = 4.80 * kMPerSPerMph;
  return d;
}

TEST(Et0, AsceFallonDailyStandardizedSimpleRso) {
  // ASCE-FALN-D (RefET, method 'asce': ASCE-EWRI equations, simple Rso): ETr 10.626088 mm d⁻¹.
  const SiteMeta s = site(39.4575, 1208.5, 3.0);
  const Et0Result eto =
      DailyEt0Calculator(s, options(Et0Method::kAsceEto, RsoForm::kSimple)).compute(fallon_day());
  const Et0Result etr =
      DailyEt0Calculator(s, options(Et0Method::kAsceEtr, RsoForm::kSimple)).compute(fallon_day());
  EXPECT_NEAR(eto.ea_kpa, 1.2206674, 1e-6);
  EXPECT_NEAR(eto.u2_m_s, 1.976112, 1e-6);
  EXPECT_NEAR(eto.ra_mj_m2, 41.64824567735701, 1e-9);
  EXPECT_NEAR(etr.et0_mm, 10.626087665395694, 1e-6);
  EXPECT_EQ(eto.flags, 0u);
}

TEST(Et0, AsceFallonDailyRefEtConstants) {
  // ASCE-FALN-D with REF-ET's constants and the full Appendix D Rso (RefET method 'refet'):
  // Ra 41.676108, Rso 31.565939, Rnl 6.556534, Rn 15.174377, ETo 7.942232, ETr 10.571314;
  // with the simple Rso instead, ETr 10.628138.
  const SiteMeta s = site(39.4575, 1208.5, 3.0);
  Et0Options o = options(Et0Method::kAsceEtr, RsoForm::kFull);
  o.constants = Et0Constants::kRefEt;
  const Et0Result etr = DailyEt0Calculator(s, o).compute(fallon_day());
  EXPECT_NEAR(etr.ra_mj_m2, 41.67610845067083, 1e-9);
  EXPECT_NEAR(etr.rso_mj_m2, 31.565939444861765, 1e-7);
  EXPECT_NEAR(etr.rnl_mj_m2, 6.556534, 1e-6);
  EXPECT_NEAR(etr.rn_mj_m2, 15.174377, 1e-6);
  EXPECT_NEAR(etr.et0_mm, 10.571314344056955, 1e-6);
  o.method = Et0Method::kAsceEto;
  EXPECT_NEAR(DailyEt0Calculator(s, o).compute(fallon_day()).et0_mm, 7.9422320475712835, 1e-6);
  o.method = Et0Method::kAsceEtr;
  o.rso = RsoForm::kSimple;
  EXPECT_NEAR(DailyEt0Calculator(s, o).compute(fallon_day()).et0_mm, 10.628137858930051, 1e-6);
}

PeriodWeather fallon_hour() {
  // ASCE-FALN-H: 2015-07-01, period 18:00–19:00 UTC (10–11 PST).
  PeriodWeather p;
  p.start_utc_s = utc_seconds(2015, 7, 1, 18);
  p.utc_offset_s = -8 * 3600;
  p.t_out_c = f_to_c(91.80);
  p.tdew_c = f_to_c(49.36);
  p.rs_mj_m2 = 61.16 * kMjPerLangley;
  p.wind_m_s = 3.33 * kMPerSPerMph;
  return p;
}

TEST(Et0, AsceFallonHourly) {
  // RefET 'asce' (ASCE-EWRI equations, simple Rso): ETo 0.606352, ETr 0.719637 mm h⁻¹,
  // Ra 4.306355, es 5.093188, ea 1.199010, u2 1.370928.
  const SiteMeta s = site(39.4575, 1208.5, 3.0, -118.77388);
  PeriodEt0Calculator eto(s, options(Et0Method::kAsceEto, RsoForm::kSimple));
  PeriodEt0Calculator etr(s, options(Et0Method::kAsceEtr, RsoForm::kSimple));
  const Et0Result o = eto.compute(fallon_hour());
  EXPECT_NEAR(o.ea_kpa, 1.1990099614301906, 1e-9);
  EXPECT_NEAR(o.es_kpa, 5.09318785259078, 1e-9);
  EXPECT_NEAR(o.ra_mj_m2, 4.30635461533285, 1e-9);
  EXPECT_NEAR(o.u2_m_s, 1.3709275319197722, 1e-9);
  EXPECT_NEAR(o.rn_mj_m2, 0.77 * o.rs_mj_m2 - o.rnl_mj_m2, 1e-12);
  EXPECT_NEAR(o.g_mj_m2, 0.1 * o.rn_mj_m2, 1e-12);
  EXPECT_NEAR(o.et0_mm, 0.6063515410076268, 1e-6);
  const Et0Result r = etr.compute(fallon_hour());
  EXPECT_NEAR(r.g_mj_m2, 0.04 * r.rn_mj_m2, 1e-12);
  EXPECT_NEAR(r.et0_mm, 0.7196369609713682, 1e-6);
  // The full Appendix D form gives a clear sky within 1 % of the simple one at this hour.
  PeriodEt0Calculator full(s, options(Et0Method::kAsceEto, RsoForm::kFull));
  EXPECT_NEAR(full.compute(fallon_hour()).rso_mj_m2 / o.rso_mj_m2, 1.0, 0.01);
}

TEST(Et0, Fao56Example19HourlyNDiayeWithCarriedCloudiness) {
  // N'Diaye, Senegal, 16°13'N 16°15'W, 8 m, 1 October (J = 274), local time UTC−1 (Lz 15° W).
  const SiteMeta s = site(16.0 + 13.0 / 60.0, 8.0, 2.0, -16.25);
  Et0Options o;
  o.initial_fcd = 1.35 * 0.8 - 0.35;  // the example's Rs/Rso = 0.8 for the night
  PeriodEt0Calculator calc(s, o);

  PeriodWeather night;
  night.start_utc_s = utc_seconds(2023, 10, 1, 3);  // 02:00–03:00 local
  night.utc_offset_s = -3600;
  night.t_out_c = 28.0;
  night.rh_out_pct = 90.0;
  night.wind_m_s = 1.9;
  night.rs_mj_m2 = 0.0;
  const Et0Result n = calc.compute(night);
  EXPECT_NEAR(n.es_kpa, 3.780, 0.0005);
  EXPECT_NEAR(n.ea_kpa, 3.402, 0.0005);
  EXPECT_NEAR(n.delta_kpa_c, 0.2200, 0.0002);
  EXPECT_NEAR(n.rnl_mj_m2, 0.100, 0.0005);
  EXPECT_NEAR(n.rn_mj_m2, -0.100, 0.0005);
  EXPECT_NEAR(n.g_mj_m2, -0.050, 0.0005);
  EXPECT_NEAR(n.et0_mm, 0.004, 0.002);  // published 0.00
  EXPECT_EQ(n.ra_mj_m2, 0.0);
  EXPECT_EQ(et0_flags_text(n.flags), "fcd_assumed");

  PeriodWeather day = night;
  day.start_utc_s = utc_seconds(2023, 10, 1, 15);  // 14:00–15:00 local
  day.t_out_c = 38.0;
  day.rh_out_pct = 52.0;
  day.wind_m_s = 3.3;
  day.rs_mj_m2 = 2.450;
  const Et0Result d = calc.compute(day);
  EXPECT_NEAR(d.es_kpa, 6.625, 0.0005);
  EXPECT_NEAR(d.ea_kpa, 3.445, 0.0005);
  EXPECT_NEAR(d.delta_kpa_c, 0.3580, 0.0005);
  EXPECT_NEAR(d.ra_mj_m2, 3.543, 0.0005);
  EXPECT_NEAR(d.rso_mj_m2, 2.658, 0.0005);
  EXPECT_NEAR(d.rns_mj_m2, 1.887, 0.0005);
  EXPECT_NEAR(d.rnl_mj_m2, 0.137, 0.0005);
  EXPECT_NEAR(d.rn_mj_m2, 1.749, 0.0005);
  EXPECT_NEAR(d.g_mj_m2, 0.175, 0.0005);
  EXPECT_NEAR(d.et0_mm, 0.63, 0.005);
  EXPECT_EQ(d.flags, 0u);

  // The next night keeps the afternoon's cloudiness (Rs/Rso 0.92), not the assumed 0.73.
  PeriodWeather later = night;
  later.start_utc_s = utc_seconds(2023, 10, 1, 23);
  const Et0Result l = calc.compute(later);
  EXPECT_EQ(l.flags, 0u);
  EXPECT_NEAR(l.rnl_mj_m2 / n.rnl_mj_m2, (1.35 * 2.450 / d.rso_mj_m2 - 0.35) / 0.73, 1e-9);
}

TEST(Et0, ShorterPeriodsAddUpToTheHour) {
  // At night every term of Eq. 53 scales with the period (Rnl with σ, the aerodynamic term with
  // Cn), so four quarter-hours of the same weather give the hour's ET0; and the quarter-hour Ra
  // of a daylight hour add up to the hour's Ra.
  const SiteMeta s = site(43.3, 210.0, 2.0, 68.25);
  const std::int64_t night = utc_seconds(2025, 7, 1, 18);  // 23:00 at UTC+5
  const std::int64_t noon = utc_seconds(2025, 7, 1, 7);    // 12:00 at UTC+5
  for (Et0Method m : {Et0Method::kFao56, Et0Method::kAsceEto, Et0Method::kAsceEtr}) {
    PeriodEt0Calculator hourly(s, options(m, RsoForm::kFull));
    PeriodEt0Calculator quarters(s, options(m, RsoForm::kFull));
    PeriodWeather p;
    p.utc_offset_s = 5 * 3600;
    p.t_out_c = 24.0;
    p.rh_out_pct = 40.0;
    p.wind_m_s = 3.0;
    p.rs_mj_m2 = 0.0;
    p.start_utc_s = night;
    const Et0Result hour = hourly.compute(p);
    double sum = 0.0;
    p.period_s = 900.0;
    for (int q = 0; q < 4; ++q) {
      p.start_utc_s = night + q * 900;
      sum += quarters.compute(p).et0_mm;
    }
    EXPECT_NEAR(sum, hour.et0_mm, 1e-12) << et0_method_name(m);

    p.period_s = 3600.0;
    p.start_utc_s = noon;
    p.rs_mj_m2 = 3.0;
    const double ra_hour = hourly.compute(p).ra_mj_m2;
    double ra_sum = 0.0;
    p.period_s = 900.0;
    p.rs_mj_m2 = 0.75;
    for (int q = 0; q < 4; ++q) {
      p.start_utc_s = noon + q * 900;
      ra_sum += quarters.compute(p).ra_mj_m2;
    }
    EXPECT_NEAR(ra_sum, ra_hour, 1e-9);
  }
}

TEST(Et0, HumidityFallbackOrder) {
  const DailyEt0Calculator calc(site(40.0, 300.0), Et0Options{});
  DailyWeather d;
  d.date = Date(2024, 6, 1);
  d.tmax_c = 30.0;
  d.tmin_c = 15.0;
  d.rs_mj_m2 = 25.0;
  d.wind_m_s = 2.0;
  d.rh_mean_pct = 50.0;
  EXPECT_EQ(calc.compute(d).flags, kFlagEaFromRhMean);
  EXPECT_NEAR(calc.compute(d).ea_kpa, 0.5 * calc.compute(d).es_kpa, 1e-12);
  d.rh_max_pct = 90.0;
  EXPECT_EQ(calc.compute(d).flags, kFlagEaFromRhMax);
  d.rh_min_pct = 30.0;
  EXPECT_EQ(calc.compute(d).flags, kFlagEaFromRhMaxMin);
  d.tdew_c = 10.0;
  EXPECT_EQ(calc.compute(d).flags, 0u);
  EXPECT_NEAR(calc.compute(d).ea_kpa, 1.228, 0.0005);
  d.ea_kpa = 1.5;
  EXPECT_EQ(calc.compute(d).ea_kpa, 1.5);
}

TEST(Et0, RowsThatCannotBeComputedGiveNaNAndAFlag) {
  const DailyEt0Calculator calc(site(40.0, 300.0), Et0Options{});
  DailyWeather d;
  d.date = Date(2024, 6, 1);
  d.rs_mj_m2 = 25.0;
  Et0Result r = calc.compute(d);
  EXPECT_TRUE(std::isnan(r.et0_mm));
  EXPECT_TRUE(r.has(kFlagNoTemperature));
  EXPECT_TRUE(r.has(kFlagNoHumidity));
  EXPECT_GT(r.ra_mj_m2, 0.0);  // what can be computed still is

  d.tmean_c = 22.0;  // a mean alone: es from Tmean, but no humidity, no extremes for Rs
  d.rs_mj_m2 = kMissing;
  r = calc.compute(d);
  EXPECT_TRUE(std::isnan(r.et0_mm));
  EXPECT_EQ(et0_flags_text(r.flags), "wind_default;es_from_tmean;no_humidity;no_radiation");

  d.tdew_c = 10.0;
  d.rs_mj_m2 = 20.0;
  r = calc.compute(d);
  EXPECT_FALSE(std::isnan(r.et0_mm));
  EXPECT_EQ(et0_flags_text(r.flags), "wind_default;es_from_tmean");
}

TEST(Et0, SiteErrorsNameTheField) {
  try {
    DailyEt0Calculator(site(kMissing, 100.0), Et0Options{}, "w.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "latitude_deg");
    EXPECT_EQ(e.where().file, "w.csv");
    EXPECT_NE(std::string(e.what()).find("-90 to 90"), std::string::npos);
  }
  try {
    DailyEt0Calculator(site(40.0, kMissing), Et0Options{}, "w.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "elevation_m");
  }
  EXPECT_THROW(DailyEt0Calculator(site(95.0, 100.0), Et0Options{}), InputError);
  EXPECT_THROW(PeriodEt0Calculator(site(40.0, 100.0), Et0Options{}), InputError);  // longitude
  Et0Options harg;
  harg.method = Et0Method::kHargreaves;
  EXPECT_THROW(PeriodEt0Calculator(site(40.0, 100.0, 2.0, 10.0), harg), InputError);
  Et0Options bad;
  bad.krs = 2.0;
  EXPECT_THROW(DailyEt0Calculator(site(40.0, 100.0), bad), InputError);
}

TEST(Et0, SunshineLongerThanTheDayIsAnInputError) {
  const DailyEt0Calculator calc(site(50.8, 100.0), Et0Options{});
  DailyWeather d;
  d.date = Date(2023, 12, 21);  // N = 7.72 h at 50.8° N
  d.line = 7;
  d.sunshine_h = 7.7;
  EXPECT_NO_THROW(calc.check(d, "w.csv"));
  d.sunshine_h = 8.0;
  try {
    calc.check(d, "w.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 7);
    EXPECT_EQ(e.where().field, "sunshine_h");
    EXPECT_NE(std::string(e.what()).find("7.72"), std::string::npos);
  }
}

TEST(Et0, DailyRaFollowsTheCalendarDayOfYear) {
  // The calculator's own day-of-year must agree with egin::Date on every day of 1899–2101
  // (century years, leap days, 31 December of leap years).
  const double lat = 43.3;
  const DailyEt0Calculator calc(site(lat, 200.0), Et0Options{});
  for (Date d(1899, 1, 1); d <= Date(2101, 12, 31); ++d) {
    DailyWeather w;
    w.date = d;
    const double want =
        extraterrestrial_radiation_daily_mj_m2(degrees_to_radians(lat), d.day_of_year());
    ASSERT_EQ(calc.compute(w).ra_mj_m2, want) << d.iso();
  }
}

TEST(Et0, NamesRoundTrip) {
  for (auto m :
       {Et0Method::kFao56, Et0Method::kAsceEto, Et0Method::kAsceEtr, Et0Method::kHargreaves}) {
    EXPECT_EQ(parse_et0_method(et0_method_name(m)), m);
  }
  for (auto f : {RsoForm::kSimple, RsoForm::kAngstrom, RsoForm::kFull}) {
    EXPECT_EQ(parse_rso_form(rso_form_name(f)), f);
  }
  EXPECT_FALSE(parse_et0_method("penman").has_value());
  EXPECT_EQ(default_rso_form(Et0Method::kAsceEto), RsoForm::kFull);
  EXPECT_EQ(default_rso_form(Et0Method::kFao56), RsoForm::kSimple);
}

TEST(Et0, SeriesHelpersKeepOrder) {
  DailyWeatherSeries series;
  series.site = site(39.4575, 1208.5, 3.0);
  series.days.push_back(fallon_day());
  DailyWeather next = fallon_day();
  next.date = Date(2015, 7, 2);
  next.wind_m_s = kMissing;
  series.days.push_back(next);
  const auto results = compute_daily_et0(series, options(Et0Method::kAsceEtr, RsoForm::kSimple));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_NEAR(results[0].et0_mm, 10.626087665395694, 1e-6);
  EXPECT_TRUE(results[1].has(kFlagWindDefault));
}

}  // namespace
}  // namespace egin::agromet
