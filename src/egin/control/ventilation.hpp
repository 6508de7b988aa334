// Ventilation: lee and windward roof vents from the excess of air temperature over the
// ventilation temperature (heating base temperature + the band's dead zone), each side with its
// own P-band; humidity venting on the lee side when RH exceeds rh_max_pct or the humidity deficit
// falls below hd_min_g_m3, never less than a minimum crack once it is on; then the limits — cold
// outside, wind (each side its own ramp), storm (both shut, with hysteresis and a hold time),
// rain (windward shut, lee limited), pad-and-fan running — and a position dead band so motors do
// not chatter. Travel-rate limits are the safety layer's (safety.hpp).
//
// | setting                        | meaning                                               | unit  |
// |--------------------------------|-------------------------------------------------------|-------|
// | lee_p_band_c, lee_max_frac     | excess for full lee opening; the largest lee opening  | °C, 0–1 |
// | wind_start_c                   | excess at which the windward side begins to open      | °C    |
// | wind_p_band_c, wind_max_frac   | windward P-band and largest opening                   | °C, 0–1 |
// | humidity_p_band_pct / _g_m3    | RH above rh_max / HD below hd_min for full humidity opening | %, g m⁻³ |
// | humidity_crack_frac            | the opening humidity venting starts with              | 0–1   |
// | humidity_max_frac              | the largest humidity opening                          | 0–1   |
// | humidity_hysteresis_pct / _g_m3| humidity venting stops at rh_max − this and hd_min + this | %, g m⁻³ |
// | humidity_windward_frac         | share of the humidity opening the windward side gets too | 0–1 |
// | air_cold_stop_below_heat_c     | all venting stops at T ≤ T_heat − this − air_cold_p_band_c | °C |
// | air_cold_p_band_c              | … and is free again at T ≥ T_heat − air_cold_stop_below_heat_c | °C |
// | cold_t_out_c, cold_min_frac    | at or below this outdoor temperature at most this opening | °C, 0–1 |
// | cold_full_t_out_c              | at or above it no cold limit (linear between)         | °C    |
// | lee_wind_start_m_s / _end_m_s, lee_wind_end_frac | lee limit falls 1 → end_frac over this wind | m s⁻¹, 0–1 |
// | wind_wind_start_m_s / _end_m_s, wind_wind_end_frac | the same for the windward side    | m s⁻¹, 0–1 |
// | storm_m_s, storm_hysteresis_m_s| storm from this wind until it falls by the hysteresis | m s⁻¹ |
// | storm_hold_min                 | vents stay shut this long after the storm ends        | min   |
// | rain_threshold_mm_h            | rain at or above this                                 | mm h⁻¹|
// | rain_lee_max_frac, rain_wind_max_frac | the largest openings in rain                   | 0–1   |
// | min_step_frac                  | a new position is sent only when it differs this much | 0–1   |
//
// Equations: lee_temp = lee_max p_band(T − T_vent, lee_p_band); wind_temp = wind_max
// p_band(T − T_vent − wind_start, wind_p_band); humidity = crack + (max − crack) max(p_band(RH −
// RH_max, band_pct), p_band(HD_min − HD, band_g)); lee = min(max(lee_temp, humidity), caps);
// wind = min(max(wind_temp, humidity_windward_frac · humidity), caps). Each limit is a cap and
// the smallest holds; the cold-air cap ramp(T; T_heat − stop − band, T_heat − stop) keeps the
// vents (the humidity crack too) shut when the house is colder than its heating temperature
// (GreenLight's ventCold rule, Katzin 2021).
#pragma once

#include <cstdint>
#include <optional>

#include "egin/core/clock.hpp"

