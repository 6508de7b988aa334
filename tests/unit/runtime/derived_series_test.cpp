// DerivedSeries: the equations against published values (FAO-56 Ex. 3 and Ex. 5 e°, REF-ET's
// Fallon dew points, Monteith & Unsworth's saturated vapour density), and the series' properties:
// the radiation sum is the integral of a constant and resets at FAO-56's sunrise, the DLI resets
// at local midnight, GDD follows the daily mean method, VPD needs T and RH close in time.
#include "egin/runtime/derived_series.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "egin/agromet/humidity.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/core/input_error.hpp"
#include "egin/runtime/site_file.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {
namespace {

constexpr TimeMs kJune1 = 1780272000000;  // 2026-06-01T00:00:00Z

ChannelSpec sensor(std::string id, std::string quantity, std::string unit, double period_s = 60) {
  ChannelSpec spec;
  spec.id = std::move(id);
  spec.quantity = std::move(quantity);
  spec.unit = std::move(unit);
  spec.min = -1000;
  spec.max = 5000;
  spec.sampling_period_s = period_s;
  return spec;
}

/// Turkistan (43.30 N, 68.25 E, UTC+05:00): a greenhouse with T, RH and a pyranometer, a station
/// with T, RH and a PAR sensor, a field (no derived series).
Site turkistan() {
  Site site;
  site.id = "farm";
  site.latitude_deg = 43.30;
  site.longitude_deg = 68.25;
  site.elevation_m = 207;
  site.utc_offset_min = 300;
  ZoneSpec gh{.id = "gh1", .name = "gh1", .kind = ZoneKind::greenhouse, .devices = {}};
  gh.devices.push_back(
      {.id = "node1",
       .name = "node1",
       .model = "",
       .channels = {sensor("t_air", "air_temperature", "Cel"),
                    sensor("rh", "relative_humidity", "%RH"), sensor("co2", "co2", "ppm")}});
  gh.devices.push_back({.id = "roof",
                        .name = "roof",
                        .model = "",
                        .channels = {sensor("rg", "global_radiation", "W/m2")}});
  ZoneSpec ws{.id = "ws", .name = "ws", .kind = ZoneKind::weather_station, .devices = {}};
  ws.devices.push_back({.id = "met",
                        .name = "met",
                        .model = "",
                        .channels = {sensor("t", "air_temperature", "Cel", 600),
                                     sensor("rh", "relative_humidity", "%RH", 600),
                                     sensor("ppfd", "par", "umol/m2/s", 600)}});
  ZoneSpec field{.id = "f1", .name = "f1", .kind = ZoneKind::field, .devices = {}};
  field.devices.push_back({.id = "probe",
                           .name = "probe",
                           .model = "",
                           .channels = {sensor("t", "air_temperature", "Cel")}});
  site.zones = {gh, ws, field};
  return site;
}

StoredReading reading(std::string key, TimeMs t_ms, double value, std::uint32_t flags = 0) {
  return {.channel = 0, .key = std::move(key), .t_ms = t_ms, .value = value, .flags = flags};
}

/// The derived readings of one key, by time.
std::map<TimeMs, double> series(const std::vector<DerivedReading>& out, const std::string& key) {
  std::map<TimeMs, double> s;
  for (const DerivedReading& r : out) {
    if (r.key == key) {
      EXPECT_TRUE(s.emplace(r.t_ms, r.value).second) << "two values at one time for " << key;
    }
  }
  return s;
}

TEST(DerivedEquations, VpdAtZeroHumidityIsTheSaturationPressureOfFao56Examples) {
  // FAO-56 Ex. 3: e°(24.5) = 3.075, e°(15) = 1.705; Ex. 5: e°(18) = 2.064, e°(25) = 3.168 kPa.
  EXPECT_NEAR(vapour_pressure_deficit_kpa(24.5, 0), 3.075, 0.0005);
  EXPECT_NEAR(vapour_pressure_deficit_kpa(15.0, 0), 1.705, 0.0005);
  EXPECT_NEAR(vapour_pressure_deficit_kpa(18.0, 0), 2.064, 0.0005);
  EXPECT_NEAR(vapour_pressure_deficit_kpa(25.0, 0), 3.168, 0.0005);
  // VPD = e°(T) (1 − RH/100).
  EXPECT_NEAR(vapour_pressure_deficit_kpa(25.0, 82.0), 3.168 * 0.18, 0.0005);
  EXPECT_DOUBLE_EQ(vapour_pressure_deficit_kpa(30.0, 100.0), 0.0);
  EXPECT_DOUBLE_EQ(vapour_pressure_deficit_kpa(30.0, 104.0), 0.0);  // RH limited to 100 %
}

TEST(DerivedEquations, DewPointInvertsFao56Eq14AsRefEtPublishesIt) {
  // REF-ET (Fallon NV, 2015-07-01): Tdew 49.84 °F ↔ ea 1.2206674 kPa; 49.36 °F ↔ 1.1990100 kPa.
  for (const auto& [tdew_f, ea_kpa] : {std::pair{49.84, 1.2206674}, std::pair{49.36, 1.1990100}}) {
    for (const double t_c : {15.0, 27.4, 39.3}) {
      const double rh = 100.0 * ea_kpa / agromet::saturation_vapour_pressure_kpa(t_c);
      EXPECT_NEAR(dew_point_c(t_c, rh), (tdew_f - 32.0) / 1.8, 2e-5) << t_c;
    }
  }
  EXPECT_NEAR(dew_point_c(21.5, 100.0), 21.5, 1e-12);
  EXPECT_NEAR(dew_point_c(-5.0, 100.0), -5.0, 1e-12);
  EXPECT_TRUE(std::isnan(dew_point_c(20.0, 0.0)));
}

TEST(DerivedEquations, HumidityDeficitMatchesSaturatedVapourDensity) {
  // Saturated vapour density (Monteith & Unsworth 2013, Appendix Table A.4): 9.4 g m⁻³ at
  // 10 °C, 17.3 at 20 °C, 30.4 at 30 °C; FAO-56's e° (Eq. 11) is within 0.1 of these.
  EXPECT_NEAR(humidity_deficit_g_m3(10.0, 0.0), 9.4, 0.1);
  EXPECT_NEAR(humidity_deficit_g_m3(20.0, 0.0), 17.3, 0.1);
  EXPECT_NEAR(humidity_deficit_g_m3(30.0, 0.0), 30.4, 0.1);
  // HD = (1 − RH/100) χs: a greenhouse at 20 °C and 80 % lacks about 3.5 g m⁻³.
  EXPECT_NEAR(humidity_deficit_g_m3(20.0, 80.0), 0.2 * humidity_deficit_g_m3(20.0, 0.0), 1e-12);
  EXPECT_NEAR(humidity_deficit_g_m3(20.0, 80.0), 3.46, 0.02);
}

TEST(DerivedEquations, DegreeDaysByTheDailyMeanMethod) {
  EXPECT_DOUBLE_EQ(degree_days_c_d(30.0, 14.0, 10.0), 12.0);
  EXPECT_DOUBLE_EQ(degree_days_c_d(12.0, 4.0, 10.0), 0.0);  // mean below base: none, not negative
  EXPECT_DOUBLE_EQ(degree_days_c_d(21.5, 12.3, 10.0), 6.9);
}

TEST(DerivedSeriesDevices, DeclaresWhatEachZoneCanProduce) {
  const DerivedSeries derived(turkistan());
  const auto devices = derived.devices();
  ASSERT_EQ(devices.size(), 2U);  // the field zone has none
  EXPECT_EQ(devices[0].first, "gh1");
  EXPECT_EQ(devices[0].second.id, "derived");
  std::vector<std::string> ids;
  for (const ChannelSpec& ch : devices[0].second.channels) {
    ids.push_back(ch.id + " " + ch.unit);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"vpd_kpa kPa", "humidity_deficit_g_m3 g/m3",
                                           "dew_point_c Cel", "radiation_sum_j_cm2 J/cm2",
                                           "dli_mol_m2_d mol/m2/d", "gdd_c_d Cel.d"}));
  EXPECT_EQ(devices[1].first, "ws");
  ASSERT_EQ(devices[1].second.channels.size(), 5U);  // no pyranometer: no radiation sum
  EXPECT_EQ(devices[1].second.channels[3].id, "dli_mol_m2_d");
  EXPECT_EQ(devices[1].second.channels[3].sampling_period_s, 600);
}

