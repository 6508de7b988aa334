// Sensor checks: each verdict and their order (not installed, missing, out of range, stale).
#include "egin/control/sensor_check.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace egin::control {
namespace {

constexpr TimeMs kNow = 1'750'000'000'000;

TEST(SensorCheck, Verdicts) {
  const SensorSettings s{true, -30.0, 60.0, 600.0};
  EXPECT_EQ(check_reading(s, good_reading(20.0, kNow), kNow), SensorStatus::kOk);
  EXPECT_EQ(check_reading(s, good_reading(20.0, kNow - 600'000), kNow), SensorStatus::kOk);
  EXPECT_EQ(check_reading(s, good_reading(20.0, kNow - 600'001), kNow), SensorStatus::kStale);
  EXPECT_EQ(check_reading(s, good_reading(61.0, kNow), kNow), SensorStatus::kOutOfRange);
  EXPECT_EQ(check_reading(s, good_reading(-31.0, kNow - 900'000), kNow),
            SensorStatus::kOutOfRange);  // implausible wins over stale
  EXPECT_EQ(check_reading(s, {20.0, kNow, Quality::kBad}, kNow), SensorStatus::kOutOfRange);
  EXPECT_EQ(check_reading(s, good_reading(20.0, kNow + 700'000), kNow),
            SensorStatus::kOutOfRange);  // from the future
  EXPECT_EQ(check_reading(s, Reading{}, kNow), SensorStatus::kMissing);
  EXPECT_EQ(check_reading(s, good_reading(std::numeric_limits<double>::quiet_NaN(), kNow), kNow),
            SensorStatus::kMissing);
  EXPECT_EQ(check_reading(SensorSettings{}, good_reading(20.0, kNow), kNow),
            SensorStatus::kNotInstalled);
}

TEST(SensorCheck, ViewGivesUsableValuesOnly) {
  SensorSettingsTable table{};
  table[index_of(SensorId::kTAir)] = {true, -30.0, 60.0, 600.0};
  table[index_of(SensorId::kRhAir)] = {true, 0.0, 100.0, 600.0};
  Measurements m;
  m.t_air_c = good_reading(21.5, kNow);
  m.rh_air_pct = good_reading(120.0, kNow);
  const SensorView v = check_sensors(table, m, kNow);
  EXPECT_EQ(v.get(SensorId::kTAir), 21.5);
  EXPECT_FALSE(v.get(SensorId::kRhAir));
  EXPECT_TRUE(v.failed(SensorId::kRhAir));
  EXPECT_FALSE(v.failed(SensorId::kWind));  // not installed is not a fault
  EXPECT_FALSE(v.installed(SensorId::kWind));
}

TEST(SensorCheck, KeysRoundTrip) {
  for (std::size_t i = 0; i < kSensorCount; ++i) {
    SensorId id{};
    ASSERT_TRUE(sensor_from_key(sensor_key(static_cast<SensorId>(i)), id));
    EXPECT_EQ(index_of(id), i);
  }
  SensorId id = SensorId::kWind;
  EXPECT_FALSE(sensor_from_key("t_air", id));
  EXPECT_EQ(id, SensorId::kWind);
  // The member table matches the field names.
  Measurements m;
  m[SensorId::kCo2Air] = good_reading(456.0, kNow);
  EXPECT_EQ(m.co2_air_ppm.value, 456.0);
  EXPECT_EQ(sensor_key(SensorId::kScreenBlackoutFeedback), "screen_blackout_closed_frac");
}

}  // namespace
}  // namespace egin::control
