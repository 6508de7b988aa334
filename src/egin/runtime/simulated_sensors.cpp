#include "egin/runtime/simulated_sensors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace egin::runtime {

namespace {

using control::SensorId;

struct PhysicalRange {
  double min;
  double max;
};

PhysicalRange physical_range(SensorId id) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  switch (id) {
    case SensorId::kRhAir:
    case SensorId::kRhOut:
      return {0.0, 100.0};
    case SensorId::kCo2Air:
    case SensorId::kIglob:
    case SensorId::kWind:
    case SensorId::kRain:
    case SensorId::kParAir:
      return {0.0, kInf};
    case SensorId::kVentLeeFeedback:
    case SensorId::kVentWindFeedback:
    case SensorId::kScreenEnergyFeedback:
    case SensorId::kScreenShadeFeedback:
    case SensorId::kScreenBlackoutFeedback:
      return {0.0, 1.0};
    default:
      return {-kInf, kInf};
  }
}

}  // namespace

SensorValues true_sensor_values(const greenhouse::Outputs& o, const ActuatorPositions& p) {
  SensorValues v{};
  auto set = [&v](SensorId id, double x) { v[control::index_of(id)] = x; };
  set(SensorId::kTAir, o.t_air_c);
  set(SensorId::kRhAir, o.rh_air_pct);
  set(SensorId::kCo2Air, o.co2_air_ppm);
  set(SensorId::kTOut, o.outdoor.t_out_c);
  set(SensorId::kRhOut, o.outdoor.rh_out_pct);
  set(SensorId::kIglob, o.outdoor.iglob_w_m2);
  set(SensorId::kWind, o.outdoor.wind_m_s);
  set(SensorId::kRain, 0.0);
  set(SensorId::kTPipe, o.t_pipe_c);
  set(SensorId::kParAir, o.par_can_umol_m2_s);
  set(SensorId::kVentLeeFeedback, p.vent_lee_open_frac);
  set(SensorId::kVentWindFeedback, p.vent_wind_open_frac);
  set(SensorId::kScreenEnergyFeedback, p.screen_energy_closed_frac);
  set(SensorId::kScreenShadeFeedback, p.screen_shade_closed_frac);
  set(SensorId::kScreenBlackoutFeedback, p.screen_blackout_closed_frac);
  return v;
}

SimulatedSensors::SimulatedSensors(const FaultPlan& plan) : plan_(plan), random_(plan.seed) {
  for (double d : plan_.delay_s) {
    max_delay_s_ = std::max(max_delay_s_, d);
  }
}

control::Measurements SimulatedSensors::read(TimeMs now_ms, const SensorValues& truth) {
  history_.push_back({now_ms, truth});
  // Keep one sample older than the longest delay (to interpolate from).
  const auto horizon_ms = static_cast<TimeMs>(std::ceil(max_delay_s_ * 1000.0));
  while (history_.size() > 2 && history_[1].t_ms <= now_ms - horizon_ms) {
    history_.pop_front();
  }

  control::Measurements m;
  for (std::size_t i = 0; i < control::kSensorCount; ++i) {
    const auto id = static_cast<SensorId>(i);
    // The value of delay_s ago.
    const auto delay_ms = static_cast<TimeMs>(std::llround(plan_.delay_s[i] * 1000.0));
    const TimeMs t_ms = std::max(now_ms - delay_ms, history_.front().t_ms);
    double value = history_.back().value[i];
    if (delay_ms > 0) {
      for (std::size_t k = history_.size(); k-- > 0;) {
        if (history_[k].t_ms <= t_ms) {
          const Sample& a = history_[k];
          if (k + 1 < history_.size() && history_[k + 1].t_ms > a.t_ms) {
            const Sample& b = history_[k + 1];
            const double w =
                static_cast<double>(t_ms - a.t_ms) / static_cast<double>(b.t_ms - a.t_ms);
            value = a.value[i] + w * (b.value[i] - a.value[i]);
          } else {
            value = a.value[i];
          }
          break;
        }
      }
    }
    if (plan_.noise_sd[i] > 0.0) {
      value += plan_.noise_sd[i] * random_.normal();
    }
    const PhysicalRange r = physical_range(id);
    value = std::clamp(value, r.min, r.max);
    control::Reading reading = control::good_reading(value, t_ms);

    for (const SensorFault& f : plan_.sensor_faults) {
      if (f.sensor != id || !fault_active(f.from_ms, f.until_ms, now_ms)) {
        continue;
      }
      switch (f.kind) {
        case SensorFaultKind::kStale:
          // The last reading before the fault, repeated (a frozen gateway or logger).
          if (have_last_) {
            reading = last_[id];
          }
          break;
        case SensorFaultKind::kLost:
          reading = control::Reading{};  // missing, NaN
          reading.t_ms = 0;
          break;
        case SensorFaultKind::kBad:
          reading.quality = control::Quality::kBad;
          break;
      }
    }
    m[id] = reading;
  }
  last_ = m;
  have_last_ = true;
  return m;
}

}  // namespace egin::runtime
