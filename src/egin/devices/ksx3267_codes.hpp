// KS X 3267 codes (Annex B, as reconstructed in reference/ksx3267.md §1.4 and §1.6): device
// codes of sensors and actuators, actuator command codes (B.3), status codes (B.2), product
// types and protocol versions (§1.3), and what egin makes of them — each sensor code's
// quantity, SenML unit and a plausible range for a new channel, each status code's channel
// quality. It must not know registers or the bus.
//
// Sensor device codes (§1.4, confirmed by [S5][S7][S9]):
//   1 temperature Cel · 2 humidity %RH · 3 dew point Cel · 4 rain detector · 5 flow l ·
//   6 rain gauge mm · 7 pyranometer W/m2 · 8 wind speed m/s · 9 wind direction deg ·
//   10 voltage V · 11 CO2 ppm · 12 EC dS/m · 13 PAR umol/m2/s · 14 soil moisture % ·
//   15 tensiometer kPa · 16 pH · 17 soil temperature Cel · 18 weight kg
// Actuator device codes (§1.4): 102 switch level 1, 112 opener level 1 [S5][S6]; by pattern
// 101/111 level 0 and 103/113 level 2 (unverified, accepted).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace egin::ksx3267 {

// ---- Product types (reg 3; §1.3) ----
inline constexpr std::uint16_t kProductSensorNode = 1;
inline constexpr std::uint16_t kProductActuatorNode = 2;
inline constexpr std::uint16_t kProductIntegratedNode = 3;
inline constexpr std::uint16_t kProductNutrientNode = 4;  // JiNong TTA variant [S3]
std::string_view product_type_name(std::uint16_t type);   // "sensor", "actuator", …, "unknown"

// ---- Protocol versions (reg 5; §1.3) ----
inline constexpr std::uint16_t kProtocolKsx3267 = 10;        // KS X 3267:2020/2022 표 9 [S5]
inline constexpr std::uint16_t kProtocolKsx3267v2018 = 101;  // JiNong's code for 2018 [S3]
inline constexpr std::uint16_t kProtocolTtaNutrient = 201;   // JiNong TTA nutrient [S3]
inline constexpr std::uint16_t kProtocolKsx3288 = 20;        // nutrient-supply nodes [S9]
std::string_view protocol_name(std::uint16_t version);       // "KS X 3267", …, "unknown"
bool is_known_protocol(std::uint16_t version);

// ---- Sensor device codes (§1.4) ----
struct SensorKind {
  std::uint16_t code = 0;
  std::string_view stem;      // channel id stem: "temperature", "co2", …
  std::string_view quantity;  // egin quantity id: "air_temperature", …
  std::string_view unit;      // SenML unit: "Cel", "%RH", …
  double min = 0.0;           // plausible range of a new channel (what such sensors report)
  double max = 0.0;
};
/// The sensor kind of a device code 1..18; nullopt for others.
std::optional<SensorKind> sensor_kind(std::uint16_t code);
inline constexpr std::uint16_t kSensorCodeMax = 19;  // the sensor set spans 1–19 [S7]
bool is_sensor_code(std::uint16_t code);             // 1..19

// ---- Actuator device codes (§1.4) ----
enum class ActuatorKind { kSwitch, kOpener };
struct ActuatorDevice {
  ActuatorKind kind = ActuatorKind::kSwitch;
  int level = 1;  // 0, 1, 2 (level-2 commands need a level-2 device)
};
inline constexpr std::uint16_t kDeviceSwitchLevel1 = 102;           // [S5][S6]
inline constexpr std::uint16_t kDeviceOpenerLevel1 = 112;           // [S5][S6]
std::optional<ActuatorDevice> actuator_device(std::uint16_t code);  // 101–103, 111–113
std::string_view actuator_kind_name(ActuatorKind kind);             // "switch" | "opener"

// ---- Command codes (Annex B.3; §1.6) ----
enum class Command : std::uint16_t {
  kOffOrStop = 0,        // switch OFF, opener STOP (level 1)
  kOn = 201,             // switch ON (level 1)
  kTimedOn = 202,        // switch ON for `time` s (level 1)
  kDirectionalOn = 203,  // switch, time + ratio (level 2)
  kOpen = 301,           // opener (level 1)
  kClose = 302,          // opener (level 1)
  kTimedOpen = 303,      // opener, time s (level 1)
  kTimedClose = 304,     // opener, time s (level 1)
  kSetPosition = 305,    // opener, position 0–100 % (level 2)
  kSetConfig = 306,      // opener, opentime/closetime (level 2)
};
/// The level a command needs (B.3): 1, or 2 for 203/305/306.
int command_level(Command command);
/// True when `command` is one of `kind`'s codes (0 belongs to both).
bool command_fits(Command command, ActuatorKind kind);
bool is_timed(Command command);  // 202, 303, 304
std::optional<Command> command_from_code(std::uint16_t code);
/// "off", "on", "timed_on", "stop", "open", "close", "timed_open", "timed_close", … — 0 is
/// "off" for a switch and "stop" for an opener.
std::string_view command_name(Command command, ActuatorKind kind);
std::optional<Command> parse_command(std::string_view name, ActuatorKind kind);

// ---- Status codes (Annex B.2; §1.6) ----
inline constexpr std::uint16_t kStatusReady = 0;
inline constexpr std::uint16_t kStatusError = 1;
inline constexpr std::uint16_t kStatusBusy = 2;
inline constexpr std::uint16_t kStatusVoltageError = 3;
inline constexpr std::uint16_t kStatusCurrentError = 4;
inline constexpr std::uint16_t kStatusTemperatureError = 5;
inline constexpr std::uint16_t kStatusFuseError = 6;
inline constexpr std::uint16_t kStatusNeedReplace = 101;
inline constexpr std::uint16_t kStatusNeedCalibration = 102;
inline constexpr std::uint16_t kStatusNeedCheck = 103;
inline constexpr std::uint16_t kStatusSwitchOn = 201;
inline constexpr std::uint16_t kStatusSwitchManual = 299;
inline constexpr std::uint16_t kStatusOpening = 301;
inline constexpr std::uint16_t kStatusClosing = 302;
inline constexpr std::uint16_t kStatusOpenerManual = 399;
std::string_view status_name(std::uint16_t status);  // "ready", "need_calibration", …

/// What a slot's status means for the data it gives.
enum class Quality {
  kGood,              // 0 READY, and the working states 201/301/302
  kNeedsReplacement,  // 101 sensor or consumable to replace
  kNeedsCalibration,  // 102
  kNeedsCheck,        // 103
  kBusy,              // 2
  kManual,            // 299/399: under local (manual) control
  kFault,             // 1, 3–6: the device failed; its value is not a measurement
  kVendor,            // 900–999 vendor-specific
  kUnknown,           // anything else (7–99 reserved, …)
};
Quality status_quality(std::uint16_t status);
std::string_view quality_name(Quality quality);  // "good", "needs_replacement", …
/// True when a value read with this quality is a measurement worth storing.
bool quality_keeps_value(Quality quality);

}  // namespace egin::ksx3267
