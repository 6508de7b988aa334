#include "egin/runtime/simulated_sensors.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace egin::runtime {
namespace {

using control::SensorId;

SensorValues truth_with(SensorId id, double v) {
  SensorValues t{};
  t[control::index_of(id)] = v;
  return t;
}

TEST(SimulatedSensors, TrueValuesComeFromTheTwinAndThePositions) {
  greenhouse::Outputs o;
  o.t_air_c = 21.5;
  o.rh_air_pct = 80.0;
  o.co2_air_ppm = 650.0;
  o.t_pipe_c = 55.0;
  o.par_can_umol_m2_s = 300.0;
  o.outdoor.t_out_c = -7.0;
  o.outdoor.rh_out_pct = 90.0;
  o.outdoor.iglob_w_m2 = 120.0;
  o.outdoor.wind_m_s = 3.5;
  ActuatorPositions p;
  p.vent_lee_open_frac = 0.25;
  p.vent_wind_open_frac = 0.1;
  p.screen_energy_closed_frac = 1.0;
  p.screen_shade_closed_frac = 0.5;
  const SensorValues v = true_sensor_values(o, p);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kTAir)], 21.5);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kRhAir)], 80.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kCo2Air)], 650.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kTPipe)], 55.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kParAir)], 300.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kTOut)], -7.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kRhOut)], 90.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kIglob)], 120.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kWind)], 3.5);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kRain)], 0.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kVentLeeFeedback)], 0.25);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kVentWindFeedback)], 0.1);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kScreenEnergyFeedback)], 1.0);
  EXPECT_DOUBLE_EQ(v[control::index_of(SensorId::kScreenShadeFeedback)], 0.5);
}

TEST(SimulatedSensors, CleanSensorsReadTheTruthNow) {
  SimulatedSensors s(FaultPlan{});
  const control::Measurements m = s.read(1'000'000, truth_with(SensorId::kTAir, 18.25));
  EXPECT_DOUBLE_EQ(m.t_air_c.value, 18.25);
  EXPECT_EQ(m.t_air_c.t_ms, 1'000'000);
  EXPECT_EQ(m.t_air_c.quality, control::Quality::kGood);
}

TEST(SimulatedSensors, DelayInterpolatesThePastAndStampsIt) {
  FaultPlan plan;
  plan.delay_s[control::index_of(SensorId::kTAir)] = 150.0;
  SimulatedSensors s(plan);
  const control::Measurements m0 = s.read(0, truth_with(SensorId::kTAir, 10.0));
  EXPECT_DOUBLE_EQ(m0.t_air_c.value, 10.0);  // nothing older: the first sample
  EXPECT_EQ(m0.t_air_c.t_ms, 0);
  const control::Measurements m1 = s.read(300'000, truth_with(SensorId::kTAir, 20.0));
  EXPECT_DOUBLE_EQ(m1.t_air_c.value, 15.0);  // halfway between 10 at 0 s and 20 at 300 s
  EXPECT_EQ(m1.t_air_c.t_ms, 150'000);
  const control::Measurements m2 = s.read(600'000, truth_with(SensorId::kTAir, 20.0));
  EXPECT_DOUBLE_EQ(m2.t_air_c.value, 20.0);
  EXPECT_EQ(m2.t_air_c.t_ms, 450'000);
  // Other sensors are not delayed.
  EXPECT_EQ(m2.rh_air_pct.t_ms, 600'000);
}

TEST(SimulatedSensors, NoiseHasTheRequestedSpreadAndStaysPhysical) {
  FaultPlan plan;
  plan.noise_sd[control::index_of(SensorId::kTAir)] = 0.5;
  plan.noise_sd[control::index_of(SensorId::kRhAir)] = 3.0;
  plan.seed = 42;
  SimulatedSensors s(plan);
  SensorValues truth{};
  truth[control::index_of(SensorId::kTAir)] = 20.0;
  truth[control::index_of(SensorId::kRhAir)] = 99.0;
  const int n = 4000;
  double sum = 0.0;
  double sum2 = 0.0;
  double rh_max = 0.0;
  for (int i = 0; i < n; ++i) {
    const control::Measurements m = s.read(static_cast<TimeMs>(i) * 300'000, truth);
    sum += m.t_air_c.value - 20.0;
    sum2 += (m.t_air_c.value - 20.0) * (m.t_air_c.value - 20.0);
    rh_max = std::max(rh_max, m.rh_air_pct.value);
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum2 / n - mean * mean);
  EXPECT_NEAR(mean, 0.0, 4.0 * 0.5 / std::sqrt(n));  // 4 standard errors
  EXPECT_NEAR(sd, 0.5, 0.5 * 4.0 / std::sqrt(2.0 * n));
  EXPECT_DOUBLE_EQ(rh_max, 100.0);  // clamped, and often reached from 99 ± 3
  // The same seed gives the same readings.
  SimulatedSensors a(plan);
  SimulatedSensors b(plan);
  EXPECT_DOUBLE_EQ(a.read(0, truth).t_air_c.value, b.read(0, truth).t_air_c.value);
}

TEST(SimulatedSensors, FaultsStaleLostBad) {
  FaultPlan plan;
  plan.sensor_faults.push_back({SensorId::kTAir, SensorFaultKind::kStale, 600'000, kNoFaultEnd});
  plan.sensor_faults.push_back({SensorId::kCo2Air, SensorFaultKind::kLost, 600'000, 1'200'000});
  plan.sensor_faults.push_back({SensorId::kRhAir, SensorFaultKind::kBad, 0, kNoFaultEnd});
  SimulatedSensors s(plan);
  SensorValues truth{};
  auto at = [&](TimeMs t, double t_air, double co2) {
    truth[control::index_of(SensorId::kTAir)] = t_air;
    truth[control::index_of(SensorId::kCo2Air)] = co2;
    return s.read(t, truth);
  };
  at(0, 15.0, 500.0);
  const control::Measurements before = at(300'000, 16.0, 510.0);
  EXPECT_DOUBLE_EQ(before.t_air_c.value, 16.0);
  EXPECT_EQ(before.rh_air_pct.quality, control::Quality::kBad);
  const control::Measurements during = at(900'000, 18.0, 520.0);
  // Stale: the last reading before the fault, its value and its time stamp.
  EXPECT_DOUBLE_EQ(during.t_air_c.value, 16.0);
  EXPECT_EQ(during.t_air_c.t_ms, 300'000);
  EXPECT_EQ(during.co2_air_ppm.quality, control::Quality::kMissing);
  EXPECT_TRUE(std::isnan(during.co2_air_ppm.value));
  const control::Measurements later = at(1'500'000, 19.0, 530.0);
  EXPECT_DOUBLE_EQ(later.t_air_c.value, 16.0);  // still stale
  EXPECT_EQ(later.t_air_c.t_ms, 300'000);
  EXPECT_DOUBLE_EQ(later.co2_air_ppm.value, 530.0);  // the lost sensor is back
  EXPECT_EQ(later.co2_air_ppm.quality, control::Quality::kGood);
}

}  // namespace
}  // namespace egin::runtime
