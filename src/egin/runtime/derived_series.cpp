// DerivedSeries: see derived_series.hpp for the equations, their sources and the rules.
#include "egin/runtime/derived_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "egin/agromet/humidity.hpp"
#include "egin/agromet/solar_geometry.hpp"
#include "egin/core/input_error.hpp"
#include "egin/store/time_series_store.hpp"

namespace egin::runtime {

namespace {

constexpr double kMolarMassWaterGMol = 18.015;  // Monteith & Unsworth 2013, Table A.1
constexpr double kGasConstantJMolK = 8.314;     // molar gas constant R
constexpr double kZeroCelsiusK = 273.15;
/// Readings farther apart than this are not interpolated across a reset (sunrise, midnight).
constexpr TimeMs kMaxStraddleMs = kMsPerHour;
/// 1 W m⁻² during 1 s is 1 J m⁻² = 1e-4 J cm⁻².
constexpr double kJCm2PerWSM2 = 1e-4;
constexpr double kMolPerUmol = 1e-6;

TimeMs floor_div(TimeMs a, TimeMs b) {
  const TimeMs q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

double clamp_rh(double rh_pct) { return std::clamp(rh_pct, 0.0, 100.0); }

ChannelSpec derived_channel(std::string id, std::string quantity, std::string unit, double min,
                            double max, double sampling_period_s) {
  ChannelSpec spec;
  spec.name = id;
  spec.id = std::move(id);
  spec.quantity = std::move(quantity);
  spec.unit = std::move(unit);
  spec.kind = ChannelKind::sensor;
  spec.min = min;
  spec.max = max;
  spec.sampling_period_s = sampling_period_s;
  return spec;
}

void check_option(bool ok, const std::string& field, double value, const std::string& range) {
  if (!ok) {
    throw InputError({.file = "derived series", .line = 0, .field = field},
                     "value " + std::to_string(value) + " is out of range", range);
  }
}

}  // namespace

double vapour_pressure_deficit_kpa(double t_air_c, double rh_pct) {
  const double es_kpa = agromet::saturation_vapour_pressure_kpa(t_air_c);    // FAO-56 Eq. 11
  const double ea_kpa = agromet::ea_from_rh_kpa(t_air_c, clamp_rh(rh_pct));  // FAO-56 Eq. 54
  return es_kpa - ea_kpa;
}

double humidity_deficit_g_m3(double t_air_c, double rh_pct) {
  // χ = Mw e / (R T) (Monteith & Unsworth 2013, Sect. 2.1.2), e in Pa → g m⁻³.
  const double t_k = t_air_c + kZeroCelsiusK;
  const double vpd_pa = vapour_pressure_deficit_kpa(t_air_c, rh_pct) * 1000.0;
  return kMolarMassWaterGMol * vpd_pa / (kGasConstantJMolK * t_k);
}

double dew_point_c(double t_air_c, double rh_pct) {
  const double rh = clamp_rh(rh_pct);
  if (rh <= 0.0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const double ea_kpa = agromet::ea_from_rh_kpa(t_air_c, rh);  // FAO-56 Eq. 54
  // FAO-56 Eq. 14, ea = e°(Tdew), with Eq. 11 solved for T.
  const double x = std::log(ea_kpa / 0.6108);
  return 237.3 * x / (17.27 - x);
}

double degree_days_c_d(double tmax_c, double tmin_c, double base_c) {
  // McMaster & Wilhelm 1997, Eq. 1 (daily mean method).
  return std::max(0.0, 0.5 * (tmax_c + tmin_c) - base_c);
}

DerivedSeries::DerivedSeries(const Site& site, DerivedOptions options)
    : options_(options),
      latitude_rad_(agromet::degrees_to_radians(site.latitude_deg)),
      longitude_deg_(site.longitude_deg),
      offset_ms_(static_cast<TimeMs>(site.utc_offset_min) * kMsPerMinute) {
  check_option(options_.gdd_base_c >= -10.0 && options_.gdd_base_c <= 40.0, "gdd_base_c",
               options_.gdd_base_c, "-10 to 40 °C");
  check_option(options_.par_fraction >= 0.3 && options_.par_fraction <= 0.7, "par_fraction",
               options_.par_fraction, "0.3 to 0.7");
  check_option(options_.par_umol_per_j >= 3.0 && options_.par_umol_per_j <= 6.0, "par_umol_per_j",
               options_.par_umol_per_j, "3 to 6 µmol/J");
  check_option(std::abs(site.utc_offset_min) <= 14 * 60, "utc_offset_min", site.utc_offset_min,
               "-840 to 840 minutes");
  for (const ZoneSpec& zone_spec : site.zones) {
    if (zone_spec.kind != ZoneKind::greenhouse && zone_spec.kind != ZoneKind::weather_station) {
      continue;
    }
    Zone zone;
    zone.id = zone_spec.id;
    zone.prefix = zone_spec.id + "/" + std::string(kDerivedDeviceId) + "/";
    const std::size_t index = zones_.size();
    for (const DeviceSpec& device : zone_spec.devices) {
      if (device.id == kDerivedDeviceId) {
        continue;  // our own outputs
      }
      for (const ChannelSpec& channel : device.channels) {
        if (channel.kind != ChannelKind::sensor) {
          continue;
        }
        const std::string key = zone_spec.id + "/" + device.id + "/" + channel.id;
        auto take = [&](std::optional<ChannelSpec>& slot, Role role) {
          if (!slot) {
            slot = channel;
            sources_[key] = Source{index, role};
          }
        };
        if (channel.quantity == "air_temperature" &&
            (channel.unit == "Cel" || channel.unit == "K")) {
          const bool was_empty = !zone.temperature;
          take(zone.temperature, Role::kTemperature);
          if (was_empty) {
            zone.temperature_kelvin = channel.unit == "K";
          }
        } else if (channel.quantity == "relative_humidity") {
          take(zone.humidity, Role::kHumidity);
        } else if (channel.quantity == "global_radiation" && channel.unit == "W/m2") {
          take(zone.radiation, Role::kRadiation);
        } else if (channel.quantity == "par") {
          take(zone.par, Role::kPar);
        }
      }
    }
    if (zone.temperature || zone.radiation || zone.par) {
      zones_.push_back(std::move(zone));
    }
  }
}

std::vector<std::pair<std::string, DeviceSpec>> DerivedSeries::devices() const {
  std::vector<std::pair<std::string, DeviceSpec>> out;
  for (const Zone& zone : zones_) {
    DeviceSpec device;
    device.id = std::string(kDerivedDeviceId);
    device.name = "derived series";
    device.model = "computed by egin";
    if (zone.temperature && zone.humidity) {
      const double period_s =
          std::max(zone.temperature->sampling_period_s, zone.humidity->sampling_period_s);
      device.channels.push_back(
          derived_channel("vpd_kpa", "vapour_pressure_deficit", "kPa", 0.0, 20.0, period_s));
      device.channels.push_back(derived_channel("humidity_deficit_g_m3", "humidity_deficit", "g/m3",
                                                0.0, 200.0, period_s));
      device.channels.push_back(
          derived_channel("dew_point_c", "dew_point", "Cel", -100.0, 70.0, period_s));
    }
    if (zone.radiation) {
      device.channels.push_back(derived_channel("radiation_sum_j_cm2", "radiation_sum", "J/cm2",
                                                0.0, 10000.0, zone.radiation->sampling_period_s));
    }
    if (zone.par || zone.radiation) {
      const double period_s =
          zone.par ? zone.par->sampling_period_s : zone.radiation->sampling_period_s;
      device.channels.push_back(derived_channel("dli_mol_m2_d", "daily_light_integral", "mol/m2/d",
                                                0.0, 200.0, period_s));
    }
    if (zone.temperature) {
      device.channels.push_back(derived_channel("gdd_c_d", "growing_degree_days", "Cel.d", 0.0,
                                                20000.0, zone.temperature->sampling_period_s));
    }
    out.emplace_back(zone.id, std::move(device));
  }
  return out;
}

TimeMs DerivedSeries::sunrise_ms(Date day) const {
  const int doy = day.day_of_year();
  const double declination_rad = agromet::solar_declination_rad(doy);  // FAO-56 Eq. 24
  const double ws_rad = agromet::sunset_hour_angle_rad(latitude_rad_, declination_rad);  // Eq. 25
  // FAO-56 Eq. 31 in universal time, ω = π/12 [(t_utc + λ/15 + Sc) − 12], solved for t_utc at
  // ω = −ωs (Sc: Eq. 32–33).
  const double t_utc_h = 12.0 - longitude_deg_ / 15.0 - agromet::seasonal_correction_h(doy) -
                         12.0 * ws_rad / std::numbers::pi;
  return static_cast<TimeMs>(day.days_since_epoch()) * kMsPerDay +
         static_cast<TimeMs>(std::llround(t_utc_h * static_cast<double>(kMsPerHour)));
}

TimeMs DerivedSeries::sunrise_at_or_before(TimeMs t_ms) const {
  const Date local_day = Date::from_days(static_cast<int>(floor_div(t_ms + offset_ms_, kMsPerDay)));
  const TimeMs today = sunrise_ms(local_day);
  return t_ms >= today ? today : sunrise_ms(local_day - 1);
}

TimeMs DerivedSeries::midnight_at_or_before(TimeMs t_ms) const {
  return floor_div(t_ms + offset_ms_, kMsPerDay) * kMsPerDay - offset_ms_;
}

double DerivedSeries::integrate(Integral& integral, TimeMs t_ms, double value,
                                TimeMs period_start_ms, double scale) {
  const Sample& last = integral.last;
  if (!last.valid || period_start_ms != integral.period_start_ms) {
    double sum = 0.0;
    if (last.valid && last.t_ms < period_start_ms && t_ms - last.t_ms <= kMaxStraddleMs) {
      // The straddling segment cut at the reset: value there by linear interpolation.
      const double fraction =
          static_cast<double>(period_start_ms - last.t_ms) / static_cast<double>(t_ms - last.t_ms);
      const double at_start = last.value + (value - last.value) * fraction;
      sum = 0.5 * (at_start + value) * static_cast<double>(t_ms - period_start_ms) / 1000.0 * scale;
    }
    integral.period_start_ms = period_start_ms;
    integral.sum = sum;
  } else {
    // Trapezoid rule between successive readings.
    integral.sum +=
        0.5 * (last.value + value) * static_cast<double>(t_ms - last.t_ms) / 1000.0 * scale;
  }
  integral.last = {t_ms, value, true};
  return integral.sum;
}

void DerivedSeries::emit_humidity(Zone& zone, TimeMs t_ms, std::vector<DerivedReading>& out) const {
  if (!zone.t_air.valid || !zone.rh.valid) {
    return;
  }
  const double period_s =
      std::max(zone.temperature->sampling_period_s, zone.humidity->sampling_period_s);
  const auto tolerance_ms = static_cast<TimeMs>(2.0 * period_s * 1000.0);
  if (std::llabs(zone.t_air.t_ms - zone.rh.t_ms) > tolerance_ms) {
    return;
  }
  const double t_c = zone.t_air.value;
  const double rh = zone.rh.value;
  out.push_back({zone.prefix + "vpd_kpa", t_ms, vapour_pressure_deficit_kpa(t_c, rh)});
  out.push_back({zone.prefix + "humidity_deficit_g_m3", t_ms, humidity_deficit_g_m3(t_c, rh)});
  const double dew_c = dew_point_c(t_c, rh);
  if (std::isfinite(dew_c)) {
    out.push_back({zone.prefix + "dew_point_c", t_ms, dew_c});
  }
}

void DerivedSeries::emit_gdd(Zone& zone, TimeMs t_ms, std::vector<DerivedReading>& out) const {
  const std::int64_t day = floor_div(t_ms + offset_ms_, kMsPerDay);
  const Date date = Date::from_days(static_cast<int>(day));
  if (options_.gdd_start && date < *options_.gdd_start) {
    return;
  }
  const double t_c = zone.t_air.value;
  const int season_year = options_.gdd_start ? 0 : date.year();
  if (!zone.gdd_started || season_year != zone.gdd_year) {
    zone.gdd_started = true;
    zone.gdd_year = season_year;
    zone.gdd_done_c_d = 0.0;
    zone.gdd_day = day;
    zone.day_tmax_c = t_c;
    zone.day_tmin_c = t_c;
  } else if (day != zone.gdd_day) {
    zone.gdd_done_c_d += degree_days_c_d(zone.day_tmax_c, zone.day_tmin_c, options_.gdd_base_c);
    zone.gdd_day = day;
    zone.day_tmax_c = t_c;
    zone.day_tmin_c = t_c;
  } else {
    zone.day_tmax_c = std::max(zone.day_tmax_c, t_c);
    zone.day_tmin_c = std::min(zone.day_tmin_c, t_c);
  }
  out.push_back(
      {zone.prefix + "gdd_c_d", t_ms,
       zone.gdd_done_c_d + degree_days_c_d(zone.day_tmax_c, zone.day_tmin_c, options_.gdd_base_c)});
}

std::vector<DerivedReading> DerivedSeries::on_readings(std::span<const StoredReading> readings) {
  struct Item {
    TimeMs t_ms;
    std::size_t zone;
    Role role;
    double value;
  };
  std::vector<Item> items;
  for (const StoredReading& reading : readings) {
    if ((reading.flags & store::kFlagsExcludedFromRollups) != 0 || !std::isfinite(reading.value)) {
      continue;
    }
    const auto found = sources_.find(reading.key);
    if (found == sources_.end()) {
      continue;
    }
    items.push_back({reading.t_ms, found->second.zone, found->second.role, reading.value});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& x, const Item& y) { return x.t_ms < y.t_ms; });

  std::vector<DerivedReading> out;
  std::vector<std::uint8_t> humidity_changed(zones_.size());
  std::vector<std::uint8_t> temperature_changed(zones_.size());
  std::size_t i = 0;
  while (i < items.size()) {
    const TimeMs t_ms = items[i].t_ms;
    std::fill(humidity_changed.begin(), humidity_changed.end(), 0);
    std::fill(temperature_changed.begin(), temperature_changed.end(), 0);
    for (; i < items.size() && items[i].t_ms == t_ms; ++i) {
      const Item& item = items[i];
      Zone& zone = zones_[item.zone];
      auto newer = [t_ms](const Sample& sample) { return !sample.valid || t_ms > sample.t_ms; };
      switch (item.role) {
        case Role::kTemperature:
          if (newer(zone.t_air)) {
            zone.t_air = {t_ms, zone.temperature_kelvin ? item.value - kZeroCelsiusK : item.value,
                          true};
            humidity_changed[item.zone] = 1;
            temperature_changed[item.zone] = 1;
          }
          break;
        case Role::kHumidity:
          if (newer(zone.rh)) {
            zone.rh = {t_ms, item.value, true};
            humidity_changed[item.zone] = 1;
          }
          break;
        case Role::kRadiation:
          if (newer(zone.radiation_last)) {
            zone.radiation_last = {t_ms, item.value, true};
            const double value = std::max(0.0, item.value);  // night offsets of pyranometers
            out.push_back({zone.prefix + "radiation_sum_j_cm2", t_ms,
                           integrate(zone.radiation_sum, t_ms, value, sunrise_at_or_before(t_ms),
                                     kJCm2PerWSM2)});
            if (!zone.par) {
              // PPFD = Rg × PAR fraction × µmol per joule of PAR (see DerivedOptions).
              const double ppfd = value * options_.par_fraction * options_.par_umol_per_j;
              out.push_back(
                  {zone.prefix + "dli_mol_m2_d", t_ms,
                   integrate(zone.light, t_ms, ppfd, midnight_at_or_before(t_ms), kMolPerUmol)});
            }
          }
          break;
        case Role::kPar:
          if (newer(zone.par_last)) {
            zone.par_last = {t_ms, item.value, true};
            out.push_back({zone.prefix + "dli_mol_m2_d", t_ms,
                           integrate(zone.light, t_ms, std::max(0.0, item.value),
                                     midnight_at_or_before(t_ms), kMolPerUmol)});
          }
          break;
      }
    }
    for (std::size_t z = 0; z < zones_.size(); ++z) {
      if (humidity_changed[z] != 0 && zones_[z].humidity) {
        emit_humidity(zones_[z], t_ms, out);
      }
      if (temperature_changed[z] != 0) {
        emit_gdd(zones_[z], t_ms, out);
      }
    }
  }
  return out;
}

}  // namespace egin::runtime
