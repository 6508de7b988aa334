// The command-line grammar of injected faults, sensor noise and delays for a closed-loop run
// (`egin simulate greenhouse --controller climate`), parsed into a FaultPlan (twin_faults.hpp):
//
//   --fault sensor:NAME:stale|lost|bad@TIME[/END]   e.g. sensor:t_air:stale@2025-07-14T13:00
//   --fault actuator:NAME:stuck@TIME[/END]          e.g. actuator:vent_lee:stuck@2025-07-14T13:00
//   --noise NAME:SD[,NAME:SD…]                      white noise, SD in the sensor's unit
//   --delay NAME:S[,NAME:S…]                        transport delay, seconds
//   --seed N                                        the noise's random stream
//
// NAME of a sensor: its key (t_air_c, rh_air_pct, co2_air_ppm, t_out_c, rh_out_pct, iglob_w_m2,
// wind_m_s, rain_mm_h, t_pipe_c, par_air_umol_m2_s, vent_lee_open_frac, vent_wind_open_frac,
// screen_energy_closed_frac, screen_shade_closed_frac, screen_blackout_closed_frac) or a short
// form (t_air, rh_air, co2, t_out, rh_out, iglob, wind, rain, t_pipe, par_air); of an actuator
// its key (heating, vent_lee, vent_wind, screen_energy, screen_shade, screen_blackout, co2, lamps,
// fogging, pad_fan). TIME is ISO 8601; without an offset it is the site's local standard time
// (utc_offset_min). A bad value is an egin::InputError naming the flag and the accepted forms
// (exit 2).
#pragma once

#include <optional>
#include <string_view>

#include "egin/runtime/twin_faults.hpp"

namespace egin::runtime {

/// Adds one --fault to `plan`.
void parse_fault_flag(std::string_view text, int utc_offset_min, FaultPlan& plan);
/// Sets the noise of the sensors a --noise value names.
void parse_noise_flag(std::string_view text, FaultPlan& plan);
/// Sets the delays of the sensors a --delay value names.
void parse_delay_flag(std::string_view text, FaultPlan& plan);

/// A sensor by key or short form; false when none has that name.
bool sensor_from_flag_name(std::string_view name, control::SensorId& id);
/// An ISO time, local standard time when it has no offset; nullopt when it is not one.
std::optional<TimeMs> parse_flag_time(std::string_view text, int utc_offset_min);

}  // namespace egin::runtime
