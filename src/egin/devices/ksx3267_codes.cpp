#include "egin/devices/ksx3267_codes.hpp"

#include <array>

namespace egin::ksx3267 {

std::string_view product_type_name(std::uint16_t type) {
  switch (type) {
    case kProductSensorNode:
      return "sensor";
    case kProductActuatorNode:
      return "actuator";
    case kProductIntegratedNode:
      return "integrated";
    case kProductNutrientNode:
      return "nutrient";
    default:
      return "unknown";
  }
}

std::string_view protocol_name(std::uint16_t version) {
  switch (version) {
    case kProtocolKsx3267:
      return "KS X 3267";
    case kProtocolKsx3267v2018:
      return "KS X 3267:2018";
    case kProtocolTtaNutrient:
      return "TTA nutrient";
    case kProtocolKsx3288:
      return "KS X 3288";
    default:
      return "unknown";
  }
}

bool is_known_protocol(std::uint16_t version) { return protocol_name(version) != "unknown"; }

namespace {

// Reference §1.4: code, unit per the default JSON [S4] and the 2022 module [S5]. Ranges are what
// such sensors can report (manufacturers' spans), wide enough that a working sensor never falls
// outside; a site narrows them.
constexpr std::array<SensorKind, 18> kSensorKinds{{
    {1, "temperature", "air_temperature", "Cel", -40.0, 80.0},
    {2, "humidity", "relative_humidity", "%RH", 0.0, 100.0},
    {3, "dew_point", "dew_point_temperature", "Cel", -60.0, 60.0},
    {4, "rain", "rain_detected", "/", 0.0, 1.0},
    {5, "flow", "water_volume", "l", 0.0, 1.0e9},
    {6, "rainfall", "precipitation", "mm", 0.0, 1.0e6},
    {7, "radiation", "global_radiation", "W/m2", 0.0, 2000.0},
    {8, "wind_speed", "wind_speed", "m/s", 0.0, 75.0},
    {9, "wind_direction", "wind_direction", "deg", 0.0, 360.0},
    {10, "voltage", "voltage", "V", 0.0, 1000.0},
    {11, "co2", "co2_concentration", "ppm", 0.0, 10000.0},
    {12, "ec", "electrical_conductivity", "dS/m", 0.0, 20.0},
    {13, "par", "ppfd", "umol/m2/s", 0.0, 3000.0},
    {14, "soil_moisture", "volumetric_water_content", "%", 0.0, 100.0},
    {15, "tension", "soil_water_tension", "kPa", 0.0, 1500.0},
    {16, "ph", "ph", "pH", 0.0, 14.0},
    {17, "soil_temperature", "soil_temperature", "Cel", -40.0, 80.0},
    {18, "weight", "mass", "kg", 0.0, 10000.0},
}};

}  // namespace

std::optional<SensorKind> sensor_kind(std::uint16_t code) {
  for (const SensorKind& kind : kSensorKinds) {
    if (kind.code == code) {
      return kind;
    }
  }
  return std::nullopt;
}

bool is_sensor_code(std::uint16_t code) { return code >= 1 && code <= kSensorCodeMax; }

std::optional<ActuatorDevice> actuator_device(std::uint16_t code) {
  if (code >= 101 && code <= 103) {
    return ActuatorDevice{ActuatorKind::kSwitch, int{code} - 101};
  }
  if (code >= 111 && code <= 113) {
    return ActuatorDevice{ActuatorKind::kOpener, int{code} - 111};
  }
  return std::nullopt;
}

std::string_view actuator_kind_name(ActuatorKind kind) {
  return kind == ActuatorKind::kSwitch ? "switch" : "opener";
}

int command_level(Command command) {
  switch (command) {
    case Command::kDirectionalOn:
    case Command::kSetPosition:
    case Command::kSetConfig:
      return 2;
    default:
      return 1;
  }
}

bool command_fits(Command command, ActuatorKind kind) {
  const auto code = static_cast<std::uint16_t>(command);
  if (code == 0) {
    return true;
  }
  if (kind == ActuatorKind::kSwitch) {
    return code >= 201 && code <= 203;
  }
  return code >= 301 && code <= 306;
}

bool is_timed(Command command) {
  return command == Command::kTimedOn || command == Command::kTimedOpen ||
         command == Command::kTimedClose;
}

std::optional<Command> command_from_code(std::uint16_t code) {
  switch (code) {
    case 0:
    case 201:
    case 202:
    case 203:
    case 301:
    case 302:
    case 303:
    case 304:
    case 305:
    case 306:
      return static_cast<Command>(code);
    default:
      return std::nullopt;
  }
}

std::string_view command_name(Command command, ActuatorKind kind) {
  switch (command) {
    case Command::kOffOrStop:
      return kind == ActuatorKind::kSwitch ? "off" : "stop";
    case Command::kOn:
      return "on";
    case Command::kTimedOn:
      return "timed_on";
    case Command::kDirectionalOn:
      return "directional_on";
    case Command::kOpen:
      return "open";
    case Command::kClose:
      return "close";
    case Command::kTimedOpen:
      return "timed_open";
    case Command::kTimedClose:
      return "timed_close";
    case Command::kSetPosition:
      return "set_position";
    case Command::kSetConfig:
      return "set_config";
  }
  return "?";
}

std::optional<Command> parse_command(std::string_view name, ActuatorKind kind) {
  constexpr std::array<std::uint16_t, 10> kCodes{0, 201, 202, 203, 301, 302, 303, 304, 305, 306};
  for (const std::uint16_t code : kCodes) {
    const Command command = static_cast<Command>(code);
    if (command_fits(command, kind) && command_name(command, kind) == name) {
      return command;
    }
  }
  return std::nullopt;
}

std::string_view status_name(std::uint16_t status) {
  switch (status) {
    case kStatusReady:
      return "ready";
    case kStatusError:
      return "error";
    case kStatusBusy:
      return "busy";
    case kStatusVoltageError:
      return "voltage_error";
    case kStatusCurrentError:
      return "current_error";
    case kStatusTemperatureError:
      return "temperature_error";
    case kStatusFuseError:
      return "fuse_error";
    case kStatusNeedReplace:
      return "need_replace";
    case kStatusNeedCalibration:
      return "need_calibration";
    case kStatusNeedCheck:
      return "need_check";
    case kStatusSwitchOn:
      return "on";
    case kStatusSwitchManual:
      return "switch_manual";
    case kStatusOpening:
      return "opening";
    case kStatusClosing:
      return "closing";
    case kStatusOpenerManual:
      return "opener_manual";
    default:
      break;
  }
  if (status >= 900 && status <= 999) {
    return "vendor";
  }
  return "unknown";
}

Quality status_quality(std::uint16_t status) {
  switch (status) {
    case kStatusReady:
    case kStatusSwitchOn:
    case kStatusOpening:
    case kStatusClosing:
      return Quality::kGood;
    case kStatusNeedReplace:
      return Quality::kNeedsReplacement;
    case kStatusNeedCalibration:
      return Quality::kNeedsCalibration;
    case kStatusNeedCheck:
      return Quality::kNeedsCheck;
    case kStatusBusy:
      return Quality::kBusy;
    case kStatusSwitchManual:
    case kStatusOpenerManual:
      return Quality::kManual;
    case kStatusError:
    case kStatusVoltageError:
    case kStatusCurrentError:
    case kStatusTemperatureError:
    case kStatusFuseError:
      return Quality::kFault;
    default:
      break;
  }
  if (status >= 900 && status <= 999) {
    return Quality::kVendor;
  }
  return Quality::kUnknown;
}

std::string_view quality_name(Quality quality) {
  switch (quality) {
    case Quality::kGood:
      return "good";
    case Quality::kNeedsReplacement:
      return "needs_replacement";
    case Quality::kNeedsCalibration:
      return "needs_calibration";
    case Quality::kNeedsCheck:
      return "needs_check";
    case Quality::kBusy:
      return "busy";
    case Quality::kManual:
      return "manual";
    case Quality::kFault:
      return "fault";
    case Quality::kVendor:
      return "vendor";
    case Quality::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool quality_keeps_value(Quality quality) {
  // Fault statuses say the device failed; vendor (e.g. JiNong 901 ABNORMALVALUE [S3]) and
  // reserved codes are not known to carry a measurement. The status itself is always kept.
  return quality != Quality::kFault && quality != Quality::kUnknown && quality != Quality::kVendor;
}

}  // namespace egin::ksx3267