namespace egin::control {

struct VentilationSettings {
  bool installed = false;
  double lee_p_band_c = 2.0;
  double lee_max_frac = 1.0;
  double wind_start_c = 1.0;
  double wind_p_band_c = 3.0;
  double wind_max_frac = 1.0;
  double humidity_p_band_pct = 10.0;
  double humidity_p_band_g_m3 = 1.0;
  double humidity_crack_frac = 0.05;
  double humidity_max_frac = 0.3;
  double humidity_hysteresis_pct = 2.0;
  double humidity_hysteresis_g_m3 = 0.3;
  double humidity_windward_frac = 0.0;
  double air_cold_stop_below_heat_c = 1.0;
  double air_cold_p_band_c = 1.0;
  double cold_t_out_c = 0.0;
  double cold_full_t_out_c = 10.0;
  double cold_min_frac = 0.05;
  double lee_wind_start_m_s = 8.0;
  double lee_wind_end_m_s = 14.0;
  double lee_wind_end_frac = 0.1;
  double wind_wind_start_m_s = 5.0;
  double wind_wind_end_m_s = 10.0;
  double wind_wind_end_frac = 0.0;
  double storm_m_s = 15.0;
  double storm_hysteresis_m_s = 3.0;
  double storm_hold_min = 15.0;
  double rain_threshold_mm_h = 0.2;
  double rain_lee_max_frac = 1.0;
  double rain_wind_max_frac = 0.0;
  double min_step_frac = 0.02;
};

/// Why a vent is where it is (bits of VentilationOutput::limits).
enum VentLimit : std::uint32_t {
  kVentCold = 1u << 0,
  kVentWindLee = 1u << 1,
  kVentWindWindward = 1u << 2,
  kVentStorm = 1u << 3,
  kVentRain = 1u << 4,
  kVentPadFan = 1u << 5,
  kVentHumidity = 1u << 6,      // humidity venting is on
  kVentLeeTakeover = 1u << 7,   // the windward side has failed; lee takes its demand
  kVentWindTakeover = 1u << 8,  // the lee side has failed; windward takes its demand
  kVentNoAirSensor = 1u << 9,   // demand from the safety layer's outdoor-temperature rule
  kVentWindUnknown = 1u << 10,  // wind sensor lost: the safety cap holds
  kVentRainAssumed = 1u << 11,  // rain sensor lost: treated as raining
  kVentColdUnknown = 1u << 12,  // outdoor temperature lost: the safety cap holds
  kVentColdAir = 1u << 13,      // the house is colder than its heating temperature
};

struct VentilationInputs {
  TimeMs now_ms = 0;
  double t_vent_c = 22.0;    // heating base temperature + dead zone
  double t_heat_c = 18.0;    // heating base temperature (the cold-air cap)
  double rh_max_pct = 85.0;  // band
  double hd_min_g_m3 = 0.0;  // band, 0 = no HD rule
  std::optional<double> t_air_c;
  std::optional<double> rh_air_pct;
  std::optional<double> hd_g_m3;
  std::optional<double> t_out_c;
  std::optional<double> wind_m_s;
  std::optional<double> rain_mm_h;
  /// Used for both sides when t_air is unknown (safety.hpp's outdoor-temperature rule).
  double safe_demand_frac = 0.0;
  /// Caps when the wind or outdoor temperature sensor is lost (safety settings).
  double max_without_wind_frac = 0.3;
  double max_without_t_out_frac = 0.3;
  bool pad_fan_running = false;  // and cooling asks the vents closed
  bool lee_failed = false;       // feedback alarm: the other side takes over its demand
  bool wind_failed = false;
};

struct VentilationState {
  bool humidity_on = false;
  bool storm_on = false;
  TimeMs storm_hold_until_ms = 0;
  bool has_last = false;
  double lee_last_frac = 0.0;
  double wind_last_frac = 0.0;
};

struct VentilationOutput {
  double vent_lee_open_frac = 0.0;
  double vent_wind_open_frac = 0.0;
  double excess_c = 0.0;  // T_air − T_vent (0 when unknown)
  double lee_temperature_frac = 0.0;
  double wind_temperature_frac = 0.0;
  double humidity_frac = 0.0;  // the humidity opening (0 when off)
  double lee_cap_frac = 1.0;   // the smallest limit on each side
  double wind_cap_frac = 1.0;
  std::uint32_t limits = 0;  // VentLimit bits
};

VentilationOutput ventilation_step(const VentilationSettings& settings, const VentilationInputs& in,
                                   VentilationState& state);

}  // namespace egin::control
