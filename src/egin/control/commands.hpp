// Commands: what the climate computer asks of the actuators after each step, in physical
// actuator terms that map one to one onto a greenhouse twin's controls (GreenLight/Vanthoor
// names in brackets). Plain data; the rules that fill it live in their own files.
//
// | field                       | meaning                                        | unit          |
// |-----------------------------|------------------------------------------------|---------------|
// | t_pipe_setpoint_c           | heating pipe water temperature set-point       | °C            |
// | heating_frac                | boiler / mixing valve demand (uBoil)           | 0–1           |
// | vent_lee_open_frac          | lee-side roof vent opening (uRoof, lee half)   | 0–1 (1 open)  |
// | vent_wind_open_frac         | windward roof vent opening (uRoof, wind half)  | 0–1 (1 open)  |
// | screen_energy_closed_frac   | energy (thermal) screen closure (uThScr)       | 0–1 (1 closed)|
// | screen_shade_closed_frac    | shade screen closure (uShScr)                  | 0–1 (1 closed)|
// | screen_blackout_closed_frac | blackout screen closure (uBlScr)               | 0–1 (1 closed)|
// | co2_dosing_kg_ha_h          | CO2 injection rate                             | kg ha⁻¹ h⁻¹   |
// | co2_dosing_frac             | the same as a fraction of capacity (uExtCo2)   | 0–1           |
// | lamps_on                    | supplementary lamps (uLamp)                    | on/off        |
// | fogging_frac                | fogging/misting system duty (uFog)             | 0–1           |
// | pad_fan_stage               | pad-and-fan cooling stage (0 = off)            | stage         |
// | pad_fan_frac                | the same as a share of all stages (uPad)       | 0–1           |
// | irrigation_start            | start one irrigation cycle now                 | yes/no        |
// | irrigation_dose_l_m2        | the dose of that cycle                         | L m⁻² (= mm)  |
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace egin::control {

struct Commands {
  double t_pipe_setpoint_c = 0.0;
  double heating_frac = 0.0;
  double vent_lee_open_frac = 0.0;
  double vent_wind_open_frac = 0.0;
  double screen_energy_closed_frac = 0.0;
  double screen_shade_closed_frac = 0.0;
  double screen_blackout_closed_frac = 0.0;
  double co2_dosing_kg_ha_h = 0.0;
  double co2_dosing_frac = 0.0;
  bool lamps_on = false;
  double fogging_frac = 0.0;
  int pad_fan_stage = 0;
  double pad_fan_frac = 0.0;
  bool irrigation_start = false;
  double irrigation_dose_l_m2 = 0.0;
};

/// The actuators an operator can put in manual mode (state.hpp holds their manual values).
enum class ActuatorId : std::uint8_t {
  kHeating,         // manual value: pipe set-point, °C
  kVentLee,         // opening, 0–1
  kVentWind,        // opening, 0–1
  kScreenEnergy,    // closure, 0–1
  kScreenShade,     // closure, 0–1
  kScreenBlackout,  // closure, 0–1
  kCo2,             // dosing, fraction of capacity 0–1
  kLamps,           // 0 off, 1 on
  kFogging,         // duty, 0–1
  kPadFan,          // stage, 0 … number of stages
  kIrrigation,      // dose of one start now, L m⁻² (the manual mode ends after that start)
};
inline constexpr std::size_t kActuatorCount = 11;

inline constexpr std::size_t index_of(ActuatorId id) { return static_cast<std::size_t>(id); }

/// The settings and API name of an actuator ("vent_lee").
std::string_view actuator_key(ActuatorId id);
/// For messages ("lee vent").
std::string_view actuator_label(ActuatorId id);
/// The unit of its manual value ("°C", "0–1", "stage", "L/m²").
std::string_view actuator_manual_unit(ActuatorId id);
/// Sets `id` to the actuator whose key is `key`; false (and `id` untouched) when none has it.
bool actuator_from_key(std::string_view key, ActuatorId& id);

}  // namespace egin::control