TEST(DerivedSeriesSunrise, IsFao56GeometricSunrise) {
  Site greenwich;
  greenwich.latitude_deg = 51.4769;
  greenwich.longitude_deg = 0.0;
  const DerivedSeries derived(greenwich);
  // Almanac sunrise at Greenwich on 2026-06-21 is 03:43 UTC (upper limb, with refraction); the
  // sun's centre on the geometric horizon comes some 5–6 minutes later.
  const TimeMs sunrise = derived.sunrise_ms(Date(2026, 6, 21));
  const TimeMs almanac = *parse_iso_time_ms("2026-06-21T03:43:00Z");
  EXPECT_GT(sunrise - almanac, 2 * kMsPerMinute);
  EXPECT_LT(sunrise - almanac, 9 * kMsPerMinute);
  // Solar time angle at sunrise is −ωs (FAO-56 Eq. 25, 31), here at Turkistan on 3 September.
  const Site site = turkistan();
  const DerivedSeries t(site);
  const Date day(2026, 9, 3);
  const TimeMs s = t.sunrise_ms(day);
  const double t_utc_h = static_cast<double>(s - day.days_since_epoch() * kMsPerDay) / kMsPerHour;
  const double omega = agromet::solar_time_angle_utc_rad(t_utc_h, site.longitude_deg, 246);
  const double ws = agromet::sunset_hour_angle_rad(agromet::degrees_to_radians(site.latitude_deg),
                                                   agromet::solar_declination_rad(246));
  EXPECT_NEAR(omega, -ws, 1e-6);
  // About 06:00 local (almanac, with refraction: 05:58).
  EXPECT_GT(s, *parse_iso_time_ms("2026-09-03T05:50:00+05:00"));
  EXPECT_LT(s, *parse_iso_time_ms("2026-09-03T06:10:00+05:00"));
}

