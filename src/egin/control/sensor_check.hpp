// Sensor checks: for every reading, whether the controller may use it — installed, present, not
// stale, inside its plausible range — and the value it may use. The result (SensorView) is what
// the rules read; a reading that fails is treated as absent, and the safety layer decides what
// its absence means.
//
// | setting          | meaning                                                      | unit          |
// |------------------|--------------------------------------------------------------|---------------|
// | installed        | the greenhouse has this sensor                               | yes/no        |
// | valid_min/_max   | plausible range; outside it the sensor is broken or mis-set  | sensor's unit |
// | stale_after_s    | a reading older than this is stale                           | s             |
//
// Order of the verdicts: not installed; missing (quality kMissing or a non-finite value);
// out of range (quality kBad, a value outside the range, or a time stamp more than
// stale_after_s in the future); stale (older than stale_after_s).
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "egin/control/measurements.hpp"
#include "egin/core/clock.hpp"

namespace egin::control {

struct SensorSettings {
  bool installed = false;
  double valid_min = 0.0;
  double valid_max = 0.0;
  double stale_after_s = 600.0;
};

using SensorSettingsTable = std::array<SensorSettings, kSensorCount>;

enum class SensorStatus : std::uint8_t { kOk, kNotInstalled, kMissing, kOutOfRange, kStale };

struct SensorView {
  std::array<SensorStatus, kSensorCount> status{};
  std::array<double, kSensorCount> value{};

  [[nodiscard]] bool ok(SensorId id) const { return status[index_of(id)] == SensorStatus::kOk; }
  /// The value when usable, else nullopt.
  [[nodiscard]] std::optional<double> get(SensorId id) const {
    return ok(id) ? std::optional<double>(value[index_of(id)]) : std::nullopt;
  }
  /// Installed but not usable: a fault the safety layer and the alarms act on.
  [[nodiscard]] bool failed(SensorId id) const {
    const SensorStatus s = status[index_of(id)];
    return s != SensorStatus::kOk && s != SensorStatus::kNotInstalled;
  }
  [[nodiscard]] bool installed(SensorId id) const {
    return status[index_of(id)] != SensorStatus::kNotInstalled;
  }
};

SensorStatus check_reading(const SensorSettings& settings, const Reading& reading, TimeMs now_ms);

SensorView check_sensors(const SensorSettingsTable& settings, const Measurements& m, TimeMs now_ms);

}  // namespace egin::control
