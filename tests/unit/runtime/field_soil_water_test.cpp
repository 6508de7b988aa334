#include "egin/runtime/field_soil_water.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace egin::runtime {
namespace {

// FAO-56 Table 19, loam: θFC 0.22–0.36, θWP 0.07–0.17 m3/m3; the mid values.
constexpr double kThetaFc = 0.29;
constexpr double kThetaWp = 0.12;

TEST(RootZoneWaterContent, InvertsFao56Eq87) {
  // Eq. 87 forwards: a root zone of 0.8 m at θ = 0.20 is depleted Dr = 1000 (θFC − θ) Zr.
  const double theta = 0.20;
  const double zr_m = 0.8;
  const double dr_mm = 1000.0 * (kThetaFc - theta) * zr_m;  // 72 mm
  EXPECT_NEAR(dr_mm, 72.0, 1e-9);
  EXPECT_NEAR(root_zone_water_content_m3_m3(kThetaFc, dr_mm, zr_m), theta, 1e-12);
}

TEST(RootZoneWaterContent, SpansWiltingPointToFieldCapacity) {
  for (const double zr_m : {0.1, 0.6, 1.5}) {
    const double taw_mm = 1000.0 * (kThetaFc - kThetaWp) * zr_m;  // FAO-56 Eq. 82
    EXPECT_DOUBLE_EQ(root_zone_water_content_m3_m3(kThetaFc, 0.0, zr_m), kThetaFc);
    EXPECT_NEAR(root_zone_water_content_m3_m3(kThetaFc, taw_mm, zr_m), kThetaWp, 1e-12);
    // Deeper roots hold the same depletion at a higher water content.
    EXPECT_GT(root_zone_water_content_m3_m3(kThetaFc, 30.0, zr_m * 2.0),
              root_zone_water_content_m3_m3(kThetaFc, 30.0, zr_m));
  }
  EXPECT_THROW((void)root_zone_water_content_m3_m3(kThetaFc, 10.0, 0.0), std::invalid_argument);
}

fieldwater::DayRecord day(Date date, double dr_mm, double zr_m) {
  fieldwater::DayRecord r;
  r.date = date;
  r.dr_mm = dr_mm;
  r.zr_m = zr_m;
  return r;
}

TEST(RootZoneWaterContentAt, LinearWithinTheLocalDay) {
  constexpr int kOffsetMin = 300;  // UTC+5
  const Date d1(2025, 7, 9);
  const Date d2(2025, 7, 10);
  fieldwater::ScheduleResult result;
  result.observed.push_back(day(d1, 40.0, 0.8));
  fieldwater::ProjectedDay p;
  p.record = day(d2, 48.0, 1.0);
  result.projection.push_back(p);
  const double end1 = root_zone_water_content_m3_m3(kThetaFc, 40.0, 0.8);
  const double end2 = root_zone_water_content_m3_m3(kThetaFc, 48.0, 1.0);
  // 2025-07-10 00:00 local = 2025-07-09T19:00Z.
  const TimeMs d2_start_ms = static_cast<TimeMs>(d2.days_since_epoch()) * kMsPerDay -
                             static_cast<TimeMs>(kOffsetMin) * kMsPerMinute;
  EXPECT_NEAR(*root_zone_water_content_at(result, kThetaFc, d2_start_ms, kOffsetMin), end1, 1e-12);
  EXPECT_NEAR(
      *root_zone_water_content_at(result, kThetaFc, d2_start_ms + kMsPerDay / 2, kOffsetMin),
      0.5 * (end1 + end2), 1e-12);
  EXPECT_NEAR(
      *root_zone_water_content_at(result, kThetaFc, d2_start_ms + kMsPerDay - 1, kOffsetMin), end2,
      1e-9);
  // The first day has no day before: its end all day.
  EXPECT_NEAR(*root_zone_water_content_at(result, kThetaFc, d2_start_ms - kMsPerHour, kOffsetMin),
              end1, 1e-12);
  EXPECT_FALSE(root_zone_water_content_at(result, kThetaFc, d2_start_ms + kMsPerDay, kOffsetMin));
}

TEST(SoilWaterRecords, OnlyVolumetricWaterContentChannels) {
  ZoneSpec zone;
  zone.id = "apple-02";
  zone.kind = ZoneKind::field;
  auto channel = [](const char* id, const char* quantity, const char* unit) {
    ChannelSpec c;
    c.id = id;
    c.quantity = quantity;
    c.unit = unit;
    return c;
  };
  DeviceSpec soil;
  soil.id = "soil";
  soil.channels = {channel("theta_30cm", "volumetric_water_content", "%"),
                   channel("tension_30cm", "soil_water_tension", "kPa"),
                   channel("theta_60cm", "volumetric_water_content", "%")};
  DeviceSpec drip;
  drip.id = "drip";
  drip.channels = {channel("flow", "water_flow", "m3/h")};
  zone.devices = {soil, drip};
  const std::vector<SenmlRecord> records = soil_water_records(zone, 0.215, 3'600'000);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].name, "apple-02/soil/theta_30cm");
  EXPECT_EQ(records[1].name, "apple-02/soil/theta_60cm");
  EXPECT_EQ(records[1].index, 1U);
  EXPECT_EQ(records[0].unit, "%");
  EXPECT_DOUBLE_EQ(*records[0].value, 21.5);
  EXPECT_DOUBLE_EQ(records[0].time_s, 3600.0);
}

}  // namespace
}  // namespace egin::runtime
