// Hot-climate cooling: fogging (high-pressure fog or misting) by vapour pressure deficit or by
// temperature, and pad-and-fan staging by temperature. (Shading by radiation and temperature is
// the shade screen's, screens.hpp.) The interlocks that stop fogging when it is cold or humid are
// the safety layer's (safety.hpp).
//
// | setting                     | meaning                                                   | unit   |
// |-----------------------------|-----------------------------------------------------------|--------|
// | fog.vpd_start_kpa           | fogging starts at this VPD                                | kPa    |
// | fog.vpd_p_band_kpa          | VPD above the start for full fogging                      | kPa    |
// | fog.t_excess_start_c        | … or at T ≥ T_vent + this                                 | °C     |
// | fog.t_p_band_c              | temperature above that start for full fogging             | °C     |
// | fog.max_frac                | the largest fogging duty                                  | 0–1    |
// | pad.stage_excess_c          | stage k runs from T ≥ T_vent + stage_excess_c[k−1]        | °C     |
// | pad.hysteresis_c            | a stage stops at its threshold − this                     | °C     |
// | pad.min_stage_time_s        | shortest time between stage changes                       | s      |
// | pad.close_vents             | close the roof vents while pads run (air through the pads)| yes/no |
// | pad.max_rh_out_pct          | no pad cooling above this outdoor RH (evaporation fails)  | %      |
//
// fog = max_frac · max(p_band(VPD − vpd_start, vpd_p_band), p_band(T − T_vent − t_start, t_p_band)).
// Fogging needs both air temperature and humidity (without RH it could saturate the air); pad
// stages need the air temperature (without it the safety layer decides).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "egin/core/clock.hpp"

namespace egin::control {

inline constexpr std::size_t kMaxPadStages = 6;

struct FoggingSettings {
  bool installed = false;
  double vpd_start_kpa = 1.5;
  double vpd_p_band_kpa = 0.5;
  double t_excess_start_c = 1.0;
  double t_p_band_c = 2.0;
  double max_frac = 1.0;
};

struct PadFanSettings {
  bool installed = false;
  std::vector<double> stage_excess_c;  // increasing, 1 … kMaxPadStages
  double hysteresis_c = 1.0;
  double min_stage_time_s = 300.0;
  bool close_vents = true;
  double max_rh_out_pct = 100.0;
};

struct CoolingSettings {
  FoggingSettings fog;
  PadFanSettings pad;
};

struct CoolingInputs {
  TimeMs now_ms = 0;
  double t_vent_c = 25.0;
  std::optional<double> t_air_c;
  std::optional<double> vpd_kpa;  // needs T and RH
  std::optional<double> rh_out_pct;
};

struct CoolingState {
  int pad_stage = 0;
  TimeMs pad_stage_since_ms = 0;
};

struct CoolingOutput {
  double fogging_frac = 0.0;
  double fog_vpd_frac = 0.0;
  double fog_temperature_frac = 0.0;
  int pad_fan_stage = 0;
  bool pad_held = false;  // a change waits for the minimum stage time
  bool pad_outdoor_humid = false;
};

CoolingOutput cooling_step(const CoolingSettings& settings, const CoolingInputs& in,
                           CoolingState& state);

}  // namespace egin::control
