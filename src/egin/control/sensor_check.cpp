#include "egin/control/sensor_check.hpp"

#include <cmath>

namespace egin::control {

SensorStatus check_reading(const SensorSettings& s, const Reading& r, TimeMs now_ms) {
  if (!s.installed) {
    return SensorStatus::kNotInstalled;
  }
  if (r.quality == Quality::kMissing || !std::isfinite(r.value)) {
    return SensorStatus::kMissing;
  }
  const double age_s = static_cast<double>(now_ms - r.t_ms) / 1000.0;
  if (r.quality == Quality::kBad || r.value < s.valid_min || r.value > s.valid_max ||
      age_s < -s.stale_after_s) {
    return SensorStatus::kOutOfRange;
  }
  if (age_s > s.stale_after_s) {
    return SensorStatus::kStale;
  }
  return SensorStatus::kOk;
}

SensorView check_sensors(const SensorSettingsTable& settings, const Measurements& m,
                         TimeMs now_ms) {
  SensorView view;
  for (std::size_t i = 0; i < kSensorCount; ++i) {
    const auto id = static_cast<SensorId>(i);
    view.status[i] = check_reading(settings[i], m[id], now_ms);
    view.value[i] = m[id].value;
  }
  return view;
}

}  // namespace egin::control
