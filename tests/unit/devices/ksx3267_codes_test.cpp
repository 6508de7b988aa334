#include "egin/devices/ksx3267_codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace egin::ksx3267 {
namespace {

// Reference §1.4: captured reply reg101..104 = [1, 2, 11, 14] = temperature, humidity, CO2,
// soil moisture [S7]; EC 12, pH 16, pyranometer 7, flow 5 [S9].
TEST(Ksx3267Codes, SensorCodesOfTheReference) {
  EXPECT_EQ(sensor_kind(1)->unit, "Cel");
  EXPECT_EQ(sensor_kind(2)->unit, "%RH");
  EXPECT_EQ(sensor_kind(11)->unit, "ppm");
  EXPECT_EQ(sensor_kind(14)->quantity, "volumetric_water_content");
  EXPECT_EQ(sensor_kind(12)->unit, "dS/m");
  EXPECT_EQ(sensor_kind(16)->unit, "pH");
  EXPECT_EQ(sensor_kind(7)->unit, "W/m2");
  EXPECT_EQ(sensor_kind(5)->unit, "l");
  EXPECT_FALSE(sensor_kind(0));
  EXPECT_FALSE(sensor_kind(19));  // "not identified" in the reference
  std::set<std::string_view> stems;
  for (std::uint16_t code = 1; code <= 18; ++code) {
    const auto kind = sensor_kind(code);
    ASSERT_TRUE(kind) << code;
    EXPECT_LT(kind->min, kind->max);
    EXPECT_TRUE(stems.insert(kind->stem).second) << kind->stem;
  }
}

TEST(Ksx3267Codes, ActuatorDevicesAndLevels) {
  EXPECT_EQ(actuator_device(102)->kind, ActuatorKind::kSwitch);
  EXPECT_EQ(actuator_device(102)->level, 1);
  EXPECT_EQ(actuator_device(112)->kind, ActuatorKind::kOpener);
  EXPECT_EQ(actuator_device(113)->level, 2);
  EXPECT_FALSE(actuator_device(104));
  EXPECT_FALSE(actuator_device(1));
}

// Annex B.3 as in reference §1.6: level-2 codes are 203, 305, 306.
TEST(Ksx3267Codes, CommandLevelsAndKinds) {
  EXPECT_EQ(command_level(Command::kDirectionalOn), 2);
  EXPECT_EQ(command_level(Command::kSetPosition), 2);
  EXPECT_EQ(command_level(Command::kSetConfig), 2);
  EXPECT_EQ(command_level(Command::kTimedOpen), 1);
  EXPECT_TRUE(command_fits(Command::kOffOrStop, ActuatorKind::kSwitch));
  EXPECT_TRUE(command_fits(Command::kOffOrStop, ActuatorKind::kOpener));
  EXPECT_FALSE(command_fits(Command::kOpen, ActuatorKind::kSwitch));
  EXPECT_FALSE(command_fits(Command::kTimedOn, ActuatorKind::kOpener));
  EXPECT_EQ(command_name(Command::kOffOrStop, ActuatorKind::kSwitch), "off");
  EXPECT_EQ(command_name(Command::kOffOrStop, ActuatorKind::kOpener), "stop");
  EXPECT_EQ(parse_command("stop", ActuatorKind::kOpener), Command::kOffOrStop);
  EXPECT_FALSE(parse_command("stop", ActuatorKind::kSwitch));
  EXPECT_EQ(parse_command("timed_close", ActuatorKind::kOpener), Command::kTimedClose);
  EXPECT_TRUE(is_timed(Command::kTimedOn));
  EXPECT_FALSE(is_timed(Command::kOpen));
  EXPECT_FALSE(command_from_code(204));
  EXPECT_EQ(command_from_code(302), Command::kClose);
}

// Annex B.2: 101/102/103 are the sensors' maintenance statuses; 1, 3–6 faults; 900–999 vendor.
TEST(Ksx3267Codes, StatusQuality) {
  EXPECT_EQ(status_quality(0), Quality::kGood);
  EXPECT_EQ(status_quality(101), Quality::kNeedsReplacement);
  EXPECT_EQ(status_quality(102), Quality::kNeedsCalibration);
  EXPECT_EQ(status_quality(103), Quality::kNeedsCheck);
  EXPECT_EQ(status_quality(2), Quality::kBusy);
  for (const int fault : {1, 3, 4, 5, 6}) {
    EXPECT_EQ(status_quality(static_cast<std::uint16_t>(fault)), Quality::kFault) << fault;
    EXPECT_FALSE(quality_keeps_value(status_quality(static_cast<std::uint16_t>(fault))));
  }
  EXPECT_EQ(status_quality(901), Quality::kVendor);  // JiNong ABNORMALVALUE [S3]
  EXPECT_FALSE(quality_keeps_value(Quality::kVendor));
  EXPECT_EQ(status_quality(50), Quality::kUnknown);
  EXPECT_EQ(status_quality(299), Quality::kManual);
  EXPECT_TRUE(quality_keeps_value(Quality::kNeedsCalibration));
  EXPECT_EQ(status_name(301), "opening");
  EXPECT_EQ(status_name(950), "vendor");
}

TEST(Ksx3267Codes, ProductTypesAndProtocols) {
  EXPECT_EQ(product_type_name(1), "sensor");
  EXPECT_EQ(product_type_name(2), "actuator");
  EXPECT_EQ(product_type_name(9), "unknown");
  EXPECT_TRUE(is_known_protocol(10));
  EXPECT_TRUE(is_known_protocol(20));
  EXPECT_FALSE(is_known_protocol(0));
}

}  // namespace
}  // namespace egin::ksx3267