TEST(DerivedSeriesRadiation, SumIsTheIntegralOfAConstantAndResetsAtSunrise) {
  DerivedSeries derived(turkistan());
  std::vector<StoredReading> batch;
  const TimeMs start = kJune1 - 2 * kMsPerHour;  // 03:00 local
  batch.reserve(std::size_t{2} * 1440);
  for (int i = 0; i < 2 * 1440; ++i) {  // two days of 100 W m⁻² every minute
    batch.push_back(reading("gh1/roof/rg", start + i * kMsPerMinute, 100.0));
  }
  const auto out = derived.on_readings(batch);
  const auto sum = series(out, "gh1/derived/radiation_sum_j_cm2");
  ASSERT_EQ(sum.size(), 2U * 1440U);
  const TimeMs sunrise1 = derived.sunrise_ms(Date(2026, 6, 1));
  const TimeMs sunrise2 = derived.sunrise_ms(Date(2026, 6, 2));
  ASSERT_GT(sunrise1, start);  // 04:55 local (sun's centre), after the first reading
  for (const auto& [t, value] : sum) {
    const TimeMs since = t >= sunrise2 ? t - sunrise2 : (t >= sunrise1 ? t - sunrise1 : -1);
    if (since < 0) {
      continue;  // before the first sunrise seen, the sum runs from the first reading
    }
    // 100 W m⁻² × seconds × 1e-4 J cm⁻² per J m⁻².
    ASSERT_NEAR(value, 100.0 * static_cast<double>(since) / 1000.0 * 1e-4, 1e-9)
        << format_iso_utc(t);
  }
  // A full day from sunrise to sunrise is 100 × 86400 s less the day's drift of sunrise.
  const auto before = std::prev(sum.lower_bound(sunrise2));
  const auto after = sum.lower_bound(sunrise2);
  EXPECT_NEAR(before->second, 100.0 * static_cast<double>(before->first - sunrise1) * 1e-7, 1e-9);
  EXPECT_LT(after->second, 100.0 * 60 * 1e-4 + 1e-9);  // reset: at most one minute's worth
  // The DLI of the same sensor: 100 W m⁻² × 0.5 × 4.57 µmol J⁻¹ from local midnight.
  const auto dli = series(out, "gh1/derived/dli_mol_m2_d");
  const TimeMs midnight = kJune1 + 19 * kMsPerHour;  // 2026-06-02T00:00+05:00
  EXPECT_NEAR(dli.at(midnight - kMsPerMinute),
              228.5 * static_cast<double>(midnight - kMsPerMinute - start) / 1000.0 * 1e-6, 1e-9);
  EXPECT_DOUBLE_EQ(dli.at(midnight), 0.0);
  EXPECT_NEAR(dli.at(midnight + 12 * kMsPerHour), 228.5 * 43200 * 1e-6, 1e-9);
}

