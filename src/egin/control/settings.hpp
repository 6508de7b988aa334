// ControllerSettings: everything one greenhouse's climate computer is configured with — its
// time bands and calendar curves, its sensors, and the settings of each rule, the alarms and the
// safety layer. A plain aggregate; a subsystem the greenhouse lacks has installed = false.
// Read from TOML by settings_toml.hpp (docs/formats/controller-settings.md lists every key).
#pragma once

#include <string>
#include <vector>

#include "egin/control/alarms.hpp"
#include "egin/control/calendar_curve.hpp"
#include "egin/control/canopy_light.hpp"
#include "egin/control/co2.hpp"
#include "egin/control/cooling.hpp"
#include "egin/control/heating.hpp"
#include "egin/control/irrigation.hpp"
#include "egin/control/lamps.hpp"
#include "egin/control/safety.hpp"
#include "egin/control/screens.hpp"
#include "egin/control/sensor_check.hpp"
#include "egin/control/time_bands.hpp"
#include "egin/control/ventilation.hpp"

namespace egin::control {

struct ControllerSettings {
  std::string name;
  std::string source;       // where the values come from
  double step_s = 300.0;    // the nominal step (CO2 quota look-ahead, simulation)
  std::vector<Band> bands;  // 1 … kMaxBands
  std::vector<CalendarCurve> calendar;
  SensorSettingsTable sensors{};
  LightSettings light;
  HeatingSettings heating;
  VentilationSettings ventilation;
  ScreenSettings screens;
  Co2Settings co2;
  LampSettings lamps;
  CoolingSettings cooling;
  IrrigationSettings irrigation;
  AlarmSettings alarms;
  SafetySettings safety;
};

}  // namespace egin::control
