#include "egin/runtime/twin_fault_flags.hpp"

#include <gtest/gtest.h>

#include <string>

#include "egin/core/input_error.hpp"

namespace egin::runtime {
namespace {

using control::SensorId;

std::string error_of(std::string_view text) {
  FaultPlan plan;
  try {
    parse_fault_flag(text, 300, plan);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(TwinFaultFlags, SensorFaultInLocalTime) {
  FaultPlan plan;
  parse_fault_flag("sensor:t_air:stale@2025-07-14T13:00", 300, plan);
  ASSERT_EQ(plan.sensor_faults.size(), 1u);
  EXPECT_EQ(plan.sensor_faults[0].sensor, SensorId::kTAir);
  EXPECT_EQ(plan.sensor_faults[0].kind, SensorFaultKind::kStale);
  // 13:00 at UTC+5 is 08:00Z.
  EXPECT_EQ(plan.sensor_faults[0].from_ms, *parse_iso_time_ms("2025-07-14T08:00Z"));
  EXPECT_EQ(plan.sensor_faults[0].until_ms, kNoFaultEnd);
}

TEST(TwinFaultFlags, KeysOffsetsAndEnds) {
  FaultPlan plan;
  parse_fault_flag("sensor:co2_air_ppm:lost@2025-07-14T13:00Z/2025-07-14T15:30Z", 300, plan);
  parse_fault_flag("sensor:co2:bad@2025-07-14", 300, plan);
  parse_fault_flag("actuator:vent_lee:stuck@2025-07-14T13:00+05:00", 300, plan);
  ASSERT_EQ(plan.sensor_faults.size(), 2u);
  EXPECT_EQ(plan.sensor_faults[0].sensor, SensorId::kCo2Air);
  EXPECT_EQ(plan.sensor_faults[0].kind, SensorFaultKind::kLost);
  EXPECT_EQ(plan.sensor_faults[0].from_ms, *parse_iso_time_ms("2025-07-14T13:00Z"));
  EXPECT_EQ(plan.sensor_faults[0].until_ms, *parse_iso_time_ms("2025-07-14T15:30Z"));
  EXPECT_EQ(plan.sensor_faults[1].kind, SensorFaultKind::kBad);
  // A date alone: local midnight, 19:00Z the day before.
  EXPECT_EQ(plan.sensor_faults[1].from_ms, *parse_iso_time_ms("2025-07-13T19:00Z"));
  ASSERT_EQ(plan.actuator_faults.size(), 1u);
  EXPECT_EQ(plan.actuator_faults[0].actuator, control::ActuatorId::kVentLee);
  EXPECT_EQ(plan.actuator_faults[0].from_ms, *parse_iso_time_ms("2025-07-14T08:00Z"));
}

TEST(TwinFaultFlags, ErrorsNameTheFlagAndTheForms) {
  EXPECT_NE(error_of("sensor:t_air:stale").find("--fault"), std::string::npos);
  EXPECT_NE(error_of("sensor:t_air:stale").find("sensor:NAME:stale|lost|bad@TIME"),
            std::string::npos);
  EXPECT_NE(error_of("sensor:t_leaf:stale@2025-07-14T13:00").find("unknown sensor 't_leaf'"),
            std::string::npos);
  EXPECT_NE(error_of("sensor:t_air:frozen@2025-07-14T13:00").find("stale, lost or bad"),
            std::string::npos);
  EXPECT_NE(error_of("actuator:vent_lee:broken@2025-07-14T13:00").find("stuck"), std::string::npos);
  EXPECT_NE(error_of("actuator:door:stuck@2025-07-14T13:00").find("vent_lee"), std::string::npos);
  EXPECT_NE(error_of("valve:x:stuck@2025-07-14T13:00").find("unknown fault kind"),
            std::string::npos);
  EXPECT_NE(error_of("sensor:t_air:stale@14.07.2025").find("ISO 8601"), std::string::npos);
  EXPECT_NE(error_of("sensor:t_air:stale@2025-07-14T13:00/2025-07-14T12:00").find("after"),
            std::string::npos);
}

TEST(TwinFaultFlags, NoiseAndDelay) {
  FaultPlan plan;
  parse_noise_flag("t_air:0.2,rh_air_pct:2", plan);
  parse_delay_flag("t_air:120", plan);
  EXPECT_DOUBLE_EQ(plan.noise_sd[control::index_of(SensorId::kTAir)], 0.2);
  EXPECT_DOUBLE_EQ(plan.noise_sd[control::index_of(SensorId::kRhAir)], 2.0);
  EXPECT_DOUBLE_EQ(plan.noise_sd[control::index_of(SensorId::kCo2Air)], 0.0);
  EXPECT_DOUBLE_EQ(plan.delay_s[control::index_of(SensorId::kTAir)], 120.0);
  EXPECT_THROW(parse_noise_flag("t_air:-1", plan), InputError);
  EXPECT_THROW(parse_noise_flag("t_air", plan), InputError);
  EXPECT_THROW(parse_delay_flag("leaf:5", plan), InputError);
  EXPECT_THROW(parse_delay_flag("t_air:5s", plan), InputError);
  try {
    parse_delay_flag("t_air:abc", plan);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--delay"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("NAME:SECONDS"), std::string::npos);
  }
}

}  // namespace
}  // namespace egin::runtime