TEST(DerivedSeriesRadiation, TrapezoidAcrossGapsAndInOneOrManyBatches) {
  // A triangle pulse 0 → 800 → 0 W m⁻² over 10 h by day with a 1-hour gap: the trapezoid rule of
  // a piecewise-linear signal is exact, the gap is bridged linearly.
  const Site site = turkistan();
  const TimeMs start = kJune1 + 2 * kMsPerHour;  // 07:00 local, after sunrise
  std::vector<StoredReading> batch;
  for (int m = 0; m <= 600; m += 5) {
    if (m > 120 && m < 180) {
      continue;
    }
    const double w = m <= 300 ? 800.0 * m / 300.0 : 800.0 * (600 - m) / 300.0;
    batch.push_back(reading("gh1/roof/rg", start + m * kMsPerMinute, w));
  }
  DerivedSeries one(site);
  const auto whole = series(one.on_readings(batch), "gh1/derived/radiation_sum_j_cm2");
  const TimeMs sunrise = one.sunrise_ms(Date(2026, 6, 1));
  // From sunrise to 07:00 the first reading (0 W m⁻²) stands alone: the sum starts there.
  EXPECT_NEAR(whole.rbegin()->second, 0.5 * 800.0 * 36000.0 * 1e-4, 1e-6);
  EXPECT_LT(sunrise, start);
  // Fed one reading at a time in reverse-sorted batches of one: the same values.
  DerivedSeries many(site);
  std::map<TimeMs, double> pieces;
  for (const StoredReading& r : batch) {
    for (const auto& [t, v] :
         series(many.on_readings({&r, 1}), "gh1/derived/radiation_sum_j_cm2")) {
      pieces[t] = v;
    }
  }
  EXPECT_EQ(pieces, whole);
  // An older reading after newer ones is left out.
  const StoredReading late = reading("gh1/roof/rg", start + 150 * kMsPerMinute, 500.0);
  EXPECT_TRUE(many.on_readings({&late, 1}).empty());
}

TEST(DerivedSeriesHumidity, NeedsTemperatureAndHumidityWithinTwoPeriods) {
  DerivedSeries derived(turkistan());
  std::vector<StoredReading> batch = {
      reading("gh1/node1/rh", kJune1, 63.0), reading("gh1/node1/t_air", kJune1, 21.5),
      // A spike-flagged temperature is left out.
      reading("gh1/node1/t_air", kJune1 + kMsPerMinute, 80.0, store::kFlagSpike),
      reading("gh1/node1/t_air", kJune1 + 2 * kMsPerMinute, 22.0),  // RH 2 min old: ok
      reading("gh1/node1/t_air", kJune1 + 3 * kMsPerMinute, 22.5),  // 3 min: too old
  };
  const auto out = derived.on_readings(batch);
  const auto vpd = series(out, "gh1/derived/vpd_kpa");
  ASSERT_EQ(vpd.size(), 2U);  // one value at the shared time stamp, not two
  EXPECT_NEAR(vpd.at(kJune1), agromet::saturation_vapour_pressure_kpa(21.5) * 0.37, 1e-12);
  EXPECT_NEAR(vpd.at(kJune1 + 2 * kMsPerMinute),
              agromet::saturation_vapour_pressure_kpa(22.0) * 0.37, 1e-12);
  const auto dew = series(out, "gh1/derived/dew_point_c");
  EXPECT_NEAR(dew.at(kJune1), dew_point_c(21.5, 63.0), 1e-12);
  EXPECT_EQ(series(out, "gh1/derived/humidity_deficit_g_m3").size(), 2U);
  // The station samples every 10 min: 20 min apart still counts.
  const std::vector<StoredReading> station = {
      reading("ws/met/t", kJune1, 30.0), reading("ws/met/rh", kJune1 + 20 * kMsPerMinute, 20.0)};
  EXPECT_EQ(series(derived.on_readings(station), "ws/derived/vpd_kpa").size(), 1U);
}

