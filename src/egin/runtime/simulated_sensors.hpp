// Simulated sensors: the readings a climate computer would get from a greenhouse twin — the
// true values (from the twin's outputs and the actuators' positions) passed through each
// sensor's transport delay, white Gaussian noise and any injected fault (twin_faults.hpp).
//
// | sensor (SensorId)        | true value                                                   |
// |--------------------------|--------------------------------------------------------------|
// | t_air_c, rh_air_pct      | Outputs t_air_c, rh_air_pct (air below the screens)          |
// | co2_air_ppm              | Outputs co2_air_ppm                                          |
// | t_out_c, rh_out_pct, iglob_w_m2, wind_m_s | the weather at this instant (Outputs.outdoor)|
// | rain_mm_h                | 0: the twin's weather carries no rain (a dry detector)       |
// | t_pipe_c                 | Outputs t_pipe_c                                             |
// | par_air_umol_m2_s        | Outputs par_can_umol_m2_s (PAR absorbed by the canopy)       |
// | vent/screen feedback     | the actuators' positions (ActuatorPositions)                 |
//
// Delay: the reported value is the true value at now − delay_s, interpolated linearly between
// the samples kept, and stamped with that time (before the first sample: the first). Noise is
// added after the delay: value + sd · N(0, 1) (agromet::RandomStream, the same on every
// machine for a seed), then clamped to the quantity's physical range (RH 0–100 %, positions
// 0–1, radiation, wind, CO2 and PAR ≥ 0). Faults: stale repeats the last reading before the
// fault; lost gives a missing reading; bad flags the reading.
#pragma once

#include <array>
#include <deque>

#include "egin/agromet/random_stream.hpp"
#include "egin/control/measurements.hpp"
#include "egin/greenhouse/outputs.hpp"
#include "egin/runtime/twin_actuators.hpp"
#include "egin/runtime/twin_faults.hpp"

namespace egin::runtime {

using SensorValues = std::array<double, control::kSensorCount>;

/// The true value of every sensor now.
SensorValues true_sensor_values(const greenhouse::Outputs& outputs,
                                const ActuatorPositions& positions);

class SimulatedSensors final {
 public:
  explicit SimulatedSensors(const FaultPlan& plan);

  /// The readings at `now_ms` given the true values now. Call with increasing times.
  control::Measurements read(TimeMs now_ms, const SensorValues& truth);

 private:
  struct Sample {
    TimeMs t_ms;
    SensorValues value;
  };
  FaultPlan plan_;
  agromet::RandomStream random_;
  std::deque<Sample> history_;
  double max_delay_s_ = 0.0;
  control::Measurements last_;  // the previous readings (what a stale sensor repeats)
  bool have_last_ = false;
};

}  // namespace egin::runtime
