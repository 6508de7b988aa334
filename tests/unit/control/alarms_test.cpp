// Alarms: the delay before raising, clearing with hysteresis, a condition that falls back before
// its delay, acknowledgement, holding while the sensor is lost, sensor alarms with their own
// delay, actuator feedback and pipe temperature not following, keys and messages.
#include "egin/control/alarms.hpp"

#include <gtest/gtest.h>

namespace egin::control {
namespace {

constexpr TimeMs kT0 = 1'750'000'000'000;

struct Fixture {
  AlarmSettings s;
  SensorSettingsTable sensors{};
  AlarmBoard board{};
  Measurements m;
  Fixture() {
    s.t_air_high = {true, 35.0, 1.0, 600.0, 1};
    s.t_air_low = {true, 8.0, 1.0, 600.0, 1};
    s.sensor_delay_s = 60.0;
    s.feedback_tolerance_frac = 0.1;
    s.pipe_tolerance_c = 10.0;
    s.feedback_delay_s = 600.0;
    s.pipe_delay_s = 600.0;
    sensors[index_of(SensorId::kTAir)] = {true, -30.0, 60.0, 600.0};
    sensors[index_of(SensorId::kVentLeeFeedback)] = {true, 0.0, 1.0, 600.0};
    sensors[index_of(SensorId::kTPipe)] = {true, -10.0, 110.0, 600.0};
  }
  AlarmEvents step(TimeMs now, double t_air, FeedbackInputs fb = {}) {
    m.t_air_c = good_reading(t_air, now);
    if (m.vent_lee_open_frac.quality == Quality::kGood) {
      m.vent_lee_open_frac.t_ms = now;
    }
    if (m.t_pipe_c.quality == Quality::kGood) {
      m.t_pipe_c.t_ms = now;
    }
    const SensorView view = check_sensors(sensors, m, now);
    AlarmInputs in;
    in.now_ms = now;
    in.sensors = &view;
    in.sensor_settings = &sensors;
    in.measurements = &m;
    in.feedback = fb;
    return update_alarms(s, in, board);
  }
  const AlarmRecord& rec(AlarmId id) const { return board[alarm_index(id)]; }
};

const AlarmId kHigh{AlarmKind::kTAirHigh, 0};

TEST(Alarms, RaiseAfterDelayClearWithHysteresis) {
  Fixture f;
  EXPECT_FALSE(f.step(kT0, 36.0).raised[alarm_index(kHigh)]);
  EXPECT_FALSE(f.step(kT0 + 599'000, 36.2).raised[alarm_index(kHigh)]);
  const AlarmEvents e = f.step(kT0 + 600'000, 36.4);
  EXPECT_TRUE(e.raised[alarm_index(kHigh)]);
  EXPECT_TRUE(f.rec(kHigh).active);
  EXPECT_EQ(f.rec(kHigh).raised_ms, kT0 + 600'000);
  EXPECT_EQ(alarm_message(kHigh, f.rec(kHigh)), "air temperature high: 36.4 °C (limit 35 °C)");
  // 34.5 °C: inside the hysteresis, still active; 34 °C clears.
  EXPECT_FALSE(f.step(kT0 + 700'000, 34.5).cleared[alarm_index(kHigh)]);
  EXPECT_TRUE(f.rec(kHigh).active);
  EXPECT_TRUE(f.step(kT0 + 800'000, 34.0).cleared[alarm_index(kHigh)]);
  EXPECT_FALSE(f.rec(kHigh).active);
}

TEST(Alarms, ConditionThatFallsBackRestartsTheDelay) {
  Fixture f;
  f.step(kT0, 36.0);
  f.step(kT0 + 300'000, 34.5);  // below the limit: the delay stops
  f.step(kT0 + 600'000, 36.0);  // starts again here
  EXPECT_FALSE(f.rec(kHigh).active);
  f.step(kT0 + 1'199'000, 36.0);
  EXPECT_FALSE(f.rec(kHigh).active);
  f.step(kT0 + 1'200'000, 36.0);
  EXPECT_TRUE(f.rec(kHigh).active);
}

TEST(Alarms, AcknowledgeAndLowAlarm) {
  Fixture f;
  const AlarmId low{AlarmKind::kTAirLow, 0};
  EXPECT_FALSE(acknowledge_alarm(f.board, low));
  f.step(kT0, 7.0);
  f.step(kT0 + 600'000, 6.5);
  ASSERT_TRUE(f.rec(low).active);
  EXPECT_TRUE(acknowledge_alarm(f.board, low));
  f.step(kT0 + 700'000, 8.5);  // inside hysteresis: stays active and acknowledged
  EXPECT_TRUE(f.rec(low).active);
  EXPECT_TRUE(f.rec(low).acknowledged);
  f.step(kT0 + 800'000, 9.0);
  EXPECT_FALSE(f.rec(low).active);
  EXPECT_FALSE(f.rec(low).acknowledged);
}

TEST(Alarms, StaleSensorRaisesAfterItsDelayAndHoldsProcessAlarms) {
  Fixture f;
  f.step(kT0, 36.0);
  f.step(kT0 + 600'000, 36.0);
  ASSERT_TRUE(f.rec(kHigh).active);
  // The sensor stops: its last reading stays at kT0 + 600 s.
  const auto step_stale = [&](TimeMs now) {
    const SensorView view = check_sensors(f.sensors, f.m, now);
    AlarmInputs in;
    in.now_ms = now;
    in.sensors = &view;
    in.sensor_settings = &f.sensors;
    in.measurements = &f.m;
    return update_alarms(f.s, in, f.board);
  };
  const AlarmId stale = sensor_alarm(AlarmKind::kSensorStale, SensorId::kTAir);
  step_stale(kT0 + 1'200'000);  // age 600 s: not stale yet
  EXPECT_FALSE(f.rec(stale).pending);
  step_stale(kT0 + 1'260'000);  // age 660 s: stale, delay 60 s runs
  EXPECT_FALSE(f.rec(stale).active);
  const AlarmEvents e = step_stale(kT0 + 1'320'000);
  EXPECT_TRUE(e.raised[alarm_index(stale)]);
  EXPECT_EQ(alarm_message(stale, f.rec(stale)),
            "sensor stale: air temperature (t_air_c) last reported 12 min ago (limit 10 min)");
  // The high-temperature alarm neither clears nor rises while its sensor is lost.
  EXPECT_TRUE(f.rec(kHigh).active);
  // Back: the stale alarm clears at once.
  EXPECT_TRUE(f.step(kT0 + 1'400'000, 30.0).cleared[alarm_index(stale)]);
}

TEST(Alarms, ActuatorAndPipeNotFollowing) {
  Fixture f;
  f.m.vent_lee_open_frac = good_reading(0.1, kT0);
  FeedbackInputs fb;
  fb.installed[static_cast<std::size_t>(FeedbackId::kVentLee)] = true;
  fb.command[static_cast<std::size_t>(FeedbackId::kVentLee)] = 0.8;
  const AlarmId vent = feedback_alarm(FeedbackId::kVentLee);
  f.step(kT0, 20.0, fb);
  f.step(kT0 + 599'000, 20.0, fb);
  EXPECT_FALSE(f.rec(vent).active);
  f.step(kT0 + 600'000, 20.0, fb);
  EXPECT_TRUE(f.rec(vent).active);
  EXPECT_EQ(alarm_message(vent, f.rec(vent)), "lee vent not following: commanded 0.80, at 0.10");
  // Within half the tolerance: cleared.
  f.m.vent_lee_open_frac.value = 0.76;
  EXPECT_TRUE(f.step(kT0 + 660'000, 20.0, fb).cleared[alarm_index(vent)]);

  // The pipe stays 15 °C under its set-point while the boiler heats.
  f.m.t_pipe_c = good_reading(45.0, kT0);
  FeedbackInputs heat;
  heat.installed[static_cast<std::size_t>(FeedbackId::kHeatingPipe)] = true;
  heat.command[static_cast<std::size_t>(FeedbackId::kHeatingPipe)] = 60.0;
  heat.heating_frac = 0.7;
  const AlarmId pipe = feedback_alarm(FeedbackId::kHeatingPipe);
  f.step(kT0 + 1'000'000, 20.0, heat);
  f.step(kT0 + 1'600'000, 20.0, heat);
  EXPECT_TRUE(f.rec(pipe).active);
  EXPECT_EQ(alarm_message(pipe, f.rec(pipe)),
            "heating not following: pipe at 45.0 °C, set-point 60.0 °C");
  heat.heating_frac = 0.0;  // boiler off: no expectation, clears
  EXPECT_TRUE(f.step(kT0 + 1'700'000, 20.0, heat).cleared[alarm_index(pipe)]);
}

TEST(Alarms, PipeWaitsForItsOwnDelay) {
  // A pipe warming up from 45 °C towards 60 °C at full boiler is not a fault until pipe_delay_s
  // (its heat-up time) has passed; a vent still answers after feedback_delay_s.
  Fixture f;
  f.s.pipe_delay_s = 3000.0;
  f.m.t_pipe_c = good_reading(45.0, kT0);
  f.m.vent_lee_open_frac = good_reading(0.1, kT0);
  FeedbackInputs fb;
  fb.installed[static_cast<std::size_t>(FeedbackId::kHeatingPipe)] = true;
  fb.command[static_cast<std::size_t>(FeedbackId::kHeatingPipe)] = 60.0;
  fb.heating_frac = 1.0;
  fb.installed[static_cast<std::size_t>(FeedbackId::kVentLee)] = true;
  fb.command[static_cast<std::size_t>(FeedbackId::kVentLee)] = 0.8;
  const AlarmId pipe = feedback_alarm(FeedbackId::kHeatingPipe);
  const AlarmId vent = feedback_alarm(FeedbackId::kVentLee);
  f.step(kT0, 20.0, fb);
  f.step(kT0 + 600'000, 20.0, fb);
  EXPECT_TRUE(f.rec(vent).active);
  EXPECT_FALSE(f.rec(pipe).active);
  f.step(kT0 + 2'999'000, 20.0, fb);
  EXPECT_FALSE(f.rec(pipe).active);
  f.step(kT0 + 3'000'000, 20.0, fb);
  EXPECT_TRUE(f.rec(pipe).active);
}

TEST(Alarms, KeysRoundTripAndPriorities) {
  for (std::size_t i = 0; i < kAlarmCount; ++i) {
    const AlarmId id = alarm_id_at(i);
    EXPECT_EQ(alarm_index(id), i);
    AlarmId back{};
    ASSERT_TRUE(alarm_from_key(alarm_key(id), back)) << alarm_key(id);
    EXPECT_EQ(alarm_index(back), i);
  }
  EXPECT_EQ(kAlarmCount, 55u);
  EXPECT_EQ(alarm_key(sensor_alarm(AlarmKind::kSensorMissing, SensorId::kCo2Air)),
            "sensor_missing.co2_air_ppm");
  EXPECT_EQ(alarm_key(feedback_alarm(FeedbackId::kScreenShade)), "not_following.screen_shade");
  AlarmSettings s;
  s.t_air_high.priority = 1;
  s.sensor_priority = 3;
  EXPECT_EQ(alarm_priority(s, kHigh), 1);
  EXPECT_EQ(alarm_priority(s, sensor_alarm(AlarmKind::kSensorStale, SensorId::kWind)), 3);
}

}  // namespace
}  // namespace egin::control
