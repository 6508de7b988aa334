// What can go wrong in a simulated greenhouse, injected on purpose: sensor faults, actuator
// faults, sensor noise and delays — plain data the loop (twin_climate_loop.hpp) and its simulated
// sensors (simulated_sensors.hpp) act on. The command-line grammar that fills it is
// twin_fault_flags.hpp.
//
// | fault            | what the climate computer sees                                       |
// |------------------|----------------------------------------------------------------------|
// | sensor stale     | the last reading before the fault, value and time stamp, forever     |
// | sensor lost      | no reading (quality missing, value NaN)                              |
// | sensor bad       | readings flagged bad by the device (quality bad)                     |
// | actuator stuck   | the actuator stays where it stood; its feedback reports that         |
// A fault holds from `from_ms` until `until_ms` (kNoFaultEnd: to the end of the run).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "egin/control/commands.hpp"
#include "egin/control/measurements.hpp"
#include "egin/core/clock.hpp"

namespace egin::runtime {

inline constexpr TimeMs kNoFaultEnd = std::numeric_limits<TimeMs>::max();

enum class SensorFaultKind : std::uint8_t { kStale, kLost, kBad };

struct SensorFault {
  control::SensorId sensor = control::SensorId::kTAir;
  SensorFaultKind kind = SensorFaultKind::kStale;
  TimeMs from_ms = 0;
  TimeMs until_ms = kNoFaultEnd;
};

enum class ActuatorFaultKind : std::uint8_t { kStuck };

struct ActuatorFault {
  control::ActuatorId actuator = control::ActuatorId::kVentLee;
  ActuatorFaultKind kind = ActuatorFaultKind::kStuck;
  TimeMs from_ms = 0;
  TimeMs until_ms = kNoFaultEnd;
};

/// Everything injected into one run.
struct FaultPlan {
  std::vector<SensorFault> sensor_faults;
  std::vector<ActuatorFault> actuator_faults;
  /// Standard deviation of white Gaussian noise added to each sensor, in its unit (0 = none).
  std::array<double, control::kSensorCount> noise_sd{};
  /// Transport delay of each sensor, s: it reports the value of delay_s ago, stamped then.
  std::array<double, control::kSensorCount> delay_s{};
  std::uint64_t seed = 1;
};

[[nodiscard]] inline bool fault_active(TimeMs from_ms, TimeMs until_ms, TimeMs now_ms) {
  return now_ms >= from_ms && now_ms < until_ms;
}

}  // namespace egin::runtime