TEST(DerivedSeriesGdd, SumsDailyMeansAndRestartsEachYear) {
  Site site = turkistan();
  DerivedSeries derived(site);
  // Three local days of a triangle wave each: Tmin at 05:00 local, Tmax at 15:00 local.
  const double tmax[] = {30.0, 12.0, 25.0};
  const double tmin[] = {14.0, 4.0, 11.0};
  const TimeMs day0 = kJune1 - 5 * kMsPerHour;  // 2026-06-01T00:00+05:00
  std::vector<StoredReading> batch;
  for (int d = 0; d < 3; ++d) {
    for (int m = 0; m < 1440; m += 10) {
      const double h = m / 60.0;
      const double f = h < 5 ? 0.5 - 0.1 * h : (h < 15 ? (h - 5) / 10 : 1 - (h - 15) / 9 * 0.5);
      batch.push_back(reading("gh1/node1/t_air", day0 + d * kMsPerDay + m * kMsPerMinute,
                              tmin[d] + f * (tmax[d] - tmin[d])));
    }
  }
  const auto gdd = series(derived.on_readings(batch), "gh1/derived/gdd_c_d");
  ASSERT_EQ(gdd.size(), 3U * 144U);
  EXPECT_NEAR(gdd.rbegin()->second, 12.0 + 0.0 + 8.0, 1e-12);
  EXPECT_NEAR(gdd.at(day0 + kMsPerDay - 10 * kMsPerMinute), 12.0, 1e-12);
  EXPECT_NEAR(gdd.at(day0 + 2 * kMsPerDay - 10 * kMsPerMinute), 12.0, 1e-12);
  // A new calendar year starts from zero.
  const TimeMs jan1 = *parse_iso_time_ms("2027-01-01T00:00:00+05:00");
  const std::vector<StoredReading> winter = {reading("gh1/node1/t_air", jan1, 26.0)};
  EXPECT_DOUBLE_EQ(series(derived.on_readings(winter), "gh1/derived/gdd_c_d").at(jan1), 16.0);
  // A configured start leaves earlier days out.
  DerivedOptions june2;
  june2.gdd_start = Date(2026, 6, 2);
  DerivedSeries from_june2(site, june2);
  const auto late = series(from_june2.on_readings(batch), "gh1/derived/gdd_c_d");
  EXPECT_EQ(late.size(), 2U * 144U);
  EXPECT_NEAR(late.rbegin()->second, 8.0, 1e-12);
}

TEST(DerivedSeriesOptions, OutOfRangeIsAnInputError) {
  DerivedOptions hot;
  hot.gdd_base_c = 55.0;
  EXPECT_THROW(DerivedSeries(turkistan(), hot), InputError);
  DerivedOptions bright;
  bright.par_fraction = 0.9;
  EXPECT_THROW(DerivedSeries(turkistan(), bright), InputError);
}

// The derived devices join the site (the server adds them through LiveSite), so they must pass the
// same checks as a site file: ids, units from the known list, ranges.
TEST(DerivedSeries, DerivedDevicesPassTheSiteChecks) {
  Site site = load_site_file(std::string(EGIN_SOURCE_DIR) + "/data/sites/turkistan-demo.toml");
  const DerivedSeries derived(site);
  const auto devices = derived.devices();
  ASSERT_FALSE(devices.empty());
  for (const auto& [zone_id, device] : devices) {
    for (auto& zone : site.zones) {
      if (zone.id == zone_id) zone.devices.push_back(device);
    }
  }
  EXPECT_NO_THROW(check_site(site, "demo+derived"));
}

}  // namespace
}  // namespace egin::runtime
