// Alarms: conditions that must reach a person, each raised after its condition has held for a
// delay, cleared with hysteresis, carrying a priority and a message, and acknowledgeable (an
// acknowledged alarm stays active until its condition clears).
//
// | alarm (key)                     | condition                                   | clears when                    |
// |---------------------------------|---------------------------------------------|--------------------------------|
// | t_air_high                      | T_air ≥ limit                               | T_air ≤ limit − hysteresis     |
// | t_air_low                       | T_air ≤ limit                               | T_air ≥ limit + hysteresis     |
// | rh_air_high                     | RH ≥ limit                                  | RH ≤ limit − hysteresis        |
// | co2_air_high                    | CO2 ≥ limit                                 | CO2 ≤ limit − hysteresis       |
// | sensor_missing.<sensor>         | installed sensor without a reading          | a usable reading               |
// | sensor_out_of_range.<sensor>    | bad quality, implausible value or time      | a usable reading               |
// | sensor_stale.<sensor>           | newest reading older than stale_after_s     | a usable reading               |
// | not_following.<actuator>        | |command − feedback| > tolerance            | |command − feedback| ≤ tol / 2 |
//
// Process alarms wait for their own delay_s; sensor alarms for sensor_delay_s; feedback alarms
// for feedback_delay_s (long enough for the actuator to travel). The command compared with the
// feedback is the one sent at the previous step. For the heating pipe, "not following" means the
// pipe stays more than pipe_tolerance_c below its set-point while the boiler is asked to heat,
// for pipe_delay_s: at least the pipe's heat-up time at full boiler, C_pipe (T_pipe,max − T_air)
// / (P_boil − losses) with C_pipe the water and steel per m² of floor (Vanthoor 2011 Eq. 8.56
// and its heat capacity), e.g. 11 kJ K⁻¹ m⁻² × 60 K / ~220 W m⁻² ≈ 50 min for GreenLight's
// Venlo house — a pipe still warming up is not a fault.
// While a process alarm's sensor is unusable the alarm neither rises nor clears (the sensor's own
// alarm speaks). Priorities: 1 urgent (wake someone), 2 high (act today), 3 low (note).
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "egin/control/measurements.hpp"
#include "egin/control/sensor_check.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

enum class AlarmKind : std::uint8_t {
  kTAirHigh,
  kTAirLow,
  kRhAirHigh,
  kCo2AirHigh,
  kSensorMissing,
  kSensorOutOfRange,
  kSensorStale,
  kNotFollowing,
};

/// The actuators whose position (or, for heating, pipe temperature) is fed back.
enum class FeedbackId : std::uint8_t {
  kVentLee,
  kVentWind,
  kScreenEnergy,
  kScreenShade,
  kScreenBlackout,
  kHeatingPipe,
};
inline constexpr std::size_t kFeedbackCount = 6;

struct AlarmId {
  AlarmKind kind = AlarmKind::kTAirHigh;
  std::uint8_t subject = 0;  // SensorId for sensor alarms, FeedbackId for not_following
};

inline constexpr std::size_t kProcessAlarmCount = 4;
inline constexpr std::size_t kAlarmCount = kProcessAlarmCount + 3 * kSensorCount + kFeedbackCount;

std::size_t alarm_index(AlarmId id);
AlarmId alarm_id_at(std::size_t index);
AlarmId sensor_alarm(AlarmKind kind, SensorId sensor);
AlarmId feedback_alarm(FeedbackId actuator);
/// "t_air_high", "sensor_stale.t_air_c", "not_following.vent_lee".
std::string alarm_key(AlarmId id);
/// Sets `id` to the alarm whose key is `key`; false (and `id` untouched) when none has it.
bool alarm_from_key(std::string_view key, AlarmId& id);
std::string_view feedback_key(FeedbackId id);

struct ProcessAlarmSettings {
  bool enabled = false;
  double limit = 0.0;       // in the sensor's unit
  double hysteresis = 1.0;  // same unit
  double delay_s = 300.0;
  int priority = 2;
};

struct AlarmSettings {
  ProcessAlarmSettings t_air_high;
  ProcessAlarmSettings t_air_low;
  ProcessAlarmSettings rh_air_high;
  ProcessAlarmSettings co2_air_high;
  double sensor_delay_s = 60.0;
  int sensor_priority = 2;
  double feedback_tolerance_frac = 0.1;
  double pipe_tolerance_c = 10.0;
  double feedback_delay_s = 600.0;
  double pipe_delay_s = 600.0;
  int feedback_priority = 2;
};

struct AlarmRecord {
  bool active = false;
  bool acknowledged = false;
  bool pending = false;  // the condition holds, the delay runs
  TimeMs pending_since_ms = 0;
  TimeMs raised_ms = 0;
  TimeMs cleared_ms = 0;
  double value = std::numeric_limits<double>::quiet_NaN();  // the last value judged
  double limit = std::numeric_limits<double>::quiet_NaN();  // what it was judged against
};

using AlarmBoard = std::array<AlarmRecord, kAlarmCount>;
using AlarmBits = std::bitset<kAlarmCount>;

/// What the feedback alarms compare: the previous step's commands and whether each actuator is
/// installed.
struct FeedbackInputs {
  std::array<bool, kFeedbackCount> installed{};
  std::array<double, kFeedbackCount> command{};  // positions 0–1; for heating the pipe set-point
  double heating_frac = 0.0;
};

struct AlarmInputs {
  TimeMs now_ms = 0;
  const SensorView* sensors = nullptr;
  const SensorSettingsTable* sensor_settings = nullptr;
  const Measurements* measurements = nullptr;
  FeedbackInputs feedback;
};

struct AlarmEvents {
  AlarmBits raised;
  AlarmBits cleared;
};

AlarmEvents update_alarms(const AlarmSettings& settings, const AlarmInputs& in, AlarmBoard& board);

/// Acknowledges an active alarm; false when it is not active.
bool acknowledge_alarm(AlarmBoard& board, AlarmId id);

int alarm_priority(const AlarmSettings& settings, AlarmId id);

/// A sentence for a person: "air temperature high: 36.4 °C (limit 35 °C)".
std::string alarm_message(AlarmId id, const AlarmRecord& record);

}  // namespace egin::control
