// ClimateWiring: a `[[climate]]` section of the devices file (docs/formats/devices-file.md) —
// one live climate computer per zone (zone_climate_loop.hpp): its settings file, which site
// channels feed each control::Measurements field and which device actuators each controller
// output drives.
//
//   [[climate]]
//   zone = "gh1"                      a zone of the site
//   settings = "tomato.toml"          controller settings (docs/formats/controller-settings.md),
//                                     relative to the devices file
//   manual_hold_s = 3600              an operator command holds its actuator in manual this long
//   deadband_frac = 0.05              an opener is not moved for less than this change
//   [climate.sensors]                 Measurements field = "zone/device/channel"
//   t_air_c = "gh1/climate/t_air"     (t_air_c, rh_air_pct, co2_air_ppm, t_out_c, rh_out_pct,
//                                     iglob_w_m2, wind_m_s, rain_mm_h, t_pipe_c, par_air_umol_m2_s,
//                                     vent_*/screen_* feedback; feedback not given: the opener's
//                                     estimated position)
//   [[climate.openers]]               a KS X 3267 opener driven to a position by timed runs
//   output = "vent_lee"               vent_lee, vent_wind, screen_energy, screen_shade,
//                                     screen_blackout
//   actuator = "gh1/vents/opener_1"
//   travel_s = 120                    closed → open, s
//   [[climate.switches]]              KS X 3267 switches, in stage order
//   output = "heating"                heating, co2, fogging, lamps, pad_fan
//   actuators = ["gh1/relays/switch_1", "gh1/relays/switch_2"]
//
// Errors name the file, the line, the dotted key and the accepted range (InputError).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "egin/control/commands.hpp"
#include "egin/control/measurements.hpp"
#include "egin/core/toml_fields.hpp"

namespace egin::runtime {

/// One device actuator a controller output drives.
struct ClimateActuatorWiring {
  control::ActuatorId output = control::ActuatorId::kVentLee;
  std::string key;         // "zone/device/actuator"
  bool opener = false;     // opener (positioned) or switch (stage)
  double travel_s = 60.0;  // openers
  int stage = 1;           // switches: 1-based stage of `output`
  int stages = 1;          // switches: how many the output has
  int line = 0;
};

struct ClimateWiring {
  std::string zone;
  std::filesystem::path settings;
  std::array<std::string, control::kSensorCount> sensors{};  // channel key by SensorId; "" none
  std::vector<ClimateActuatorWiring> actuators;
  double manual_hold_s = 3600.0;
  double deadband_frac = 0.05;
  int line = 0;
};

/// Reads one [[climate]] table (`f` its fields, `base_dir` for the settings path).
ClimateWiring parse_climate_wiring(const TomlFields& f, int line,
                                   const std::filesystem::path& base_dir);

}  // namespace egin::runtime
