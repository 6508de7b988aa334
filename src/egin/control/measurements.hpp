// Measurements: what the climate computer reads at each step — every sensor and every actuator's
// position feedback as a Reading (value, time stamp, quality). Plain data; judging whether a
// reading may be used is sensor_check.hpp's job, not this file's.
//
// | field                       | meaning                                    | unit          |
// |-----------------------------|--------------------------------------------|---------------|
// | t_air_c                     | greenhouse air temperature                 | °C            |
// | rh_air_pct                  | greenhouse relative humidity               | %             |
// | co2_air_ppm                 | greenhouse CO2 concentration               | ppm (µmol/mol)|
// | t_out_c                     | outdoor air temperature                    | °C            |
// | rh_out_pct                  | outdoor relative humidity                  | %             |
// | iglob_w_m2                  | outdoor global radiation                   | W m⁻²         |
// | wind_m_s                    | outdoor wind speed                         | m s⁻¹         |
// | rain_mm_h                   | rain intensity (a wet/dry detector: 0 or 1)| mm h⁻¹        |
// | t_pipe_c                    | heating pipe water temperature             | °C            |
// | par_air_umol_m2_s           | PAR at the canopy (sun and lamps)          | µmol m⁻² s⁻¹  |
// | vent_lee_open_frac          | lee-side vent position feedback            | 0–1 (1 open)  |
// | vent_wind_open_frac         | windward vent position feedback            | 0–1 (1 open)  |
// | screen_energy_closed_frac   | energy screen position feedback            | 0–1 (1 closed)|
// | screen_shade_closed_frac    | shade screen position feedback             | 0–1 (1 closed)|
// | screen_blackout_closed_frac | blackout screen position feedback          | 0–1 (1 closed)|
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "egin/core/clock.hpp"

namespace egin::control {

/// How much a reading can be trusted, as its source reports it.
enum class Quality : std::uint8_t {
  kMissing,  // no reading (never received, or the device reports none)
  kGood,     // the device and the ingest checks accepted it
  kBad,      // flagged by the device or the ingest checks (spike, stuck, device status)
};

/// One sensor value with the time it was measured.
struct Reading {
  double value = std::numeric_limits<double>::quiet_NaN();
  TimeMs t_ms = 0;
  Quality quality = Quality::kMissing;
};

/// A good reading of `value` taken at `t_ms`.
constexpr Reading good_reading(double value, TimeMs t_ms) { return {value, t_ms, Quality::kGood}; }

/// The sensors, in the order of Measurements' fields.
enum class SensorId : std::uint8_t {
  kTAir,
  kRhAir,
  kCo2Air,
  kTOut,
  kRhOut,
  kIglob,
  kWind,
  kRain,
  kTPipe,
  kParAir,
  kVentLeeFeedback,
  kVentWindFeedback,
  kScreenEnergyFeedback,
  kScreenShadeFeedback,
  kScreenBlackoutFeedback,
};
inline constexpr std::size_t kSensorCount = 15;

struct Measurements {
  Reading t_air_c;
  Reading rh_air_pct;
  Reading co2_air_ppm;
  Reading t_out_c;
  Reading rh_out_pct;
  Reading iglob_w_m2;
  Reading wind_m_s;
  Reading rain_mm_h;
  Reading t_pipe_c;
  Reading par_air_umol_m2_s;
  Reading vent_lee_open_frac;
  Reading vent_wind_open_frac;
  Reading screen_energy_closed_frac;
  Reading screen_shade_closed_frac;
  Reading screen_blackout_closed_frac;

  [[nodiscard]] const Reading& operator[](SensorId id) const;
  [[nodiscard]] Reading& operator[](SensorId id);
};

/// The settings and messages name of a sensor: its Measurements field ("t_air_c").
std::string_view sensor_key(SensorId id);
/// What it measures, for messages ("air temperature").
std::string_view sensor_label(SensorId id);
/// Its unit as printed in messages ("°C").
std::string_view sensor_unit(SensorId id);
/// Sets `id` to the sensor whose key is `key`; false (and `id` untouched) when none has it.
bool sensor_from_key(std::string_view key, SensorId& id);

inline constexpr std::size_t index_of(SensorId id) { return static_cast<std::size_t>(id); }

}  // namespace egin::control
